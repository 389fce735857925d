"""The Profile v1 contract: golden schema, gold files validate, strictness."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pydantic
import pytest

from resume_nlp.models import BiText, Education, Profile
from tests.conftest import GOLD, ROOT

sys.path.insert(0, str(ROOT / "scripts"))


def test_models_schema_matches_golden_file():
    import update_schema

    golden = (ROOT / "docs" / "profile.schema.json").read_text(encoding="utf-8")
    assert update_schema.render() == golden, "contract changed: run scripts/update_schema.py and review the diff"


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_models_gold_files_validate(path: Path):
    profile = Profile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    assert profile.schema_version == "1"


# fmt: off
@pytest.mark.parametrize("data", [
    {"basics": {"nmae": "typo"}},
    {"education": [{"institution": {"en": "X"}, "degree": "masters"}]},
    {"work": [{"type": "intern"}]},
    {"education": [{"start": "2019/09"}]},
    {"education": [{"start": "present"}]},
    {"interests": [{"fr": "lecture"}]},
    {"schema_version": "2"},
])
# fmt: on
def test_models_reject_invalid(data):
    with pytest.raises(pydantic.ValidationError):
        Profile.model_validate(data)


# fmt: off
@pytest.mark.parametrize("value", ["2019", "2019-09", "2019-09-01"])
# fmt: on
def test_models_accept_dates_of_any_precision(value):
    assert Education(start=value, end="present").start == value


def test_models_bitext_rejects_empty_variant():
    with pytest.raises(pydantic.ValidationError):
        BiText(en="  ")


def test_models_bitext_text_prefers_language():
    b = BiText(en="Peking University", zh="北京大学")
    assert (b.text("en"), b.text("zh"), str(b)) == ("Peking University", "北京大学", "Peking University / 北京大学")


def test_models_json_round_trip():
    profile = Profile.model_validate(json.loads((GOLD / "004_047d70e5b9cb1943.json").read_text(encoding="utf-8")))
    again = Profile.model_validate_json(profile.to_json())
    assert again == profile
