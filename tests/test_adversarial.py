"""Adversarial inputs complete: a Profile or a typed error, never a hang or a crash.

The inputs are the generators of ``benchmarks/adversarial.py`` (which measures the time and
the growth exponent up to 1 MB, see docs/security.md). Here only completion is checked, with
no timing assertion: every case runs in one child process under a timeout generous enough
never to flake (a catastrophic regex or a quadratic loop would blow far past it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KB = 1024

# (kind, size in characters): 64 KB of each kind of benchmarks/adversarial.py but the slowest
# per character (heading_lines, emails: 16 KB), which keeps the whole module to a few seconds.
CASES = [(kind, 16 * KB if kind in ("heading_lines", "emails") else 64 * KB) for kind in (
    "digits", "digits_lines", "dots", "dashes", "date_dots", "date_en", "date_zh", "zh_no_punct",
    "parens", "zh_brackets", "one_line_words", "short_lines", "emails", "at_runs", "url_runs",
    "www_dots", "bold_debris", "bold_words", "dollars", "escaped_underscores", "tabs", "tab_columns",
    "bullets", "plus_digits", "heading_lines")]
TIMEOUT_S = 600

_CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from adversarial import KINDS
import resume_nlp
from resume_nlp.errors import ResumeNLPError
parser = resume_nlp.Parser(max_chars=2_000_000)
out = {}
for case in json.loads(sys.argv[2]):
    kind, size = case
    text = KINDS[kind](size)
    try:
        profile = parser.parse(text)
        out[f"{kind}:{size}"] = ["Profile", profile.meta is not None]
    except ResumeNLPError as exc:
        out[f"{kind}:{size}"] = [type(exc).__name__, True]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def outcomes() -> dict[str, list]:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT / "benchmarks"), json.dumps(CASES)],
                          capture_output=True, text=True, timeout=TIMEOUT_S, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("kind,size", CASES, ids=[f"{k}-{s // KB}KB" for k, s in CASES])
def test_adversarial_input_completes(outcomes, kind, size):
    from resume_nlp import errors

    outcome, ok = outcomes[f"{kind}:{size}"]
    assert ok
    assert outcome == "Profile" or issubclass(getattr(errors, outcome), errors.ResumeNLPError)
