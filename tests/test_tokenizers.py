"""Tokenizers: lazy import, private jieba, per-user cache, user words kept whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

import pytest

# fmt: off
ZH_WHOLE = [
    ("北京航空航天大学 计算机应用技术 硕士", ["北京航空航天大学", "计算机应用技术", "硕士"]),
    ("腾讯 优图实验室 人脸识别", ["腾讯", "优图实验室"]),
    ("2013.09-2017.06 北京大学 软件工程 本科", ["北京大学", "软件工程", "本科"]),
    ("中国科学院自动化研究所", ["中国科学院自动化研究所"]),
]
# fmt: on

_CHILD = r"""
import json, os, sys, tempfile
before = set(os.listdir(tempfile.gettempdir()))
import resume_nlp.tokenizers as T
out = {"lazy": "spacy" not in sys.modules and "jieba" not in sys.modules}
nlp = T.chinese()
import jieba
out["global_initialized"] = jieba.dt.initialized
out["tokens"] = [t.text for t in nlp("北京航空航天大学 优图实验室")]
out["new_tmp"] = sorted(set(os.listdir(tempfile.gettempdir())) - before)
out["cache"] = sorted(os.listdir(T.cache_dir()))
out["mode"] = oct(os.stat(T.cache_dir()).st_mode & 0o777)
print(json.dumps(out))
"""


def _run_child(cache_home) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    proc = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def child_run(tmp_path_factory):
    home = tmp_path_factory.mktemp("xdg")
    return home, _run_child(home)


def test_tokenizers_import_is_lazy(child_run):
    assert child_run[1]["lazy"] is True


def test_tokenizers_global_jieba_untouched(child_run):
    assert child_run[1]["global_initialized"] is False


def test_tokenizers_no_file_in_tmp(child_run):
    new = [n for n in child_run[1]["new_tmp"] if "jieba" in n or not n.startswith(("pytest-", "tmp"))]
    assert not [n for n in new if "jieba" in n]
    assert not os.path.exists(os.path.join(tempfile.gettempdir(), "jieba.cache"))


def test_tokenizers_cache_in_private_user_dir(child_run):
    home, out = child_run
    assert out["mode"] == "0o700"
    assert len(out["cache"]) == 1 and out["cache"][0].startswith("jieba-")
    assert out["tokens"] == ["北京航空航天大学", "优图实验室"]


def test_tokenizers_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    import jieba

    from resume_nlp import tokenizers

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    tk = jieba.Tokenizer()
    dict_path = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    path = tokenizers._cache_file(dict_path)
    path.write_bytes(b"\x00garbage, not marshal")
    freq, total = tokenizers._load_freq(tk)
    assert isinstance(freq, dict) and len(freq) > 100000 and total > 0
    assert path.stat().st_size > 1_000_000  # rewritten
    assert tokenizers._load_freq(tk)[1] == total  # and readable


@pytest.mark.parametrize("text,expected", ZH_WHOLE)
def test_tokenizers_zh_keeps_user_words_whole(text, expected):
    from resume_nlp.tokenizers import tokenize_zh

    toks = tokenize_zh(text)
    words = [t for t, _, _ in toks]
    for w in expected:
        assert w in words
    for t, s, e in toks:
        assert text[s:e] == t


def test_tokenizers_zh_is_a_private_segmenter():
    import jieba

    from resume_nlp.tokenizers import chinese, jieba_tokenizer

    nlp = chinese()
    assert nlp.tokenizer.jieba_seg is jieba_tokenizer()
    assert nlp.tokenizer.jieba_seg is not jieba.dt
    assert chinese() is nlp


@pytest.mark.parametrize("text,expected", [
    ("Peking University, Beijing", [("Peking", 0, 6), ("University", 7, 17), (",", 17, 18), ("Beijing", 19, 26)]),
    ("  GPA 3.57", [("GPA", 2, 5), ("3.57", 6, 10)]),
])
def test_tokenizers_en_offsets(text, expected):
    from resume_nlp.tokenizers import english, tokenize_en

    assert tokenize_en(text) == expected
    assert english() is english()
