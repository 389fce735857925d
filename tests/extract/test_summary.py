from __future__ import annotations

import pytest

from resume_nlp.extract.summary import SummaryParser
from tests.conftest import analyse_text


def _drafts(text: str):
    doc = analyse_text(text)
    parser = SummaryParser()
    return [(d.kind, d.get("text")) for s in doc.sections if s.kind in parser.kinds for d in parser(doc.view(s))]


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("自我评价\n\n我热爱编程，做事认真负责。\n\n善于沟通。", [("summary", "我热爱编程,做事认真负责。\n善于沟通。")]),
    ("Summary\nData engineer with five years of\nexperience in ETL pipelines.", [("summary", "Data engineer with five years of experience in ETL pipelines.")]),
    ("Objective\nSeeking a research internship in NLP.", [("headline", "Seeking a research internship in NLP.")]),
    ("自我評價\n熱愛技術。", [("summary", "熱愛技術。")]),
])
# fmt: on
def test_summary_paragraphs(text, expected):
    assert _drafts(text) == expected


def test_header_bio_paragraph_and_objective_line():
    from resume_nlp import parse

    p = parse("Jane Roe\njane@example.com\n\nI am a chemist studying charge transfer at electrode interfaces. "
              "My group designs cheaper catalysts.\n\nEducation\nMIT, Ph.D. in Chemistry, 2017\n")
    assert p.basics.summary.en.startswith("I am a chemist")
    p = parse("Jane Roe\njane@example.com\n\nObjective: A junior UX designer position.\n\nEducation\nMIT, B.S., 2017\n")
    assert p.basics.headline.en == "A junior UX designer position."
