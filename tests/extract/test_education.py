"""Education parser: one behaviour per test, English and Chinese layouts."""

from __future__ import annotations

import json

import pytest

from resume_nlp.assemble import draft_to_dict
from resume_nlp.extract.education import EducationParser
from resume_nlp.models import Education
from tests.conftest import GOLD, SEEDS, analyse_text

PARSER = EducationParser()


def _drafts(text: str):
    doc = analyse_text(text)
    out = []
    for section in doc.sections:
        if section.kind == "education":
            out.extend(PARSER(doc.view(section)))
    return doc, out


def _entries(text: str) -> list[dict]:
    _, drafts = _drafts(text)
    return [Education(**draft_to_dict(d)).model_dump(mode="json", exclude_none=True)
            for d in drafts if d.kind == "education"]


def _awards(text: str) -> list[str]:
    _, drafts = _drafts(text)
    return [d.fields["title"][0].value for d in drafts if d.kind == "awards"]


def test_education_protocol():
    assert PARSER.name == "education" and PARSER.kinds == frozenset({"education"})


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Education\nB.S. in Computer Science, Stanford University, 2016–2020, GPA 3.9/4.0\n",
     ("Stanford University", "bachelor", "Computer Science", "2016", "2020")),
    ("Education\n• Peking University Beijing, China\nAug. 2017 - Jul. 2020 Master of Science in Computer Science;\n",
     ("Peking University", "master", "Computer Science", "2017-08", "2020-07")),
    ("Education\n### Washington University in St. Louis\n*Ph.D. in Computer Science*\nSt. Louis, MO, USA\n"
     "Aug. 2022 – May 2027(*expected*)\n",
     ("Washington University in St. Louis", "doctorate", "Computer Science", "2022-08", "2027-05")),
    ("教育经历\n2010-2014 阜阳师范大学 物理学 学士\n",
     ("阜阳师范大学", "bachelor", "物理学", "2010", "2014")),
    ("教育背景\n2015.09-2019.06 | 浙江大学 | 计算机科学与技术 | 本科\n",
     ("浙江大学", "bachelor", "计算机科学与技术", "2015-09", "2019-06")),
    ("教育经历\n学校: 复旦大学\n专业: 数学\n学历: 硕士\n时间: 2018.09-2021.06\n",
     ("复旦大学", "master", "数学", "2018-09", "2021-06")),
])
# fmt: on
def test_education_core_facts(text, expected):
    (e,) = _entries(text)
    inst, degree, fld, start, end = expected
    got = (next(iter(e["institution"].values())), e["degree"], next(iter(e["field"].values())),
           e["start"], e["end"])
    assert got == (inst, degree, fld, start, end)


# fmt: off
@pytest.mark.parametrize("line, raw, degree, fld", [
    ("INFORMATION ENGINEERING, M.S.", "M.S.", "master", "Information Engineering"),
    ("INFORMATION ENGINEERING, B.ENG.", "B.Eng.", "bachelor", "Information Engineering"),
    ("Bachelor of Science in Computer Science and Data Science; GPA: 4.00 / 4.00", "Bachelor of Science",
     "bachelor", "Computer Science and Data Science"),
    ("Bachelor of Software Engineering; GPA:3.57/4", "Bachelor of Software Engineering", "bachelor",
     "Software Engineering"),
    ("B.Eng. in Communication Engineering", "B.Eng.", "bachelor", "Communication Engineering"),
    ("M.S., Electrical Engineering, 2015", "M.S.", "master", "Electrical Engineering"),
    # UK classification after the field; a spelt-out degree's own abbreviation
    ("BSc (Hons) Accounting and Finance, First Class", "BSc", "bachelor", "Accounting and Finance"),
    ("BA Economics, 2:1", "BA", "bachelor", "Economics"),
    ("Master of Applied Science (MASc), Civil Engineering — 2016", "Master of Applied Science", "master",
     "Civil Engineering"),
    ("B.Tech (Information Technology) | 2023 | 8.62 CGPA", "B.Tech", "bachelor", "Information Technology"),
])
# fmt: on
def test_education_degree_and_field(line, raw, degree, fld):
    (e,) = _entries(f"Education\nZhejiang University\n{line}\n")
    assert (e["degree_raw"]["en"], e["degree"], e["field"]["en"]) == (raw, degree, fld)


# fmt: off
@pytest.mark.parametrize("line, gpa", [
    ("• Cum. GPA: 90.75/100, TOEFL: 102", [{"value": 90.75, "scale": 100.0}]),
    ("• Cum. GPA: 90.21/100, 3.93/4, Ranking 7th/174.", [{"value": 90.21, "scale": 100.0}, {"value": 3.93, "scale": 4.0}]),
    ("B.S.; GPA: 4.00 / 4.00", [{"value": 4.0, "scale": 4.0}]),
    ("B.S. GPA:3.57/4, Rank 24/131", [{"value": 3.57, "scale": 4.0}]),
    ("B.S. GPA ３．８／４．０", [{"value": 3.8, "scale": 4.0}]),
    ("本科 平均绩点 3.7/4.0", [{"value": 3.7, "scale": 4.0}]),
    ("B.Tech | 2023 | 8.62 CGPA", [{"value": 8.62, "scale": 10.0}]),
    ("Class XII (CBSE) | 2019 | 92.4%", [{"value": 92.4, "scale": 100.0}]),
])
# fmt: on
def test_education_gpa(line, gpa):
    (e,) = _entries(f"Education\nZhejiang University\n{line}\n")
    got = e["gpa"] if isinstance(e["gpa"], list) else [e["gpa"]]
    assert got == gpa


# fmt: off
@pytest.mark.parametrize("line, rank", [
    ("• GPA: 90.21/100, Ranking  $7^{th}/174$ .", {"position": 7, "total": 174}),
    ("B.S. Rank 24/131", {"position": 24, "total": 131}),
    ("本科 专业排名 3/120", {"position": 3, "total": 120}),
    ("本科 专业排名前5%", None),
    ("B.S.; GPA: 3.89 / 4.00 (Top 4%)", None),
])
# fmt: on
def test_education_rank(line, rank):
    (e,) = _entries(f"Education\nZhejiang University\n{line}\n")
    assert e.get("rank") == rank


def test_education_label_consumed():
    _, drafts = _drafts("Education\nZhejiang University\n• Cum. GPA: 90.21/100, Ranking 7th/174\n")
    labels = {m.value for d in drafts for m in d.consumed if m.field.endswith("_label")}
    assert {"GPA", "Rank"} <= labels


def test_education_highlights_tidied():
    text = "Education\n## **Zhejiang University**\nINFORMATION ENGINEERING, B.ENG.\n" \
           "- Cum. **GPA**: 90.21/100, 3.93/4, **Ranking**  $7^{th}/174$ .\n"
    doc, drafts = _drafts(text)
    (h,) = drafts[0].lists["highlights"]
    assert h[0].value == "Cum. GPA: 90.21/100, 3.93/4, Ranking 7th/174."
    assert doc.text[h[0].start:h[0].end].startswith("Cum. GPA")


def test_education_mention_spans_in_text():
    doc, drafts = _drafts("教育经历\n• 北京大学 北京,中国\n硕士 信息工程学院 计算机应用技术\nAug. 2017 - Jul. 2020\n")
    (d,) = drafts
    for name in ("institution", "degree_raw", "department", "field"):
        (m,) = d.fields[name]
        assert doc.text[m.start:m.end] == m.value


def test_education_two_column_trailing_dates():
    text = ("## Education\n\n## **Zhejiang University**\n\nINFORMATION ENGINEERING, M.S.\n\n- First author.\n\n"
            "## **Zhejiang University**\n\nINFORMATION ENGINEERING, B.ENG.\n\n- Scholarship.\n\n"
            "HangZhou, Zhejiang\n\nHangZhou, Zhejiang\n\nSep. 2014 - June 2018\n\nSep. 2018 - June 2021\n")
    got = [(e["degree"], e["start"], e["end"], e["location"]["city"]) for e in _entries(text)]
    assert got == [("master", "2018-09", "2021-06", "Hangzhou"), ("bachelor", "2014-09", "2018-06", "Hangzhou")]


def test_education_trailing_dates_keep_order_without_conflict():
    text = ("Education\n\nStanford University\n\nB.S. in CS\n\nMassachusetts Institute of Technology\n\nM.S. in EE\n\n"
            "2012 - 2016\n\n2016 - 2018\n")
    got = [(e["degree"], e.get("start")) for e in _entries(text)]
    assert got == [("bachelor", "2012"), ("master", "2016")]


def test_education_bullet_institution_starts_entry():
    text = ("EDUCATION\n• University of Michigan\nAnn Arbor, MI\nBachelor of Science in Data Science Sep. 2019 – May. 2022\n"
            "• Relevant Coursework: EECS 492 Intro to Artificial Intelligence (2020 Fall)\n"
            "• Tianjin University\nTianjin, China\nBachelor of Science in Pharmacy\nSep. 2017 - Jun. 2019\n")
    entries = _entries(text)
    assert [e["institution"]["en"] for e in entries] == ["University of Michigan", "Tianjin University"]
    assert entries[0]["highlights"] == [{"en": "Relevant Coursework: EECS 492 Intro to Artificial Intelligence (2020 Fall)"}]
    assert entries[0]["end"] == "2022-05" and entries[1]["start"] == "2017-09"


def test_education_contact_lines_ignored():
    text = "EDUCATION\n• University of Michigan\nEmail: x@umich.edu\nMobile: +1734-272-2163\nB.S. in Math\n"
    (e,) = _entries(text)
    assert e["highlights"] == [] and e["field"] == {"en": "Math"}


def test_education_second_degree_same_institution():
    entries = _entries("Education\nStanford University\nM.S. in Computer Science, 2020\nB.S. in Mathematics, 2018\n")
    assert [(e["institution"]["en"], e["degree"], e["end"]) for e in entries] == [
        ("Stanford University", "master", "2020"), ("Stanford University", "bachelor", "2018")]


def test_education_expected_flag():
    (e,) = _entries("Education\n### Washington University in St. Louis\nAug. 2022 – May 2027(*expected*)\n")
    assert e["expected"] is True
    (e,) = _entries("Education\nTianjin University\nSep. 2018 – June 2022\n")
    assert "expected" not in e


# fmt: off
@pytest.mark.parametrize("line, institution, department", [
    ("2018.09-2020.06 北京大学汇丰商学院 金融学 硕士", "北京大学", "汇丰商学院"),
    ("北京大学 硕士 信息工程学院 计算机应用技术", "北京大学", "信息工程学院"),
    ("國立臺灣大學 資訊工程學系 學士 民國104年9月至民國108年6月", "國立臺灣大學", "資訊工程學系"),
])
# fmt: on
def test_education_zh_department(line, institution, department):
    (e,) = _entries(f"教育经历\n{line}\n")
    assert (e["institution"]["zh"], e["department"]["zh"]) == (institution, department)


def test_education_traditional_dates_and_degree():
    (e,) = _entries("學歷\n國立臺灣大學 資訊工程學系 學士 民國104年9月至民國108年6月\n")
    assert (e["degree"], e["degree_raw"]["zh"], e["start"], e["end"]) == ("bachelor", "學士", "2015-09", "2019-06")


def test_education_mixed_line_bilingual_variants():
    (e,) = _entries("教育经历\n2019.09-2023.06 清华大学 Tsinghua University 计算机科学与技术 本科 B.Eng.\n")
    assert e["institution"] == {"en": "Tsinghua University", "zh": "清华大学"}
    assert e["degree_raw"] == {"en": "B.Eng.", "zh": "本科"}
    assert (e["degree"], e["field"]["zh"]) == ("bachelor", "计算机科学与技术")


def test_education_inline_research_direction_is_highlight():
    (e,) = _entries("教育经历\n2016-2020 华中师范大学 理论物理 硕士 研究方向: 机器学习\n")
    assert e["field"] == {"zh": "理论物理"} and e["highlights"] == [{"zh": "研究方向: 机器学习"}]


def test_education_table_header_skipped():
    entries = _entries("教育背景\n时间 | 学校 | 专业 | 学历\n2015.09-2019.06 | 浙江大学 | 计算机科学与技术 | 本科\n")
    assert len(entries) == 1 and entries[0]["highlights"] == []


# fmt: off
@pytest.mark.parametrize("text, awards", [
    ("Education\nZhejiang University\nB.Eng.\n• Meritorious Winner, Interdisciplinary Contest in Modeling (ICM)\n"
     "• First-Class Scholarship for Outstanding Students\n• First author in two academic papers.\n",
     ["Meritorious Winner, Interdisciplinary Contest in Modeling (ICM)", "First-Class Scholarship for Outstanding Students"]),
    ("Education\nUniversity of Michigan\nBachelor of Science in Data Science; GPA: 4.00 / 4.00 (University Honors)\n",
     ["University Honors"]),
    ("Education\nTianjin University\nB.S. in Pharmacy; GPA: 3.89 / 4.00 (Top 4%)\n", []),
    ("教育经历\n2015-2019 浙江大学 本科\n• 获国家奖学金、三好学生\n", ["获国家奖学金", "三好学生"]),
    ("Education\nStanford University\nB.S.\n• Honors: Dean's List, Tau Beta Pi Scholarship\n",
     ["Dean's List", "Tau Beta Pi Scholarship"]),
    # each listed award with its own date: the date leaves the title
    ("Education\nPeking University, B.S. Physics, 2015 – 2019\n• National Scholarship (2019), First-class Academic Scholarship (2020)\n",
     ["National Scholarship", "First-class Academic Scholarship"]),
    ("教育经历\n2015.09-2019.06 北京大学 物理学 本科\n• 国家奖学金（2019）、一等学业奖学金（2020）\n", ["国家奖学金", "一等学业奖学金"]),
    ("Education\nState University\n• Dean's List (2018, 2019)\n", ["Dean's List (2018, 2019)"]),
])
# fmt: on
def test_education_awards(text, awards):
    assert _awards(text) == awards


def test_education_award_stays_in_highlights():
    (e,) = _entries("Education\nZhejiang University\nB.Eng.\n• First-Class Scholarship for Outstanding Students\n")
    assert e["highlights"] == [{"en": "First-Class Scholarship for Outstanding Students"}]


def test_education_entries_in_resume_order():
    entries = _entries("教育经历\n2016-2020 华中师范大学 理论物理 硕士\n2010-2014 阜阳师范大学 物理学 学士\n")
    assert [e["institution"]["zh"] for e in entries] == ["华中师范大学", "阜阳师范大学"]


def test_education_no_entries_from_prose():
    assert _entries("Education\nI love learning new things every day.\n") == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_education_seed_matches_gold(seed):
    """Each education section of a seed (each language half of 004) agrees with the gold entries."""
    gold = json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))["education"]
    doc = analyse_text(seed.read_text(encoding="utf-8"))
    for section in (s for s in doc.sections if s.kind == "education"):
        drafts = [d for d in PARSER(doc.view(section)) if d.kind == "education"]
        got = [Education(**draft_to_dict(d)) for d in drafts]
        assert len(got) == len(gold)
        for e, g in zip(got, gold):
            assert (e.degree, e.start, e.end) == (g["degree"], g["start"], g["end"])
            assert e.field.text(section.lang) in g["field"].values()
            assert e.institution.text(section.lang) in g["institution"].values()


# fmt: off
GENERAL_EDUCATION = [
    # (text, institution, degree, field, start, end)
    ("學歷\n國立清華大學 資訊工程研究所 碩士　民國108年9月至民國110年6月\n",
     "國立清華大學", "master", "資訊工程", "2019-09", "2021-06"),
    ("學歷\n國立臺灣大學　電機工程學系　學士　２０１１年９月－２０１５年６月\n",
     "國立臺灣大學", "bachelor", "電機工程", "2011-09", "2015-06"),
    ("Education\nUniversity of Waterloo\nBachelor of Mathematics, Computer Science\n2012 - 2017\n",
     "University of Waterloo", "bachelor", "Computer Science", "2012", "2017"),
    ("Education\nB.S. Computer Science, University of Texas at Austin, 2018\n",
     "University of Texas at Austin", "bachelor", "Computer Science", None, "2018"),
    # a second institution-type phrase continues the name; it is never the field
    ("Education\nHochschule München University of Applied Sciences, M.Sc. Computer Science, 2015 – 2017\n",
     "Hochschule München University of Applied Sciences", "master", "Computer Science", "2015", "2017"),
    ("Education\nM.Sc. Computer Science, Hochschule München University of Applied Sciences, 2015 – 2017\n",
     "Hochschule München University of Applied Sciences", "master", "Computer Science", "2015", "2017"),
    ("Education\nETH Zürich – Swiss Federal Institute of Technology, M.Sc. Computer Science, 2015 – 2017\n",
     "ETH Zürich – Swiss Federal Institute of Technology", "master", "Computer Science", "2015", "2017"),
    ("Education\nTechnische Universität München (TUM), M.Sc. Informatics, 2015 – 2017\n",
     "Technische Universität München", "master", "Informatics", "2015", "2017"),
    ("Education\nRheinisch-Westfälische Technische Hochschule Aachen, B.Sc. Mechanical Engineering, 2011 – 2014\n",
     "Rheinisch-Westfälische Technische Hochschule Aachen", "bachelor", "Mechanical Engineering", "2011", "2014"),
    ("Education\nUniversity of California, Berkeley, B.S. Electrical Engineering, 2011 – 2015\n",
     "University of California, Berkeley", "bachelor", "Electrical Engineering", "2011", "2015"),
    ("Education\nThe Hong Kong University of Science and Technology, M.Phil. Computer Science, 2016 – 2018\n",
     "The Hong Kong University of Science and Technology", "master", "Computer Science", "2016", "2018"),
    ("Education\nIndian Institute of Technology Bombay, B.Tech. Computer Science, 2010 – 2014\n",
     "Indian Institute of Technology Bombay", "bachelor", "Computer Science", "2010", "2014"),
    ("Education\nÉcole Polytechnique Fédérale de Lausanne, M.Sc. Data Science, 2017 – 2019\n",
     "École Polytechnique Fédérale de Lausanne", "master", "Data Science", "2017", "2019"),
    # negatives: a real "Field, University" order, a location after a dash
    ("Education\nComputer Science, University of Toronto, B.Sc., 2012 – 2016\n",
     "University of Toronto", "bachelor", "Computer Science", "2012", "2016"),
    ("Education\nUniversity of Toronto – Toronto, ON, B.Sc. Computer Science, 2012 – 2016\n",
     "University of Toronto", "bachelor", "Computer Science", "2012", "2016"),
]
# fmt: on


@pytest.mark.parametrize("text, inst, degree, fld, start, end", GENERAL_EDUCATION)
def test_education_general_layouts(text, inst, degree, fld, start, end):
    (e,) = _entries(text)
    assert next(iter(e["institution"].values())) == inst
    assert (e.get("degree"), next(iter(e["field"].values())), e.get("start"), e.get("end")) == (degree, fld, start, end)


# fmt: off
@pytest.mark.parametrize("line, institution, department, fld", [
    ("Stanford University Graduate School of Business, MBA, 2015 – 2017", "Stanford University",
     "Graduate School of Business", None),
    ("Carnegie Mellon University School of Computer Science, M.S. Machine Learning, 2018 – 2020",
     "Carnegie Mellon University", "School of Computer Science", "Machine Learning"),
    ("MIT Sloan School of Management, MBA, 2015 – 2017", "MIT", "Sloan School of Management", None),
    ("Technische Universität München Institute for Advanced Study, Ph.D. Physics, 2016 – 2020",
     "Technische Universität München", "Institute for Advanced Study", "Physics"),
])
# fmt: on
def test_education_unit_after_institution_is_department_not_field(line, institution, department, fld):
    (e,) = _entries(f"Education\n{line}\n")
    assert (e["institution"]["en"], e["department"]["en"], e.get("field", {}).get("en")) == (institution, department, fld)


def test_education_table_header_is_consumed():
    _, drafts = _drafts("教育经历\n时间\t学校\t专业\t学历\n2016.09-2020.06\t南京大学\t人力资源管理\t本科\n")
    (d,) = [d for d in drafts if d.kind == "education"]
    assert any(m.value == "时间" for m in d.consumed)


# --- round 2: ongoing, exchange, double-degree, joined names, honours ------------------------

def test_education_zh_ongoing_phd_and_exchange_status_words():
    entries = _entries("教育背景\n2022.09-至今  清华大学  计算机科学与技术系  博士在读\n"
                       "2018.09-2022.06  武汉大学  计算机学院  计算机科学与技术  工学学士\n"
                       "双学位：经济学学士（武汉大学经济与管理学院）\nGPA：3.86/4.0，专业排名：5/186\n"
                       "2021.01-2021.05  新加坡国立大学  计算机学院  交换生\n")
    assert [e["institution"]["zh"] for e in entries] == ["清华大学", "武汉大学", "新加坡国立大学"]
    assert entries[0]["end"] == "present" and entries[0]["field"] == {"zh": "计算机科学与技术"}
    assert entries[1]["gpa"] == [{"value": 3.86, "scale": 4.0}] or entries[1]["gpa"] == {"value": 3.86, "scale": 4.0}
    assert "field" not in entries[2] and "degree" not in entries[2]


def test_education_en_joined_and_dashed_institution_names():
    entries = _entries("EDUCATION\nVirginia Polytechnic Institute and State University Blacksburg, VA United States\n"
                       "Bachelor's Degree 05/2011\nMajor: Economics\n\n2011   B.S., Biochemistry, University of Wisconsin–Madison\n")
    assert [e["institution"]["en"] for e in entries] == [
        "Virginia Polytechnic Institute and State University", "University of Wisconsin–Madison"]


def test_education_honours_class_is_not_field_or_award():
    _, drafts = _drafts("EDUCATION\nBachelor of Engineering (Honours) in Software Engineering    2012 – 2015\n"
                        "University of New South Wales, Sydney, NSW\n")
    edu = [d for d in drafts if d.kind == "education"]
    assert [m.value for m in edu[0].fields["field"]] == ["Software Engineering"]
    assert not [d for d in drafts if d.kind == "awards"]


def test_education_exchange_under_university_with_school_of():
    entries = _entries("EDUCATION\nUniversity of Toronto, Canada\nExchange Student, Rotman School of Management\n01/2017 – 04/2017\n")
    assert len(entries) == 1
    assert entries[0]["institution"] == {"en": "University of Toronto"}
    assert entries[0]["department"] == {"en": "Rotman School of Management"}
    assert "field" not in entries[0]


def test_education_hkdse_and_associate_in():
    entries = _entries("EDUCATION\nDiocesan Boys' School\nHong Kong Diploma of Secondary Education (HKDSE), 2014\n\n"
                       "Central Piedmont Community College, Charlotte, NC\n"
                       "Associate in Applied Science, Supply Chain Management, 2017\n")
    assert [e["degree"] for e in entries] == ["high_school", "associate"]
    assert entries[1]["field"] == {"en": "Supply Chain Management"}


# fmt: off
@pytest.mark.parametrize("text, expected", [
    # school-leaving qualifications: one entry per school, no field from the subject list or the board
    ("Education\nCheltenham Bournside School    2004 – 2011\nA-levels: Mathematics (A*), Economics (A)\n"
     "GCSEs: 10 at A*–C including Mathematics and English\n",
     [("Cheltenham Bournside School", "high_school", None)]),
    ("Education\nClass XII (CBSE) | Delhi Public School, R.K. Puram | 2019 | 92.4%\n"
     "Class X (CBSE) | Delhi Public School, R.K. Puram | 2017 | 10 CGPA\n",
     [("Delhi Public School", "high_school", None), ("Delhi Public School", "high_school", None)]),
    # a degree name holding an institution head word; a provider without one after degree and field
    ("Education\nHigher School Certificate (HSC), Merewether High School, 2009\n",
     [("Merewether High School", "high_school", None)]),
    ("Education\nCertificate III in Electrotechnology Electrician, TAFE NSW Hamilton, 2014\n",
     [("TAFE NSW Hamilton", "other", "Electrotechnology Electrician")]),
])
# fmt: on
def test_education_commonwealth_qualifications(text, expected):
    got = [(next(iter((e["institution"] or {}).values()), None), e["degree"],
            next(iter((e.get("field") or {}).values()), None)) for e in _entries(text)]
    assert got == expected


def test_education_table_header_row_is_no_highlight():
    (e,) = _entries("Education\nCourse | Institution | Year of Passing | Score\n"
                    "B.Tech (IT) | Vellore Institute of Technology | 2023 | 8.62 CGPA\n")
    assert not e.get("highlights")


# fmt: off
@pytest.mark.parametrize("line, fld", [
    # 专业 ("major") after the field is no part of it
    ("2020.09-2024.06　电子科技大学　信息与软件工程学院　软件工程专业　本科", "软件工程"),
    # a department with a part-time track: the field is the department's subject
    ("國立臺北大學　企業管理學系碩士在職專班　碩士　民國108年9月～110年7月", "企業管理"),
    ("2014.09-2018.06　浙江大学　计算机科学与技术　本科", "计算机科学与技术"),
])
# fmt: on
def test_education_zh_field_without_major_word_or_track(line, fld):
    (e,) = _entries(f"教育背景\n{line}\n")
    assert e["field"]["zh"] == fld
