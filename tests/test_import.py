"""`import resume_nlp` is cheap: no spaCy, jieba or dateparser until first use."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "jieba", "dateparser", "opencc", "phonenumbers", "pypinyin")


def test_import_leaves_heavy_dependencies_unimported():
    code = ("import sys, resume_nlp; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_exposes_public_names():
    import resume_nlp

    assert {"parse", "Parser", "Profile", "Settings"} <= set(dir(resume_nlp))
    assert resume_nlp.__version__


def test_import_unknown_attribute_raises():
    import resume_nlp

    try:
        resume_nlp.does_not_exist  # noqa: B018
    except AttributeError as exc:
        assert "does_not_exist" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")
