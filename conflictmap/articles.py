"""Reading articles: files and folders, an optional manifest, encodings, HTML; refusals with reasons."""
from __future__ import annotations

import csv
import io
import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from .config import ZIP_MAX_MEMBERS, ZIP_MAX_RATIO
from .language import is_read, language_code, language_of, not_read
from .models import Article

LEGACY_ENCODINGS = ["cp1251", "koi8_u", "koi8_r", "cp1252", "iso8859_5", "cp866"]  # the lines of a mixed file
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
MANIFEST_COLUMNS = ("file", "published", "outlet", "url", "language")
_TEXT_DATE = re.compile(r"\b(?:date|published|updated)?:?\s*((?:19|20)\d\d-[01]\d-[0-3]\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ReadResult:
    """What became of one file: an article, or the reason it was refused or skipped."""

    file: str
    article: Article | None
    message: str

    @property
    def ok(self) -> bool:
        return self.article is not None


def read_manifest(path: Path) -> tuple[dict[str, dict], list[str]]:
    """Rows keyed by file name, and a message per row that cannot be trusted, with its line. A row is one
    line, so a quote left open, a stray comma or a file listed twice is reported on its own line and
    cannot spoil the rows after it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path.name}: cannot read the manifest: {exc}"]
    lines = [(n, line) for n, line in enumerate(io.StringIO(text), start=1) if line.strip()]  # universal newlines
    header = _manifest_fields(lines[0][1]) if lines else ""
    if isinstance(header, str) or "file" not in (header := [h.strip() for h in header]):
        return {}, [f"{path.name}: the manifest needs a header with at least `file` (and published,outlet,url,language)"]
    rows, problems, first_line = {}, [], {}
    for n, line in lines[1:]:
        fields = _manifest_fields(line)
        row = dict(zip(header, (f.strip() for f in fields))) if isinstance(fields, list) else {}
        name, published = row.get("file", ""), row.get("published", "")
        if isinstance(fields, str):
            problems.append(f"{path.name}:{n}: {fields}; row skipped")
        elif len(fields) > len(header):
            problems.append(f"{path.name}:{n}: {len(fields)} fields where the header has {len(header)} "
                            f"(a comma not in quotes?); row skipped")
        elif not name:
            problems.append(f"{path.name}:{n}: no file name; row skipped")
        elif published and not _valid_date(published):
            problems.append(f"{path.name}:{n}: published {published!r} is not a YYYY-MM-DD date; row ignored")
        elif name in first_line:
            problems.append(f"{path.name}:{n}: {name} is listed again (first on line {first_line[name]}); "
                            f"this row is ignored")
        else:
            first_line[name] = n
            rows[name] = {k: row.get(k, "") for k in MANIFEST_COLUMNS}
    return rows, problems


def _manifest_fields(line: str) -> list[str] | str:
    """The fields of one manifest line, or what is wrong with it."""
    try:
        return next(csv.reader([line], strict=True))
    except csv.Error as exc:
        if "end of data" in str(exc):
            return "a quote is opened and not closed on its line"
        return f"not a CSV row ({exc})"


def _valid_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


def collect(paths: list[Path], manifest: Path | None = None) -> tuple[list[Path], dict[str, dict], list[str]]:
    """Article files under `paths`, the manifest rows that apply, and notes on what was skipped."""
    files, notes, rows = [], [], {}
    if manifest:
        rows, problems = read_manifest(manifest)
        notes += problems
    for path in paths:
        if path.is_dir():
            own = path / "manifest.csv"
            if own.exists() and (manifest is None or own.resolve() != manifest.resolve()):
                found, problems = read_manifest(own)
                rows = {**found, **rows}  # a manifest named on the command line wins
                notes += problems + [f"{own}: used as the manifest of {path}"]
            root = path.resolve()
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name == "manifest.csv" or child.name.startswith("."):
                    continue
                if not child.resolve().is_relative_to(root):
                    notes.append(f"{child}: refused, it leads outside {path}")
                    continue
                if child.stem.upper() in ("README", "LICENSE", "LICENCE"):
                    notes.append(f"{child}: skipped, a folder's {child.stem}, not an article")
                elif child.suffix.lower() in ARTICLE_SUFFIXES | {".zip"}:
                    files.append(child)
                else:
                    notes.append(f"{child}: skipped, not an article (.txt, .md, .html)")
        elif path.is_file():
            files.append(path)
        else:
            notes.append(f"{path}: no such file or folder")
    return files, rows, notes


def read_file(path: Path, meta: dict | None, max_bytes: int) -> ReadResult:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return ReadResult(path.name, None, f"refused: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
        raw = path.read_bytes()
    except OSError as exc:
        return ReadResult(path.name, None, f"refused: cannot read: {exc.strerror or exc}")
    return read_bytes(path.name, raw, meta, max_bytes)


def read_bytes(name: str, raw: bytes, meta: dict | None, max_bytes: int) -> ReadResult:
    """Decode, strip HTML, find the date; refuse what is not an article, saying why."""
    if len(raw) > max_bytes:
        return ReadResult(name, None, f"refused: {len(raw) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
    if not raw.strip():
        return ReadResult(name, None, "refused: the file is empty")
    text, warning = decode(raw)
    if text is None:
        return ReadResult(name, None, "refused: binary or unreadable encoding, not text")
    if name.lower().endswith((".html", ".htm")) or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        return ReadResult(name, None, "refused: no article text found")
    meta = meta or {}
    published, source = meta.get("published", ""), "manifest"
    if not published:
        found = _TEXT_DATE.search(text[:400])
        published, source = (found.group(1), "text") if found and _valid_date(found.group(1)) else ("", "")
    if not published:
        return ReadResult(name, None, "refused: no publication date (give one in a manifest or the form)")
    language = language_code(meta.get("language", "")) or language_of(text)
    article = Article(file=name, text=text, published=published, outlet=meta.get("outlet", ""),
                      url=meta.get("url", ""), language=language, published_source=source)
    note = "publication date taken from the text" if source == "text" else "read"
    if not is_read(article.language):
        note = not_read(article.language)
    return ReadResult(name, article, f"{note}; warning: {warning}" if warning else note)


def decode(raw: bytes) -> tuple[str | None, str]:
    """The text and a warning (or ""): UTF-8 (with or without BOM), UTF-16 (with or without BOM), a file
    whose lines mix UTF-8 and another encoding (each line read in its own, with a warning), else the best
    guess of charset-normalizer; None for binary or text that no encoding reads."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), ""
    order = _utf16_order(raw)
    if order:
        text = raw.decode(order, errors="replace")
        return (text, "") if _readable(text) else (None, "")
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3:  # UTF-8 cut off inside its last character
            return raw.decode("utf-8-sig", errors="replace"), ""
    if raw.count(b"\x00") > len(raw) // 100 + 1:
        return None, ""
    lines = raw.splitlines(keepends=True)
    other = [i for i, line in enumerate(lines) if not _is_utf8(line)]
    if len(other) < len(lines) and any(max(line) > 0x7F for i, line in enumerate(lines) if i not in other):
        best = from_bytes(b"".join(lines[i] for i in other)[:200_000], cp_isolation=LEGACY_ENCODINGS).best()
        encoding = best.encoding if best else "cp1252"
        text = "".join(line.decode(encoding, errors="replace") if i in other else line.decode("utf-8")
                       for i, line in enumerate(lines))
        return text.removeprefix("\ufeff"), (f"mixed encodings: {len(other)} of {len(lines)} lines are not UTF-8 "
                                             f"and were read as {encoding}; check them")
    best = from_bytes(raw[:200_000]).best()
    if best is None:
        return None, ""
    return raw.decode(best.encoding, errors="replace"), ""


def _utf16_order(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark: one byte of each pair is mostly the same control byte (0x00 for
    Latin letters, 0x04 for Cyrillic), which no 8-bit text has."""
    sample = raw[:20_000]
    for order, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(high) >= 8:
            top = max(set(high), key=high.count)
            if top < 0x20 and high.count(top) > 0.4 * len(high) and top not in (9, 10, 13):
                return order
    return None


def _readable(text: str) -> bool:
    return sum(c.isprintable() or c in "\n\r\t" for c in text) >= 0.95 * max(len(text), 1)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


_HIDDEN_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)


def visible_html(html: str) -> str:
    """The page without what a reader never sees: `hidden` elements, <template>, <noscript>, display:none,
    visibility:hidden, aria-hidden, scripts and styles (text planted there must not become events)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html
    for element in root.xpath("//template | //noscript | //script | //style | //*[@hidden] | //*[@aria-hidden='true']"
                              " | //*[@style]"):
        if element.tag in ("template", "noscript", "script", "style") or element.get("hidden") is not None \
                or element.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(element.get("style", "")):
            element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def html_to_text(html: str) -> str:
    """Main text of a web page; hidden text, scripts, styles and page furniture dropped."""
    import trafilatura

    html = visible_html(html)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if text:
        return text
    return re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html))


def read_all(paths: list[Path], manifest: Path | None, max_bytes: int,
             max_zip_bytes: int) -> tuple[list[ReadResult], list[str]]:
    """Read every article under `paths` (zips opened); one result per file, plus notes on what was skipped."""
    files, rows, notes = collect(paths, manifest)
    return [r for f in files for r in read_one(f, rows, max_bytes, max_zip_bytes)], notes


def read_one(f: Path, rows: dict[str, dict], max_bytes: int, max_zip_bytes: int) -> list[ReadResult]:
    """The result of a file that `collect` found (of each article in it, for a zip)."""
    if f.suffix.lower() == ".zip":
        return read_zip(f.name, f.read_bytes(), rows, max_bytes, max_zip_bytes)
    return [read_file(f, rows.get(f.name), max_bytes)]


def read_zip(name: str, raw: bytes, rows: dict[str, dict], max_bytes: int, max_total: int,
             meta: dict | None = None) -> list[ReadResult]:
    """The articles inside a zip, each bad member refused with its reason and the others read. Paths that climb
    out ("../"), oversized members, zip bombs and members past the zip's limits (count, inflated total) are
    refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, EOFError, ValueError):
        return [ReadResult(name, None, "refused: not a readable zip file")]
    results, inflated = [], 0
    with archive:
        members = archive.infolist()
        for i, info in enumerate(members[:ZIP_MAX_MEMBERS]):
            member = f"{name}:{info.filename}"
            if info.is_dir() or info.filename.endswith("manifest.csv"):
                continue
            if info.filename.startswith(("/", "\\")) or ".." in Path(info.filename).parts:
                results.append(ReadResult(member, None, "refused: its path leads outside the zip"))
            elif Path(info.filename).suffix.lower() not in ARTICLE_SUFFIXES:
                results.append(ReadResult(member, None, "skipped, not an article (.txt, .md, .html)"))
            elif info.file_size > max_bytes or info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
                results.append(ReadResult(member, None, "refused: it inflates too much (over the size limit)"))
            elif inflated + info.file_size > max_total:  # zipfile inflates no member past its stated size
                left = len(members) - i  # those past the count limit too
                return results + [ReadResult(name, None, f"refused: {left} members not read: the zip would inflate "
                                                         f"past its limit of {max_total / 2**20:.3g} MB in all")]
            else:
                inflated += info.file_size
                data = _member_bytes(archive, info)
                base = Path(info.filename).name
                results.append(ReadResult(member, None, data) if isinstance(data, str)
                               else read_bytes(base, data, meta or rows.get(base), max_bytes))
    if len(members) > ZIP_MAX_MEMBERS:
        results.append(ReadResult(name, None, f"refused: {len(members) - ZIP_MAX_MEMBERS} members not read: "
                                              f"more than {ZIP_MAX_MEMBERS:,} in one zip"))
    return results


def _member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | str:
    """A member's bytes, or why they cannot be read (the refusal)."""
    if info.flag_bits & 0x1:
        return "refused: it is encrypted (password-protected)"
    try:
        return archive.read(info)
    except NotImplementedError:
        return f"refused: compressed by a method this tool cannot read ({info.compress_type})"
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            return "refused: damaged: its checksum does not match its contents"
        return f"refused: damaged: {exc}"
    except (zlib.error, lzma.LZMAError, OSError, EOFError) as exc:  # bz2 reports bad data as OSError
        return f"refused: damaged: its compressed data is corrupt ({exc})"
