"""Units of the NER model's pipeline: the character tokenizer, the feature component and the
training augmenter (the model itself is tested in test_ner.py)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from resume_nlp import ner  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def spacy_char_nlp():
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})


def _tokens(doc):
    return [(t.text, t.whitespace_) for t in doc]


@pytest.mark.parametrize("text", [
    "", " ", "  ", "a", " a", "a ", "a  b", "高勇，男", "高 \n勇", "\n\n", "a\u3000 b", "中国 建设 银行 ",
    "1966年出生。\t汉族", "  前后  ",
])
def test_char_tokenizer_gives_spacys_char_tokens(spacy_char_nlp, text):
    ours = ner.CharTokenizer(spacy_char_nlp.vocab)(text)
    assert _tokens(ours) == _tokens(spacy_char_nlp.make_doc(text))
    assert ours.text == text


def test_char_tokenizer_matches_on_random_whitespace(spacy_char_nlp):
    rng = random.Random(0)
    pieces = ["a", "高", " ", "  ", "\n", "\t", "\u3000", "，"]
    tok = ner.CharTokenizer(spacy_char_nlp.vocab)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert _tokens(tok(text)) == _tokens(spacy_char_nlp.make_doc(text)), repr(text)


@pytest.mark.parametrize("text, index, bigram, lexicon", [
    ("中国建设银行", 0, "中国", "B2.B6"),
    ("中国建设银行", 5, "行</s>", "E2.E4.E6"),  # 银行, 建设银行, 中国建设银行
    ("高勇，男", 2, "，男", "-"),
])
def test_features(text, index, bigram, lexicon):
    bigrams, pos, words, roles = ner.features(text)
    assert len(bigrams) == len(pos) == len(words) == len(roles) == len(text)
    assert bigrams[index] == bigram
    assert roles[index] == lexicon


def test_features_without_segmentation_skip_the_word_columns():
    bigrams, pos, words, roles = ner.features("中国建设银行", segmentation=False)
    assert pos == [] and words == [] and len(bigrams) == len(roles) == 6


def test_feature_component_writes_the_hashes_of_the_features(spacy_char_nlp):
    from spacy.strings import get_string_id

    comp = ner.CharFeatures(spacy_char_nlp)
    doc = spacy_char_nlp.make_doc("北京大学 校友会")
    n_strings = len(spacy_char_nlp.vocab.strings)  # the characters themselves are lexemes
    doc = comp(doc)
    assert [t.lemma for t in doc][:2] == [get_string_id("北京"), get_string_id("京大")]
    assert doc[0].norm == get_string_id("北京大学|B") and doc[0].tag == get_string_id("B4")
    assert doc[4].dep != 0  # the token after the space still gets its features
    assert len(spacy_char_nlp.vocab.strings) == n_strings  # hashes only: the vocabulary does not grow


sys.path.insert(0, str(REPO / "training"))
augment = pytest.importorskip("augment")


@pytest.mark.parametrize("text, spans, pool, expected_text, expected_spans", [
    ("高勇，现任A公司董事长", [(0, 2, "NAME"), (5, 8, "ORG"), (8, 11, "TITLE")],
     {"NAME": ["王建国"], "ORG": ["浙江长青股份有限公司"], "TITLE": ["总经理"]},
     "王建国，现任浙江长青股份有限公司总经理", [(0, 3, "NAME"), (6, 16, "ORG"), (16, 19, "TITLE")]),
    ("汉族，本科", [(0, 2, "RACE"), (3, 5, "EDU")], {"EDU": ["硕士"]},
     "汉族，硕士", [(0, 2, "RACE"), (3, 5, "EDU")]),  # no pool for RACE: kept
    ("无实体", [], {"ORG": ["某公司"]}, "无实体", []),
])
def test_mention_replacement(text, spans, pool, expected_text, expected_spans):
    new_text, new_spans = augment.replace_mentions(text, spans, pool, random.Random(0))
    assert (new_text, new_spans) == (expected_text, expected_spans)


def test_spacy_load_finds_the_components_through_entry_points():
    # a fresh interpreter that never imports resume_nlp.ner itself
    import subprocess

    code = (
        "import spacy;nlp=spacy.load(%r);"
        "print(nlp.pipe_names, sorted({e.label_ for e in nlp('高勇，男，汉族，现任北京某某科技有限公司董事长').ents}))"
        % str(ner.MODEL_PATH)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "['resume_nlp_char_features', 'tok2vec', 'ner'] ['NAME', 'ORG', 'RACE', 'TITLE']"
