"""DOCX reader (python-docx): body paragraphs and tables in order, headers, text boxes.

* the zip is checked before anything is parsed: member count, total uncompressed size and
  compression ratio are capped (zip bombs), and an XML part with a ``<!DOCTYPE`` is refused
  (entity expansion; Word never writes one). python-docx's own parser also has
  ``resolve_entities=False``;
* paragraphs and tables are read in body order; a table row is one line, its non-empty cells
  joined by ``" | "`` (``姓名 | 王小明 | 性别 | 男``), a merged cell counted once;
* text boxes (``w:txbxContent``; the VML fallback copy is skipped) follow their anchor paragraph;
* page headers come first and footers last, each distinct text once;
* ``Title`` / ``Heading n`` / ``标题 n`` styles (or an outline level) become markdown ``#``
  lines, bold runs ``**...**``, list paragraphs ``• ``.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Iterator

from ._markup import styled_markdown
from ..errors import MissingDependencyError, ResumeNLPError, UnreadableDocumentError

__all__ = ["read_docx", "MAX_UNCOMPRESSED", "MAX_RATIO", "MAX_MEMBERS"]

MAX_UNCOMPRESSED = 50_000_000   # bytes, all members together
MAX_RATIO = 200                 # uncompressed / compressed size of one large member
MAX_MEMBERS = 5_000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_V = "urn:schemas-microsoft-com:vml"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _check_zip(data: bytes) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UnreadableDocumentError("the DOCX file is damaged or truncated (not a valid zip archive)") from None
    if len(infos) > MAX_MEMBERS:
        raise UnreadableDocumentError(f"the DOCX archive has {len(infos)} members (limit {MAX_MEMBERS})")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise UnreadableDocumentError(
            f"the DOCX archive expands to {total // 1_000_000} MB (limit {MAX_UNCOMPRESSED // 1_000_000} MB); "
            "refusing a possible zip bomb")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnreadableDocumentError("a DOCX member is compressed more than "
                                          f"{MAX_RATIO}:1; refusing a possible zip bomb")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise UnreadableDocumentError("the zip archive is not a DOCX document (no word/document.xml)")
    try:
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                with zf.open(info) as fh:
                    head = fh.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise UnreadableDocumentError("the DOCX holds an XML part with a DOCTYPE; refused "
                                                  "(entity expansion)")
    except ResumeNLPError:
        raise
    except Exception:
        raise UnreadableDocumentError("the DOCX file is damaged or truncated") from None


def read_docx(data: bytes, name: str | None = None):
    """Read a DOCX document into a :class:`~resume_nlp.ingest.RawDoc`."""
    from . import RawDoc

    try:
        import docx  # python-docx
    except ImportError:
        raise MissingDependencyError("DOCX files", "docx") from None
    _check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = _read(document)
    except ResumeNLPError:
        raise
    except Exception as exc:  # python-docx, lxml and zipfile raise many types
        raise UnreadableDocumentError(f"the DOCX file is damaged and cannot be read ({type(exc).__name__})") from None
    text = "\n".join(lines).strip("\n")
    return RawDoc(text + "\n" if text else "", name, "application/vnd.openxmlformats-officedocument."
                  "wordprocessingml.document", [])


# --- reading ----------------------------------------------------------------------------------
def _read(document: Any) -> list[str]:
    styles = _style_table(document)
    header: list[str] = []
    footer: list[str] = []
    seen: set[str] = set()
    for section in document.sections:
        for attr, out in (("header", header), ("first_page_header", header), ("even_page_header", header),
                          ("footer", footer), ("first_page_footer", footer), ("even_page_footer", footer)):
            try:
                part = getattr(section, attr)
                if part.is_linked_to_previous:  # no definition of its own (reading it would add one)
                    continue
                element = part._element
            except Exception:
                continue
            block = [ln for ln in _block(element, styles) if ln.strip()]
            if out is footer:
                block = [ln for ln in block if not re.fullmatch(r"\W*(page\s*)?\d+(\s*(of|/)\s*\d+)?\W*", ln, re.I)]
            key = "\n".join(block)
            if block and key not in seen:
                seen.add(key)
                out.extend(block)
    body = _block(document.element.body, styles)
    lines = header + ([""] if header else []) + body + ([""] if footer else []) + footer
    return [ln for k, ln in enumerate(lines) if ln or (k and lines[k - 1])]  # one blank line at most


def _style_table(document: Any) -> dict[str, tuple[int, bool, bool]]:
    """style id -> (heading level, bold, list)."""
    table: dict[str, tuple[int, bool, bool]] = {}
    try:
        styles = list(document.styles)
    except Exception:
        return table
    for style in styles:
        try:
            sid, name = style.style_id, (style.name or "")
        except Exception:
            continue
        level = _heading_level(name)
        el = style.element
        if not level:
            outline = el.find(f"{_q('pPr')}/{_q('outlineLvl')}")
            if outline is not None and (outline.get(_q("val")) or "").isdigit() and int(outline.get(_q("val"))) < 6:
                level = int(outline.get(_q("val"))) + 1
        bold = _on(el.find(f"{_q('rPr')}/{_q('b')}"))
        is_list = name.lower().startswith(("list bullet", "list number")) or \
            el.find(f"{_q('pPr')}/{_q('numPr')}") is not None
        table[sid] = (level, bold, is_list)
    return table


def _heading_level(name: str) -> int:
    low = name.strip().lower()
    if low in ("title", "标题"):
        return 1
    m = re.fullmatch(r"(?:heading|标题|見出し)\s*(\d)", low)
    return min(int(m[1]), 6) if m else 0


def _on(el: Any) -> bool:
    return el is not None and (el.get(_q("val")) or "true").lower() not in ("0", "false", "off", "none")


def _block(element: Any, styles: dict[str, tuple[int, bool, bool]]) -> list[str]:
    out: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if tag == _q("p"):
            out.extend(_paragraph(child, styles))
        elif tag == _q("tbl"):
            out.extend(_table(child, styles))
        elif tag == _q("sdt"):  # content controls wrap paragraphs and tables
            content = child.find(_q("sdtContent"))
            if content is not None:
                out.extend(_block(content, styles))
    return out


def _in_fallback(el: Any, stop: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == f"{{{_MC}}}Fallback":
            return True
        node = node.getparent()
    return False


def _runs(p: Any) -> Iterator[tuple[str, bool, bool]]:
    """(text, bold, italic) pieces of a paragraph, text boxes excluded. A tab stays a tab
    (the cell separator of a tab-aligned table, as in a text resume)."""
    for el in p.iter(_q("r")):
        if _inside(el, p, _q("txbxContent")):
            continue
        rpr = el.find(_q("rPr"))
        bold = rpr is not None and _on(rpr.find(_q("b")))
        italic = rpr is not None and _on(rpr.find(_q("i")))
        for node in el.iterchildren():
            if node.tag == _q("t"):
                yield node.text or "", bold, italic
            elif node.tag in (_q("tab"), _q("ptab")):
                yield "\t", bold, italic
            elif node.tag in (_q("br"), _q("cr")):
                yield "\n", bold, italic
            elif node.tag == _q("noBreakHyphen"):
                yield "-", bold, italic


def _inside(el: Any, stop: Any, tag: str) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == tag:
            return True
        node = node.getparent()
    return False


def _paragraph(p: Any, styles: dict[str, tuple[int, bool, bool]]) -> list[str]:
    ppr = p.find(_q("pPr"))
    sid = None
    level, style_bold, is_list = 0, False, False
    if ppr is not None:
        ps = ppr.find(_q("pStyle"))
        if ps is not None:
            sid = ps.get(_q("val"))
            level, style_bold, is_list = styles.get(sid or "", (0, False, False))
        outline = ppr.find(_q("outlineLvl"))
        if not level and outline is not None and (outline.get(_q("val")) or "").isdigit() \
                and int(outline.get(_q("val"))) < 6:
            level = int(outline.get(_q("val"))) + 1
        if ppr.find(_q("numPr")) is not None:
            is_list = True
    pieces = [(t, "b" if b or style_bold else "i" if i else "") for t, b, i in _runs(p)]
    lines = _render(pieces, level, is_list)
    if not lines and not any(True for _ in p.iter(_q("txbxContent"))):
        return [""]  # an empty paragraph: a blank line (a paragraph break)
    # text boxes anchored in this paragraph (mc:Choice copy only)
    for box in p.iter(_q("txbxContent")):
        if _in_fallback(box, p) or _inside(box, p, _q("txbxContent")):
            continue
        lines.extend(_block(box, styles))
    return lines


def _render(pieces: list[tuple[str, str]], level: int, is_list: bool) -> list[str]:
    text = "".join(t for t, _ in pieces)
    if not text.strip():
        return []
    if level:
        return ["#" * level + " " + re.sub(r"\s+", " ", text).strip()]
    lines: list[list[tuple[str, str | None]]] = [[]]
    for t, st in pieces:
        for k, part in enumerate(t.split("\n")):
            if k:
                lines.append([])
            if part:
                lines[-1].append((part, st if part.strip() else None))
    out = [styled_markdown(line) for line in lines]
    if is_list and out:
        out[0] = "• " + out[0]
    return out


def _cell_text(tc: Any, styles: dict[str, tuple[int, bool, bool]]) -> str:
    parts = []
    for line in _block(tc, styles):
        line = re.sub(r"^#+\s+", "", line).replace("**", "")
        line = re.sub(r"(?<![\w*])\*(\S[^*]*?)\*(?![\w*])", r"\1", line).replace("\t", " ").strip()
        if line:
            parts.append(line)
    return " ".join(parts)


def _table(tbl: Any, styles: dict[str, tuple[int, bool, bool]]) -> list[str]:
    rows = []
    for tr in tbl.iterchildren(_q("tr")):
        cells = []
        for tc in tr.iterchildren(_q("tc")):
            tcpr = tc.find(_q("tcPr"))
            vmerge = tcpr.find(_q("vMerge")) if tcpr is not None else None
            if vmerge is not None and (vmerge.get(_q("val")) or "continue") == "continue":
                continue  # the rest of a vertically merged cell: its text sits in the first row
            text = _cell_text(tc, styles)
            if text:
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows
