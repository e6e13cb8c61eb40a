"""Untrusted text reaches HTML only through conflictmap.escape."""
import pytest

from conflictmap import escape
from conflictmap.mapview import popup_html

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


@pytest.mark.parametrize("payload", PAYLOADS)
def test_popup_of_hostile_source_is_inert(payload):
    event = {"place": payload, "other_names": [payload], "status": "claimed", "date": "2025-02-07",
             "claimant": payload, "sources": [{"quote": f"Troops took {payload} today.", "outlet": payload,
                                               "url": "javascript:alert(1)", "published": "2025-02-07",
                                               "article": payload, "surface": payload}]}
    html = popup_html(event)
    for bad in ("<script", "<img", "<svg", "<a href=\"javascript", "`", "${"):
        assert bad not in html.lower()
    assert "<a " not in html  # the only link was javascript:, so none is drawn
    assert "<mark>" in html  # the place is still highlighted, as text


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("Toretsk", "Toretsk"),
])
def test_spreadsheet_cells(cell, expected):
    assert escape.spreadsheet_cell(cell) == expected
