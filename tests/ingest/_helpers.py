"""Helpers shared by the ingest tests: fixture paths, a parser over the extractors that exist."""

from __future__ import annotations

import importlib
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

import regex

from tests.conftest import GOLD, ROOT, SEEDS

DOCS = ROOT / "tests" / "data" / "documents"
TWO_COLUMN = "004"


def seed(key: str) -> Path:
    return next(p for p in SEEDS if p.stem.startswith(key))


@lru_cache(maxsize=1)
def available_extractors() -> tuple[str, ...]:
    """The default extractors whose modules exist (others are being written concurrently)."""
    from resume_nlp.extract import DEFAULT_EXTRACTORS

    names = []
    for name in DEFAULT_EXTRACTORS:
        module, _, attr = name.partition(":")
        try:
            if hasattr(importlib.import_module(module), attr):
                names.append(name)
        except ImportError:
            continue
    return tuple(names)


@lru_cache(maxsize=1)
def working_extractors() -> tuple[str, ...]:
    """The available extractors that parse every seed without crashing (work in progress)."""
    from resume_nlp import Parser

    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    keep = []
    for name in available_extractors():
        try:
            one = Parser(extractors=(name,))
            for text in texts:
                one.parse(text)
        except Exception:
            continue
        keep.append(name)
    return tuple(keep)


@lru_cache(maxsize=1)
def parser():
    from resume_nlp import Parser

    return Parser(extractors=working_extractors())


def content_key(text: str) -> str:
    """Letters and digits only, NFKC, casefolded, Simplified: what must survive any format."""
    from resume_nlp.lang import to_simplified

    text = unicodedata.normalize("NFKC", text)
    return to_simplified("".join(regex.findall(r"[\p{L}\p{N}]+", text)).casefold())


def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def f1(gold_profile: dict, predicted: dict) -> float:
    """Overall F1 of one parse against its gold (resume_nlp.evaluate, else ../shared/eval/score.py)."""
    try:
        from resume_nlp.scoring import score_profile
    except ImportError:
        score_profile = None
    if score_profile is not None:
        return score_profile(gold_profile, predicted).overall().f1
    import importlib.util

    from tests.conftest import SHARED

    spec = importlib.util.spec_from_file_location("_shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module.score_document(gold_profile, predicted).overall().f1
