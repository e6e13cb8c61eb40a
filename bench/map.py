"""The map: mapview.build_map build + render time and HTML bytes for 1k/10k/100k merged events;
a plain folium map with one Marker and Popup per event is the peer."""
from __future__ import annotations

import gc
import time

from . import Row, shared_gazetteer, log, settings
from . import corpus as corpus_mod

AREA = "map"
GOALS = {10_000: ("< 0.5 s", "< 3 MB"), 100_000: ("< 3 s", "")}


def build_ours(events, geodata) -> tuple[float, float, int]:
    from conflictmap import mapview

    gc.collect()
    t = time.perf_counter()
    m = mapview.build_map(events, geodata)
    built = time.perf_counter() - t
    html = m.get_root().render()
    total = time.perf_counter() - t
    return built, total, len(html.encode("utf-8"))


def peer_popup(event: dict) -> str:
    """The product's popup as HTML written in Python (mapview.js writes it in the browser)."""
    from conflictmap import escape, frontline, mapview
    from conflictmap.dates import precision

    e, style, sources = escape.text, mapview.STYLE[event["status"]], event["sources"]
    side = mapview.SIDES[frontline.side_class(event.get("side", ""))]
    names = ", ".join(event.get("other_names", [])[:4])
    outlets = len({s["outlet"] for s in sources if s["outlet"]})
    parts = [f'<div class="cm-popup"><b>{e(event["place"])}</b>',
             f' <span class="cm-names">({e(names)})</span>' if names else "",
             (f'<br><span class="cm-status" style="color:{side["colour"]}">{e(style["label"])}</span> · '
              f'{e(event["date"])} ({e(precision(event["date"]))})'),
             f'<br>Claimant: {e(event["claimant"])}' if event.get("claimant") else "",
             (f'<br><i>Reported by {len(sources)} source{"s" if len(sources) != 1 else ""}'
              f'{f" from {outlets} outlets" if outlets > 1 else ""}</i><ol class="cm-sources">')]
    for s in sources[:mapview.MAX_SOURCES_IN_POPUP]:
        parts.append(f'<li><q>{escape.highlight(s["quote"], s.get("surface") or event["place"])}</q>'
                     f'<br>— {escape.link(s["url"], s["outlet"] or s["article"])}, {e(s["published"])}</li>')
    if len(sources) > mapview.MAX_SOURCES_IN_POPUP:
        parts.append(f"<li>and {len(sources) - mapview.MAX_SOURCES_IN_POPUP} more</li>")
    return "".join(parts + ["</ol></div>"])


def build_peer(events) -> tuple[float, int]:
    """folium as its tutorials use it: a Marker with a Popup (the same popup HTML) per event."""
    import folium

    gc.collect()
    t = time.perf_counter()
    m = folium.Map(location=[48.5, 34.5], zoom_start=6, tiles=None)
    for e in events:
        folium.Marker([e["lat"], e["lon"]], popup=folium.Popup(peer_popup(e), max_width=440),
                      tooltip=f'{e["place"]}: {e["status"]}').add_to(m)
    html = m.get_root().render()
    return time.perf_counter() - t, len(html.encode("utf-8"))


def run(quick: bool) -> list[Row]:
    conf = settings()
    sizes = (1_000, 10_000) if quick else (1_000, 10_000, 100_000)
    peer_max = 1_000 if quick else 10_000
    log(f"map: {sizes[-1]:,} synthetic merged events")
    pool = corpus_mod.merged_events(sizes[-1], gaz=shared_gazetteer())
    from conflictmap import mapview

    mapview.load_basemap(conf.geodata)  # cached in the app too: not part of a build
    build_ours(pool[:100], conf.geodata)  # imports, templates
    rows, peer_per_event = [], None
    for n in sizes:
        events = pool[:n]
        log(f"map: build_map with {n:,} events")
        built, total, size = build_ours(events, conf.geodata)
        if n <= peer_max:
            log(f"map: folium Marker+Popup peer with {n:,} events")
            p_time, p_size = build_peer(events)
            peer_per_event = (p_time / n, p_size / n)
            peer_name = "folium Marker+Popup"
        else:
            p_time, p_size = peer_per_event[0] * n, peer_per_event[1] * n
            peer_name = f"folium Marker+Popup, extrapolated from {peer_max:,}"
        time_goal, size_goal = GOALS.get(n, ("", ""))
        rows.append(Row(AREA, f"build_map + render, {n:,} events, s", total, "s", p_time, peer_name, time_goal,
                        note=f"build {built:.2f} s, render {total - built:.2f} s"))
        rows.append(Row(AREA, f"HTML payload, {n:,} events", size, "B", p_size, peer_name,
                        size_goal, note=f"{size / n:.0f} B/event"))
    rows.append(export_row(pool[:10_000], conf.geodata))
    return rows


def export_row(events, geodata) -> Row:
    """The PNG snapshot (slides, 1920x1080) of a 10,000-event view; the peer is the same with 1,000."""
    import tempfile
    from pathlib import Path

    from conflictmap import snapshot

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "view.png"
        snapshot.render_png(events[:100], geodata, out)  # warm: basemap, fonts
        timings = []
        for batch in (events[:1_000], events):
            t = time.perf_counter()
            snapshot.render_png(batch, geodata, out, size="slides")
            timings.append(time.perf_counter() - t)
        size = out.stat().st_size
    log("export: PNG snapshot of 10,000 events")
    return Row("export", "PNG snapshot, 10,000 events, s", timings[1], "s", timings[0],
               "same renderer, 1,000 events", "< 10 s", note=f"slides 1920x1080, {size / 1e3:.0f} kB")
