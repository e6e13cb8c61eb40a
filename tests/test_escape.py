"""Untrusted text reaches HTML only through conflictmap.escape."""
import pytest

from conflictmap import escape
from conflictmap.mapview import events_data

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "`; window.__pwned=1; `",
    "${window.__pwned=1}",
    "</script><script>window.__pwned=1</script>",
    "\\u003cscript\\u003e",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<svg/onload=window.__pwned=1>",
    "\" onmouseover=\"window.__pwned=1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_leaves_no_markup_and_no_template_syntax(payload):
    out = escape.text(payload)
    for bad in ("<", ">", "`", "${", "\\", '"'):
        assert bad not in out


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a", True), ("http://example.org", True), ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False), ("data:text/html,<script>", False), ("//evil.example/x", False),
    ("/relative", False), ("", False), ("https://", False), (" https://example.org ", True),
])
def test_only_http_links(url, ok):
    assert (escape.safe_url(url) is not None) == ok
    html = escape.link(url, "label")
    assert ("<a " in html) == ok
    assert "javascript" not in html.lower()


def hostile_event(payload: str, url: str) -> dict:
    """An event with `payload` in every text a reader sees: place, other names, claimant, quote, outlet."""
    return {"place": payload, "other_names": [payload], "status": "claimed", "date": "2025-02-07", "claimant": payload,
            "lat": 48.0, "lon": 37.5, "kind": "settlement",
            "sources": [{"quote": f"Troops took {payload} today.", "outlet": payload, "url": url,
                         "published": "2025-02-07", "article": payload, "surface": payload}]}


def sent_text(value) -> list[str]:
    """Every string in what the map sends for popups and tooltips (the icons are our own markup)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = [v for k, v in value.items() if k not in ("icons", "regions")]
    return [text for v in value for text in sent_text(v)] if isinstance(value, (list, tuple)) else []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_map_data_of_hostile_source_is_inert(payload):
    data = events_data([hostile_event(payload, "javascript:alert(1)")], {})
    assert data["urls"] == [""]  # the only link was javascript:, so none is drawn
    assert "<mark>" in data["quote"][0]  # the place is still highlighted, as text
    for text in sent_text(data):
        bare = text.replace("<mark>", "").replace("</mark>", "")
        for bad in ("<", ">", "`", "${", "\\", '"'):
            assert bad not in bare


def test_map_link_keeps_its_address_inert():
    data = events_data([hostile_event("Toretsk", 'https://example.org/"><script>x</script>`${1}`')], {})
    assert data["urls"] == ["https://example.org/&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#96;&#36;{1}&#96;"]


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("Toretsk", "Toretsk"),
])
def test_spreadsheet_cells(cell, expected):
    assert escape.spreadsheet_cell(cell) == expected
