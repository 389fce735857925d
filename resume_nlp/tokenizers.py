"""Blank spaCy pipelines used as a tokenization substrate, built on first use.

* :func:`english` -- ``spacy.blank("en")``.
* :func:`chinese` -- ``spacy.blank("zh")`` whose segmenter is a *private* ``jieba.Tokenizer``
  carrying the gazetteers' Chinese names, degree and section words as user words, so
  ``北京航空航天大学``, ``优图实验室`` and ``计算机应用技术`` stay one token.

Importing this module imports neither spaCy nor jieba. Process-global jieba state is never
touched: the pipeline is built with the default ``char`` segmenter (spaCy's ``jieba`` setting
would initialise the global ``jieba.dt``, +1 s and +70 MB) and then switched to our
tokenizer (``ChineseTokenizer.__call__`` only needs ``jieba_seg.cut(text, cut_all=False)``).
No user word is added with frequency 0 (that would write jieba's module-global force-split
set), and ``del_word``/``suggest_freq(tune=True)`` are never called.

jieba's prefix dictionary (0.6 s to build, 0.35 s to load from a marshal file) is cached in
a per-user directory, ``$XDG_CACHE_HOME/resume_nlp`` or ``~/.cache/resume_nlp`` (mode
0700), never in ``/tmp``: jieba trusts its cache file without any check, and a shared
``/tmp/jieba.cache`` can be planted by another user. A cache that cannot be read or does
not hold a ``(dict, int)`` pair is rebuilt; when the directory cannot be made private the
dictionary is built in memory and nothing is written.
"""

from __future__ import annotations

import marshal
import os
import stat
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["cache_dir", "chinese", "english", "jieba_tokenizer", "tokenize_en", "tokenize_zh", "user_words"]

_LOCK = threading.RLock()

# Common Chinese names of majors/fields that jieba splits (计算机/应用/技术). Degree and
# section words come from resources/, institution and company names from the gazetteers.
_FIELD_WORDS = (
    "计算机应用技术", "计算机科学与技术", "计算机软件与理论", "计算机系统结构", "软件工程",
    "电子信息工程", "电子科学与技术", "信息与通信工程", "通信与信息系统", "信号与信息处理",
    "控制科学与工程", "模式识别与智能系统", "控制理论与控制工程", "人工智能", "数据科学与大数据技术",
    "网络空间安全", "信息安全", "物联网工程", "自动化", "机械工程", "机械设计制造及其自动化",
    "电气工程及其自动化", "生物医学工程", "材料科学与工程", "化学工程与工艺", "土木工程",
    "应用数学", "计算数学", "概率论与数理统计", "运筹学与控制论", "理论物理", "凝聚态物理",
    "金融工程", "工商管理", "会计学", "国际经济与贸易", "统计学", "应用统计", "管理科学与工程",
    "信息管理与信息系统", "电子商务", "市场营销", "新闻传播学", "汉语言文学", "英语语言文学",
    "临床医学", "药学", "光学工程", "仪器科学与技术", "航空宇航科学与技术", "交通运输工程",
)


def cache_dir() -> Path:
    """The per-user cache directory (not created here)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "resume_nlp"


def _private_dir() -> Path | None:
    """``cache_dir()`` created with mode 0700, or None if it is not ours and private."""
    path = cache_dir()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = path.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return None
    return path


def _cache_file(dict_path: str) -> Path | None:
    import jieba

    d = _private_dir()
    if d is None:
        return None
    try:
        size = os.path.getsize(dict_path)
    except OSError:
        size = 0
    return d / f"jieba-{jieba.__version__}-{size}.marshal"


def _load_freq(tk: Any) -> tuple[dict, int]:
    """jieba's prefix dictionary for ``tk``, from our cache or built (and cached)."""
    import jieba

    # jieba.DEFAULT_DICT is None: the bundled dictionary, opened by get_dict_file().
    dict_path = tk.dictionary or os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    path = _cache_file(dict_path)
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as f:
                freq, total = marshal.load(f)
            if isinstance(freq, dict) and isinstance(total, int) and len(freq) > 1000:
                return freq, total
        except Exception:  # corrupt or truncated: rebuild below
            pass
    freq, total = tk.gen_pfdict(tk.get_dict_file())
    if path is not None:
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    marshal.dump((freq, total), f)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            pass
    return freq, total


def user_words() -> list[str]:
    """Chinese words the private segmenter keeps whole: gazetteer names (institutions,
    companies, locations), section headings, degree words and common field names."""
    import regex

    from . import gazetteer
    from .resources import table

    han_only = regex.compile(r"^[\p{Han}()（）·]{3,20}$")
    words: set[str] = set(_FIELD_WORDS)
    for g in (gazetteer.institutions(), gazetteer.companies(), gazetteer.locations()):
        for ent in g:
            for name in (ent.zh, *ent.aliases):
                if name and han_only.match(name):
                    words.add(name)
    for res in ("sections.tsv", "lexicon/degrees.tsv"):
        try:
            rows = table(res)
        except (FileNotFoundError, OSError):
            continue
        for row in rows:
            for cell in row:
                for part in cell.split("|"):
                    if han_only.match(part.strip()):
                        words.add(part.strip())
    return sorted(words)


@lru_cache(maxsize=1)
def jieba_tokenizer() -> Any:
    """A private ``jieba.Tokenizer`` with the user words; the global ``jieba.dt`` stays
    uninitialised."""
    with _LOCK:
        import jieba

        tk = jieba.Tokenizer()
        tk.tmp_dir = str(cache_dir())  # belt and braces: jieba itself never writes to /tmp
        tk.FREQ, tk.total = _load_freq(tk)
        tk.initialized = True
        for word in user_words():
            # A fixed, high-enough frequency: jieba's suggest_freq would cut every word
            # (slow), and frequency 0 would touch jieba's global force-split set.
            if word not in tk.FREQ or not tk.FREQ[word]:
                tk.add_word(word, freq=2000 if len(word) >= 4 else 200)
        return tk


@lru_cache(maxsize=1)
def english() -> "Language":
    """A blank English spaCy pipeline (tokenizer only), shared per process."""
    with _LOCK:
        import spacy

        return spacy.blank("en")


@lru_cache(maxsize=1)
def chinese() -> "Language":
    """A blank Chinese spaCy pipeline over the private jieba tokenizer, shared per process."""
    with _LOCK:
        import spacy
        from spacy.lang.zh import Segmenter

        nlp = spacy.blank("zh")  # default config: the char segmenter, no jieba import
        tk = jieba_tokenizer()
        nlp.tokenizer.jieba_seg = tk
        nlp.tokenizer.segmenter = Segmenter.jieba
        return nlp


def tokenize_en(text: str) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` of English text, whitespace tokens left out."""
    return [(t.text, t.idx, t.idx + len(t.text)) for t in english()(text) if not t.is_space]


def tokenize_zh(text: str) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` of Chinese (or mixed) text, whitespace tokens left out.

    >>> [t for t, _, _ in tokenize_zh("北京航空航天大学 计算机应用技术")]  # doctest: +SKIP
    ['北京航空航天大学', '计算机应用技术']
    """
    return [(t.text, t.idx, t.idx + len(t.text)) for t in chinese()(text) if not t.is_space]
