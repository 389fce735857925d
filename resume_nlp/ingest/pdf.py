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
4. within a column, lines wrapped by the layout are joined back (the next line's first word
   would not have fitted on the line), hyphenated breaks ``inter-``/``national`` are joined,
   and no space is put between two CJK characters;
5. lines set in a larger font become markdown headings (``#``/``##``), bold runs ``**...**``.

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
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?|seite|página)\s*)?\d{1,3}(?:\s*(?:of|/|／|von|de)\s*\d{1,3})?$"
    r"|^[-–—]\s*\d{1,3}\s*[-–—]$|^第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$"
    r"|^\d{1,3}\s*/\s*\d{1,3}$",
    re.I,
)
_BULLETS = set("•·▪●◆◇■□○◦‣⁃∙・◼◾➢➤►▶❖✓✔-–*")
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
    """One line of one column: styled characters ("" bold flag None = an inserted space)."""

    pieces: list[tuple[str, bool | None]]
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
            try:
                page = page.dedupe_chars()
            except Exception:  # older pdfplumber or odd pages: keep the duplicates
                pass
            width, height = float(page.width), float(page.height)
            chars = []
            for c in page.chars:
                if not c.get("upright", True):
                    continue
                x0, x1, top, bottom = float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"])
                if x1 < 0 or x0 > width or bottom < 0 or top > height:
                    continue  # outside the page: hidden text
                size = float(c.get("size") or (bottom - top) or 1.0)
                chars.append(_Char(c["text"], x0, x1, top, bottom, size,
                                   bool(_BOLD_FONT.search(c.get("fontname") or ""))))
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
            if seg and c.x0 - seg[-1].x1 > max(c.size, seg[-1].size) * 1.2:
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


def _pieces(chars: list[_Char], spaces: list[float]) -> list[tuple[str, bool | None]]:
    out: list[tuple[str, bool | None]] = []
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
            if explicit or gap > threshold:
                out.append((" ", None))
        text = c.text
        if text.startswith("(cid:"):  # an unmapped glyph: a bullet or an icon, as a rule
            spaced = prev is None or (out and out[-1][0] == " ")
            text = "•" if spaced else ""
        if text:
            out.append((text, c.bold))
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


def _columns(lines: list[_RoughLine]) -> list[list[_Line]]:
    """Blocks of lines in reading order; each block is one column of one band."""
    gutter = _gutter(lines)
    if gutter is None:
        return [[_make_line(line.chars, line.spaces) for line in lines]]
    g0, g1 = gutter
    mid = (g0 + g1) / 2
    blocks: list[list[_Line]] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines:
        if any(s.x0 < g0 - 1 and s.x1 > g1 + 1 for s in line.segments):
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


def _reflow(block: list[_Line], gap_limit: float) -> list[list[_Line]]:
    """Group the lines of one column into logical lines (wrapped lines joined)."""
    if not block:
        return []
    right = max(line.x1 for line in block)
    left = min(line.x0 for line in block)
    groups: list[list[_Line]] = [[block[0]]]
    for prev, line in zip(block, block[1:]):
        gap = line.top - prev.bottom
        ptext = prev.text.rstrip()
        same_style = abs(prev.size - line.size) < 0.5 and not prev.heading and not line.heading
        joinable = (same_style and -2 < gap <= gap_limit and not _starts_bullet(line)
                    and line.x0 <= prev.x0 + 3 * line.size + 1 and line.x0 >= left - 2)
        hyphen = bool(re.search(r"[A-Za-z]-$", ptext)) and ptext[-2:-1].isalpha()
        wraps = right - prev.x1 < line.first_word + 0.6 * line.size and prev.x1 - left > 0.5 * (right - left)
        if joinable and (wraps or (hyphen and line.text[:1].islower())):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _join(group: list[_Line]) -> list[tuple[str, bool | None]]:
    pieces: list[tuple[str, bool | None]] = list(group[0].pieces)
    for line in group[1:]:
        prev_text = "".join(t for t, _ in pieces).rstrip()
        nxt = line.text.lstrip()
        while pieces and pieces[-1][0] == " ":
            pieces.pop()
        if re.search(r"[A-Za-z]-$", prev_text) and nxt[:1].islower():
            last, bold = pieces.pop()
            if last[:-1]:
                pieces.append((last[:-1], bold))
        elif prev_text.endswith("-") or (prev_text and nxt and _is_cjk(prev_text[-1]) and _is_cjk(nxt[0])):
            pass
        else:
            pieces.append((" ", None))
        pieces.extend(line.pieces)
    return pieces


def _render(pieces: list[tuple[str, bool | None]], heading: int) -> str:
    text = "".join(t for t, _ in pieces).strip()
    if heading:
        return "#" * heading + " " + text
    styled = [(t, b) for t, b in pieces if b is not None and t.strip() and t.strip() not in _BULLETS]
    if not styled or not any(b for _, b in styled):
        return text
    if all(b for _, b in styled):  # a bold line (bullet glyphs aside)
        m = re.match(r"^([•·▪●◆◇■□○◦‣⁃∙・◼◾➢➤►▶❖✓✔]\s*)?(.*)$", text)
        assert m is not None
        return f"{m[1] or ''}**{m[2]}**"
    out: list[str] = []
    in_bold = False
    pending = ""
    for t, b in pieces:
        if b is None or not t.strip():
            pending += t
            continue
        if b and not in_bold:
            out.append(pending + "**")
            in_bold = True
        elif not b and in_bold:
            out.append("**" + pending)
            in_bold = False
        else:
            out.append(pending)
        pending = ""
        out.append(t)
    if in_bold:
        out.append("**")
    return "".join(out).strip()


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
    usual_gap = statistics.median(gaps) if gaps else 0.3 * body
    gap_limit = usual_gap + 0.25 * body
    for blocks in page_blocks:
        for block in blocks:
            for line in block:
                text = line.text.strip()
                if line.size >= body * 1.15 and 0 < len(text) <= 80:
                    line.heading = 1 if line.size >= body * 1.6 else 2

    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for number, blocks in enumerate(page_blocks, start=1):
        page_lines: list[str] = []
        for block in blocks:
            prev_bottom: float | None = None
            for group in _reflow(block, gap_limit):
                head = group[0]
                if prev_bottom is not None and head.top - prev_bottom > gap_limit and page_lines and page_lines[-1]:
                    page_lines.append("")
                page_lines.append(_render(_join(group), head.heading))
                prev_bottom = group[-1].bottom
            if page_lines and page_lines[-1]:
                page_lines.append("")
        while page_lines and not page_lines[-1]:
            page_lines.pop()
        if not page_lines:
            continue
        if out:
            out.append("\n\n")
            length += 2
        offsets.append((length, number))
        chunk = "\n".join(page_lines)
        out.append(chunk)
        length += len(chunk)
    return "".join(out) + "\n", offsets
