"""Spoken languages and language tests -> ``languages`` drafts.

Test scores are taken wherever they stand (``TOEFL: 102 (Reading 29; Listening 28; ...)``
inside an education bullet, ``英语六级（CET-6）：580分``, ``IELTS 7.5 (L8 R8.5 W6.5 S7)``,
``日语 N2``); a test implies its language (TOEFL -> ``en``). Language lists
(``Languages: English (fluent), Chinese (native)``, ``英语（流利）、日语（入门）``) are read in
languages sections and from language-labelled lines in other sections. The names, codes and
tests are rows of ``lexicon/languages.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

import regex

from ..document import SectionView
from ..patterns import literal_alternation
from ..resources import table
from ..spans import Draft, Mention
from .skills import parse_skill_list
from .summary import body_lines, bullet_mention, make_mention, text_lang, trim

__all__ = ["LanguageParser", "find_tests", "TestHit", "language_code"]

SOURCE = "languages"

# plausible score ranges per test (a number outside is a year or something else)
_RANGES = {
    "TOEFL": (0, 120), "IELTS": (0, 9), "GRE": (130, 340), "GMAT": (200, 800), "TOEIC": (10, 990),
    "Duolingo": (10, 160), "PTE": (10, 90), "SAT": (400, 1600), "CET-4": (100, 710), "CET-6": (100, 710),
    "TEM-4": (0, 100), "TEM-8": (0, 100), "HSK": (1, 300), "TOPIK": (1, 300), "JLPT": (0, 180),
}
_SECTION_NAMES = {
    "reading": "reading", "r": "reading", "阅读": "reading",
    "listening": "listening", "l": "listening", "听力": "listening",
    "speaking": "speaking", "s": "speaking", "口语": "speaking",
    "writing": "writing", "w": "writing", "写作": "writing",
    "verbal": "verbal", "v": "verbal", "quantitative": "quantitative", "quant": "quantitative",
    "q": "quantitative", "analytical writing": "analytical_writing", "aw": "analytical_writing",
    "math": "math", "翻译": "translation",
}
_SECTION = regex.compile(
    r"(?<![A-Za-z])(reading|listening|speaking|writing|verbal|quantitative|quant|analytical writing|aw|math|"
    r"[rlswvq]|阅读|听力|口语|写作|翻译)\s*[:：]?\s*(\d{1,3}(?:\.\d)?)(?!\d)", regex.I)
_PROFICIENCY = regex.compile(
    r"native|mother tongue|bilingual|fluent|fluency|proficient|proficiency|advanced|intermediate|basic|"
    r"beginner|elementary|conversational|business|professional|working|limited|good|excellent|full|"
    r"母语|流利|熟练|精通|良好|一般|入门|基础|读写|听说|日常交流|商务|工作语言|较好|优秀|中等|略懂|尚可|初级|中级|高级|(?<![A-Za-z])[ABC][12](?![\w])", regex.I)
_LANG_LABEL = regex.compile(
    r"\G(?:(?:spoken|foreign|natural)\s+)?languages?(?:\s+(?:skills?|proficiency))?\s*[:：]\s*|"
    r"\G(?:外语|语言能力|外语能力|外语水平|语言)\s*[:：]\s*", regex.I)
_PROF_LABEL = regex.compile(
    r"\G(?P<p>native|fluent|proficient|intermediate|basic|conversational|advanced|working knowledge|母语|流利|熟练|良好)"
    r"(?:\s+(?:in|with))?\s*[:：]\s*", regex.I)
_PROF_PREFIX = regex.compile(
    r"\G(?P<p>native|fluent|proficient|conversational|basic|working knowledge|good command)\s+(?:in|of|with)?\s*",
    regex.I)
_WS = regex.compile(r"\s+")
_POINTS = regex.compile(r"\s*(?:分|points?|pts)")
_LABEL_PREFIX = regex.compile(r"\G[^:：]{1,30}[:：]\s*")
_NUMERIC_ALIAS = regex.compile(r"\s*\d{2,4}(?:\.\d)?\s*分?\s*")
_ZH_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6"}
_COLON_SECTIONS = regex.compile(r"\s*[:：]\s*([^()（）;；:：]{3,80})")
_LEVEL_DIGIT = regex.compile(r"[1-9]")
_PAREN_SCORE = regex.compile(r"\s*(\d{2,3}(?:\.\d)?)\s*(?:/\s*\d{3})?\s*分?\s*")
# tests whose level belongs to the name ("DELF B1", "HSK 5", "HSKK Intermediate")
_LEVEL_NAMED = frozenset({"DELF", "DELE", "TestDaF", "HSKK"})
_NUMBERED_LEVELS = frozenset({"HSK", "TOPIK", "PETS"})
_ITEM_SPLIT = regex.compile(r"\s*(?:[,，、;；|/]|\s(?:and|&)\s|和|及)\s*", regex.I)


@dataclass(frozen=True, slots=True)
class TestHit:
    start: int
    end: int
    name: str
    lang: str
    score: float | None
    sections: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def _languages() -> tuple[dict[str, str], regex.Pattern]:
    names: dict[str, str] = {}
    for row in table("lexicon/languages.tsv"):
        if row[0] == "language":
            for alias in row[3].split("|"):
                names[alias.casefold()] = row[1]
    alternation = literal_alternation(names, ignore_case=True)
    return names, regex.compile(r"(?<![A-Za-z])" + alternation + r"(?![A-Za-z])", regex.I)


def language_code(text: str) -> str | None:
    return _languages()[0].get(text.strip().casefold())


@lru_cache(maxsize=1)
def _tests() -> tuple[dict[str, tuple[str, str]], regex.Pattern, regex.Pattern]:
    """(alias -> (test, language), the test grammar, the same without a second name)."""
    names: dict[str, tuple[str, str]] = {}
    forms: list[str] = []
    for row in table("lexicon/languages.tsv"):
        if row[0] != "test":
            continue
        for alias in row[3].split("|"):
            names[alias.casefold()] = (row[1], row[2])
            forms.append(alias)
    # short upper-case names (GRE, SAT, PTE) only as written; the others in any case
    alt = "|".join((regex.escape(f) if f.isupper() and len(f) <= 4 else "(?i:" + regex.escape(f) + ")")
                   .replace(r"\ ", r"\s*") for f in sorted(forms, key=len, reverse=True))
    # the names' first characters, in any case (a superset): most positions fail before the
    # alternation is tried
    first = "".join(sorted({regex.escape(f[0]) for f in forms}))
    # the test's other name side by side: "TOEIC 多益 875分", "托福 TOEFL 105" (find_tests checks
    # that both name one test, else reads the line with the plain grammar)
    second = r"(?:\s*(?P<alias2>" + alt + r")(?![A-Za-z]))?"
    pat = (r"(?<![A-Za-z0-9])(?=(?i:[" + first + r"]))(?:(?P<name>" + alt + r")"
           r"(?:\s*[(（](?P<alias>[^()（）]{1,20})[)）])?"
           r"SECOND"
           r"(?:\s*(?P<jlpt>N[1-5])\b)?"
           r"(?:\s*(?P<level>[ABC][12]|(?i:beginner|elementary|intermediate|advanced)|初级|中级|高级|[一二三四五六]级)(?![A-Za-z0-9]))?"
           r"(?:\s*(?:[:：]|score|成绩|分数|考试)?\s*(?:[:：]\s*)?(?P<score>\d{1,4}(?:\.\d{1,2})?)(?!\d)"
           r"\s*(?:分|points?|pts)?(?:\s*/\s*\d{2,4})?"
           r"(?:\s*[(（](?P<sections>[^()（）]{3,80})[)）])?)?)(?![A-Za-z])")
    return names, regex.compile(pat.replace("SECOND", second)), regex.compile(pat.replace("SECOND", r"(?P<alias2>(?!))?"))


_GRE_PARTS = regex.compile(r"\G\s*[:：]?\s*[(（]?\s*V(?:erbal)?\s*[:：]?\s*(?P<v>1[3-7]\d)\s*[+/,，]\s*Q(?:uant(?:itative)?)?\s*[:：]?\s*"
                           r"(?P<q>1[3-7]\d)(?:\s*[+/,，]\s*AW(?:A)?\s*[:：]?\s*(?P<aw>[0-6](?:\.[05])?))?\s*[)）]?", regex.I)
_JLPT = regex.compile(r"(?:(?<![A-Za-z])(?:JLPT|Japanese)|日语|日本语|日语能力考试)\s*[-:：(（]?\s*(?P<level>N[1-5])(?![0-9])",
                      regex.I)


def find_tests(text: str, simp: str, start: int, end: int) -> list[TestHit]:
    """Language tests with their scores in ``text[start:end]`` (``simp`` is the simplified view)."""
    names, pattern, plain = _tests()
    out: list[TestHit] = []
    taken: list[tuple[int, int]] = []
    for m in _JLPT.finditer(simp, start, end):
        out.append(TestHit(m.start(), m.end(), f"JLPT {m.group('level').upper()}", "ja", None))
        taken.append((m.start(), m.end()))
    pos = start
    while (m := pattern.search(simp, pos, end)) is not None:
        pos = m.end()
        if any(m.start() < e and m.end() > s for s, e in taken):
            continue
        key = _WS.sub(" ", m.group("name")).casefold()
        canon, lang = names.get(key) or names.get(key.replace(" ", "")) or (m.group("name"), "en")
        alias2 = m.group("alias2")
        if alias2 and (names.get(_WS.sub(" ", alias2).casefold()) or names.get(_WS.sub("", alias2).casefold())) != \
                (canon, lang):
            # not a second name of this test ("GRE GMAT 700", "HSK六级"): read without one
            m = plain.match(simp, m.start(), end)
            pos = m.end()
        alias = m.group("alias")
        score = None
        sections: dict[str, float] = {}
        hit_end = m.end("name")
        if alias and (alias.casefold() in names or alias.casefold().replace(" ", "") in names):
            hit_end = m.end("alias") + 1
        if m.group("jlpt"):
            canon = f"JLPT {m.group('jlpt')}"
            hit_end = m.end("jlpt")
        level = m.group("level") if canon in _LEVEL_NAMED or canon in _NUMBERED_LEVELS else None
        if level and canon in _NUMBERED_LEVELS:  # "HSK六级"
            level = _ZH_DIGITS.get(level[:1])  # only "六级"-style levels; "B1" is not an HSK level
        if level:  # "DELF B1", "HSKK Intermediate": the level is part of the test's name
            canon = f"{_WS.sub(' ', m.group('name')) if canon in ('DELF', 'TestDaF') else canon} {level}"
            hit_end = m.end("level")
        score_text, score_end = m.group("score"), m.end("score")
        if not score_text and alias and _NUMERIC_ALIAS.fullmatch(alias):
            score_text = alias.strip().rstrip("分").strip()  # "CET-6（562）"
            score_end = m.end("alias") + 1
        if score_text and not level and canon in _NUMBERED_LEVELS and _LEVEL_DIGIT.fullmatch(score_text):
            # "HSK 5 (256/300)": a level, and the parenthesis holds the score
            canon = f"{canon} {score_text}"
            hit_end = m.end("score")
            sm = _PAREN_SCORE.fullmatch(m.group("sections") or "")
            if sm:
                score = float(sm.group(1))
                hit_end = m.end("sections") + 1
            score_text = None
        if score_text:
            value = float(score_text)
            lo, hi = _RANGES.get(canon, (0, 2000))
            if lo <= value <= hi:
                score = value
                hit_end = score_end
                if m.group("sections"):
                    for sm in _SECTION.finditer(m.group("sections")):
                        key = _SECTION_NAMES.get(sm.group(1).casefold())
                        if key and key not in sections:
                            v = float(sm.group(2))
                            sections[key] = int(v) if v.is_integer() else v
                    if sections:
                        hit_end = m.end("sections") + 1
                # "102分" / "580 points"
                tail = _POINTS.match(simp, hit_end, end)
                if tail and not sections:
                    hit_end = tail.end()
                cm = _COLON_SECTIONS.match(simp, hit_end, end) if not sections else None
                if cm:  # "TOEFL iBT 108: Reading 28, Listening 29, ..."
                    for sm in _SECTION.finditer(cm.group(1)):
                        key = _SECTION_NAMES.get(sm.group(1).casefold())
                        if key and key not in sections:
                            v = float(sm.group(2))
                            sections[key] = int(v) if v.is_integer() else v
                    if len(sections) >= 2:
                        hit_end = cm.end()
                    else:
                        sections = {}
        if score is None and not m.group("jlpt") and not level and " " not in canon:
            gm = _GRE_PARTS.match(simp, m.end("name"), end)
            if gm:  # "GRE: V160+Q170+AW4.0" -> 330 with its sections
                v, q = float(gm.group("v")), float(gm.group("q"))
                sections = {"verbal": int(v), "quantitative": int(q)}
                if gm.group("aw"):
                    sections["analytical_writing"] = float(gm.group("aw"))
                score, hit_end = v + q, gm.end()
        if score is not None and score.is_integer():
            score = float(int(score))
        out.append(TestHit(m.start(), hit_end, canon, lang, score, sections))
        taken.append((m.start(), hit_end))
    out.sort(key=lambda t: t.start)
    return out


class _Collector:
    """Language drafts of one section, one per language code."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: dict[str, Draft] = {}
        self.order: list[Draft] = []

    def get(self, code: str, start: int, end: int, lang: str) -> Draft:
        d = self.drafts.get(code)
        if d is None:
            d = Draft(kind="languages", lang=lang, start=start, end=end)
            self.drafts[code] = d
            self.order.append(d)
        return d


def _add_test(col: _Collector, hit: TestHit, line_lang: str) -> None:
    text = col.text
    d = col.get(hit.lang, hit.start, hit.end, line_lang)
    if not d.has("language"):
        d.set(make_mention(text, "language", hit.start, hit.end, hit.lang, source=SOURCE, lang=line_lang))
    value = {"name": hit.name, "score": hit.score, "sections": dict(hit.sections)}
    d.add(make_mention(text, "tests", hit.start, hit.end, value, source=SOURCE, lang=line_lang))
    d.end = max(d.end, hit.end)


def _parse_language_list(col: _Collector, text: str, simp: str, start: int, end: int,
                         masked: list[tuple[int, int]], line_lang: str) -> list[Mention]:
    """Languages named in ``text[start:end]`` with their proficiency; returns consumed labels."""
    consumed: list[Mention] = []
    names, lang_pattern = _languages()
    prof_all = None
    m = _PROF_LABEL.match(simp, start, end)
    if m:
        prof_all = (m.start("p"), m.end("p"))
        consumed.append(make_mention(text, "_label", m.end("p"), m.end(), source=SOURCE))
        start = m.end()
    else:
        m = _PROF_PREFIX.match(simp, start, end)
        if m and lang_pattern.match(simp, m.end(), end):
            prof_all = (m.start("p"), m.end("p"))
            start = m.end()
    pieces = []
    pos = start
    for sm in _ITEM_SPLIT.finditer(simp, start, end):
        # separators inside a parenthesis belong to the item: "English (fluent, TOEFL 110)"
        depth = simp.count("(", start, sm.start()) + simp.count("（", start, sm.start()) \
            - simp.count(")", start, sm.start()) - simp.count("）", start, sm.start())
        if depth > 0:
            continue
        pieces.append((pos, sm.start()))
        pos = sm.end()
    pieces.append((pos, end))
    for a, b in pieces:
        a, b = trim(text, a, b)
        if b <= a:
            continue
        lm = lang_pattern.search(simp, a, b)
        if not lm or any(lm.start() < e and lm.end() > s for s, e in masked):
            continue
        code = names[lm.group(0).casefold()]
        d = col.get(code, lm.start(), lm.end(), line_lang)
        if not d.has("language"):
            d.set(make_mention(text, "language", lm.start(), lm.end(), code, source=SOURCE, lang=line_lang))
        d.start, d.end = min(d.start, a), max(d.end, b)
        prof = None
        rest_e0 = min([ms for ms, me in masked if lm.end() <= ms < b] + [b])
        rest_s, rest_e = trim(text, lm.end(), rest_e0, " \t:：-–—()（）,，;；")
        if rest_e > rest_s and _PROFICIENCY.search(simp, rest_s, rest_e) and rest_e - rest_s <= 40 \
                and not any(rest_s < e and rest_e > s for s, e in masked):
            prof = (rest_s, rest_e)
        elif lm.start() > a:
            pre_s, pre_e = trim(text, a, lm.start(), " \t:：-–—()（）,，")
            if pre_e > pre_s and _PROFICIENCY.search(simp, pre_s, pre_e) and pre_e - pre_s <= 30:
                prof = (pre_s, pre_e)
        if prof is None and prof_all is not None:
            prof = prof_all
        if prof and not d.has("proficiency"):
            d.set(make_mention(text, "proficiency", prof[0], prof[1], source=SOURCE))
    return consumed


class LanguageParser:
    name: ClassVar[str] = "languages"
    kinds: ClassVar[frozenset[str]] = frozenset(
        {"languages", "skills", "education", "summary", "other", "header", "basics", "certificates", "awards"})

    def __call__(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text, simp = doc.text, doc.simplified
        col = _Collector(text)
        consumed: list[Mention] = []
        for bl in body_lines(view):
            line_lang = text_lang(text[bl.start:bl.end])
            hits = find_tests(text, simp, bl.start, bl.end)
            for hit in hits:
                _add_test(col, hit, line_lang)
            masked = [(h.start, h.end) for h in hits]
            take_list = view.kind == "languages"
            label = _LANG_LABEL.match(simp, bl.start, bl.end)
            start = bl.start
            if label:
                take_list = True
                consumed.append(make_mention(text, "_label", label.start(), label.end(), source=SOURCE))
                start = label.end()
            elif view.kind != "languages":
                # a language list needs a language name: skip the list grammar on other lines
                take_list = bool(_languages()[1].search(simp, bl.start, bl.end)) and \
                    parse_skill_list(text, simp, bl.start, bl.end).kind == "languages"
                lm = _LABEL_PREFIX.match(simp, bl.start, bl.end) if take_list else None
                if lm:
                    consumed.append(make_mention(text, "_label", lm.start(), lm.end(), source=SOURCE))
                    start = lm.end()
            if take_list:
                consumed += _parse_language_list(col, text, simp, start, bl.end, masked, line_lang)
            if (hits or take_list) and bl.bullet:
                consumed += bullet_mention(text, bl, SOURCE)
        drafts = col.order
        if drafts and consumed:
            drafts[0].consumed.extend(consumed)
        return drafts
