"""Person-name helpers: shapes, Chinese name <-> pinyin, evidence."""

from __future__ import annotations

import pytest

from resume_nlp.names import (clean_en_name, evidence_match, is_title_line, looks_like_en_name, looks_like_zh_name,
                              pinyin_keys, same_person, split_zh_name)


# fmt: off
@pytest.mark.parametrize("name, expected", [
    ("张潮鹏", ("张", "潮鹏")), ("欧阳娜娜", ("欧阳", "娜娜")), ("王伟", ("王", "伟")), ("教育", None), ("Wang", None),
])
# fmt: on
def test_names_split_zh_name(name, expected):
    assert split_zh_name(name) == expected


# fmt: off
@pytest.mark.parametrize("name, key", [
    ("曾小明", "zengxiaoming"), ("曾小明", "xiaomingzeng"), ("单田芳", "shantianfang"), ("解晓东", "xiexiaodong"),
    ("吕伟", "lvwei"), ("吕伟", "luwei"), ("欧阳娜娜", "ouyangnana"), ("张潮鹏", "chaopengzhang"),
])
# fmt: on
def test_names_pinyin_keys(name, key):
    assert key in pinyin_keys(name)


# fmt: off
@pytest.mark.parametrize("en, zh, expected", [
    ("Chaopeng Zhang", "张潮鹏", True), ("ZHANG Chaopeng", "张潮鹏", True), ("Xiaoming Zeng", "曾小明", True),
    ("Nana Ouyang", "欧阳娜娜", True), ("Xia Li", "李夏", True), ("Michael Chaopeng Zhang", "张潮鹏", True),
    ("Dawen Chen", "陳大文", True), ("Xia Li", "张潮鹏", False), ("Chaopeng Zhang", "胡杨", False),
])
# fmt: on
def test_names_same_person(en, zh, expected):
    assert same_person(en, zh) is expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("张潮鹏", True), ("王 小 明", True), ("欧阳娜娜", True), ("教育经历", False), ("个人简历", False),
    ("北京大学", False), ("张", False), ("张三丰之家园", False),
])
# fmt: on
def test_names_looks_like_zh_name(text, expected):
    assert looks_like_zh_name(text) is expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Xinglu Wang", True), ("ZHEXIAO XIONG", True), ("Jane Q. Doe", True), ("Ludwig van Beethoven", True),
    ("MASTER STUDENT", False), ("Zhejiang University", False), ("Curriculum Vitae", False), ("Wang", False),
    ("Research Experience", False), ("I love Python", False),
])
# fmt: on
def test_names_looks_like_en_name(text, expected):
    assert looks_like_en_name(text) is expected


# fmt: off
@pytest.mark.parametrize("name, evidence, expected", [
    ("Xinglu Wang", "xingluwang", 1.0), ("Xinglu Wang", "xinglu-wang-1734b2116", 1.0),
    ("Xingyao Wang", "xingyaow", 0.7), ("Zhexiao Xiong", "x.zhexiao", 0.7), ("Chaopeng Zhang", "cpz", 0.5),
    ("Xinalu Wana", "xingluwang", 0.0),
])
# fmt: on
def test_names_evidence_match(name, evidence, expected):
    assert evidence_match(name, evidence) == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Dr. Priya Natarajan", "Priya Natarajan"), ("Nguyen Van An, Ph.D.", "Nguyen Van An"),
    ("Prof. Daniel Lefebvre, PhD", "Daniel Lefebvre"), ("Ms. Aisha Rahman", "Aisha Rahman"),
    ("SMITH, John", "John Smith"), ("GARCÍA LÓPEZ, María", "María García López"),
    ("MARIA  KOWALSKI", "Maria Kowalski"), ("Robert J. Smith Jr.", "Robert J. Smith Jr."),
    ("Robert Smith, Jr.", "Robert Smith Jr."), ("María José García-López", "María José García-López"),
    ("SEAN O'CONNOR", "Sean O'Connor"), ("Ludwig van Beethoven", "Ludwig van Beethoven"),
    ("Xiaofeng Shan", "Xiaofeng Shan"), ("Boston, MA", None), ("Ann Arbor, MI", None),
    ("San Francisco Bay Area", None), ("Google Scholar", None), ("Curriculum Vitae", None),
    ("Senior Software Engineer", None),
    # Hong Kong / Singapore order: SURNAME Given Names, English name
    ("CHAN Tai Man, Kelvin", "Kelvin Chan Tai Man"), ("WONG Ka-yan, Tiffany", "Tiffany Wong Ka-yan"),
    ("LIM Boon Keng, Singapore", None), ("Chan Tai Man, Kelvin", None),
])
# fmt: on
def test_names_clean_en_name(text, expected):
    assert clean_en_name(text) == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Curriculum Vitae", True), ("CURRICULUM VITAE", True), ("Résumé", True), ("Resume", True), ("CV", True),
    ("个人简历", True), ("簡歷", True), ("[PHOTO]", True), ("（照片）", True), ("Research", False), ("Xiaofeng Shan", False),
])
# fmt: on
def test_names_is_title_line(text, expected):
    assert is_title_line(text) is expected


def test_names_same_person_surname_reading_and_order():
    assert same_person("Xiaofeng Shan", "单晓峰") and same_person("SHAN Xiaofeng", "单晓峰")
    assert same_person("Nana Ouyang", "欧阳娜娜") and not same_person("Nana Ouyang", "欧娜娜")
