"""Reading order for text that a converter flattened from two columns side by side.

OCR and ``pdftotext -layout`` write a two-column resume line by line across both columns::

    Contact                        Experience
    Boston, MA                     Senior Data Scientist
                                   • Built demand forecasting ...

Read as it stands, every line mixes a sidebar item with a job. :func:`unzip_columns` finds
a gutter (a character column where lines break with a wide gap, and where some lines start
after a long indent because their left cell is empty) and returns the left column followed
by the right column. A right-aligned column of dates or places (``Engineer, Stripe    Jun
2021 – Present``) is *not* a second column: its right cells are short and no line holds a
right cell alone, so the text is left as it is.
"""

from __future__ import annotations

from collections import Counter

import regex

__all__ = ["unzip_columns"]

_GAP = regex.compile(r"(?<=\S)[ ]{3,}(?=\S)")
_INDENT = regex.compile(r"^[ ]{12,}(?=\S)")
_MIN_SPLIT_LINES = 3
_MIN_RIGHT_ONLY = 3


def _candidates(lines: list[str]) -> Counter:
    """Column positions where a right cell starts, counted over lines."""
    votes: Counter = Counter()
    for line in lines:
        if "\t" in line or "   " not in line:  # a gap and an indent are 3+ spaces
            continue
        for m in _GAP.finditer(line):
            votes[m.end()] += 1
        m = _INDENT.match(line)
        if m:
            votes[m.end()] += 1
    return votes


def _split_at(line: str, col: int) -> tuple[str, str] | None:
    """(left, right) cells of ``line`` at gutter ``col`` (±2), or None if text crosses it."""
    if len(line) <= col - 2:
        return line.rstrip(), ""
    for c in range(max(col - 2, 0), col + 3):
        if c <= len(line) and (c == 0 or line[c - 1] == " ") and (c >= len(line) or line[c] != " "):
            left = line[:c]
            if not left.strip() or left.endswith("  ") or c < 3:
                return left.rstrip(), line[c:].strip()
    return None


def _mostly_dates(cells: list[str]) -> bool:
    """True when most left cells are nothing but a date or date range."""
    from .extract.dates import find_dates

    if not cells:
        return False
    only_dates = 0
    for cell in cells:
        found = find_dates(cell.strip())
        if found and sum(d.end - d.start for d in found) >= 0.8 * len(cell.strip()):
            only_dates += 1
    return only_dates >= 0.6 * len(cells)


def unzip_columns(text: str) -> str:
    """``text`` in reading order: the left column, then the right one (see module docstring)."""
    lines = text.split("\n")
    if len(lines) < 6:
        return text
    votes = _candidates(lines)
    if not votes:
        return text
    # merge neighbouring positions (OCR jitters by a character or two)
    best_col, best_votes = 0, 0
    for col in votes:
        total = sum(votes.get(c, 0) for c in range(col - 2, col + 3))
        if total > best_votes or (total == best_votes and col < best_col):
            best_col, best_votes = col, total
    if best_col < 15:
        return text
    split = right_only = crossing = 0
    cells: list[tuple[str, str]] = []
    for line in lines:
        if not line.strip():
            cells.append(("", ""))
            continue
        cut = _split_at(line, best_col)
        if cut is None:
            crossing += 1
            cells.append((line.rstrip(), ""))
            continue
        left, right = cut
        if left.strip() and right:
            split += 1
        elif right:
            right_only += 1
        cells.append((left, right))
    content = sum(1 for line in lines if line.strip())
    if split < _MIN_SPLIT_LINES or right_only < _MIN_RIGHT_ONLY or crossing > 0.2 * content:
        return text
    if _mostly_dates([left for left, right in cells if left.strip() and right]):
        return text  # "2019 – 2021    Company": a column of dates belongs to its rows

    left_col = [left for left, _ in cells]
    right_col = [right for left, right in cells if right or not left]  # keep the blank lines
    return "\n".join(left_col).rstrip("\n") + "\n\n" + "\n".join(right_col) + "\n"
