"""A compiled-pattern cache for regular expressions written inline, and word-list alternations.

``regex.search(r"...", text)`` looks the pattern up in the regex module's own cache on every
call, which costs 5-20 µs; on hot paths that adds up to milliseconds per resume.
``pattern(r"...").search(text)`` keeps the inline style at the cost of one dict lookup.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterable

import regex

__all__ = ["pattern", "literal_alternation", "LABEL_PADDING"]

# what Chinese forms put between the characters of a short label to align it with longer ones
# (姓    名 / 性　　别 over 出生年月): ASCII or ideographic spaces, never a line or cell break
LABEL_PADDING = r"[ \u3000]*"

# the empty position between two Han characters (zero-width, so 出生年月 gets all three)
_HAN_PAIR = regex.compile(r"(?<=\p{Han})(?=\p{Han})")
_GAP_MARK = "\x00"  # a private stand-in for the gap while the forms are nested; not in any label


@lru_cache(maxsize=None)
def pattern(source: str, flags: int = 0) -> "regex.Pattern[str]":
    """``regex.compile(source, flags)``, compiled once per process."""
    return regex.compile(source, flags)


def literal_alternation(forms: Iterable[str], *, ignore_case: bool = False, space: str | None = None,
                        han_gap: str | None = None) -> str:
    """Pattern source matching any of the literal ``forms``, the longest first.

    The regex module tries an alternation's branches one after another at every position it
    scans; a lookahead for the forms' first characters lets the positions where none can
    start (most of them) fail at once, and the forms are nested by their common prefixes
    (``java(?:script|)``), so a position where some can start tries only those, not every
    form. Pass ``ignore_case`` when the source is used case-insensitively (``(?i:...)`` or
    ``regex.I``): prefixes are then shared across case. ``space``: the pattern a space in a
    form stands for (``r" ?"``); forms are not nested at their spaces. ``han_gap``: a pattern
    allowed between two adjacent Han characters of a form (``LABEL_PADDING``): Chinese forms
    pad short labels to a column's width (``姓    名``, ``性　　别``). Matches are those of the plain
    alternation of the forms, longest first. The source suits the ``re`` module too.
    """
    ordered = sorted(forms, key=len, reverse=True)
    if han_gap is not None:  # the gap is a character of its own, nested like any other
        ordered = [_HAN_PAIR.sub(_GAP_MARK, f) for f in ordered]
    if not ordered:
        return "(?!)"
    tree = "(?:" + "|".join(_prefix_tree(ordered, ignore_case, space)) + ")"
    if han_gap is not None:
        tree = tree.replace(_GAP_MARK, "(?:" + han_gap + ")")
    if space is not None and any(f[0] == " " for f in ordered):
        return tree  # such a form may start with the character after its space
    first = "".join(sorted({regex.escape(f[0]) for f in ordered}))
    return "(?=[" + first + "])" + tree


def _branch_key(ch: str, ignore_case: bool, space: str | None) -> str | None:
    """The prefix group of a form starting with ``ch``; None when grouping might not be exact.

    Two groups must never match the same character, or their order would matter.
    Case-insensitively that holds for ASCII letters grouped by lower case, and for caseless
    characters (Han, digits, signs). Other letters (ı, ſ, K-sign, å ...) have case partners
    that the regex module pairs by its own tables, so they are not grouped. A space that
    stands for a pattern is not grouped either.
    """
    if ch == " " and space is not None:
        return None
    if not ignore_case or (ch.isascii() and not ch.isalpha()):
        return ch
    if ch.isascii():
        return ch.lower()
    if ch.lower() == ch.upper() == ch.casefold() == ch and not unicodedata.category(ch).startswith("M"):
        return ch
    return None


def _prefix_tree(ordered: list[str], ignore_case: bool, space: str | None) -> list[str]:
    """Branches of an alternation of ``ordered`` (longest first), common first characters
    factored out.

    Within a group the forms keep their order, and a form that ends here (the empty rest) is
    the shortest, so it stays last: the first branch to match is the same as before.
    """
    groups: dict[str, list[str]] = {}
    ends_here = False
    for form in ordered:
        if not form:
            ends_here = True
            continue
        key = _branch_key(form[0], ignore_case, space)
        if key is None:
            return [_escape(f, space) for f in ordered]
        groups.setdefault(key, []).append(form)
    branches = []
    for members in groups.values():
        if len(members) == 1:
            branches.append(_escape(members[0], space))
        elif {f[0] for f in members} == {"i", "I"}:
            # case-insensitively the regex module matches "i" to İ and "I" to ı: no shared
            # head, the group's forms one by one
            branches += [_escape(f, space) for f in members]
        else:  # case-insensitively, any member's first character stands for all
            rest = _prefix_tree([f[1:] for f in members], ignore_case, space)
            head = regex.escape(members[0][0])
            branches.append(head + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"))
    if ends_here:
        branches.append("")
    return branches


def _escape(form: str, space: str | None) -> str:
    """``form`` as a literal, its spaces standing for ``space`` when given."""
    source = regex.escape(form)
    return source if space is None else source.replace("\\ ", space)
