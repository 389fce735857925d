"""Gazetteers: character-level search, normalized lookup, e-mail domains, locations."""

from __future__ import annotations

import threading

import pytest

from resume_nlp import gazetteer
from resume_nlp.gazetteer import (
    Entity,
    Match,
    companies,
    institution_by_email,
    institutions,
    locations,
    normalize_name,
    organizations,
    parse_location,
)

# fmt: off
FIND_CASES = [
    # text, expected [(surface, id)]
    ("北京航空航天大学", [("北京航空航天大学", "buaa")]),
    ("・**北京航空航天大学** 北京", [("北京航空航天大学", "buaa")]),
    ("- · 腾讯 优图实验室 人脸识别", [("腾讯 优图实验室", "tencent-youtu")]),
    ("- Tencent Youtu X-Lab Face Recognition", [("Tencent Youtu X-Lab", "tencent-youtu")]),
    ("experiences on face search at Tencent Youtu XLab.", [("Tencent Youtu XLab", "tencent-youtu")]),
    ("*Institute of Automation, Chinese Academy of Sciences, Beijing, China*",
     [("Institute of Automation, Chinese Academy of Sciences", "cas-ia")]),
    ("HUAWEI TECHNOLOGIES CO., LTD, HANGZHOU", [("HUAWEI TECHNOLOGIES CO., LTD", "huawei")]),
    ("華為技術有限公司 杭州研究所", [("華為技術有限公司", "huawei")]),
    ("國立臺灣大學 資訊工程學系", [("國立臺灣大學", "tw-ntu")]),
    ("• Peking University Beijing, China", [("Peking University", "pku")]),
    ("Room 6-423, YuQuan Campus, ZheJiang University, HangZhou", [("ZheJiang University", "zju")]),
    ("实习生 导师:曹琼 牛津大学 VGG", [("牛津大学", "oxford")]),
    ("2016-2020 华中师范大学 理论物理", [("华中师范大学", "cn-huazhongshifandaxue")]),
    ("*OPPO Research Institute, Beijing, China*", [("OPPO Research Institute", "oppo-research")]),
    ("University of Michigan, School of Information", [("University of Michigan", "umich")]),
    ("### Washington University in St. Louis", [("Washington University in St. Louis", "wustl")]),
    ("• Google Brain • TensorFlow AutoML", [("Google Brain", "google-brain")]),
    ("Microsoft Research Asia (MSRA) 微软亚洲研究院",
     [("Microsoft Research Asia", "msra"), ("MSRA", "msra"), ("微软亚洲研究院", "msra")]),
    ("阿里巴巴集团(中国)有限公司", [("阿里巴巴集团(中国)有限公司", "alibaba")]),
    ("Microsoft (China) Co., Ltd.", [("Microsoft (China) Co., Ltd.", "microsoft")]),
    ("McKinsey & Company, Shanghai", [("McKinsey & Company", "mckinsey")]),
    ("毕业于哈工大，后入职字节跳动", [("哈工大", "hit"), ("字节跳动", "bytedance")]),
    ("中国科学院计算技术研究所 博士", [("中国科学院计算技术研究所", "cas-ict")]),
]

NO_MATCH = [
    "Host: wangtz@google.com May 2019",      # inside an e-mail address
    "see https://www.tencent.com/en-us",     # inside a URL
    "Meta-learning for few-shot tasks",      # hyphenated compound
    "in vivo experiments",                   # short names match only as written / upper case
    "we hit the target",                     # acronym HIT only in upper case
    "Union, The Union",                      # world-university names need a head word
    "Python, Java, C++, Shell scripting",
    "",
]

LOOKUP_CASES = [
    ("HUAWEI TECHNOLOGIES CO., LTD", "huawei"),
    ("华为技术有限公司", "huawei"),
    ("腾讯科技（深圳）有限公司", "tencent"),
    ("國立臺灣大學", "tw-ntu"),
    ("the university of hong kong", "hku"),
    ("Peking Univ.", "pku"),
    ("上交", "sjtu"),                        # lookup-only alias
    ("MIT", "mit"),
    ("Beihang University", "buaa"),
    ("Beijing University of Aeronautics and Astronautics", "buaa"),
    ("State University of New York at Binghamton", "binghamton"),
    ("Institute of Automation, CAS", "cas-ia"),
    ("Tencent Youtu X-Lab", "tencent-youtu"),
    ("优图实验室", "tencent-youtu"),
    ("中石油", "cnpc"),
    ("Deloitte", "deloitte"),
]

EMAIL_CASES = [
    ("cpz@pku.edu.cn", "Peking University"),
    ("zhongfei@cs.binghamton.edu", "Binghamton University"),
    ("qiong@robots.ox.ac.uk", "University of Oxford"),
    ("someone@mails.tsinghua.edu.cn", "Tsinghua University"),
    ("x@umich.edu", "University of Michigan"),
    ("wangtz@google.com", None),
    ("a@edu.cn", None),
    ("not an address", None),
]

LOCATION_CASES = [
    ("HangZhou, Zhejiang", {"city": "Hangzhou", "region": "Zhejiang", "country": "CN"}),
    ("Ann Arbor, MI", {"city": "Ann Arbor", "region": "MI", "country": "US"}),
    ("St. Louis, MO, USA", {"city": "St. Louis", "region": "MO", "country": "US"}),
    ("Tianjin, China", {"city": "Tianjin", "country": "CN"}),
    ("Beijing, China", {"city": "Beijing", "country": "CN"}),
    ("北京,中国", {"city": "北京", "country": "CN"}),
    ("深圳", {"city": "深圳", "country": "CN"}),
    ("深圳市", {"city": "深圳", "country": "CN"}),
    ("浙江杭州", {"city": "杭州", "region": "浙江", "country": "CN"}),
    ("臺北", {"city": "臺北", "country": "TW"}),
    ("Hong Kong, China", {"city": "Hong Kong", "country": "HK"}),
    ("Cambridge, MA", {"city": "Cambridge", "region": "MA", "country": "US"}),
    ("Cambridge, UK", {"city": "Cambridge", "country": "GB"}),
    ("San Jose, CA", {"city": "San Jose", "region": "CA", "country": "US"}),
    ("Toronto, Canada", {"city": "Toronto", "country": "CA"}),
    ("Shenzhen, China", {"city": "Shenzhen", "country": "CN"}),
    ("Beijing China", {"city": "Beijing", "country": "CN"}),
    ("Singapore", {"city": "Singapore", "country": "SG"}),
    ("USA", {"country": "US"}),
    ("California", {"region": "California", "country": "US"}),
]

NOT_LOCATIONS = ["Room 6-423, YuQuan Campus", "Python, C++", "Peking University", "", "   ", "Research Intern"]
# fmt: on


@pytest.mark.parametrize("text,expected", FIND_CASES)
def test_gazetteer_find_names_entities(text, expected):
    found = organizations().find(text)
    assert [(m.surface, m.entity.id) for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize("text", NO_MATCH)
def test_gazetteer_find_avoids_false_hits(text):
    assert organizations().find(text) == []


def test_gazetteer_find_applies_offset():
    text = "Bachelor, Beihang University"
    (m,) = institutions().find(text, offset=100)
    assert (m.start, m.end) == (110, 128)
    assert m.entity.zh == "北京航空航天大学"


def test_gazetteer_find_is_leftmost_longest_and_non_overlapping():
    found = institutions().find("河南大学 南京大学 南大")
    assert [m.entity.id for m in found][1:] == ["nju", "nju"]
    assert found[0].entity.zh == "河南大学"
    ends = [(m.start, m.end) for m in found]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))


@pytest.mark.parametrize("name,expected_id", LOOKUP_CASES)
def test_gazetteer_lookup_normalizes(name, expected_id):
    ent = organizations().lookup(name)
    assert ent is not None and ent.id == expected_id


def test_gazetteer_lookup_unknown_is_none():
    assert organizations().lookup("Acme Widgets of Nowhere") is None
    assert organizations().lookup("") is None


def test_gazetteer_lookup_only_alias_not_searched():
    assert institutions().lookup("上交").id == "sjtu"
    assert institutions().find("作业上交了") == []


@pytest.mark.parametrize("address,expected", EMAIL_CASES)
def test_gazetteer_institution_by_email(address, expected):
    ent = institution_by_email(address)
    assert (ent.en if ent else None) == expected


@pytest.mark.parametrize("text,expected", LOCATION_CASES)
def test_gazetteer_parse_location(text, expected):
    assert parse_location(text) == expected


@pytest.mark.parametrize("text", NOT_LOCATIONS)
def test_gazetteer_parse_location_rejects(text):
    assert parse_location(text) is None


def test_gazetteer_unverified_english_is_never_output():
    # 北京科技职业大学: the upstream LLM guess is the English name of a different university.
    ent = institutions().lookup("北京科技职业大学")
    assert ent is not None and not ent.official and ent.en is None
    assert ent.get("en_hint")
    # ... and the guess is not searched for as this institution's name.
    hits = institutions().find(ent.get("en_hint"))
    assert all(m.entity.id != ent.id for m in hits)


def test_gazetteer_entities_have_api_shape():
    ent = institutions().lookup("北京大学")
    assert isinstance(ent, Entity)
    assert (ent.id, ent.kind, ent.en, ent.zh, ent.official, ent.country, ent.city) == (
        "pku", "institution", "Peking University", "北京大学", True, "CN", "Beijing")
    assert "PKU" in ent.aliases and "pku.edu.cn" in ent.get("domains")
    with pytest.raises(Exception):
        ent.id = "x"  # frozen
    m = institutions().find("北大")[0]
    assert isinstance(m, Match)
    assert {e.kind for e in companies()} == {"company", "lab", "institute"}
    assert {e.kind for e in locations()} == {"country", "region", "city"}


def test_gazetteer_factories_are_cached():
    assert institutions() is institutions()
    assert organizations() is organizations()
    assert len(organizations()) == len(institutions()) + len(companies())


def test_gazetteer_iteration_yields_every_row():
    assert sum(1 for _ in companies()) == len(companies()) >= 200


def test_gazetteer_normalize_name_strips_legal_suffixes():
    assert normalize_name("HUAWEI TECHNOLOGIES CO., LTD") == "huawei technologies"
    assert normalize_name("華為技術有限公司") == "华为技术"
    assert normalize_name("Baidu, Inc.") == "baidu"


def test_gazetteer_concurrent_first_use_builds_one_index():
    g = gazetteer.Gazetteer(gazetteer._company_entries(), "test")
    results: list[list[str]] = []

    def work():
        results.append([m.entity.id for m in g.find("腾讯 and Huawei Technologies Co., Ltd.")])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [["tencent", "huawei"]] * 8
