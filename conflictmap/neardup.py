"""Near-duplicate articles: the same wire story run by several outlets, with their own headlines,
bylines and boilerplate. A bottom-k MinHash sketch of word shingles (the k smallest 64-bit hashes)
estimates how much text two articles share; an article's keys (its sketch's smallest hashes) find the
articles that may tell its story through an index, without comparing it with every article of its days.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

SKETCH = 64  # hashes kept per article
SHINGLE = 5  # words
SAME_STORY = 0.5  # estimated Jaccard similarity above which two articles are one story
KEYS = int(SKETCH * (1 - SAME_STORY)) + 1  # 33: two sketches of the same story share one of their 33 smallest
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The 64 smallest hashes of the article's 5-word shingles, as bytes for the store."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    blake2b = hashlib.blake2b
    hashes = np.frombuffer(b"".join([blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles]),
                           dtype="<u8")
    return np.sort(hashes)[:SKETCH].astype(np.uint64).tobytes()


def keys(sig: bytes) -> list[int]:
    """The sketch's KEYS smallest hashes, as signed 64-bit integers (what both databases index). Any two
    sketches that `same_story` can match share a key: their smallest common hash h. Every hash of either sketch
    below h is in one sketch only and among the union's first 64, where at most 64 - 32 such hashes are when
    at least half are common; so h is among each sketch's first 33."""
    return np.frombuffer(sig, dtype=np.int64)[:KEYS].tolist()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of the union's smallest hashes that both sketches hold."""
    left, right = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    union = np.union1d(left, right)[:SKETCH]
    if not len(union):
        return 0.0
    both = np.isin(union, left, assume_unique=True) & np.isin(union, right, assume_unique=True)
    return float(both.mean())


def same_story(sig: bytes, candidates: list[tuple[int, bytes]]) -> int | None:
    """The id of the most similar candidate that tells the same story, if any (the later id of equals).
    Whole sketches are compared with this one all at once, as `similarity` compares two."""
    whole = len(sig) == SKETCH * 8
    scores = [(similarity(sig, other), cid) for cid, other in candidates
              if other and not (whole and len(other) == len(sig))]
    full = [(cid, other) for cid, other in candidates if whole and len(other) == len(sig)]
    if full:
        ids = np.array([cid for cid, _ in full])
        mine = np.broadcast_to(np.frombuffer(sig, dtype=np.uint64), (len(full), SKETCH))
        theirs = np.frombuffer(b"".join(other for _, other in full), dtype=np.uint64).reshape(-1, SKETCH)
        both = np.sort(np.concatenate([mine, theirs], axis=1), axis=1)
        again = np.zeros(both.shape, dtype=bool)  # a hash of both sketches, met the second time
        again[:, 1:] = both[:, 1:] == both[:, :-1]
        rank = np.cumsum(~again, axis=1)  # distinct hashes so far: the union's first SKETCH have rank <= SKETCH
        score = (again & (rank <= SKETCH)).sum(axis=1) / np.minimum(rank[:, -1], SKETCH)
        best = np.lexsort((ids, score))[-1]
        scores.append((float(score[best]), int(ids[best])))
    best = max(scores, default=None)
    return best[1] if best and best[0] >= SAME_STORY else None
