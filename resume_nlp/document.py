"""The analysed document that extractors read: normalized text, lines, sections, marks.

Built once per parse by :func:`analyse`; extractors get the :class:`Document` (basics
extractors, which read the whole text) or a :class:`SectionView` (section parsers). All
offsets are absolute offsets into ``Document.text``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from functools import cached_property

from .lang import detect_lines, document_languages, to_simplified
from .normalize import Mark, NormalizedText, normalize
from .segment import segment, split_headless_skills
from .spans import Line, Section

__all__ = ["Document", "SectionView", "analyse"]


@dataclass(eq=False)
class Document:
    norm: NormalizedText
    lines: list[Line]
    sections: list[Section]
    languages: list[str]
    source_name: str | None = None
    # Lines that basics extractors consumed whole (contact lines inside a section body),
    # by line start offset: section parsers do not see them.
    masked: set[int] = field(default_factory=set)
    region_hint: str | None = None  # ISO country inferred from the document (phones, locations)
    warnings: list[str] = field(default_factory=list)  # coded templates, no resume text

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def marks(self) -> list[Mark]:
        return self.norm.marks

    @cached_property
    def simplified(self) -> str:
        """Simplified-Chinese view of the text, offset for offset (Traditional input matches rules)."""
        return to_simplified(self.norm.text)

    @cached_property
    def traditional(self) -> bool:
        han = [ln for ln in self.lines if ln.lang in ("zh", "mixed")]
        return bool(han) and sum(ln.traditional for ln in han) * 2 > len(han)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [ln.start for ln in self.lines]

    def line_at(self, offset: int) -> Line:
        return self.lines[max(0, bisect.bisect_right(self._line_starts, offset) - 1)]

    def lines_in(self, start: int, end: int, *, include_masked: bool = False) -> list[Line]:
        lo = bisect.bisect_left(self._line_starts, start)
        out = []
        for line in self.lines[lo:]:
            if line.start >= end:
                break
            if include_masked or line.start not in self.masked:
                out.append(line)
        return out

    def line_text(self, line: Line) -> str:
        return self.norm.text[line.start:line.end]

    def line_marks(self, line: Line, kind: str | None = None) -> list[Mark]:
        return self.norm.marks_in(line.start, max(line.end, line.start + 1), kind)

    def view(self, section: Section) -> "SectionView":
        return SectionView(self, section)


@dataclass(eq=False)
class SectionView:
    """One section as a section parser sees it."""

    doc: Document
    section: Section

    @property
    def kind(self) -> str:
        return self.section.kind

    @property
    def lang(self) -> str:
        return self.section.lang

    @property
    def start(self) -> int:
        return self.section.body_start

    @property
    def end(self) -> int:
        return self.section.end

    @property
    def text(self) -> str:
        """The body text (offset ``self.start`` in the document)."""
        return self.doc.text[self.start:self.end]

    @cached_property
    def lines(self) -> list[Line]:
        """Non-empty body lines, without lines the basics extractors consumed."""
        return [ln for ln in self.doc.lines_in(self.start, self.end) if self.doc.text[ln.start:ln.end].strip()]

    def line_text(self, line: Line) -> str:
        return self.doc.line_text(line)


def analyse(raw: str, source_name: str | None = None, pages: list[tuple[int, int]] | None = None) -> Document:
    """normalize -> lines with languages -> sections.

    ``pages`` lists ``(raw offset, page number)`` where pages begin (PDF input); each
    section then records the page it starts on.
    """
    norm = normalize(raw)
    lines = detect_lines(norm.text)
    sections = split_headless_skills(norm.text, lines, segment(norm.text, lines, norm.marks))
    if pages:
        starts = [(bisect.bisect_left(norm.offsets, raw_offset), page) for raw_offset, page in pages]
        sections = [replace(s, page=_page_at(starts, s.start)) for s in sections]
    return Document(norm, lines, sections, document_languages(lines, norm.text), source_name)


def _page_at(starts: list[tuple[int, int]], offset: int) -> int | None:
    page = None
    for start, number in starts:
        if start <= offset:
            page = number
    return page
