"""PDF reader: reading order, columns, headings, furniture, errors, and the seed fixtures."""

from __future__ import annotations

import pytest

from resume_nlp.errors import EncryptedDocumentError, InputTooLargeError, NoTextLayerError, UnreadableDocumentError
from resume_nlp.ingest import read
from tests.conftest import SEEDS
from tests.ingest._helpers import DOCS, TWO_COLUMN, content_key, f1, gold, parser, seed

pytest.importorskip("pdfplumber")

SEED_PDFS = [pytest.param(s, id=s.stem[:3]) for s in SEEDS]


@pytest.fixture(scope="module")
def layout():
    return read(DOCS / "layout.pdf")


@pytest.mark.parametrize("expected", [
    "Worked on international projects",          # hyphenated break joined (lower-case continuation)
    "with Well-Known partners.",                  # capitalised continuation keeps its hyphen
    "**Acme Corp** Software Engineer",            # a bold run
    "# Experience",                               # a larger bold line is a heading
    "# Education",
    # a wrapped date range: the continuation's "– " is not a bullet (no room left for it above)
    "Bachelor of Science in Computer Science and Data Science; GPA: 4.00 / 4.00 (Honors) Sep. 2019 – May 2022",
    # a URL broken mid-word by the layout is joined without a space
    "https://github.com/example-user/an-example-repository-with-a-long-name-that-wraps/tree/main/docs (code)",
    "*Washington University in St. Louis*",       # an italic line (normalize reads the marks)
    "Name\tEmail\tRelation",                      # cells at wide gaps are tab-separated
    # a sentence carried over a page break is one line
    "The sentence of this last line runs on to the next page: it is carried over the page break, as it goes "
    "and ends here on page three.",
])
def test_pdf_layout_cases(layout, expected):
    assert any(expected in line for line in layout.text.splitlines())  # on one line


def test_pdf_real_dash_bullet_kept(layout):
    """'– Python' after a short line is a list item: it had room on the line above."""
    lines = layout.text.splitlines()
    assert lines[lines.index("Skills") + 1] == "– Python"


def test_pdf_paragraph_gaps_kept(layout):
    lines = layout.text.splitlines()
    i = lines.index("Example University, B.S. 2015 - 2019")
    assert lines[i + 1] == ""


def test_pdf_bare_page_numbers_dropped(layout):
    assert [line for line in layout.text.splitlines() if line.strip() in ("1", "2", "3")] == []


def test_pdf_pages_offsets(layout):
    # page 3 holds only the end of page 2's last line, so no line begins on it
    assert [n for _, n in layout.pages] == [1, 2]
    start = layout.pages[1][0]
    assert layout.text[start:].startswith("# Education")
    assert layout.media_type == "application/pdf"


@pytest.mark.parametrize("path", SEED_PDFS)
def test_pdf_seed_content_in_order(path):
    """Every seed line's letters and digits appear, in order, in the PDF text (columns not interleaved)."""
    text = read(DOCS / f"{path.stem}.pdf").text
    key = content_key(text)
    pos = 0
    from resume_nlp.normalize import normalize

    for line in normalize(path.read_text(encoding="utf-8")).text.splitlines():
        want = content_key(line)
        if not want:
            continue
        found = key.find(want, pos)
        assert found >= 0, f"seed line {line[:40]!r} missing or out of order"
        pos = found + len(want)


@pytest.mark.parametrize("path", SEED_PDFS)
def test_pdf_no_spaces_between_cjk(path):
    import regex

    from resume_nlp.normalize import normalize

    text = read(DOCS / f"{path.stem}.pdf").text
    seed_text = normalize(path.read_text(encoding="utf-8")).text
    for pair in regex.findall(r"\p{Han} \p{Han}", text):
        assert pair in seed_text, f"spurious space in {pair!r}"


@pytest.mark.parametrize("path", SEED_PDFS)
def test_pdf_furniture_dropped(path):
    text = read(DOCS / f"{path.stem}.pdf").text
    assert "Page 1 of" not in text
    assert "Curriculum Vitae" not in text


def test_pdf_two_columns_kept_apart():
    path = next(s for s in SEEDS if s.stem.startswith(TWO_COLUMN))
    text = read(DOCS / f"{path.stem}.pdf").text
    # the left column's last entry of page 1 is complete before the right column begins
    assert "Master of Science in Computer Science;" in text
    assert "Bachelor of Software Engineering; GPA:3.57/4, Rank 24/131" in text


@pytest.mark.parametrize("name, error", [
    ("encrypted.pdf", EncryptedDocumentError),
    ("scanned.pdf", NoTextLayerError),
    ("truncated.pdf", UnreadableDocumentError),
])
def test_pdf_bad_documents_raise_typed_errors(name, error):
    with pytest.raises(error) as info:
        read(DOCS / name)
    message = str(info.value)
    assert "\n" not in message and "Jane" not in message


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n",
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    b"%PDF-" + bytes(range(256)) * 4,
])
def test_pdf_garbage_never_leaks_library_errors(data):
    with pytest.raises(UnreadableDocumentError):
        read(data)


def test_pdf_max_pages():
    with pytest.raises(InputTooLargeError) as info:
        read(DOCS / f"{SEEDS[0].stem}.pdf", max_pages=1)
    assert info.value.limit == "max_pages" and info.value.maximum == 1


def test_pdf_table_rows_stay_rows():
    """Seed 000's tab-separated references table, drawn in columns, reads back as tab-separated rows."""
    text = read(DOCS / f"{seed('000').stem}.pdf").text
    assert "Name\tEmail\tRelation" in text.splitlines()
    assert "Dr. Yingming Li\tyingming@zju.edu.cn\tMy advisor" in text.splitlines()


def test_pdf_table_is_not_two_columns():
    """Seed 003's result tables (aligned cells) are not mistaken for a two-column page."""
    lines = read(DOCS / f"{seed('003').stem}.pdf").text.splitlines()
    assert "Model\tdepth\tparams(Mb)\toriginal err.\tours err." in lines
    assert "164\t1.7\t5.46\t5.03 5.0" in lines


def test_pdf_icons_before_contact_items():
    """The stand-in icon the fixture draws for an emoji is read back (normalize marks it an icon)."""
    text = read(DOCS / f"{seed('000').stem}.pdf").text
    assert "| \u2606 luzai |" in text


@pytest.mark.shared
@pytest.mark.parametrize("path", SEED_PDFS)
def test_pdf_scores_match_text(path):
    """The issue's bar: a seed parsed from its PDF scores within 0.02 of the same seed as text."""
    g = gold(path.stem)
    from_text = f1(g, parser().parse(path.read_text(encoding="utf-8")).to_dict())
    from_pdf = f1(g, parser().parse(DOCS / f"{path.stem}.pdf").to_dict())
    assert abs(from_pdf - from_text) <= 0.02, (from_text, from_pdf)


def test_pdf_characters_drawn_twice_read_once():
    """Fake bold (the same glyphs drawn twice, a fraction of a point apart) reads as one text."""
    pytest.importorskip("reportlab")
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFont("Helvetica", 10)
    for dx in (0, 0.3):
        c.drawString(72 + dx, 700, "Jane Doe, Software Engineer")
    c.showPage()
    c.save()
    assert read(buf.getvalue()).text.strip() == "Jane Doe, Software Engineer"
