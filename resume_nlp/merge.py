"""Reconcile drafts into the profile's entries, in resume order.

Two steps:

1. Within one language, a fact two parsers both found (an award in an education bullet that the
   award parser also takes, a TOEFL score in education and an English entry under Languages,
   the same skill in two sections) becomes one draft.
2. When a document holds both English and Chinese entries,
   :func:`resume_nlp.bilingual.merge_bilingual` aligns the two versions.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable

from .document import Document
from .settings import Settings
from .spans import Draft

__all__ = ["merge", "dedupe", "text_key"]


_NOT_WORD = re.compile(r"[\W_]+")  # compiled once: text_key runs for every value merged


def text_key(value: Any) -> str:
    """Identity of a text across case, width and punctuation: 'Co., Ltd.' == 'co ltd'."""
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    return _NOT_WORD.sub("", text)


def _titled(field: str) -> Callable[[Draft], str | None]:
    def key(d: Draft) -> str | None:
        variants = d.fields.get(field)
        if not variants:
            return None
        return "|".join(sorted(f"{m.lang}:{text_key(m.value)}" for m in variants))
    return key


def _skill(d: Draft) -> str | None:
    from .bilingual import skill_key

    name = d.get("name")
    return skill_key(str(name)) if name else None


def _language(d: Draft) -> str | None:
    code = d.get("language")
    return str(code).casefold() if code else None


# Kinds whose drafts identify the same fact by a key; entries (education, work, projects)
# are never merged within one language: two jobs at one company are two jobs.
_KEYS: dict[str, Callable[[Draft], str | None]] = {
    "awards": _titled("title"),
    "publications": _titled("title"),
    "certificates": _titled("name"),
    "references": _titled("name"),
    "interests": _titled("text"),
    "skills": _skill,
    "languages": _language,
}


def _absorb(keep: Draft, dup: Draft) -> None:
    """Fill ``keep``'s missing values from ``dup``; what ``dup`` repeats is covered, not output."""
    for name, variants in dup.fields.items():
        if not keep.fields.get(name):
            keep.fields[name] = variants
        else:
            keep.consumed.extend(variants)
    for name, items in dup.lists.items():
        have = {text_key(item[0].value if not isinstance(item[0].value, dict) else item[0].value.get("name"))
                for item in keep.lists.get(name, []) if item}
        for item in items:
            value = item[0].value if item else None
            key = text_key(value.get("name") if isinstance(value, dict) else value)
            if item and key not in have:
                keep.lists.setdefault(name, []).append(item)
                have.add(key)
            else:
                keep.consumed.extend(item)
    keep.consumed.extend(dup.consumed)
    keep.start, keep.end = min(keep.start, dup.start), max(keep.end, dup.end)
    keep.langs |= dup.langs


# Kinds whose two language versions can state the same title verbatim (an English paper title in
# the Chinese version): in a bilingual document they are deduplicated within one version only, so
# the bilingual merger aligns the versions and records where they disagree (a year, a venue).
_PER_VERSION = frozenset({"publications", "awards", "certificates"})


def dedupe(drafts: list[Draft], *, bilingual: bool = False, doc: Document | None = None) -> list[Draft]:
    """Drafts of the same fact in the same language merged into the first of them.

    With ``bilingual``, drafts of the kinds in ``_PER_VERSION`` are only merged with drafts of
    the same language version (:func:`resume_nlp.bilingual.entry_lang`).
    """
    from .bilingual import entry_lang

    first: dict[tuple[str, ...], Draft] = {}
    out: list[Draft] = []
    for d in drafts:
        key_fn = _KEYS.get(d.kind)
        key = key_fn(d) if key_fn else None
        if key is None:
            out.append(d)
            continue
        ident: tuple[str, ...] = (d.kind, key)
        if bilingual and d.kind in _PER_VERSION:
            ident += (entry_lang(d, doc),)
        if ident in first:
            _absorb(first[ident], d)
            continue
        first[ident] = d
        out.append(d)
    return out


def merge(doc: Document, drafts: list[Draft], settings: Settings) -> tuple[list[Draft], list[dict[str, Any]]]:
    """Returns ``(drafts, conflicts)``; conflicts are ``meta.conflicts`` items."""
    from .bilingual import entry_lang, merge_bilingual

    drafts = sorted(drafts, key=lambda d: d.start)
    langs = {d.lang for d in drafts}
    # Line pairs under bilingual headings: every draft carries its section's language, but the
    # entries themselves are English or Chinese; only a document written in both counts.
    if doc is None or {"en", "zh"} <= set(getattr(doc, "languages", ()) or ()):
        langs |= {entry_lang(d, doc) for d in drafts}
    bilingual = {"en", "zh"} <= langs
    drafts = dedupe(drafts, bilingual=bilingual, doc=doc)
    if bilingual:
        return merge_bilingual(doc, drafts, settings)
    return drafts, []
