"""Layout helpers: paragraphs, blocks, trailing runs, orphan assignment, tidying."""

from __future__ import annotations

import pytest

from resume_nlp.extract.layout import (
    assign_orphans, paragraphs, segments, split_blocks, tidy, tidy_span, trailing_run,
)
from tests.conftest import analyse_text


def _view(text: str):
    doc = analyse_text(text)
    section = next(s for s in doc.sections if s.kind == "education")
    return doc.view(section)


def test_layout_paragraph_flags():
    view = _view("Education\n\n## **Zhejiang University**\n\n*M.S. in CS*\n\n- First author.\n")
    paras = paragraphs(view)
    text = view.doc.text
    assert [p.text(text) for p in paras] == ["Zhejiang University", "M.S. in CS", "First author."]
    assert [(p.heading > 0, p.bold, p.italic, p.bullet) for p in paras] == [
        (True, True, False, False), (False, False, True, False), (False, False, False, True)]
    assert paras[0].styled and not paras[1].styled


def test_layout_wrapped_bullet_joined():
    view = _view("Education\nStanford University\n• Built a compiler for\nthe course project\n• Second\n")
    paras = paragraphs(view)
    text = view.doc.text
    assert [p.text(text) for p in paras] == [
        "Stanford University", "Built a compiler for\nthe course project", "Second"]
    assert len(paras[1].lines) == 2


def test_layout_gap_before():
    view = _view("Education\nA University\nB.S.\n\nB University\n")
    assert [p.gap_before for p in paragraphs(view)] == [False, False, True]


# fmt: off
@pytest.mark.parametrize("items, heads, expected", [
    ([1, 2, 3, 4], {0, 2}, [[1, 2], [3, 4]]),
    ([1, 2, 3], {1}, [[1], [2, 3]]),
    ([], set(), []),
])
# fmt: on
def test_layout_split_blocks(items, heads, expected):
    assert split_blocks(items, lambda i, _: i in heads) == expected


def test_layout_trailing_run():
    assert trailing_run([1, "a", 2, "b", "c"], lambda x: isinstance(x, str)) == ([1, "a", 2], ["b", "c"])
    assert trailing_run([1, 2], lambda x: isinstance(x, str)) == ([1, 2], [])


# fmt: off
@pytest.mark.parametrize("n_items, n_slots, bad, expected", [
    (2, 2, {(0, 1)}, (1, 0)),        # printed order violates a constraint: swapped
    (2, 2, set(), (0, 1)),           # no constraint: printed order
    (3, 2, set(), (0, 1)),           # extra orphans dropped
])
# fmt: on
def test_layout_assign_orphans(n_items, n_slots, bad, expected):
    assert assign_orphans(n_items, n_slots, lambda a: int(a in bad)) == expected


# fmt: off
@pytest.mark.parametrize("raw, expected", [
    ("Cum. GPA: 90.21/100, 3.93/4, Ranking  7th/174 .", "Cum. GPA: 90.21/100, 3.93/4, Ranking 7th/174."),
    ("  a \n b ( c ) ", "a b (c)"),
    ("主修课程 : 数据结构 ，操作系统", "主修课程: 数据结构，操作系统"),
])
# fmt: on
def test_layout_tidy(raw, expected):
    assert tidy(raw) == expected


def test_layout_tidy_span_and_segments():
    text = " | 浙江大学 | 计算机 ;  本科 "
    s, e = tidy_span(text, 0, len(text))
    assert text[s:e] == "浙江大学 | 计算机 ;  本科"
    assert [text[a:b] for a, b in segments(text, 0, len(text))] == ["浙江大学", "计算机", "本科"]
