"""The one way untrusted text reaches HTML or Markdown: article text, outlets, URLs and place names.

Folium does not escape: popups and tooltips are raw HTML, and folium places some of them inside
JavaScript template strings, where `${...}` and backticks stay live even after HTML escaping.
So text is HTML-escaped and then the template-string characters become entities too.
"""
from __future__ import annotations

from urllib.parse import urlsplit

# What html.escape(quote=True) does, then the template-string characters; "&" first. A chain of
# str.replace is four times faster than html.escape + str.translate (the map escapes every quote).
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"),
             ("`", "&#96;"), ("$", "&#36;"), ("\\", "&#92;"))


def text(value: object) -> str:
    """Safe to place in HTML element content or a quoted attribute, and in a JS template string."""
    out = str(value)
    for char, entity in _ENTITIES:
        out = out.replace(char, entity)
    return out


_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def markdown(value: object) -> str:
    """Text for a place that renders Markdown (messages, labels): every ASCII punctuation character is
    backslash-escaped, so no image, link, heading, HTML, `:directive[...]` or `$math$` can form."""
    return "".join("\\" + c if c in _PUNCTUATION else c for c in str(value))


def one_line(value: object) -> str:
    """Text for one line of a terminal report: line breaks and other control characters shown escaped (\\n)."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in str(value))


def safe_url(url: object) -> str | None:
    """The URL if it is http(s) with a host, else None (no javascript:, data:, relative links)."""
    value = str(url or "").strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value


def link(url: object, label: object) -> str:
    """An escaped link that opens in a new tab, or the escaped label alone when the URL is unsafe."""
    target = safe_url(url)
    if target is None:
        return text(label)
    return f'<a href="{text(target)}" target="_blank" rel="noopener noreferrer">{text(label)}</a>'


def highlight(sentence: str, term: str) -> str:
    """The escaped sentence with each occurrence of `term` in <mark>."""
    if not term:
        return text(sentence)
    lowered, needle = sentence.lower(), term.lower()
    out, pos = [], 0
    while (found := lowered.find(needle, pos)) >= 0:
        out += [text(sentence[pos:found]), "<mark>", text(sentence[found:found + len(term)]), "</mark>"]
        pos = found + len(term)
    out.append(text(sentence[pos:]))
    return "".join(out)


def spreadsheet_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    cell = str(value)
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def highlight_spans(text_value: str, spans: list[tuple[int, int, str]]) -> str:
    """The escaped text with each (start, end, css class) span in <mark>; overlapping spans are skipped."""
    out, pos = [], 0
    for start, end, css in sorted(spans):
        if start < pos or end > len(text_value) or start >= end:
            continue
        out += [text(text_value[pos:start]), f'<mark class="{text(css)}">', text(text_value[start:end]), "</mark>"]
        pos = end
    out.append(text(text_value[pos:]))
    return "".join(out)
