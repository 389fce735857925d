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
    # a list whose items carry their own dates: each keeps its own
    ("Awards\nNational Scholarship (2019), First-class Academic Scholarship (2020)",
     [("National Scholarship", "2019"), ("First-class Academic Scholarship", "2020")]),
    ("获奖情况\n国家奖学金（2019）、一等学业奖学金（2020）", [("国家奖学金", "2019"), ("一等学业奖学金", "2020")]),
    ("获奖情况\n2019年国家奖学金，2020年校级三好学生", [("国家奖学金", "2019"), ("校级三好学生", "2020")]),
    # the verb an award line opens with is no part of the title
    ("获奖情况\n2015年获中央财经大学研究生学业一等奖学金\n2018年 荣获普华永道年度优秀员工",
     [("中央财经大学研究生学业一等奖学金", "2015"), ("普华永道年度优秀员工", "2018")]),
    ("Awards\n2019 National Scholarship, 2020 Outstanding Graduate Award",
     [("National Scholarship", "2019"), ("Outstanding Graduate Award", "2020")]),
    ("Awards\nNational Scholarship (2019), Dean's List", [("National Scholarship", "2019"), ("Dean's List", None)]),
    # a date line under such a list dates only its undated items
    ("Awards\nNational Scholarship (2019), Dean's List\n2021", [("National Scholarship", "2019"), ("Dean's List", "2021")]),
    # negatives: one date for the whole list still dates every item; a date inside a title stays
    ("Awards\nNational Scholarship, Dean's List (2020)", [("National Scholarship", "2020"), ("Dean's List", "2020")]),
    ("Awards\nDean's List (2018, 2019)", [("Dean's List", None)]),
    ("Experience\nAcme Corp, Engineer, 2019 – 2021\n• Hackathon First Prize (2019), Best Demo Award (2020)",
     [("Hackathon First Prize", "2019"), ("Best Demo Award", "2020")]),
])
# fmt: on
def test_awards_section(text, expected):
    assert _awards(text) == expected


def test_awards_in_education_bullets():
    text = ("Education\nState University\n• GPA: 3.9/4.0 (University Honors)\n"
            "• Meritorious Winner, Interdisciplinary Contest in Modeling (ICM)\n• Took courses in algebra.")
    assert [t for t, _ in _awards(text)] == ["University Honors", "Meritorious Winner, Interdisciplinary Contest in Modeling (ICM)"]


def test_awards_prose_is_not_an_award():
    # a sentence that mentions a prize without naming one is a highlight; a named award is an award
    text = "Experience\nAcme 2019 - 2020\n• Built the search back end. Finally our team was awarded for it."
    assert _awards(text) == []
    text = "Experience\nAcme 2019 - 2020\n• Built the search back end. Finally we won the Best Project Award."
    assert _awards(text) == [("Best Project Award", None)]


@pytest.mark.parametrize("text,value", [("2017.06", "2017-06"), ("June 2018", "2018-06"), ("2014 ~ 2017", None)])
def test_awards_dates(text, value):
    assert find_dates(text)[0].value == value


def _awards_full(text: str):
    doc = analyse_text(text)
    parser = AwardParser()
    return [(d.get("title"), d.get("date"), d.get("issuer")) for s in doc.sections if s.kind in parser.kinds
            for d in parser(doc.view(s))]


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Honors and Awards\nNSF CAREER Award, 2023\nSavage Award for the best dissertation, International Society for "
     "Bayesian Analysis, 2018",
     [("NSF CAREER Award", "2023", None),
      ("Savage Award for the best dissertation", "2018", "International Society for Bayesian Analysis")]),
    ("Honors\n2022    Best Systems Paper Award, Conference on Robot Learning\n2019    Edmund J. James Scholar, University of Illinois",
     [("Best Systems Paper Award", "2022", "Conference on Robot Learning"),
      ("Edmund J. James Scholar", "2019", "University of Illinois")]),
    ("Awards\nBest Paper Award, SIGMOD 2023", [("Best Paper Award", "2023", "SIGMOD")]),
])
# fmt: on
def test_awards_issuer_after_title(text, expected):
    assert _awards_full(text) == expected


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Experience\nAmazon — Engineer  2018 – 2021\n• Received the 2020 AWS Builder Award for the pipeline redesign.",
     [("AWS Builder Award", "2020")]),
    ("Experience\nAirbnb — Engineer  2020 – Present\n• Won first place at the 2021 company-wide hackathon for a classifier.\n"
     "• Recognized with the Q3 2022 Engineering Excellence Award.",
     [("First place at the company-wide hackathon", "2021"), ("Engineering Excellence Award", "2022")]),
    ("Experience\nMSR — Researcher  2021 – Present\n• Received the Microsoft Research Outstanding Impact Award (2023) for it.",
     [("Microsoft Research Outstanding Impact Award", "2023")]),
    ("Experience\nPinterest — Engineer  2017 – 2020\n• Maintained the feature store; awarded for on-call reliability in 2018.", []),
    ("Education\nUniversity of Washington — B.S.  2014 – 2018\nGPA: 3.81/4.0 · Dean's List (6 quarters)", [("Dean's List", None)]),
    ("Education\nUniversity of Michigan — B.A., Psychology, summa cum laude, 2014 – 2018", [("summa cum laude", None)]),
])
# fmt: on
def test_awards_named_in_sentences(text, expected):
    assert _awards(text) == expected


def test_awards_sentence_repeating_an_awards_section_entry_is_dropped():
    text = ("Awards\nBest Project Team Award of Google AI ML Winter Camp\n\nProjects\nFashion search 2019\n"
            "- Built the back end. Finally we won the Best Project Award.")
    assert _awards(text) == [("Best Project Team Award of Google AI ML Winter Camp", None)]


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Honors and Awards\nNSF CAREER Award, 2023\nTeaching\nInstructor, STATS 500, University of Michigan, Fall 2021",
     [("NSF CAREER Award", "2023")]),
    ("獲獎經歷\n2018 年 書卷獎\n自傳\n我是一位積極主動、注重細節的人資工作者，擅長跨部門溝通，期望在人才發展領域持續成長。",
     [("書卷獎", "2018")]),
])
# fmt: on
def test_awards_lost_heading_ends_the_section(text, expected):
    assert _awards(text) == expected


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Honors & Awards\nNSF CAREER Award, National Science Foundation, $550,000, 2023",
     [("NSF CAREER Award", "2023", "National Science Foundation")]),
    ("Honors & Awards\nBeckman Young Investigator Award, Arnold and Mabel Beckman Foundation, 2022",
     [("Beckman Young Investigator Award", "2022", "Arnold and Mabel Beckman Foundation")]),
    ("Awards\nDreyfus Teacher-Scholar Prize ($5,000), 2021", [("Dreyfus Teacher-Scholar Prize", "2021", None)]),
    ("Awards\niF Design Student Award, iF International Forum Design, 2018",
     [("iF Design Student Award", "2018", "iF International Forum Design")]),
    ("Awards\nMeritorious Winner, Interdisciplinary Contest in Modeling, 2019",
     [("Meritorious Winner, Interdisciplinary Contest in Modeling", "2019", None)]),
    ("Experience\nBaylor Medical Center, Registered Nurse, 2019 – Present\n- Named DAISY Award honoree in 2022.",
     [("DAISY Award", "2022", None)]),
    ("实习经历\n2022.07-2022.09 蚂蚁集团 数据分析实习生\n竞赛获奖\n国家奖学金（国家级） 2021.11", [("国家奖学金(国家级)", "2021-11", None)]),
    ("工作经历\n2020.01-至今 京东 财务经理\n奖惩情况\n2015年获中央财经大学一等奖学金",
     [("中央财经大学一等奖学金", "2015", None)]),
])
# fmt: on
def test_awards_money_issuers_and_stray_headings(text, expected):
    assert _awards_full(text) == expected
