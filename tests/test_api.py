"""Public API: parse(str | Path | bytes), Parser reuse, threads, pipe, limits, errors."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import resume_nlp
from resume_nlp.errors import InputTooLargeError, ResumeNLPError, UnreadableDocumentError
from tests.conftest import SEEDS

SAMPLE = "Jane Doe\njane.doe@example.com | +1 415-555-0132\n\nEducation\nStanford University, B.S. in Computer Science"


def test_api_parse_text_path_and_bytes_agree(tmp_path: Path):
    path = tmp_path / "jane.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    from_text = resume_nlp.parse(SAMPLE).to_dict()
    assert resume_nlp.parse(path).to_dict() == from_text
    assert resume_nlp.parse(SAMPLE.encode("utf-8")).to_dict() == from_text


def test_api_profile_has_sections_and_languages():
    profile = resume_nlp.parse(SAMPLE)
    assert profile.meta.languages == ["en"]
    assert [s.kind for s in profile.meta.sections] == ["header", "education"]
    assert profile.schema_version == "1"


def test_api_nothing_is_lost():
    """Every non-layout character is covered by a value's span or listed in meta.unparsed."""
    import regex

    profile = resume_nlp.parse(SEEDS[0])
    covered = [False] * len(profile.text)
    for spans in profile.spans.values():
        for s, e in spans:
            for i in range(s, e):
                covered[i] = True
    headings = {(s.start) for s in profile.meta.sections if s.heading}
    line_start = 0
    for line in profile.text.split("\n"):
        if line_start not in headings:
            for i, ch in enumerate(line):
                if regex.match(r"[\p{L}\p{N}]", ch):
                    assert covered[line_start + i], f"uncovered character at {line_start + i}"
        line_start += len(line) + 1


def test_api_threads_match_sequential():
    parser = resume_nlp.Parser()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 4
    sequential = [parser.parse(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda t: parser.parse(t).to_dict(), texts))
    assert threaded == sequential


def test_api_pipe_in_order_with_context():
    parser = resume_nlp.Parser()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    results = list(parser.pipe(((t, i) for i, t in enumerate(texts)), as_tuples=True))
    assert [ctx for _, ctx in results] == list(range(len(texts)))
    assert [p.to_dict() for p, _ in results] == [parser.parse(t).to_dict() for t in texts]


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_api_pipe_processes_match_sequential(start_method):
    parser = resume_nlp.Parser()
    paths = SEEDS[:3]
    piped = [p.to_dict() for p in parser.pipe(paths, n_process=2, start_method=start_method)]
    assert piped == [parser.parse(p).to_dict() for p in paths]


# fmt: off
@pytest.mark.parametrize("options, source, limit", [
    ({"max_chars": 10}, "x" * 11, "max_chars"),
    ({"max_lines": 3}, "a\nb\nc\nd", "max_lines"),
    ({"max_bytes": 5}, b"abcdefgh", "max_bytes"),
    ({"max_sections": 3}, "EDUCATION\nA\nSKILLS\nB\nAWARDS\nC\nPROJECTS\nD", "max_sections"),
])
# fmt: on
def test_api_limits_fail_fast_naming_the_limit(options, source, limit):
    with pytest.raises(InputTooLargeError) as info:
        resume_nlp.Parser(**options).parse(source)
    assert info.value.limit == limit and limit in str(info.value)


def test_api_missing_file_is_a_typed_error(tmp_path: Path):
    with pytest.raises(UnreadableDocumentError):
        resume_nlp.parse(tmp_path / "nope.txt")


def test_api_errors_share_one_base_class():
    assert issubclass(InputTooLargeError, ResumeNLPError) and issubclass(UnreadableDocumentError, ResumeNLPError)


# fmt: off
@pytest.mark.parametrize("bad", [{"prefer_lang": "fr"}, {"max_chars": 0}, {"default_region": "China"}])
# fmt: on
def test_api_rejects_bad_settings(bad):
    with pytest.raises(ValueError):
        resume_nlp.Parser(**bad)


def test_api_empty_input_gives_empty_profile():
    profile = resume_nlp.parse("")
    assert profile.meta.unparsed == [] and profile.basics.emails == []


def test_api_json_is_valid_profile_v1():
    profile = resume_nlp.parse(SEEDS[-1])
    again = resume_nlp.Profile.model_validate(json.loads(profile.to_json()))
    assert again.to_dict() == profile.to_dict()


def test_api_default_region_reaches_phone_numbers():
    text = "Jane Doe\nPhone: 020 7946 0958\n"
    assert resume_nlp.Parser(default_region="GB").parse(text).basics.phones == ["+442079460958"]


def test_api_phone_without_region_is_kept_with_a_warning():
    profile = resume_nlp.parse("Jane Doe\nPhone: 020 7946 0958\n")
    assert any(w.startswith("W001") for w in profile.meta.warnings)
    assert all("7946" not in w for w in profile.meta.warnings)


def test_chinese_text_values_keep_their_full_width_punctuation():
    profile = resume_nlp.parse("张三\n工作经历\n2019.07-至今 某某科技有限公司 高级工程师\n"
                               "负责系统架构设计，主导核心模块开发；优化性能（提升30%）。\n")
    assert [h.zh for h in profile.work[0].highlights] == ["负责系统架构设计，主导核心模块开发；优化性能（提升30%）。"]
    assert "，" not in profile.text  # the normalized text the rules read has ASCII punctuation
