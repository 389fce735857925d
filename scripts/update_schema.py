"""Regenerate docs/profile.schema.json from the pydantic models (the golden schema file).

Run after a deliberate change to the contract; tests/test_models.py fails until you do.
"""

from __future__ import annotations

import json
from pathlib import Path

from resume_nlp.models import Profile

OUT = Path(__file__).resolve().parents[1] / "docs" / "profile.schema.json"


def render() -> str:
    return json.dumps(Profile.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
