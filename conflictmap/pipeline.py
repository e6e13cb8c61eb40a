"""The library behind the CLI: files -> articles -> events -> store, each step a plain function."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import gazetteer as gazetteer_mod
from . import store
from .articles import ARTICLE_SUFFIXES, ReadResult, read_all, read_bytes
from .config import Settings
from .events import extract
from .gazetteer import Gazetteer
from .models import Event


@dataclass
class Report:
    """What a batch did, file by file, in words a journalist can read."""

    lines: list[str] = field(default_factory=list)
    read: int = 0
    refused: int = 0
    stored: int = 0

    def add(self, file: str, message: str) -> None:
        self.lines.append(f"{file}: {message}")


def load_gazetteer(settings: Settings) -> Gazetteer:
    return gazetteer_mod.load(settings.gazetteer, settings.geodata / "gazetteer_base.tsv")


def extract_paths(paths: list[Path], manifest: Path | None, settings: Settings, gaz: Gazetteer,
                  min_confidence: float | None = None) -> tuple[list[Event], Report]:
    """Per-article events (no store) for every article under `paths`."""
    floor = settings.min_confidence if min_confidence is None else min_confidence
    results, notes = read_all(paths, manifest, settings.max_file_bytes)
    report = Report(lines=list(notes))
    found: list[Event] = []
    for result in results:
        if not _note(report, result):
            continue
        events = [e for e in extract(result.article, gaz) if e.confidence >= floor]
        found.extend(events)
        report.add(result.file, f"{result.message}; {len(events)} events")
    return found, report


def ingest_paths(paths: list[Path], manifest: Path | None, settings: Settings, gaz: Gazetteer,
                 engine=None) -> Report:
    """Read, extract and store every article under `paths`; one transaction per article."""
    results, notes = read_all(paths, manifest, settings.max_file_bytes)
    return _store_all(results, Report(lines=list(notes)), engine or store.connect(settings.db), gaz)


def ingest_uploads(files: list[tuple[str, bytes]], meta: dict, settings: Settings, gaz: Gazetteer,
                   engine) -> Report:
    """Uploaded files (a zip is opened) with the outlet, date and link the user typed in."""
    results = []
    for name, raw in files:
        if name.lower().endswith(".zip"):
            results += [read_bytes(n, b, meta, settings.max_file_bytes) for n, b in zip_members(raw, settings)]
        else:
            results.append(read_bytes(name, raw, meta, settings.max_file_bytes))
    return _store_all(results, Report(), engine, gaz)


def zip_members(raw: bytes, settings: Settings) -> list[tuple[str, bytes]]:
    """Article files inside a zip; paths that climb out ("../") and oversized members are skipped."""
    members = []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in archive.infolist():
            name = info.filename
            if info.is_dir() or name.startswith(("/", "\\")) or ".." in Path(name).parts:
                continue
            if Path(name).suffix.lower() not in ARTICLE_SUFFIXES or info.file_size > settings.max_file_bytes:
                continue
            members.append((Path(name).name, archive.read(info)))
    return members


def _store_all(results: list[ReadResult], report: Report, engine, gaz: Gazetteer) -> Report:
    for result in results:
        if not _note(report, result):
            continue
        outcome = store.ingest(engine, result.article, extract(result.article, gaz))
        report.stored += outcome.stored
        report.add(result.file, outcome.message)
    return report


def _note(report: Report, result: ReadResult) -> bool:
    if not result.ok:
        report.refused += 1
        report.add(result.file, result.message)
    else:
        report.read += 1
    return result.ok
