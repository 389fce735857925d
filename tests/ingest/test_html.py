"""HTML reader: visible text with block structure, markdown headings and bold, charsets."""

from __future__ import annotations

import pytest

from resume_nlp.ingest import read

pytest.importorskip("bs4")

PAGE = """<!doctype html><html><head><title>CV</title><style>p{color:red}</style>
<script>var secret = "do not read";</script></head>
<body><h1>Jane Doe</h1><p>Email: <a href="mailto:jane@x.org">jane@x.org</a><br>Phone: 415-555-0132</p>
<noscript>enable js</noscript><template><p>hidden template</p></template>
<h2>Education</h2><ul><li><strong>Stanford University</strong>, B.S. 2015</li><li>GPA 3.9</li></ul>
<div style="display:none">invisible</div>
<table><tr><td>姓名</td><td>王小明</td></tr></table></body></html>"""


@pytest.fixture(scope="module")
def doc():
    return read(PAGE.encode("utf-8"))


@pytest.mark.parametrize("line", [
    "# Jane Doe", "Email: jane@x.org", "Phone: 415-555-0132", "## Education",
    "• **Stanford University**, B.S. 2015", "• GPA 3.9", "姓名 | 王小明",
])
def test_html_lines(doc, line):
    assert line in doc.text.splitlines()


@pytest.mark.parametrize("hidden", ["do not read", "enable js", "hidden template", "invisible", "color:red", "CV"])
def test_html_invisible_dropped(doc, hidden):
    assert hidden not in doc.text


@pytest.mark.parametrize("encoding, meta", [
    ("gb18030", '<meta charset="gb2312">'),
    ("big5", '<meta http-equiv="Content-Type" content="text/html; charset=big5">'),
    ("gb18030", ""),  # no declaration: sniffed
    ("utf-16", ""),
])
def test_html_charset(encoding, meta):
    body = "<html><head>%s</head><body><p>教育經歷 國立臺灣大學</p></body></html>" % meta
    if encoding != "big5":
        body = body.replace("經歷 國立臺灣大學", "经历 国立台湾大学")
    doc = read(body.encode(encoding))
    assert doc.media_type == "text/html"
    assert ("教育經歷" if encoding == "big5" else "教育经历") in doc.text


def test_html_by_suffix(tmp_path):
    path = tmp_path / "cv.htm"
    path.write_text("<p>Jane</p><p>Doe</p>", encoding="utf-8")
    assert read(path).text.splitlines() == ["Jane", "Doe"]
