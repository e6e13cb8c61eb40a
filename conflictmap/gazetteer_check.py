"""`gazetteer check`: what is wrong in gazetteer.yaml, each problem with its file and line.

Loading catches what makes the file unusable (syntax, duplicate keys, bad numbers). This also finds
what makes it wrong: duplicated places, one alias given to two places of a region, coordinates outside
the region they claim, unknown regions and kinds.
"""
from __future__ import annotations

import json
from pathlib import Path

from shapely.geometry import Point, shape
from shapely.prepared import prep

from . import yamlsafe
from .gazetteer import GazetteerError, load
from .names import fold_name

KINDS = {"settlement", "region"}
REGION_SLACK_DEG = 0.05  # about 5 km: points on a border are not errors


def check(path: Path, base: Path, geodata: Path) -> list[str]:
    """Every problem found, as "file:line: message"; an empty list means the gazetteer is sound."""
    try:
        load(path, base)
    except GazetteerError as exc:
        return [str(exc)]
    text = path.read_text(encoding="utf-8")
    data, root = yamlsafe.load_with_nodes(text)
    lines = _entry_lines(root, "places")
    regions = {r["name"] for r in data.get("regions", [])}
    shapes, slack = _region_shapes(geodata), {}
    problems = []
    seen: dict[tuple, int] = {}
    alias_owner: dict[tuple, tuple[str, int]] = {}
    for entry, line in zip(data.get("places", []), lines):
        where = f"{path}:{line}"
        name, region = entry.get("name", ""), entry.get("region", "")
        if entry.get("kind", "settlement") not in KINDS:
            problems.append(f"{where}: unknown kind {entry['kind']!r} (settlement or region)")
        if region and region not in regions:
            problems.append(f"{where}: {name}: unknown region {region!r}")
        key = (entry.get("id") or fold_name(name), region)
        if key in seen:
            problems.append(f"{where}: {name}: the same place as line {seen[key]}")
        seen.setdefault(key, line)
        for alias in entry.get("names", []):
            owner = alias_owner.setdefault((fold_name(alias), region), (name, line))
            if owner[0] != name:
                problems.append(f"{where}: {name}: the name {alias!r} is also given to {owner[0]} (line {owner[1]})")
        if "lat" in entry and region in shapes:
            point = Point(float(entry["lon"]), float(entry["lat"]))
            if region not in slack:  # buffered and prepared once per region, not once per entry
                slack[region] = prep(shapes[region].buffer(REGION_SLACK_DEG))
            if not slack[region].contains(point):
                problems.append(f"{where}: {name}: {entry['lat']}, {entry['lon']} lies outside {region}")
    return problems


def _entry_lines(root, section: str) -> list[int]:
    """The line each entry of a top-level list starts on."""
    for key, value in getattr(root, "value", []):
        if key.value == section:
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _region_shapes(geodata: Path) -> dict:
    path = geodata / "oblasts.geojson"
    if not path.exists():
        return {}
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["name"]: shape(f["geometry"]) for f in features}
