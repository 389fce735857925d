"""Property and fuzz tests: whatever arrives, the parser answers with a valid Profile or a
typed error, loses no text, and is deterministic. Fixed seed in CI; HYPOTHESIS_PROFILE=long
for a longer run."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from resume_nlp import Parser, Profile
from resume_nlp.errors import ResumeNLPError
from tests.conftest import SEEDS

PARSER = Parser()
SEED_LINES = [p.read_text(encoding="utf-8").split("\n") for p in SEEDS]
_CONTENT = regex.compile(r"[\p{L}\p{N}]")


def check_profile(text: str) -> Profile:
    try:
        profile = PARSER.parse(text)
    except ResumeNLPError:
        return None  # a typed error is an allowed answer
    Profile.model_validate_json(profile.to_json())
    # nothing lost: every letter or digit is inside a value's span or an unparsed fragment
    covered = bytearray(len(profile.text) + 1)
    for spans in profile.spans.values():
        for s, e in spans:
            covered[s:e] = b"\x01" * (e - s)
    heading_lines = {s.start for s in profile.meta.sections if s.heading}
    pos = 0
    for line in profile.text.split("\n"):
        if pos not in heading_lines:
            for i, ch in enumerate(line):
                if _CONTENT.match(ch):
                    assert covered[pos + i], f"character {pos + i} neither extracted nor in meta.unparsed"
        pos += len(line) + 1
    return profile


@given(st.text(max_size=400))
def test_properties_random_unicode(text):
    check_profile(text)


@given(st.text(alphabet=st.sampled_from(list("0123456789.-/~年月至今 :,()%+@")), max_size=300))
def test_properties_date_and_number_soup(text):
    check_profile(text)


@st.composite
def mutated_seed(draw):
    lines = list(draw(st.sampled_from(SEED_LINES)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "swap", "control", "duplicate", "truncate"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "control":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.sampled_from(["\x00", "\x1b", "\u202e", "\ufeff", "\r", "\x0c"])) + lines[i][k:]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "\n".join(lines)


@given(mutated_seed())
def test_properties_mutated_seeds(text):
    check_profile(text)


@given(mutated_seed())
def test_properties_deterministic(text):
    first = check_profile(text)
    second = check_profile(text)
    assert (first.to_json() if first else None) == (second.to_json() if second else None)


@given(st.binary(max_size=300))
def test_properties_random_bytes_give_profile_or_typed_error(data):
    try:
        PARSER.parse(data)
    except ResumeNLPError:
        pass
