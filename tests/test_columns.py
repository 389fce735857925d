"""columns: two-column text flattened line by line is read column by column."""

from __future__ import annotations

import pytest

from resume_nlp.columns import unzip_columns

TWO_COLUMNS = """\
MARIA KOWALSKI
Contact                                   Experience
Boston, MA                                Senior Data Scientist
maria@example.com                         Wayfair, Boston, MA
                                          Mar 2020 - Present
Education                                 • Built forecasting models in Python
Northeastern University                   • Designed A/B tests.
M.S. Data Science
                                          Data Analyst
                                          Liberty Mutual
"""

RIGHT_ALIGNED_DATES = """\
EXPERIENCE
Senior Software Engineer, Stripe — Seattle, WA                   Jun 2021 – Present
• Led the migration of the ledger service to Go.
Software Engineer, Amazon Web Services — Seattle, WA            Jul 2018 – May 2021
• Built an internal billing pipeline.
Software Engineering Intern, Microsoft — Redmond, WA            Summer 2017
EDUCATION
University of Washington — B.S. in Computer Science             Sep 2014 – Jun 2018
"""


def test_columns_two_columns_are_read_left_then_right():
    out = unzip_columns(TWO_COLUMNS)
    lines = [ln for ln in out.split("\n") if ln.strip()]
    assert lines.index("Education") < lines.index("Experience")
    assert lines.index("M.S. Data Science") < lines.index("Senior Data Scientist")
    assert "Contact" in lines and "Boston, MA" in lines and "• Designed A/B tests." in lines


LEFT_DATES = """\
EXPERIENCE
2019 – 2021        Senior Analyst, Acme Corp, Chicago, IL
                   • Built the pricing model.
                   • Led a team of three.
2016 – 2019        Analyst, Beta LLC, Chicago, IL
                   • Automated reporting.
Summer 2015        Intern, Gamma Inc.
                   • Cleaned data.
"""


# fmt: off
@pytest.mark.parametrize("text", [
    RIGHT_ALIGNED_DATES,
    LEFT_DATES,
    "Name\tEmail\tRelation\nA\ta@x.com\tadvisor\nB\tb@x.com\tteacher\nC\tc@x.com\tx\nD\td\te\nE\te\tf",
    "short\ntext",
    "",
])
# fmt: on
def test_columns_single_column_text_is_unchanged(text):
    assert unzip_columns(text) == text
