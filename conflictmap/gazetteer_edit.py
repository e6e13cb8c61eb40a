"""Changes to gazetteer.yaml from the app: validated against the whole gazetteer before anything is written."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .gazetteer import Gazetteer, GazetteerError, load


def add_alias(path: Path, base: Path, gaz: Gazetteer, place_id: str, alias: str) -> Gazetteer:
    """Teach the gazetteer another name of a place it knows."""
    alias = alias.strip()
    if not alias or len(alias) < 3:
        raise GazetteerError("an alias needs at least three letters")
    place = gaz.places.get(place_id)
    if place is None:
        raise GazetteerError(f"no place {place_id!r} in the gazetteer")
    if place.kind == "region":
        raise GazetteerError("regions are edited in the regions section of gazetteer.yaml")
    entry = {"id": place.id, "name": place.name, "names": [alias], "source": "alias added in the app"}
    return _append(path, base, entry)


def add_place(path: Path, base: Path, name: str, region: str, lat: float, lon: float, names: list[str],
              source: str) -> Gazetteer:
    """Add a settlement the gazetteer lacks, with where its coordinates come from."""
    if not name.strip():
        raise GazetteerError("a place needs a name")
    if not source.strip():
        raise GazetteerError("say where the coordinates come from")
    entry = {"name": name.strip(), "region": region, "lat": round(float(lat), 5), "lon": round(float(lon), 5),
             "names": [n.strip() for n in names if n.strip()], "source": source.strip()}
    return _append(path, base, entry)


def _append(path: Path, base: Path, entry: dict) -> Gazetteer:
    """Write the entry into the places section of a copy, load the copy, then replace the file."""
    text = path.read_text(encoding="utf-8")
    line = "  - {" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in entry.items()) + "}\n"
    marker = "\ngovernments:"
    if marker not in text or "\nplaces:\n" not in text:
        raise GazetteerError(f"{path}: expected a places section followed by governments")
    cut = text.index(marker) + 1
    updated = text[:cut].rstrip("\n") + "\n" + line + text[cut - 1:]
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".yaml")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(updated)
    try:
        gaz = load(Path(tmp), base)
    except GazetteerError as exc:
        os.unlink(tmp)
        raise GazetteerError(str(exc).replace(tmp, str(path))) from None
    os.replace(tmp, path)
    return gaz
