"""Shared fixtures: the repository's corpora, the shared reference data, a parser."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SEEDS = sorted((CORPORA / "seeds").glob("*.txt"))
GOLD = CORPORA / "gold"
SHARED = ROOT.parent / "shared"  # reference data without a redistribution license lives here


def pytest_collection_modifyitems(config, items):
    """Tests marked ``shared`` are skipped when ../shared is not beside the checkout."""
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason="../shared (reference data) is not present")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def parser():
    from resume_nlp import Parser

    return Parser()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}


def analyse_text(text: str):
    """The analysed Document of ``text`` (normalize, lines, sections)."""
    from resume_nlp.document import analyse

    return analyse(text)


# Hypothesis profiles: "ci" (default) is fixed-seed and quick; HYPOTHESIS_PROFILE=long digs deeper.
try:
    import os

    from hypothesis import HealthCheck, settings

    settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.register_profile("long", max_examples=2000, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # pragma: no cover - hypothesis is in the [test] extra
    pass
