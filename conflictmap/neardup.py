"""Near-duplicate articles: the same wire story run by several outlets, with their own headlines,
bylines and boilerplate. A bottom-k MinHash sketch of word shingles (the k smallest 64-bit hashes)
estimates how much text two articles share.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

SKETCH = 64  # hashes kept per article
SHINGLE = 5  # words
SAME_STORY = 0.5  # estimated Jaccard similarity above which two articles are one story
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The 64 smallest hashes of the article's 5-word shingles, as bytes for the store."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    blake2b = hashlib.blake2b
    hashes = np.frombuffer(b"".join([blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles]),
                           dtype="<u8")
    return np.sort(hashes)[:SKETCH].astype(np.uint64).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of the union's smallest hashes that both sketches hold."""
    left, right = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    union = np.union1d(left, right)[:SKETCH]
    if not len(union):
        return 0.0
    both = np.isin(union, left, assume_unique=True) & np.isin(union, right, assume_unique=True)
    return float(both.mean())


def same_story(sig: bytes, candidates: list[tuple[int, bytes]]) -> int | None:
    """The id of the most similar candidate that tells the same story, if any."""
    best = max(((similarity(sig, other), cid) for cid, other in candidates if other), default=None)
    return best[1] if best and best[0] >= SAME_STORY else None
