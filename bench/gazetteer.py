"""Gazetteer: load time, memory, lookups/s and Gazetteer.find throughput; geotext as the peer."""
from __future__ import annotations

import random
from importlib.metadata import version

from . import Row, best_of, shared_gazetteer, log, run_script
from . import corpus as corpus_mod

AREA = "gazetteer"

# Fresh interpreters, imports done before the clock starts; peak RSS growth is what the load added.
LOAD_SCRIPT = """
import json, time, tracemalloc
from bench import settings, reset_peak, peak_rss
from conflictmap import pipeline
conf = settings()
rss0 = reset_peak()
t = time.perf_counter(); gaz = pipeline.load_gazetteer(conf); first = time.perf_counter() - t
rss1 = peak_rss()
times = []
for _ in range(3):
    t = time.perf_counter(); pipeline.load_gazetteer(conf); times.append(time.perf_counter() - t)
tracemalloc.start()
pipeline.load_gazetteer(conf)
traced = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(json.dumps({"first": first, "best": min(times), "rss": rss1 - rss0, "traced": traced,
                  "names": len(gaz._keys), "places": len(gaz)}))
"""
PEER_LOAD_SCRIPT = """
import json, time, tracemalloc, collections, io, os, re
from bench import reset_peak, peak_rss
rss0 = reset_peak()
t = time.perf_counter(); import geotext.geotext as g; first = time.perf_counter() - t  # builds its index
rss1 = peak_rss()
index = g.GeoText.index
times = []
for _ in range(3):
    t = time.perf_counter(); g.build_index(); times.append(time.perf_counter() - t)
tracemalloc.start()
g.build_index()
traced = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(json.dumps({"first": first, "best": min(times), "rss": rss1 - rss0, "traced": traced,
                  "names": len(index.cities)}))
"""


def run(quick: bool) -> list[Row]:
    rows = []
    log("gazetteer: load in fresh interpreters")
    # geotext builds its index when imported: its first load and peak RSS growth are those of the import.
    ours, peer = run_script(LOAD_SCRIPT), run_script(PEER_LOAD_SCRIPT)
    rows.append(Row(AREA, "load time, first load in a fresh process", ours["first"], "s", peer["first"],
                    "import geotext", "< 1 s", note=f"{ours['places']:,} places, {ours['names']:,} names"))
    rows.append(Row(AREA, "load time, best of 3 reloads", ours["best"], "s", peer["best"], "geotext build_index"))
    rows.append(Row(AREA, "peak memory of a first load (peak RSS growth)", ours["rss"], "B", peer["rss"],
                    "import geotext"))
    rows.append(Row(AREA, "peak memory of a reload (tracemalloc, Python heap)", ours["traced"], "B", peer["traced"],
                    "geotext build_index"))

    gaz = shared_gazetteer()
    from geotext import GeoText

    rng = random.Random(3)
    places = sorted(gaz.places.values(), key=lambda p: p.id)
    names = [rng.choice(places).name for _ in range(20_000)]
    names += [rng.choice(rng.choice(places).other_names or ("Nowhere",)) for _ in range(5_000)]
    names += ["Atlantis", "Gotham", "Springfield", "Narnia"] * 1_250
    rng.shuffle(names)
    cities = GeoText.index.cities
    t_ours = best_of(lambda: [gaz.lookup(n) for n in names])
    t_peer = best_of(lambda: [cities.get(n.lower()) for n in names])
    rows.append(Row(AREA, "Gazetteer.lookup, lookups/s", len(names) / t_ours, "/s", len(names) / t_peer,
                    "dict get, geotext index", note="60% primary, 20% other names, 20% misses"))

    size = "1MB" if quick else "10MB"
    folder = corpus_mod.cached(size, gaz=gaz)
    texts = [a.text for a in corpus_mod.load_articles(folder)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    log(f"gazetteer: Gazetteer.find over {mb:.1f} MB")
    t_find = best_of(lambda: [gaz.find(t) for t in texts], repeat=2 if not quick else 3)
    # GeoText over the same articles (its regex scan plus dict lookups).
    t_geo = best_of(lambda: [GeoText(t) for t in texts], repeat=2 if not quick else 3)
    found = sum(len(gaz.find(t)) for t in texts[:200])
    rows.append(Row(AREA, f"Gazetteer.find over the {size} corpus, MB/s", mb / t_find, "MB/s", mb / t_geo,
                    f"GeoText {version('geotext')}", "> 20 MB/s",
                    note=f"{len(texts):,} articles, {found / 200:.0f} matches/article"))
    return rows
