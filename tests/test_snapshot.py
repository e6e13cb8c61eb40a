"""Static maps (PNG, PDF) and the GIF of the front line, drawn from synthetic events on the real geodata/."""
from __future__ import annotations

import re
import time
from datetime import date, timedelta

import numpy as np
import pytest
from matplotlib.text import Text
from PIL import Image, ImageSequence
from shapely.geometry import shape

from conflictmap import animation, mapview, snapshot
from conflictmap.config import ROOT
from conflictmap.dates import interval

GEODATA = ROOT / "geodata"
COLOURS = {s: tuple(int(v["colour"][i:i + 2], 16) for i in (1, 3, 5)) for s, v in mapview.SIDES.items()}
HOSTILE = "<script>$x$ `y` =HYPERLINK()"
_ids = iter(range(1, 10**9))


def event(place: str, lon: float, lat: float, status: str = "claimed", when: str = "2025-02-07",
          kind: str = "settlement", article: int | None = None, side: str = "") -> dict:
    """A merged event as store.merged_events() gives it, with only the keys the renderers read."""
    start, end = interval(when)
    eid = next(_ids)
    return {"id": eid, "place": place, "place_id": f"test:{place}", "kind": kind, "region": "", "lat": lat, "side": side,
            "lon": lon, "status": status, "date": when, "date_start": start.isoformat(),
            "date_end": end.isoformat(), "source_count": 1,
            "sources": [{"article_id": article if article is not None else eid}]}


def texts(snap: snapshot.Snapshot) -> list[str]:
    """Every text drawn on the figure, whitespace collapsed (legend labels wrap)."""
    return [" ".join(t.get_text().split()) for t in snap.fig.findobj(Text) if t.get_text()]


def rgb_at(image: Image.Image, xy: tuple[float, float]) -> tuple[int, int, int]:
    return image.getpixel((int(xy[0]), int(xy[1])))[:3]


def near(colour, target, tol: int = 10) -> bool:
    return max(abs(a - b) for a, b in zip(colour, target)) <= tol


# ---- latest_status and labels --------------------------------------------------------------------

A_CLAIMED = event("A", 37.0, 48.0, "claimed", "2025-01-10")
A_CONTESTED = event("A", 37.0, 48.0, "contested", "2025-02-03")
A_MONTH = event("A", 37.0, 48.0, "struck", "2025-02")
B_STRUCK = event("B", 36.0, 49.0, "struck", "2025-01-20")


@pytest.mark.parametrize("events, day, expected", [
    ([], date(2025, 3, 1), []),
    ([A_CLAIMED, A_CONTESTED, B_STRUCK], date(2025, 1, 9), []),
    ([A_CLAIMED, A_CONTESTED, B_STRUCK], date(2025, 1, 10), [A_CLAIMED]),
    ([A_CLAIMED, A_CONTESTED, B_STRUCK], date(2025, 1, 25), [A_CLAIMED, B_STRUCK]),
    ([A_CLAIMED, A_CONTESTED, B_STRUCK], date(2025, 1, 31), [A_CLAIMED]),  # the strike is over a week old
    ([A_CONTESTED, A_CLAIMED, B_STRUCK], date(2025, 2, 3), [A_CONTESTED]),  # input order is irrelevant
    ([A_CLAIMED, A_MONTH], date(2025, 2, 1), [A_CLAIMED, A_MONTH]),  # "February" began on the 1st
    ([A_CLAIMED, A_MONTH, A_CONTESTED], date(2025, 2, 5), [A_MONTH, A_CONTESTED]),  # a strike holds nothing
])
def test_latest_status(events, day, expected):
    assert snapshot.latest_status(events, day) == expected


def test_latest_status_ties_go_to_more_sources_then_later_id():
    one, two = event("C", 30, 50, "claimed", "2025-03-01"), event("C", 30, 50, "contested", "2025-03-01")
    assert snapshot.latest_status([two, one], date(2025, 3, 1)) == [two]
    one = {**one, "source_count": 3}
    assert snapshot.latest_status([two, one], date(2025, 3, 1)) == [one]


@pytest.mark.parametrize("events, as_of, period, expected", [
    ([], None, None, ""),
    ([], date(2025, 2, 7), None, "as of 7 February 2025"),
    ([event("X", 30, 50, when="2025-02-07")], None, None, "7 February 2025"),
    ([event("X", 30, 50, when="2025-01-01"), event("Y", 31, 50, when="2025-03")], None, None, "1 Jan – 31 Mar 2025"),
    ([event("X", 30, 50, when="2024-12-15/2025-01-31")], None, None, "15 Dec 2024 – 31 Jan 2025"),
    ([event("X", 30, 50, when="2025-02-07")], None, (date(2025, 1, 1), date(2025, 6, 30)), "1 Jan – 30 Jun 2025"),
])
def test_date_label(events, as_of, period, expected):
    assert snapshot.date_label(events, as_of, period) == expected


@pytest.mark.parametrize("raw, expected", [
    ("plain", "plain"),
    ("two\nlines\tand\rmore", "two lines and more"),
    ("bidi \u202etxt.exe", "bidi txt.exe"),
    (HOSTILE, HOSTILE),
])
def test_plain(raw, expected):
    assert snapshot.plain(raw) == expected


# ---- files and sizes -----------------------------------------------------------------------------

@pytest.mark.parametrize("size, pixels", [("social", (1200, 675)), ("slides", (1920, 1080)), ("print", (3508, 2480))])
def test_png_has_exact_size(tmp_path, size, pixels):
    out = snapshot.render_png([event("Kramatorsk", 37.56, 48.72)], GEODATA, tmp_path / "m.png", size=size, title="T")
    with Image.open(out) as im:
        assert im.format == "PNG" and im.size == pixels


@pytest.mark.parametrize("size, points", [("print", (841.89, 595.28)), ("social", (864.0, 486.0))])
def test_pdf_page_size(tmp_path, size, points):
    out = snapshot.render_pdf([event("Kramatorsk", 37.56, 48.72)], GEODATA, tmp_path / "m.pdf", size=size, title="T")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    box = [float(v) for v in re.search(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", data).group(1).split()]
    assert box[:2] == [0, 0] and box[2:] == pytest.approx(points, abs=0.05)


def test_same_input_same_bytes(tmp_path):
    events = [event("Kramatorsk", 37.56, 48.72), event("Kharkiv Oblast", 36.5, 49.6, kind="region", when="2025-02")]
    first = snapshot.render_png(events, GEODATA, tmp_path / "1.png", size="social", title="T")
    second = snapshot.render_png(events, GEODATA, tmp_path / "2.png", size="social", title="T")
    assert first.read_bytes() == second.read_bytes()


def test_unknown_size_is_refused(tmp_path):
    with pytest.raises(ValueError, match="size"):
        snapshot.render_png([], GEODATA, tmp_path / "m.png", size="poster", title="T")


def test_no_pyplot_figures_left_behind(tmp_path):
    """The renderer must not touch pyplot's global figures (Streamlit runs it in threads)."""
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    snapshot.render_png([event("Kramatorsk", 37.56, 48.72)], GEODATA, tmp_path / "m.png", size="social", title="T")
    assert plt.get_fignums() == before


# ---- content -------------------------------------------------------------------------------------

def test_title_legend_counts_scale_and_attribution_are_drawn():
    events = [event("Kramatorsk", 37.56, 48.72, "claimed", "2025-01-01", article=1),
              event("Kramatorsk", 37.56, 48.72, "struck", "2025-03", article=1),
              event("Sumy", 34.80, 50.91, "contested", "2025-02-11", article=2)]
    snap = snapshot.build(events, GEODATA, size="social", title="Front line, Q1", subtitle="From three reports")
    shown = texts(snap)
    for expected in ["Front line, Q1", "From three reports", "1 Jan – 31 Mar 2025", "Whose claim, what",
                     "Claimed taken", "Contested", "Struck", "Russian claim", "Ukrainian claim", "dated to a month, year or period", "N", "0"]:
        assert expected in shown
    assert "Shown 3 events 2 places 2 sources" in shown
    assert any(t.endswith(" km") for t in shown)
    assert any(mapview.ATTRIBUTION in t for t in shown)
    assert any(t in shown for t in ("Kramatorsk", "Kyiv", "Kharkiv"))  # city labels from geodata/cities


def test_as_of_shows_each_places_latest_event_and_says_so():
    events = [event("Kramatorsk", 37.56, 48.72, "claimed", "2025-01-01", side="russian"),
              event("Kramatorsk", 37.56, 48.72, "contested", "2025-02-01", side="ukrainian"),
              event("Sumy", 34.80, 50.91, "struck", "2025-04-01")]
    snap = snapshot.build(events, GEODATA, size="social", title="T", as_of=date(2025, 2, 7))
    assert "as of 7 February 2025" in texts(snap)
    assert "Shown 1 event 1 place 1 source" in texts(snap)
    image = snap.image()
    assert near(rgb_at(image, snap.pixel(37.56, 48.72)), COLOURS["ukrainian"])


MARKED = [  # place, lon, lat, status, date, side: far enough apart that markers do not overlap
    ("Pokrovsk", 37.18, 48.28, "claimed", "2025-02-07", "russian"),
    ("Kupiansk", 37.62, 49.71, "contested", "2025-02-07", "ukrainian"),
    ("Odesa", 30.73, 46.48, "struck", "2025-02-07", "other"),
    ("Sumy", 34.80, 50.91, "claimed", "2025-02", "ukrainian"),
    ("Kherson", 32.61, 46.64, "contested", "2025", "russian"),
    ("Zhytomyr", 28.66, 50.25, "struck", "2025-01-01/2025-02-07", "other"),
]


def test_marker_colours_at_event_pixels(tmp_path):
    """Filled markers (dated to a day) have their side's colour at the centre; hollow ones a coloured
    ring round a pale centre."""
    events = [event(p, lon, lat, s, d, side=side) for p, lon, lat, s, d, side in MARKED]
    snap = snapshot.build(events, GEODATA, size="social", title="T")
    with Image.open(snap.save(tmp_path / "m.png")) as saved:
        image = saved.convert("RGB")
    assert np.array_equal(np.asarray(image), np.asarray(snap.image()))
    for place, lon, lat, status, when, side in MARKED:
        x, y = snap.pixel(lon, lat)
        if "-" in when and len(when) == 10:
            assert near(rgb_at(image, (x, y)), COLOURS[side]), place
        else:
            assert min(rgb_at(image, (x, y))) > 200, place
            window = np.asarray(image.crop((int(x) - 9, int(y) - 9, int(x) + 10, int(y) + 10))).reshape(-1, 3)
            assert (np.abs(window - COLOURS[side]).max(axis=1) <= 40).any(), place


def test_region_event_shades_its_oblast():
    oblast = next(f for f in mapview.load_basemap(GEODATA)["oblasts"]["features"]
                  if f["properties"]["name"] == "Poltava Oblast")
    inside = shape(oblast["geometry"]).representative_point()
    region = event("Poltava Oblast", inside.x, inside.y, "claimed", "2025-02-07", kind="region", side="russian")
    bbox = (22.0, 44.0, 40.5, 52.5)
    plain_map = snapshot.build([], GEODATA, size="social", title="T", bbox=bbox)
    shaded = snapshot.build([region], GEODATA, size="social", title="T", bbox=bbox)
    where = shaded.pixel(inside.x, inside.y)
    assert plain_map.pixel(inside.x, inside.y) == pytest.approx(where)
    before, after = rgb_at(plain_map.image(), where), rgb_at(shaded.image(), where)
    assert before != after and after[0] > after[2]  # tinted towards the claimed orange, not a marker


def test_hostile_title_is_drawn_literally(tmp_path):
    snap = snapshot.build([event("Sumy", 34.80, 50.91)], GEODATA, size="social", title=HOSTILE, subtitle=HOSTILE)
    drawn = [t for t in snap.fig.findobj(Text) if t.get_text() == HOSTILE]
    assert len(drawn) == 2
    assert all(not t.get_parse_math() and not t.get_usetex() for t in drawn)
    renderer = snap.fig.canvas.get_renderer()
    literal = drawn[0].get_window_extent(renderer).width
    drawn[0].set_parse_math(True)  # what matplotlib would do by default: "$x$" becomes an italic x
    assert drawn[0].get_window_extent(renderer).width < literal
    drawn[0].set_parse_math(False)
    with Image.open(snap.save(tmp_path / "m.png")) as im:
        assert im.size == (1200, 675)
    assert snapshot.render_pdf([], GEODATA, tmp_path / "m.pdf", size="social", title=HOSTILE).stat().st_size > 0


def test_long_title_is_shortened_to_fit():
    title = "A very long headline about the war " * 6
    snap = snapshot.build([event("Sumy", 34.80, 50.91)], GEODATA, size="social", title=title)
    extent = snap.title.get_window_extent(snap.fig.canvas.get_renderer())
    assert snap.title.get_text().endswith("…")
    assert extent.x1 < snap.date_text.get_window_extent(snap.fig.canvas.get_renderer()).x0


def test_empty_event_list_draws_the_basemap_only(tmp_path):
    snap = snapshot.build([], GEODATA, size="social", title="Nothing yet")
    image = snap.image()
    box = snap.ax.get_window_extent()
    top = snap.fig.bbox.height - box.y1
    map_area = np.asarray(image.crop((int(box.x0) + 2, int(top) + 2, int(box.x1) - 2, int(top + box.height) - 2)))
    pixels = map_area.reshape(-1, 3)
    for side in ("russian", "ukrainian"):  # the unknown side's grey is also the basemap's
        assert not (np.abs(pixels - COLOURS[side]).max(axis=1) <= 6).any(), side
    assert near(rgb_at(image, snap.pixel(31.0, 49.0)), (0xFD, 0xFB, 0xF6), 3)  # Ukraine's fill
    assert near(rgb_at(image, snap.pixel(31.5, 45.3)), (0xDC, 0xE8, 0xF1), 3)  # the Black Sea
    assert "Shown 0 events 0 places 0 sources" in texts(snap)


# ---- view ----------------------------------------------------------------------------------------

def _inside(snap, lon, lat) -> bool:
    box = snap.ax.get_window_extent()
    x, y = snap.pixel(lon, lat)
    y = snap.fig.bbox.height - y
    return box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1


def test_default_view_fits_the_events():
    events = [event("Pokrovsk", 37.18, 48.28), event("Kupiansk", 37.62, 49.71)]
    snap = snapshot.build(events, GEODATA, size="social", title="T")
    assert all(_inside(snap, e["lon"], e["lat"]) for e in events)
    assert not _inside(snap, 30.52, 50.45)  # Kyiv is far outside a view of the Donbas front


def test_default_view_without_events_is_ukraine_and_bbox_is_honoured():
    snap = snapshot.build([], GEODATA, size="social", title="T")
    assert all(_inside(snap, lon, lat) for lon, lat in [(22.2, 48.4), (40.2, 49.5), (33.5, 44.4), (30.5, 52.3)])
    zoom = snapshot.build([], GEODATA, size="social", title="T", bbox=(36.0, 47.5, 39.0, 49.5))
    assert _inside(zoom, 36.05, 47.55) and _inside(zoom, 38.95, 49.45) and not _inside(zoom, 34.0, 48.5)


def test_ten_thousand_events_render_quickly(tmp_path):
    rnd = np.random.default_rng(7)
    days = [(date(2024, 1, 1) + timedelta(days=int(d))).isoformat() for d in rnd.integers(0, 600, 10_000)]
    events = [event(f"P{i % 3000}", float(lon), float(lat), ("claimed", "contested", "struck")[i % 3],
                    day if i % 4 else day[:7], article=i % 4000)
              for i, (lon, lat, day) in enumerate(zip(rnd.uniform(23, 40, 10_000), rnd.uniform(45, 52, 10_000), days))]
    started = time.perf_counter()
    snapshot.render_png(events, GEODATA, tmp_path / "m.png", size="slides", title="10,000 events")
    assert time.perf_counter() - started < 10


# ---- animation -----------------------------------------------------------------------------------

@pytest.mark.parametrize("start, end, step, expected", [
    (date(2025, 1, 1), date(2025, 3, 31), "month", [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31)]),
    (date(2025, 1, 15), date(2025, 3, 10), "month", [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 10)]),
    (date(2025, 2, 5), date(2025, 2, 20), "week", [date(2025, 2, 9), date(2025, 2, 16), date(2025, 2, 20)]),
    (date(2025, 2, 9), date(2025, 2, 9), "week", [date(2025, 2, 9)]),
    (date(2024, 12, 20), date(2025, 1, 31), "month", [date(2024, 12, 31), date(2025, 1, 31)]),
])
def test_frame_days(start, end, step, expected):
    assert animation.frame_days(start, end, step) == expected


@pytest.mark.parametrize("start, end, step", [(date(2025, 2, 1), date(2025, 1, 1), "week"),
                                              (date(2025, 1, 1), date(2025, 2, 1), "day")])
def test_frame_days_refuses_nonsense(start, end, step):
    with pytest.raises(ValueError):
        animation.frame_days(start, end, step)


GIF_EVENTS = [event("Pokrovsk", 37.18, 48.28, "claimed", "2025-01-10", side="russian"),
              event("Kupiansk", 37.62, 49.71, "contested", "2025-02-15", side="ukrainian"),
              event("Kupiansk", 37.62, 49.71, "claimed", "2025-03-20", side="russian")]
GIF_BBOX = (34.0, 46.5, 40.0, 51.0)


def test_gif_frames_show_the_front_line_by_month_with_their_dates(tmp_path):
    out = animation.render_gif(GIF_EVENTS, GEODATA, tmp_path / "m.gif", step="month", start=date(2025, 1, 1),
                               end=date(2025, 3, 31), size="social", title="Front line", bbox=GIF_BBOX)
    made = list(animation.iter_frames(GIF_EVENTS, GEODATA, step="month", start=date(2025, 1, 1),
                                      end=date(2025, 3, 31), size="social", title="Front line", bbox=GIF_BBOX))
    assert [stamp for _, stamp, _ in made] == ["31 January 2025", "28 February 2025", "31 March 2025"]
    with Image.open(out) as gif:
        assert gif.format == "GIF" and gif.size == (1200, 675) and gif.n_frames == 3
        frames = [f.convert("RGB") for f in ImageSequence.Iterator(gif)]
    for decoded, (_, _, image) in zip(frames, made):  # the file holds what was drawn (up to the palette)
        assert np.abs(np.asarray(decoded, int) - np.asarray(image, int)).mean() < 1
    arrays = [np.asarray(f, int) for f in frames]
    assert all((a != b).any() for a, b in zip(arrays, arrays[1:]))
    # the date stamp (top right) changes on every frame
    stamp = lambda a: a[: int(675 * 0.12), int(1200 * 0.6):]  # noqa: E731
    assert all((stamp(a) != stamp(b)).any() for a, b in zip(arrays, arrays[1:]))
    # Kupiansk: nothing in January, contested in February, claimed in March
    view = snapshot.Snapshot(GEODATA, size="social", title="Front line", bbox=GIF_BBOX)
    kupiansk, pokrovsk = view.pixel(37.62, 49.71), view.pixel(37.18, 48.28)
    assert [near(rgb_at(f, pokrovsk), COLOURS["russian"]) for f in frames] == [True, True, True]
    assert [near(rgb_at(f, kupiansk), COLOURS["ukrainian"], 16) for f in frames] == [False, True, False]
    assert [near(rgb_at(f, kupiansk), COLOURS["russian"], 16) for f in frames] == [False, False, True]


def test_gif_needs_events_or_a_period(tmp_path):
    with pytest.raises(ValueError, match="no events"):
        animation.render_gif([], GEODATA, tmp_path / "m.gif", title="T")
    out = animation.render_gif([], GEODATA, tmp_path / "m.gif", step="week", start=date(2025, 1, 1),
                               end=date(2025, 1, 10), title="T")
    with Image.open(out) as gif:
        assert gif.n_frames == 2
