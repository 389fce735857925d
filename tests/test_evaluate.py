"""resume_nlp.scoring (``resume_nlp.evaluate``): similarity helpers, reports, and agreement with the reference scorer.

The reference scorer is ``../shared/eval/score.py``; tests that need it are marked ``shared``
and are skipped when ``../shared`` is not beside the checkout.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
import json
import random
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

from tests.conftest import GOLD, ROOT, SEEDS, SHARED

ev = importlib.import_module("resume_nlp.scoring")

REFERENCE = SHARED / "eval" / "score.py"
OWN_RESUMES = ROOT / "tests" / "data" / "resumes"


def _gold_profiles() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


@pytest.fixture(scope="module")
def reference():
    """The reference scorer module, loaded from its file under a name of its own."""
    if not REFERENCE.is_file():
        pytest.skip(f"{REFERENCE} is not present")
    spec = importlib.util.spec_from_file_location("_reference_score", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module        # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


def _numbers(report: Any, card_of: Callable[[Any], Any]) -> dict:
    """tp/fp/fn per (group, fact) and duplicates per group, for the total and per document;
    read the same way from either scorer's report."""
    def card_numbers(card):
        counts = {f"{g}.{f}": (card.fact(g, f).tp, card.fact(g, f).fp, card.fact(g, f).fn)
                  for g in ev.GROUPS for f in ev.FACTS[g]}
        return {"counts": counts, "duplicates": dict(card.duplicates)}

    return {"total": card_numbers(report.total),
            "docs": {d.doc: (d.lang, card_numbers(card_of(d))) for d in report.docs},
            "by_lang": {lang: card_numbers(c) for lang, c in report.by_lang.items()}}


def _assert_same_numbers(reference, gold_dir: Path, pred_dir: Path) -> ev.Report:
    ours = ev.evaluate_dirs(gold_dir, pred_dir)
    theirs = reference.score_dirs(gold_dir, pred_dir)
    mine, ref = _numbers(ours, lambda d: d.card), _numbers(theirs, lambda d: d.card)
    assert mine["docs"].keys() == ref["docs"].keys()
    for doc in ref["docs"]:
        assert mine["docs"][doc] == ref["docs"][doc], f"document {doc} differs"
    assert mine == ref
    assert [d.prediction for d in ours.docs] == [d.pred_status for d in theirs.docs]
    return ours


def _write(directory: Path, profiles: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for stem, profile in profiles.items():
        text = profile if isinstance(profile, str) else json.dumps(profile, ensure_ascii=False)
        (directory / f"{stem}.json").write_text(text, encoding="utf-8")
    return directory


# --------------------------------------------------------------------------------------
# Mutations of the gold set
# --------------------------------------------------------------------------------------
def _drop_entry(p: dict) -> dict:
    for section in ("education", "work", "projects", "publications", "awards", "skills"):
        if p.get(section):
            del p[section][0]
    return p


def _change_date(p: dict) -> dict:
    for section in ("education", "work", "projects"):
        for entry in p.get(section) or []:
            if entry.get("start"):
                year = int(str(entry["start"])[:4])
                entry["start"] = f"{year - 1}{str(entry['start'])[4:]}"
                break
    for entry in p.get("work") or []:
        if entry.get("end"):
            entry["end"] = str(entry["end"])[:4]   # less precise: no longer equal
    return p


def _duplicate_entry(p: dict) -> dict:
    for section in ("education", "work", "projects", "publications", "awards"):
        if p.get(section):
            p[section].append(copy.deepcopy(p[section][0]))
    return p


def _swap_variants(node: Any) -> Any:
    """Every BiText-like {"en": x, "zh": y} becomes {"en": y, "zh": x}; one-variant BiTexts
    move to the other language."""
    if isinstance(node, list):
        return [_swap_variants(x) for x in node]
    if isinstance(node, dict):
        if set(node) <= {"en", "zh"} and node:
            return {{"en": "zh", "zh": "en"}[k]: v for k, v in node.items()}
        return {k: _swap_variants(v) for k, v in node.items()}
    return node


def _one_variant(node: Any) -> Any:
    """Keep only the Chinese variant of BiTexts that have one."""
    if isinstance(node, list):
        return [_one_variant(x) for x in node]
    if isinstance(node, dict):
        if set(node) <= {"en", "zh"} and node.get("zh"):
            return {"zh": node["zh"]}
        return {k: _one_variant(v) for k, v in node.items()}
    return node


def _split_bilingual(p: dict) -> dict:
    """A failed bilingual merge: each two-language entry emitted once per language."""
    for section in ("education", "work", "projects"):
        out = []
        for entry in p.get(section) or []:
            en = _pick(entry, "en")
            zh = _pick(entry, "zh")
            out.extend([en, zh] if en != zh else [entry])
        p[section] = out
    return p


def _pick(node: Any, lang: str) -> Any:
    if isinstance(node, list):
        return [_pick(x, lang) for x in node]
    if isinstance(node, dict):
        if set(node) <= {"en", "zh"} and node:
            return {lang: node[lang]} if node.get(lang) else node
        return {k: _pick(v, lang) for k, v in node.items()}
    return node


def _plain_strings(node: Any) -> Any:
    """Lenient input: BiTexts flattened to their first string."""
    if isinstance(node, list):
        return [_plain_strings(x) for x in node]
    if isinstance(node, dict):
        if set(node) <= {"en", "zh"} and node:
            return next(iter(node.values()))
        return {k: _plain_strings(v) for k, v in node.items()}
    return node


def _contact_noise(p: dict) -> dict:
    b = p.setdefault("basics", {})
    b["emails"] = [e.upper() for e in b.get("emails") or []] + ["mailto:extra@example.com"]
    b["phones"] = [ph[3:] for ph in b.get("phones") or []]          # country code lost
    b["urls"] = ["https://www." + u for u in b.get("urls") or []]
    b["gender"] = "female"
    b["birth_date"] = "1990-1"
    b["name"] = {"en": "Someone Else"}
    return p


def _skills_noise(p: dict) -> dict:
    skills = p.get("skills") or []
    p["skills"] = [{"name": f"{s.get('name')} 2"} for s in skills[::2]] + [{"name": "English"},
                                                                            {"name": "Cobol (Expert)"}]
    return p


def _empty(_p: dict) -> dict:
    return {}


MUTATIONS: dict[str, Callable[[dict], dict]] = {
    "identity": lambda p: p,
    "drop_entry": _drop_entry,
    "change_date": _change_date,
    "duplicate_entry": _duplicate_entry,
    "swap_language_variants": _swap_variants,
    "one_variant": _one_variant,
    "split_bilingual": _split_bilingual,
    "plain_strings": _plain_strings,
    "contact_noise": _contact_noise,
    "skills_noise": _skills_noise,
    "empty_prediction": _empty,
}


@pytest.mark.shared
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_evaluate_matches_reference_on_mutated_gold(reference, tmp_path, mutation):
    golds = _gold_profiles()
    preds = {stem: MUTATIONS[mutation](copy.deepcopy(g)) for stem, g in golds.items()}
    report = _assert_same_numbers(reference, GOLD, _write(tmp_path, preds))
    if mutation == "identity":
        assert report.overall().fp == report.overall().fn == 0
    if mutation == "duplicate_entry":
        assert sum(report.duplicates.values()) > 0
    if mutation == "empty_prediction":
        assert report.overall().tp == 0


def _random_mutation(rng: random.Random, node: Any) -> Any:
    """Random local damage: drop or duplicate list items, blank or perturb strings."""
    if isinstance(node, list):
        out = [_random_mutation(rng, x) for x in node if rng.random() > 0.15]
        if out and rng.random() < 0.15:
            out.append(copy.deepcopy(rng.choice(out)))
        if rng.random() < 0.1:
            rng.shuffle(out)
        return out
    if isinstance(node, dict):
        return {k: _random_mutation(rng, v) for k, v in node.items() if rng.random() > 0.05}
    if isinstance(node, str) and rng.random() < 0.2:
        choice = rng.randrange(4)
        if choice == 0:
            return node[: max(1, len(node) // 2)]
        if choice == 1:
            return node.upper()
        if choice == 2:
            return node + " X"
        return ""
    return node


@pytest.mark.shared
@pytest.mark.parametrize("seed", range(6))
def test_evaluate_matches_reference_on_random_damage(reference, tmp_path, seed):
    rng = random.Random(seed)
    preds = {stem: _random_mutation(rng, g) for stem, g in _gold_profiles().items()}
    _assert_same_numbers(reference, GOLD, _write(tmp_path, preds))


@pytest.mark.shared
def test_evaluate_matches_reference_on_missing_and_unreadable(reference, tmp_path):
    golds = _gold_profiles()
    stems = sorted(golds)
    preds: dict[str, Any] = {stem: golds[stem] for stem in stems[2:]}
    preds[stems[1]] = "{not json"
    preds[stems[2]] = "[1, 2]"
    report = _assert_same_numbers(reference, GOLD, _write(tmp_path, preds))
    assert [d.prediction for d in report.docs][:3] == ["missing", "unreadable", "unreadable"]


@pytest.mark.shared
def test_evaluate_matches_reference_on_cross_documents(reference, tmp_path):
    """Every gold profile scored against another document's gold: lots of near misses."""
    golds = _gold_profiles()
    stems = sorted(golds)
    preds = {stem: golds[stems[(n + 1) % len(stems)]] for n, stem in enumerate(stems)}
    _assert_same_numbers(reference, GOLD, _write(tmp_path, preds))


@pytest.mark.shared
@pytest.mark.skipif(not any(OWN_RESUMES.glob("*.json")), reason="no written test resumes")
def test_evaluate_matches_reference_on_test_resume_golds(reference, tmp_path):
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in OWN_RESUMES.glob("*.json")}
    rng = random.Random(7)
    preds = {stem: _random_mutation(rng, g) for stem, g in golds.items()}
    _assert_same_numbers(reference, OWN_RESUMES, _write(tmp_path, preds))


def _parse_into(paths: list[Path], out: Path) -> None:
    """Parse each resume with resume_nlp into out/<stem>.json. These tests compare the two
    scorers, not the parser's health (tests/test_corpus.py does that): a resume the parser
    fails on is left without a file, which both scorers score as an empty profile; when it
    fails on every resume there is nothing worth comparing and the test is skipped."""
    from resume_nlp import Parser

    parser = Parser()
    out.mkdir(parents=True, exist_ok=True)
    failed = []
    for path in paths:
        try:
            profile = parser.parse(path)
        except Exception as exc:  # noqa: BLE001 - any failure: compare on what parsed
            failed.append(f"{path.name}: {type(exc).__name__}")
            continue
        (out / f"{path.stem}.json").write_text(profile.to_json(), encoding="utf-8")
    if paths and len(failed) == len(paths):
        pytest.skip("resume_nlp failed on every resume: " + "; ".join(failed))


@pytest.mark.shared
def test_evaluate_matches_reference_on_parsed_seeds(reference, tmp_path):
    assert SEEDS, "no seed resumes"
    _parse_into(SEEDS, tmp_path)
    _assert_same_numbers(reference, GOLD, tmp_path)


@pytest.mark.shared
@pytest.mark.skipif(not any(OWN_RESUMES.glob("*.txt")), reason="no written test resumes")
def test_evaluate_matches_reference_on_parsed_test_resumes(reference, tmp_path):
    texts = [p for p in sorted(OWN_RESUMES.glob("*.txt")) if p.with_suffix(".json").is_file()]
    _parse_into(texts, tmp_path)
    _assert_same_numbers(reference, OWN_RESUMES, tmp_path)


@pytest.mark.shared
@pytest.mark.parametrize("pair", [
    ("Peking University", "Beihang University"), ("Tencent", "Tencent Youtu X-Lab"),
    ("腾讯", "腾讯优图实验室"), ("北京大学", "北京航空航天大学"), ("某某有限公司股份", "某某"),
    ("ab ab", "ab cd"), ("University", "Zhejiang University"), ("ZJU", "Center for Data Science, ZJU"),
])
def test_evaluate_label_sim_matches_reference(reference, pair):
    a, b = pair
    assert ev.label_sim(a, b) == reference.label_sim(a, b)
    assert ev.label_sim(b, a) == reference.label_sim(b, a)
    assert ev.distinctive(ev.normalize(a)) == reference.distinctive(reference.norm(a))


# --------------------------------------------------------------------------------------
# Similarity helpers
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Hello,  World!", "hello world"),
    ("ＡＢＣ　１２３", "abc 123"),
    ("C++/Java", "c java"),
    ("北京大学（本部）", "北京大学 本部"),
    ("  ", ""),
])
def test_evaluate_normalize(text, expected):
    assert ev.normalize(text) == expected


@pytest.mark.parametrize("a, b, low, high", [
    ("Peking University", "Peking University", 100, 100),
    ("Peking University", "peking  university.", 100, 100),
    ("Peking University", "Beihang University", 0, 84.9),     # generic words do not count
    ("Tencent", "Tencent Youtu X-Lab", 100, 100),              # contained, distinctive
    ("腾讯", "腾讯优图实验室", 100, 100),
    ("北京大学", "北京航空航天大学", 0, 84.9),
    ("University", "Zhejiang University", 0, 84.9),           # nothing distinctive left
    ("ZJU", "Center for Data Science, ZJU", 100, 100),
    ("Google Inc.", "Google", 100, 100),
    ("浙江大学", "Zhejiang University", 0, 0),
    ("", "Google", 0, 0),
])
def test_evaluate_label_sim(a, b, low, high):
    assert low <= ev.label_sim(a, b) <= high


@pytest.mark.parametrize("label, expected", [
    ("tencent co ltd", "tencent"),
    ("the university of hong kong", "hong kong"),
    ("北京字节跳动科技有限公司", "北京字节跳动科技"),
    ("北京大学", "北京"),
    ("大学", "大学"),           # a generic word alone is kept
    ("university", ""),
])
def test_evaluate_distinctive(label, expected):
    assert ev.distinctive(label) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Xinglu Wang", "Wang Xinglu", True),
    ("Xinglu Wang", "xinglu  WANG", True),
    ("张潮鹏", "张 潮鹏", True),
    ("Xinglu Wang", "Xinglu Wan", False),
    ("", "", False),
])
def test_evaluate_same_person_name(a, b, expected):
    assert ev.same_person_name(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("Prof. Zhongfei (Mark) Zhang", "Zhongfei Zhang", True),
    ("Dr. Jane Doe", "Jane Doe", True),
    ("Zhang", "Prof. Zhongfei Zhang", False),    # one token is not enough
    ("Jane Doe", "John Doe", False),
])
def test_evaluate_same_reference_name(a, b, expected):
    assert ev.same_reference_name(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("ICIP", "2020 IEEE International Conference on Image Processing (ICIP)", True),
    ("CVPR", "CVPR Workshops", True),
    ("计算机学报", "计算机学报（中文版）", True),
    ("ICIP", "ICIPS", False),
    ("NeurIPS", "NeurIPS", True),
    ("AAAI", "IJCAI", False),
])
def test_evaluate_venue_match(a, b, expected):
    assert ev.venue_match(a, b) is expected


@pytest.mark.parametrize("value, expected", [
    ("2018-9", "2018-09"), ("2018.09.1", "2018-09-01"), ("2018", "2018"), (2018, "2018"),
    ("Present", "present"), ("至今", "present"), ("  ", None), (None, None), (True, None),
    ("Sep 2018", "sep 2018"),
])
def test_evaluate_norm_date(value, expected):
    assert ev.norm_date(value) == expected


@pytest.mark.parametrize("item, expected", [
    ({"name": "Tensorflow 2"}, "tensorflow"),
    ({"name": "Python (Proficient)"}, "python"),
    ({"name": "Python（熟练）"}, "python"),
    ({"name": "C + +"}, "c++"),
    ({"name": "OpenCV v3.1"}, "opencv"),
    ({"name": "English"}, None),
    ({"name": "英语"}, None),
    ("PyTorch", "pytorch"),
    ({"name": {"en": "Deep Learning", "zh": "深度学习"}}, "deeplearning"),
    ({"name": ""}, None),
])
def test_evaluate_skill_key(item, expected):
    assert ev.skill_key(item) == expected


@pytest.mark.parametrize("a, b, expected", [
    ({"start": "2018-09", "end": "2021-06"}, {"start": "2018-09", "end": "2021-06"}, 1.0),
    ({"start": "2018", "end": "2018"}, {"start": "2018-01", "end": "2018-12"}, 1.0),
    ({"start": "2018-01", "end": "2018-12"}, {"start": "2018-07", "end": "2019-06"}, 6 / 18),
    ({"start": "2018-01"}, {"start": "2019-01"}, 0.0),
    ({}, {"start": "2019-01"}, 0.0),
])
def test_evaluate_date_overlap(a, b, expected):
    assert ev.date_overlap(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("tp, fp, fn, p, r, f1", [
    (0, 0, 0, 1.0, 1.0, 1.0),
    (0, 2, 0, 0.0, 1.0, 0.0),
    (0, 0, 3, 1.0, 0.0, 0.0),
    (3, 1, 2, 0.75, 0.6, 6 / 9),
])
def test_evaluate_tally_ratios(tp, fp, fn, p, r, f1):
    t = ev.Tally(tp, fp, fn)
    assert (t.precision, t.recall, t.f1) == pytest.approx((p, r, f1))


# --------------------------------------------------------------------------------------
# Scoring behaviour on small profiles
# --------------------------------------------------------------------------------------
GOLD_SMALL = {
    "basics": {"name": {"en": "Xinglu Wang", "zh": "王星路"}, "emails": ["a@b.cn"],
               "phones": ["+8613777894581"], "urls": ["luzai.github.io/"],
               "profiles": [{"network": "github", "username": "luzai"}]},
    "education": [
        {"institution": {"en": "Zhejiang University"}, "degree": "master", "start": "2018-09",
         "end": "2021-06", "gpa": {"value": 3.57, "scale": 4}},
        {"institution": {"en": "Zhejiang University"}, "degree": "bachelor", "start": "2014-09",
         "end": "2018-06"},
    ],
    "work": [{"organization": {"en": "Tencent"}, "position": {"en": "Research Intern"},
              "start": "2019-07", "end": "2019-12"}],
    "skills": [{"name": "Python"}, {"name": "PyTorch"}],
    "meta": {"languages": ["en", "zh"]},
}


@pytest.mark.parametrize("change, group, fact, expected", [
    (lambda p: p, "education", "entry", (2, 0, 0)),
    (lambda p: p["basics"].update(name={"en": "Wang Xinglu"}), "basics.name", "variant", (1, 0, 1)),
    (lambda p: p["basics"].update(phones=["+86 137-7789-4581"]), "basics.phones", "phone", (1, 0, 0)),
    (lambda p: p["basics"].update(phones=["137-7789-4581"]), "basics.phones", "phone", (0, 1, 1)),
    (lambda p: p["basics"].update(urls=["https://github.com/luzai"], profiles=[]), "basics.urls", "link", (1, 0, 1)),
    (lambda p: p["education"].reverse(), "education", "start", (2, 0, 0)),
    (lambda p: p["education"][0].update(end="2021"), "education", "end", (1, 1, 1)),
    (lambda p: p["education"][0].update(gpa=[{"value": "3.570"}]), "education", "gpa", (1, 0, 0)),
    (lambda p: p["education"].pop(), "education", "start", (1, 0, 1)),
    (lambda p: p["work"].append(dict(p["work"][0], organization={"zh": "腾讯"})), "experience", "entry", (1, 1, 0)),
    (lambda p: p.update(projects=p.pop("work")), "experience", "entry", (1, 0, 0)),   # work vs project not scored
    (lambda p: p["work"][0].update(organization={"en": "Tencent Youtu Lab"}), "experience", "organization", (1, 0, 0)),
    (lambda p: p["work"][0].update(position="research intern"), "experience", "position", (1, 0, 0)),
    (lambda p: p["skills"].append({"name": "English"}), "skills", "skill", (2, 0, 0)),
    (lambda p: p["basics"].update(gender="male"), "basics.gender", "gender", (0, 1, 0)),
])
def test_evaluate_single_pair(change, group, fact, expected):
    pred = copy.deepcopy(GOLD_SMALL)
    change(pred)
    report = ev.evaluate(GOLD_SMALL, pred)
    t = report.fact(group, fact)
    assert (t.tp, t.fp, t.fn) == expected
    assert report.docs[0].lang == "bilingual"


def test_evaluate_counts_duplicates():
    pred = copy.deepcopy(GOLD_SMALL)
    pred["work"].append(copy.deepcopy(pred["work"][0]))
    report = ev.evaluate(GOLD_SMALL, pred)
    assert report.duplicates["experience"] == 1
    assert report.fact("experience", "entry").fp == 1
    assert "work[1]" in report.total.duplicate_notes[0]


def test_evaluate_accepts_profiles():
    from resume_nlp.models import Profile

    profile = Profile.model_validate({"basics": {"emails": ["a@b.cn"]}})
    report = ev.evaluate(profile, profile)
    assert report.group("basics.emails").tp == 1
    assert report.overall().fp == report.overall().fn == 0


@pytest.mark.parametrize("languages, expected", [
    (["en", "zh"], "bilingual"), (["zh"], "zh"), (["en"], "en"), ([], "unknown"),
])
def test_evaluate_language_class(languages, expected):
    assert ev.language_class({"meta": {"languages": languages}}) == expected


# --------------------------------------------------------------------------------------
# Files, reports, CLI
# --------------------------------------------------------------------------------------
class _GoldParser:
    """Stands in for resume_nlp.Parser: returns the gold profile of the file's stem."""

    def __init__(self, gold_dir: Path, fail: set[str] = frozenset()):
        self.gold_dir, self.fail = gold_dir, fail

    def parse(self, path: Path):
        from resume_nlp.errors import UnreadableDocumentError
        from resume_nlp.models import Profile

        if path.stem in self.fail:
            raise UnreadableDocumentError("cannot read")
        data = json.loads((self.gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
        return Profile.model_validate(data)


def test_evaluate_files_parses_inputs(tmp_path):
    stray = tmp_path / "nogold.txt"
    stray.write_text("Jane Doe", encoding="utf-8")
    failing = SEEDS[0].stem
    report = ev.evaluate_files(GOLD, [*SEEDS, stray], parser=_GoldParser(GOLD, {failing}))
    assert [d.doc for d in report.docs] == [p.stem for p in SEEDS]
    assert report.unscored == [str(stray)]
    assert report.docs[0].prediction == "error"
    assert all(d.card.overall().fp == d.card.overall().fn == 0 for d in report.docs[1:])


def test_evaluate_files_with_predictions(tmp_path):
    _write(tmp_path, {stem: g for stem, g in list(_gold_profiles().items())[1:]})
    for inputs in ([tmp_path], sorted(tmp_path.glob("*.json"))):
        report = ev.evaluate_files(GOLD, inputs, predicted=True)
        assert len(report.docs) == len(list(GOLD.glob("*.json")))
        assert [d.prediction for d in report.docs].count("missing") == 1
        assert report.overall().fp == 0


def test_evaluate_dirs_needs_gold(tmp_path):
    with pytest.raises(ValueError):
        ev.evaluate_dirs(tmp_path, tmp_path)


def test_evaluate_report_json_and_table(tmp_path):
    golds = _gold_profiles()
    report = ev.evaluate_dirs(GOLD, _write(tmp_path, {s: _duplicate_entry(copy.deepcopy(g)) for s, g in golds.items()}))
    data = report.to_json(per_doc=True)
    json.dumps(data)
    assert data["documents"] == len(golds)
    assert set(data["groups"]) == set(ev.GROUPS)
    assert data["duplicates"]["total"] == sum(report.duplicates.values()) > 0
    assert len(data["per_document"]) == len(golds)
    assert "per_document" not in report.to_json()
    assert set(data["by_language"]) <= {"en", "zh", "bilingual", "unknown"}
    table = ev.format_report(report, per_doc=True, facts=True)
    for word in ("OVERALL", "basics.name", "  .entry", "duplicate entries:", "document language"):
        assert word in table
    assert all(stem in table for stem in golds)
    assert "  .entry" not in ev.format_report(report)


@pytest.mark.parametrize("extra", [[], ["--json"], ["--per-doc", "--facts"]])
def test_evaluate_cli_with_predictions(tmp_path, capsys, extra):
    from resume_nlp.cli import main

    _write(tmp_path, _gold_profiles())
    assert main(["eval", "--gold", str(GOLD), "--pred", str(tmp_path), *extra]) == 0
    out = capsys.readouterr().out
    if "--json" in extra:
        assert json.loads(out)["overall"]["f1"] == 1.0
    else:
        assert "OVERALL" in out and "1.000" in out


@pytest.mark.parametrize("first", ["function", "module"])
def test_evaluate_package_attribute_is_callable(first):
    """``resume_nlp.evaluate(gold, pred)`` works whether or not the scoring module was imported first."""
    import subprocess

    steps = {"function": "import resume_nlp; f = resume_nlp.evaluate",
             "module": "import resume_nlp.scoring; import resume_nlp; f = resume_nlp.evaluate"}
    code = f"{steps[first]}; print(f({{}}, {{}}).overall().f1)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "1.0"
