#!/usr/bin/env python3
"""Render the seed resumes into the document fixtures of ``tests/data/documents/``.

    python scripts/make_fixtures.py            # (re)write every fixture
    python scripts/make_fixtures.py --check    # exit 1 when a committed fixture differs

Needs ``reportlab`` (a development-only dependency, not a runtime one) and ``python-docx``.
Output is deterministic (reportlab ``invariant=1``; fixed DOCX core properties), so a
re-run leaves the committed files byte-identical.

What is written (``<stem>`` is a seed's file stem, e.g. ``003_2753b7b0fde49a33``):

* ``<stem>.pdf``   A4, Helvetica for Latin text and the non-embedded Adobe CID font
  ``STSong-Light`` for Chinese (so no font is embedded and the files stay a few KB).
  Markdown in the seeds becomes styling: ``#`` headings are larger bold lines, ``**x**`` is
  Helvetica-Bold, ``*x*`` Helvetica-Oblique, ``- `` bullets become ``•``, links show their
  label, inline LaTeX is rendered as the normalizer reads it. Long lines wrap. Every page has
  a footer ``Page n of m``; seed 001 also has a running header (both must be dropped by the
  reader). Seed ``TWO_COLUMN`` is laid out in two columns below a full-width name line, the
  text flowing down the left column, then the right one, then on to the next page.
* ``<stem>.docx``  one paragraph per seed line, ``#`` headings as ``Heading n`` styles,
  ``- `` bullets as ``List Bullet`` paragraphs, bold / italic runs.
* encodings of seed 003: ``003.gb18030.txt``, ``003.utf16.txt`` (UTF-16 with BOM),
  ``003.utf16le-nobom.txt``, ``003.big5.txt`` and ``003.trad.utf8.txt``. Big5 cannot encode
  Simplified characters, so the Big5 file holds the Traditional text (OpenCC ``s2t``);
  OpenCC's 爲 着 裏 are not in Big5 and are written as their Big5 variants 為 著 裡.
  ``003.trad.utf8.txt`` is the same Traditional text in UTF-8 (the Big5 file's reference).
* non-resume inputs for the error tests: ``encrypted.pdf`` (user password), ``scanned.pdf``
  (an image and no text layer), ``truncated.pdf`` (the first 40 % of a seed PDF),
  ``image.png``, ``image.jpg``, ``archive.zip``, ``layout.pdf`` (a hyphenated line break,
  a bold run, a heading and a bare page number: the small cases of ``tests/ingest/test_pdf.py``).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
OUT = ROOT / "tests" / "data" / "documents"
TWO_COLUMN = "004"          # seed rendered in two columns
RUNNING_HEADER = {"001": "Xingyao Wang - Curriculum Vitae"}
BIG5_VARIANTS = str.maketrans({"爲": "為", "着": "著", "裏": "裡"})

PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 56.0
BODY = 10.0
LEADING = 13.0
HEADING_SIZE = {1: 18.0, 2: 14.0, 3: 12.0, 4: 11.0, 5: 10.5, 6: 10.5}
GUTTER = 24.0


# --- seed markdown -> styled runs ------------------------------------------------------------
def _latex(math: str) -> str:
    from resume_nlp.normalize import _latex_to_text  # script-only use of a private helper

    return _latex_to_text(math)


_INLINE = re.compile(r"\*\*(?P<b>[^\n]+?)\*\*|(?<![\w*\\])\*(?P<i>[^*\n\s][^*\n]*?)\*(?![\w*])"
                     r"|\[(?P<lt>[^\]\n]*)\]\((?P<lu>[^)\s]*)\)|\$(?P<m>[^$\n]{1,400}?)\$|\\(?P<e>[_*#\[\]()&$%~.\-+!|{}])")


def parse_line(line: str) -> tuple[str, int, list[tuple[str, str]]]:
    """(kind, heading level, [(text, style)]) of a seed line; kind: heading | bullet | text | blank."""
    if not line.strip():
        return "blank", 0, []
    kind, level = "text", 0
    line = re.sub(r"</?(?:sub|sup)\b[^<>]*>", " ", line)
    line = re.sub(r"</?(?:b|i|u|em|strong|span)\b[^<>]*>", "", line)
    m = re.match(r"^\s*(#{1,6})\s+", line)
    if m:
        kind, level = "heading", len(m[1])
        line = line[m.end():]
    else:
        m = re.match(r"^(\s*)[-*+]\s+", line)
        if m:
            kind = "bullet"
            line = line[m.end():]
    runs: list[tuple[str, str]] = []
    pos = 0
    for m in _INLINE.finditer(line):
        if m.start() > pos:
            runs.append((line[pos:m.start()], "r"))
        if m["b"] is not None:
            for text, style in parse_line(m["b"])[2]:
                runs.append((text, "b" if style == "r" else style))
        elif m["i"] is not None:
            runs.append((m["i"], "i"))
        elif m["lt"] is not None:
            runs.append((m["lt"], "r"))
        elif m["m"] is not None:
            runs.append((_latex(m["m"]), "r"))
        else:
            runs.append((m["e"], "r"))
        pos = m.end()
    if pos < len(line):
        runs.append((line[pos:], "r"))
    runs = [(re.sub(r"[ \t]+", " ", t), s) for t, s in runs if t]  # table rows: see cells()
    if runs:
        runs[0] = (runs[0][0].lstrip(), runs[0][1])
        runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
    return kind, level, [r for r in runs if r[0]]


def cells(line: str) -> list[list[tuple[str, str]]] | None:
    """A tab-separated table row (the seeds' reference and result tables): each cell's styled
    runs, a leading empty cell kept; None for any other line."""
    if "\t" not in line or not line.strip():
        return None
    return [parse_line(cell)[2] for cell in line.split("\t")]


# --- PDF --------------------------------------------------------------------------------------
_SUBST = {"・": "·"}
# Emoji/pictographs (🖸 💌 🕿 ...) have no glyph in the fixture fonts; a real PDF of the resume
# has an icon there, so the fixture draws a stand-in icon that STSong-Light has (U+2606, a
# Miscellaneous Symbols glyph, read back as that code point): the text layer keeps an icon
# before each contact item, as the seed text does.
ICON = "\u2606"


def _font_for(ch: str, style: str, heading: bool) -> str | None:
    ch = _SUBST.get(ch, ch)
    try:
        ch.encode("cp1252")
        bold = style == "b" or heading
        if style == "i":
            return "Helvetica-BoldOblique" if bold else "Helvetica-Oblique"
        return "Helvetica-Bold" if bold else "Helvetica"
    except UnicodeEncodeError:
        pass
    try:
        ch.encode("gbk")
        return "STSong-Light"
    except UnicodeEncodeError:
        return None  # emoji and icons: not drawable with these fonts, dropped


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def _pieces(runs: list[tuple[str, str]], heading: bool) -> list[tuple[str, str]]:
    """(char, font) for every drawable character; an undrawable pictograph becomes ``ICON``."""
    out = []
    for text, style in runs:
        for ch in text:
            font = _font_for(ch, style, heading)
            if font is None and unicodedata.category(ch) == "So":
                ch, font = ICON, "STSong-Light"
            if font is not None:
                out.append((_SUBST.get(ch, ch), font))
    return out


def _wrap(pieces: list[tuple[str, str]], size: float, width: float, rest: float | None = None) -> list[list[tuple[str, str]]]:
    """Greedy line breaking: at spaces for Latin text, between any two CJK characters."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    tokens: list[list[tuple[str, str]]] = []
    for ch, font in pieces:
        if not tokens or _is_cjk(ch) or (tokens[-1] and (tokens[-1][-1][0] == " " or _is_cjk(tokens[-1][-1][0]))):
            tokens.append([])
        tokens[-1].append((ch, font))
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    split: list[list[tuple[str, str]]] = []
    for tok in tokens:  # a token wider than the line (a long URL) is broken anywhere
        while sum(stringWidth(c, f, size) for c, f in tok) > width:
            n = 1
            while sum(stringWidth(c, f, size) for c, f in tok[:n + 1]) <= width:
                n += 1
            split.append(tok[:n])
            tok = tok[n:]
        split.append(tok)
    for tok in split:
        w = sum(stringWidth(c, f, size) for c, f in tok)
        body = [p for p in tok if p[0] != " "]
        wb = sum(stringWidth(c, f, size) for c, f in body)
        if lines[-1] and used + wb > (width if len(lines) == 1 or rest is None else rest):
            lines.append([])
            used = 0.0
            if tok[0][0] == " ":
                continue
        lines[-1].extend(tok)
        used += w
    return [ln for ln in lines if ln]


class _Flow:
    """Lays lines out in columns; pages and columns advance when a column is full."""

    def __init__(self, columns: int, header: str | None, top_line: list | None):
        self.columns = columns
        self.header = header
        self.top_line = top_line
        self.pages: list[list[tuple[float, float, float, list]]] = []  # (x, y, size, pieces)
        self._new_page()

    def _new_page(self) -> None:
        self.pages.append([])
        self.col = 0
        self.top = PAGE_H - MARGIN
        if self.top_line is not None and len(self.pages) == 1:
            size = HEADING_SIZE[1]
            self.pages[-1].append((MARGIN, self.top - size, size, self.top_line))
            self.top -= size + 14
        self.y = self.top

    @property
    def col_width(self) -> float:
        total = PAGE_W - 2 * MARGIN
        return total if self.columns == 1 else (total - GUTTER) / 2

    def x(self, indent: float) -> float:
        return MARGIN + self.col * (self.col_width + GUTTER) + indent

    def gap(self, amount: float) -> None:
        if self.y != self.top:
            self.y -= amount

    def _advance(self, step: float) -> None:
        if self.y - step < MARGIN + 20:
            if self.col + 1 < self.columns:
                self.col += 1
                self.y = self.top
            else:
                self._new_page()
        self.y -= step

    def line(self, pieces: list, size: float, indent: float = 0.0, leading: float | None = None) -> None:
        self._advance(leading or max(LEADING, size * 1.3))
        self.pages[-1].append((self.x(indent), self.y, size, pieces))

    def row(self, cells: list[tuple[float, list]], size: float) -> None:
        """One table row: each cell's pieces at its column's offset."""
        self._advance(max(LEADING, size * 1.3))
        for indent, pieces in cells:
            if pieces:
                self.pages[-1].append((self.x(indent), self.y, size, pieces))


def _table(rows: list[list[list[tuple[str, str]]]], width: float) -> tuple[float, list[float]]:
    """Font size and column offsets for a table: cells left-aligned in columns two ems apart
    (wider than the reader's one-em segment gap), the font shrunk until the table fits."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    ncol = max(len(r) for r in rows)
    for size in (BODY, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0):
        widths = [0.0] * ncol
        for r in rows:
            for i, runs in enumerate(r):
                widths[i] = max(widths[i], sum(stringWidth(c, f, size) for c, f in _pieces(runs, False)))
        if sum(widths) + 2 * size * (ncol - 1) <= width:
            break
    return size, [sum(widths[:i]) + 2 * size * i for i in range(ncol)]


def render_pdf(text: str, *, columns: int = 1, header: str | None = None, footer: bool = True) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = text.split("\n")
    top_line = None
    if columns == 2:  # the first non-blank line (the name) spans both columns
        first = next(i for i, ln in enumerate(lines) if ln.strip())
        kind, level, runs = parse_line(lines[first])
        top_line = _pieces(runs, True)
        lines = lines[first + 1:]
    flow = _Flow(columns, header, top_line)
    k = 0
    while k < len(lines):
        raw = lines[k]
        k += 1
        if cells(raw) is not None:  # a table: its consecutive rows laid out in columns
            rows = [cells(raw)]
            while k < len(lines) and cells(lines[k]) is not None:
                rows.append(cells(lines[k]))
                k += 1
            size, offsets = _table(rows, flow.col_width)
            for row in rows:
                flow.row([(x, _pieces(runs, False)) for x, runs in zip(offsets, row)], size)
            continue
        kind, level, runs = parse_line(raw)
        if kind == "blank":
            flow.gap(5)
            continue
        heading = kind == "heading"
        size = HEADING_SIZE[level] if heading else BODY
        pieces = _pieces(runs, heading)
        indent = 0.0
        if kind == "bullet":
            pieces = [("•", "Helvetica"), (" ", "Helvetica")] + pieces
        if heading:
            flow.gap(4)
        wrapped = _wrap(pieces, size, flow.col_width, flow.col_width - (12 if kind == "bullet" else 0))
        for i, piece_line in enumerate(wrapped):
            flow.line(piece_line, size, 12.0 if (kind == "bullet" and i) else indent)
        if heading:
            flow.gap(2)

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    n = len(flow.pages)
    for number, page in enumerate(flow.pages, start=1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(MARGIN, PAGE_H - 30, header)
        for x, y, size, pieces in page:
            for ch_run, font in _font_runs(pieces):
                c.setFont(font, size)
                c.drawString(x, y, ch_run)
                x += stringWidth(ch_run, font, size)
        if footer:
            c.setFont("Helvetica", 8)
            label = f"Page {number} of {n}"
            c.drawString((PAGE_W - stringWidth(label, "Helvetica", 8)) / 2, 28, label)
        c.showPage()
    c.save()
    return buf.getvalue()


def _font_runs(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    runs: list[list] = []
    for ch, font in pieces:
        if runs and runs[-1][1] == font:
            runs[-1][0] += ch
        else:
            runs.append([ch, font])
    return [(t, f) for t, f in runs]


def render_layout_pdf() -> bytes:
    """Small cases: a heading, a bold run, a hyphenated line break, a bare page number; a
    wrapped date range whose continuation starts with "– ", a real "– " list item, a URL
    broken mid-word, an italic line, a table row with wide gaps, and a sentence carried over
    a page break (page 3 holds only its end)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    full = "Bachelor of Science in Computer Science and Data Science; GPA: 4.00 / 4.00 (Honors) Sep. 2019"
    right = stringWidth(full, "Helvetica", 10)
    url = "https://github.com/example-user/an-example-repository-with-a-long-name-that-wraps/tree/main/docs"
    cut = max(n for n in range(len(url)) if stringWidth(url[:n], "Helvetica", 10) <= right)
    carried = "The sentence of this last line runs on to the next page: it is carried over the page break, as it goes on"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    for page in (1, 2, 3):
        y = PAGE_H - MARGIN
        if page < 3:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(MARGIN, y - 16, "Experience" if page == 1 else "Education")
            y -= 40
        c.setFont("Helvetica", 10)
        if page == 1:
            c.drawString(MARGIN, y, "Worked on inter-")
            c.drawString(MARGIN, y - 13, "national projects with Well-")
            c.drawString(MARGIN, y - 26, "Known partners.")
            c.setFont("Helvetica-Bold", 10)
            c.drawString(MARGIN, y - 52, "Acme Corp")
            c.setFont("Helvetica", 10)
            c.drawString(MARGIN + 60, y - 52, "Software Engineer")
        elif page == 2:
            c.drawString(MARGIN, y, "Example University, B.S. 2015 - 2019")
            c.drawString(MARGIN, y - 26, full)
            c.drawString(MARGIN, y - 39, "– May 2022")
            c.drawString(MARGIN, y - 65, "Skills")
            c.drawString(MARGIN, y - 78, "– Python")
            c.drawString(MARGIN, y - 104, url[:cut])
            c.drawString(MARGIN, y - 117, url[cut:] + " (code)")
            c.setFont("Helvetica-Oblique", 10)
            c.drawString(MARGIN, y - 143, "Washington University in St. Louis")
            c.setFont("Helvetica", 10)
            for x, cell in ((0, "Name"), (150, "Email"), (300, "Relation")):
                c.drawString(MARGIN + x, y - 169, cell)
            c.drawString(MARGIN, PAGE_H - MARGIN - 20 - 700, full[:40] + " filler text so that")
            c.drawString(MARGIN, PAGE_H - MARGIN - 20 - 713,
                         carried[:max(n for n in range(len(carried)) if stringWidth(carried[:n], "Helvetica", 10) <= right)])
        else:
            c.drawString(MARGIN, y, "and ends here on page three.")
        c.setFont("Helvetica", 9)
        c.drawString(PAGE_W / 2, 30, str(page))
        c.showPage()
    c.save()
    return buf.getvalue()


def render_encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128)
    c = canvas.Canvas(buf, invariant=1, encrypt=enc)
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Jane Doe - confidential resume")
    c.showPage()
    c.save()
    return buf.getvalue()


def render_scanned_pdf() -> bytes:
    """A page holding only an image of text (no text layer), like a scan."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (240, 60), 255)
    ImageDraw.Draw(img).text((10, 20), "Jane Doe  Resume", fill=0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, pageCompression=1)
    c.drawImage(ImageReader(img), 72, 600, width=480, height=120)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def render_jpeg() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (30, 30, 200)).save(buf, format="JPEG", quality=50)
    return buf.getvalue()


def render_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("notes/readme.txt", date_time=(2024, 1, 1, 0, 0, 0))
        zf.writestr(info, "not a resume\n")
    return buf.getvalue()


# --- DOCX -------------------------------------------------------------------------------------
def render_docx(text: str) -> bytes:
    import datetime

    import docx
    from docx.shared import Pt

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "resume_nlp fixtures"
    props.created = props.modified = datetime.datetime(2024, 1, 1)
    props.revision = 1
    style = document.styles["Normal"]
    style.font.size = Pt(10)
    style.element.rPr.get_or_add_rFonts().set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "SimSun")
    for raw in text.split("\n"):
        row = cells(raw)
        if row is not None:  # a table row: cells separated by tabs (<w:tab/>), as typed in Word
            paragraph = document.add_paragraph()
            for i, runs in enumerate(row):
                if i:
                    paragraph.add_run("\t")
                _add_runs(paragraph, runs)
            continue
        kind, level, runs = parse_line(raw)
        if kind == "blank":  # an empty paragraph, as the seed's blank line
            document.add_paragraph()
            continue
        if kind == "heading":
            paragraph = document.add_heading("", level=min(level, 9))
        elif kind == "bullet":
            paragraph = document.add_paragraph(style="List Bullet")
        else:
            paragraph = document.add_paragraph()
        _add_runs(paragraph, runs)
    buf = io.BytesIO()
    document.save(buf)
    return _deterministic_zip(buf.getvalue())


def _add_runs(paragraph, runs: list[tuple[str, str]]) -> None:
    for run_text, run_style in runs:
        run = paragraph.add_run(run_text)
        if run_style == "b":
            run.bold = True
        elif run_style == "i":
            run.italic = True


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so that re-runs are byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


# --- encodings --------------------------------------------------------------------------------
def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text).translate(BIG5_VARIANTS)


def encodings(seed: Path) -> dict[str, bytes]:
    text = seed.read_text(encoding="utf-8")
    trad = traditional(text)
    return {
        "003.gb18030.txt": text.encode("gb18030"),
        "003.utf16.txt": text.encode("utf-16"),
        "003.utf16le-nobom.txt": text.encode("utf-16-le"),
        "003.big5.txt": trad.encode("big5"),
        "003.trad.utf8.txt": trad.encode("utf-8"),
    }


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        key = seed.stem[:3]
        files[f"{seed.stem}.pdf"] = render_pdf(text, columns=2 if key == TWO_COLUMN else 1,
                                               header=RUNNING_HEADER.get(key))
        files[f"{seed.stem}.docx"] = render_docx(text)
        if key == "003":
            files.update(encodings(seed))
    files["layout.pdf"] = render_layout_pdf()
    files["encrypted.pdf"] = render_encrypted_pdf()
    files["scanned.pdf"] = render_scanned_pdf()
    first_pdf = files[f"{SEEDS[0].stem}.pdf"]
    files["truncated.pdf"] = first_pdf[: int(len(first_pdf) * 0.4)]
    files["image.png"] = render_png()
    files["image.jpg"] = render_jpeg()
    files["archive.zip"] = render_zip()
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed fixtures, write nothing")
    args = ap.parse_args(argv)
    files = build()
    if args.check:
        stale = [n for n, d in files.items() if not (OUT / n).is_file() or (OUT / n).read_bytes() != d]
        for name in stale:
            print(f"stale: {name}", file=sys.stderr)
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        (OUT / name).write_bytes(data)
        print(f"{len(data):>8}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
