"""Confidence: what the map's confidence filter trades. Precision and recall on each development set
(../shared, present on developers' machines and in CI, never in the repo) at each confidence floor;
the peer is the same set with no floor, so the ratio is the precision the floor buys."""
from __future__ import annotations

import json
from pathlib import Path

from conflictmap import export, pipeline
from conflictmap.config import ROOT
from conflictmap.evaluate import evaluate, load_gold, load_predictions

from . import CACHE, Row, log, settings, shared_gazetteer

AREA = "confidence"
SHARED = ROOT.parent / "shared"
SETS = (  # name, articles, manifest, gold
    ("seeds", SHARED / "corpus", SHARED / "corpus" / "manifest.csv", SHARED / "gold" / "seeds.yaml"),
    ("acled_dev", SHARED / "acled_dev" / "articles", SHARED / "acled_dev" / "manifest.csv",
     SHARED / "acled_dev" / "gold.yaml"),
    ("news_dev", SHARED / "news_dev" / "articles", SHARED / "news_dev" / "articles" / "manifest.csv",
     SHARED / "news_dev" / "gold.yaml"),
)
FLOORS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)
QUICK_FLOORS = (0.0, 0.5, 0.8)


def run(quick: bool) -> list[Row]:
    rows = []
    for name, folder, manifest, gold_path in SETS:
        if not gold_path.exists():
            log(f"{AREA}: {gold_path} is absent; {name} skipped")
            continue
        log(f"{AREA}: {name}")
        rows += _curve(name, folder, manifest, gold_path, QUICK_FLOORS if quick else FLOORS)
    return rows


def _curve(name: str, folder: Path, manifest: Path, gold_path: Path, floors) -> list[Row]:
    events, _ = pipeline.extract_paths([folder], manifest, settings(), shared_gazetteer(), min_confidence=0.0)
    features = export.extract_geojson(events)["features"]
    gold = load_gold(gold_path)
    scores = {floor: _score(gold, features, floor) for floor in floors}
    everything = scores[0.0]["precision"]
    return [Row(AREA, f"{name}: precision at confidence >= {floor}", m["precision"], peer=everything,
                peer_name="no floor", note=f"recall {m['recall']:.3f}, F1 {m['f1']:.3f}, {m['predicted']} events")
            for floor, m in scores.items() if floor > 0]


def _score(gold, features: list[dict], floor: float) -> dict:
    kept = {"type": "FeatureCollection",
            "features": [f for f in features if f["properties"]["confidence"] >= floor]}
    path = CACHE / f"confidence-{floor}.geojson"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(kept), encoding="utf-8")
    return evaluate(gold, load_predictions(path))["metrics"]
