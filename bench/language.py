"""`python -m bench.language`: language detection, conflictmap.language against libraries on PyPI.

Texts: the English demo reports and the development sets' articles (ACLED notes, news), the Ukrainian
and Russian test articles whole and sentence by sentence, and reports in ten other languages
(tests/data/languages). Right means en, uk and ru read as themselves and every other language as
none of them. Each library is measured if it is installed (py3langid, langdetect, lingua).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

from conflictmap.config import ROOT
from conflictmap.language import language_of

OURS = ("en", "uk", "ru")


def texts() -> list[tuple[str, str]]:
    out = []
    english = sorted((ROOT / "samples").glob("0*.txt")) + sorted((ROOT.parent / "shared").glob("*/articles/*.txt"))
    out += [("en", p.read_text(encoding="utf-8")) for p in english[:300]]
    for p in sorted((ROOT / "tests" / "data" / "uk_ru").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out.append((p.name[:2], text))
        out += [(p.name[:2], s) for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 30]
    out += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "data" / "languages").glob("*.txt"))]
    return out


def detectors() -> dict:
    found = {"conflictmap.language": language_of}
    try:
        import py3langid
        found["py3langid"] = lambda t: py3langid.classify(t)[0]
    except ImportError:
        pass
    try:
        import langdetect
        langdetect.DetectorFactory.seed = 0
        found["langdetect"] = langdetect.detect
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder
        lingua = LanguageDetectorBuilder.from_all_languages().build()
        found["lingua"] = lambda t: (lingua.detect_language_of(t).iso_code_639_1.name.lower()
                                     if lingua.detect_language_of(t) else "??")
    except ImportError:
        pass
    return found


def main() -> None:
    sample = texts()
    size = sum(len(t.encode("utf-8")) for _, t in sample)
    print(f"{len(sample)} texts, {size / 1e6:.2f} MB")
    for name, detect in detectors().items():
        detect("warm up")
        start = time.perf_counter()
        got = [detect(t) for _, t in sample]
        seconds = time.perf_counter() - start
        wrong = [(want, g, t[:40]) for (want, t), g in zip(sample, got)
                 if (g != want if want in OURS else g in OURS)]
        print(f"{name:22s} {len(sample) - len(wrong)}/{len(sample)} right  {seconds / len(sample) * 1e3:.3f} ms a text")
        for w in wrong[:8]:
            print("    ", w)


if __name__ == "__main__":
    main()
