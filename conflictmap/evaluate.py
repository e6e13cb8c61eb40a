"""Score extracted events against a researcher's gold annotations, and group every error by its cause.

The figures follow ../shared/tools/score_events.py rule for rule, so that the two always agree: one
prediction may match several gold events, recall and date accuracy count `required` events only, and
precision is the share of all predictions that match any gold event."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from . import yamlsafe
from .dates import interval
from .models import STATUSES
from .names import fold_name

EARTH_KM = 6371.0  # the reference scorer's sphere: another radius would flip borderline matches
SIDES = ("russian", "ukrainian", "third-party")
MISS_CAUSES = ("place not found", "homonym far", "wrong status")
FALSE_POSITIVE_CAUSES = ("not an event", "homonym far", "wrong status")


class EvaluationError(ValueError):
    """A gold or events file that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class GoldPlace:
    name: str
    lat: float
    lon: float
    kind: str  # settlement | region; anything but settlement gets the region's tolerance
    aliases: tuple[str, ...] = ()

    @property
    def tolerance_km(self) -> float:
        return 15.0 if self.kind == "settlement" else 150.0

    @property
    def keys(self) -> set[str]:
        return {fold_name(n) for n in (self.name, *self.aliases)}


@dataclass(frozen=True)
class GoldEvent:
    place: str
    status: str
    date: str  # EDTF
    required: bool = True
    alternatives: tuple[str, ...] = ()
    side: str = ""
    claimant: str = ""


@dataclass(frozen=True)
class GoldArticle:
    events: tuple[GoldEvent, ...]
    not_events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gold:
    places: dict[str, GoldPlace]
    articles: dict[str, GoldArticle]


@dataclass(frozen=True)
class Prediction:
    article: str  # file basename
    place: str
    status: str
    date: str
    lat: float | None  # None: the feature has no usable point
    lon: float | None
    quote: str = ""
    side: str = ""
    claimant: str = ""


def _read(path: Path, parse):
    try:
        return parse(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise EvaluationError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise EvaluationError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}: not valid JSON at line {exc.lineno}: {exc.msg}") from None


def _edtf(value) -> str:
    """YAML reads an unquoted 2025-02-07 as a date and 2024 as an int; both stand for EDTF text."""
    return value.isoformat()[:10] if isinstance(value, date) else str(value).strip()


def _span(edtf: str) -> tuple[date, date] | None:
    try:
        return interval(edtf)
    except (ValueError, TypeError):
        return None


def _names(value, what: str) -> tuple[str, ...]:
    if not isinstance(value or [], list):
        raise EvaluationError(f"{what} must be a list")
    return tuple(str(v) for v in value or [] if v is not None)


def _place(name: str, spec) -> GoldPlace:
    try:
        return GoldPlace(name, float(spec["lat"]), float(spec["lon"]), str(spec["kind"]),
                         _names(spec.get("aliases"), f"aliases of place {name!r}"))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise EvaluationError(f"place {name!r} needs numeric lat and lon and a kind") from None


def _event(article: str, spec, places: dict[str, GoldPlace]) -> GoldEvent:
    if not isinstance(spec, dict) or not {"place", "status", "date"} <= spec.keys():
        raise EvaluationError(f"{article}: every event needs a place, a status and a date")
    event = GoldEvent(str(spec["place"]), str(spec["status"]), _edtf(spec["date"]), bool(spec.get("required", True)),
                      _names(spec.get("alternatives"), f"{article}: alternatives"),
                      str(spec.get("side") or ""), str(spec.get("claimant") or ""))
    checks = [(n in places, f"place {n!r} is not under places:") for n in (event.place, *event.alternatives)]
    checks += [(event.status in STATUSES, f"status must be one of {', '.join(STATUSES)}"),
               (_span(event.date) is not None, f"{event.date!r} is not an EDTF date such as 2025-02-07"),
               (event.side in ("", *SIDES), f"side must be one of {', '.join(SIDES)}")]
    for ok, problem in checks:
        if not ok:
            raise EvaluationError(f"{article}: {event.place} {event.status}: {problem}")
    return event


def load_gold(path: Path) -> Gold:
    """The gold file (schema of ../shared/gold/seeds.yaml); EvaluationError on anything unusable."""
    data = _read(path, yamlsafe.load)
    if not (isinstance(data, dict) and isinstance(data.get("places"), dict) and isinstance(data.get("articles"), dict)):
        raise EvaluationError(f"{path}: not a gold file: it needs a places: and an articles: mapping")
    try:
        places = {str(name): _place(str(name), spec) for name, spec in data["places"].items()}
        articles = {}
        for name, spec in data["articles"].items():
            spec = spec or {}
            if not isinstance(spec, dict) or not isinstance(spec.get("events") or [], list):
                raise EvaluationError(f"{name}: give a list of events:")
            events = tuple(_event(str(name), e, places) for e in spec.get("events") or [])
            articles[str(name)] = GoldArticle(events, _names(spec.get("not_events"), f"{name}: not_events"))
    except EvaluationError as exc:
        raise EvaluationError(f"{path}: {exc}") from None
    return Gold(places, articles)


def _prediction(feature) -> Prediction:
    """The point is read as the reference scorer reads it: a Point's coordinates, else a shape's
    `label_point` property, else the `lat`/`lon` properties."""
    props, geometry = feature.get("properties") or {}, feature.get("geometry") or {}
    coords = geometry.get("coordinates")
    if geometry.get("type") != "Point" and coords:
        coords = props.get("label_point") or None
    lon, lat = (coords[0], coords[1]) if coords else (props.get("lon"), props.get("lat"))
    text = {k: "" if props.get(k) is None else str(props[k]) for k in ("place", "status", "quote", "side", "claimant")}
    return Prediction(str(props.get("article", "")).split("/")[-1], text["place"], text["status"],
                      str(props.get("date")), *((None, None) if lat is None else (float(lat), float(lon))),
                      text["quote"], text["side"], text["claimant"])


def load_predictions(path: Path) -> list[Prediction]:
    """The features of an `extract` GeoJSON; EvaluationError on anything unusable."""
    data = _read(path, json.loads)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise EvaluationError(f"{path}: not GeoJSON from extract: no list of features")
    predictions = []
    for number, feature in enumerate(features, 1):
        try:
            predictions.append(_prediction(feature))
        except (ValueError, TypeError, AttributeError, IndexError, KeyError):
            raise EvaluationError(f"{path}: feature {number} is malformed (its point or properties)") from None
    return predictions


def km(pred: Prediction, place: GoldPlace) -> float:
    """Great-circle distance (haversine, as the reference scorer computes it); infinite without a point."""
    if pred.lat is None:
        return math.inf
    p1, p2 = math.radians(pred.lat), math.radians(place.lat)
    dlon = math.radians(place.lon - pred.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def _near(pred: Prediction, place: GoldPlace) -> bool:
    return km(pred, place) <= place.tolerance_km


def _named(pred: Prediction, place: GoldPlace) -> bool:
    return fold_name(pred.place) in place.keys


def _date_right(event: GoldEvent, matches: list[Prediction]) -> bool:
    """Some match's period lies inside the gold one; a gold day is widened by a day each way."""
    first, last = interval(event.date)
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    return any(s and first <= s[0] and s[1] <= last for s in map(_span, (p.date for p in matches)))


def _shown(pred: Prediction, place: GoldPlace | None = None, **extra) -> dict:
    """A prediction as the report shows it, with its distance from `place` when one is given."""
    row = {"place": pred.place, "status": pred.status, "date": pred.date, "quote": pred.quote, **extra}
    distance = km(pred, place) if place else math.inf
    return {**row, "distance_km": round(distance, 1)} if math.isfinite(distance) else row


def _miss(places: list[GoldPlace], preds: list[Prediction]) -> tuple[str, list[dict]]:
    """Why no prediction matched: one lies near the place with another status, else one carries the
    place's name but was put elsewhere (a homonym), else the article's predictions miss it."""
    near = [_shown(p) for p in preds if any(_near(p, pl) for pl in places)]
    if near:
        return "wrong status", near
    named = [_shown(p, pl) for p in preds for pl in places if _named(p, pl)]
    return ("homonym far", named) if named else ("place not found", [])


def _false_positive(gold: Gold, article: GoldArticle | None, pred: Prediction) -> tuple[str, dict]:
    """Why an unmatched prediction is wrong. The most specific check wins: a name the annotator listed
    as not an event, then a gold place close by (so only the status differs), then a gold place's
    name put elsewhere (a homonym), then nearness to a listed non-event, else nowhere near."""
    if article is None:
        return "not an event", _shown(pred, note="the article is not in the gold file")
    not_events = [(n, gold.places.get(n)) for n in article.not_events]
    for name, place in not_events:
        if fold_name(pred.place) in (place.keys if place else {fold_name(name)}):
            return "not an event", _shown(pred, note=f"listed in not_events as {name}")
    names = list(dict.fromkeys(n for e in article.events for n in (e.place, *e.alternatives)))
    for name in names:
        if _near(pred, gold.places[name]):
            there = sorted({e.status for e in article.events if name in (e.place, *e.alternatives)})
            return "wrong status", _shown(pred, gold_place=name, note=f"gold has {name} as {', '.join(there)}")
    for name in names:
        if _named(pred, gold.places[name]):
            row = _shown(pred, gold.places[name], gold_place=name)
            return "homonym far", {**row, "note": f"{row.get('distance_km', '?')} km from the gold {name}"}
    for name, place in not_events:
        if place and _near(pred, place):
            return "not an event", _shown(pred, note=f"near {name}, listed in not_events")
    return "not an event", _shown(pred, note="near no gold place of the article")


def _side_rows(event: GoldEvent, where: dict, matches: list[Prediction]) -> tuple[list[dict], list[dict]]:
    """Side errors (only where the gold gives a side) and claimant pairs, shown for information."""
    errors, info = [], []
    for pred in matches:
        row = {**where, "gold_side": event.side, "gold_claimant": event.claimant, "side": pred.side,
               "claimant": pred.claimant, "quote": pred.quote,
               "note": f"gold {event.side or '-'} {event.claimant!r}, got {pred.side or '-'} {pred.claimant!r}"}
        if event.side and pred.side != event.side:
            errors.append(row)
        elif event.claimant:
            info.append(row)
    return errors, info


def evaluate(gold: Gold, predictions: list[Prediction]) -> dict:
    """Metrics as the reference scorer computes them, and every error grouped by cause (plain data)."""
    missed = {c: [] for c in MISS_CAUSES}
    false_positives = {c: [] for c in FALSE_POSITIVE_CAUSES}
    dates, sides, claimants, used = [], [], [], set()
    required = found = dated = 0
    for name, article in gold.articles.items():
        mine = [i for i, p in enumerate(predictions) if p.article == name]
        for event in article.events:
            places = [gold.places[n] for n in (event.place, *event.alternatives)]
            hits = [i for i in mine if predictions[i].status == event.status
                    and any(_near(predictions[i], pl) for pl in places)]
            used.update(hits)
            matches = [predictions[i] for i in hits]
            where = {"article": name, "place": event.place, "status": event.status, "date": event.date}
            wrong_side, pairs = _side_rows(event, where, matches)
            sides, claimants = sides + wrong_side, claimants + pairs
            if not event.required:
                continue
            required, found = required + 1, found + bool(matches)
            if not matches:
                cause, shown = _miss(places, [predictions[i] for i in mine])
                missed[cause].append({**where, "predictions": shown})
            elif _date_right(event, matches):
                dated += 1
            else:
                dates.append({**where, "got": [p.date for p in matches], "predictions": [_shown(p) for p in matches]})
    for i, pred in enumerate(predictions):
        if i not in used:
            cause, row = _false_positive(gold, gold.articles.get(pred.article), pred)
            false_positives[cause].append({"article": pred.article, **row})
    return {"metrics": _metrics(required, found, len(used), len(predictions), dated),
            "errors": {"missed": missed, "false_positive": false_positives, "date": dates, "side": sides},
            "claimants": claimants}


def _metrics(required: int, found: int, matched: int, predicted: int, dated: int) -> dict:
    """Rounded to three places, as in the reference scorer's JSON."""
    recall = found / required if required else 0
    precision = matched / predicted if predicted else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return {"required": required, "found": found, "recall": round(recall, 3), "predicted": predicted,
            "matched": matched, "precision": round(precision, 3), "f1": round(f1, 3),
            "date_accuracy": round(dated / found if found else 0, 3)}


def _rows_text(rows: list[dict]) -> list[str]:
    out = []
    for row in rows:
        got = f"  got {', '.join(row['got'])}" if "got" in row else ""
        note = f"  ({row['note']})" if row.get("note") else ""
        out.append(f"{row['article']}: {row['place']} {row['status']} {row['date']}{got}{note}")
        out += [f'    "{row["quote"]}"'] if row.get("quote") else []
        for p in row.get("predictions", []):
            far = f" at {p['distance_km']} km" if "distance_km" in p else ""
            out.append(f'    predicted {p["place"]} {p["status"]} {p["date"]}{far}: "{p["quote"]}"')
    return out


def report_text(result: dict) -> str:
    """Counts per cause, then the errors under each cause, then the reference scorer's summary line."""
    errors, m = result["errors"], result["metrics"]
    groups = [(f"missed: {c}", rows) for c, rows in errors["missed"].items()]
    groups += [(f"false positive: {c}", rows) for c, rows in errors["false_positive"].items()]
    groups += [("date", errors["date"]), ("side", errors["side"]),
               ("claimants (information, not errors)", result["claimants"])]
    out = [f"{len(rows):5d}  {title}" for title, rows in groups]
    for title, rows in groups:
        out += ["", f"== {title} ({len(rows)})", *_rows_text(rows)] if rows else []
    out += ["", f"recall {m['recall']:.3f} ({m['found']}/{m['required']})  precision {m['precision']:.3f} "
                f"({m['matched']}/{m['predicted']})  F1 {m['f1']:.3f}  date accuracy {m['date_accuracy']:.3f}"]
    return "\n".join(out)
