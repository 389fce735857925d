"""The shipped Chinese resume NER model and the prose extractor built on it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from resume_nlp import Parser
from resume_nlp.extract import DEFAULT_EXTRACTORS

REPO = Path(__file__).resolve().parents[1]
MODEL = REPO / "resume_nlp" / "models" / "zh_resume_ner"
SHARED_DEV = REPO.parent / "shared" / "data" / "resume_ner" / "dev.char.bmes"
NER_DOC = "resume_nlp.extract.ner:ChineseNERExtractor"
NER_SECTION = "resume_nlp.extract.ner:ChineseProseParser"

# Three biographies written for these tests (not taken from any data set).
BIO_1 = """王建国
个人简介
王建国，男，中国国籍，无境外永久居留权，1968年出生，汉族，中共党员，本科学历，高级工程师。曾任上海宏远机械制造有限公司技术部经理、副总经理，现任浙江长青新材料股份有限公司董事长。
"""
BIO_2 = """陈晓琳：女，1979年3月出生，中国国籍，汉族，硕士研究生学历，中国注册会计师。历任天职国际会计师事务所审计经理、北京中科信达软件股份有限公司财务经理，现任深圳华泰精密电子股份有限公司财务总监。
"""
BIO_3 = """基本信息
刘志强先生，1975年出生，中国国籍，无境外居留权，满族，博士研究生学历，教授级高级工程师。2003年起历任华北电力设计院工程师、副总工程师，现任中国电力建设集团有限公司总工程师。
"""


def _parser(**options) -> Parser:
    names = list(DEFAULT_EXTRACTORS)
    if NER_DOC not in names:  # until the registry lists them (see docs/ner-model.md)
        contact = [i for i, n in enumerate(names) if n.endswith(":BasicsExtractor")]
        names.insert(contact[0] + 1 if contact else 0, NER_DOC)
        names.append(NER_SECTION)
    return Parser(extractors=names, **options)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return _parser()


def _current_job(profile):
    return [w for w in profile.work if w.end == "present"]


@pytest.mark.parametrize(
    "text, name, gender, birth, ethnicity, degree, org, title",
    [
        (BIO_1, "王建国", "male", "1968", "汉族", "bachelor", "浙江长青新材料股份有限公司", "董事长"),
        (BIO_2, "陈晓琳", "female", "1979-03", "汉族", "master", "深圳华泰精密电子股份有限公司", "财务总监"),
        (BIO_3, "刘志强", "male", "1975", "满族", "doctorate", "中国电力建设集团有限公司", "总工程师"),
    ],
)
def test_bio_paragraphs(parser, text, name, gender, birth, ethnicity, degree, org, title):
    p = parser.parse(text)
    b = p.basics
    assert b.name and b.name.zh == name
    assert b.gender == gender
    assert b.birth_date == birth
    assert b.ethnicity == ethnicity
    assert b.nationality == "中国"
    assert [e.degree for e in p.education] == [degree]
    current = _current_job(p)
    assert len(current) == 1
    assert current[0].organization.zh == org
    assert current[0].position.zh == title
    # provenance: NER values point at their text
    s, e = p.spans["work[%d].organization" % p.work.index(current[0])][0]
    assert p.text[s:e] == org


def test_former_positions(parser):
    p = parser.parse(BIO_1)
    former = [(w.organization.zh if w.organization else None, w.position.zh) for w in p.work if w.end is None]
    assert ("上海宏远机械制造有限公司", "副总经理") in former


def test_rules_win_over_ner(parser):
    text = "姓名：赵敏\n性别：女\n民族：回族\n\n个人简介\n赵敏，男，1990年出生，汉族，中国国籍，本科学历，现任北京星辰网络科技有限公司产品经理。\n"
    b = parser.parse(text).basics
    assert (b.name.zh, b.gender, b.ethnicity) == ("赵敏", "female", "回族")  # key-value lines win


def test_sources_and_scores():
    from resume_nlp.document import analyse
    from resume_nlp.extract.ner import ChineseNERExtractor

    doc = analyse(BIO_2)
    mentions = list(ChineseNERExtractor()(doc))
    assert mentions and all(m.source.startswith("ner/") for m in mentions)
    assert all(m.score < 0.9 for m in mentions)
    fields = {m.field for m in mentions}
    assert {"basics.name", "basics.gender", "basics.birth_date", "basics.ethnicity"} <= fields


def test_no_prose_no_model():
    # an English resume and a Chinese key-value resume: the model (and spaCy for it) stays unloaded
    code = (
        "import sys;from resume_nlp.extract import DEFAULT_EXTRACTORS as D;from resume_nlp import Parser;"
        f"p=Parser(extractors=list(D)+[{NER_DOC!r},{NER_SECTION!r}]);"
        "p.parse('Jane Doe\\njane@example.com\\nEducation\\nMIT, B.S. 2019');"
        "p.parse('姓名：张三\\n性别：男\\n电话：13800000000\\n');"
        "print('resume_nlp.ner' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "False"


def test_import_stays_light():
    code = "import sys, resume_nlp, resume_nlp.extract.ner; print('spacy' in sys.modules, 'jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "False False"


def test_model_loads_from_package_offline():
    from resume_nlp import ner

    assert ner.MODEL_PATH == MODEL and (MODEL / "config.cfg").is_file()
    nlp = ner.load()
    assert nlp.pipe_names == ["resume_nlp_char_features", "tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").entity_types) == {"NAME", "CONT", "RACE", "TITLE", "EDU", "ORG", "PRO", "LOC"}
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size <= 20_000_000
    doc = nlp(ner.to_training_form("高勇,男,中国国籍,1966年出生,汉族,现任北京某某科技有限公司董事长。"))
    assert len(doc) == len(doc.text)  # one token per character
    assert {e.label_ for e in doc.ents} >= {"NAME", "CONT", "RACE"}


def test_ner_setting_off():
    if NER_DOC not in DEFAULT_EXTRACTORS:
        pytest.skip("the NER extractors are not in the default registry yet")
    b = Parser(ner=False).parse(BIO_3).basics
    assert b.ethnicity is None and b.gender is None


def test_bmes_reader_repairs_sentences_starting_inside_an_entity():
    from resume_nlp.ner import bmes_spans

    assert bmes_spans(["M-ORG", "E-ORG", "O", "B-NAME", "E-NAME"]) == [(0, 2, "ORG"), (3, 5, "NAME")]
    assert bmes_spans(["E-ORG", "S-RACE"]) == [(0, 1, "ORG"), (1, 2, "RACE")]
    assert bmes_spans(["B-TITLE", "M-TITLE"]) == [(0, 2, "TITLE")]


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not SHARED_DEV.is_file(), reason="../shared/data/resume_ner is absent")
def test_shipped_model_reproduces_recorded_dev_score():
    from resume_nlp import ner

    recorded = json.loads((REPO / "training" / "scores.json").read_text(encoding="utf-8"))["dev"]
    scores = ner.evaluate_bmes(ner.load(), SHARED_DEV)
    assert abs(scores["ALL"]["f"] - recorded["ALL"]["f"]) <= 0.5
    for label in ("NAME", "CONT", "RACE", "TITLE", "EDU", "ORG"):
        assert abs(scores[label]["f"] - recorded[label]["f"]) <= 2.0, label


@pytest.mark.parametrize("text, pieces", [
    ("高勇，男。现任董事长。", ["高勇，男。", "现任董事长。"]),
    ("没有句号的一句话", ["没有句号的一句话"]),
    ("甲" * 250 + "，" + "乙" * 100, ["甲" * 250 + "，", "乙" * 100]),  # an over-long sentence: at a comma
    ("丙" * 700, ["丙" * 300, "丙" * 300, "丙" * 100]),  # no comma at all: at the limit
])
def test_model_reads_sentences_and_bounded_clauses(text, pieces):
    from resume_nlp.extract.ner import _model_pieces

    assert [text[a:b] for a, b in _model_pieces(text, 0, len(text))] == pieces


def test_restated_positions_and_one_line_documents(parser):
    # a bio repeated on one line (a PDF without line breaks): each fact once, whatever the length
    one_line = BIO_1.split("\n")[2] * 60
    p = parser.parse("个人简介\n" + one_line)
    assert sorted((w.organization.zh, w.position.zh, w.end) for w in p.work) == [
        ("上海宏远机械制造有限公司", "副总经理", None),
        ("上海宏远机械制造有限公司", "技术部经理", None),
        ("浙江长青新材料股份有限公司", "董事长", "present"),
    ]
    assert [e.degree for e in p.education] == ["bachelor"]
