"""Person names: shape tests for English and Chinese names, Chinese name <-> pinyin matching.

Used by the basics extractor (which line is the name) and the bilingual merger (is
``Chaopeng Zhang`` the same person as ``张潮鹏``). Tables load on first use:
``resources/lexicon/surnames.tsv`` gives surname readings (pypinyin has no surname mode:
曾 is ``zeng`` as a surname, not ``ceng``); ``resources/lexicon/han_readings.tsv`` (from pypinyin's
character dictionary) gives the readings of given names.
"""

from __future__ import annotations

import itertools
import sys
from functools import lru_cache

import regex

from .gazetteer import parse_location
from .lang import to_simplified
from .patterns import pattern
from .resources import read_text, table

__all__ = [
    "surnames", "split_zh_name", "pinyin_keys", "same_person", "looks_like_zh_name",
    "looks_like_en_name", "en_tokens", "evidence_match", "clean_en_name", "format_en_name", "is_title_line",
]

_HAN_NAME = regex.compile(r"^\p{Han}{2,4}$")
_NAME_SEP = regex.compile(r"[\s·•.]+")
_EN_TOKEN = regex.compile(  # Unicode letters: María, García-López, O'Connor, D'Angelo, McDonald, KOWALSKI
    r"^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|\p{Lu}{2,}(?:[-'’]\p{Lu}+)*|\p{Lu}['’]\p{Lu}+(?:\p{Ll}+)?|\p{Lu}\.?|"
    r"(?:Mc|Mac)\p{Lu}\p{Ll}+)$")
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "bin", "binti", "al", "dos", "du",
                        "des", "y", "e", "ibn", "bint", "ter", "ten", "st."})
# Generational suffixes are part of the name as written (Robert J. Smith Jr.); they count as no token.
_GENERATIONAL = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Honorifics before a name and credentials after it are not part of the name.
_HONORIFIC = regex.compile(r"(?i)^(?:(?:dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame|rev|hon|mme|mlle|herr|frau)\.?\s+)+")
_CREDENTIALS = frozenset("""
phd dphil md mba msc ms ma mphil meng mfa mpa mph bsc bs ba beng llb llm jd edd dds dvm pe cpa cfa frm pmp rn esq
cissp ceng facs frcs mrcp psyd
""".split())
_CREDENTIAL_TAIL = regex.compile(r"(?i)(?:,?\s+(?:ph\.?\s?d|d\.?phil|m\.?b\.?a|m\.?d)\.?)+$")
_TITLE_LINE = regex.compile(
    r"(?i)^[\s\[(（【<]*(?:curriculum\s+vitae|r[ée]sum[ée]|cv|vita|personal\s+r[ée]sum[ée]|个人简历|简历|個人簡歷|簡歷|"
    r"个人履历|履历|求职简历|求職簡歷|photo|photograph|picture|照片|相片|头像|頭像|\d*\s*寸?照片)"
    r"(?:\s+(?:of|for)\s+.*)?[\s\])）】>:：]*$")

# Words that make a capitalized line something other than a person's name.
_NOT_NAME_WORDS = frozenset("""
resume résumé curriculum vitae vita cv profile contact information personal details summary objective education
experience work research publications publication skills projects project awards honors references
university college institute school academy department laboratory lab center centre company inc ltd
co corp group team student master bachelor doctor phd candidate engineer engineering developer scientist
intern manager analyst designer consultant assistant professor researcher science sciences technology
computer software data learning machine information page email phone mobile address tel github linkedin
homepage website china beijing shanghai hangzhou shenzhen usa united states america street road avenue
campus room floor building district city province state the and of for in at on to with by
area bay greater metro region google scholar orcid kaggle twitter wechat weixin photo picture portfolio blog
january february march april may june july august september october november december present
""".split())
_NOT_ZH_NAMES = frozenset("""
个人简历 简历 个人信息 基本信息 教育背景 教育经历 工作经历 项目经历 实习经历 专业技能 自我评价 个人介绍 联系方式
求职意向 荣誉奖项 获奖情况 研究经历 科研经历 技能 证书 语言 兴趣爱好 个人优势 期望职位 学历 本科 硕士 博士 研究生
毕业 专业 学校 大学 学院 公司 项目 经历 时间 地址 电话 邮箱 姓名 性别 民族 籍贯 年龄 党员 团员 汉族 男 女 中国 北京
上海 广州 深圳 杭州 南京 武汉 成都 西安 天津 重庆 苏州 长沙 工程师 经理 实习生 负责人 组长 导师 教授 同学 团队 成员
""".split())


@lru_cache(maxsize=1)
def surnames() -> dict[str, tuple[str, ...]]:
    """Surname -> its readings (the surname reading first), toneless and without spaces."""
    out: dict[str, tuple[str, ...]] = {}
    for row in table("lexicon/surnames.tsv"):
        if len(row) < 3:
            continue
        alts = tuple(a for a in (row[3].split("|") if len(row) > 3 and row[3] else ()) if a)
        out[row[0]] = (row[2], *alts)
    return out


@lru_cache(maxsize=4096)
def split_zh_name(name: str) -> tuple[str, str] | None:
    """``(surname, given)`` of a Chinese name, compound surnames first; None without a known surname.

    Traditional names are read through their Simplified form (陳 -> 陈); the parts keep the input's characters.
    """
    name = _NAME_SEP.sub("", name)
    simple = to_simplified(name)
    if not _HAN_NAME.match(name):
        return None
    table_ = surnames()
    if len(name) >= 3 and simple[:2] in table_:
        return name[:2], name[2:]
    if simple[:1] in table_:
        return name[:1], name[1:]
    return None


def looks_like_zh_name(text: str) -> bool:
    """2-4 Han characters (inner spaces or a middle dot allowed) starting with a known surname.

    >>> looks_like_zh_name("张潮鹏"), looks_like_zh_name("王 小 明"), looks_like_zh_name("教育经历")
    (True, True, False)
    """
    compact = _NAME_SEP.sub("", text.strip())
    if to_simplified(compact) in _NOT_ZH_NAMES or not _HAN_NAME.match(compact):
        return False
    parts = split_zh_name(compact)
    if parts is None:
        return False
    surname, given = parts
    return 1 <= len(given) <= 2 or (len(surname) == 2 and len(given) <= 2)


_TOKEN_SPLIT = regex.compile(r"[\s,]+")
_NOT_LOWER = regex.compile(r"[^a-z]")
_NOT_ALNUM = regex.compile(r"[^a-z0-9]+")
_DIGIT = regex.compile(r"\d")


def en_tokens(name: str) -> list[str]:
    """Lowercase letter-only tokens of a Latin-script name (hyphens join: ``Xiao-Ming`` -> ``xiaoming``)."""
    out = []
    for t in _TOKEN_SPLIT.split(name.strip()):
        t = _NOT_LOWER.sub("", t.lower())
        if t:
            out.append(t)
    return out


def looks_like_en_name(text: str) -> bool:
    """2-4 capitalized (or all-caps) tokens, no common non-name words.

    >>> looks_like_en_name("Xinglu Wang"), looks_like_en_name("MASTER STUDENT"), looks_like_en_name("Tianjin University")
    (True, False, False)
    """
    tokens = text.strip().split()
    if not 2 <= len(tokens) <= 5:
        return False
    real = 0
    for k, tok in enumerate(tokens):
        bare = tok.rstrip(",")
        if bare.lower() in _PARTICLES and 0 < k < len(tokens) - 1 or k > 1 and bare.lower() in _GENERATIONAL:
            continue
        if not _EN_TOKEN.match(bare):
            return False
        if bare.lower().strip(".") in _NOT_NAME_WORDS:
            return False
        if len(bare.strip(".")) >= 2:
            real += 1
    return real >= 2 and len(tokens) - real <= 2


def is_title_line(text: str) -> bool:
    """A document title or photo placeholder line (``Curriculum Vitae``, ``个人简历``, ``[Photo]``), never a name."""
    return bool(_TITLE_LINE.match(text.strip()))


def format_en_name(name: str) -> str:
    """Spaces collapsed; an ALL-CAPS token title-cased (``KOWALSKI`` -> ``Kowalski``, ``JR.`` -> ``Jr.``, ``III`` kept)."""
    out = []
    for tok in name.split():
        if tok.isupper() and len(tok.strip(".")) > 1 and tok.lower() not in ("ii", "iii", "iv"):
            tok = "-".join(p.capitalize() if p[:2].upper() != p[:2] or "'" not in p[:2] else p[:2] + p[2:].lower()
                           for p in tok.split("-"))
            tok = pattern(r"(?<=^\p{L}['’])\p{L}").sub(lambda m: m[0].upper(), tok)
        out.append(tok)
    return " ".join(out)


def clean_en_name(text: str) -> str | None:
    """The person's name in a Latin-script name string, without honorifics and credentials, or None.

    ``Dr. Priya Natarajan`` -> ``Priya Natarajan``; ``Nguyen Van An, Ph.D.`` -> ``Nguyen Van An``;
    ``SMITH, John`` -> ``John Smith``; ``CHAN Tai Man, Kelvin`` -> ``Kelvin Chan Tai Man``; ``MARIA  KOWALSKI`` -> ``Maria Kowalski``; ``Robert J. Smith, Jr.``
    keeps ``Jr.``. The result passes :func:`looks_like_en_name`.

    >>> clean_en_name("Prof. Daniel Lefebvre, PhD"), clean_en_name("SMITH, John"), clean_en_name("Boston, MA")
    ('Daniel Lefebvre', 'John Smith', None)
    """
    s = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;:")
    s = _HONORIFIC.sub("", s)
    s = _CREDENTIAL_TAIL.sub("", s).strip(" ,")
    parts = [p.strip() for p in s.split(",")]
    head, keep = parts[0], []
    for k, part in enumerate(parts[1:]):
        low = part.lower()
        if low in _GENERATIONAL:
            keep.append(part)
        elif all(pattern(r"[.\s]").sub("", w).lower() in _CREDENTIALS for w in part.split()) and part:
            continue
        elif k == 0 and len(parts) == 2 and (_surname_first(head, part) or _english_name_after(head, part)):
            head = f"{part} {head}"
        else:
            return None
    value = format_en_name(" ".join([head, *keep]))
    return value if looks_like_en_name(value) else None


_SURNAME_CAPS = regex.compile(r"^\p{Lu}{2,}(?:[-'’ ]\p{Lu}{2,})*$")
_GIVEN = regex.compile(r"^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?:\s+(?:\p{Lu}\p{Ll}+|\p{Lu}\.?))*$")


def _surname_first(head: str, rest: str) -> bool:
    """``SMITH, John`` / ``GARCÍA LÓPEZ, María``: an ALL-CAPS surname, then given names."""
    return bool(_SURNAME_CAPS.match(head) and _GIVEN.match(rest))


_ENGLISH_NAME = regex.compile(r"^\p{Lu}\p{Ll}+$")


def _english_name_after(head: str, rest: str) -> bool:
    """``CHAN Tai Man, Kelvin`` (Hong Kong, Singapore, Malaysia): an ALL-CAPS surname, the
    romanized given names, and after the comma the English name the person goes by."""
    tokens = head.split()
    return (len(tokens) >= 2 and bool(_SURNAME_CAPS.match(tokens[0]))
            and bool(_GIVEN.match(" ".join(tokens[1:]))) and bool(_ENGLISH_NAME.match(rest))
            and parse_location(rest) is None)  # LIM Boon Keng, Singapore: a place, not a name


@lru_cache(maxsize=1)
def _han_readings() -> dict[str, tuple[str, ...]]:
    """Toneless readings of each Han character, most common first (``lexicon/han_readings.tsv``,
    generated from pypinyin's character dictionary: importing pypinyin would also load its
    phrase dictionary, ~45 MB that given names do not need)."""
    # read directly, not through table(): its cache would keep a second copy of 41,900 rows
    readings: dict[str, tuple[str, ...]] = {}
    for line in read_text("lexicon/han_readings.tsv").splitlines():
        char, _, values = line.partition("\t")
        if values and not char.startswith("#"):
            readings[char] = tuple(sys.intern(v) for v in values.split(","))
    return readings


def _given_readings(given: str) -> list[list[str]]:
    readings_of = _han_readings()
    out = []
    for ch in given:
        syllables = readings_of.get(ch)
        if not syllables:
            continue  # not a Han character
        readings: list[str] = []
        for s in syllables:
            for v in ([s, s.replace("v", "u"), s.replace("v", "yu")] if "v" in s else [s]):
                if v not in readings:
                    readings.append(v)
        out.append(readings[:4])
    return out


@lru_cache(maxsize=2048)
def pinyin_keys(zh_name: str) -> frozenset[str]:
    """Romanizations of a Chinese name: given+surname and surname+given, toneless, lowercase, no spaces.

    >>> sorted(pinyin_keys("曾小明"))[:2]
    ['xiaomingzeng', 'zengxiaoming']
    """
    parts = split_zh_name(zh_name)
    if parts is None:
        return frozenset()
    surname, given = parts
    sur_readings = surnames().get(to_simplified(surname), ())
    given_readings = _given_readings(to_simplified(given)) if given else [[""]]
    if len(given_readings) != len(given):
        return frozenset()
    keys: set[str] = set()
    for combo in itertools.islice(itertools.product(*given_readings), 64):
        g = "".join(combo)
        for s in sur_readings:
            keys.add(s + g)
            keys.add(g + s)
    return frozenset(keys)


def romanized_forms(zh_name: str, limit: int = 16) -> list[str]:
    """"Given Surname" romanizations of a Chinese name, for matching against emails and handles.

    >>> romanized_forms("张潮鹏")[:1]
    ['Chaopeng Zhang']
    """
    parts = split_zh_name(zh_name)
    if parts is None:
        return []
    surname, given = parts
    sur_readings = surnames().get(to_simplified(surname), ())
    given_readings = _given_readings(to_simplified(given)) if given else [[""]]
    if not given or len(given_readings) != len(given):
        return []
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*given_readings), limit):
        for s in sur_readings:
            out.append(f"{''.join(combo).capitalize()} {s.capitalize()}")
    return out


def same_person(en_name: str, zh_name: str) -> bool:
    """Whether a Latin-script name is the pinyin of a Chinese name (either order).

    An English first name before the pinyin (``Michael Chaopeng Zhang``) is allowed.

    >>> same_person("Chaopeng Zhang", "张潮鹏"), same_person("Zhang Chaopeng", "张潮鹏"), same_person("Xia Li", "张潮鹏")
    (True, True, False)
    """
    keys = pinyin_keys(zh_name)
    if not keys:
        return False
    tokens = [t for t in en_tokens(en_name) if t]
    if len(tokens) < 2:
        return False
    candidates = {"".join(tokens), "".join(reversed(tokens))}
    if len(tokens) >= 3:  # an English given name in front or a middle name
        candidates |= {"".join(tokens[1:]), "".join(tokens[-1:] + tokens[:-1][1:]),
                       tokens[-1] + "".join(tokens[1:-1]), "".join(tokens[1:-1]) + tokens[-1]}
    return bool(candidates & keys)


_SYLLABLE = regex.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|"
    r"in|un|vn|ia|ie|iu|ua|uo|ue|ui|ve|er|a|o|e|i|u|v)(?:(?<=[aeiouv])(?:ng|n)(?![aeiouv]))?")


def _syllable_initials(token: str) -> str:
    """First letters of the pinyin syllables of ``token`` (``chaopeng`` -> ``cp``), or the token's first letter."""
    pos, out = 0, []
    while pos < len(token):
        m = _SYLLABLE.match(token, pos)
        if not m or m.end() == pos:
            return token[:1]
        out.append(token[pos])
        pos = m.end()
    return "".join(out)


@lru_cache(maxsize=4096)
def evidence_match(name: str, evidence: str) -> float:
    """How well ``evidence`` (an email local part, a LinkedIn slug, a handle) spells ``name``: 0..1.

    1.0: the tokens in either order (``xingluwang``, ``xinglu-wang-1734b2116``); 0.7: one full
    token plus the initials of the others (``xingyaow``, ``x.zhexiao``); 0.5: initials only,
    syllable by syllable for pinyin (``cpz`` for Chaopeng Zhang); 0.3: contains a full token.
    """
    tokens = [t for t in en_tokens(name) if t]
    if len(tokens) < 2:
        return 0.0
    parts = [p for p in _NOT_ALNUM.split(evidence.lower()) if p]
    words = [p for p in parts if not _DIGIT.search(p)]  # slug suffixes such as 1734b2116
    ev = _NOT_LOWER.sub("", "".join(words or parts))
    if not ev:
        return 0.0
    if ev in ("".join(tokens), "".join(reversed(tokens))):
        return 1.0
    orders = [tokens, list(reversed(tokens))]
    for order in orders:
        for i, tok in enumerate(order):
            rest = [t[:1] for j, t in enumerate(order) if j != i]
            for left in range(len(rest) + 1):
                if "".join(rest[:left]) + tok + "".join(rest[left:]) == ev:
                    return 0.7
    for order in orders:
        if ev == "".join(_syllable_initials(t) for t in order) or ev == "".join(t[:1] for t in order):
            return 0.5
    if any(len(t) >= 3 and t in ev for t in tokens):
        return 0.3
    return 0.0
