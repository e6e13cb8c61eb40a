"""Names to places: the generated GeoNames base plus the curated `gazetteer.yaml` on top.

All names go into one Aho-Corasick automaton over folded text, so finding every place an article
names is one pass, whole words only, whatever the number of names.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import ahocorasick
import yaml

from .models import Place
from . import gazetteer_schema, yamlsafe
from .names import fold_name, name_keys, word_starts

COMMON_WORDS = "common_words.txt"  # beside the base; written by `gazetteer build`
PROMINENT = 1_000_000  # a city this large is meant even by another name that is also a word ("Odessa");
# a tenth of it suffices for a city's own name ("Donetsk")
GENERIC = ("region", "province")  # region phrases that start with a common word
REGION_FORMS = ("{} oblast", "{} region", "region of {}", "{} province", "province of {}", "{} oblast's")


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    surface: str
    candidates: tuple[tuple[str, str], ...]  # (place id, how the name matched: primary|region|curated|alias)


class Gazetteer:
    def __init__(self, places: dict[str, Place], keys: dict[str, list[tuple[str, str]]],
                 governments: set[str], front_regions: set[str], contains: dict[str, set[str]],
                 common_words: frozenset[str] = frozenset()):
        self.places = places
        self.common_words = common_words  # names that are also English words: matched only in context
        self.governments = governments
        self.front_regions = front_regions
        self.contains = contains  # region name -> region names it is made of (Donbas)
        self._keys = keys
        self.derived: dict = {}  # data computed from the places on demand (homonyms' arrays); never cached
        self._automaton = ahocorasick.Automaton()
        for key, cands in keys.items():  # " " + key: a name starts where a word starts (names.word_starts)
            self._automaton.add_word(" " + key, (len(key), tuple(cands), not key[0].isalpha() or key.startswith(GENERIC)))
        if keys:
            self._automaton.make_automaton()

    @property
    def keys(self) -> dict[str, list[tuple[str, str]]]:
        """Every folded name and the (place id, how) it may mean; read only."""
        return self._keys

    def __len__(self) -> int:
        return len(self.places)

    def lookup(self, name: str) -> list[Place]:
        seen = []
        for key in name_keys(name):
            for place_id, _ in self._keys.get(key, ()):
                if self.places[place_id] not in seen:
                    seen.append(self.places[place_id])
        return seen

    def region_of(self, place: Place) -> str:
        return place.name if place.kind == "region" else place.region

    def with_parts(self, regions: frozenset[str]) -> frozenset[str]:
        """Regions and the parts of each (Donbas: Donetsk and Luhansk oblasts)."""
        return frozenset(regions | {part for region in regions for part in self.contains.get(region, ())})

    def within(self, place: Place, region: Place) -> bool:
        """Does `place` lie in `region` (a region lies within itself and in the macro-regions)?"""
        own = self.region_of(place)
        return own == region.name or own in self.contains.get(region.name, ())

    def find(self, text: str) -> list[Match]:
        """Every whole-word, capitalised name in `text`, longest first, not overlapping."""
        if not self._keys:
            return []
        marked = word_starts(text)  # one character longer than the text
        found = []
        for end, (length, cands, generic) in self._automaton.iter(marked):
            start, end = end - length, end - 1
            # a name starts with a capital; a region phrase ("region of Sumy") has one inside
            if not (text[start].isupper() or (generic and _capitalised(text[start:end + 1]))):
                continue
            if not marked[end + 2:end + 3].isalnum():  # a whole word: its key starts with the space before it
                found.append((start, end + 1, cands))
        found.sort(key=lambda f: (f[0], -f[1]))
        kept, last_end = [], -1
        for start, end, cands in found:
            if start >= last_end:
                kept.append(Match(start, end, text[start:end], cands))
                last_end = end
        return kept


def _capitalised(surface: str) -> bool:
    return any(ch.isupper() for ch in surface)


def load(path: Path, base: Path) -> Gazetteer:
    """Load the base TSV and the curated YAML; raise GazetteerError naming the line at fault."""
    curated = _read_yaml(path)
    regions = {r["admin1"]: r["name"] for r in curated.get("regions", []) if r.get("admin1")}
    places: dict[str, Place] = {}
    names: dict[str, set[str]] = {}
    rows = _read_base(base)
    for row in rows:
        place = Place(id=row["id"], name=row["name"], kind="settlement", lat=float(row["lat"]),
                      lon=float(row["lon"]), region=regions.get(row["admin1"], ""),
                      country=row["country"], population=int(row["population"] or 0),
                      precision=row.get("precision") or "point", raion=row.get("raion") or "")
        places[place.id] = place
        names[place.id] = {n for n in row["names"].split("|") if n}
    hromadas = _hromada_names(rows)
    for pid, hromada_names in hromadas.items():
        names[pid] |= hromada_names
    approximate = {(fold_name(p.name), p.region): p.id for p in places.values() if p.precision != "point"}
    vouched: dict[str, set[str]] = {}  # names a person wrote into gazetteer.yaml
    for i, entry in enumerate(curated.get("places", [])):
        _apply_curated_place(entry, i, path, places, names, vouched, approximate)
    region_keys = {}
    for i, entry in enumerate(curated.get("regions", [])):
        place, keys = _region(entry, i, path)
        places[place.id] = place
        region_keys[place.id] = keys
    blocked = {fold_name(w) for w in curated.get("not_a_place", [])}
    keys = _build_keys(places, names, vouched, region_keys, blocked)
    for pid, others in names.items():  # a hromada's names find its centre but are not the centre's own
        shown = _display_names(places[pid].name, others - hromadas.get(pid, set()))
        places[pid] = replace(places[pid], other_names=shown)
    contains = {r["name"]: set(r.get("contains", [])) for r in curated.get("regions", [])}
    return Gazetteer(places, keys, {fold_name(g) for g in curated.get("governments", [])},
                     set(curated.get("front_regions", [])), contains, _common_words(base.parent / COMMON_WORDS))


HROMADA_WORDS = ("hromada", "community", "territorial community")


def _hromada_names(rows: list[dict]) -> dict[str, set[str]]:
    """A hromada's names ("Krasnopilska hromada", "Ternivska community") for the settlement at its centre:
    reports name the hromada where they mean its towns and villages, as ACLED codes them to the centre.
    The codifier names no centre; the build placed the villages it could not place at the centre's point,
    so the settlement standing there is the centre (Nova Sloboda, not the village Novoslobidske of the
    Novoslobidska hromada); else the one named like the hromada, else the most populous."""
    centres = _centre_points(rows)
    best: dict[tuple, tuple] = {}
    for row in rows:
        hromada = row.get("hromada")
        if not hromada:
            continue
        unit = (row["admin1"], row.get("raion", ""), hromada)
        at_centre = row.get("precision") != "hromada" and centres.get(unit) == (row["lat"], row["lon"])
        rank = (at_centre, _named_like(row, hromada), int(row["population"] or 0), row.get("precision") == "point")
        if unit not in best or rank > best[unit][0]:
            best[unit] = (rank, row["id"])
    found: dict[str, set[str]] = {}
    for (_, _, hromada), (_, pid) in best.items():
        found.setdefault(pid, set()).update(f"{hromada} {word}" for word in HROMADA_WORDS)
    return found


def _centre_points(rows: list[dict]) -> dict[tuple, tuple[str, str]]:
    """Each hromada's centre point: where most of its villages placed at the centre stand (gazetteer_build)."""
    points: dict[tuple, Counter] = {}
    for row in rows:
        if row.get("precision") == "hromada" and row.get("hromada"):
            unit = (row["admin1"], row.get("raion", ""), row["hromada"])
            points.setdefault(unit, Counter())[(row["lat"], row["lon"])] += 1
    return {unit: counts.most_common(1)[0][0] for unit, counts in points.items()}


def _named_like(row: dict, hromada: str) -> bool:
    """Whether a settlement is named like its hromada by any of its Latin names: GeoNames' town
    "Hulyaypole" (also "Huliaipole") is the centre of the Huliaipilska hromada, not the village Huliaipilske
    that the codifier places at that centre."""
    stem = fold_name(hromada)[:4]
    return any(fold_name(name)[:4] == stem for name in (row["name"], *row["names"].split("|")) if name)


def _common_words(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _read_yaml(path: Path) -> dict:
    """The parsed file, checked against the schema (gazetteer_schema.py) before any of it is used."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read: {exc}") from exc
    try:
        data, root = yamlsafe.load_with_nodes(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise GazetteerError(f"{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    faults = gazetteer_schema.problems(data, root, path)
    if faults:
        more = f" (and {len(faults) - 1} more problems)" if len(faults) > 1 else ""
        raise GazetteerError(faults[0] + more)
    return data


def _read_base(base: Path):
    if not base.exists():
        return []
    with base.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _coordinate(entry: dict, i: int, section: str, path: Path, key: str, low: float, high: float) -> float:
    try:
        value = float(entry[key])
    except (KeyError, TypeError, ValueError):
        raise GazetteerError(f"{path}: {section}[{i}] ({entry.get('name', '?')}): `{key}` must be a number") from None
    if not low <= value <= high:
        raise GazetteerError(f"{path}: {section}[{i}] ({entry.get('name', '?')}): {key} {value} is outside {low}..{high}")
    return value


def _apply_curated_place(entry, i, path, places, names, vouched, approximate) -> None:
    """A curated entry corrects the place it names by id, or the base's approximately placed village of
    the same name and region (the codifier knows it only by its hromada), or adds a new place."""
    if not isinstance(entry, dict) or not entry.get("name"):
        raise GazetteerError(f"{path}: places[{i}]: each place needs at least a name")
    same = approximate.get((fold_name(entry["name"]), entry.get("region", "")))
    pid = str(entry.get("id") or same
              or "cur:" + fold_name(f"{entry['name']} {entry.get('region', '')}").replace(" ", "-"))
    old = places.get(pid)
    fields = {k: entry[k] for k in ("name", "region", "country", "population") if k in entry}
    if "lat" in entry or old is None:
        fields["lat"] = _coordinate(entry, i, "places", path, "lat", 40.0, 60.0)
        fields["lon"] = _coordinate(entry, i, "places", path, "lon", 20.0, 50.0)
        fields["precision"] = "point"
    places[pid] = replace(old, **fields) if old else Place(id=pid, kind="settlement", **fields)
    names.setdefault(pid, set()).update(entry.get("names", []))
    vouched.setdefault(pid, set()).update(entry.get("names", []))
    if old and old.name != places[pid].name:
        names[pid].add(old.name)


def _region(entry, i, path) -> tuple[Place, set[str]]:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise GazetteerError(f"{path}: regions[{i}]: each region needs a name")
    lat = _coordinate(entry, i, "regions", path, "lat", 40.0, 60.0)
    lon = _coordinate(entry, i, "regions", path, "lon", 20.0, 50.0)
    shorts = [entry.get("short", "")] + list(entry.get("short_names", []))
    keys = {form.format(s) for s in shorts if s for form in REGION_FORMS}
    keys.update(entry.get("names", []))
    keys.add(entry["name"])
    place = Place(id=f"region:{fold_name(entry['name']).replace(' ', '-')}", name=entry["name"], kind="region",
                  lat=lat, lon=lon, region=entry["name"], country=entry.get("country", ""),
                  precision="centroid", other_names=tuple(sorted(set(entry.get("names", [])))))
    return place, keys


def _build_keys(places, names, vouched, region_keys, blocked) -> dict[str, list[tuple[str, str]]]:
    """Every folded name and the places it may mean, each with how: its own name ("primary"), a
    region's name ("region"), a name from gazetteer.yaml ("curated") or from the base ("alias")."""
    keys: dict[str, list[tuple[str, str]]] = {}

    def add(name: str, pid: str, how: str) -> None:
        for key in name_keys(name):
            if key in blocked:
                continue
            bucket = keys.setdefault(key, [])
            if all(p != pid for p, _ in bucket):
                bucket.append((pid, how))

    for pid, place in places.items():
        if place.kind == "region":
            for name in region_keys[pid]:
                add(name, pid, "region")
        else:
            add(place.name, pid, "primary")
    for pid, others in vouched.items():
        for name in others:
            add(name, pid, "curated")
    for pid, others in names.items():
        for name in others:
            add(name, pid, "alias")
    return keys



def _display_names(name: str, others: set[str]) -> tuple[str, ...]:
    """A short list of the other names for popups: Cyrillic forms first, then Latin variants."""
    folded = {fold_name(name)}
    shown = []
    for other in sorted(others, key=lambda n: (not any("\u0400" <= c <= "\u04ff" for c in n), len(n), n)):
        key = fold_name(other).replace("'", "")
        if key not in folded:
            folded.add(key)
            shown.append(other)
    return tuple(shown[:6])
