"""PDF reader (pdfplumber): text in reading order, columns kept apart, headings marked.

The layout pass works on pdfplumber's characters, page by page:

1. characters are grouped into *rough lines* (vertical overlap) and each rough line into
   *segments* at horizontal gaps wider than about one em;
2. headers, footers and page numbers are dropped: rough lines in the top or bottom margin whose
   text (digits ignored) repeats at the same height on most pages, and bare page numbers
   (``3``, ``Page 1 of 2``, ``- 2 -``, ``第 1 页``) in a margin;
3. a *gutter* (a vertical band in the middle of the page that no segment crosses, with a
   left-aligned block of text on each side) makes the page two-column: the left column is
   emitted, then the right one; lines crossing the gutter (a full-width name or heading) are
   emitted in place and split the page into bands;
4. a gap between two segments of a line becomes a tab (table cells, right-aligned dates);
   table rows (three or more segments lined up with a neighbouring row's) never make columns;
5. within a column, lines wrapped by the layout are joined back (the next line's first word
   would not have fitted on the line), hyphenated breaks ``inter-``/``national`` are joined,
   URLs broken by the layout are joined without a space, no space is put between two CJK
   characters; ``-``/``–``/``*`` open a list item only where they cannot continue a wrapped
   line; a line ending a column or page is joined to the next one's first line when it wraps
   there and the sentence visibly goes on; paragraph gaps become blank lines;
6. lines set in a larger font become markdown headings (``#``/``##``/``###``), bold runs
   ``**...**``, italic runs ``*...*``.

``RawDoc.pages`` lists ``(offset, page number)`` where each page's text begins. Every library
exception is turned into a :class:`~resume_nlp.errors.ResumeNLPError` whose one-line message
holds no document content.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ._markup import styled_markdown
from ..errors import (
    EncryptedDocumentError,
    InputTooLargeError,
    MissingDependencyError,
    NoTextLayerError,
    ResumeNLPError,
    UnreadableDocumentError,
)

__all__ = ["read_pdf"]

_BOLD_FONT = re.compile(r"bold|black|heavy|demi|semibold|,b$|-b$", re.I)
_ITALIC_FONT = re.compile(r"italic|oblique|,i$|-i$|-it$|,bi$|-bi$", re.I)
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?|seite|página)\s*)?\d{1,3}(?:\s*(?:of|/|／|von|de)\s*\d{1,3})?$"
    r"|^[-–—]\s*\d{1,3}\s*[-–—]$|^第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$"
    r"|^\d{1,3}\s*/\s*\d{1,3}$",
    re.I,
)
_BULLETS = set("•·▪●◆◇■□○◦‣⁃∙・◼◾➢➤►▶❖✓✔-–*")
_AMBIGUOUS_BULLETS = set("-–*")  # also a wrapped date range's "– May 2022", a minus, a footnote mark
_URL_TAIL = re.compile(r"(?:https?://|www\.|[\w\-]+\.(?:com|org|net|io|edu|gov|cn|me|dev|ai|co)/)\S*$", re.I)
_WIDE_GAP = 1.2     # ems: a wider gap splits a line into segments (a tab in the text)
_MARGIN_ZONE = 0.1  # share of the page height at the top and the bottom


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x20000 <= o <= 0x2FFFF or 0x3000 <= o <= 0x303F)


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool = False

    @property
    def style(self) -> str:
        return "b" if self.bold else "i" if self.italic else ""


@dataclass
class _Segment:
    chars: list[_Char]

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)


@dataclass
class _RoughLine:
    chars: list[_Char]                     # non-space characters, left to right
    spaces: list[float]                    # x positions of explicit space characters
    segments: list[_Segment] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)


@dataclass
class _Line:
    """One line of one column: styled characters (style "b" bold, "i" italic, "" plain,
    None for inserted white space: " " or "\t" at a wide gap)."""

    pieces: list[tuple[str, str | None]]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    first_word: float                      # width of the first word (for the reflow test)
    heading: int = 0

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.pieces)

    @property
    def tabbed(self) -> bool:
        """The line has a wide gap (cells of a table row, a right-aligned date)."""
        return any(t == "\t" for t, _ in self.pieces)


# --- entry point ------------------------------------------------------------------------
def read_pdf(data: bytes, name: str | None = None, *, max_pages: int = 50):
    """Read a PDF into a :class:`~resume_nlp.ingest.RawDoc` (see the module docstring)."""
    from . import RawDoc

    try:
        import pdfplumber
    except ImportError:
        raise MissingDependencyError("PDF files", "pdf") from None

    try:
        pages = _load_pages(pdfplumber, data, max_pages)
    except ResumeNLPError:
        raise
    except Exception as exc:  # pdfminer raises many exception types; none escapes
        raise _classify(exc) from None
    if not pages:
        raise UnreadableDocumentError("the PDF has no pages (damaged or truncated)")
    visible = sum(1 for p in pages for c in p["chars"] if c.text.strip())
    if visible == 0:
        if any(p["images"] for p in pages):
            raise NoTextLayerError("the PDF has no text layer (a scanned image?); OCR is not supported")
        raise NoTextLayerError("the PDF has no text layer")
    unmapped = sum(1 for p in pages for c in p["chars"] if c.text.startswith("(cid:"))
    if unmapped > 0.5 * visible:
        raise NoTextLayerError("the PDF's fonts have no Unicode mapping; its text cannot be extracted")

    text, offsets = _layout(pages)
    return RawDoc(text, name, "application/pdf", [], offsets)


def _load_pages(pdfplumber: Any, data: bytes, max_pages: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        n = len(pdf.pages)
        if n > max_pages:
            raise InputTooLargeError("max_pages", n, max_pages)
        for page in pdf.pages:
            width, height = float(page.width), float(page.height)
            chars = []
            seen: set[tuple] = set()
            for c in page.chars:
                if not c.get("upright", True):
                    continue
                x0, x1, top, bottom = float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"])
                if x1 < 0 or x0 > width or bottom < 0 or top > height:
                    continue  # outside the page: hidden text
                # a character drawn twice at (nearly) the same place: fake bold, shadow text.
                # (pdfplumber's dedupe_chars does the same, but costs three quarters of the read time)
                cell = (c["text"], c.get("fontname"), int(x0), int(top))
                if any((cell[0], cell[1], cell[2] + dx, cell[3] + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
                    continue
                seen.add(cell)
                size = float(c.get("size") or (bottom - top) or 1.0)
                font = re.sub(r"^[A-Z]{6}\+", "", c.get("fontname") or "")  # subset prefix
                chars.append(_Char(c["text"], x0, x1, top, bottom, size,
                                   bool(_BOLD_FONT.search(font)), bool(_ITALIC_FONT.search(font))))
            out.append({"width": width, "height": height, "chars": chars, "images": len(page.images)})
    return out


def _classify(exc: BaseException) -> ResumeNLPError:
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo and len(seen) < 20:
        e = todo.pop()
        seen.append(e)
        todo.extend(x for x in (e.__cause__, e.__context__) if x is not None)
        todo.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))
    names = [type(e).__name__ for e in seen]
    if any("password" in n.lower() or "encrypt" in n.lower() for n in names):
        return EncryptedDocumentError("the PDF is encrypted (password protected)")
    inner = next((n for n in reversed(names) if n not in ("PdfminerException", "Exception")), names[0])
    return UnreadableDocumentError(f"the PDF is damaged or truncated and cannot be read ({inner})")


# --- layout ---------------------------------------------------------------------------------
def _rough_lines(chars: list[_Char]) -> list[_RoughLine]:
    lines: list[list[_Char]] = []
    bottoms: list[float] = []
    for c in sorted(chars, key=lambda c: (c.top, c.x0)):
        mid = (c.top + c.bottom) / 2
        if lines and mid < bottoms[-1]:
            lines[-1].append(c)
            bottoms[-1] = max(bottoms[-1], c.bottom) if c.text.strip() else bottoms[-1]
        else:
            lines.append([c])
            bottoms.append(c.bottom)
    out = []
    for group in lines:
        group.sort(key=lambda c: c.x0)
        visible = [c for c in group if c.text.strip()]
        if not visible:
            continue
        out.append(_RoughLine(visible, [c.x0 for c in group if not c.text.strip()]))
    for line in out:
        seg: list[_Char] = []
        for c in line.chars:
            if seg and c.x0 - seg[-1].x1 > max(c.size, seg[-1].size) * _WIDE_GAP:
                line.segments.append(_Segment(seg))
                seg = []
            seg.append(c)
        line.segments.append(_Segment(seg))
    return out


def _margin_key(line: _RoughLine) -> str:
    return re.sub(r"\d+", "#", "".join(c.text for c in line.chars)).casefold()


def _furniture(pages: list[list[_RoughLine]], heights: list[float]) -> set[tuple[int, int]]:
    """(page index, line index) of running headers, footers and page numbers."""
    drop: set[tuple[int, int]] = set()
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    where: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for p, (lines, height) in enumerate(zip(pages, heights)):
        for i, line in enumerate(lines):
            if line.top > height * _MARGIN_ZONE and line.bottom < height * (1 - _MARGIN_ZONE):
                continue
            text = "".join(c.text for c in line.chars)
            spaced = _line_text(line.chars, line.spaces)
            if _PAGE_NUMBER.match(spaced.strip()) or _PAGE_NUMBER.match(text):
                drop.add((p, i))
                continue
            key = (_margin_key(line), round(line.top / 6))
            seen[key].add(p)
            where[key].append((p, i))
    if len(pages) >= 2:
        need = max(2, int(0.6 * len(pages) + 0.999))
        for key, found in seen.items():
            if len(found) >= need:
                drop.update(where[key])
    return drop


def _gutter(lines: list[_RoughLine]) -> tuple[float, float] | None:
    """The x-range of a column gutter, or None for a one-column page."""
    segments = [s for line in lines for s in line.segments]
    if len(segments) < 6:
        return None
    left = min(s.x0 for s in segments)
    right = max(s.x1 for s in segments)
    width = right - left
    if width < 100:
        return None
    bins = [0] * (int(width) + 2)
    for s in segments:
        for x in range(int(s.x0 - left), int(s.x1 - left) + 1):
            bins[x] += 1
    allowed = max(1, len(lines) // 15)  # a few lines (a name, a rule) may cross the gutter
    lo_limit, hi_limit = int(0.15 * width), int(0.85 * width)
    best: tuple[int, int, int] | None = None
    start = None
    for x in range(lo_limit, hi_limit + 1):
        empty = bins[x] <= allowed
        if empty and start is None:
            start = x
        if (not empty or x == hi_limit) and start is not None:
            end = x if not empty else x + 1
            if best is None or end - start > best[1] - best[0]:
                best = (start, end, 0)
            start = None
    body = statistics.median(c.size for line in lines for c in line.chars)
    if best is None or best[1] - best[0] < max(8.0, 0.8 * body):
        return None
    g0, g1 = left + best[0], left + best[1]
    lefts = [s for s in segments if s.x1 <= g0 + 1]
    rights = [s for s in segments if s.x0 >= g1 - 1]
    if len(lefts) < 3 or len(rights) < 3:
        return None
    # true columns are left-aligned blocks; right-aligned dates are not a column
    for side in (lefts, rights):
        starts = Counter(round(s.x0 / 3) for s in side)
        aligned = sum(n for k, n in starts.items() if any(abs(k - k2) <= 1 for k2, _ in starts.most_common(2)))
        if aligned < 0.5 * len(side):
            return None
    both = sum(1 for line in lines
               if any(s.x1 <= g0 + 1 for s in line.segments) and any(s.x0 >= g1 - 1 for s in line.segments))
    if both < 2:
        return None
    return g0, g1


def _line_text(chars: list[_Char], spaces: list[float]) -> str:
    return "".join(t for t, _ in _pieces(chars, spaces))


def _pieces(chars: list[_Char], spaces: list[float]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    prev: _Char | None = None
    si = 0
    spaces = sorted(spaces)
    for c in chars:
        if prev is not None:
            explicit = False
            while si < len(spaces) and spaces[si] < c.x0 - 0.01:
                if spaces[si] >= prev.x0:
                    explicit = True
                si += 1
            gap = c.x0 - prev.x1
            cjk = _is_cjk(prev.text[-1]) and _is_cjk(c.text[0])
            threshold = (0.5 if cjk else 0.2) * min(c.size, prev.size)
            if gap > _WIDE_GAP * max(c.size, prev.size):
                out.append(("\t", None))  # a segment boundary: a table cell, a right-aligned date
            elif explicit or gap > threshold:
                out.append((" ", None))
        text = c.text
        if text.startswith("(cid:"):  # an unmapped glyph: a bullet or an icon, as a rule
            spaced = prev is None or (out and out[-1][0] in " \t")
            text = "•" if spaced else ""
        if text:
            out.append((text, c.style))
        prev = c
    return out


def _make_line(chars: list[_Char], spaces: list[float]) -> _Line:
    pieces = _pieces(chars, spaces)
    size = statistics.median(c.size for c in chars)
    first_end = chars[0].x1
    for a, b in zip(chars, chars[1:]):
        if any(a.x0 <= s < b.x0 for s in spaces) or b.x0 - a.x1 > 0.2 * size or _is_cjk(a.text[-1]):
            break
        first_end = b.x1
    return _Line(pieces, chars[0].x0, max(c.x1 for c in chars), min(c.top for c in chars),
                 max(c.bottom for c in chars), size, first_end - chars[0].x0)


def _table_rows(lines: list[_RoughLine]) -> set[int]:
    """Indices of table rows: lines of three or more segments whose segment starts (beyond
    the first) line up with a neighbouring row's. Their columns are not page columns."""
    starts = [[s.x0 for s in line.segments] for line in lines]
    rows: set[int] = set()
    for i, xs in enumerate(starts):
        if len(xs) < 3:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(starts) and len(starts[j]) >= 3 \
                    and sum(1 for x in xs[1:] if any(abs(x - y) < 2 for y in starts[j])) >= 2:
                rows.add(i)
                break
    return rows


def _columns(lines: list[_RoughLine]) -> list[list[_Line]]:
    """Blocks of lines in reading order; each block is one column of one band."""
    tables = _table_rows(lines)
    gutter = _gutter([line for i, line in enumerate(lines) if i not in tables])
    if gutter is None:
        return [[_make_line(line.chars, line.spaces) for line in lines]]
    g0, g1 = gutter
    mid = (g0 + g1) / 2
    blocks: list[list[_Line]] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for i, line in enumerate(lines):
        if i in tables or any(s.x0 < g0 - 1 and s.x1 > g1 + 1 for s in line.segments):
            blocks.extend(b for b in (left, right) if b)
            left, right = [], []
            blocks.append([_make_line(line.chars, line.spaces)])
            continue
        lc = [c for c in line.chars if c.x0 < mid]
        rc = [c for c in line.chars if c.x0 >= mid]
        if lc:
            left.append(_make_line(lc, [s for s in line.spaces if s < mid]))
        if rc:
            right.append(_make_line(rc, [s for s in line.spaces if s >= mid]))
    blocks.extend(b for b in (left, right) if b)
    return blocks


def _starts_bullet(line: _Line) -> bool:
    text = line.text.lstrip()
    return bool(text) and (text[0] in _BULLETS and (len(text) == 1 or text[1] == " " or text[0] not in "-–*"))


def _wraps(prev: _Line, line: _Line, left: float, right: float) -> bool:
    """The previous line was broken by the layout: the next line's first word would not have
    fitted, and the line is more than half full or ends with a label's colon ("技能:")."""
    if right - prev.x1 >= line.first_word + 0.6 * line.size:
        return False
    return prev.x1 - left > 0.5 * (right - left) or prev.text.rstrip().endswith((":", "："))


def _is_bullet(line: _Line, wraps: bool, group_head: _Line | None) -> bool:
    """A list item starts here. "-", "–" and "*" are bullets only where they could not be
    a wrapped line's continuation ("Sep. 2019" / "– May 2022"): the previous line had room
    for them, or the previous item starts with the same glyph at the same place."""
    if not _starts_bullet(line):
        return False
    glyph = line.text.lstrip()[0]
    if glyph not in _AMBIGUOUS_BULLETS or not wraps:
        return True
    return group_head is not None and group_head.text.lstrip()[:1] == glyph and abs(group_head.x0 - line.x0) < 1


def _reflow(block: list[_Line], gap_limit: float, body: float) -> list[list[_Line]]:
    """Group the lines of one column into logical lines (wrapped lines joined)."""
    if not block:
        return []
    right = max(line.x1 for line in block)
    left = min(line.x0 for line in block)
    groups: list[list[_Line]] = [[block[0]]]
    for prev, line in zip(block, block[1:]):
        gap = line.top - prev.bottom
        ptext = prev.text.rstrip()
        # headings wrap too ("Mobile AI Workshop" / "@ CVPR 2021"), but only into a heading line
        same_style = abs(prev.size - line.size) < 0.5 and prev.heading == line.heading
        wraps = _wraps(prev, line, left, right)
        joinable = (same_style and -2 < gap <= gap_limit * max(1.0, line.size / body)
                    and not prev.tabbed and not line.tabbed  # table rows and dated lines do not wrap
                    and not _is_bullet(line, wraps, groups[-1][0])
                    and line.x0 <= prev.x0 + 3 * line.size + 1 and line.x0 >= left - 2)
        hyphen = bool(re.search(r"[A-Za-z]-$", ptext)) and ptext[-2:-1].isalpha()
        if joinable and (wraps or (hyphen and line.text[:1].islower())):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _glue(prev_line: str, prev_text: str, nxt: str) -> str:
    """What joins a wrapped line to the next one: " ", "" or "-" (a hyphen to drop)."""
    if not prev_text or not nxt:
        return " "
    words = prev_text.split()
    last = words[-1] if words else ""
    # a URL broken by the layout: at a "/" "-" "_" "?" "=" "&" "#", or anywhere when it filled the line
    if _URL_TAIL.search(last) and re.match(r"[\w/\-?=&#%~]", nxt) \
            and (last[-1] in "/-_?=&#~" or len(prev_line.split()) == 1):
        return ""
    if re.search(r"[A-Za-z]-$", prev_text) and nxt[:1].islower():
        return "-"
    if prev_text.endswith("-"):
        return ""
    a, b = prev_text[-1], nxt[0]
    if _is_cjk(b) and not b.isalnum():  # CJK punctuation: "2.3" / "。"
        return ""
    if _is_cjk(a) and _is_cjk(b):
        return ""
    if a in ",.;:!?)" and len(prev_text) > 1 and _is_cjk(prev_text[-2]) and _is_cjk(b):
        return ""  # "分割," / "看是否" (ASCII punctuation between Chinese characters)
    return " "


def _join(group: list[_Line]) -> list[tuple[str, str | None]]:
    pieces: list[tuple[str, str | None]] = list(group[0].pieces)
    for prev, line in zip(group, group[1:]):
        while pieces and pieces[-1][0] in (" ", "\t"):
            pieces.pop()
        prev_text = "".join(t for t, _ in pieces).rstrip()
        glue = _glue(prev.text.strip(), prev_text, line.text.lstrip())
        if glue == "-":
            last, style = pieces.pop()
            if last[:-1]:
                pieces.append((last[:-1], style))
        elif glue:
            pieces.append((glue, None))
        pieces.extend(line.pieces)
    return pieces


def _render(pieces: list[tuple[str, str | None]], heading: int) -> str:
    """Markdown for one logical line: ``#`` headings, ``**bold**`` and ``*italic*`` runs."""
    if heading:
        return "#" * heading + " " + "".join(t for t, _ in pieces).strip()
    return styled_markdown(pieces, "".join(_BULLETS))


def _usual_gap(gaps: list[float], body: float) -> float:
    """The space between two lines of one paragraph: the smallest frequent gap (paragraph gaps
    can outnumber it when most paragraphs are one line long)."""
    if not gaps:
        return 0.3 * body
    counts = Counter(round(g * 2) / 2 for g in gaps)
    need = max(2, 0.1 * len(gaps))
    frequent = [g for g, n in counts.items() if n >= need]
    return min(frequent) if frequent else statistics.median(gaps)


@dataclass
class _Entry:
    """One logical line in reading order, with where it sits."""

    group: list[_Line]
    page: int
    blank_before: bool
    first_in_block: bool
    left: float
    right: float


def _continues(prev: _Entry, nxt: _Entry) -> bool:
    """The first line of a column or page carries on the last line of the previous one."""
    a, b = prev.group[-1], nxt.group[0]
    if abs(a.size - b.size) >= 0.5 or a.heading or b.heading or a.tabbed or b.tabbed:
        return False
    wraps = _wraps(a, b, prev.left, prev.right)
    if not wraps or _is_bullet(b, wraps, prev.group[0]) or b.x0 > nxt.left + 3 * b.size + 1:
        return False
    # the vertical gap is lost at a break, so the text itself must show the sentence goes on
    end, start = a.text.rstrip(), b.text.lstrip()
    if not end or not start:
        return False
    return (start[0].islower() or end[-1] in ",;-–/&(" or (_is_cjk(end[-1]) and end[-1] not in "。！？；：」』）"
            and _is_cjk(start[0])))


def _layout(pages: list[dict[str, Any]]) -> tuple[str, list[tuple[int, int]]]:
    rough = [_rough_lines(p["chars"]) for p in pages]
    drop = _furniture(rough, [p["height"] for p in pages])
    rough = [[line for i, line in enumerate(lines) if (p, i) not in drop] for p, lines in enumerate(rough)]
    sizes = Counter(round(c.size * 2) / 2 for lines in rough for line in lines for c in line.chars)
    body = sizes.most_common(1)[0][0] if sizes else 10.0

    page_blocks = [_columns(lines) for lines in rough]
    gaps = []
    for blocks in page_blocks:
        for block in blocks:
            for a, b in zip(block, block[1:]):
                if abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and b.top > a.bottom - 2:
                    gaps.append(b.top - a.bottom)
    gap_limit = _usual_gap(gaps, body) + 0.25 * body
    for blocks in page_blocks:
        for block in blocks:
            for line in block:
                text = line.text.strip()
                if line.size >= body * 1.15 and 0 < len(text) <= 80:
                    line.heading = 1 if line.size >= body * 1.6 else 2 if line.size >= body * 1.3 else 3

    entries: list[_Entry] = []
    for number, blocks in enumerate(page_blocks, start=1):
        for block in blocks:
            if not block:
                continue
            left, right = min(ln.x0 for ln in block), max(ln.x1 for ln in block)
            prev_bottom: float | None = None
            for group in _reflow(block, gap_limit, body):
                head = group[0]
                blank = prev_bottom is not None and head.top - prev_bottom > gap_limit * max(1.0, head.size / body)
                entry = _Entry(group, number, blank, prev_bottom is None, left, right)
                prev_bottom = group[-1].bottom
                if entry.first_in_block and entries and _continues(entries[-1], entry):
                    entries[-1].group.extend(group)  # wrapped across a column or page break
                    continue
                entries.append(entry)

    lines: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for entry in entries:
        if lines and (entry.blank_before or entry.first_in_block) and lines[-1]:
            lines.append("")
            length += 1
        if not offsets or entry.page != offsets[-1][1]:
            offsets.append((length, entry.page))
        text = _render(_join(entry.group), entry.group[0].heading)
        lines.append(text)
        length += len(text) + 1
    return "\n".join(lines) + "\n", offsets
