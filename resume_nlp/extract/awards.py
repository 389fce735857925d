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
from ..resources import table
from ..spans import Draft, Mention
from .summary import BodyLine, body_lines, bullet_mention, make_mention, text_lang, trim

__all__ = ["AwardParser", "find_dates", "DateHit", "award_words", "is_award_text"]

SOURCE = "awards"

# --- dates (single dates and ranges; a range is not an award date) ---------------------------
_MONTHS = {m: i for i, ms in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
    ("nov", "november"), ("dec", "december")), 1) for m in ms}
_ONE = (r"(?:(?P<{p}mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*(?P<{p}y1>(?:19|20)\d{{2}})"
        r"|(?P<{p}y2>(?:19|20)\d{{2}})(?:\s*(?:[./\-]|年)\s*(?P<{p}m>1[0-2]|0?[1-9])(?!\d)\s*月?"
        r"(?:\s*[./\-]\s*(?P<{p}d>3[01]|[12]\d|0?[1-9])(?!\d)\s*日?)?)?\s*年?(?!\s*[届级]))")
_DATE = regex.compile(
    r"(?<![\d.])(?:" + _ONE.format(p="a") + r")(?:\s*(?:-|–|—|~|～|to|至|until)\s*(?:(?:" + _ONE.format(p="b")
    + r")|(?P<present>present|now|today|至今|现在)))?(?![\d])", regex.I)


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    value: str | None  # "YYYY", "YYYY-MM", "YYYY-MM-DD"; None for a range


def _value(m: regex.Match, p: str) -> str | None:
    year = m.group(p + "y1") or m.group(p + "y2")
    if not year:
        return None
    if m.group(p + "mon"):
        return f"{year}-{_MONTHS[m.group(p + 'mon').casefold().rstrip('.')]:02d}"
    if m.group(p + "m"):
        out = f"{year}-{int(m.group(p + 'm')):02d}"
        if m.group(p + "d"):
            out += f"-{int(m.group(p + 'd')):02d}"
        return out
    return year


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateHit]:
    """Dates in ``text[start:end]``: single dates with their value, ranges with None."""
    end = len(text) if end is None else end
    out = []
    for m in _DATE.finditer(text, start, end):
        is_range = bool(m.group("present") or m.group("by1") or m.group("by2"))
        s, e = trim(text, m.start(), m.end(), " \t")
        out.append(DateHit(s, e, None if is_range else _value(m, "a")))
    return out


# --- award words ----------------------------------------------------------------------------
_WEAK = frozenset({"honor", "honors", "honour", "honours", "outstanding", "excellence", "merit", "distinction",
                   "nominee", "nominated", "recipient", "荣誉", "称号", "荣获", "优胜", "一等", "二等", "三等", "特等"})


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
        en_alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(en, key=len, reverse=True))
        zh_alt = "|".join(regex.escape(w) for w in sorted(zh, key=len, reverse=True))
        return regex.compile(r"(?i:(?<![A-Za-z])(?:" + en_alt + r")s?(?![A-Za-z]))|" + zh_alt)

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


class AwardParser:
    name: ClassVar[str] = "awards"
    kinds: ClassVar[frozenset[str]] = frozenset({"awards", "education", "work", "projects", "activities", "other"})

    def __call__(self, view: SectionView) -> list[Draft]:
        if view.kind == "awards":
            return self._awards_section(view)
        return self._elsewhere(view)

    # -- helpers -------------------------------------------------------------------------
    def _draft(self, text: str, s: int, e: int, date: DateHit | None, issuer: tuple[int, int] | None) -> Draft:
        d = Draft(kind="awards", lang=text_lang(text[s:e]), start=s, end=e)
        d.set(make_mention(text, "title", s, e, regex.sub(r"\s+", " ", text[s:e]), source=SOURCE))
        if date and date.value:
            d.set(make_mention(text, "date", date.start, date.end, date.value, source=SOURCE))
        if issuer:
            d.set(make_mention(text, "issuer", issuer[0], issuer[1], source=SOURCE))
        return d

    def _awards_section(self, view: SectionView) -> list[Draft]:
        from .languages import find_tests

        doc = view.doc
        text, simp = doc.text, doc.simplified
        lines = list(body_lines(view))
        bulleted = any(bl.bullet for bl in lines)
        drafts: list[Draft] = []
        last: list[Draft] = []
        last_dated = True
        for bl in lines:
            dates = find_dates(simp, bl.start, bl.end)
            s, e, used = _title_region(text, bl.start, bl.end, dates)
            consumed = bullet_mention(text, bl, SOURCE)
            if e <= s or not regex.search(r"[\p{L}]", text[s:e]):  # a date line: it dates the award above
                if last and not last_dated:
                    single = [d for d in used if d.value]
                    for d in last:
                        if single and len(used) == 1:
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
            issuer = None
            im = _ISSUER.search(simp, s, e)
            if im:
                g = "issuer" if im.group("issuer") else "zh"
                issuer = trim(text, im.start(g), im.end(g))
                if im.start() > s + 3:
                    e = trim(text, s, im.start())[1]
            titles = _split_titles(text, s, e)
            single = [d for d in used if d.value]
            date = single[0] if len(used) == 1 and single else None
            new = [self._draft(text, a, b, date, issuer) for a, b in titles]
            if new:
                new[0].consumed += consumed + [make_mention(text, "_label", d.start, d.end, source=SOURCE)
                                               for d in used if not d.value]
            drafts.extend(new)
            last = new
            last_dated = bool(used)
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
            # "Honor Star Employee of June: (1 out of 20) Awarded by Jizhi team for ..."
            lead = _LEAD.match(simp, bl.start, bl.end)
            if bl.bullet and lead and is_award_text(lead.group("t")) and len(_WORD.findall(lead.group("t"))) <= 12 \
                    and (regex.search(r"award|prize|honou?r|获|奖", simp[lead.end():bl.end], regex.I)):
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
            if regex.search(r"[。!?！？]|\.\s+\p{L}", body) or len(_WORD.findall(body)) > 14:
                continue  # a sentence that mentions a prize is a highlight, not an award entry
            if not is_award_text(body, strong=True):
                continue
            if _ORG_WORDS.search(body) and not is_award_text(regex.sub(_ORG_WORDS, "", body), strong=True):
                continue
            dates = find_dates(simp, bl.start, bl.end)
            s, e, used = _title_region(text, bl.start, bl.end, dates)
            if e <= s:
                continue
            single = [d for d in used if d.value]
            date = single[0] if len(used) == 1 and single else None
            titles = _split_titles(text, s, e)
            for a, b in titles:
                drafts.append(self._draft(text, a, b, date, None))
        return drafts
