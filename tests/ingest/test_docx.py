"""DOCX reader: body order, tables, headings, bold, text boxes, headers, zip guards, fixtures."""

from __future__ import annotations

import io
import zipfile

import pytest

from resume_nlp.errors import UnreadableDocumentError
from resume_nlp.ingest import read
from tests.conftest import SEEDS
from tests.ingest._helpers import DOCS, content_key, f1, gold, parser

docx = pytest.importorskip("docx")

SEED_DOCX = [pytest.param(s, id=s.stem[:3]) for s in SEEDS]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def build() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "王小明 · 13800138000"
    document.add_heading("个人信息", level=1)
    table = document.add_table(rows=2, cols=4)
    for row, values in zip(table.rows, (("姓名", "王小明", "性别", "男"), ("电话", "13800138000", "邮箱", "a@b.cn"))):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_heading("Education", level=2)
    p = document.add_paragraph()
    p.add_run("Peking University").bold = True
    p.add_run(", M.S. 2017 - 2020")
    document.add_paragraph().add_run("Whole bold line").bold = True
    document.add_paragraph("first item", style="List Bullet")
    document.add_paragraph("Name\tEmail\tRelation")          # a tab-aligned table row
    document.add_paragraph()                                    # an empty paragraph: a blank line
    document.add_paragraph().add_run("Washington University").italic = True
    p = document.add_paragraph("Accepted by the ")
    p.add_run("AAAI Conference").italic = True
    p.add_run(", 2021.")
    # a text box anchored in a paragraph, with the VML fallback copy Word also writes
    anchor = document.add_paragraph("anchor")
    from lxml import etree

    box = etree.fromstring(
        f'<w:r xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Text box line</w:t>'
        f'</w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>'
        f'<w:t>Text box line</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    anchor._p.append(box)
    document.add_paragraph("After the box")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def built():
    return read(build(), max_pages=5)


@pytest.mark.parametrize("expected", [
    "姓名 | 王小明 | 性别 | 男",
    "电话 | 13800138000 | 邮箱 | a@b.cn",
    "# 个人信息",
    "## Education",
    "**Peking University**, M.S. 2017 - 2020",
    "**Whole bold line**",
    "• first item",
    "Name\tEmail\tRelation",
    "*Washington University*",
    "Accepted by the *AAAI Conference*, 2021.",
])
def test_docx_lines(built, expected):
    assert expected in built.text.splitlines()


def test_docx_body_order(built):
    text = built.text
    assert text.index("王小明 · 13800138000") < text.index("# 个人信息") < text.index("姓名 |") \
        < text.index("## Education") < text.index("anchor") < text.index("Text box line") < text.index("After the box")


def test_docx_empty_paragraph_is_one_blank_line(built):
    lines = built.text.splitlines()
    i = lines.index("Name\tEmail\tRelation")
    assert lines[i + 1] == "" and lines[i + 2] == "*Washington University*"
    assert "\n\n\n" not in built.text


def test_docx_text_box_read_once(built):
    assert built.text.count("Text box line") == 1


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("data, message", [
    (_zip({"word/document.xml": b"\x00" * 60_000_000}), "zip bomb"),
    (_zip({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w>&a;</w>',
           "[Content_Types].xml": b"<Types/>"}), "DOCTYPE"),
    (_zip({"word/document.xml": b"<not xml"}), "damaged"),
    (build()[:2000], "damaged"),
])
def test_docx_hostile_or_broken_archives(data, message):
    with pytest.raises(UnreadableDocumentError) as info:
        read(data)
    assert message in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("path", SEED_DOCX)
def test_docx_seed_content_in_order(path):
    from resume_nlp.normalize import normalize

    key = content_key(read(DOCS / f"{path.stem}.docx").text)
    pos = 0
    for line in normalize(path.read_text(encoding="utf-8")).text.splitlines():
        want = content_key(line)
        if want:
            found = key.find(want, pos)
            assert found >= 0, f"seed line {line[:40]!r} missing or out of order"
            pos = found + len(want)


@pytest.mark.shared
@pytest.mark.parametrize("path", SEED_DOCX)
def test_docx_scores_match_text(path):
    g = gold(path.stem)
    from_text = f1(g, parser().parse(path.read_text(encoding="utf-8")).to_dict())
    from_docx = f1(g, parser().parse(DOCS / f"{path.stem}.docx").to_dict())
    assert abs(from_docx - from_text) <= 0.02, (from_text, from_docx)
