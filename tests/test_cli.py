"""The command line: parse to stdout or --out DIR, stdin, errors per file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEEDS


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resume_nlp", *args], input=stdin, capture_output=True)


def test_cli_parse_writes_one_json_per_input(tmp_path: Path):
    out = tmp_path / "out"
    result = run("parse", *map(str, SEEDS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in out.glob("*.json"))
    assert files == sorted(p.stem + ".json" for p in SEEDS)
    data = json.loads((out / files[0]).read_text(encoding="utf-8"))
    assert data["schema_version"] == "1"


def test_cli_parse_stdin_prints_json():
    result = run("parse", "-", stdin="Jane Doe\njane@example.com\n".encode())
    assert result.returncode == 0
    assert json.loads(result.stdout)["basics"]["emails"] == ["jane@example.com"]


def test_cli_bad_file_one_line_error_others_parsed(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Jane Doe\njane@example.com\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("parse", str(tmp_path / "missing.txt"), str(good), "--out", str(out))
    assert result.returncode != 0
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and "missing.txt" in errors[0] and "Traceback" not in result.stderr.decode()
    assert (out / "good.json").is_file()


def test_cli_pretty_format():
    result = run("parse", str(SEEDS[0]), "--format", "pretty")
    assert result.returncode == 0 and b"Name:" in result.stdout
