"""The gazetteer's cache beside the store, as plain data (JSON): never code.

A store folder may come from someone else, so its cache is read as data only and checked before use.
The first line is a small header (format and the stamp of the sources), so a stale cache is turned away
without parsing the rest. A cache that does not verify (another format, another stamp, a missing or
mistyped column) is ignored, and the gazetteer is rebuilt from its sources. The Aho-Corasick automaton
is not stored (its own format is read by C code): it is rebuilt from the names, which takes about as
long as parsing the JSON.
"""
from __future__ import annotations

import gc
import json
import os
from itertools import islice
from pathlib import Path

from .gazetteer import Gazetteer
from .models import Place

FORMAT = "conflictmap gazetteer cache"
VERSION = 5  # 2: hromadas' names for their centres (gazetteer._hromada_names); 3: raions; 4: centres;
# 5: a hromada's centre is the settlement at its villages' point
# named like their hromada by any Latin name
HOWS = ("primary", "region", "curated", "alias")  # how a name matched, stored as its index here
PLACE_COLUMNS = ("id", "name", "kind", "lat", "lon", "region", "country", "population", "precision",
                 "raion")  # Place's order
TEXT_COLUMNS = ("id", "name", "kind", "region", "country", "precision", "raion")
CODED_COLUMNS = ("kind", "region", "country", "precision", "raion")  # few distinct values: stored as codes
MAX_HEADER = 64 * 1024
MAX_BYTES = 256 * 1024 * 1024  # the cache of the whole gazetteer is about 7 MB


def load(path: Path, stamp: str) -> Gazetteer | None:
    """The cached gazetteer, or None when there is no cache or it does not verify."""
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects, none cyclic: collections would cost a quarter of the time
    try:
        with path.open("rb") as fh:
            header = json.loads(fh.readline(MAX_HEADER))
            expected = {"format": FORMAT, "version": VERSION, "stamp": stamp}
            if header != expected or os.fstat(fh.fileno()).st_size > MAX_BYTES:
                return None
            return _gazetteer(json.loads(fh.read()))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None  # JSON and Unicode errors are ValueErrors; a part of the wrong type, a TypeError or AttributeError
    finally:
        if collecting:
            gc.enable()


def save(path: Path, stamp: str, gaz: Gazetteer) -> None:
    """Write the cache atomically; a folder that cannot be written is left without one."""
    places = list(gaz.places.values())
    index = {p.id: i for i, p in enumerate(places)}
    columns = {c: [getattr(p, c) for p in places] for c in PLACE_COLUMNS}
    columns["other_names"] = [list(p.other_names) for p in places]
    vocabularies = {c: sorted(set(columns[c])) for c in CODED_COLUMNS}
    for c, words in vocabularies.items():
        code = {w: i for i, w in enumerate(words)}
        columns[c] = [code[v] for v in columns[c]]
    pairs = [pair for cands in gaz.keys.values() for pair in cands]
    body = {"places": columns, "vocabularies": vocabularies, "keys": list(gaz.keys),
            "counts": [len(cands) for cands in gaz.keys.values()], "place": [index[pid] for pid, _ in pairs],
            "how": [HOWS.index(how) for _, how in pairs],
            "governments": sorted(gaz.governments), "front_regions": sorted(gaz.front_regions),
            "contains": {k: sorted(v) for k, v in gaz.contains.items()}, "common_words": sorted(gaz.common_words)}
    header = {"format": FORMAT, "version": VERSION, "stamp": stamp}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps(header) + "\n")
            json.dump(body, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(partial, path)
    except OSError:
        pass  # a read-only place: work without a cache


def _gazetteer(body: dict) -> Gazetteer:
    """The gazetteer from a parsed cache body; ValueError (or TypeError, KeyError, IndexError) when a part
    is not as `save` writes it."""
    columns = body["places"]
    _check(set(body["vocabularies"]) == set(CODED_COLUMNS))
    for c, words in body["vocabularies"].items():
        _check(c in CODED_COLUMNS and _all(words, str) and _all(columns[c], int))
        columns[c] = list(map(words.__getitem__, columns[c]))  # a code out of range raises IndexError
    count = len(columns["id"])
    _check(all(len(columns[c]) == count for c in PLACE_COLUMNS + ("other_names",)))
    _check(all(_all(columns[c], str) for c in TEXT_COLUMNS) and _all(columns["population"], int))
    _check(all(_all(columns[c], float) for c in ("lat", "lon")))
    _check(_all(columns["other_names"], list) and all(_all(names, str) for names in columns["other_names"]))
    places = list(map(Place, *(columns[c] for c in PLACE_COLUMNS), map(tuple, columns["other_names"])))
    keys, counts, place, how = body["keys"], body["counts"], body["place"], body["how"]
    _check(_all(keys, str) and all(keys) and _all(counts, int) and len(keys) == len(counts))
    _check(min(counts, default=1) > 0)
    _check(len(place) == len(how) == sum(counts) and _all(place, int) and _all(how, int))
    _check(min(place, default=0) >= 0 and min(how, default=0) >= 0)
    ids = [p.id for p in places]
    pairs = iter(list(zip(map(ids.__getitem__, place), map(HOWS.__getitem__, how))))
    key_map = {key: list(islice(pairs, n)) for key, n in zip(keys, counts)}
    words = {name: body[name] for name in ("governments", "front_regions", "common_words")}
    _check(all(_all(v, str) for v in words.values()))
    contains = body["contains"]
    _check(type(contains) is dict and all(_all(v, str) for v in contains.values()))
    return Gazetteer(dict(zip(ids, places)), key_map, set(words["governments"]), set(words["front_regions"]),
                     {k: set(v) for k, v in contains.items()}, frozenset(words["common_words"]))


def _all(values: list, *types: type) -> bool:
    """Is `values` a list whose items are all of `types` exactly (no bool for int)?"""
    return type(values) is list and set(map(type, values)) <= set(types)


def _check(condition: bool) -> None:
    if not condition:
        raise ValueError("the gazetteer cache is not as written")
