"""Command line: `python -m conflictmap extract|ingest|export|serve|gazetteer ...`."""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from . import access, corrections, escape, export, filters, gazetteer_check, lookup, pipeline, snapshot, store
from .config import ROOT, settings
from .gazetteer import GazetteerError
from .models import STATUSES


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except GazetteerError as exc:
        print(f"error: gazetteer: {exc}", file=sys.stderr)
        return 2


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m conflictmap", description="News articles to a sourced map of a war.")
    sub = p.add_subparsers(required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="events per article, as GeoJSON (no store)")
    _inputs(ex)
    ex.add_argument("--out", required=True, type=Path)
    ex.add_argument("--min-confidence", type=float, default=None)
    ex.set_defaults(run=cmd_extract)

    ev = sub.add_parser("evaluate", help="score extracted events against your gold annotations, errors by cause")
    ev.add_argument("gold", type=Path, metavar="GOLD", help="gold YAML, in the schema of ../shared/gold/seeds.yaml")
    ev.add_argument("events", type=Path, metavar="EVENTS", help="the GeoJSON that extract wrote")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    ev.set_defaults(run=cmd_evaluate)

    ing = sub.add_parser("ingest", help="read articles into the store")
    _inputs(ing)
    ing.add_argument("--db")
    ing.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                     help="processes extracting events (default: both cores)")
    ing.add_argument("--cluster", metavar="ADDRESS",
                     help="extract on a Dask cluster: local:N (N worker processes here) or tcp://scheduler:8786")
    ing.set_defaults(run=cmd_ingest)

    rex = sub.add_parser("reextract", help="rebuild events from the stored articles; corrections are kept")
    rex.add_argument("--db")
    rex.set_defaults(run=cmd_reextract)

    cor = sub.add_parser("corrections", help="list, export or undo people's corrections")
    cor.add_argument("action", choices=("list", "export", "undo"))
    cor.add_argument("id", nargs="?", type=int, help="the correction to undo")
    cor.add_argument("--db")
    cor.add_argument("--out", type=Path, help="CSV file for export")
    cor.set_defaults(run=cmd_corrections)

    exp = sub.add_parser("export", help="the store's events as data (geojson, csv, kml), an offline html map, "
                                        "or images (png, pdf, an animated gif)")
    exp.add_argument("--format", required=True, choices=export.FORMATS)
    exp.add_argument("--db")
    exp.add_argument("--from", dest="start", type=_day, help="first date, YYYY-MM-DD")
    exp.add_argument("--to", dest="end", type=_day, help="last date, YYYY-MM-DD")
    exp.add_argument("--as-of", type=_day, help="each place's latest status on that day (the front line)")
    exp.add_argument("--status", type=_statuses, default=STATUSES, help="e.g. claimed,contested")
    exp.add_argument("--bbox", type=_bbox, help="min_lon,min_lat,max_lon,max_lat")
    exp.add_argument("--size", choices=tuple(snapshot.SIZES), help="image size: slides, social or print")
    exp.add_argument("--title", default="conflictmap", help="title of an image")
    exp.add_argument("--step", choices=("week", "month"), default="week", help="animation step")
    exp.add_argument("--min-confidence", type=float, default=None)
    exp.add_argument("--out", required=True, type=Path)
    exp.set_defaults(run=cmd_export)

    srv = sub.add_parser("serve", help="start the app")
    srv.add_argument("--db")
    srv.add_argument("--port", default="8501")
    srv.add_argument("--host", default="127.0.0.1", help="address to serve on (default: this machine only); beyond "
                     "loopback only with --read-only or --editors")
    srv.add_argument("--name", action="append", default=[], help="a host name colleagues use to reach the app "
                     "(repeatable); requests for any other name are refused")
    srv.add_argument("--read-only", action="store_true", help="no page writes: Add articles, corrections and "
                     "gazetteer edits are absent")
    srv.add_argument("--editors", type=Path, help="editor accounts (editors add); only a signed-in editor writes")
    srv.set_defaults(run=cmd_serve)

    eds = sub.add_parser("editors", help="editor accounts for a shared server (serve --editors FILE)")
    eds.add_argument("action", choices=("add",))
    eds.add_argument("name")
    eds.add_argument("--file", type=Path, required=True)
    eds.set_defaults(run=cmd_editors)

    gz = sub.add_parser("gazetteer", help="build, check or query the gazetteer")
    gsub = gz.add_subparsers(required=True, metavar="ACTION")
    gsub.add_parser("build", help="regenerate geodata/gazetteer_base.tsv from GeoNames").set_defaults(run=cmd_gaz_build)
    gsub.add_parser("check", help="load gazetteer.yaml and report what is wrong").set_defaults(run=cmd_gaz_check)
    look = gsub.add_parser("lookup", help="the places a name may mean, best first, as JSON lines")
    look.add_argument("name")
    look.add_argument("--near", help="another place the article names (chooses among homonyms)")
    look.add_argument("--online", action="store_true",
                      help="also ask OpenStreetMap's Nominatim (off by default; one request a second)")
    look.set_defaults(run=cmd_gaz_lookup)
    return p


def _inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders of articles")
    p.add_argument("--manifest", type=Path, help="CSV: file,published,outlet,url,language")


def _gazetteer(conf):
    gaz, warning = pipeline.load_gazetteer_safely(conf)
    if warning:
        print(f"warning: gazetteer: {warning}", file=sys.stderr)
    return gaz


def _print_report(report: pipeline.Report) -> None:
    for line in report.lines:
        print(escape.one_line(line), file=sys.stderr)  # a file name cannot forge a line of the report


def cmd_extract(args) -> int:
    conf = settings()
    found, report = pipeline.extract_paths(args.paths, args.manifest, conf, _gazetteer(conf), args.min_confidence)
    _print_report(report)
    args.out.write_text(json.dumps(export.extract_geojson(found), ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(found)} events from {report.read} articles ({report.refused} refused) -> {args.out}", file=sys.stderr)
    return 0


def cmd_evaluate(args) -> int:
    from .evaluate import EvaluationError, evaluate, load_gold, load_predictions, report_text

    try:
        result = evaluate(load_gold(args.gold), load_predictions(args.events))
    except EvaluationError as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else report_text(result))
    return 0


def cmd_ingest(args) -> int:
    conf = settings(args.db)
    engine = store.connect(conf.db, create=True)  # a store that cannot be opened is said before any work
    report = pipeline.ingest_paths(args.paths, args.manifest, conf, _gazetteer(conf), engine,
                                   workers=args.workers, progress=sys.stderr.isatty(), cluster=args.cluster)
    _print_report(report)
    totals = store.counts(engine)
    print(f"{report.stored} articles stored, {report.refused} refused; the store at {store.name(engine)} holds "
          f"{totals['articles']} articles, {totals['events']} events, {totals['sources']} sources", file=sys.stderr)
    return 0


def cmd_reextract(args) -> int:
    conf = settings(args.db)
    gaz = _gazetteer(conf)
    total = store.reextract(store.connect(conf.db), lambda articles: pipeline.extract_many(articles, gaz))
    print(f"{total} events rebuilt from the stored articles; corrections kept", file=sys.stderr)
    return 0


def cmd_corrections(args) -> int:
    engine = store.connect(settings(args.db).db)
    if args.action == "undo":
        if args.id is None:
            print("error: say which correction to undo (its id)", file=sys.stderr)
            return 2
        done = corrections.undo(engine, args.id)
        print(f"correction {args.id} {'undone' if done else 'not found, or already undone'}", file=sys.stderr)
        return 0 if done else 1
    rows = corrections.list_all(engine)
    if args.action == "list":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    writer = csv.DictWriter(out, fieldnames=list(corrections.corrections.c.keys()))
    writer.writeheader()
    writer.writerows({k: escape.spreadsheet_cell(v if v is not None else "") for k, v in r.items()} for r in rows)
    return 0


def cmd_export(args) -> int:
    conf = settings(args.db)
    floor = conf.min_confidence if args.min_confidence is None else args.min_confidence
    view = filters.View(start=args.start, end=args.end, statuses=args.status, min_confidence=floor,
                        as_of=None if args.format == "gif" else args.as_of)  # the count says what is drawn
    events = filters.apply(store.merged_events(store.connect(conf.db), **filters.window(view)), view)  # SQL first
    period = (args.start, args.end) if args.start and args.end else None
    export.write(args.format, events, args.out, conf.geodata, as_of=args.as_of, size=args.size, title=args.title,
                 bbox=args.bbox, step=args.step, period=period)
    print(f"{len(events)} events -> {args.out}", file=sys.stderr)
    return 0


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date such as 2025-02-07") from None


def _statuses(value: str) -> tuple[str, ...]:
    chosen = tuple(s for s in STATUSES if s in value.split(","))
    if not chosen:
        raise argparse.ArgumentTypeError(f"choose among {', '.join(STATUSES)}")
    return chosen


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("give min_lon,min_lat,max_lon,max_lat") from None
    if not (min_lon < max_lon and min_lat < max_lat):
        raise argparse.ArgumentTypeError("the box is empty: min must be below max")
    return min_lon, min_lat, max_lon, max_lat


def cmd_serve(args) -> int:
    try:
        access.check_serving(args.host, args.read_only, args.editors)
        hosts = access.allowed_hosts(args.host, args.name)
    except access.AccessError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    env = dict(os.environ, CONFLICTMAP_READ_ONLY="1" if args.read_only else "")
    env["CONFLICTMAP_EDITORS"] = str(args.editors.resolve()) if args.editors else ""
    if args.db:
        env["CONFLICTMAP_DB"] = args.db
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "server.py"), "--server.port", args.port,
           "--server.address", args.host, *(f"--server.allowedHosts={h}" for h in hosts)]
    return subprocess.call(cmd, env=env, cwd=ROOT)


def cmd_editors(args) -> int:
    import getpass

    password = getpass.getpass(f"Password for {args.name}: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    try:
        access.add_editor(args.file, args.name, password)
    except access.AccessError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.name} can sign in as an editor when the app is served with --editors {args.file}", file=sys.stderr)
    return 0


def cmd_gaz_build(args) -> int:
    from .gazetteer_build import build

    conf = settings()
    n = build(conf.geodata / "gazetteer_base.tsv", conf.gazetteer)
    print(f"{n} places written to {conf.geodata / 'gazetteer_base.tsv'} (GeoNames, CC BY 4.0)", file=sys.stderr)
    return 0


def cmd_gaz_check(args) -> int:
    conf = settings()
    problems = gazetteer_check.check(conf.gazetteer, conf.geodata / "gazetteer_base.tsv", conf.geodata)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problems in {conf.gazetteer}", file=sys.stderr)
        return 1
    print(f"{conf.gazetteer}: ok, {len(pipeline.load_gazetteer(conf))} places")
    return 0


def cmd_gaz_lookup(args) -> int:
    conf = settings()
    gaz = pipeline.load_gazetteer(conf)
    for score, place, why in lookup.candidates(gaz, args.name, args.near):
        print(json.dumps({"id": place.id, "name": place.name, "kind": place.kind, "oblast": place.region,
                          "lat": place.lat, "lon": place.lon, "precision": place.precision,
                          "population": place.population, "score": round(score, 1), "why": why},
                         ensure_ascii=False))
    if args.online:
        for found in lookup.online(args.name):
            print(json.dumps({**found, "why": "OpenStreetMap Nominatim: not in the gazetteer; add it in the app's "
                                              "Gazetteer page if it is right"}, ensure_ascii=False))
    return 0
