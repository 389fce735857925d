"""normalize: NFKC, full-width, markup debris, bullets, icons, whitespace, offset map."""

from __future__ import annotations

import pytest

from resume_nlp.normalize import normalize

# fmt: off
@pytest.mark.parametrize("raw, expected", [
    ("２０１８年９月", "2018年9月"),
    ("ＧＰＡ：３．８／４．０", "GPA:3.8/4.0"),
    ("（预计）", "(预计)"),
    ("**Zhejiang University**", "Zhejiang University"),
    ("*Ph.D. in Computer Science*", "Ph.D. in Computer Science"),
    ("Experience \\_\\_\\_", "Experience ___"),
    ("Ranking $7^{th}/174$", "Ranking 7th/174"),
    ("$2014 \\sim 2017$", "2014 ~ 2017"),
    ("$Undergraduate\\ Researcher,\\ NLP\\ Group$", "Undergraduate Researcher, NLP Group"),
    ("$\\bullet \\ \\ \\textbf{Coursera} : \\ \\text{Deep Learning}$", "• Coursera : Deep Learning"),
    ("[x@y.edu](mailto:x@y.edu)", "x@y.edu"),
    ("[Linkedin](#)", "Linkedin"),
    ("[Blog](https://a.b/c)", "Blog <https://a.b/c>"),
    ("5.26 <sub>2.0</sub>", "5.26  2.0"),
    ("## Education", "Education"),
    ("• one\n· two\n- three\no four\n▪ five\n・六", "• one\n• two\n• three\n• four\n• five\n• 六"),
    ("💌 a@b.cn | 🖸 luzai", "a@b.cn |  luzai"),
    ("a\u200bb\x07c", "abc"),
    ("line   \r\nnext\r\n\r\n\r\n\r\nend", "line\nnext\n\nend"),
    ("\n\n\nfirst", "first"),
    ("北京大学\u3000北京", "北京大学 北京"),
    ("。，、", "。,、"),
])
# fmt: on
def test_normalize_text(raw, expected):
    assert normalize(raw).text == expected


# fmt: off
@pytest.mark.parametrize("raw", [
    "# Xinalu **Wan**a\n\n💌 a@b.cn",
    "ＧＰＡ：３．８\r\n\r\n\r\n• x  $7^{th}$ [t](#)",
    "",
    "plain",
])
# fmt: on
def test_normalize_offsets_map_back_to_input(raw):
    norm = normalize(raw)
    assert len(norm.offsets) == len(norm.text)
    assert list(norm.offsets) == sorted(norm.offsets)
    assert all(0 <= o < len(raw) for o in norm.offsets)
    assert norm.to_raw(len(norm.text)) == len(raw)
    for i, ch in enumerate(norm.text):
        if ch.isalnum() and ch.isascii() and raw[norm.offsets[i]].isascii():
            if raw[norm.offsets[i]] != "$":  # LaTeX fragments map to their opening dollar
                assert raw[norm.offsets[i]] == ch


# fmt: off
@pytest.mark.parametrize("raw, kind, covered", [
    ("**Bold title**", "bold", "Bold title"),
    ("## Education", "heading", "Education"),
    ("*Advisor: X*", "italic", "Advisor: X"),
    ("[Github](https://github.com/x)", "link", "Github <https://github.com/x>"),
])
# fmt: on
def test_normalize_records_markup_marks(raw, kind, covered):
    norm = normalize(raw)
    marks = [m for m in norm.marks if m.kind == kind]
    assert marks and norm.text[marks[0].start:marks[0].end] == covered


def test_normalize_records_icons_at_their_position():
    norm = normalize("📱 138 | ✉ a@b.cn")
    icons = [m for m in norm.marks if m.kind == "icon"]
    assert [m.value for m in icons] == ["📱", "✉"]
    assert norm.text[icons[1].start:].lstrip().startswith("a@b.cn")


@pytest.mark.parametrize("raw, value, expected", [
    ("负责设计，主导开发；优化（提升30%）。", "负责设计,主导开发;优化(提升30%)。", "负责设计，主导开发；优化（提升30%）。"),
    ("Built APIs, tested (unit).", "Built APIs, tested (unit).", "Built APIs, tested (unit)."),  # ASCII stays ASCII
    ("熟悉ＪＡＶＡ，Ｐｙｔｈｏｎ", "熟悉JAVA,Python", "熟悉JAVA，Python"),  # letters stay normalized
    ("混合, 写法，都有", "混合, 写法,都有", "混合, 写法，都有"),  # each character as it was written
    ("项目：甲", "项目:乙", "项目:乙"),  # not a piece of the text: unchanged
])
def test_normalize_gives_punctuation_back_as_written(raw, value, expected):
    norm = normalize(raw)
    assert norm.as_written(value, 0, len(norm.text)) == expected
