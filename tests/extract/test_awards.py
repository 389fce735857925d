from __future__ import annotations

import pytest

from resume_nlp.extract.awards import AwardParser, find_dates
from tests.conftest import analyse_text


def _awards(text: str):
    doc = analyse_text(text)
    parser = AwardParser()
    out = []
    for section in doc.sections:
        if section.kind in parser.kinds:
            out += [(d.get("title"), d.get("date")) for d in parser(doc.view(section))]
    return out


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Awards\n• Dean's List, Best Paper Award, Gold Medal, etc 2015 ~ 2018",
     [("Dean's List", None), ("Best Paper Award", None), ("Gold Medal", None)]),
    ("Awards\n• First Prize, National Contest in Physics 2016.05", [("First Prize, National Contest in Physics", "2016-05")]),
    ("Honors\n• Hackathon Winner of Acme Summit\n2019.01", [("Hackathon Winner of Acme Summit", "2019-01")]),
    ("获奖情况\n• 一等奖学金、优秀学生干部、三好学生等\n• 国家奖学金（2020年）",
     [("一等奖学金", None), ("优秀学生干部", None), ("三好学生", None), ("国家奖学金", "2020")]),
    ("獲獎經歷\n・清華大學 2019 屆優秀畢業生\n2019.06", [("清華大學 2019 屆優秀畢業生", "2019-06")]),
])
# fmt: on
def test_awards_section(text, expected):
    assert _awards(text) == expected


def test_awards_in_education_bullets():
    text = ("Education\nState University\n• GPA: 3.9/4.0 (University Honors)\n"
            "• Meritorious Winner, Interdisciplinary Contest in Modeling (ICM)\n• Took courses in algebra.")
    assert [t for t, _ in _awards(text)] == ["University Honors", "Meritorious Winner, Interdisciplinary Contest in Modeling (ICM)"]


def test_awards_prose_is_not_an_award():
    text = "Experience\nAcme 2019 - 2020\n• Built the search back end. Finally we won the Best Project Award."
    assert _awards(text) == []


@pytest.mark.parametrize("text,value", [("2017.06", "2017-06"), ("June 2018", "2018-06"), ("2014 ~ 2017", None)])
def test_awards_dates(text, value):
    assert find_dates(text)[0].value == value
