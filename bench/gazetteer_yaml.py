"""`python -m bench.gazetteer_yaml [--mb 17]`: a large curated gazetteer.yaml, read as the app reads it.

The file is gazetteer.yaml with generated places appended up to the size asked. Printed: the strict YAML
parse on libyaml's C parser (ours) against the same checks on PyYAML's pure-Python parser (the peer,
measured in the same run), then the whole `gazetteer.load` and `gazetteer check`, with peak memory.
"""
from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import yaml

from conflictmap import gazetteer, gazetteer_check, yamlsafe
from conflictmap.config import settings


class PurePython(yamlsafe._Strict, yaml.SafeLoader):  # noqa: SLF001 - the same checks on the peer parser
    pass


def large_gazetteer(megabytes: float) -> str:
    text = settings().gazetteer.read_text(encoding="utf-8")
    cut = text.index("\ngovernments:") + 1
    rng, extra, size, n = random.Random(1), [], 0, 0
    while size < megabytes * 1e6 - len(text):
        n += 1
        extra.append(f'  - {{name: "Testivka{n}", region: "Donetsk Oblast", lat: {48 + rng.random():.5f}, '
                     f'lon: {37 + rng.random():.5f}, names: ["Testovka{n}", "Тестівка{n}"], source: "generated {n}"}}\n')
        size += len(extra[-1].encode())
    return text[:cut] + "".join(extra) + text[cut:]


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=17.0)
    megabytes = parser.parse_args().mb
    text = large_gazetteer(megabytes)
    conf = settings()
    base = conf.geodata / "gazetteer_base.tsv"
    ours = timed(lambda: yamlsafe.load(text))
    peer = timed(lambda: yaml.load(text, Loader=PurePython))  # noqa: S506 - a SafeLoader
    print(f"strict YAML parse of {megabytes:g} MB: ours {ours:.1f} s, pure-Python peer {peer:.1f} s "
          f"({peer / ours:.1f}x)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gazetteer.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = timed(lambda: gazetteer.load(path, base))
        print(f"gazetteer.load {loaded:.1f} s; peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")
        checked = timed(lambda: gazetteer_check.check(path, base, conf.geodata))
        print(f"gazetteer check {checked:.1f} s; peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


if __name__ == "__main__":
    main()
