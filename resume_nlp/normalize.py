"""Normalize raw resume text into the one string every later stage addresses.

What changes (and why):

* Unicode NFKC, so full-width digits, letters and punctuation (``２０１８``, ``：``, ``（``)
  become ASCII and compatibility ideographs become their unified forms. Han text and
  CJK punctuation without an ASCII equivalent (``。``, ``、``) stay as they are.
* Markdown and PDF-to-text debris: ``**bold**``, ``*italic*``, ``\\_``, ``[text](url)``,
  ``#`` headings, HTML tags such as ``<sub>``, inline LaTeX (``$7^{th}/174$`` -> ``7th/174``,
  ``$2014 \\sim 2017$`` -> ``2014 ~ 2017``). Bold, italic, heading and link markup is removed
  from the text but kept as :class:`Mark` spans, because layout says what a line is.
* Icons (emoji and private-use glyphs that PDF converters leave before contact items) are
  removed and kept as ``icon`` marks. Bullets at the start of a line (``• · o ▪ - ・``) become
  ``•``.
* Control and zero-width characters are dropped, line ends become ``\\n``, trailing spaces
  are removed and runs of blank lines shrink to one.

``NormalizedText.to_raw(i)`` maps an offset back to the input.
"""

from __future__ import annotations

import bisect
import unicodedata
from array import array
from dataclasses import dataclass, field

import regex

__all__ = ["Mark", "NormalizedText", "normalize"]


@dataclass(frozen=True, slots=True)
class Mark:
    """Markup found on a span of the normalized text.

    kind: ``bold``, ``italic``, ``heading`` (value = level 1-6), ``link`` (value = target URL),
    ``icon`` (value = the glyph, start == end), ``bullet``.
    """

    kind: str
    start: int
    end: int
    value: object = None


# ASCII punctuation -> its full-width form (U+FF01-FF5E, one each), which NFKC folds into it
_FULLWIDTH_OF: dict[str, str] = {unicodedata.normalize("NFKC", chr(c)): chr(c)
                                  for c in range(0xFF01, 0xFF5F) if not chr(c).isalnum()}


@dataclass(slots=True)
class NormalizedText:
    text: str
    offsets: array  # offsets[i] = index in the raw input of normalized character i
    raw_length: int
    marks: list[Mark] = field(default_factory=list)
    raw: str = field(default="", repr=False)  # the input, for values given back as written
    # (sorted mark starts, longest mark) for marks_in, built on first use
    _mark_index: tuple[list[int], int] | None = field(default=None, repr=False, compare=False)

    def to_raw(self, index: int) -> int:
        """Raw-input offset of normalized offset ``index`` (``len(text)`` maps to the raw end)."""
        if index >= len(self.offsets):
            return self.raw_length
        return self.offsets[index]

    def as_written(self, value: str, start: int, end: int) -> str:
        """``value``, found in ``text[start:end]``, with the punctuation that NFKC made ASCII
        (``，；：（）！？``) written back as the input had it. Chinese text keeps its full-width
        punctuation in the output while the rules match one form; letters and digits stay
        normalized (``ＪＡＶＡ`` is output ``JAVA``)."""
        if not self.raw or not any(c in _FULLWIDTH_OF for c in value):
            return value
        at = self.text.find(value, start, end)
        if at < 0:
            return value
        chars = list(value)
        for i, c in enumerate(chars):
            if c in _FULLWIDTH_OF:
                source = self.raw[self.offsets[at + i]]
                if source == _FULLWIDTH_OF[c]:
                    chars[i] = source
        return "".join(chars)

    def marks_in(self, start: int, end: int, kind: str | None = None) -> list[Mark]:
        """Marks overlapping ``[start, end)`` (point marks such as icons: lying inside it)."""
        if self._mark_index is None:
            self._mark_index = ([m.start for m in self.marks], max((m.end - m.start for m in self.marks), default=0))
        starts, longest = self._mark_index
        lo = bisect.bisect_left(starts, start - longest)
        hi = bisect.bisect_left(starts, end)
        return [m for m in self.marks[lo:hi] if (kind is None or m.kind == kind)
                and ((m.start < end and m.end > start) or (m.start == m.end and start <= m.start < end))]


class _Builder:
    """Accumulates output text and, for every output character, its source offset."""

    __slots__ = ("parts", "offsets", "length")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = array("l")
        self.length = 0

    def emit(self, text: str, source: int) -> None:
        """Emit ``text`` whose characters all come from ``source``."""
        if text:
            self.parts.append(text)
            self.offsets.extend([source] * len(text))
            self.length += len(text)

    def copy(self, text: str, sources: array, start: int, end: int) -> None:
        """Emit ``text[start:end]`` keeping each character's own source."""
        if end > start:
            self.parts.append(text[start:end])
            self.offsets.extend(sources[start:end])
            self.length += end - start

    def result(self) -> tuple[str, array]:
        return "".join(self.parts), self.offsets


# --- pass 1: characters ------------------------------------------------------------------
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_NEWLINES = {"\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}
# Kept as they are although NFKC would change them: they carry meaning NFKC loses.
_KEEP = {"\u2026"}  # … -> "..." is harmless but breaks "etc…" spans; keep


def _is_icon(ch: str) -> bool:
    cp = ord(ch)
    if 0xE000 <= cp <= 0xF8FF or 0xF0000 <= cp <= 0x10FFFF:  # private use: icon fonts
        return True
    if 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x1F900 <= cp <= 0x1F9FF:
        return True  # emoji, dingbats, miscellaneous symbols (☎ ✉ ✆)
    return cp in (0x2706, 0x260E, 0x2709)


# Characters pass 1 must look at; everything else (printable ASCII, tab, newline) is copied in runs.
# Han characters and 、。 are NFKC-stable, so they are copied in runs too.
_SPECIAL = regex.compile(r"[^\t\n\x20-\x7e\u3400-\u4dbf\u4e00-\u9fff\u3001\u3002]+")
_NFKC_CACHE: dict[str, str] = {}


def _nfkc(ch: str) -> str:
    out = _NFKC_CACHE.get(ch)
    if out is None:
        out = ch if ch in _KEEP else unicodedata.normalize("NFKC", ch)
        if len(_NFKC_CACHE) < 65536:
            _NFKC_CACHE[ch] = out
    return out


# Offsets 0, 1, 2, ... for pass 1 to copy from: filling an array from a range costs ~30 ns a
# character (a tenth of the whole pass), slicing this one costs a memory copy. It grows to the
# longest text seen, up to a bound; longer texts get their own.
_IDENTITY = array("l")
_IDENTITY_MAX = 1 << 20


def _identity(n: int) -> array:
    global _IDENTITY
    if n > len(_IDENTITY):
        if n > _IDENTITY_MAX:
            return array("l", range(n))
        _IDENTITY = array("l", range(min(max(n, 2 * len(_IDENTITY)), _IDENTITY_MAX)))
    return _IDENTITY[:n]


def _pass_characters(raw: str, marks: list[tuple[str, int, object]]) -> tuple[str, array]:
    out = _Builder()
    identity = _identity(len(raw))
    pos = 0
    for m in _SPECIAL.finditer(raw):
        out.copy(raw, identity, pos, m.start())
        pos = m.end()
        for i in range(m.start(), m.end()):
            ch = raw[i]
            if ch == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
                continue
            if ch in _NEWLINES:
                out.emit("\n", i)
            elif ch in _DROP or ch in ("\ufe0f", "\ufe0e") or unicodedata.category(ch) in ("Cc", "Cf"):
                pass  # control, zero-width, variation selectors: not text
            elif _is_icon(ch):
                marks.append(("icon", out.length, ch))
                out.emit(" ", i)
            else:
                out.emit(_nfkc(ch), i)
    out.copy(raw, identity, pos, len(raw))
    return out.result()


# --- pass 2: markup ----------------------------------------------------------------------
_LATEX_CMD_TEXT = regex.compile(r"\\(?:textbf|textit|text|mathrm|mathbf|emph|underline|mbox)\s*\{([^{}]*)\}")
_LATEX_SCRIPT = regex.compile(r"[\^_]\{([^{}]*)\}|[\^_]([A-Za-z0-9])")
_LATEX_SYMBOLS = {
    "sim": "~", "thicksim": "~", "approx": "≈", "times": "×", "bullet": "•", "cdot": "·",
    "%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥",
    "pm": "±", "to": "→", "rightarrow": "→", "cdots": "...", "ldots": "...", "dots": "...",
    "quad": " ", "qquad": " ", ",": " ", ";": " ", " ": " ", "!": "", "{": "{", "}": "}",
}
_LATEX_SYMBOL = regex.compile(r"\\([A-Za-z]+|[%&_#$,; !{}])")


def _latex_to_text(math: str) -> str:
    """Readable text of an inline-math fragment as PDF converters emit it."""
    text = math
    for _ in range(3):  # nested \textbf{\text{...}}
        text = _LATEX_CMD_TEXT.sub(r"\1", text)
    text = _LATEX_SCRIPT.sub(lambda m: m[1] if m[1] is not None else m[2], text)
    text = _LATEX_SYMBOL.sub(lambda m: _LATEX_SYMBOLS.get(m[1], ""), text)
    text = text.replace("{", "").replace("}", "")
    return regex.sub(r"[ \t]{2,}", " ", text).strip()


_MARKUP = regex.compile(
    r"""
    (?P<heading>^[ \t]*(?P<hashes>\#{1,6})[ \t]+(?P<hbullet>[•·▪●◆■□○◦・][ \t]*)?)  # markdown heading (+ bullet)
  | (?P<bullet>^[ \t]*(?:[•·▪●◆◇■□○◦‣⁃∙・◼◾➢➤►▶❖✓✔]|[-*+o](?=[ \t])|。(?=[ \t]))
        (?:[ \t]*(?:[•·▪●◆◇■□○◦‣⁃∙・◼◾➢➤►▶❖]|[-*o](?=[ \t])|。(?=[ \t])))*[ \t]*)
  | (?P<math>\$(?P<mathbody>[^$\n]{1,400}?)\$)                        # inline LaTeX
  | (?P<bold>\*\*(?P<boldbody>[^\n]+?)\*\*|__(?P<boldbody2>[^\s_][^\n]*?)__)
  | (?P<italic>(?<![\w*\\])\*(?P<italicbody>[^*\n\s][^*\n]*?)\*(?![\w*]))
  | (?P<link>\[(?P<linktext>[^\]\n]{0,300})\]\((?P<linkurl>[^)\s]{0,500})\))
  | (?P<escape>\\(?P<escaped>[_*\#\[\]()&$%~.\-+!|{}]))
  | (?P<tag></?(?:sub|sup|b|i|u|em|strong|span|div|p|font|br|li|ul|ol)\b[^<>\n]{0,200}>)
    """,
    regex.VERBOSE | regex.MULTILINE,
)


def _pass_markup(text: str, sources: array, marks: list[tuple[str, int, object]],
                 spans: list[tuple[str, int, int, object]]) -> tuple[str, array]:
    out = _Builder()
    pos = 0
    for m in _MARKUP.finditer(text):
        out.copy(text, sources, pos, m.start())
        pos = m.end()
        if m["heading"] is not None:
            if m["hbullet"]:
                marks.append(("bullet", out.length, None))
                out.emit("• ", sources[m.start("hbullet")])
            spans.append(("heading", out.length, -1, len(m["hashes"])))  # end: the line's end, set later
        elif m["bullet"] is not None:
            marks.append(("bullet", out.length, None))
            out.emit("• ", sources[m.start()])
        elif m["math"] is not None:
            out.emit(_latex_to_text(m["mathbody"]), sources[m.start()])
        elif m["bold"] is not None:
            body = "boldbody" if m["boldbody"] is not None else "boldbody2"
            start = out.length
            # keep inner characters with their own sources; nested italics stay literal
            inner = _pass_markup(m[body], sources[m.start(body):m.end(body)], marks, [])
            out.copy(inner[0], inner[1], 0, len(inner[0]))
            spans.append(("bold", start, out.length, None))
        elif m["italic"] is not None:
            start = out.length
            out.copy(text, sources, m.start("italicbody"), m.end("italicbody"))
            spans.append(("italic", start, out.length, None))
        elif m["link"] is not None:
            label, url = m["linktext"].strip(), m["linkurl"].strip()
            start = out.length
            out.copy(text, sources, m.start("linktext"), m.end("linktext"))
            target = url[len("mailto:"):] if url.lower().startswith("mailto:") else url
            if target and target != "#" and target.lower() not in label.lower():
                out.emit(f" <{url}>", sources[m.start("linkurl")])
            spans.append(("link", start, out.length, url or None))
        elif m["escape"] is not None:
            out.emit(m["escaped"], sources[m.start("escaped")])
        elif m["tag"] is not None:
            if m["tag"].lower().startswith("<br"):
                out.emit("\n", sources[m.start()])
            else:
                out.emit(" " if m["tag"].lower().startswith(("<sub", "<sup")) else "", sources[m.start()])
    out.copy(text, sources, pos, len(text))
    return out.result()


# --- pass 3: whitespace ------------------------------------------------------------------
_WHITESPACE = regex.compile(
    r"(?P<drop>[ \t]+(?=\n|\Z)|(?<=^|\n)[ \t]+|\A\n+)|(?P<blank>\n{3,})|(?P<gap>(?<=\S)[ ]{3,})"
)


def _pass_whitespace(text: str, sources: array) -> tuple[str, array, list[tuple[int, int]]]:
    """Leading and trailing spaces go, blank-line runs shrink to one, 3+ inner spaces become 2 (a column gap)."""
    out = _Builder()
    moves: list[tuple[int, int]] = []  # (old offset, new offset) checkpoints for mark remapping
    pos = 0
    for m in _WHITESPACE.finditer(text):
        out.copy(text, sources, pos, m.start())
        moves.append((m.start(), out.length))
        if m["blank"] is not None or m["gap"] is not None:
            out.copy(text, sources, m.start(), m.start() + 2)
        pos = m.end()
        moves.append((m.end(), out.length))
    out.copy(text, sources, pos, len(text))
    moves.append((len(text), out.length))
    text2, sources2 = out.result()
    return text2, sources2, moves


def _remap(offset: int, moves: list[tuple[int, int]]) -> int:
    """Map an offset of the pass-2 text to the pass-3 text."""
    keys = [m[0] for m in moves]
    k = bisect.bisect_right(keys, offset) - 1
    if k < 0:
        return min(offset, moves[0][1]) if moves else offset
    old, new = moves[k]
    nxt_new = moves[k + 1][1] if k + 1 < len(moves) else None
    value = new + (offset - old)
    return min(value, nxt_new) if nxt_new is not None else value


def normalize(raw: str) -> NormalizedText:
    """Normalize ``raw`` (see the module docstring); never raises on text input."""
    point_marks: list[tuple[str, int, object]] = []
    text1, src1 = _pass_characters(raw, point_marks)
    # icons recorded in pass-1 coordinates; convert to pass-2 below via their source offsets
    markup_points: list[tuple[str, int, object]] = []
    spans: list[tuple[str, int, int, object]] = []
    text2, src2 = _pass_markup(text1, src1, markup_points, spans)
    text3, src3, moves = _pass_whitespace(text2, src2)

    marks: list[Mark] = []
    # icons: located by raw source offset, since their placeholder space may have been trimmed
    for kind, pos1, value in point_marks:
        raw_index = src1[pos1] if pos1 < len(src1) else len(raw)
        at = bisect.bisect_left(src3, raw_index)
        marks.append(Mark(kind, at, at, value))
    for kind, pos2, value in markup_points:
        at = _remap(pos2, moves)
        marks.append(Mark(kind, at, at + 1, value))
    for kind, start2, end2, value in spans:
        if end2 < 0:
            line_end = text2.find("\n", start2)
            end2 = len(text2) if line_end < 0 else line_end
        marks.append(Mark(kind, _remap(start2, moves), _remap(end2, moves), value))
    marks.sort(key=lambda m: (m.start, m.end, m.kind))
    return NormalizedText(text3, src3, len(raw), marks, raw)
