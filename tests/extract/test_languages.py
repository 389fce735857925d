from __future__ import annotations

import pytest

from resume_nlp.extract.languages import LanguageParser, find_tests
from tests.conftest import analyse_text


def _langs(text: str):
    doc = analyse_text(text)
    parser = LanguageParser()
    out = []
    for section in doc.sections:
        if section.kind in parser.kinds:
            for d in parser(doc.view(section)):
                tests = [(t[0].value["name"], t[0].value["score"]) for t in d.lists.get("tests", [])]
                out.append((d.get("language"), d.get("proficiency"), tests))
    return out


# fmt: off
@pytest.mark.parametrize("text,name,score,sections", [
    ("CET-6 580", "CET-6", 580, {}),
    ("英语六级（CET-6）：580分", "CET-6", 580, {}),
    ("IELTS 7.5 (L8 R8.5 W6.5 S7)", "IELTS", 7.5, {"listening": 8, "reading": 8.5, "writing": 6.5, "speaking": 7}),
    ("TOEFL: 102 (Reading 29; Listening 28; Speaking 22; Writing 23)", "TOEFL", 102,
     {"reading": 29, "listening": 28, "speaking": 22, "writing": 23}),
    ("日语 N2", "JLPT N2", None, {}),
    ("托福 105 分", "TOEFL", 105, {}),
])
# fmt: on
def test_languages_test_scores(text, name, score, sections):
    (hit,) = find_tests(text, text, 0, len(text))
    assert (hit.name, hit.score, hit.sections) == (name, score, sections)


def test_languages_year_is_not_a_score():
    (hit,) = find_tests("TOEFL 2019", "TOEFL 2019", 0, 10)
    assert hit.score is None


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Languages\nEnglish (fluent), Chinese (native)", [("en", "fluent", []), ("zh", "native", [])]),
    ("Skills\nLanguages: English, Chinese", [("en", None, []), ("zh", None, [])]),
    ("语言能力\n英语（流利），TOEFL 110\n日语 N2", [("en", "流利", [("TOEFL", 110)]), ("ja", None, [("JLPT N2", None)])]),
    ("Education\nZhejiang University\n• GPA: 3.9/4.0, TOEFL: 102 (Reading 29; Listening 28)", [("en", None, [("TOEFL", 102)])]),
    ("語言能力\n英語：六級 560", [("en", None, [("CET-6", 560)])]),
    ("語言能力\n日文：中等（JLPT N3）", [("ja", "中等", [("JLPT N3", None)])]),
])
# fmt: on
def test_languages_sections(text, expected):
    assert _langs(text) == expected


# fmt: off
@pytest.mark.parametrize("text,name,score,sections", [
    ("GRE: V160+Q170+AW4.0", "GRE", 330, {"verbal": 160, "quantitative": 170, "analytical_writing": 4.0}),
    ("GRE 325 (V155+Q170+AW3.5)", "GRE", 325, {"verbal": 155, "quantitative": 170, "analytical_writing": 3.5}),
    ("IELTS 7.5 (L8.0/R8.5/W6.5/S7.0)", "IELTS", 7.5, {"listening": 8, "reading": 8.5, "writing": 6.5, "speaking": 7}),
    ("ＩＥＬＴＳ　７．５（Ｌ８．０／Ｒ８．５／Ｗ６．５／Ｓ７．０）", "IELTS", 7.5,
     {"listening": 8, "reading": 8.5, "writing": 6.5, "speaking": 7}),
    ("英語：多益 TOEIC 905 分", "TOEIC", 905, {}),
    # the test's two names side by side, the score after both
    ("英文：精通（TOEIC 多益 875分）", "TOEIC", 875, {}),
    ("托福 TOEFL 105", "TOEFL", 105, {}),
])
# fmt: on
def test_languages_test_formats(text, name, score, sections):
    doc = analyse_text(text)
    hits = find_tests(doc.text, doc.simplified, 0, len(doc.text))
    assert [(h.name, h.score, h.sections) for h in hits] == [(name, score, sections)]


def test_languages_more_spoken_languages():
    text = "Languages\nEnglish (native), French (professional working proficiency), Swahili (conversational)"
    assert [(c, p) for c, p, _ in _langs(text)] == [
        ("en", "native"), ("fr", "professional working proficiency"), ("sw", "conversational")]


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Chinese: HSK 5 (256/300), HSKK Intermediate", [("HSK 5", 256.0), ("HSKK Intermediate", None)]),
    ("French — B1 (DELF B1)", [("DELF B1", None)]),
    ("英语：CET-6（562）、雅思 7.0", [("CET-6", 562.0), ("IELTS", 7.0)]),
    ("HSK六级", [("HSK 6", None)]),
    ("English — C1 (TOEFL iBT 108: Reading 28, Listening 29, Speaking 25, Writing 26; MyBest 111)", [("TOEFL", 108.0)]),
])
# fmt: on
def test_tests_with_levels_and_parenthesised_scores(text, expected):
    assert [(t.name, t.score) for t in find_tests(text, text, 0, len(text))] == expected


def test_toefl_sections_after_a_colon():
    t = "TOEFL iBT 108: Reading 28, Listening 29, Speaking 25, Writing 26"
    assert find_tests(t, t, 0, len(t))[0].sections == {"reading": 28, "listening": 29, "speaking": 25, "writing": 26}


def test_languages_two_different_tests_side_by_side():
    # only a second name of the same test joins the first; "GRE GMAT 700" is two tests
    hits = find_tests("GRE GMAT 700", "GRE GMAT 700", 0, 12)
    assert [(h.name, h.score) for h in hits] == [("GRE", None), ("GMAT", 700)]
