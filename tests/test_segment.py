"""segment: headings in both languages, styled lines, sections with offsets."""

from __future__ import annotations

import pytest

from resume_nlp.segment import heading_kind
from tests.conftest import analyse_text

# fmt: off
@pytest.mark.parametrize("heading, kind", [
    ("Education", "education"), ("EDUCATION", "education"), ("教育经历", "education"),
    ("教育背景", "education"), ("學歷", "education"), ("教育背景 Education", "education"),
    ("Education / 教育背景", "education"), ("Experience _____", "work"), ("工作经历", "work"),
    ("实习经历", "work"), ("工作經驗", "work"), ("WORK EXPERIENCE", "work"), ("RESEARCH EXPERIENCE", "work"),
    ("项目经历", "projects"), ("RESEARCH PROJECTS", "projects"), ("Publications", "publications"),
    ("论文", "publications"), ("发表论文", "publications"), ("Skills", "skills"), ("专业技能", "skills"),
    ("技能", "skills"), ("TECHNICAL SKILLS", "skills"), ("SKILLS AND CERTIFICATIONS", "skills"),
    ("Honors", "awards"), ("Awards", "awards"), ("获奖", "awards"), ("曾获奖励", "awards"),
    ("Summary", "summary"), ("个人介绍", "summary"), ("自我评价", "summary"), ("Interests", "interests"),
    ("兴趣爱好", "interests"), ("References", "references"), ("Referrers___", "references"),
    ("求职意向", "job_intention"), ("适合职位", "job_intention"), ("Languages", "languages"),
    ("Certificates", "certificates"), ("个人信息", "basics"), ("附录 I：「部分实验结果」", "appendix"),
    ("一、教育背景", "education"), ("1. Education", "education"), ("Education:", "education"),
    ("【工作经历】", "work"),
    ("CAREER OVERVIEW", "summary"), ("PROFESSIONAL QUALIFICATIONS", "certificates"),
    ("Achievements & Extra-Curricular Activities", "awards"), ("Licences & Tickets", "certificates"),
    ("DECLARATION", "other"), ("Professional Affiliations", "other"), ("IT Skills", "skills"),
])
# fmt: on
def test_segment_heading_kind(heading, kind):
    assert heading_kind(heading) == kind


# fmt: off
@pytest.mark.parametrize("line", [
    "Zhejiang University", "Software Engineer", "I love education and teaching kids every weekend",
    "北京大学", "Python, C++, Java",
])
# fmt: on
def test_segment_not_a_heading(line):
    assert heading_kind(line) is None


# fmt: off
@pytest.mark.parametrize("text, kinds", [
    ("Jane Doe\njane@x.com\n\nEducation\nMIT\n\nExperience\nGoogle", ["header", "education", "work"]),
    ("# Jane Doe\n\n## **Zhejiang University**\n\n## Education\n\n## **Zhejiang University**",
     ["header", "education"]),
    ("**RESEARCH AND TEACHING EXPERIENCE**\nTA, MIT", ["work"]),
    ("王小明\n\n教育背景 Education\n北京大学\n\n工作經驗\n騰訊", ["header", "education", "work"]),
    ("EDUCATION\nA\nPUBLICATIONS\nB\nREFERENCES\nC", ["education", "publications", "references"]),
    # an entry's sub-label in another style than the ALL-CAPS section heading does not end the section
    ("PROFESSIONAL EXPERIENCE\nEngineer — Metrolinx — Mar 2020 to Present\nSelected Accomplishments:\n▪ Did X.\n"
     "Engineer — EllisDon — Jun 2016 to Feb 2020\nKey Achievements:\n▪ Did Y.\nSKILLS\nPython",
     ["work", "skills"]),
    ("EXPERIENCE\nEngineer, Acme, 2019\nEducation:\nMIT", ["work", "education"]),
    # a course list ending an education section is no headless skills section
    ("教育背景\n2020.09-2024.06　电子科技大学　软件工程　本科\n主修课程：数据结构与算法(94)、操作系统(91)、计算机网络(89)",
     ["education"]),
])
# fmt: on
def test_segment_sections(text, kinds):
    doc = analyse_text(text)
    assert [s.kind for s in doc.sections] == kinds


def test_segment_section_offsets_cover_heading_and_body():
    doc = analyse_text("Jane\n\nEducation\nMIT 2019\n\nSkills\nPython")
    edu = doc.sections[1]
    assert doc.text[edu.start:edu.end] == "Education\nMIT 2019"
    assert doc.text[edu.body_start:edu.end] == "MIT 2019"
    assert (edu.heading, edu.lang) == ("Education", "en")


def test_segment_section_language_follows_body():
    doc = analyse_text("教育背景 Education\n北京大学 计算机 本科")
    assert doc.sections[0].lang == "zh"


# Each seed's sections, by kind, in order (gold: which sections the resume has).
SEED_SECTIONS = {
    "000_dd3fa7857e3177f8": ["header", "education", "work", "skills", "publications", "references"],
    "001_cabae79e750d549c": ["header", "education", "work", "publications", "skills"],
    "002_e043cbb20aad4144": ["header", "education", "work", "publications", "projects", "projects", "skills"],
    "003_2753b7b0fde49a33": ["work", "skills", "interests", "summary", "education", "job_intention",
                             "appendix", "appendix"],
    "004_047d70e5b9cb1943": ["header", "education", "awards", "work", "publications", "skills",
                             "education", "awards", "work", "publications", "skills"],
}


@pytest.mark.parametrize("stem", sorted(SEED_SECTIONS))
def test_segment_seed_sections(stem, seed_texts):
    doc = analyse_text(seed_texts[stem])
    assert [s.kind for s in doc.sections] == SEED_SECTIONS[stem]


# fmt: off
@pytest.mark.parametrize("heading, kind", [
    ("Educatlon", "education"), ("EXPERlENCE", "work"), ("Publicatons", "publications"),
])
# fmt: on
def test_segment_heading_with_one_ocr_slip(heading, kind):
    doc = analyse_text(f"Jane Doe\n\n{heading}\nsomething")
    assert [s.kind for s in doc.sections] == ["header", kind]


def test_segment_ocr_tolerance_does_not_invent_headings():
    doc = analyse_text("Jane Doe\n\nEducated\nsomething")
    assert [s.kind for s in doc.sections] == ["header"]


# fmt: off
@pytest.mark.parametrize("text, lang", [
    ("发表论文\nNon-local Recurrent Neural Memory for Supervised Sequence Modeling. ICCV 2019.", "zh"),
    ("PUBLICATIONS\n基于学习率变化的深度学习优化算法的研究", "en"),
    ("教育背景 Education\n北京大学 计算机 本科", "zh"),
])
# fmt: on
def test_segment_section_language_follows_a_monolingual_heading(text, lang):
    assert analyse_text(text).sections[0].lang == lang
