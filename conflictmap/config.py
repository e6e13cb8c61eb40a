"""Configuration in one place: where the store, the gazetteer and the basemap live, and the limits."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
ZIP_MAX_MEMBERS = 10_000  # members of one zip read at the most; the rest are reported, not read
ZIP_MAX_RATIO = 100  # a member that inflates more than this is a zip bomb


@dataclass(frozen=True)
class Settings:
    db: Path
    gazetteer: Path = ROOT / "gazetteer.yaml"
    geodata: Path = ROOT / "geodata"
    max_file_bytes: int = 5 * 1024 * 1024
    max_zip_bytes: int = 200 * 1024 * 1024  # all the members of one zip, inflated
    min_confidence: float = 0.5  # events below this are stored but not shown by default


def resolve_db(cli_value: str | None = None) -> Path:
    """--db, else $CONFLICTMAP_DB, else data/conflictmap.sqlite."""
    value = cli_value or os.environ.get("CONFLICTMAP_DB") or "data/conflictmap.sqlite"
    return Path(value)


def settings(db: str | None = None) -> Settings:
    max_mb = float(os.environ.get("CONFLICTMAP_MAX_FILE_MB", "5"))
    max_zip_mb = float(os.environ.get("CONFLICTMAP_MAX_ZIP_MB", "200"))
    gazetteer = Path(os.environ.get("CONFLICTMAP_GAZETTEER") or ROOT / "gazetteer.yaml")
    return Settings(db=resolve_db(db), gazetteer=gazetteer, max_file_bytes=int(max_mb * 1024 * 1024),
                    max_zip_bytes=int(max_zip_mb * 1024 * 1024))
