"""The library behind the CLI: files -> articles -> events -> store, each step a plain function."""
from __future__ import annotations

import gc
import multiprocessing
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import cluster as cluster_mod
from . import gazetteer as gazetteer_mod
from . import gazetteer_cache
from . import names as names_mod
from . import store
from .articles import ReadResult, collect, read_all, read_bytes, read_one, read_zip
from .language import is_read, not_read
from .config import INGEST_BATCH, Settings
from .context import Context
from .events import extract
from .gazetteer import Gazetteer
from .models import Article, Event


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
    """The gazetteer, from a cache beside the store while its files are unchanged (loading from the
    files builds 100,000 name keys and takes about a second; the cache takes a fraction of that).
    The cache is plain data, checked before use: a store folder from someone else cannot run code."""
    base = settings.geodata / "gazetteer_base.tsv"
    sources = [settings.gazetteer, base, base.parent / gazetteer_mod.COMMON_WORDS, Path(gazetteer_mod.__file__),
               Path(names_mod.__file__)]  # the code that builds the keys, too
    stamp = repr([(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sources if p.exists()])
    cache = settings.folder / "gazetteer.cache"
    gaz = gazetteer_cache.load(cache, stamp)
    if gaz is None:
        gaz = gazetteer_mod.load(settings.gazetteer, base)
        gazetteer_cache.save(cache, stamp, gaz)
    return gaz


def load_gazetteer_safely(settings: Settings) -> tuple[Gazetteer, str]:
    """The gazetteer, or when gazetteer.yaml is broken the last good copy, with the reason why.
    Each good load refreshes the copy kept beside the store."""
    base = settings.geodata / "gazetteer_base.tsv"
    last_good = settings.folder / "gazetteer.last-good.yaml"
    try:
        gaz = load_gazetteer(settings)
    except gazetteer_mod.GazetteerError as exc:
        if not last_good.exists():
            raise
        return gazetteer_mod.load(last_good, base), f"{exc} (using the last good gazetteer meanwhile)"
    try:
        shutil.copyfile(settings.gazetteer, last_good)
    except OSError:
        pass  # a folder that cannot be written (a read-only store): no copy is kept
    return gaz, ""


def extract_paths(paths: list[Path], manifest: Path | None, settings: Settings, gaz: Gazetteer,
                  min_confidence: float | None = None, workers: int = 1) -> tuple[list[Event], Report]:
    """Per-article events (no store) for every article under `paths`."""
    floor = settings.min_confidence if min_confidence is None else min_confidence
    results, notes = read_all(paths, manifest, settings.max_file_bytes, settings.max_zip_bytes)
    report = Report(lines=list(notes))
    readable = [r for r in results if _note(report, r)]
    found: list[Event] = []
    for result, events in zip(readable, extract_many([r.article for r in readable], gaz, workers)):
        kept = [e for e in events if e.confidence >= floor]
        found.extend(kept)
        report.add(result.file, f"{result.message}; {len(kept)} events")
    return found, report


def ingest_paths(paths: list[Path], manifest: Path | None, settings: Settings, gaz: Gazetteer,
                 engine=None, workers: int = 1, progress: bool = False, cluster: str | None = None) -> Report:
    """Read, extract and store every article under `paths`; one transaction per batch of articles.
    Reading and extraction run in `workers` processes, or extraction on a Dask cluster (cluster.py: local:N or
    tcp://host:port); one process writes."""
    if cluster:
        return _ingest_on_cluster(paths, manifest, settings, gaz, engine, progress, cluster)
    results, notes, named = read_named(paths, manifest, settings, gaz, workers)
    engine = engine or store.connect(settings.db, create=True)
    report = Report(lines=list(notes))
    return _store_all(results, report, engine, gaz, workers, progress, Context.counted(named, gaz))


def _ingest_on_cluster(paths: list[Path], manifest: Path | None, settings: Settings, gaz: Gazetteer, engine,
                       progress: bool, cluster: str) -> Report:
    results, notes = read_all(paths, manifest, settings.max_file_bytes, settings.max_zip_bytes)
    engine = engine or store.connect(settings.db, create=True)
    report = Report(lines=list(notes))
    readable = [r for r in results if _note(report, r)]
    with cluster_mod.client_for(cluster) as client:
        found = cluster_mod.extract_many(client, [r.article for r in readable], gaz)
        ready = (store.prepare(r.article, events) for r, events in zip(readable, found))
        return store_results(engine, zip(readable, ready), len(readable), report, progress)


def ingest_uploads(files: list[tuple[str, bytes]], meta: dict, settings: Settings, gaz: Gazetteer,
                   engine) -> Report:
    """Uploaded files (a zip is opened) with the outlet, date and link the user typed in."""
    results = []
    for name, raw in files:
        if name.lower().endswith(".zip"):
            results += read_zip(name, raw, {}, settings.max_file_bytes, settings.max_zip_bytes, meta)
        else:
            results.append(read_bytes(name, raw, meta, settings.max_file_bytes))
    return _store_all(results, Report(), engine, gaz)


def read_named(paths: list[Path], manifest: Path | None, settings: Settings, gaz: Gazetteer,
               workers: int = 1) -> tuple[list[ReadResult], list[str], list[set[str]]]:
    """read_all, and the settlements each article read names with one meaning only (Context.named, for
    the batch's context), in `workers` forked processes: in one, the two took a tenth of a 20,000-article
    ingest before any extraction could start."""
    files, rows, notes = collect(paths, manifest)
    if workers <= 1 or len(files) < 4 * workers:
        parts = [_read_and_name(f, rows, settings, gaz) for f in files]
    else:
        global _WORKER_STATE
        _WORKER_STATE = (files, rows, settings, gaz)  # inherited by the forked workers, read only: they are sent indexes
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_read_in_worker, range(len(files)), chunksize=64)
    return [r for part, _ in parts for r in part], notes, [ids for _, named in parts for ids in named]


def _read_in_worker(index: int) -> tuple[list[ReadResult], list[set[str]]]:
    files, rows, settings, gaz = _WORKER_STATE
    return _read_and_name(files[index], rows, settings, gaz)


def _read_and_name(f: Path, rows: dict, settings: Settings, gaz: Gazetteer) -> tuple[list[ReadResult], list[set[str]]]:
    results = read_one(f, rows, settings.max_file_bytes, settings.max_zip_bytes)
    return results, [Context.named(r.article.text, gaz) for r in results if r.ok]


def _store_all(results: list[ReadResult], report: Report, engine, gaz: Gazetteer, workers: int = 1,
               progress: bool = False, context: Context | None = None) -> Report:
    readable = [r for r in results if _note(report, r)]
    ready = extract_many([r.article for r in readable], gaz, workers, finish=store.prepare, context=context)
    return store_results(engine, zip(readable, ready), len(readable), report, progress)


def store_results(engine, extracted, total: int, report: Report, progress: bool = False) -> Report:
    """Store (read result, store.Ready) pairs as they come, a batch per transaction, with a progress bar."""
    with tqdm(total=total, unit="article", disable=not progress) as bar:
        for batch in _batches(extracted, INGEST_BATCH):
            outcomes = store.ingest_ready(engine, [(result.article, ready) for result, ready in batch])
            for (result, _), outcome in zip(batch, outcomes):
                report.stored += outcome.stored
                language = result.article.language
                warning = result.message.partition("; warning: ")[2]  # a mixed encoding, said when read
                report.add(result.file, outcome.message + ("" if is_read(language) else f"; {not_read(language)}")
                           + (f"; warning: {warning}" if warning else ""))
            bar.update(len(batch))
    return report


def _batches(items, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_many(articles: list[Article], gaz: Gazetteer, workers: int = 1, finish=None,
                 context: Context | None = None) -> Iterator:
    """Events of each article, in order, or what `finish(article, events)` makes of them where they were
    extracted (store.prepare: the rows the store writes). The batch is one context (context.py: the places
    it names help choose among homonyms; made here unless given). Extraction is then a pure function of the
    article, so with workers > 1 it runs in forked processes that share the parent's gazetteer and context."""
    if context is None:
        context = Context.of((a.text for a in articles), gaz)
    state = (gaz, context, finish or _found)
    if workers <= 1 or len(articles) < 4 * workers:
        return _frozen(_extracted(state, a) for a in articles)
    global _WORKER_STATE
    _WORKER_STATE = (state, articles)  # inherited by the forked workers, read only: they are sent indexes
    gc.freeze()  # the gazetteer, the articles and the context: full collections skip them, here and in the workers
    pool = multiprocessing.get_context("fork").Pool(workers)
    return _closing(pool, pool.imap(_extract_in_worker, range(len(articles)), chunksize=8))


_WORKER_STATE: tuple | None = None  # what the next pool's forked workers inherit


def _extract_in_worker(index: int):
    state, articles = _WORKER_STATE
    return _extracted(state, articles[index])


def _extracted(state: tuple, article: Article):
    gaz, context, finish = state
    return finish(article, extract(article, gaz, context=context))


def _found(_article: Article, found: list[Event]) -> list[Event]:
    return found


def _frozen(results):
    """The results, with the objects made before them (the gazetteer, the articles, the context) out of full
    garbage collections while they come: in one process, as in the pool's (`_closing`)."""
    gc.freeze()
    try:
        yield from results
    finally:
        gc.unfreeze()


def _closing(pool, results):
    try:
        with pool:
            yield from results
    finally:
        gc.unfreeze()


def _note(report: Report, result: ReadResult) -> bool:
    if not result.ok:
        report.refused += 1
        report.add(result.file, result.message)
    else:
        report.read += 1
    return result.ok
