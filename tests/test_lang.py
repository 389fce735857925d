"""lang: script-based language per line and document; Traditional detection."""

from __future__ import annotations

import pytest

from resume_nlp.lang import detect_lines, document_languages, is_traditional, line_lang, to_simplified

# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Peking University", "en"),
    ("北京大学 计算机应用技术", "zh"),
    ("2019.09 - 2022.06", "none"),
    ("", "none"),
    ("我在 Google 的工作主要是在 TensorFlow 2.0 框架下复现论文并且在 MobileNetV1 上做剪枝压缩", "zh"),
    ("Python/ C++ 语言", "zh"),
    ("2019.09-2023.06 清华大学 Tsinghua University 计算机科学与技术 本科 B.Eng.", "mixed"),
    ("Software Engineer at Tencent, Shenzhen", "en"),
])
# fmt: on
def test_lang_line(text, expected):
    assert line_lang(text) == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("國立臺灣大學 資訊工程學系", True),
    ("國立臺灣大學", True),
    ("北京航空航天大学 软件学院", False),
    ("Peking University", False),
])
# fmt: on
def test_lang_traditional(text, expected):
    assert is_traditional(text) is expected


def test_lang_simplified_view_keeps_length():
    text = "學歷：國立臺灣大學 資訊工程學系 Bachelor"
    simp = to_simplified(text)
    assert len(simp) == len(text) and simp.startswith("学历:".replace(":", "："))


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("John Smith\nSoftware Engineer\nEducation\nStanford University", ["en"]),
    ("王小明\n教育经历\n北京大学 计算机 本科\n技能 Python TensorFlow", ["zh"]),
    ("John Smith\nEducation\nStanford University, B.S.\n\n王小明\n教育经历\n北京大学 计算机 本科 2015-2019 北京",
     ["en", "zh"]),
    ("", []),
])
# fmt: on
def test_lang_document_languages(text, expected):
    assert document_languages(detect_lines(text), text) == expected
