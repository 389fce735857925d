"""Reconcile drafts into the profile's entries, in resume order.

A resume in one language keeps its drafts as they are. When a document holds both English
and Chinese entries, :func:`resume_nlp.bilingual.merge_bilingual` aligns the two versions.
"""

from __future__ import annotations

from typing import Any

from .document import Document
from .settings import Settings
from .spans import Draft

__all__ = ["merge"]


def merge(doc: Document, drafts: list[Draft], settings: Settings) -> tuple[list[Draft], list[dict[str, Any]]]:
    """Returns ``(drafts, conflicts)``; conflicts are ``meta.conflicts`` items."""
    drafts = sorted(drafts, key=lambda d: d.start)
    langs = {d.lang for d in drafts}
    if {"en", "zh"} <= langs:
        from .bilingual import merge_bilingual

        return merge_bilingual(doc, drafts, settings)
    return drafts, []
