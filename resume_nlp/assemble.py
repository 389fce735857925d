"""Assembly: basics mentions and (merged) drafts become a validated :class:`Profile`.

This is the edge where internal dataclasses become pydantic models. It also computes
provenance (``profile.spans``) and ``meta.unparsed``: every non-empty piece of text that no
value, label or heading covered.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any, Iterable

import regex

from .document import Document
from .errors import Warnings
from .normalize import NormalizedText
from .models import (
    GPA, Award, Basics, BiText, Certificate, Education, JobIntention, LanguageTest, Location, Meta,
    Profile, Project, Publication, Rank, Reference, SectionInfo, Skill, SocialProfile, SpokenLanguage, Work,
)
from .spans import Draft, Mention

__all__ = ["assemble", "bitext_fields"]

# Fields whose values are BiText (one variant per language), per draft kind; see the contract.
# Publication titles, skill, certificate and reference names stay plain strings.
_BITEXT_BY_KIND: dict[str, frozenset[str]] = {
    "education": frozenset({"institution", "degree_raw", "field", "department", "highlights"}),
    "work": frozenset({"organization", "position", "team", "supervisor", "highlights"}),
    "projects": frozenset({"name", "organization", "role", "team", "supervisor", "highlights"}),
    "awards": frozenset({"title"}),
    "summary": frozenset({"text"}),
    "headline": frozenset({"text"}),
    "interests": frozenset({"text"}),
    "job_intention": frozenset({"positions", "locations"}),
}


def bitext_fields(kind: str) -> frozenset[str]:
    """Names of the BiText fields of a draft of ``kind``."""
    return _BITEXT_BY_KIND.get(kind, frozenset())

_ENTRY_MODELS: dict[str, type] = {
    "education": Education, "work": Work, "projects": Project, "publications": Publication,
    "awards": Award, "skills": Skill, "certificates": Certificate, "references": Reference,
}

# basics fields that hold one value (the best-scored mention wins) vs lists (all, in order)
_BASICS_SINGLE = ("gender", "birth_date", "ethnicity", "political_status", "nationality", "location")
_BASICS_LISTS = ("emails", "phones", "urls", "profiles")


# The document being assembled, so text values can be given back with their punctuation as
# written (NormalizedText.as_written); per context, so threads assembling at once do not mix.
_NORM: ContextVar[NormalizedText | None] = ContextVar("resume_nlp_assemble_norm", default=None)


def _bitext(variants: list[Mention]) -> BiText | None:
    norm = _NORM.get()
    values: dict[str, str] = {}
    for m in variants:
        text = str(m.value).strip() if m.value is not None else ""
        if text and m.lang not in values:
            values[m.lang] = norm.as_written(text, m.start, m.end) if norm is not None else text
    return BiText(**values) if values else None


def _plain(variants: list[Mention]) -> Any:
    return variants[0].value if variants else None


def _model_value(name: str, value: Any) -> Any:
    if name == "location" and isinstance(value, dict):
        return Location(**value)
    if name == "rank" and isinstance(value, dict):
        return Rank(**value)
    return value


def _model_fields(kind: str) -> frozenset[str] | None:
    model = _ENTRY_MODELS.get(kind) or (SpokenLanguage if kind == "languages" else None)
    return frozenset(model.model_fields) if model is not None else None


def draft_to_dict(draft: Draft) -> dict[str, Any]:
    """Field values of a draft as plain data ready for the entry model.

    A field the entry's model does not have (a project's ``url`` on a job the merger paired it
    with) is not output; its text stays covered through ``draft.consumed``.
    """
    out: dict[str, Any] = {}
    bitext = bitext_fields(draft.kind)
    allowed = _model_fields(draft.kind)
    if allowed is not None:
        for name in [n for n in draft.fields if n not in allowed]:
            draft.consumed.extend(draft.fields.pop(name))
        for name in [n for n in draft.lists if n not in allowed]:
            draft.consumed.extend(m for item in draft.lists.pop(name) for m in item)
    for name, variants in draft.fields.items():
        if not variants:
            continue
        out[name] = _bitext(variants) if name in bitext else _model_value(name, _plain(variants))
    for name, items in draft.lists.items():
        if name in bitext:
            out[name] = [b for b in (_bitext(item) for item in items) if b is not None]
        elif name == "gpa":
            gpas = [GPA(**item[0].value) for item in items if item]
            out[name] = gpas[0] if len(gpas) == 1 else (gpas or None)
        elif name == "tests":
            out[name] = [LanguageTest(**item[0].value) for item in items if item]
        else:
            out[name] = [item[0].value for item in items if item]
    return out


def _record(spans: dict[str, list[tuple[int, int]]], path: str, mentions: Iterable[Mention]) -> None:
    for m in mentions:
        if m.end > m.start:
            spans.setdefault(path, []).append((m.start, m.end))


def _build_basics(mentions: list[Mention], spans: dict[str, list[tuple[int, int]]],
                  drafts: list[Draft]) -> Basics:
    by_field: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.field.startswith("basics."):
            by_field.setdefault(m.field[len("basics."):], []).append(m)
    data: dict[str, Any] = {}
    # name / headline / summary: best variant per language
    for name in ("name", "headline", "summary"):
        cands = sorted(by_field.get(name, []), key=lambda m: -m.score)
        chosen: list[Mention] = []
        for m in cands:
            if m.lang not in {c.lang for c in chosen}:
                chosen.append(m)
        if chosen:
            data[name] = _bitext(chosen)
            _record(spans, f"basics.{name}", chosen)
    for name in _BASICS_SINGLE:
        cands = sorted(by_field.get(name, []), key=lambda m: -m.score)
        if cands:
            data[name] = _model_value(name, cands[0].value)
            _record(spans, f"basics.{name}", cands[:1])
    for name in _BASICS_LISTS:
        seen: set[str] = set()
        values = []
        for m in by_field.get(name, []):
            key = repr(sorted(m.value.items())) if isinstance(m.value, dict) else str(m.value).casefold()
            if key in seen:
                _record(spans, f"basics.{name}[{values_index(values, m.value)}]", [m])
                continue
            seen.add(key)
            _record(spans, f"basics.{name}[{len(values)}]", [m])
            values.append(SocialProfile(**m.value) if name == "profiles" else m.value)
        if values:
            data[name] = values
    # summary / headline drafts from their own sections
    for draft in drafts:
        if draft.kind in ("summary", "headline") and draft.kind not in data:
            text = draft.fields.get("text")
            if text:
                data[draft.kind] = _bitext(text)
                _record(spans, f"basics.{draft.kind}", text)
    return Basics(**data)


def values_index(values: list[Any], value: Any) -> int:
    for i, v in enumerate(values):
        if v == value or (isinstance(v, str) and isinstance(value, str) and v.casefold() == value.casefold()):
            return i
    return 0


def _paths_for(m: Mention, spans: dict[str, list[tuple[int, int]]]) -> list[str]:
    prefix = m.field
    return [p for p in spans if p == prefix or p.startswith(prefix + "[")]


def _spans_by_field(spans: dict[str, list[tuple[int, int]]]) -> dict[str, set[tuple[int, int]]]:
    """The recorded spans of every field: ``"basics.emails"`` gathers ``basics.emails[0]``,
    ``basics.emails[1]`` ... (the paths :func:`_paths_for` gives for a mention of that field)."""
    out: dict[str, set[tuple[int, int]]] = {}
    for path, ss in spans.items():
        out.setdefault(path.split("[", 1)[0], set()).update(ss)
    return out


def _covered(mentions: Iterable[Mention], drafts: Iterable[Draft]) -> list[tuple[int, int]]:
    intervals = [(m.start, m.end) for m in mentions if m.end > m.start]
    for d in drafts:
        intervals += [(m.start, m.end) for m in d.mentions() if m.end > m.start]
    intervals.sort()
    merged: list[tuple[int, int]] = []
    for s, e in intervals:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


_LAYOUT_ONLY = regex.compile(r"^[\p{P}\p{S}\s]*$")


def unparsed_fragments(doc: Document, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Uncovered text, one fragment per line run; pure punctuation/symbols count as layout."""
    text = doc.text
    heading_lines = {(s.start) for s in doc.sections if s.heading is not None}
    out: list[tuple[int, int]] = []
    ci = 0
    for line in doc.lines:
        if line.start in heading_lines:
            continue
        pos = line.start
        while ci < len(covered) and covered[ci][1] <= line.start:
            ci += 1
        k = ci
        while pos < line.end:
            while k < len(covered) and covered[k][1] <= pos:
                k += 1
            if k < len(covered) and covered[k][0] <= pos:
                pos = covered[k][1]
                continue
            nxt = covered[k][0] if k < len(covered) else line.end
            stop = min(nxt, line.end)
            chunk = text[pos:stop]
            if chunk.strip() and not _LAYOUT_ONLY.match(chunk):
                lead = len(chunk) - len(chunk.lstrip())
                trail = len(chunk.rstrip())
                out.append((pos + lead, pos + trail))
            pos = stop
    return out


def assemble(doc: Document, mentions: list[Mention], drafts: list[Draft],
             conflicts: list[dict[str, Any]] | None = None, warnings: list[str] | None = None) -> Profile:
    """Build the Profile; ``drafts`` are already merged across languages and in output order."""
    token = _NORM.set(doc.norm)
    try:
        return _assemble(doc, mentions, drafts, conflicts, warnings)
    finally:
        _NORM.reset(token)


def _assemble(doc: Document, mentions: list[Mention], drafts: list[Draft],
              conflicts: list[dict[str, Any]] | None, warnings: list[str] | None) -> Profile:
    spans: dict[str, list[tuple[int, int]]] = {}
    basics = _build_basics(mentions, spans, drafts)
    lists: dict[str, list[Any]] = {k: [] for k in (*_ENTRY_MODELS, "languages", "interests")}
    job: dict[str, Any] = {}
    for draft in drafts:
        kind = draft.kind
        if kind in _ENTRY_MODELS:
            path = f"{kind}[{len(lists[kind])}]"
            lists[kind].append(_ENTRY_MODELS[kind](**draft_to_dict(draft)))
        elif kind == "languages":
            path = f"languages[{len(lists['languages'])}]"
            lists["languages"].append(SpokenLanguage(**draft_to_dict(draft)))
        elif kind == "interests":
            path = f"interests[{len(lists['interests'])}]"
            b = _bitext(draft.fields.get("text", []))
            if b is None:
                continue
            lists["interests"].append(b)
        elif kind == "job_intention":
            path = "job_intention"
            values = draft_to_dict(draft)
            for key in ("positions", "locations"):
                job.setdefault(key, []).extend(values.get(key, []))
            if values.get("salary") and not job.get("salary"):
                job["salary"] = values["salary"]
        else:
            continue  # summary / headline are in basics
        for name, variants in draft.fields.items():
            _record(spans, f"{path}.{name}", variants)
        for name, items in draft.lists.items():
            for i, item in enumerate(items):
                _record(spans, f"{path}.{name}[{i}]", item)
        # labels, separators and repeated copies the entry consumed: covered, not output
        _record(spans, f"{path}._consumed", draft.consumed)

    # 期望职位 / 期望城市 / 期望薪资 key-value lines found by the basics extractor
    for m in mentions:
        if m.field in ("job_intention.positions", "job_intention.locations"):
            key = m.field.split(".", 1)[1]
            b = _bitext([m])
            if b is not None and b not in job.get(key, []):  # the section parser may have it already
                _record(spans, f"job_intention.{key}[{len(job.get(key, []))}]", [m])
                job.setdefault(key, []).append(b)
        elif m.field == "job_intention.salary" and not job.get("salary"):
            job["salary"] = str(m.value)
            _record(spans, "job_intention.salary", [m])

    # Only what reached the profile (and consumed layout) covers text: a losing candidate,
    # such as an OCR-garbled name line outvoted by the email's evidence, stays in meta.unparsed.
    used = [m for m in mentions if m.field.startswith("_")]
    recorded = _spans_by_field(spans)  # one index, not a scan of every path per mention
    used += [m for m in mentions if m.field.startswith(("basics.", "job_intention.")) and m.end > m.start
             and (m.start, m.end) in recorded.get(m.field, ())]
    _record(spans, "_consumed", [m for m in mentions if m.field.startswith("_")])
    covered = _covered(used, drafts)
    fragments = unparsed_fragments(doc, covered)
    unparsed = []
    for i, (s, e) in enumerate(fragments):
        unparsed.append(doc.text[s:e])
        spans[f"meta.unparsed[{i}]"] = [(s, e)]
    warns = list(warnings or [])
    if not any(sec.heading for sec in doc.sections) and doc.text.strip():
        warns.append(Warnings.W003)
    meta = Meta(
        languages=[lang for lang in doc.languages if lang in ("en", "zh")],
        sections=[SectionInfo(kind=s.kind, heading=s.heading, lang=s.lang, start=s.start, end=s.end, page=s.page)
                  for s in doc.sections],
        conflicts=conflicts or [],
        warnings=warns,
        unparsed=unparsed,
    )
    profile = Profile(
        basics=basics,
        education=lists["education"], work=lists["work"], projects=lists["projects"],
        publications=lists["publications"], awards=lists["awards"], skills=lists["skills"],
        languages=lists["languages"], certificates=lists["certificates"], references=lists["references"],
        interests=lists["interests"], job_intention=JobIntention(**job) if job else None, meta=meta,
    )
    profile._spans = spans
    profile._text = doc.text
    return profile
