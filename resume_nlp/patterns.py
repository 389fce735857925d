"""A compiled-pattern cache for regular expressions written inline, and word-list alternations.

``regex.search(r"...", text)`` looks the pattern up in the regex module's own cache on every
call, which costs 5-20 µs; on hot paths that adds up to milliseconds per resume.
``pattern(r"...").search(text)`` keeps the inline style at the cost of one dict lookup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import regex

__all__ = ["pattern", "literal_alternation"]


@lru_cache(maxsize=None)
def pattern(source: str, flags: int = 0) -> "regex.Pattern[str]":
    """``regex.compile(source, flags)``, compiled once per process."""
    return regex.compile(source, flags)


def literal_alternation(forms: Iterable[str]) -> str:
    """Pattern source matching any of the literal ``forms``, the longest first.

    The regex module tries an alternation's branches one after another at every position it
    scans; a lookahead for the forms' first characters lets the positions where none can
    start (most of them) fail at once, which makes a scan for a word list several times
    faster. Under ``(?i:...)`` the lookahead is case-insensitive too, so matches are the same.
    """
    ordered = sorted(forms, key=len, reverse=True)
    if not ordered:
        return "(?!)"
    first = "".join(sorted({regex.escape(f[0]) for f in ordered}))
    return "(?=[" + first + "])(?:" + "|".join(regex.escape(f) for f in ordered) + ")"
