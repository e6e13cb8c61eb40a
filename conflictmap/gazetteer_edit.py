"""Changes to gazetteer.yaml from the app, validated against the whole gazetteer, its checker and the common
words before anything is written; the file keeps its mode, and an edit says how many events it changes."""
from __future__ import annotations

import json
import math
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import gazetteer_check, store, yamlsafe
from .config import PACKAGE_DATA
from .events import extract
from .gazetteer import Gazetteer, GazetteerError, load
from .models import Article, Place
from .names import fold_name

OTHER_PLACE_POPULATION = 10_000  # a town this large keeps its name to itself: no other place may take it
SAME_PLACE_KM = 20  # a new place this near a place of the same name in the same oblast is that place
MAX_NAME = 80


@dataclass(frozen=True)
class Impact:
    """What an edit does to the stored articles: those that name it, and their events before and after."""

    articles: int
    before: int
    after: int

    def __str__(self) -> str:
        if not self.articles:
            return "No stored article uses the name yet."
        return (f"{self.articles} stored articles use the name: their events go from {self.before} to {self.after} "
                "when they are re-extracted.")


def add_alias(path: Path, base: Path, geodata: Path, gaz: Gazetteer, place_id: str, alias: str,
              write: bool = True) -> Gazetteer:
    """Teach the gazetteer another name of a place it knows; a place written in gazetteer.yaml before gets
    the name in its own entry. Without `write`, only checked: the gazetteer it would give (for `impact`)."""
    alias = alias.strip()
    place = gaz.places.get(place_id)
    if place is None:
        raise GazetteerError(f"no place {place_id!r} in the gazetteer")
    if place.kind == "region":
        raise GazetteerError("regions are edited in the regions section of gazetteer.yaml")
    _check_name(gaz, alias, place)
    text = path.read_text(encoding="utf-8")
    entries, nodes = _places(text, path)
    for entry, node in zip(entries, nodes):
        if entry.get("id") == place.id or (not entry.get("id") and fold_name(entry["name"]) == fold_name(place.name)
                                           and entry.get("region", "") == place.region):
            changed = {**entry, "names": [*entry.get("names", []), alias]}
            end = node.end_mark.index
            while text[end - 1] in " \n":
                end -= 1
            return _write(path, base, geodata, text[:node.start_mark.index] + _flow(changed) + text[end:],
                          node.start_mark.line + 1, write)
    entry = {"id": place.id, "name": place.name, "names": [alias], "source": "alias added in the app"}
    return _write(path, base, geodata, *_appended(text, path, entry), write)


def add_place(path: Path, base: Path, geodata: Path, gaz: Gazetteer, name: str, region: str, lat: float,
              lon: float, names: list[str], source: str, write: bool = True) -> Gazetteer:
    """Add a settlement the gazetteer lacks, with where its coordinates come from (without `write`, only checked)."""
    name, names = name.strip(), [n.strip() for n in names if n.strip()]
    if not source.strip():
        raise GazetteerError("say where the coordinates come from")
    new = Place(id="new", name=name, kind="settlement", lat=float(lat), lon=float(lon), region=region)
    for known in gaz.lookup(name):
        if known.kind == "settlement" and known.region == region and _km(known, new) <= SAME_PLACE_KM:
            raise GazetteerError(f"{known.name}, {region} is already in the gazetteer ({known.lat:.4f}, "
                                 f"{known.lon:.4f}, {_km(known, new):.0f} km away): add another name to it instead")
    _check_name(gaz, name, new, own=True)  # villages of one name are many, even in one oblast
    for other in names:
        _check_name(gaz, other, new)
    entry = {"name": name, "region": region, "lat": round(float(lat), 5), "lon": round(float(lon), 5),
             "names": names, "source": source.strip()}
    text = path.read_text(encoding="utf-8")
    return _write(path, base, geodata, *_appended(text, path, entry), write)


def impact(before: Gazetteer, after: Gazetteer, articles: Iterable[Article]) -> Impact:
    """How many stored articles an edit touches, and their events before and after it (read again)."""
    touched = [a for a in articles if _places_found(before, a.text) != _places_found(after, a.text)]
    return Impact(len(touched), sum(len(extract(a, before)) for a in touched),
                  sum(len(extract(a, after)) for a in touched))


def stored_articles(engine) -> Iterable[Article]:
    """Every stored article, one at a time, for `impact`."""
    for listed in store.article_list(engine):
        row = store.article_with_events(engine, listed["id"])
        yield Article(file=row["file"], text=row["text"], published=row["published"], outlet=row["outlet"] or "",
                      url=row["url"] or "", language=row.get("language") or "en")


def _places_found(gaz: Gazetteer, text: str) -> list:
    return [(m.start, m.end, m.candidates) for m in gaz.find(text)]


def _check_name(gaz: Gazetteer, name: str, place: Place, own: bool = False) -> None:
    """A name may be given to `place` only when it is a name, is no common word and, unless it is the place's
    `own` name, names no other place that would be confused with it (a region, a town, a place of its oblast)."""
    if sum(c.isalpha() for c in name) < 3 or len(name) > MAX_NAME or not name.isprintable():
        raise GazetteerError(f"{name!r}: a name needs at least three letters, at most {MAX_NAME} characters, "
                             "and no line breaks")
    if fold_name(name) in _generic_words():
        raise GazetteerError(f"{name!r} is a common word: every article that uses it would report on {place.name}")
    for other in [] if own else gaz.lookup(name):
        if other.id == place.id:
            raise GazetteerError(f"{name!r} is already a name of {place.name}")
        if other.kind == "region" or other.population >= OTHER_PLACE_POPULATION or other.region == place.region:
            where = other.region or other.country
            raise GazetteerError(f"{name!r} is the name of {other.name}{', ' + where if where else ''}: "
                                 f"it cannot also be {place.name}'s")


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    words = set()
    for file in ("generic_words.txt", "common_words_cyrillic.txt"):
        lines = (PACKAGE_DATA / file).read_text(encoding="utf-8").splitlines()
        words.update(fold_name(w) for w in lines if w.strip() and not w.startswith("#"))
    return frozenset(words)


def _km(a: Place, b: Place) -> float:
    dlat, dlon = math.radians(b.lat - a.lat), math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(a.lat)) * math.cos(math.radians(b.lat)) * math.sin(dlon / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _places(text: str, path: Path) -> tuple[list[dict], list]:
    """The entries of the places section and their YAML nodes (for where each starts and ends)."""
    try:
        data, root = yamlsafe.load(text), yamlsafe.compose(text)
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{path}: fix the file first: {exc}") from None
    for key, value in getattr(root, "value", []):
        if key.value == "places":
            return data["places"], value.value
    return [], []


def _flow(entry: dict) -> str:
    return "{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in entry.items()) + "}"


def _appended(text: str, path: Path, entry: dict) -> tuple[str, int]:
    """The text with the entry as the last of the places section, and the line it is on."""
    marker = "\ngovernments:"
    if marker not in text or "\nplaces:\n" not in text:
        raise GazetteerError(f"{path}: expected a places section followed by governments")
    head = text[:text.index(marker) + 1].rstrip("\n") + "\n"
    return head + "  - " + _flow(entry) + "\n" + text[text.index(marker):], head.count("\n") + 1


def _write(path: Path, base: Path, geodata: Path, updated: str, line: int, write: bool) -> Gazetteer:
    """Check a copy holding the edit (its line must raise no problem), then (`write`) put it in place with the
    file's mode."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(updated)
        os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        problems = [p for p in gazetteer_check.check(Path(tmp), base, geodata)
                    if p.startswith(f"{tmp}:{line}:") or not p.startswith(f"{tmp}:")]
        if problems:
            raise GazetteerError(problems[0].replace(f"{tmp}:{line}: ", "").replace(tmp, str(path)))
        try:
            gaz = load(Path(tmp), base)
        except GazetteerError as exc:
            raise GazetteerError(str(exc).replace(tmp, str(path))) from None
        if write:
            os.replace(tmp, path)
        return gaz
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
