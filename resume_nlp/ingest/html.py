"""HTML reader (BeautifulSoup with the standard library's ``html.parser``).

Visible text with its block structure: block elements start new lines, ``<br>`` breaks a
line, ``<li>`` items start with ``• ``, ``<h1>``-``<h6>`` become markdown ``#`` lines,
``<b>``/``<strong>`` runs ``**...**``, table rows are one line with cells joined by ``" | "``.
``script``, ``style``, ``noscript``, ``template``, ``head`` and hidden elements are dropped.
The encoding comes from a BOM, then a ``<meta charset>`` / ``http-equiv`` declaration, then
the text decoder's detection (:func:`~resume_nlp.ingest.text.decode_text`).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from ..errors import MissingDependencyError, ResumeNLPError, UnreadableDocumentError
from .text import decode_text

__all__ = ["read_html", "html_to_text"]

_DROP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "canvas",
         "iframe", "object", "embed", "button", "select", "option", "input", "textarea"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "li",
          "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
          "ul", "caption", "center"}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BOLD = {"b", "strong"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def _charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    name = m[1].decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return {"gb2312": "gb18030", "gbk": "gb18030"}.get(codec, codec)


def _decode(data: bytes) -> tuple[str, list[str]]:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    declared = _charset(data)
    if declared and not declared.startswith("utf-16"):
        try:
            return data.decode(declared), []
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect instead
    return decode_text(data)


def read_html(data: bytes, name: str | None = None):
    """Read an HTML document into a :class:`~resume_nlp.ingest.RawDoc`."""
    from . import RawDoc

    markup, warnings = _decode(data)
    text = html_to_text(markup)
    return RawDoc(text, name, "text/html", warnings)


def html_to_text(markup: str) -> str:
    """The visible text of ``markup`` with block structure (see the module docstring)."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        raise MissingDependencyError("HTML files", "html") from None
    try:
        soup = BeautifulSoup(markup, "html.parser")
        out = _Writer()
        _walk(soup, out, bold=False)
        return out.result()
    except ResumeNLPError:
        raise
    except RecursionError:
        raise UnreadableDocumentError("the HTML document is nested too deeply to read") from None
    except Exception as exc:
        raise UnreadableDocumentError(f"the HTML document cannot be read ({type(exc).__name__})") from None


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def text(self, s: str) -> None:
        self.current.append(s)

    def newline(self) -> None:
        line = re.sub(r"[ \t\u00a0]+", " ", "".join(self.current)).strip()
        line = re.sub(r"\*\*\s*\*\*", "", line)
        if line.count("**") % 2:  # bold across a line break: drop the unpaired markers
            line = line.replace("**", "").strip()
        if line:
            self.lines.append(line)
        self.current = []

    def result(self) -> str:
        self.newline()
        return "\n".join(self.lines) + ("\n" if self.lines else "")


def _hidden(tag: Any) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return tag.has_attr("hidden") or "display:none" in style or "visibility:hidden" in style \
        or (tag.get("aria-hidden") == "true" and not tag.get_text(strip=True).strip() == "")


def _walk(node: Any, out: _Writer, *, bold: bool) -> None:
    from bs4 import Comment, Doctype, NavigableString, ProcessingInstruction, Declaration, CData

    for child in node.children:
        if isinstance(child, (Comment, Doctype, ProcessingInstruction, Declaration)):
            continue
        if isinstance(child, NavigableString):
            if isinstance(child, CData):
                continue
            out.text(re.sub(r"\s+", " ", str(child)))
            continue
        name = (child.name or "").lower()
        if name in _DROP or _hidden(child):
            continue
        if name == "br":
            out.newline()
            continue
        if name in _HEADINGS:
            out.newline()
            inner = _Writer()
            _walk(child, inner, bold=False)
            text = " ".join(inner.result().split()).replace("**", "")
            if text:
                out.lines.append("#" * _HEADINGS[name] + " " + text)
            continue
        if name == "tr":
            out.newline()
            cells = []
            for cell in child.find_all(["td", "th"], recursive=False):
                inner = _Writer()
                _walk(cell, inner, bold=bold)
                text = " ".join(inner.result().split())
                if text:
                    cells.append(text)
            if cells:
                out.lines.append(" | ".join(cells))
            continue
        block = name in _BLOCK
        if block:
            out.newline()
        if name == "li":
            out.text("• ")
        if name in _BOLD and not bold:
            out.text("**")
            _walk(child, out, bold=True)
            out.text("**")
        else:
            _walk(child, out, bold=bold)
        if name in ("td", "th"):
            out.text(" | ")
        if block:
            out.newline()
