"""Styled runs -> the markdown cues ``normalize`` reads: ``**bold**`` and ``*italic*``.

Shared by the PDF and DOCX readers. A piece is ``(text, style)`` with style ``"b"`` (bold,
bold italic included), ``"i"`` (italic), ``""`` (plain) or ``None`` (white space the reader
inserted). White space between two runs of one style stays inside the run. ``*italic*`` is
written only where ``normalize`` reads it back as italics (no ``*`` inside, no word
character touching the markers), so no stray asterisk ever reaches the text.
"""

from __future__ import annotations

import re

BULLET_GLYPHS = "•·▪●◆◇■□○◦‣⁃∙・◼◾➢➤►▶❖✓✔"
_LEAD_BULLET = re.compile(rf"^([{BULLET_GLYPHS}]\s*)?(.*)$", re.S)

Piece = tuple[str, "str | None"]


def italic_ok(body: str, before: str, after: str) -> bool:
    """``*body*`` between ``before`` and ``after`` reads back as italics in ``normalize``."""
    return (bool(body) and "*" not in body and not body[0].isspace() and not body[-1].isspace()
            and not (before[-1:].isalnum() or (before[-1:] and before[-1] in "*\\_"))
            and not (after[:1].isalnum() or (after[:1] and after[0] in "*_")))


def styled_markdown(pieces: list[Piece], bullets: str = BULLET_GLYPHS + "-–*") -> str:
    """One line of styled pieces as text with ``**``/``*`` runs (stripped)."""
    text = "".join(t for t, _ in pieces).strip()
    styled = [(t, st) for t, st in pieces if st is not None and t.strip() and t.strip() not in bullets]
    if not styled or not any(st for _, st in styled):
        return text
    kinds = {st for _, st in styled}
    if len(kinds) == 1:  # the whole line in one style (bullet glyphs aside)
        m = _LEAD_BULLET.match(text)
        assert m is not None
        lead, body = m[1] or "", m[2]
        if "b" in kinds:
            return f"{lead}**{body}**"
        return f"{lead}*{body}*" if italic_ok(body, lead, "") else text
    runs: list[list] = []  # [style, text]; style None: white space between runs
    pending = ""
    for t, st in pieces:
        if st is None or not t.strip():
            pending += t
            continue
        if not runs and t.strip() in bullets:
            st = ""  # a leading bullet glyph stays outside the markers
        if runs and runs[-1][0] == st:
            runs[-1][1] += pending + t
        else:
            if pending:
                runs.append([None, pending])
            runs.append([st, t])
        pending = ""
    out: list[str] = []
    for i, (st, t) in enumerate(runs):
        lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", t, re.S).groups()
        if st == "b" and core:
            out.append(f"{lead}**{core}**{trail}")
        elif st == "i" and core:
            nxt = runs[i + 1] if i + 1 < len(runs) else None
            after = "" if nxt is None else "*" if nxt[0] == "b" else nxt[1]
            after = trail + after
            out.append(f"{lead}*{core}*{trail}" if italic_ok(core, "".join(out) + lead, after) else t)
        else:
            out.append(t)
    return "".join(out).strip()
