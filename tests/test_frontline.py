"""The honest front line (issue #17): control status and recent strikes as of a day, claims denied by
the other side, regions shaded only when claimed whole, who holds what and the inferred layer."""
from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import Point, shape

from conflictmap import filters, frontline, labels, mapview
from conflictmap.config import ROOT
from conflictmap.dates import interval

_ids = iter(range(1, 10**9))


def event(place, status, when, side="", lat=48.0, lon=37.0, kind="settlement", links=()):
    start, end = interval(when)
    return {"id": next(_ids), "place": place, "place_id": f"t:{place}", "kind": kind, "status": status,
            "side": side, "date": when, "date_start": start.isoformat(), "date_end": end.isoformat(),
            "lat": lat, "lon": lon, "source_count": 1, "conflicts_with": list(links), "sources": []}


def test_a_strike_stays_on_the_map_for_the_window_only():
    taken = event("Toretsk", "claimed", "2025-02-08", "russian")
    struck = event("Toretsk", "struck", "2025-02-10")
    assert filters.latest_status([taken, struck], date(2025, 2, 12)) == [taken, struck]
    assert filters.latest_status([taken, struck], date(2025, 2, 17)) == [taken, struck]
    assert filters.latest_status([taken, struck], date(2025, 2, 18)) == [taken]  # 8 days on: the claim alone
    assert filters.latest_status([taken, struck], date(2025, 2, 18), strike_days=30) == [taken, struck]
    view = filters.View(as_of=date(2025, 3, 1), strike_days=30, min_confidence=0)
    assert filters.apply([{**e, "confidence": 1, "outlets": [], "claimant": "", "region": ""}
                          for e in (taken, struck)], view)[-1]["status"] == "struck"


def test_a_claim_denied_the_same_day_by_the_other_side_is_contested():
    claim = event("Chasiv Yar", "claimed", "2025-07-31", "russian")
    claim["source_count"] = 2
    denial = event("Chasiv Yar", "contested", "2025-07-31", "ukrainian", links=[claim["id"]])
    same_side = event("Kherson", "contested", "2022-11-11", "ukrainian")
    liberated = {**event("Kherson", "claimed", "2022-11-11", "ukrainian"), "source_count": 2}
    front = filters.latest_status([claim, denial, same_side, liberated], date(2025, 8, 1))
    assert [(e["place"], e["status"]) for e in front] == [("Kherson", "claimed"), ("Chasiv Yar", "contested")]
    assert frontline.denials([claim, denial, same_side, liberated]) == {denial["id"]}


def test_only_a_region_claimed_whole_is_shaded():
    fighting = {**event("Donetsk Oblast", "contested", "2025-06-08", "russian", kind="region"), "located": "centroid"}
    whole = event("Kursk Oblast", "claimed", "2025-04-27", "russian", kind="region")
    villages = {**event("Kharkiv Oblast", "claimed", "2024-05-11", "russian", kind="region"), "extent": "part"}
    assert not frontline.shaded_region(fighting) and frontline.shaded_region(whole)
    assert not frontline.shaded_region(villages)  # "captured five villages in the Kharkiv region"
    regions = mapview.region_shapes(mapview.load_basemap(ROOT / "geodata"))
    data = mapview.events_data([fighting, whole], regions)
    assert data["region"] == [-1, 0] and len(data["regions"]) == 1  # fighting: a marker at the region's middle
    assert data["located"][0].startswith("Somewhere in the region")


def test_marker_says_whose_claim_and_what():
    events = [event("A", "claimed", "2025-02-07", "russian"), event("B", "claimed", "2025-02-07", "ukrainian"),
              event("C", "struck", "2025-02", "")]
    data = mapview.events_data(events, {})
    assert [data["icons"][i] for i in data["icon"]] == ["cm-claimed-russian", "cm-claimed-ukrainian",
                                                        "cm-struck-other-vague"]
    legend = mapview.legend_html()
    for words in ("Russian claim", "Ukrainian claim", "Other or unknown claimant", "Claimed taken", "Contested",
                  "Struck", mapview.DENIAL_LABEL, mapview.SHADED_LABEL):
        assert words in legend
    assert frontline.INFERRED_LABEL in mapview.held_legend_html()
    css = mapview.icon_css()
    assert all(f".cm-marker.{mapview.icon_class(*kind)} " in css for kind in mapview.ICONS)


def test_who_holds_what_and_the_inferred_layer():
    front = [event("Avdiivka", "claimed", "2024-02-17", "russian", 48.14, 37.75),
             event("Kramatorsk", "contested", "2025-07-31", "ukrainian", 48.73, 37.57),
             event("Kherson", "claimed", "2022-11-11", "ukrainian", 46.64, 32.62),
             event("Sumy", "struck", "2025-04-13", "", 50.92, 34.80),
             event("Nowhere", "claimed", "2025-01-01", "", 50.0, 30.0)]
    held = frontline.holdings(front)
    assert [(h.place, h.holder) for h in held] == [("Avdiivka", "russian"), ("Kramatorsk", "contested"),
                                                   ("Kherson", "ukrainian")]
    layer = frontline.inferred_control(held)
    by_holder = {f["properties"]["holder"]: shape(f["geometry"]) for f in layer["features"]}
    assert by_holder["russian"].contains(Point(37.75, 48.14))
    assert not by_holder["russian"].contains(Point(37.75, 48.40))  # about 29 km away: beyond the cell
    assert by_holder["ukrainian"].contains(Point(32.62, 46.64))
    assert all(f["properties"]["note"] == frontline.INFERRED_LABEL for f in layer["features"])


def test_inferred_cells_meet_halfway_between_near_places():
    held = frontline.holdings([event("R", "claimed", "2025-01-01", "russian", 48.0, 37.0),
                               event("U", "claimed", "2025-01-01", "ukrainian", 48.0, 37.1)])
    by_holder = {f["properties"]["holder"]: shape(f["geometry"])
                 for f in frontline.inferred_control(held)["features"]}
    assert by_holder["russian"].contains(Point(37.04, 48.0)) and by_holder["ukrainian"].contains(Point(37.06, 48.0))
    assert by_holder["russian"].intersection(by_holder["ukrainian"]).area < 1e-6


@pytest.mark.parametrize("population, zoom", [(2_000_000, 7), (25_000, 8), (6_000, 9), (1_500, 10), (40, 11),
                                              (0, None)])
def test_towns_are_labelled_by_population(population, zoom):
    assert labels.min_zoom(population) == zoom


def test_town_labels_come_from_the_gazetteer_escaped(tmp_path):
    (tmp_path / labels.BASE).write_text(
        "id\tname\tlat\tlon\tcountry\tadmin1\tpopulation\tnames\tprecision\traion\thromada\n"
        "x:1\tBig<b>\t48.1\t37.1\tUA\tUA.14\t50000\t\tpoint\t\t\n"
        "x:2\tHamlet\t48.2\t37.2\tUA\tUA.14\t0\t\tpoint\t\t\n"
        "x:3\tSmall\t48.3\t37.3\tUA\tUA.14\t1200\t\tpoint\t\t\n", encoding="utf-8")
    import json
    towns = json.loads(labels.towns(tmp_path))
    assert towns["name"] == ["Big&lt;b&gt;", "Small"] and towns["zoom"] == [8, 10]
    real = json.loads(labels.towns(ROOT / "geodata"))
    assert "Kramatorsk" in real["name"] or "Sloviansk" in real["name"]
    assert real["zoom"][0] == 0  # the basemap's cities first, at every zoom


def test_a_monthly_animation_shows_the_strikes_of_each_month():
    from conflictmap import animation, snapshot

    struck = event("Sumy", "struck", "2025-01-10", "russian", 50.92, 34.80)
    bbox = (32.0, 49.0, 38.0, 52.0)
    frames = list(animation.iter_frames([struck], ROOT / "geodata", step="month", start=date(2025, 1, 1),
                                        end=date(2025, 2, 28), size="social", title="T", bbox=bbox))
    where = snapshot.Snapshot(ROOT / "geodata", size="social", title="T", bbox=bbox).pixel(34.80, 50.92)
    orange = tuple(int(mapview.SIDES["russian"]["colour"][i:i + 2], 16) for i in (1, 3, 5))
    seen = [max(abs(a - b) for a, b in zip(image.getpixel(tuple(map(int, where)))[:3], orange)) < 12
            for _, _, image in frames]
    assert seen == [True, False]  # 21 days before the end of January: shown; gone by the end of February


def test_the_demo_map_shades_no_region_claimed_only_in_part(samples_events):
    """"Russia says it has captured five villages in Kharkiv region push": the villages it names are the claims,
    not the oblast."""
    kharkiv = [e for e in samples_events if e["place"] == "Kharkiv Oblast" and e["status"] == "claimed"]
    assert all(e["extent"] == "part" and not frontline.shaded_region(e) for e in kharkiv)
    claimed = {e["place"] for e in samples_events if e["status"] == "claimed" and e["date"] == "2024-05-11"}
    assert {"Borysivka", "Ohirtseve", "Pletenivka", "Pylna", "Strilecha"} <= claimed
    assert any(frontline.shaded_region(e) for e in samples_events if e["place"] == "Kursk Oblast")  # "fully retaken"
