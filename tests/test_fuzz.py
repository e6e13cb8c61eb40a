"""Property-based tests: any text, however strange, is processed without an exception or a hang,
and what comes out is valid."""
import time
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlsplit

from hypothesis import HealthCheck, given, settings, strategies as st

from conflictmap import escape
from conflictmap.dates import find_dates, interval
from conflictmap.events import extract
from conflictmap.mapview import events_data
from conflictmap.models import Article

# Unicode with the awkward parts overweighted: RTL marks, zero-width joiners, combining accents,
# surrogate-escaped bytes, Cyrillic, apostrophes and the characters that matter to HTML and JS.
AWKWARD = st.sampled_from(["\u200f", "\u200d", "\u0301", "\udcff", "’", "'", "`", "$", "{", "}", "<", ">", "&",
                           "\\", "\n", " ", "Торецьк", "Toretsk", "Kyiv", "captured", "shelling", "last July",
                           "on Friday", "</script>", "${x}", "=HYPERLINK("])
TEXT = st.lists(st.one_of(st.text(max_size=20), AWKWARD), max_size=60).map("".join)
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(TEXT)
def test_matcher_finds_only_real_spans(gaz, text):
    for match in gaz.find(text):
        assert text[match.start:match.end] == match.surface and match.candidates


@FUZZ
@given(TEXT, DAYS)
def test_dates_always_valid_edtf(text, published):
    for cue in find_dates(text, published):
        first, last = interval(cue.edtf)
        assert first <= last
        assert text[cue.start:cue.end] == cue.text


@FUZZ
@given(TEXT, DAYS)
def test_extractor_never_fails(gaz, text, published):
    for event in extract(Article("f.txt", text, published.isoformat()), gaz):
        assert event.status in ("claimed", "contested", "struck")
        assert 0 <= event.start < event.end <= len(text)
        interval(event.date)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)


@FUZZ
@given(TEXT, TEXT, TEXT, st.one_of(TEXT, st.just("javascript:alert(1)"), st.just("https://example.org/a")))
def test_map_data_is_only_text(place, quote, outlet, url):
    """What the map sends for popups holds no markup but <mark> around the place (mapview.js adds the rest)."""
    event = {"place": place, "other_names": [outlet], "status": "struck", "date": "2025-02-07", "claimant": outlet,
             "lat": 48.0, "lon": 37.5, "kind": "settlement",
             "sources": [{"quote": quote, "outlet": outlet, "url": url, "published": "2025-02-07",
                          "article": "a.txt", "surface": place}]}
    data = events_data([event], {})
    plain = data["places"] + data["names"] + data["claimants"] + data["labels"] + data["urls"]
    for texts, tags in ((plain, set()), (data["quote"], {"mark"})):
        for text in texts:
            parser = Tags()
            parser.feed(text)
            assert parser.tags <= tags and not parser.attrs
            assert "`" not in text and "${" not in text
    assert not data["urls"][0] or urlsplit(data["urls"][0]).scheme.lower() in ("http", "https")


def test_one_megabyte_line_does_not_hang(gaz):
    line = ("Russian forces captured Toretsk on Friday after shelling Kup’iansk \u200f and Торецьк; " * 12_000)[:1_000_000]
    started = time.perf_counter()
    events = extract(Article("big.txt", line, "2025-02-07"), gaz)
    assert events and time.perf_counter() - started < 120  # a hang guard, not a speed goal (see bench/)


def test_escape_round_trip_is_text():
    assert escape.text("<b>&`$\\") == "&lt;b&gt;&amp;&#96;&#36;&#92;"
