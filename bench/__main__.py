"""`python -m bench [--quick] [--only AREA] [--results bench/RESULTS.md]`: one table of figures and goals."""
from __future__ import annotations

import argparse
import importlib
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import CACHE, Row, log, table

AREAS = {"gazetteer": "bench.gazetteer", "extraction": "bench.extraction", "confidence": "bench.confidence",
         "ingest": "bench.ingest", "map": "bench.map", "app": "bench.app"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke check in about two minutes")
    parser.add_argument("--only", choices=list(AREAS), action="append", help="run only this area (repeatable)")
    parser.add_argument("--results", help="also write the table, the machine and the date to this Markdown file")
    parser.add_argument("--label", default="", help="what code was measured (written into --results)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows: list[Row] = []
    failed = []
    for area in args.only or list(AREAS):
        log(f"== {area}")
        t = time.perf_counter()
        try:
            rows += importlib.import_module(AREAS[area]).run(args.quick)
        except Exception:  # one broken area still leaves the others' figures
            traceback.print_exc()
            failed.append(area)
            rows.append(Row(area, "area failed (traceback above)", None))
        log(f"{area} took {time.perf_counter() - t:.0f} s")
    elapsed = time.perf_counter() - started
    print()
    print(table(rows))
    print()
    print("figure/peer = ratio; peers are measured in the same run on the same machine. "
          f"Mode: {'quick' if args.quick else 'full'}; {elapsed:.0f} s in all; scratch files in {CACHE}.")
    if args.results:
        write_results(args.results, rows, args.quick, elapsed, args.label)
        print(f"written to {args.results}")
    return 1 if failed else 0


NOTES = "## Notes"

PACKAGES = ("folium", "streamlit", "streamlit-folium", "SQLAlchemy", "pyahocorasick", "geopy", "geotext", "dateparser",
            "playwright")


def describe() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kib = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        ram = f"{kib / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass
    chromium = shutil.which("chromium")
    chromium_version = ""
    if chromium:
        try:
            chromium_version = subprocess.run([chromium, "--version"], capture_output=True, text=True,
                                              timeout=20).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            pass
    packages = []
    for name in PACKAGES:
        try:
            packages.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            packages.append(f"{name} (not installed)")
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    return [f"- CPUs (nproc): {os.cpu_count()}; CPU model: {cpu}",
            f"- RAM: {ram}",
            f"- Python: {sys.version.split()[0]} ({platform.python_implementation()}), {platform.platform()}",
            f"- Chromium: {chromium_version or 'not installed'}",
            f"- Packages: {', '.join(packages)}",
            f"- Load average at the end of the run: {' '.join(load)} (the machine is shared; see the notes)"]


def write_results(path: str, rows: list[Row], quick: bool, elapsed: float, label: str = "") -> None:
    out = Path(path)
    # Hand-written notes under "## Notes" survive a rewrite.
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    notes = old[old.index(NOTES):] if NOTES in old else NOTES + "\n"
    text = "\n".join([
        "# conflictmap benchmarks: latest results", "",
        f"Run: `python -m bench{' --quick' if quick else ''}` on {time.strftime('%Y-%m-%d %H:%M %Z')}, "
        f"{elapsed / 60:.1f} min in all." + (f" Code measured: {label}." if label else ""), "",
        "## Machine", "", *describe(), "",
        "## Table", "",
        "ratio = figure / peer figure; the peer is measured in the same run on the same machine, so a busy machine "
        "moves both. Goals marked FAIL are reported as measured; nothing was tuned.", "",
        table(rows, markdown=True), "",
        notes,
    ])
    out.write_text(text.rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
