"""Speed and size benchmarks for conflictmap: `python -m bench [--quick] [--only AREA]`.

Every area returns rows of one table: what was measured, the figure, a peer measured in the same
run on the same machine (so a noisy machine moves both), their ratio, the goal and pass/fail.
Goals live here, never in the tests.
"""
from __future__ import annotations

import os
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Generated corpora, stores and scratch files: outside the repo unless told otherwise.
CACHE = Path(os.environ.get("CONFLICTMAP_BENCH_CACHE") or Path(os.environ.get("TMPDIR", "/tmp")) / "conflictmap-bench")


@dataclass
class Row:
    area: str
    measure: str
    figure: float | None
    unit: str = ""
    peer: float | None = None
    peer_name: str = ""
    goal: str = ""  # e.g. "< 1 s", "> 20 MB/s", ">= 1.7x" (the figure, or the ratio when it ends in x)
    note: str = ""
    failed: bool = False  # no figure because the product failed (counts against the goal)

    @property
    def ratio(self) -> float | None:
        if self.figure is None or not self.peer:
            return None
        return self.figure / self.peer

    @property
    def verdict(self) -> str:
        if self.failed:
            return "FAIL"
        if not self.goal or self.figure is None:
            return "skip" if self.figure is None and self.goal else "-"
        op, value, on_ratio = _parse_goal(self.goal)
        subject = self.ratio if on_ratio else self.figure
        if subject is None:
            return "-"
        ok = {"<": subject < value, "<=": subject <= value, ">": subject > value, ">=": subject >= value}[op]
        return "PASS" if ok else "FAIL"


SCALE = {"kB": 1e3, "MB": 1e6, "GB": 1e9}


def _parse_goal(goal: str) -> tuple[str, float, bool]:
    """"< 3 MB" (decimal units, compared in bytes), ">= 1.7x" (on the ratio), "> 20 MB/s"."""
    op, rest = goal.split(" ", 1)
    parts = rest.split()
    number, unit = parts[0], (parts[1] if len(parts) > 1 else "")
    on_ratio = number.endswith("x")
    return op, float(number.rstrip("x").replace(",", "")) * SCALE.get(unit, 1), on_ratio


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if unit == "B":  # decimal units, as the goals are written
        for step, name in ((1e9, "GB"), (1e6, "MB"), (1e3, "kB")):
            if abs(value) >= step:
                return f"{value / step:.2f} {name}"
        return f"{value:.0f} B"
    if abs(value) >= 1000:
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    elif abs(value) >= 0.1:
        text = f"{value:.2f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".strip()


def table(rows: list[Row], markdown: bool = False) -> str:
    head = ["area", "measure", "figure", "peer figure", "ratio", "goal", "pass/fail"]
    body = []
    for r in rows:
        peer = fmt(r.peer, r.unit) + (f" ({r.peer_name})" if r.peer_name else "") if r.peer is not None else (
            f"n/a ({r.peer_name})" if r.peer_name else "-")
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        measure = r.measure + (f" [{r.note}]" if r.note else "")
        body.append([r.area, measure, fmt(r.figure, r.unit), peer, ratio, r.goal or "-", r.verdict])
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in body]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in [head] + body) for i in range(len(head))]
    line = lambda row: "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()
    return "\n".join([line(head), line(["-" * w for w in widths])] + [line(row) for row in body])


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def best_of(fn, repeat: int = 3) -> float:
    """The fastest of `repeat` runs of fn(), in seconds: the least disturbed by the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def max_rss_bytes() -> int:
    """This process's peak resident set (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_script(code: str, timeout: float = 1800) -> dict:
    """Run `code` in a fresh interpreter (clean memory and imports); it prints one JSON line last."""
    import json
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"bench script failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def settings():
    """conflictmap's settings with a scratch store: the benches never touch data/."""
    from conflictmap.config import settings as cm_settings

    CACHE.mkdir(parents=True, exist_ok=True)
    return cm_settings(str(CACHE / "scratch.sqlite"))


_GAZ = None


def shared_gazetteer():
    global _GAZ
    if _GAZ is None:
        from conflictmap import pipeline

        _GAZ = pipeline.load_gazetteer(settings())
    return _GAZ


def _status(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def rss_now() -> int:
    """Resident set now, bytes."""
    return _status("VmRSS")


def reset_peak() -> int:
    """Reset this process's peak-RSS mark (Linux clear_refs 5) and return the RSS now."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass
    return rss_now()


def peak_rss() -> int:
    """Peak resident set since the last reset_peak(), bytes."""
    return _status("VmHWM")
