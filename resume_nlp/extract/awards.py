"""Awards and honours -> ``awards`` drafts (title BiText by script, date, issuer).

In an awards section every line is an award (or a date for the award above it). A list line is
split on ``、``/``;`` always and on commas only when every part names an award
(``Study Excellence Award, Guanghua Scholarship, ...`` -> four; ``Meritorious Winner,
Interdisciplinary Contest in Modeling (ICM)`` stays one). A single date (``2017.06``,
``（2020年）``) dates the line's awards; a range (``2014 ~ 2017``) is consumed but gives no
date. Elsewhere (education, work, projects, activities) only whole short bullets that name an
award, ``Title: ... Awarded by X`` bullets and parenthesised honours (``(University Honors)``)
are taken. The award words are rows of ``lexicon/award_words.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import regex

from ..document import SectionView
from ..patterns import literal_alternation
from ..resources import table
from ..spans import Draft, Mention
from .dates import find_dates as find_ranges
from .languages import find_tests
from .summary import BodyLine, body_lines, bullet_mention, make_mention, text_lang, trim

__all__ = ["AwardParser", "find_dates", "DateHit", "award_words", "is_award_text"]

SOURCE = "awards"

# --- dates (single dates and ranges; a range is not an award date) ---------------------------
# "2017 届" / "2019级" name a graduating class or an intake, not when an award was given.
_CLASS_YEAR = regex.compile(r"\s*[届级]")


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    value: str | None  # "YYYY", "YYYY-MM", "YYYY-MM-DD"; None for a range


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateHit]:
    """Dates in ``text[start:end]`` by the shared date grammar: single dates with their value,
    ranges with None."""
    end = len(text) if end is None else end
    out = []
    for d in find_ranges(text[start:end], start):
        if d.single and _CLASS_YEAR.match(text, d.end, end):
            continue
        if d.single and d.date_from == "present":
            continue
        out.append(DateHit(d.start, d.end, d.date_from if d.single else None))
    return out


# --- award words ----------------------------------------------------------------------------
_WEAK = frozenset({"honor", "honors", "honour", "honours", "outstanding", "excellence", "merit", "distinction",
                   "nominee", "nominated", "recipient", "scholar", "荣誉", "称号", "荣获", "优胜", "一等", "二等", "三等", "特等"})


@lru_cache(maxsize=1)
def award_words() -> tuple[regex.Pattern, regex.Pattern]:
    """(any award word, strong award word) patterns."""
    en_all, en_strong, zh_all, zh_strong = [], [], [], []
    for lang, word in table("lexicon/award_words.tsv"):
        if lang == "zh":
            zh_all.append(word)
            (zh_strong if word not in _WEAK else []).append(word)
        else:
            en_all.append(word)
            (en_strong if word not in _WEAK else []).append(word)

    def build(en: list[str], zh: list[str]) -> regex.Pattern:
        en_alt = literal_alternation(en, ignore_case=True, space=r"\s+")
        return regex.compile(r"(?i:(?<![A-Za-z])" + en_alt + r"s?(?![A-Za-z]))|" + literal_alternation(zh))

    return build(en_all, zh_all), build(en_strong, zh_strong)


def is_award_text(text: str, *, strong: bool = False) -> bool:
    any_word, strong_word = award_words()
    return bool((strong_word if strong else any_word).search(text))


_ISSUER = regex.compile(r"(?:awarded|issued|granted|presented|conferred)\s+by\s+(?:the\s+)?(?P<issuer>[^,.;:()（）]+?)"
                        r"(?=\s+(?:for|in|at|on|to)\b|[,.;:()（）]|$)|由(?P<zh>[^，,。；;]{2,20}?)(?:颁发|授予)", regex.I)
_TAIL = regex.compile(r"(?:\s*,?\s*(?:etc\.?|and so on|and others)|等等?|…+|\.{2,})\s*$", regex.I)
_SOFT_SPLIT = regex.compile(r"\s*[,，]\s*")
_HARD_SPLIT = regex.compile(r"\s*[、;；]\s*")
_PAREN_HONOR = regex.compile(
    r"[(（](?P<t>[^()（）]*(?:honou?rs|cum laude|dean'?s list|with distinction|first class honou?rs)[^()（）]*)[)）]",
    regex.I)
# "Title, Issuer": the last comma part names an organisation (or is an acronym such as SIGMOD / MIT)
_ISSUER_TAIL = regex.compile(
    r",\s*(?P<i>(?:the\s+)?(?:(?:[\p{Lu}][\w.&'’\-]*|and|of|for|the|&)\s*){0,8}?(?:University|Universit\w+|College|Institute|Association|Society|"
    r"Foundation|Academy|Council|Committee|Conference|Symposium|Federation|Agency|Department|Ministry|Organi[sz]ation|"
    r"Corporation|Company|Inc\.?|Ltd\.?|Laborator(?:y|ies)|Lab|School|Board|Union|Commission|Center|Centre|Fund|"
    r"Trust|Government|Office|Bureau|Club|Service|Forum|Network|Alliance|Consortium|Partnership)\b(?:\s+(?:of|for|on|in)\s+(?:the\s+)?(?:[\p{Lu}][\w.&'’\-]*\s*){1,6})?"
    r"|\p{Lu}{2,}(?:\s+\p{Lu}{2,})?)\s*$")
# "Title, iF International Forum Design": a Title-Case organisation of two to eight words
_TITLED_TAIL = regex.compile(r",\s*(?P<i>(?:the\s+)?(?:\p{Lu}[\w.&'’\-]*|\p{Ll}{1,3}\p{Lu}[\w.&'’\-]*)"
                             r"(?:\s+(?:\p{Lu}[\w.&'’\-]*|\p{Ll}{1,3}\p{Lu}[\w.&'’\-]*|and|of|for|the|&)){1,7})\s*$")
_TAIL_CONNECTOR = regex.compile(r"\s(?:and|of|for|the|&)$")
# a tail that names an event, not who gave the prize: "Meritorious Winner, Interdisciplinary Contest in Modeling"
_EVENT_WORDS = regex.compile(r"(?<![A-Za-z])(?:contest|competition|olympiad|olympics|challenge|hackathon|cup|games|jam|league|"
                             r"tournament|championship|exhibition|fair|bowl|race|series|open|festival|expo|show)s?(?![A-Za-z])"
                             r"|竞赛|比赛|大赛|挑战赛|杯", regex.I)
# prize money is not part of the title: "$550,000", "(€10,800)", "RMB 5,000", "5000元"
_MONEY_TAIL = regex.compile(r"[,，;；]?\s*[(（]?\s*(?:(?:US|CA|AU|HK|NZ|S)?[$€£¥￥]\s?\d[\d,]*(?:\.\d+)?\s*(?:[kKmM]|million|thousand)?"
                            r"(?:\s*(?:USD|EUR|GBP|CNY|RMB))?|(?:USD|EUR|GBP|CNY|RMB)\s?\d[\d,]*(?:\.\d+)?[kK]?|"
                            r"\d[\d,]*(?:\.\d+)?\s*(?:万元|元|USD|EUR|RMB))\s*[)）]?\s*$", regex.I)
# a line that is only an awards heading the segmenter missed ("竞赛获奖", "荣誉称号", "Honors")
_AWARD_HEADING = regex.compile(r"^(?:\p{Han}{0,4}(?:获奖|得奖|奖惩|荣誉|奖励|奖项|称号)(?:情况|经历|记录|纪录|证书)?|"
                               r"(?:honou?rs?|awards?|prizes?)(?:\s*(?:&|and)\s*(?:honou?rs?|awards?|prizes?))?)\s*[:：]?$", regex.I)
_WS = regex.compile(r"\s+")
_LATIN_WORD = regex.compile(r"[A-Za-z]+")
_HEADING_PUNCT = regex.compile(r"[\d,，.。:：;；()（）]")
_HAN = regex.compile(r"\p{Han}")
_LETTER = regex.compile(r"\p{L}")
_PROSE = regex.compile(r"[。！？!?]|[，,].*[，,].*[，,]")
_LOWER_AFTER_SEMI = regex.compile(r"[;；]\s*\p{Ll}")
_AWARD_HINT = regex.compile(r"award|prize|honou?r|获|奖", regex.I)
_SENTENCE_PUNCT = regex.compile(r"[。!?！？]|\.\s+\p{L}")
_NOT_AWARD_LEAD = regex.compile(r"GPA|GRE|绩点", regex.I)
_UPPER_START = regex.compile(r"\p{Lu}")
_YEAR_WS = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)\s*")
# honours inside running text: "Received the 2020 AWS Builder Award for ...", "won first place at the X"
_AWARD_HEAD = r"(?:Award|Prize|Fellowship|Scholarship|Medal|Grant|Honou?r|Trophy|Cup)s?"
_IN_SENTENCE = regex.compile(
    r"(?<![A-Za-z])(?:received|won|awarded|earned|recognized\s+with|recognised\s+with|honou?red\s+with|granted|winner\s+of|"
    r"recipient\s+of|selected\s+for|named(?:\s+(?:a|an|the))?)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<t>(?:(?:\p{Lu}[\w'’&.\-]*|of|for|the|and|in|on|Q[1-4]|(?:19|20)\d{2})\s+){0,9}" + _AWARD_HEAD + r")(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:won|took|earned|placed|finished|awarded|received)\s+(?:the\s+)?"
    r"(?P<p>(?:first|second|third|1st|2nd|3rd|top)\s+(?:place|prize)\s+(?:at|in)\s+(?:the\s+)?[^,.;()]+?)"
    r"(?=\s+(?:for|with|by|among|out\s+of)\b|\s*[,.;()]|$)", regex.I)
_SENTENCE_START = regex.compile(r"^(?:\p{Lu}\p{Ll}+ed|Won|Led|Built|Made|Took|Got|Was|Were|Our|We|I|Received)\b")
_YEAR_ONLY = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_LEADING_JUNK = regex.compile(r"\G(?:(?:Q[1-4]|(?:19|20)\d{2}|the|a|an)\s+)+", regex.I)
_COUNT_PAREN = regex.compile(r"\s*[(（]\s*\d+\s*(?:quarters?|semesters?|terms?|times|years?|次|个学期|学期)\s*[)）]\s*$", regex.I)
_LATIN_HONOR = regex.compile(r"(?<![A-Za-z])(?:(?:summa|magna)\s+)?cum\s+laude(?![A-Za-z])|(?<![A-Za-z])with\s+(?:high(?:est)?\s+)?"
                             r"(?:honou?rs|distinction)(?![A-Za-z])|(?<![A-Za-z])first[- ]class\s+honou?rs(?![A-Za-z])", regex.I)
# the verb a Chinese award line may open with (获/荣获/获得/被评为 ...), before a name of 4+ characters
_RECEIVED = regex.compile(r"\G(?:荣获|获得|获评|获颁|榮獲|獲得|獲|获|被评为|被評為|评为|評為)\s*(?=\p{Han}[\p{Han}\w（）()]{3})")
_INLINE_SPLIT = regex.compile(r"\s+[·•|]\s+|\s*[;；]\s*")


_STOP = frozenset("the of for in at on and a an".split())


def _listed_in_awards(doc, title: str) -> bool:
    """True when an awards section already names this honour (all its words on one line)."""
    words = {w.casefold() for w in _LATIN_WORD.findall(title)} - _STOP
    if not words:
        return False
    for sec in doc.sections:
        if sec.kind != "awards":
            continue
        for line in doc.text[sec.body_start:sec.end].split("\n"):
            if words <= {w.casefold() for w in _LATIN_WORD.findall(line)}:
                return True
    return False


def _looks_like_heading(text: str) -> bool:
    """A short line without award words, dates or punctuation: a heading the segmenter missed."""
    t = text.strip()
    if not t or _HEADING_PUNCT.search(t) or is_award_text(t):
        return False
    han = len(_HAN.findall(t))
    words = _LATIN_WORD.findall(t)
    return (han and han <= 6 and not words) or (not han and 1 <= len(words) <= 3 and all(w[0].isupper() for w in words))


_LEAD = regex.compile(r"\G(?P<t>[^:：]{4,80}?)\s*[:：]")
_ORG_WORDS = regex.compile(r"\b(?:university|college|institute|school|academy)\b|大学|学院", regex.I)
_WORD = regex.compile(r"[A-Za-z][\w'-]*|\p{Han}{1,2}")


def _split_titles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An award line -> the spans of its awards."""
    parts: list[tuple[int, int]] = []
    pos = start
    for m in _HARD_SPLIT.finditer(text, start, end):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, end))
    out: list[tuple[int, int]] = []
    for a, b in parts:
        soft = []
        p = a
        depth_ok = True
        for m in _SOFT_SPLIT.finditer(text, a, b):
            if text.count("(", a, m.start()) != text.count(")", a, m.start()):
                continue
            soft.append((p, m.start()))
            p = m.end()
        soft.append((p, b))
        soft = [trim(text, s, e) for s, e in soft]
        soft = [(s, e) for s, e in soft if e > s and not _TAIL.fullmatch(text[s:e])]
        if depth_ok and len(soft) > 1 and all(is_award_text(text[s:e]) for s, e in soft):
            out.extend(soft)
        else:
            out.append((a, b))
    cleaned = []
    for a, b in out:
        a, b = trim(text, a, b)
        m = _TAIL.search(text, a, b)
        if m and m.start() > a:
            b = m.start()
        a, b = trim(text, a, b)
        if b > a:
            cleaned.append((a, b))
    return cleaned


def _title_region(text: str, bl_start: int, bl_end: int, dates: list[DateHit]) -> tuple[int, int, list[DateHit]]:
    """The line without dates at its ends (and "(2020年)"-style dates); the dates removed."""
    s, e = bl_start, bl_end
    used = []
    changed = True
    while changed:
        changed = False
        for d in dates:
            if d in used:
                continue
            before = trim(text, s, d.start, " \t,，;；(（[-–—|")
            after = trim(text, d.end, e, " \t,，;；)）].。|")
            if before[1] <= before[0]:  # date at the start
                s = d.end
                used.append(d)
                changed = True
            elif after[1] <= after[0]:  # date at the end
                e = d.start
                used.append(d)
                changed = True
    s, e = trim(text, s, e, " \t,，;；:：-–—|[]")
    while e > s and text[e - 1] in "(（":
        e = trim(text, s, e - 1, " \t,，;；:：-–—|")[1]
    while e > s and text[e - 1] in ")）" and text.count("(", s, e) + text.count("（", s, e) < \
            text.count(")", s, e) + text.count("）", s, e):
        e = trim(text, s, e - 1, " \t,，;；:：-–—|")[1]
    return s, e, used


def _dated_titles(text: str, simp: str, titles: list[tuple[int, int]], line_dates: list[DateHit],
                  line_date: DateHit | None) -> list[tuple[int, int, DateHit | None]]:
    """Each award of a list line with its date. When items carry their own dates ("National
    Scholarship (2019), First-class Academic Scholarship (2020)", "2019年国家奖学金，2020年三好学生"),
    each item keeps its own, and a date the line began or ended with belongs to the first or last
    item only (the list repeats one pattern); otherwise the line's one date dates every item."""
    if len(titles) > 1:
        own = []
        for a, b in titles:
            a, b, used = _title_region(text, a, b, find_dates(simp, a, b))
            single = [d for d in used if d.value]
            own.append([a, b, single[0] if len(used) == 1 and single else None])
        if any(d for _, _, d in own):
            for d in line_dates:
                if not d.value:
                    continue
                item = own[0] if d.end <= titles[0][0] else own[-1] if d.start >= titles[-1][1] else None
                if item is not None and item[2] is None:
                    item[2] = d
            return [(a, b, d) for a, b, d in own if b > a]
    return [(a, b, line_date) for a, b in titles]


class AwardParser:
    name: ClassVar[str] = "awards"
    kinds: ClassVar[frozenset[str]] = frozenset({"awards", "education", "work", "projects", "activities", "other"})

    def __call__(self, view: SectionView) -> list[Draft]:
        if view.kind == "awards":
            return self._awards_section(view)
        return self._elsewhere(view)

    # -- helpers -------------------------------------------------------------------------
    def _draft(self, text: str, s: int, e: int, date: DateHit | None, issuer: tuple[int, int] | None) -> Draft:
        verb = _RECEIVED.match(text, s, e)
        if verb and is_award_text(text[verb.end():e]):
            s = verb.end()  # "2015年获中央财经大学一等奖学金": the verb is not the award's name
        else:
            verb = None
        d = Draft(kind="awards", lang=text_lang(text[s:e]), start=s, end=e)
        if verb:
            d.consumed.append(make_mention(text, "_label", verb.start(), verb.end(), source=SOURCE))
        d.set(make_mention(text, "title", s, e, _WS.sub(" ", text[s:e]), source=SOURCE))
        if date and date.value:
            d.set(make_mention(text, "date", date.start, date.end, date.value, source=SOURCE))
        if issuer:
            d.set(make_mention(text, "issuer", issuer[0], issuer[1], source=SOURCE))
        return d

    def _awards_section(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text, simp = doc.text, doc.simplified
        lines = list(body_lines(view))
        bulleted = any(bl.bullet for bl in lines)
        drafts: list[Draft] = []
        last: list[Draft] = []
        last_dated = True
        for i, bl in enumerate(lines):
            if drafts and _looks_like_heading(simp[bl.start:bl.end]) and not bl.bullet:
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                if nxt is None or not is_award_text(simp[nxt.start:nxt.end]) or len(simp[nxt.start:nxt.end]) > 80:
                    break  # "Teaching", "自传": the awards are over
            dates = find_dates(simp, bl.start, bl.end)
            s, e, used = _title_region(text, bl.start, bl.end, dates)
            consumed = bullet_mention(text, bl, SOURCE)
            if e <= s or not _LETTER.search(text[s:e]):  # a date line: it dates the award above
                if last and not last_dated:
                    single = [d for d in used if d.value]
                    for d in last:
                        if single and len(used) == 1 and not d.get("date"):
                            d.set(make_mention(text, "date", single[0].start, single[0].end, single[0].value,
                                               source=SOURCE))
                    last[-1].consumed += [make_mention(text, "_label", d.start, d.end, source=SOURCE)
                                          for d in used if not d.value] + consumed
                    last_dated = True
                continue
            tests = find_tests(text, simp, s, e)
            if tests and sum(t.end - t.start for t in tests) >= 0.6 * (e - s):
                continue  # "CET-6 580" is a language test (languages.py)
            if bulleted and not bl.bullet and not is_award_text(simp[s:e]) and last:
                continue  # a description line under the award above
            if len(simp[s:e]) > 40 and _PROSE.search(simp[s:e]) and \
                    not is_award_text(simp[s:e]):
                continue  # prose (a paragraph under a lost heading)
            issuer = None
            im = _ISSUER.search(simp, s, e)
            if im:
                g = "issuer" if im.group("issuer") else "zh"
                issuer = trim(text, im.start(g), im.end(g))
                if im.start() > s + 3:
                    e = trim(text, s, im.start())[1]
            mm = _MONEY_TAIL.search(text, s, e)
            if mm and mm.start() > s:
                consumed.append(make_mention(text, "_label", mm.start(), mm.end(), source=SOURCE))
                e = trim(text, s, mm.start())[1]
            if issuer is None:
                it = _ISSUER_TAIL.search(text, s, e)
                if it is None:
                    it = _TITLED_TAIL.search(text, s, e)
                    if it and _TAIL_CONNECTOR.search(it.group("i")):
                        it = None
                if it and is_award_text(simp[s:it.start()]) and not is_award_text(simp[it.start("i"):it.end("i")]) \
                        and not _EVENT_WORDS.search(simp, it.start("i"), it.end("i")):
                    issuer = trim(text, it.start("i"), it.end("i"))
                    e = trim(text, s, it.start())[1]
            titles = _split_titles(text, s, e)
            single = [d for d in used if d.value]
            date = single[0] if len(used) == 1 and single else None
            new = [self._draft(text, a, b, d, issuer) for a, b, d in _dated_titles(text, simp, titles, used, date)]
            if new:
                new[0].consumed += consumed + [make_mention(text, "_label", d.start, d.end, source=SOURCE)
                                               for d in used if not d.value]
            drafts.extend(new)
            last = new
            last_dated = bool(used) or all(d.get("date") for d in new)
        return drafts

    def _elsewhere(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text, simp = doc.text, doc.simplified
        drafts: list[Draft] = []
        for bl in body_lines(view):
            # parenthesised honours: "GPA: 4.00 / 4.00 (University Honors)"
            for m in _PAREN_HONOR.finditer(text, bl.start, bl.end):
                a, b = trim(text, m.start("t"), m.end("t"))
                drafts.append(self._draft(text, a, b, None, None))
            body = simp[bl.start:bl.end]
            if _AWARD_HEADING.match(body.strip()):
                continue  # an awards heading the segmenter missed, not an award
            if view.kind == "education":
                latin = False
                for m in _LATIN_HONOR.finditer(text, bl.start, bl.end):
                    latin = True
                    if not any(d.start <= m.start() < d.end for d in drafts):
                        drafts.append(self._draft(text, m.start(), m.end(), None, None))
                if latin and not is_award_text(_LATIN_HONOR.sub("", body), strong=True):
                    continue  # "B.S. in Nursing, 2015 – 2019, magna cum laude": the honour only
            found = [d for d in self._in_sentences(text, simp, bl.start, bl.end)
                     if not _listed_in_awards(doc, str(d.get("title")))]
            if found:
                drafts.extend(found)
                continue
            if _SENTENCE_START.match(body) or _LOWER_AFTER_SEMI.search(body):
                continue  # a sentence that mentions a prize but names none
            # "Honor Star Employee of June: (1 out of 20) Awarded by Jizhi team for ..."
            lead = _LEAD.match(simp, bl.start, bl.end)
            if bl.bullet and lead and is_award_text(lead.group("t")) and len(_WORD.findall(lead.group("t"))) <= 12 \
                    and (_AWARD_HINT.search(simp[lead.end():bl.end])):
                a, b = trim(text, lead.start("t"), lead.end("t"))
                im = _ISSUER.search(simp, lead.end(), bl.end)
                issuer = None
                if im:
                    g = "issuer" if im.group("issuer") else "zh"
                    issuer = trim(text, im.start(g), im.end(g))
                drafts.append(self._draft(text, a, b, None, issuer))
                continue
            if not bl.bullet and len(body) > 60:
                continue
            if _SENTENCE_PUNCT.search(body) or len(_WORD.findall(body)) > 14:
                continue  # a sentence that mentions a prize is a highlight, not an award entry
            if not is_award_text(body, strong=True):
                continue
            if _ORG_WORDS.search(body) and not is_award_text(_ORG_WORDS.sub("", body), strong=True):
                continue
            dates = find_dates(simp, bl.start, bl.end)
            s, e, used = _title_region(text, bl.start, bl.end, dates)
            if e <= s:
                continue
            single = [d for d in used if d.value]
            date = single[0] if len(used) == 1 and single else None
            parts = self._inline_parts(text, s, e)
            for p_s, p_e in parts:
                if not is_award_text(simp[p_s:p_e], strong=True) or _NOT_AWARD_LEAD.match(simp[p_s:p_e]):
                    continue
                p_dates = [d for d in find_dates(simp, p_s, p_e)]
                a0, b0, p_used = _title_region(text, p_s, p_e, p_dates)
                cm = _COUNT_PAREN.search(text, a0, b0)
                if cm:
                    b0 = trim(text, a0, cm.start())[1]
                p_single = [d for d in p_used if d.value]
                p_date = p_single[0] if len(p_used) == 1 and p_single else date
                # the line's opening date can only be the first part's, its closing date the last part's
                edge = [d for d in used if (d.end <= s and p_s == parts[0][0]) or (d.start >= e and p_e == parts[-1][1])]
                for a, b, d in _dated_titles(text, simp, _split_titles(text, a0, b0), p_used + edge, p_date):
                    drafts.append(self._draft(text, a, b, d, None))
        return drafts

    @staticmethod
    def _inline_parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
        out, pos = [], s
        for m in _INLINE_SPLIT.finditer(text, s, e):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, e))
        return [trim(text, a, b) for a, b in out if trim(text, a, b)[1] > trim(text, a, b)[0]]

    def _in_sentences(self, text: str, simp: str, s: int, e: int) -> list[Draft]:
        """Honours named inside a sentence: "Received the 2020 AWS Builder Award for ..."."""
        out = []
        for m in _IN_SENTENCE.finditer(simp, s, e):
            g = "t" if m.group("t") else "p"
            a, b = m.start(g), m.end(g)
            years = list(_YEAR_ONLY.finditer(simp, a, b))
            lead = _LEADING_JUNK.match(simp, a, b)
            if lead:
                a = lead.end()
            inner = [y for y in years if y.start() >= a]
            if inner:  # "first place at the 2021 company-wide hackathon": the year is the date, not the title
                for y in reversed(inner):
                    if y.start() > a:
                        text_cut = (trim(text, a, y.start())[1], trim(text, y.end(), b)[0])
                        if text_cut[0] < text_cut[1]:
                            pass
            words = _LATIN_WORD.findall(text[a:b])
            if len(words) < 2 or (g == "t" and not _UPPER_START.match(text[a:b])):
                continue
            d = Draft(kind="awards", lang=text_lang(text[a:b]), start=a, end=b)
            title = _WS.sub(" ", _YEAR_WS.sub("", text[a:b])).strip()
            d.set(make_mention(text, "title", a, b, title[:1].upper() + title[1:], source=SOURCE))
            # the date: a year inside the phrase, in "(2023)" after it, or the sentence's only year
            ys = years or list(_YEAR_ONLY.finditer(simp, b, min(e, b + 12)))
            if not ys:
                all_years = list(_YEAR_ONLY.finditer(simp, s, e))
                ys = all_years if len(all_years) == 1 else []
            if ys:
                y = ys[0]
                d.set(make_mention(text, "date", y.start(), y.end(), y.group(0), source=SOURCE))
            out.append(d)
        return out
