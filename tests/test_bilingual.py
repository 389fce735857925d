"""The bilingual merger on drafts: assignment, pairing signals, conflicts, unions."""

from __future__ import annotations

import pytest

from resume_nlp.bilingual import assign, merge_bilingual, skill_key
from resume_nlp.settings import Settings
from resume_nlp.spans import Draft, Mention


def draft(kind: str, lang: str, at: int, **fields) -> Draft:
    d = Draft(kind, lang, at, at + 10)
    pos = at
    for name, value in fields.items():
        values = value if isinstance(value, list) and name in ("highlights",) else [value]
        for v in values:
            vlang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in str(v)) else "en"
            m = Mention(f"{kind}.{name}", v, pos, pos + 1, vlang)
            pos += 1
            if name == "highlights":
                d.add(m)
            else:
                d.set(m)
    return d


# fmt: off
@pytest.mark.parametrize("scores, threshold, expected", [
    ([[0.9, 0.1], [0.8, 0.7]], 0.5, [(0, 0), (1, 1)]),
    ([[0.9, 0.85], [0.88, 0.1]], 0.5, [(0, 1), (1, 0)]),      # optimal, not greedy
    ([[0.2, 0.1], [0.1, 0.3]], 0.5, []),                        # nothing above the threshold
    ([[0.9], [0.95], [0.1]], 0.5, [(1, 0)]),
    ([], 0.5, []),
])
# fmt: on
def test_bilingual_assign(scores, threshold, expected):
    assert assign(scores, threshold) == expected


# fmt: off
@pytest.mark.parametrize("a, b", [
    ("PyTorch", "Pytorch"), ("C++", "c++"), ("Tensorflow 2", "TensorFlow"), ("Python (Proficient)", "python"),
    ("Golang", "Go"), ("JS", "JavaScript"),
])
# fmt: on
def test_bilingual_skill_key_identifies_spellings(a, b):
    assert skill_key(a) == skill_key(b)


def test_bilingual_merges_aligned_entries_and_records_conflict():
    en = [draft("work", "en", 0, organization="Google Brain", position="Software Engineering Intern",
                start="2019-05", end="present"),
          draft("work", "en", 100, organization="Tencent Youtu X-Lab", position="Research Intern",
                start="2018-05", end="2019-04")]
    zh = [draft("work", "zh", 1000, organization="Google Brain", position="机器学习软件工程实习生",
                start="2019-05", end="present"),
          draft("work", "zh", 1100, organization="腾讯 优图实验室", position="视觉研究实习生",
                start="2018-03", end="2019-04")]
    merged, conflicts = merge_bilingual(None, en + zh, Settings())
    assert len(merged) == 2
    assert {m.lang: m.value for m in merged[1].fields["position"]} == {"en": "Research Intern", "zh": "视觉研究实习生"}
    assert conflicts == [{"path": "work[1].start", "values": [{"value": "2018-05", "lang": "en"},
                                                             {"value": "2018-03", "lang": "zh"}],
                          "chosen": "2018-05"}]


def test_bilingual_prefer_chinese_keeps_chinese_value():
    en = [draft("work", "en", 0, organization="Tencent", start="2018-05", end="2019-04")]
    zh = [draft("work", "zh", 100, organization="腾讯", start="2018-03", end="2019-04")]
    merged, conflicts = merge_bilingual(None, en + zh, Settings(prefer_lang="zh"))
    assert merged[0].get("start") == "2018-03" and conflicts[0]["chosen"] == "2018-03"


def test_bilingual_unpaired_entries_stay_single():
    en = [draft("education", "en", 0, institution="Stanford University", start="2010-09", end="2014-06")]
    zh = [draft("education", "zh", 100, institution="北京大学", start="2016-09", end="2019-06"),
          draft("education", "zh", 200, institution="斯坦福大学", start="2010-09", end="2014-06")]
    merged, _ = merge_bilingual(None, en + zh, Settings())
    assert [sorted(m.lang for m in d.fields["institution"]) for d in merged] == [["zh"], ["en", "zh"]]


def test_bilingual_pairs_bullets_by_anchors():
    en = draft("work", "en", 0, organization="Tencent", start="2018-05",
               highlights=["Trained a ResNet50 model with Caffe, MAE 2.3", "Built a Django annotation tool"])
    zh = draft("work", "zh", 100, organization="腾讯", start="2018-05",
               highlights=["使用 Django 开发标注系统", "通过 Caffe 训练 ResNet50 模型,MAE 为 2.3", "封装 C++ SDK"])
    merged, _ = merge_bilingual(None, [en, zh], Settings())
    items = [{m.lang: m.value for m in item} for item in merged[0].lists["highlights"]]
    assert items[0] == {"en": "Trained a ResNet50 model with Caffe, MAE 2.3", "zh": "通过 Caffe 训练 ResNet50 模型,MAE 为 2.3"}
    assert {"en": "Built a Django annotation tool", "zh": "使用 Django 开发标注系统"} in items
    assert {"zh": "封装 C++ SDK"} in items and len(items) == 3


def test_bilingual_skills_union_without_duplicates():
    skills = [draft("skills", "en", i, name=n) for i, n in enumerate(["Python", "PyTorch", "C++"])]
    skills += [draft("skills", "zh", 100 + i, name=n) for i, n in enumerate(["python", "Pytorch", "MATLAB"])]
    skills += [draft("work", "zh", 500, organization="腾讯")]
    merged, _ = merge_bilingual(None, skills, Settings())
    assert [d.get("name") for d in merged if d.kind == "skills"] == ["Python", "PyTorch", "C++", "MATLAB"]


def test_bilingual_work_paired_with_project_validates():
    """Found by fuzzing: a job in one version and a project in the other, paired, must still
    make a valid Work entry (project-only fields are not output)."""
    import resume_nlp

    text = ("Jane Li\n\nEXPERIENCE\n• Google Brain\nSoftware Engineering Intern\nMay 2019 - Present\n\n"
            "实习经历\n· Google Brain • TensorFlow 自动化模型压缩\nMay 2019 - Present\n- 通道剪枝 复现论文")
    profile = resume_nlp.parse(text)
    assert len(profile.work) + len(profile.projects) >= 1


def test_bilingual_line_pairs_under_a_bilingual_heading_are_aligned():
    """A Chinese line followed by its English translation under one heading ("工作经历 Experience"):
    the section parser gives both drafts the section's language; the entries' own values decide."""
    en = draft("work", "en", 0, organization="杭州云栖数智科技有限公司", position="后端工程师", start="2022-04", end="present")
    zh = draft("work", "en", 50, organization="Yunqi Digital Technology", position="Backend Engineer",
               start="2022-04", end="2023-12")
    merged, conflicts = merge_bilingual(None, [en, zh], Settings())
    assert len(merged) == 1
    assert {m.lang for m in merged[0].fields["organization"]} == {"en", "zh"}
    assert conflicts == [{"path": "work[0].end", "values": [{"value": "2023-12", "lang": "en"},
                                                           {"value": "present", "lang": "zh"}],
                          "chosen": "2023-12"}]


def test_bilingual_entry_naming_an_english_company_stays_in_its_version():
    from resume_nlp.bilingual import entry_lang

    d = draft("work", "zh", 0, organization="Google Brain", position="机器学习软件工程实习生")
    assert entry_lang(d) == "zh"
    assert entry_lang(draft("work", "en", 0, organization="腾讯", position="研究实习生")) == "zh"


def _gold_conflict_cases():
    from pathlib import Path
    import json

    root = Path(__file__).parent / "data" / "resumes"
    for gold in sorted(root.glob("*bi*.json")):
        conflicts = json.loads(gold.read_text(encoding="utf-8")).get("meta", {}).get("conflicts")
        if conflicts and gold.with_suffix(".txt").exists():
            yield pytest.param(gold.with_suffix(".txt"), conflicts, id=gold.stem)


@pytest.mark.parametrize("path, expected", list(_gold_conflict_cases()))
def test_bilingual_resume_conflicts_match_gold(path, expected):
    """Every planted disagreement in a bilingual test resume is found, at the gold's path, with
    the gold's values (per language) and choice; nothing else is reported."""
    import resume_nlp

    got = resume_nlp.parse(path).model_dump(mode="json")["meta"]["conflicts"]

    def canon(items):
        return sorted((c["path"], tuple(sorted((v["lang"], repr(v["value"])) for v in c["values"])), repr(c["chosen"]))
                      for c in items)

    assert canon(got) == canon(expected)


def test_bilingual_resume_prefer_chinese_flips_the_choice():
    from pathlib import Path

    from resume_nlp import Parser

    path = Path(__file__).parent / "data" / "resumes" / "gen_bi_line_pairs.txt"
    profile = Parser(Settings(prefer_lang="zh")).parse(path)
    assert profile.work[1].end == "present"
    assert [c.model_dump(mode="json") if hasattr(c, "model_dump") else c for c in profile.meta.conflicts] == [
        {"path": "work[1].end", "values": [{"value": "2023-12", "lang": "en"}, {"value": "present", "lang": "zh"}],
         "chosen": "present"}]


def test_bilingual_generated_resumes_have_no_duplicates(tmp_path):
    """Every gen_bi_* resume: no entry emitted once per language version."""
    from pathlib import Path

    from resume_nlp import Parser
    from resume_nlp.scoring import evaluate_dirs

    root = Path(__file__).parent / "data" / "resumes"
    parser = Parser()
    for path in sorted(root.glob("gen_bi_*.txt")):
        (tmp_path / f"{path.stem}.json").write_text(parser.parse(path).to_json(), encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in root.glob("gen_bi_*.json"):
        (gold / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    report = evaluate_dirs(gold, tmp_path)
    assert report.docs and all(sum(d.card.duplicates.values()) == 0 for d in report.docs), \
        [n for d in report.docs for n in d.card.duplicate_notes]


@pytest.mark.parametrize("n", [5, 33, 100])
def test_bilingual_long_lists_pair_in_order(n):
    # past the exact-assignment size the lists are paired block by block; every entry still
    # finds its translation (distinct dates) and nothing is listed twice
    en = [draft("work", "en", 100 * i, organization=f"Company {i}", position="Engineer",
                start=f"{1900 + i}-01", end=f"{1900 + i}-12") for i in range(n)]
    zh = [draft("work", "zh", 100 * (n + i), organization=f"公司{i}", position="工程师",
                start=f"{1900 + i}-01", end=f"{1900 + i}-12") for i in range(n)]
    merged, conflicts = merge_bilingual(None, en + zh, Settings())
    assert len(merged) == n and not conflicts
    assert all(sorted(m.lang for m in d.fields["organization"]) == ["en", "zh"] for d in merged)
