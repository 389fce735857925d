"""Non-resume inputs: typed errors with one-line messages, from Python and from the CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from resume_nlp.errors import (
    EncryptedDocumentError,
    MissingDependencyError,
    NoTextLayerError,
    ResumeNLPError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)
from resume_nlp.ingest import read
from tests.ingest._helpers import DOCS

BAD = [
    ("image.png", UnsupportedFormatError),
    ("image.jpg", UnsupportedFormatError),
    ("archive.zip", UnsupportedFormatError),
    ("encrypted.pdf", EncryptedDocumentError),
    ("scanned.pdf", NoTextLayerError),
    ("truncated.pdf", UnreadableDocumentError),
]


@pytest.mark.parametrize("name, error", BAD)
def test_errors_typed_one_line(name, error):
    with pytest.raises(error) as info:
        read(DOCS / name)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ResumeNLPError)


@pytest.mark.parametrize("name, error", BAD)
def test_errors_from_bytes_too(name, error):
    with pytest.raises(error):
        read((DOCS / name).read_bytes())


@pytest.mark.parametrize("module, function, extra", [
    ("pdfplumber", "read_pdf", "pdf"), ("docx", "read_docx", "docx"), ("bs4", "read_html", "html"),
])
def test_errors_missing_dependency_names_extra(monkeypatch, module, function, extra):
    import importlib

    monkeypatch.setitem(sys.modules, module, None)  # import fails
    reader = getattr(importlib.import_module(f"resume_nlp.ingest.{extra}"), function)
    data = {"pdf": (DOCS / "layout.pdf").read_bytes(), "docx": b"PK\x03\x04", "html": b"<p>x</p>"}[extra]
    with pytest.raises(MissingDependencyError) as info:
        reader(data, None)
    assert f"resume-nlp[{extra}]" in str(info.value)


@pytest.mark.parametrize("bad", ["image.png", "archive.zip", "encrypted.pdf", "truncated.pdf"])
def test_errors_cli_reports_bad_file_and_parses_good(tmp_path, bad):
    good = tmp_path / "good.txt"
    good.write_text("Jane Doe\njane@example.com\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "resume_nlp", "parse", str(good), str(DOCS / bad)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and bad in errors[0], result.stderr
    assert "jane@example.com" in result.stdout
