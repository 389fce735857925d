"""Views of a Profile for people: a readable text summary, HTML for notebooks, flat rows."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .models import Profile

__all__ = ["profile_text", "profile_html", "to_rows"]

_ENTRY_LABELS = {
    "education": ("institution", "degree", "field"),
    "work": ("organization", "position", "type"),
    "projects": ("name", "organization", "role"),
    "publications": ("title", "venue", "year"),
    "awards": ("title", "date", "issuer"),
    "certificates": ("name", "issuer", "date"),
    "references": ("name", "email", "relation"),
}


def _s(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return " / ".join(str(v) for k, v in value.items() if v and k in ("en", "zh")) or ", ".join(
            f"{k}={v}" for k, v in value.items() if v)
    return str(value)


def to_rows(profile: "Profile") -> list[dict[str, str]]:
    """One flat row per entry (section, index, label fields, dates): ready for ``pandas.DataFrame``."""
    data = profile.to_dict()
    rows = []
    for section, labels in _ENTRY_LABELS.items():
        for i, entry in enumerate(data.get(section, [])):
            row = {"section": section, "index": str(i)}
            for label in labels:
                row[label] = _s(entry.get(label))
            row["start"] = _s(entry.get("start") or entry.get("date"))
            row["end"] = _s(entry.get("end"))
            rows.append(row)
    return rows


def profile_text(profile: "Profile") -> str:
    """A readable plain-text summary (``resume-nlp parse --format pretty``)."""
    data = profile.to_dict()
    b = data.get("basics", {})
    lines = [f"Name:     {_s(b.get('name'))}"]
    for key in ("emails", "phones", "urls"):
        if b.get(key):
            lines.append(f"{key.capitalize() + ':':<9} {', '.join(b[key])}")
    for p in b.get("profiles", []):
        lines.append(f"Profile:  {p.get('network')} {p.get('username') or p.get('url') or ''}")
    for section, labels in _ENTRY_LABELS.items():
        entries = data.get(section, [])
        if not entries:
            continue
        lines.append("")
        lines.append(section.upper())
        for e in entries:
            dates = " - ".join(x for x in (_s(e.get("start")), _s(e.get("end"))) if x)
            head = " | ".join(x for x in (_s(e.get(k)) for k in labels) if x)
            lines.append(f"  {head}{'  (' + dates + ')' if dates else ''}")
    if data.get("skills"):
        lines.append("")
        lines.append("SKILLS")
        lines.append("  " + ", ".join(s["name"] + (f" ({s['level']})" if s.get("level") else "") for s in data["skills"]))
    meta = data.get("meta", {})
    lines.append("")
    lines.append(f"languages: {', '.join(meta.get('languages', []))}; sections: "
                 f"{', '.join(s['kind'] for s in meta.get('sections', []))}; "
                 f"unparsed fragments: {len(meta.get('unparsed', []))}; conflicts: {len(meta.get('conflicts', []))}")
    return "\n".join(lines)


def profile_html(profile: "Profile") -> str:
    """HTML tables for notebooks (``Profile._repr_html_``)."""
    data = profile.to_dict()
    b = data.get("basics", {})
    parts = [f"<h3>{html.escape(_s(b.get('name')) or 'Profile')}</h3>"]
    contact = [html.escape(x) for k in ("emails", "phones", "urls") for x in b.get(k, [])]
    if contact:
        parts.append("<p>" + " · ".join(contact) + "</p>")
    rows = to_rows(profile)
    if rows:
        cols = ["section", "start", "end"] + sorted({k for r in rows for k in r} - {"section", "index", "start", "end"})
        parts.append("<table><thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in cols) + "</tr></thead><tbody>")
        for r in rows:
            parts.append("<tr>" + "".join(f"<td>{html.escape(r.get(c, ''))}</td>" for c in cols) + "</tr>")
        parts.append("</tbody></table>")
    if data.get("skills"):
        parts.append("<p><b>Skills:</b> " + html.escape(", ".join(s["name"] for s in data["skills"])) + "</p>")
    return "\n".join(parts)
