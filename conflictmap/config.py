"""Configuration in one place: where the store, the gazetteer and the basemap live, and the limits."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
ZIP_MAX_MEMBERS = 10_000  # members of one zip read at the most; the rest are reported, not read
ZIP_MAX_RATIO = 100  # a member that inflates more than this is a zip bomb
INGEST_BATCH = 64  # articles written per transaction
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:/")  # "scheme:/", never a file path


class StoreError(Exception):
    """A store that cannot be opened as asked (missing, mistyped, read-only, of another version); the message
    says which and why."""


@dataclass(frozen=True)
class Settings:
    db: Path | str  # a SQLite file, or a database URL (postgresql://user:pass@host:port/db)
    gazetteer: Path = ROOT / "gazetteer.yaml"
    geodata: Path = ROOT / "geodata"
    max_file_bytes: int = 5 * 1024 * 1024
    max_zip_bytes: int = 200 * 1024 * 1024  # all the members of one zip, inflated
    min_confidence: float = 0.5  # events below this are stored but not shown by default
    read_only: bool = False  # `serve --read-only`: no page writes (Add articles, corrections, gazetteer edits)
    editors: Path | None = None  # `serve --editors FILE`: only editors who sign in write (access.py)
    change_log: Path | None = None  # every write, with who made it (JSON lines); beside the editors file

    @property
    def folder(self) -> Path:
        """Where the gazetteer's cache and last good copy are kept: beside a store file, else data/."""
        return ROOT / "data" if is_url(self.db) else Path(self.db).parent


def is_url(db: Path | str) -> bool:
    return isinstance(db, str) and bool(_URL.match(db))


def resolve_db(cli_value: str | None = None) -> Path | str:
    """--db, else $CONFLICTMAP_DB, else data/conflictmap.sqlite. A URL is kept as given (schema.connect checks
    it); a path someone gave must lie in a folder that exists: a mistyped one is refused rather than created."""
    given, source = (cli_value, "--db") if cli_value else (os.environ.get("CONFLICTMAP_DB"), "CONFLICTMAP_DB")
    if not given:
        return Path("data/conflictmap.sqlite")
    if is_url(given):
        return given
    if not Path(given).parent.is_dir():
        raise StoreError(f"{source} {given}: the folder {Path(given).parent} does not exist")
    return Path(given)


def settings(db: str | None = None) -> Settings:
    max_mb = float(os.environ.get("CONFLICTMAP_MAX_FILE_MB", "5"))
    max_zip_mb = float(os.environ.get("CONFLICTMAP_MAX_ZIP_MB", "200"))
    gazetteer = Path(os.environ.get("CONFLICTMAP_GAZETTEER") or ROOT / "gazetteer.yaml")
    editors = Path(os.environ["CONFLICTMAP_EDITORS"]) if os.environ.get("CONFLICTMAP_EDITORS") else None
    return Settings(db=resolve_db(db), gazetteer=gazetteer, max_file_bytes=int(max_mb * 1024 * 1024),
                    max_zip_bytes=int(max_zip_mb * 1024 * 1024),
                    read_only=os.environ.get("CONFLICTMAP_READ_ONLY") == "1", editors=editors,
                    change_log=editors.with_name("changes.log") if editors else None)
