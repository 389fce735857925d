from __future__ import annotations

import pytest

from resume_nlp.extract.misc import CertificateParser, InterestParser, JobIntentionParser, ReferenceParser
from tests.conftest import analyse_text


def _run(parser, text: str):
    doc = analyse_text(text)
    return [d for s in doc.sections if s.kind in parser.kinds for d in parser(doc.view(s))]


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Skills\n• Coursera Certification: Deep Learning Specialization; Python for Everybody Specialization.",
     [("Deep Learning Specialization", "Coursera", None), ("Python for Everybody Specialization", "Coursera", None)]),
    ("Certifications\nAWS Certified Solutions Architect – Associate (2021)",
     [("AWS Certified Solutions Architect – Associate", "AWS", "2021")]),
    ("证书\n计算机二级、CPA、证券从业资格", [("计算机二级", None, None), ("CPA", None, None), ("证券从业资格", None, None)]),
    # a date with how the certificate was obtained
    ("证书\n中国注册会计师（CPA），2018年全科通过\n中级会计师，2017年",
     [("中国注册会计师(CPA)", None, "2018"), ("中级会计师", None, "2017")]),
    ("证书\n教师资格证 2019年取得", [("教师资格证", None, "2019")]),
])
# fmt: on
def test_misc_certificates(text, expected):
    assert [(d.get("name"), d.get("issuer"), d.get("date")) for d in _run(CertificateParser(), text)] == expected


def test_misc_references_table():
    text = ("References\nName\tEmail\tRelation\nProf. Ann Lee\tann@u.edu\tMy advisor, HomePage\n"
            "Dr. Bo Chen\tbo@u.edu\tMentor")
    got = [(d.get("name"), d.get("email"), d.get("relation")) for d in _run(ReferenceParser(), text)]
    assert got == [("Ann Lee", "ann@u.edu", "My advisor"), ("Bo Chen", "bo@u.edu", "Mentor")]


def test_misc_references_blocks_and_on_request():
    text = "References\n• Dr. Ann Lee, Professor of Physics, ann@u.edu, +1 314 555 0100"
    (d,) = _run(ReferenceParser(), text)
    assert (d.get("name"), d.get("email"), d.get("relation")) == ("Ann Lee", "ann@u.edu", "Professor of Physics")
    assert _run(ReferenceParser(), "References\nReferences available upon request") == []


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("兴趣爱好\n• 物理学/篮球/计算机", ["物理学", "篮球", "计算机"]),
    ("Interests\nReading, hiking and photography", ["Reading", "hiking", "photography"]),
    ("Skills\nPython, Java\nHobbies: chess, tennis", ["chess", "tennis"]),
])
# fmt: on
def test_misc_interests(text, expected):
    assert [d.get("text") for d in _run(InterestParser(), text)] == expected


def test_misc_job_intention():
    (d,) = _run(JobIntentionParser(), "适合职位\n人工智能 机器学习、算法工程师")
    assert [i[0].value for i in d.lists["positions"]] == ["人工智能", "机器学习", "算法工程师"]
    (d,) = _run(JobIntentionParser(), "求职意向\n期望城市：北京/上海 期望薪资：20k-30k")
    assert [i[0].value for i in d.lists["locations"]] == ["北京", "上海"] and d.get("salary") == "20k-30k"


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Certificates\nCertified Kubernetes Administrator (CKA), The Linux Foundation, 2022",
     [("Certified Kubernetes Administrator (CKA)", "The Linux Foundation", "2022")]),
    ("Certifications\nAWS Certified Machine Learning – Specialty, Amazon Web Services, 2021\n"
     "Deep Learning Specialization — Coursera, 2018",
     [("AWS Certified Machine Learning – Specialty", "Amazon Web Services", "2021"),
      ("Deep Learning Specialization", "Coursera", "2018")]),
])
# fmt: on
def test_misc_certificate_issuer_after_name(text, expected):
    assert [(d.get("name"), d.get("issuer"), d.get("date")) for d in _run(CertificateParser(), text)] == expected


def test_misc_references_one_a_line_without_bullets():
    text = ("References\nSarah Kim — Engineering Manager, Airbnb — sarah.kim@example.com — (415) 555-0110\n"
            "Tom Becker — Staff Engineer, Pinterest — tbecker@example.com")
    assert [(d.get("name"), d.get("email")) for d in _run(ReferenceParser(), text)] == [
        ("Sarah Kim", "sarah.kim@example.com"), ("Tom Becker", "tbecker@example.com")]


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Interests\nTrail running, choral singing, and urban gardening", ["Trail running", "choral singing", "urban gardening"]),
    ("Interests\nRock climbing · Chess · Home espresso", ["Rock climbing", "Chess", "Home espresso"]),
])
# fmt: on
def test_misc_interest_separators(text, expected):
    assert [d.get("text") for d in _run(InterestParser(), text)] == expected


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Certifications\nPMP, PMI, #1234567, valid until 2026", [("PMP", "PMI", None)]),
    ("Licenses\nRegistered Nurse (RN), Texas Board of Nursing, License #872341, exp. 08/2025",
     [("Registered Nurse (RN)", "Texas Board of Nursing", None)]),
    ("Certifications\nProgressive Care Certified Nurse (PCCN), AACN, 2021", [("Progressive Care Certified Nurse (PCCN)", "AACN", "2021")]),
    ("证书\n2021.11 Oracle Certified Professional, Java SE 11 Developer",
     [("Oracle Certified Professional, Java SE 11 Developer", "Oracle", "2021-11")]),
])
# fmt: on
def test_certificates_ids_expiry_and_tracks(text, expected):
    got = [(d.get("name"), d.get("issuer"), d.get("date")) for d in _run(CertificateParser(), text)]
    assert got == expected


def test_references_side_by_side_columns():
    text = ("References\nProf. Dr. Andreas Butz\tDr. Sabine Keller\n"
            "Chair of Media Informatics, LMU Munich\tUX Lead, Siemens AG\nbutz@example.de\ts.keller@example.com")
    got = [(d.get("name"), d.get("email"), d.get("relation")) for d in _run(ReferenceParser(), text)]
    assert got == [("Andreas Butz", "butz@example.de", "Chair of Media Informatics, LMU Munich"),
                   ("Sabine Keller", "s.keller@example.com", "UX Lead, Siemens AG")]


def test_interests_separated_by_icon_gaps():
    got = [d.get("text") for d in _run(InterestParser(), "Interests\n🏃 Half marathons   📚 Book club   🎸 Guitar")]
    assert got == ["Half marathons", "Book club", "Guitar"]


# fmt: off
@pytest.mark.parametrize("text, positions, locations, salary", [
    ("期望职位\n前端开发工程师 · 深圳 · 25-35K", ["前端开发工程师"], ["深圳"], "25-35K"),
    ("求职意向\n求职意向：Java开发工程师，北京，15-20K", ["Java开发工程师"], ["北京"], "15-20K"),
    ("求职意向\n职    位：产品经理\n城    市：杭州\n薪    资：面议", ["产品经理"], ["杭州"], "面议"),
    ("求职意向\n期望岗位：产品经理\n工作地点：杭州、上海\n期望月薪：15K-20K/月", ["产品经理"], ["杭州", "上海"], "15K-20K/月"),
    # 智联: keys the profile has no field for (目前状况, 期望从事行业) are not positions
    ("求职意向\n期望工作地区：上海\n期望月薪：40001-60000元/月\n目前状况：我目前在职，正考虑换个新环境\n"
     "期望从事职业：产品总监、高级产品经理\n期望从事行业：互联网/电子商务、计算机软件",
     ["产品总监", "高级产品经理"], ["上海"], "40001-60000元/月"),
    # 104 (Taiwan) keys
    ("求職意向\n希望職稱：行銷企劃、品牌經理\n希望地點：台北市、新北市\n希望待遇：面議", ["行銷企劃", "品牌經理"],
     ["台北市", "新北市"], "面議"),
    ("Job Intention\nDesired position: Data Scientist\nPreferred location: Seattle, WA; Boston, MA\nExpected salary: $150k",
     ["Data Scientist"], ["Seattle, WA", "Boston, MA"], "$150k"),
])
# fmt: on
def test_job_intention_pieces(text, positions, locations, salary):
    (d,) = _run(JobIntentionParser(), text)
    assert [i[0].value for i in d.lists.get("positions", [])] == positions
    assert [i[0].value for i in d.lists.get("locations", [])] == locations
    assert d.get("salary") == salary


def test_job_intention_one_pipe_line():
    drafts = _run(JobIntentionParser(), "求职意向\nJava开发工程师 | 北京 | 15-20K | 随时到岗")
    d = drafts[0]
    assert [i[0].value for i in d.lists["positions"]] == ["Java开发工程师"]
    assert [i[0].value for i in d.lists["locations"]] == ["北京"]
    assert d.get("salary") == "15-20K"
