"""Section segmentation: find headings, cut the text into sections.

A heading is a short line whose words, once markup, numbering, colons and trailing
underscores are removed, are a known heading of ``resources/sections.tsv`` in either
language (``Education``, ``教育背景``, ``教育背景 Education``, ``學歷`` via a Simplified view),
or a short line that *looks* like a heading (markdown ``#``, bold, ALL CAPS, a trailing colon)
and holds a heading keyword (``RESEARCH AND TEACHING EXPERIENCE``). Unknown styled lines
(``## Zhejiang University`` in a markdown resume) are entry titles, not headings.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from .lang import block_lang, to_simplified
from .normalize import Mark
from .resources import table
from .spans import Line, Section

__all__ = ["Heading", "find_headings", "heading_kind", "segment"]

_MAX_HEADING_CHARS = 48
_NUMBERING = regex.compile(
    r"^(?:[0-9]{1,2}[.、)]|[一二三四五六七八九十]{1,3}[、.．]|\(?[一二三四五六七八九十]{1,3}\)|[IVX]{1,4}\.|[A-H]\.)\s*"
)
_DECORATION = regex.compile(r"[_=\-~*#•·|:：【】\[\]<>《》「」\s]+")
_WORD_NUMBER_COLON = regex.compile(r"^(\p{Han}{2,6}|[A-Za-z]+)\s*(?:[IVX]+|[0-9]+)?\s*[:：]")
_APPENDIX_START = regex.compile(r"^(?:appendix|附录|附錄)", regex.IGNORECASE)
_APPENDIX_ALONE = regex.compile(r"^(?:附录|附錄|appendix)\s*(?:[IVX]+|[0-9]+|[A-Z])?\s*$", regex.IGNORECASE)
_LOWER_LETTERS = regex.compile(r"[a-z ]+")
_HAN = regex.compile(r"\p{Han}")
_NOT_HEADING_CHARS = regex.compile(r"[@/]|\d{4}")  # emails, URLs, dates are not headings
# A line that may be a skill list: short items between separators (a sentence has long runs of words).
_LIST_SEPARATOR = regex.compile(r"[,，、;；/>|]")
_SPLIT_BILINGUAL = regex.compile(r"(?<=\p{Han})\s*[/|]?\s*(?=[A-Za-z])|(?<=[A-Za-z])\s*[/|]?\s*(?=\p{Han})")

# Keyword fallbacks for styled heading lines that the table does not list verbatim,
# most specific first.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("publication", "publications"), ("paper", "publications"), ("patent", "publications"),
    ("certif", "certificates"), ("licen", "certificates"),
    ("reference", "references"), ("referee", "references"),
    ("education", "education"), ("academic background", "education"),
    ("project", "projects"),
    ("experience", "work"), ("employment", "work"), ("internship", "work"),
    ("skill", "skills"), ("competenc", "skills"),
    ("award", "awards"), ("honor", "awards"), ("honour", "awards"), ("scholarship", "awards"),
    ("language", "languages"),
    ("interest", "interests"), ("hobb", "interests"),
    ("summary", "summary"), ("profile", "summary"),
    ("objective", "objective"),
    ("activit", "activities"), ("volunteer", "activities"),
    ("论文", "publications"), ("专利", "publications"), ("证书", "certificates"),
    ("教育", "education"), ("学历", "education"), ("项目", "projects"), ("竞赛", "projects"),
    ("经历", "work"), ("经验", "work"), ("技能", "skills"), ("奖", "awards"), ("荣誉", "awards"),
    ("爱好", "interests"), ("评价", "summary"), ("介绍", "summary"), ("意向", "job_intention"),
    ("附录", "appendix"),
)


@dataclass(frozen=True, slots=True)
class Heading:
    line: Line
    kind: str
    text: str  # the heading as written (markup removed)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, tuple[str, str]]:
    """casefolded heading -> (kind, lang)."""
    vocab: dict[str, tuple[str, str]] = {}
    for kind, lang, heading in table("sections.tsv"):
        vocab.setdefault(_key(heading), (kind, lang))
    return vocab


def _key(text: str) -> str:
    text = text.replace("&", " and ")
    return " ".join(_DECORATION.sub(" ", text).casefold().split())


def _clean(text: str) -> str:
    text = text.strip().lstrip("•").strip()
    text = _NUMBERING.sub("", text)
    return text.strip()


def heading_kind(text: str) -> str | None:
    """The section kind a heading text names, by the table (exact) only.

    >>> heading_kind("EDUCATION"), heading_kind("教育背景 Education"), heading_kind("Referrers___")
    ('education', 'education', 'references')
    """
    vocab = _vocabulary()
    cleaned = _clean(text)
    key = _key(cleaned)
    if not key:
        return None
    latin = cleaned.isascii()  # no Han: its own Simplified view, one script (no split)
    hit = vocab.get(key)
    if hit is None and not latin:
        hit = vocab.get(_key(to_simplified(cleaned)))
    if hit:
        return hit[0]
    # "教育背景 Education", "Education / 教育背景": every part names the same kind
    parts = [] if latin else [p for p in _SPLIT_BILINGUAL.split(cleaned) if _key(p)]
    if len(parts) == 2:
        kinds = {(vocab.get(_key(p)) or vocab.get(_key(to_simplified(p))) or (None,))[0] for p in parts}
        if len(kinds) == 1 and None not in kinds:
            return kinds.pop()
    # "附录 I：「部分实验结果」": a heading word followed by numbering and a caption
    m = _WORD_NUMBER_COLON.match(cleaned)
    if m and (vocab.get(_key(m[1])) or (None,))[0] == "appendix":
        return "appendix"
    if m and _APPENDIX_START.match(cleaned):
        return "appendix"
    if _APPENDIX_ALONE.match(cleaned):
        return "appendix"
    return None


def _ocr_kind(text: str) -> str | None:
    """A Latin heading with one OCR slip ("Educatlon", "Experlence"): edit distance 1 to a known
    heading of 7+ letters, on a short line of letters only."""
    key = _key(_clean(text))
    if not (7 <= len(key) <= 30) or not _LOWER_LETTERS.fullmatch(key):
        return None
    from rapidfuzz.distance import Levenshtein

    for heading, kind in _long_english_headings():
        if abs(len(heading) - len(key)) <= 1 and Levenshtein.distance(heading, key, score_cutoff=1) <= 1:
            return kind
    return None


@lru_cache(maxsize=1)
def _long_english_headings() -> tuple[tuple[str, str], ...]:
    return tuple((h, kind) for h, (kind, lang) in _vocabulary().items() if lang == "en" and len(h) >= 7)


def _looks_styled(line_text: str, line: Line, marks: list[Mark]) -> bool:
    """Markdown heading, a line in bold, ALL CAPS, or a short line ending with a colon."""
    for mark in marks:
        if mark.kind == "heading" and mark.start <= line.start < mark.end + 1:
            return True
        if mark.kind == "bold" and mark.start <= line.start + 2 and mark.end >= line.end - 1:
            return True
    letters = [c for c in line_text if c.isalpha() and c.isascii()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and not _HAN.search(line_text):
        return True
    return line_text.rstrip().endswith((":", "：")) and len(line_text) <= 20


def _keyword_kind(text: str) -> str | None:
    key = _key(to_simplified(_clean(text)))
    for word, kind in _KEYWORDS:
        if word in key:
            return kind
    return None


def find_headings(text: str, lines: list[Line], marks: list[Mark]) -> list[Heading]:
    """Heading lines of the document, in order."""
    headings: list[Heading] = []
    heading_marks = [m for m in marks if m.kind in ("heading", "bold")]
    for line in lines:
        raw = text[line.start:line.end]
        stripped = raw.strip()
        if not stripped or len(stripped) > _MAX_HEADING_CHARS:
            continue
        if _NOT_HEADING_CHARS.search(stripped):  # emails, URLs, dates are not headings
            continue
        kind = heading_kind(stripped)
        if kind is None:
            words = len(stripped.split())
            if words <= 5 and len(stripped) <= 40 and _looks_styled(stripped, line, heading_marks):
                kind = _keyword_kind(stripped)
                if kind and stripped.startswith("•"):
                    kind = None  # a bullet item that mentions "projects" is content
            if kind is None and words <= 3:
                kind = _ocr_kind(stripped)
        if kind and headings and _is_entry_label(stripped, kind, headings[-1], text):
            kind = None
        if kind:
            headings.append(Heading(line, kind, _clean(stripped).rstrip(":：_ ").strip() or stripped))
    return headings


# Kinds whose heading words also label a part of one job or project ("Selected Accomplishments:",
# "Achievements:", "Highlights:", "Tools:"); education, work or project headings always open a section.
_ENTRY_LABEL_KINDS = frozenset({"other", "awards", "summary", "skills"})


def _is_entry_label(stripped: str, kind: str, current: Heading, text: str) -> bool:
    """Inside a work or projects section, a colon-ended line set in another style than the
    section's ALL-CAPS heading ("Selected Accomplishments:" under "PROFESSIONAL EXPERIENCE")
    labels the bullets of the entry above it; it does not end the section."""
    if current.kind not in ("work", "projects") or kind not in _ENTRY_LABEL_KINDS:
        return False
    if not stripped.endswith((":", "：")) or _HAN.search(stripped):
        return False
    current_text = text[current.line.start:current.line.end].strip()
    return _is_all_caps(current_text) and not _is_all_caps(stripped)


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.isascii()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def segment(text: str, lines: list[Line], marks: list[Mark]) -> list[Section]:
    """Cut the text into sections: a ``header`` before the first heading, then one per heading.

    Each section's language is its body's dominant language (a mixed heading such as
    ``教育背景 Education`` takes the language of what follows it).
    """
    headings = find_headings(text, lines, marks)
    sections: list[Section] = []
    bounds = [(h.line.start, h) for h in headings]
    doc_end = len(text)
    first_start = bounds[0][0] if bounds else doc_end
    # lines are in text order with increasing starts and ends: a section's lines are one slice
    starts = [ln.start for ln in lines]
    ends = [ln.end for ln in lines]
    if text[:first_start].strip():
        head_lines = lines[:bisect.bisect_right(ends, first_start)]
        sections.append(Section("header", None, block_lang(head_lines, text), 0, _trim_end(text, first_start),
                                0))
    for i, (start, heading) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else doc_end
        body_lines = lines[bisect.bisect_right(starts, heading.line.end):bisect.bisect_right(ends, end)]
        lang = _section_lang(heading.line.lang, body_lines, text)
        sections.append(Section(heading.kind, heading.text, lang, start, _trim_end(text, end),
                                min(heading.line.end + 1, end)))
    return sections


def split_headless_skills(text: str, lines: list[Line], sections: list[Section]) -> list[Section]:
    """A section that ends in a run of skill lists (``Programming Python, C++, MATLAB``) whose
    heading was lost in conversion ends before that run, which becomes a ``skills`` section
    without a heading. The skill lexicon decides what a skill list is, so this runs on
    whole lines only and never inside a skills or references section."""
    from dataclasses import replace

    from .extract.skills import is_skill_line

    out: list[Section] = []
    starts = [ln.start for ln in lines]  # in text order: a section's lines are one slice
    ends = [ln.end for ln in lines]
    for section in sections:
        if section.kind in ("skills", "references", "basics", "header"):
            out.append(section)
            continue
        body = [ln for ln in lines[bisect.bisect_left(starts, section.body_start):bisect.bisect_right(ends, section.end)]
                if text[ln.start:ln.end].strip()]
        run: list[Line] = []
        for line in reversed(body):
            if not _may_be_list(text[line.start:line.end]) or not is_skill_line(text[line.start:line.end]):
                break
            run.append(line)
        if not run or len(run) == len(body):
            out.append(section)
            continue
        cut = run[-1].start
        out.append(replace(section, end=_trim_end(text, cut)))
        out.append(Section("skills", None, block_lang(run, text), cut, section.end, cut, section.page))
    return out


def _may_be_list(line: str) -> bool:
    """Cheap test before the skill lexicon: two or more separators and short items."""
    separators = len(_LIST_SEPARATOR.findall(line))
    return separators >= 2 and len(line.split()) <= 3 * (separators + 1)


def _section_lang(heading_lang: str, body_lines: list[Line], text: str) -> str:
    """A heading in one script names the version the section belongs to (a 发表论文 section of
    English titles is part of the Chinese version); a mixed or missing heading defers to the body."""
    if heading_lang in ("en", "zh"):
        return heading_lang
    return block_lang(body_lines, text) if any(text[ln.start:ln.end].strip() for ln in body_lines) else "en"


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    return end
