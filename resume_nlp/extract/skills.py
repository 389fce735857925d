"""Skills: list lines -> one ``skills`` draft per named skill.

A skill line is an optional label (``Programming:``, ``Deep Learning Frameworks:``, ``技能:``,
or a bare category word such as ``Programming Python, C++``) followed by a list split on
commas, ``、``, slashes, ``>``, ``;``, ``+`` and "and". Items are looked up in the curated
gazetteer ``gazetteers/skills.tsv`` (canonical name and category); levels come from a
parenthesis (``Python (Proficient)``), a level label (``Proficient: ...``) or a Chinese level
word (``精通``/``熟悉``/``了解``/``掌握``, kept as written). Natural languages in such a list
(``Languages: English, Chinese``) are left to :mod:`.languages`; certificate and interest
lines to :mod:`.misc`.

Outside a skills section (a Skills heading lost in PDF conversion, a skills block at the end
of a publications section) only the *trailing run* of lines that :func:`is_skill_line`
accepts is taken; :func:`skill_line_starts` tells the other parsers which lines those are.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import bisect

import regex

from ..document import SectionView
from ..lang import to_simplified
from ..patterns import literal_alternation
from ..resources import table
from ..spans import Draft, Mention
from .summary import BodyLine, body_lines, bullet_mention, make_mention, text_lang, trim

# Compiled once: regex's own pattern cache costs microseconds per call on this hot path.
_WHITESPACE_RUN = regex.compile(r"\s+")
_HAN_CHAR = regex.compile(r"\p{Han}")
_ONLY_DIGITS_DOTS = regex.compile(r"[\d.\s]+")
_ALIAS_JOINER = regex.compile(r"[/+&]")
_LABEL_PROGRAMMING = regex.compile(r"program|coding|languages?\b|编程|语言")
_LABEL_FRAMEWORK = regex.compile(r"framework|librar|package|框架|库")
_LABEL_TOOL = regex.compile(r"tool|software|platform|database|ide|editor|工具|软件|平台|数据库")
_LIST_SEPARATOR = regex.compile(r"[,，;；]")
_LEADING_CONJUNCTION = regex.compile(r"^(?:and|or|&)\s+", regex.I)
_LONG_NUMBER = regex.compile(r"\d{3,}")
_SKILL_WORD = regex.compile(r"skill|技能", regex.I)
_TOKEN = regex.compile(r"\S+")
# Longest line read as a skill list. Real lists are a few hundred characters; the bound keeps
# a hostile megabyte-long "skill line" from costing more than linear time.
_MAX_LIST_CHARS = 2000
_ANY_SEPARATOR = regex.compile(r"[,，、;；/>|:：]")
_LEADING_BULLETS = regex.compile(r"^\s*(?:[•·・◦▪●○■\-–—*]|[oO。](?=\s))+\s*")

__all__ = ["SkillParser", "is_skill_line", "skill_line_starts", "lookup_skill", "parse_skill_list",
           "natural_language_key", "SkillItem"]

SOURCE = "skills"


# --- tables ---------------------------------------------------------------------------------
def _key(text: str) -> str:
    return _WHITESPACE_RUN.sub("", unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=1)
def _skill_index() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for row in table("gazetteers/skills.tsv"):
        name, category = row[0], row[1]
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        for alias in (name, *aliases):
            index.setdefault(_key(alias), (name, category))
    return index


@lru_cache(maxsize=1)
def _natural_languages() -> frozenset[str]:
    keys = set()
    for row in table("lexicon/languages.tsv"):
        if row[0] == "language":
            keys.update(_key(a) for a in row[3].split("|"))
    return frozenset(keys)


def natural_language_key(text: str) -> bool:
    """True when ``text`` names a spoken language (English, 中文, Mandarin ...)."""
    return _key(text) in _natural_languages()


_VERSION = regex.compile(r"\s+v?\d+(?:\.\d+)*[a-z]?$", regex.I)
_ACRONYM = regex.compile(r"\p{Lu}{2,5}")
# "AutoCAD Civil 3D", "Primavera P6 EPPM": a known product's edition or module, written as a name
_PRODUCT_TAIL = regex.compile(r"(?:\s+(?:\p{Lu}[\w.-]*|\d+[A-Za-z]*)){1,3}")


def _written_name(raw: str, canonical: str) -> str:
    """The name as written when it is a fuller form of the canonical one ("Apache Spark", "PySpark"),
    or Chinese ("多线程编程"); the canonical name for case, spacing, version and spelling variants."""
    raw = _WHITESPACE_RUN.sub(" ", raw.strip())
    if _HAN_CHAR.search(raw) and not _HAN_CHAR.search(canonical):
        return raw
    k_raw, k_can = _key(raw), _key(canonical)
    if k_can in k_raw and k_raw != k_can and not _ONLY_DIGITS_DOTS.fullmatch(k_raw.replace(k_can, "", 1)):
        return raw
    if _ACRONYM.fullmatch(canonical) and len(raw.split()) >= 2:
        return raw  # "Google Cloud Platform" is written out; its acronym "GCP" is not what the resume says
    return canonical


def lookup_skill(text: str) -> tuple[str, str] | None:
    """``(canonical name, category)`` of a skill as written, or None."""
    key = _key(text)
    hit = _skill_index().get(key)
    if hit is None:
        stripped = _VERSION.sub("", text.strip())
        if stripped != text.strip():
            hit = _skill_index().get(_key(stripped))
    return hit


@lru_cache(maxsize=1)
def _protected() -> regex.Pattern:
    """Skill names that contain a list separator (C++, TCP/IP, CI/CD, A/B Testing, C + +)."""
    forms = set()
    for row in table("gazetteers/skills.tsv"):
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        for alias in (row[0], *aliases):
            if _ALIAS_JOINER.search(alias):
                forms.add(alias)
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        pat = "".join(r"\s*" + regex.escape(ch) + r"\s*" if ch in "/+&" else
                      (r"\s*" if ch == " " else regex.escape(ch)) for ch in form)
        parts.append(pat)
    return regex.compile(r"(?<![\w+#])(?:" + "|".join(parts) + r")(?![\w+#])", regex.I)


_EMBED_STOP = frozenset("""go make less word access project office origin apache spring storm unity maya chef
puppet lambda scheme swift ruby oracle triton gym ray beam hive express requests rest socket idea node rails
optimization algorithms statistics probability accounting auditing marketing leadership communication
teamwork sketch canva notion slack charles prism audition boost eigen elm dart julia crystal ada chainer
excel testing agile scrum assembly pascal shell grant android ios windows linux unix python java""".split())


@lru_cache(maxsize=1)
def _embedded() -> regex.Pattern:
    """Known skills inside free text: long aliases case-insensitively, others as written."""
    insensitive, sensitive = set(), set()
    for row in table("gazetteers/skills.tsv"):
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        for alias in (row[0], *aliases):
            if _HAN_CHAR.search(alias):
                if len(alias) >= 2:
                    sensitive.add(alias)
                continue
            if len(alias) < 2:
                continue
            if len(alias) >= 5 and alias.casefold() not in _EMBED_STOP:
                insensitive.add(alias)
            elif alias != alias.casefold() or not alias.isalpha():
                sensitive.add(alias)
    return regex.compile(r"(?<![A-Za-z0-9+#])(?:(?i:" + literal_alternation(insensitive, ignore_case=True)
                         + r")|" + literal_alternation(sensitive) + r")(?![A-Za-z0-9+#])")


# --- line grammar ---------------------------------------------------------------------------
_NUMBERING = regex.compile(r"\G\s*(?:\d{1,2}\s*[.、)）](?!\d)|[(（]\d{1,2}[)）])\s*")
_LABEL = regex.compile(r"\G(?P<label>[^:：,，、;；()（）\[\]@/]{1,40}?)\s*[:：](?!//)\s*")
_LABEL_WORDS = frozenset("""programming program languages language coding code framework frameworks tools tool
software libraries library packages package databases database technologies technology tech web cloud devops
platforms platform ide ides frontend front-end backend back-end skills skill technical computer scripting
toolkits toolkit others other misc miscellaneous familiar proficient with in and & deep learning machine ml
data dl os operating systems system version control testing office design stack environment environments
editors editor development dev big analysis visualization methods expertise""".split())
# a table's header row ("Category<TAB>Skills"): not skills
_HEADER_WORDS = frozenset({"skills", "skill", "category", "categories", "area", "areas", "skill set", "skillset", "level",
                           "proficiency", "tools", "technologies", "technical skills"})
_ZH_LABELS = regex.compile(r"^(?:编程语言|编程|语言|技能|工具|框架|软件|数据库|开发工具|开发环境|专业技能|计算机|"
                           r"计算机技能|技术栈|平台|操作系统|办公软件|其他|其它)$")
_CERT_LABEL = regex.compile(r"certif|licen|证书|资格|认证", regex.I)
_INTEREST_LABEL = regex.compile(r"interest|hobb|爱好|兴趣", regex.I)
# "主修课程: 数据结构、操作系统", "Relevant Coursework: ...": courses taken belong to the degree
# (an education highlight), even when a course shares its name with a skill
_COURSE_LABEL = regex.compile(r"course|module|curricul|课程|主修|选修|辅修", regex.I)
_AWARD_LABEL = regex.compile(r"award|honou?r|prize|scholarship|获奖|荣誉|奖", regex.I)
_LANG_LABEL = regex.compile(r"^(?:(?:spoken|foreign|natural)\s+)?languages?(?:\s+skills?)?$|^(?:外语|语言能力|外语能力)$",
                            regex.I)
_LEVEL_WORDS = regex.compile(
    r"^(?:expert|advanced|proficient|proficiency|intermediate|basic|basics|beginner|elementary|familiar|"
    r"fluent|good|strong|working knowledge|knowledgeable|competent|experienced|novice|skilled|"
    r"精通|熟练|熟悉|了解|掌握|熟练掌握|一般|良好|入门|较好|基础)$", regex.I)
_LEVEL_LABEL = regex.compile(
    r"^(?:(?:expert|advanced|proficient|intermediate|basic|beginner|familiar|experienced|knowledgeable|"
    r"competent|strong|working knowledge)(?:\s+(?:in|with|at|of))?|精通|熟练掌握|熟练|熟悉|了解|掌握|"
    r"较熟悉|基本掌握|熟练使用|会使用)$", regex.I)
_ZH_LEVEL_PREFIX = regex.compile(
    r"\G(?:能够熟练使用|能熟练使用|熟练掌握|熟练使用|熟练运用|基本掌握|较熟悉|会使用|能够使用|精通|熟练|熟悉|了解|掌握|擅长|"
    r"使用过|用过)\s*")
_EN_LEVEL_PREFIX = regex.compile(
    r"\G(?:(?P<level>proficient|familiar|experienced|skilled|knowledgeable|fluent|expert|competent)\s+"
    r"(?:in|with|at|of)|(?P<level2>knowledge|experience)\s+(?:of|in|with))\s+", regex.I)
_ZH_SUFFIX = regex.compile(r"\s*(?:等+\p{Han}{0,8}|原理|操作系统|系统|編程語言|编程语言|语言|编程|框架|开发|平台|工具|软件|数据库|环境|库)$")
# items that are only a label word ("证书及语言" read as a list): not skills
_LABEL_ONLY = regex.compile(r"^(?:证书|资格|语言|外语|技能|工具|框架|软件|其他|其它|爱好|兴趣|荣誉|奖励|获奖)$")
_EN_TAIL = regex.compile(r"(?:\s*(?:,|\band\b)?\s*(?:etc\.?|and so on|and more)|\s*\.{2,}|…)$", regex.I)
# How a text that _EN_TAIL matches ends (casefolded, before a final newline): the search tries
# every position of an item, and most items end otherwise.
_EN_TAIL_ENDS = ("etc", "etc.", "and so on", "and more", "..", "…")
_DURATION = regex.compile(r"(?:\d+(?:\.\d+)?\+?|one|two|three|four|five|six|seven|eight|nine|ten)\s*"
                           r"(?:years?|yrs?|months?|mos?)(?:\s+(?:of\s+)?(?:experience|exp\.?))?|\d+(?:\.\d+)?\s*年(?:以上|经验)?", regex.I)
# "使用时长 8年", "经验: 3 years": how long a skill was used, a note on its level, not a skill
_USE_NOTE = regex.compile(r"(?:使用时长|使用时间|使用年限|使用经验|时长|年限|经验|experience|used)\s*[:：]?\s*"
                          r"(?:\d+(?:\.\d+)?\s*(?:年|个月|月|years?|yrs?|months?)|[\d.]+\s*年以上)", regex.I)
_ACRONYM_TAIL = regex.compile(r"(?P<base>[A-Za-z][\w.+#-]*)\s+(?P<acr>\p{Lu}{2,5})")
# "Java　熟练度：精通", "Python - Level: Advanced": one skill with its level
_LEVEL_KV = regex.compile(r"\G(?P<skill>[^:：,，、;；]{1,40}?)\s*[-–—|]?\s*(?:熟练度|熟练程度|掌握程度|掌握情况|水平|"
                          r"level|proficiency)\s*[:：]\s*(?P<level>[^,，;；:：]{1,20}?)\s*$", regex.I)
# "Cloud & DevOps<TAB>AWS, Docker": a table row flattened with a tab, the first cell a label
_TAB_LABEL = regex.compile(r"\G(?P<label>[^\t:：,，、;；()（）\d]{1,40}?)[ ]*\t\s*")
_PAREN_TAIL = regex.compile(r"\s*[(（]([^()（）]*)[)）]\s*$")
_SEPARATOR = regex.compile(
    r"\s*(?:[,，、;；|>＞/／]|\s\+\s|(?<=[A-Za-z])\+(?=[A-Za-z])|\s(?:and|&|or)\s|(?<=\S)&(?=\S)|\s[•·・]\s|和|及|以及|与)\s*",
    regex.I)
# Where a _SEPARATOR match can begin (its leading space, a separator sign, 和/及/以及/与) or a
# bracket opens or closes.
_SPLIT_CANDIDATE = regex.compile(r"[\s,，、;；|>＞/／+&和及以与()（）\[\]]")
_WORD = regex.compile(r"[A-Za-z][\w'.+#-]*|\p{Han}")
_LINK = regex.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S+@\S+|(?<!\S)\S+\.(?:com|org|net|edu|name|io|cn|me)\b/?\S*", regex.I)
_PROSE_PUNCT = regex.compile(r"[。！？!?]")
# A sentence rather than a list ("熟悉MySQL索引优化与分库分表，熟悉Redis缓存设计；"): it ends like
# a sentence, starts a second clause with a level verb, or joins words with 的. Its pieces
# ("分库分表", "调优", "原理") are not skill names; only known skills and Latin tech words are.
_PROSE_LINE = regex.compile(r"[。；;！？!?]\s*$|[，,]\s*(?:熟练掌握|熟练使用|熟练|熟悉|了解|掌握|精通|擅长|能够|能|会)|的")


@dataclass(slots=True)
class SkillItem:
    start: int
    end: int
    name: str
    category: str | None
    known: bool
    level: tuple[int, int, str] | None = None
    embedded: bool = False  # found inside a longer phrase, not a list item of its own


@dataclass(slots=True)
class SkillLine:
    kind: str  # "skills" | "languages" | "certificates" | "interests" | "awards" | "none"
    items: list[SkillItem]
    labels: list[tuple[int, int]]
    labelled: bool
    n_spans: int = 0  # list items as split, before unknown prose was dropped

    @property
    def known_share(self) -> float:
        exact = sum(i.known and not i.embedded for i in self.items)
        return exact / max(self.n_spans, len(self.items)) if self.items else 0.0


def _label_category(label: str) -> str | None:
    low = label.casefold()
    if _LABEL_PROGRAMMING.search(low):
        return "programming_language"
    if _LABEL_FRAMEWORK.search(low):
        return "framework"
    if _LABEL_TOOL.search(low):
        return "tool"
    return None


def _advance(spans: list[tuple[int, int]], i: int, k: int) -> int:
    while k < len(spans) and spans[k][1] <= i:
        k += 1
    return k


def _in_protected(spans: list[tuple[int, int]], i: int, k: int) -> bool:
    return k < len(spans) and spans[k][0] <= i


def _overlaps(links: list[tuple[int, int]], link_ends: list[int], a: int, b: int) -> bool:
    k = bisect.bisect_right(link_ends, a)  # first link ending after a
    return k < len(links) and links[k][0] < b


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the list items in ``text[start:end]`` (parenthesis-aware, names with '/' kept)."""
    protected = [(m.start(), m.end()) for m in _protected().finditer(text, start, end)]
    k = 0  # protected spans are in order and disjoint: a cursor, not a scan per character
    depth = 0
    spans = []
    pos = start
    i = start  # the scan has consumed text[:i]
    # only brackets and the characters a separator can start with need a look
    for c in _SPLIT_CANDIDATE.finditer(text, start, end):
        if c.start() < i:  # inside a separator already taken
            continue
        i = c.start()
        ch = text[i]
        if ch in "(（[":
            depth += 1
        elif ch in ")）]" and depth:
            depth -= 1
        elif depth == 0 and not _in_protected(protected, i, k := _advance(protected, i, k)):
            m = _SEPARATOR.match(text, i, end)
            if m:  # never empty; "and"/"or" come with the spaces the regex consumed
                spans.append((pos, i))
                pos = i = m.end()
    spans.append((pos, end))
    trimmed = [trim(text, s, e) for s, e in spans]
    return [(s, e) for s, e in trimmed if e > s]


def _links(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of _LINK in ``text[s:e]``. Every link holds ".", "@" or "://", which many lines
    lack; the search itself backtracks over each long word."""
    if text.find(".", s, e) < 0 and text.find("@", s, e) < 0 and text.find("://", s, e) < 0:
        return []
    return [(m.start(), m.end()) for m in _LINK.finditer(text, s, e)]


def _en_tail(text: str, s: int, e: int) -> regex.Match | None:
    """``_EN_TAIL.search(text, s, e)``, not run on an item that ends in none of its words."""
    if not text[max(s, e - 10):e].casefold().removesuffix("\n").endswith(_EN_TAIL_ENDS):
        return None
    return _EN_TAIL.search(text, s, e)


def _clean_item(text: str, simp: str, s: int, e: int, carry_level: tuple[int, int, str] | None,
                list_context: bool, prose: bool = False, skills_list: bool = False
                ) -> tuple[list[SkillItem], tuple[int, int, str] | None]:
    """One list item -> skills (usually one), and the level carried to the next items.

    ``list_context``: the item is one of a list; ``skills_list``: a list under a Skills heading,
    whose unknown items may be lower case; ``prose``: the line is a sentence."""
    level = carry_level
    # leading level words: 熟练掌握Python / Proficient in Python
    m = _ZH_LEVEL_PREFIX.match(simp, s, e)
    if m and m.end() > s and m.end() < e:
        level = (s, s + len(m.group(0).rstrip()), text[s:s + len(m.group(0).rstrip())])
        s = m.end()
    else:
        m = _EN_LEVEL_PREFIX.match(text, s, e)
        if m and m.end() < e:
            g = "level" if m.group("level") else "level2"
            level = (m.start(g), m.end(g), m.group(g))
            s = m.end()
    own_level = None
    sub_items: list[SkillItem] = []
    # trailing "(Proficient)" / "(Basic, built a ...)" / "(7 年左右的使用经历)" / "(3 years)";
    # a parenthesis that lists known skills names them too: "AWS (EC2, S3, Lambda)"
    m = _PAREN_TAIL.search(text, s, e)
    if m and m.start() > s:
        inner_s, inner_e = m.start(1), m.end(1)
        first = _LIST_SEPARATOR.split(text[inner_s:inner_e], maxsplit=1)[0].strip()
        if _LEVEL_WORDS.match(first) or _DURATION.fullmatch(first):
            fs = text.index(first, inner_s)
            own_level = (fs, fs + len(first), first)
        else:
            parts = _split_items(text, inner_s, inner_e)
            hits = [(a, b, lookup_skill(simp[a:b])) for a, b in parts]
            # "AWS (EC2, EKS, Lambda)": a list of names, most of them known (a note has long parts)
            if hits and 2 * sum(1 for *_, h in hits if h) >= len(hits) + (len(hits) == 1) \
                    and all(h or len(_WORD.findall(text[a:b])) <= 2 for a, b, h in hits):
                sub_items = [SkillItem(a, b, _written_name(text[a:b], h[0]) if h else text[a:b], h[1] if h else None,
                                       bool(h), level) for a, b, h in hits]
        e = m.start()
    # trailing "etc", 等, 系统/语言/框架
    for _ in range(2):
        m = _en_tail(text, s, e)
        if m and m.start() > s:
            e = m.start()
        m = _ZH_SUFFIX.search(simp, s, e)
        # a known Chinese term that ends like a suffix ("多线程编程") is one term, kept as written;
        # a Latin name with a Chinese suffix ("Linux 系统", "C++ 语言") is the name
        if m and m.start() > s and not (_HAN_CHAR.search(simp, s, m.start()) and lookup_skill(simp[s:e])):
            e = m.start()
        s, e = trim(text, s, e)
    if e <= s:
        return [], level
    raw = text[s:e]
    if _LEADING_CONJUNCTION.match(raw):
        s += len(_LEADING_CONJUNCTION.match(raw).group(0))
        raw = text[s:e]
    hit = lookup_skill(simp[s:e])
    item_level = own_level or level
    if hit:
        return [SkillItem(s, e, _written_name(raw, hit[0]), hit[1], True, item_level)] + sub_items, level
    am = _ACRONYM_TAIL.fullmatch(simp, s, e)
    if am and lookup_skill(am.group("base")) and not lookup_skill(am.group("acr")):  # "SAP MM", "Epic EHR": a product module named as written
        h = lookup_skill(am.group("base"))
        return [SkillItem(s, e, _WHITESPACE_RUN.sub(" ", raw), h[1], True, item_level)] + sub_items, level
    base = _embedded().match(simp, s, e)
    if base and base.end() < e and _PRODUCT_TAIL.fullmatch(simp, base.end(), e) and lookup_skill(base.group(0)) \
            and not _embedded().search(simp, base.end(), e):
        h = lookup_skill(base.group(0))
        return [SkillItem(s, e, _WHITESPACE_RUN.sub(" ", raw), h[1], True, item_level)] + sub_items, level
    if _LABEL_ONLY.match(simp[s:e]) or raw.casefold() in _HEADER_WORDS:
        return sub_items, level
    if natural_language_key(raw):
        return [SkillItem(s, e, raw, "language", False, item_level)], level
    # not in the table: known skills inside it, else the item itself when it is short
    inner = [mm for mm in _embedded().finditer(simp, s, e)]
    if inner:
        out = list(sub_items)
        for mm in inner:
            h = lookup_skill(mm.group(0))
            if prose and _HAN_CHAR.search(mm.group(0)):
                continue  # "索引优化" in a sentence: a Chinese word there is no skill name
            if h:
                # the name as written: a Chinese word keeps its text ("优化" is not "Optimization")
                out.append(SkillItem(mm.start(), mm.end(), _written_name(text[mm.start():mm.end()], h[0]), h[1],
                                     True, item_level, embedded=True))
        if out:
            return out, level
    words = _WORD.findall(raw)
    han = len(_HAN_CHAR.findall(raw))
    latin_words = len(words) - han
    if prose and han:
        return sub_items, level  # an unknown Chinese phrase of a sentence ("垃圾回收机制", "调优")
    if (list_context and latin_words <= 3 and han <= 6 and not _PROSE_PUNCT.search(raw)
            and not _LONG_NUMBER.search(raw) and (latin_words + (1 if han else 0)) >= 1
            and not (latin_words and raw[:1].islower() and latin_words > 1 and not skills_list)):
        return [SkillItem(s, e, _VERSION.sub("", raw) or raw, None, False, item_level)] + sub_items, level
    return sub_items, level


def _is_level_note(text: str) -> bool:
    text = text.strip()
    return bool(_LEVEL_WORDS.match(text) or _DURATION.fullmatch(text) or _USE_NOTE.fullmatch(text))


def _named_label(text: str, simp: str, m: regex.Match, end: int) -> SkillLine | None:
    """"Axure：精通 | 使用时长 8年": the label is the skill and the list after it only its level
    and how long it was used. None when the line is not of that shape."""
    ls, le = trim(text, m.start("label"), m.end("label"))
    hit = lookup_skill(simp[ls:le])
    if hit is None:
        return None
    parts = [(a, b) for a, b in _split_items(text, m.end(), end)]
    if not parts or not all(_is_level_note(simp[a:b]) for a, b in parts):
        return None
    lv = next(((a, b, text[a:b]) for a, b in parts if _LEVEL_WORDS.match(simp[a:b].strip())), None)
    item = SkillItem(ls, le, _written_name(text[ls:le], hit[0]), hit[1], True, lv)
    # the level words and durations are read: label spans, so they are not left unparsed
    return SkillLine("skills", [item], [(le, end)], True, 1)


def parse_skill_list(text: str, simp: str, start: int, end: int, *, in_skills_section: bool = True,
                     bulleted: bool = False) -> SkillLine:
    """Parse ``text[start:end]`` (one line without its bullet) as a skill line."""
    if end - start > _MAX_LIST_CHARS:
        return SkillLine("none", [], [], False)  # no skill list is this long: leave it unparsed
    labels: list[tuple[int, int]] = []
    level: tuple[int, int, str] | None = None
    labelled = False
    category = None
    s = start
    num = _NUMBERING.match(simp, s, end)
    if num and num.end() < end:  # "5. 了解Hadoop、Spark": list numbering
        labels.append((num.start(), num.end()))
        s = num.end()
    kv = _LEVEL_KV.match(simp, s, end)
    if kv:
        ks, ke = trim(text, kv.start("skill"), kv.end("skill"))
        ls, le = trim(text, kv.start("level"), kv.end("level"))
        got, _ = _clean_item(text, simp, ks, ke, (ls, le, text[ls:le]), True)
        labels.append((ke, ls))
        return SkillLine("skills" if got else "none", got, labels, True, 1)
    m = _LABEL.match(simp, s, end)
    if not m:
        tm = _TAB_LABEL.match(simp, s, end)
        if tm and len(_TOKEN.findall(tm.group("label"))) <= 4 and not lookup_skill(tm.group("label")):
            m = tm
    if m:
        label = text[m.start("label"):m.end("label")].strip()
        label_simp = simp[m.start("label"):m.end("label")].strip()
        labels.append((m.start(), m.end()))
        labelled = True
        if _CERT_LABEL.search(label_simp):
            return SkillLine("certificates", [], labels, True)
        if _INTEREST_LABEL.search(label_simp):
            return SkillLine("interests", [], labels, True)
        if _COURSE_LABEL.search(label_simp):
            return SkillLine("courses", [], labels, True)
        named = _named_label(text, simp, m, end)
        if named is not None:
            return named
        if _AWARD_LABEL.search(label_simp) and not _SKILL_WORD.search(label_simp):
            return SkillLine("awards", [], labels, True)
        if _LEVEL_LABEL.match(label_simp):
            level = (m.start("label"), m.start("label") + len(label), label)
        category = _label_category(label_simp)
        if _LANG_LABEL.match(label_simp):
            category = None  # decided by the items: spoken languages or programming languages
        s = m.end()
    else:
        # a bare category label: "Programming Python, C++", "Framework Pytorch, Tensorflow"
        words = list(_TOKEN.finditer(text[s:end]))
        n = 0
        while n < min(4, len(words)) and words[n].group(0).casefold().strip("&") in _LABEL_WORDS | {""}:
            n += 1
        while n > 0:
            rest_start = s + words[n].start() if n < len(words) else end
            first = _split_items(text, rest_start, end)
            if first and text[rest_start:rest_start + 1] not in ",，、;；/" and lookup_skill(text[first[0][0]:first[0][1]]):
                label_end = s + words[n - 1].end()
                labels.append((s, label_end))
                category = _label_category(text[s:label_end])
                lead = _TOKEN.match(text[s:label_end]).group(0)
                if _LEVEL_LABEL.match(text[s:label_end]) or _LEVEL_WORDS.match(lead):
                    level = (s, s + len(lead), lead)
                labelled = True
                s = rest_start
                break
            n -= 1
    links = _links(text, s, end)
    link_ends = [le for _, le in links]  # disjoint and in order
    spans = [(a, b) for a, b in _split_items(text, s, end) if not _overlaps(links, link_ends, a, b)]
    list_context = labelled or len(spans) >= 2
    # under a Skills heading a bullet of one item is a list item too ("• Stakeholder
    # management"; an unbulleted lone line may be a stray name), and items after a
    # separator may be lower case ("Budgeting, forecasting and variance analysis")
    skills_list = in_skills_section and (list_context or (bulleted and len(spans) == 1))
    list_context = list_context or skills_list
    prose = not labelled and bool(_PROSE_LINE.search(simp, s, end))
    items: list[SkillItem] = []
    for a, b in spans:
        got, level = _clean_item(text, simp, a, b, level, list_context, prose, skills_list)
        items.extend(got)
    langs = [i for i in items if i.category == "language"]
    if items and len(langs) * 2 >= len(items):
        return SkillLine("languages", [], labels, labelled, len(spans))
    items = [i for i in items if i.category != "language"]
    for it in items:
        if it.category is None and category:
            it.category = category
    return SkillLine("skills" if items else "none", items, labels, labelled, len(spans))


# Segmentation, the skills parser and the publications parser each ask about the same lines
# of a document; a small cache answers the repeats (it holds a few documents' lines, no more).
@lru_cache(maxsize=128)
def is_skill_line(text: str) -> bool:
    """True for a line that is a list of skills (label + known names), wherever it stands.

    ``"Programming Python, C++, LTEX, MATLAB, bash"`` and ``"技能: Git,Pytorch,Tensorflow"`` are;
    a sentence that names Python is not.
    """
    body = _LEADING_BULLETS.sub("", text).strip()
    if not body or len(body) > 300:
        return False
    # cheap test first: a list has separators between short items; a sentence does not
    separators = len(_ANY_SEPARATOR.findall(body))
    if not separators or len(body.split()) > 3 * (separators + 1) + 2:
        return False
    parsed = parse_skill_list(body, to_simplified(body), 0, len(body), in_skills_section=False)
    if parsed.kind != "skills":
        return False
    known = sum(i.known and not i.embedded for i in parsed.items)
    if parsed.labelled:
        return known >= 2 and parsed.known_share >= 0.6
    return len(parsed.items) >= 3 and parsed.known_share == 1.0


def skill_line_starts(view: SectionView) -> frozenset[int]:
    """Line starts of the skill lines :class:`SkillParser` takes from a non-skills section.

    Those are the trailing run of lines that :func:`is_skill_line` accepts (a skills block
    whose heading was lost). Other parsers of the same section should skip these lines.
    """
    if view.kind == "skills":
        return frozenset(ln.start for ln in view.lines)
    text = view.doc.text
    out: list[int] = []
    for line in reversed(view.lines):
        if is_skill_line(text[line.start:line.end]):
            out.append(line.start)
        else:
            break
    return frozenset(out)


class SkillParser:
    name: ClassVar[str] = "skills"
    kinds: ClassVar[frozenset[str]] = frozenset(
        {"skills", "work", "projects", "publications", "other", "header", "education", "activities", "summary"})

    def __call__(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text, simp = doc.text, doc.simplified
        take = None if view.kind == "skills" else skill_line_starts(view)
        if take is not None and not take:
            return []
        drafts: list[Draft] = []
        seen: set[str] = set()
        for bl in body_lines(view):
            if take is not None and bl.line.start not in take:
                continue
            parsed = parse_skill_list(text, simp, bl.start, bl.end, in_skills_section=take is None,
                                      bulleted=bl.bullet is not None)
            if parsed.kind != "skills":
                continue
            if take is None and not parsed.labelled and len(parsed.items) == 1 and not parsed.items[0].known:
                # a lone unknown phrase is prose, not a skill, unless it is short
                it = parsed.items[0]
                if len(_WORD.findall(text[it.start:it.end])) > 2:
                    continue
            line_lang = text_lang(text[bl.start:bl.end])
            consumed = bullet_mention(text, bl, SOURCE) + [
                make_mention(text, "_label", a, b, source=SOURCE) for a, b in parsed.labels]
            for it in parsed.items:
                key = _key(it.name)
                if key in seen:
                    continue
                seen.add(key)
                d = Draft(kind="skills", lang=line_lang, start=it.start, end=it.end)
                d.set(make_mention(text, "name", it.start, it.end, it.name, source=SOURCE))
                if it.category:
                    d.set(make_mention(text, "category", it.start, it.end, it.category, source=SOURCE))
                if it.level:
                    ls, le, lv = it.level
                    d.set(make_mention(text, "level", ls, le, lv, source=SOURCE))
                if consumed:
                    d.consumed.extend(consumed)
                    consumed = []
                drafts.append(d)
        return drafts
