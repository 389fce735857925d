"""Layout helpers shared by the entry parsers (education, work, projects).

A section body is a list of *paragraphs*: a paragraph is one line, or a bullet line joined
with the lines that wrap it. Each carries the layout facts a parser needs to decide where an
entry begins (bullet, markdown heading, whole-line bold or italic, blank line before it).

Typical use::

    paras = paragraphs(view)                        # logical lines, wrapped bullets joined
    body, tail = trailing_run(paras, is_orphan)     # two-column PDF: dates printed after all entries
    blocks = split_blocks(body, is_head)            # one list of paragraphs per entry
    order = assign_orphans(len(tail_dates), targets, violations)

Nothing here knows about education or jobs: the parser supplies the predicates.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

import regex

__all__ = [
    "Para", "paragraphs", "split_blocks", "trailing_run", "assign_orphans", "tidy", "tidy_span",
    "segments",
]

T = TypeVar("T")

_BULLET = regex.compile(r"^[ \t]*•[ \t]*")
_ENDS_SENTENCE = regex.compile(r"[.。!！?？;；:：)）]\s*$")
_STARTS_LOWER = regex.compile(r"^[ \t]*[a-z(,&]")


@dataclass(frozen=True, slots=True)
class Para:
    """One logical line of a section body.

    ``start``/``end`` cover the paragraph in ``doc.text`` (a joined bullet spans several
    lines); ``content_start`` is where the text begins after the bullet glyph. ``lines`` holds
    the :class:`~resume_nlp.spans.Line` objects it joins. ``gap_before`` says a blank line
    precedes it in the text.
    """

    start: int
    end: int
    content_start: int
    lines: tuple
    bullet: bool = False
    heading: int = 0        # markdown heading level, 0 when none
    bold: bool = False      # (nearly) the whole content is bold
    italic: bool = False    # (nearly) the whole content is italic
    gap_before: bool = False
    lang: str = "none"      # language of the first line

    def text(self, doc_text: str) -> str:
        """The content (after the bullet) as it stands in the document."""
        return doc_text[self.content_start:self.end]

    @property
    def styled(self) -> bool:
        """Heading or whole-line bold: the usual look of an entry's first line."""
        return bool(self.heading) or self.bold


def _covers(marks, start: int, end: int) -> bool:
    """Marks cover at least 80 % of the non-space characters of [start, end)."""
    if end <= start:
        return False
    covered = sum(max(0, min(m.end, end) - max(m.start, start)) for m in marks)
    return covered >= 0.8 * (end - start)


def paragraphs(view, *, join_wrapped: bool = True) -> list[Para]:
    """The section body as paragraphs, in order.

    A non-bullet line joins the bullet paragraph before it when it reads as the wrapped
    rest of that bullet: no blank line between, the bullet does not end a sentence and the
    line starts in lower case (PDF converters break long bullets this way).
    """
    doc = view.doc
    text = doc.text
    out: list[Para] = []
    prev_end = view.start
    for line in view.lines:
        raw = text[line.start:line.end]
        gap = "\n\n" in text[prev_end:line.start]
        prev_end = line.end
        bullet_m = _BULLET.match(raw)
        marks = doc.line_marks(line)
        bullet = bool(bullet_m)
        content_start = line.start + (bullet_m.end() if bullet_m else len(raw) - len(raw.lstrip()))
        if (join_wrapped and out and not bullet and not gap and out[-1].bullet
                and not _ENDS_SENTENCE.search(text[out[-1].start:out[-1].end])
                and _STARTS_LOWER.match(raw)):
            last = out[-1]
            out[-1] = Para(last.start, line.end, last.content_start, last.lines + (line,), last.bullet,
                           last.heading, last.bold, last.italic, last.gap_before, last.lang)
            continue
        heading = 0
        for m in marks:
            if m.kind == "heading":
                heading = int(m.value or 1)
        bold = _covers([m for m in marks if m.kind == "bold"], content_start, line.end)
        italic = _covers([m for m in marks if m.kind == "italic"], content_start, line.end)
        out.append(Para(line.start, line.end, content_start, (line,), bullet, heading, bold, italic,
                        gap, line.lang))
    return out


def split_blocks(items: Sequence[T], is_head: Callable[[int, T], bool]) -> list[list[T]]:
    """Cut ``items`` into blocks, a new block starting at every item where ``is_head(i, item)``.

    Items before the first head form a block of their own (they may be an entry whose head
    the parser did not recognise); an empty input gives no blocks.
    """
    blocks: list[list[T]] = []
    for i, item in enumerate(items):
        if not blocks or is_head(i, item):
            blocks.append([item])
        else:
            blocks[-1].append(item)
    return blocks


def trailing_run(items: Sequence[T], is_orphan: Callable[[T], bool]) -> tuple[list[T], list[T]]:
    """Split off the longest run of items at the end for which ``is_orphan`` holds.

    Two-column PDFs flattened to text print the right column (dates, locations) of every
    entry after the left column of the last one; this finds that run.
    """
    k = len(items)
    while k > 0 and is_orphan(items[k - 1]):
        k -= 1
    return list(items[:k]), list(items[k:])


def assign_orphans(n_items: int, n_slots: int,
                   violations: Callable[[tuple[int, ...]], int] | None = None) -> tuple[int, ...]:
    """Which slot each of ``n_items`` orphans goes to (``result[i]`` = slot of item ``i``).

    Every item gets a distinct slot (``n_items <= n_slots``; extra items are dropped:
    the result is then shorter). Among all assignments the one with the fewest
    ``violations(assignment)`` wins (e.g. a bachelor's that would end after the master's
    starts); ties keep the printed order. Small inputs only (at most 6 slots are permuted;
    beyond that the printed order is used).
    """
    n = min(n_items, n_slots)
    identity = tuple(range(n))
    if violations is None or n_slots > 6 or n < 2:
        return identity
    best, best_cost = identity, violations(identity)
    if best_cost == 0:
        return identity
    for perm in itertools.permutations(range(n_slots), n):
        cost = violations(perm)
        if cost < best_cost:
            best, best_cost = perm, cost
    return best


_SPACES = regex.compile(r"\s+")
_SPACE_BEFORE_PUNCT = regex.compile(r"\s+(?=[.,;:!?)\]}%。，；：！？、）])")
_SPACE_AFTER_OPEN = regex.compile(r"(?<=[(\[{（])\s+")


def tidy(text: str) -> str:
    """Whitespace collapsed, no space before closing punctuation: ``"Ranking  7th/174 ."`` ->
    ``"Ranking 7th/174."``."""
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    return _SPACE_AFTER_OPEN.sub("", text)


_STRIP_CHARS = " \t\n,;:|/-–—·•、，；：｜"


def tidy_span(text: str, start: int, end: int, strip: str = _STRIP_CHARS) -> tuple[int, int]:
    """Shrink ``[start, end)`` of ``text`` past leading/trailing separators and spaces."""
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


_SEGMENT_SPLIT = regex.compile(r"\s*(?:[|｜丨│;；]|\t|\s{2,})\s*")


def segments(text: str, start: int, end: int, *, split: regex.Pattern | None = None) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` between column separators (``|``, ``;``, tabs, 2+ spaces),
    as absolute ``(start, end)`` spans with surrounding separators trimmed; empty pieces dropped."""
    pattern = split or _SEGMENT_SPLIT
    out: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        s, e = tidy_span(text, pos, m.start())
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = tidy_span(text, pos, end)
    if e > s:
        out.append((s, e))
    return out
