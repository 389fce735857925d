"""Summary / objective sections -> ``summary`` and ``headline`` drafts.

A summary (``个人介绍``, ``自我评价``, ``Summary``, ``Profile``) is kept whole: its paragraphs as
written, joined by a newline; lines of one hard-wrapped paragraph are joined by a space (none
between two Han characters). An objective (``Objective``, ``Career goal``) becomes the headline.

This module also holds the small text helpers the other section parsers of this package share
(bullets, trimming, script-based language, mentions).
"""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..document import Document, SectionView
from ..spans import Draft, Line, Mention

__all__ = ["SummaryParser", "text_lang", "make_mention", "trim", "body_lines", "BodyLine", "PIECE_BREAK", "is_intention_line"]

# --- shared helpers -------------------------------------------------------------------------
_HAN = regex.compile(r"\p{Han}")
# Leading bullets and list markers: "•", "·", "o ", "。 ", "-", "1.", "(1)", "[1]", "①".
_BULLET = regex.compile(
    r"\G(?:\s*(?:[•·・◦▪●○■□◆◇►▶➢➤✓✔✦★☆\-–—*]|[oO。](?=\s)|[\u2460-\u2473]))+\s*"
)
_TRIM_CHARS = " \t\u3000,，;；:：.。、|/-–—•·・"


def text_lang(text: str) -> str:
    """``zh`` when the text holds Han characters, else ``en`` (the language of a value)."""
    return "zh" if _HAN.search(text) else "en"


def make_mention(text: str, field: str, start: int, end: int, value: object = None, *,
                 source: str = "", lang: str | None = None, score: float = 1.0) -> Mention:
    """A mention of ``text[start:end]`` (``value`` defaults to that text)."""
    span = text[start:end]
    return Mention(field, span if value is None else value, start, end,
                   lang or text_lang(span), score, source)


def trim(text: str, start: int, end: int, chars: str = _TRIM_CHARS) -> tuple[int, int]:
    """``(start, end)`` narrowed past leading/trailing ``chars`` (whitespace and separators)."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


class BodyLine:
    """One non-empty body line with its bullet (if any) split off."""

    __slots__ = ("line", "start", "end", "bullet", "text")

    def __init__(self, line: Line, start: int, end: int, bullet: tuple[int, int] | None, text: str) -> None:
        self.line, self.start, self.end, self.bullet, self.text = line, start, end, bullet, text

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"BodyLine({self.start}, {self.end}, {self.text!r})"


def body_lines(view: SectionView, *, simplified: bool = False) -> Iterator[BodyLine]:
    """The view's lines with bullets removed (``text`` from the simplified view if asked)."""
    doc_text = view.doc.simplified if simplified else view.doc.text
    raw = view.doc.text
    for line in view.lines:
        s, e = line.start, line.end
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        bullet = None
        m = _BULLET.match(raw, s, e)
        if m and m.end() > s:
            bullet = (s, m.end())
            s = m.end()
        if s < e:
            yield BodyLine(line, s, e, bullet, doc_text[s:e])


def bullet_mention(text: str, bl: BodyLine, source: str) -> list[Mention]:
    if bl.bullet is None:
        return []
    return [make_mention(text, "_label", bl.bullet[0], bl.bullet[1], source=source)]


_OBJECTIVE_LABEL = regex.compile(r"\G(?:career\s+objective|objective|career\s+goal|求职目标|职业目标)\s*[:：]\s*", regex.I)
_PROSE_END = regex.compile(r"[.!?](?:\s|$)|[。！？]")
# between the pieces of a one-line job intention: "Java开发工程师 | 北京 | 15-20K", "前端 · 深圳 · 25-35K"
PIECE_BREAK = regex.compile(r"\s*[|｜•·]\s*|\s*\t\s*|\s{2,}")
_CONTACTISH = regex.compile(r"@|https?://|www\.|\d{3}[\s\-)]*\d{3,}|[|｜·•]\s")


def _header_prose(view: SectionView, lines: list[BodyLine]) -> tuple[list[BodyLine], str, tuple[int, int] | None]:
    """A bio paragraph under the name without a heading (summary), or an "Objective: ..." line (headline)."""
    text = view.doc.text
    if not any(sec.kind == "objective" for sec in view.doc.sections):
        for bl in lines:
            m = _OBJECTIVE_LABEL.match(text, bl.start, bl.end)
            if m and m.end() < bl.end and not is_intention_line(view.doc, m.end(), bl.end):
                return [BodyLine(bl.line, m.end(), bl.end, None, text[m.end():bl.end])], "headline", (bl.start, m.end())
    if any(sec.kind == "summary" for sec in view.doc.sections):
        return [], "summary", None
    paragraphs: list[list[BodyLine]] = []
    prev_end = None
    for bl in lines:
        if prev_end is None or text[prev_end:bl.line.start].count("\n") > 1:
            paragraphs.append([])
        paragraphs[-1].append(bl)
        prev_end = bl.line.end
    for par in paragraphs[1:]:  # the first paragraph holds the name
        body = " ".join(text[bl.start:bl.end] for bl in par)
        if len(body) >= 80 and _PROSE_END.search(body) and not _CONTACTISH.search(body) and not any(b.bullet for b in par):
            return par, "summary", None
    return [], "summary", None


def is_intention_line(doc: "Document", start: int, end: int) -> bool:
    """``Data Scientist | Seattle, WA | $150k``: pieces that name a place or a salary state a job
    intention (the basics extractor reads it), not a headline."""
    from .misc import intention_values  # misc builds on this module's line helpers

    if not PIECE_BREAK.search(doc.text, start, end):
        return False
    return any(kind in ("locations", "salary") for kind, _, _ in intention_values(doc.text, doc.simplified, start, end))


# --- the parser -----------------------------------------------------------------------------
class SummaryParser:
    name: ClassVar[str] = "summary"
    kinds: ClassVar[frozenset[str]] = frozenset({"summary", "objective", "header"})

    def __call__(self, view: SectionView) -> list[Draft]:
        text = view.doc.text
        lines = list(body_lines(view))
        kind = "headline" if view.kind == "objective" else "summary"
        label = None
        if view.kind == "header":
            lines, kind, label = _header_prose(view, lines)
        if not lines:
            return []
        paragraphs: list[list[BodyLine]] = []
        prev_end = None
        for bl in lines:
            gap = text[prev_end:bl.line.start] if prev_end is not None else ""
            new_par = prev_end is None or gap.count("\n") > 1 or bl.bullet is not None
            if not new_par and paragraphs:
                # a line that ends a sentence closes its paragraph in hard-wrapped prose
                last = text[paragraphs[-1][-1].start:paragraphs[-1][-1].end]
                new_par = last.endswith(("。", "!", "！", "?", "？")) and len(last) < 40
            if new_par:
                paragraphs.append([bl])
            else:
                paragraphs[-1].append(bl)
            prev_end = bl.line.end
        parts = []
        for par in paragraphs:
            joined = ""
            for bl in par:
                chunk = text[bl.start:bl.end].strip()
                if joined and not (_HAN.match(chunk[:1]) and _HAN.match(joined[-1:])):
                    joined += " "
                joined += chunk
            parts.append(joined)
        value = "\n".join(parts)
        start, end = lines[0].start, lines[-1].end
        draft = Draft(kind=kind, lang=text_lang(value), start=start, end=end)
        draft.set(Mention("text", value, start, end, text_lang(value), 1.0, f"{self.name}:{kind}"))
        for bl in lines:
            draft.consumed += bullet_mention(text, bl, self.name)
        if label:
            draft.consumed.append(make_mention(text, "_label", label[0], label[1], source=self.name))
        return [draft]
