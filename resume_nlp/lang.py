"""Script-based language detection per line, per block and per document.

No model: a line's language follows from how much of it is Han script and how much is
Latin words. A Chinese line that names TensorFlow is still Chinese; a line that holds a
Chinese phrase and its English translation side by side is ``mixed``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import regex

from .spans import Line, LineLang

_HAN = regex.compile(r"\p{Han}")
_LATIN_WORD = regex.compile(r"[A-Za-z][A-Za-z'\-]*")
# Latin tokens that occur inside Chinese prose without making it English: tech names,
# acronyms and short codes. A mixed line needs real English words beside the Han text.
_ACRONYM = regex.compile(r"^(?:[A-Z0-9][A-Za-z0-9]*[A-Z0-9]|[A-Z])$")


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def line_lang(text: str) -> LineLang:
    """Language of one line: ``en``, ``zh``, ``mixed`` or ``none`` (no letters at all).

    >>> line_lang("Peking University"), line_lang("北京大学 计算机"), line_lang("2019.09")
    ('en', 'zh', 'none')
    """
    han = 0 if text.isascii() else han_count(text)
    words = [w for w in _LATIN_WORD.findall(text) if len(w) > 1 or w in ("a", "I")]
    if not han:
        return "en" if words else "none"
    if not words:
        return "zh"
    # English words that are not acronyms or CamelCase tech names weigh as English prose.
    prose = [w for w in words if not _ACRONYM.match(w) and not (w[0].isupper() and any(c.isupper() for c in w[1:]))]
    latin_weight = 2.0 * len(prose) + 0.5 * (len(words) - len(prose))
    if han >= 2 and len(prose) >= 2 and latin_weight >= 0.4 * han:
        return "mixed"
    return "zh" if han >= latin_weight * 0.5 else "en"


def detect_lines(text: str) -> list[Line]:
    """Split ``text`` into lines with their language and script variant."""
    lines: list[Line] = []
    pos = 0
    for raw_line in text.split("\n"):
        end = pos + len(raw_line)
        lang = line_lang(raw_line)
        lines.append(Line(pos, end, lang, traditional=lang in ("zh", "mixed") and is_traditional(raw_line)))
        pos = end + 1
    return lines


def block_lang(lines: Iterable[Line], text: str) -> str:
    """Dominant language (``en`` or ``zh``) of a run of lines, weighted by content."""
    han = latin = 0
    for line in lines:
        chunk = text[line.start:line.end]
        h = han_count(chunk)
        han += h
        latin += len(_LATIN_WORD.findall(chunk)) * 2 if line.lang != "zh" else 0
    return "zh" if han and han >= latin else "en"


def document_languages(lines: list[Line], text: str) -> list[str]:
    """Languages the document is written in (``meta.languages``), in order of appearance.

    Chinese counts when Han lines carry a real share of the text; English counts when
    English (not mixed-in terms) lines do. A Chinese resume that cites English papers or
    names TensorFlow is still ``["zh"]``.
    """
    en_chars = zh_chars = 0
    first: dict[str, int] = {}
    for line in lines:
        chunk = text[line.start:line.end]
        if line.lang == "en":
            en_chars += len(chunk)
            first.setdefault("en", line.start)
        elif line.lang == "zh":
            zh_chars += len(chunk)
            first.setdefault("zh", line.start)
        elif line.lang == "mixed":
            en_chars += len(chunk) // 2
            zh_chars += len(chunk) // 2
            first.setdefault("zh", line.start)
            first.setdefault("en", line.start)
    total = en_chars + zh_chars
    if not total:
        return []
    langs = []
    if zh_chars / total >= 0.10:
        langs.append("zh")
    # English lines in a Chinese resume are mostly citations, tables and tool names; English
    # counts as a language of the document when it is a substantial share of the text.
    if en_chars / total >= (0.35 if langs else 0.0) and en_chars:
        langs.append("en")
    return sorted(langs, key=lambda lang: first.get(lang, 0))


@lru_cache(maxsize=1)
def _script_tables() -> tuple[dict[int, str], frozenset[str], frozenset[str]]:
    """Character tables of OpenCC (Apache-2.0): a Traditional->Simplified ``str.translate``
    table and the characters that exist only in Traditional or only in Simplified text.

    Character-by-character conversion keeps offsets aligned, which the whole pipeline
    relies on; phrase-level conversion is not needed to match headings and gazetteers.
    """
    import importlib.resources as res

    def pairs(name: str) -> dict[str, str]:
        data = res.files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
        out = {}
        for line in data.splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and len(parts[0]) == 1:
                first = parts[1].split(" ")[0]
                if len(first) == 1:
                    out[parts[0]] = first
        return out

    t2s, s2t = pairs("TSCharacters.txt"), pairs("STCharacters.txt")
    translate = {ord(t): s for t, s in t2s.items() if t != s}
    trad_only = frozenset(t for t, s in t2s.items() if t != s and t not in s2t)
    simp_only = frozenset(s for s, t in s2t.items() if s != t and s not in t2s)
    return translate, trad_only, simp_only


def to_simplified(text: str) -> str:
    """Simplified-Chinese view of ``text``, character for character (same length).

    >>> to_simplified("國立臺灣大學 學歷")
    '国立台湾大学 学历'
    """
    if text.isascii() or not _HAN.search(text):
        return text
    return text.translate(_script_tables()[0])


def is_traditional(text: str) -> bool:
    """True when the Han text has more Traditional-only than Simplified-only characters."""
    _, trad_only, simp_only = _script_tables()
    trad = simp = 0
    for ch in text:
        if ch in trad_only:
            trad += 1
        elif ch in simp_only:
            simp += 1
    return trad > simp
