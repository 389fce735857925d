"""Resume dates: one date-range grammar for English and Chinese (Simplified and Traditional).

``find_dates(text)`` returns every date range and single date in ``text``, left to right and
non-overlapping, as :class:`DateRange` values with canonical ends:

* ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"``: only as precise as written (``2010`` stays
  ``"2010"``, ``Summer 2020`` is ``"2020"``);
* ``"present"`` for an open end (``Present``, ``至今``, ``2022–`` at the end of a line).

The grammar is one precompiled pattern (``regex`` module), built on first use from the words in
``resources/lexicon/date_words.tsv`` (month names, present words, expected markers, seasons,
connectors, the 民國 era). A candidate is a *date atom*, optionally followed by a connector and a
second atom (or a present word), optionally wrapped in an expected marker (``Expected …``,
``预计…毕业``, ``…(expected)``). Atoms:

========================  ===========================================================
kind (``source``)         examples
========================  ===========================================================
``zh``                    ``2019年9月``, ``2018年``, ``2019年9月1日``, ``2020年秋季``
``zh_roc``                ``民國108年9月`` (only when 民國/民国 is written)
``zh_numeral``            ``二〇一八年三月``, ``二零一八年``
``numeric_ymd``           ``2017.06``, ``2019/09``, ``2018.9``, ``2019-03-15``
``numeric_mdy``           ``03/15/2019`` (``15.03.2019`` when the first number is > 12)
``numeric_my``            ``09/2022``, ``03.2019``
``en_month``              ``Sep. 2014``, ``August. 2022``, ``March 15, 2019``, ``15 March 2019``
``season``                ``Summer 2020``, ``2020 Fall``
``year``                  ``2010``, ``2021.`` (years 1950-2059 only)
========================  ===========================================================

Range ends may also be a two-digit year after a bare year (``2019–21``), a month after a
month-less start (``June – August 2019``), a month after a Chinese year-month
(``2019年9月至12月``), and an era-less year after a 民國 start (``民國108年至111年``).

What is kept out: numbers glued to letters, apostrophes, ``+ $ # @ =`` (``ICCV'2019``,
``ICIP20``, ``v2019``), numbers continuing a digit chain (``131-4884-5661``, ``3.57/4``,
``1.69%``), page ranges after ``pp.``, four-digit numbers outside 1950-2059.

dateparser is never run on free text; :func:`parse_date` may use it (imported lazily, explicit
languages) on one isolated span that the grammar could not read.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

__all__ = ["DateRange", "PRESENT", "PRESENT_INDEX", "find_dates", "month_index", "parse_date"]

PRESENT = "present"
#: ``month_index("present")``: after every real date (year 9999).
PRESENT_INDEX = 9999 * 12
YEAR_MIN, YEAR_MAX = 1950, 2059
LEXICON = "lexicon/date_words.tsv"


@dataclass(frozen=True, slots=True)
class DateRange:
    start: int  # span of the whole match in the text (offset added)
    end: int
    date_from: str | None  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    date_to: str | None  # same, or "present"; None when single
    single: bool  # a single date, not a range
    expected: bool  # "(expected)", "预计…毕业", "Expected May 2027"
    source: str  # which pattern matched, e.g. "dates/en_month_range"


# --- lexicon -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Words:
    months: dict[str, int]  # lower-cased surface without a trailing "." -> month
    seasons_en: tuple[str, ...]
    seasons_zh: tuple[str, ...]
    present: dict[str, bool]  # surface -> may follow a date without a connector
    expected: tuple[str, ...]  # markers after a date (in brackets)
    expected_prefix: tuple[str, ...]  # markers before a date (not present words)
    connectors_sym: tuple[str, ...]
    connectors_word: tuple[str, ...]
    eras: tuple[str, ...]


def _month_key(surface: str) -> str:
    """Month-table key of a month word as written. Case-folded, not lower-cased: the grammar
    matches case-insensitively with full case folding, so ``ſep`` (long s) reaches here too."""
    return surface.casefold().rstrip(".")


@lru_cache(maxsize=1)
def _words() -> _Words:
    from resume_nlp.resources import table

    months: dict[str, int] = {}
    seasons_en: list[str] = []
    seasons_zh: list[str] = []
    present: list[str] = []
    expected: list[str] = []
    conn: list[str] = []
    eras: list[str] = []
    for row in table(LEXICON):
        if len(row) < 3:
            continue
        lang, surface, canonical = row[0], row[1], row[2]
        if canonical.startswith("month:"):
            months[_month_key(surface)] = int(canonical[6:])
        elif canonical == "present":
            present.append(surface)
        elif canonical == "expected":
            expected.append(surface)
        elif canonical.startswith("season:"):
            (seasons_en if lang == "en" else seasons_zh).append(surface)
        elif canonical == "connector":
            conn.append(surface)
        elif canonical.startswith("era:"):
            eras.append(surface)
    conn_sym = tuple(c for c in conn if not c.isalpha())
    conn_word = tuple(c for c in conn if c.isalpha())
    present_direct = {}
    for p in present:
        low = p.lower()
        direct = any(low.startswith(c.lower()) and (not c.isascii() or low[len(c):len(c) + 1] == " ")
                     for c in conn if c.isalpha()) or low.startswith("up to ")
        present_direct[p] = direct
    present_set = {p.lower() for p in present}
    return _Words(
        months=months,
        seasons_en=tuple(seasons_en),
        seasons_zh=tuple(seasons_zh),
        present=present_direct,
        expected=tuple(expected),
        expected_prefix=tuple(e for e in expected if e.lower() not in present_set),
        connectors_sym=conn_sym,
        connectors_word=conn_word,
        eras=tuple(eras),
    )


# --- grammar -----------------------------------------------------------------------------

_S = r"[ \t]*+"  # horizontal space, possessive (linear time): a date never spans lines
_S1 = r"[ \t]++"
_YEAR4 = r"(?:19[5-9]\d|20[0-5]\d)(?!\d)"
_MON = r"(?:1[0-2]|0?[1-9])(?!\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = r"(?<![〇零○一二三四五六七八九十])[〇零○一二三四五六七八九]{4}"
_CN_MON = r"(?:十[一二]?|[一二三四五六七八九])"
_CN_DAY = r"(?:三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ORD = r"(?:st|nd|rd|th)?"
# Before a date that starts with a digit: not glued to a word, an apostrophe or a sign, not
# the continuation of a number (131-4884, 3.57/4, 1,999), not a page number, not inside a
# digit group of a phone number written with spaces.
_GUARD = (r"(?<![A-Za-z0-9_'’‘+$#@=&¥£€]|\d[-./,:]|\bpp?\.[ \t]{0,3}|\bpages?[ \t]{0,3})"
          r"(?!(?<=\d[ ])\d{4}[ ]\d{3,4}(?!\d))")
# After the whole match: not glued to a word, a digit or a percent sign; not followed by more
# of a number (2019-2020-2021, 2020.12345).
_RIGHT = r"(?![A-Za-z0-9%‰]|[-./:]\d|['’]\d)"


def _alt(words, *, word: bool, han_single: str = "") -> str:
    """Alternation of ``words`` (longest first), ASCII words bounded by non-letters.

    ``han_single``: characters that may not follow a one-character Han word.
    """
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        esc = _S1.join(regex.escape(part) for part in w.split())
        if word and w[:1].isascii() and w[:1].isalpha():
            esc = r"(?<![A-Za-z])" + esc
        if word and w[-1:].isascii() and w[-1:].isalpha():
            esc += r"(?![A-Za-z])"
        elif han_single and len(w) == 1 and not w.isascii():
            esc += rf"(?![{han_single}])"
        parts.append(esc)
    alternation = "(?:" + "|".join(parts) + ")"
    if not parts or not all(w.strip() for w in words):
        return alternation
    # the words' first characters: where none can start, the branches are not tried one by one
    first = "".join(sorted({regex.escape(w.split()[0][0]) for w in words}))
    return "(?=[" + first + "])" + alternation


def _atom(p: str, w: _Words, *, start: bool, month_only: bool) -> str:
    """One date, its groups prefixed ``p_``. ``start``: guarded on the left; else an end atom."""
    # Every guarded form starts where the atom does, so the guard (two lookarounds, one of
    # variable width) runs once per position, not once per form: its verdict is the empty
    # group p_g, which each form requires by back reference.
    g = rf"(?P={p}_g)" if start else ""
    months = _alt(w.months, word=True) + r"\.?"
    seasons_en = _alt(w.seasons_en, word=True)
    seasons_zh = _alt(w.seasons_zh, word=False, han_single="节節天")  # 春, not 春节
    eras = _alt(w.eras, word=False)
    roc_bare = "" if start else rf"|(?P<{p}_rb>\d{{2,3}})(?!\d)"
    alts = [
        # 2019年9月(1日) | 民國108年 | 二〇一八年三月 | 2020年秋季
        rf"(?:(?P<{p}_era>{eras}){_S}(?P<{p}_ry>\d{{1,3}})(?!\d)|{g}(?P<{p}_zy>{_YEAR4})|(?P<{p}_cy>{_CN_YEAR}){roc_bare})"
        rf"{_S}年(?:{_S}(?P<{p}_zm>{_MON}|{_CN_MON}){_S}月(?:{_S}(?P<{p}_zd>{_DAY}|{_CN_DAY}){_S}[日号號])?"
        rf"|{_S}(?P<{p}_zs>{seasons_zh}))?",
        # 2019-03-15 | 2017.06 | 2019/09 | 2018.9
        rf"{g}(?P<{p}_ny>{_YEAR4})(?P<{p}_sep>[./-])(?P<{p}_nm>{_MON})(?:(?P={p}_sep)(?P<{p}_nd>{_DAY}))?",
        # 03/15/2019 | 15.03.2019
        rf"{g}(?P<{p}_ua>\d{{1,2}})(?P<{p}_usep>[./-])(?P<{p}_ub>\d{{1,2}})(?P={p}_usep)(?P<{p}_uy>{_YEAR4})",
        # 09/2022 | 03.2019
        rf"{g}(?P<{p}_mm>{_MON})[./-](?P<{p}_my>{_YEAR4})",
        # Sep. 2014 | March 15, 2019 | 15 March 2019 | Sep '19 | Mar-2019
        rf"(?:{g}(?P<{p}_ed>{_DAY}){_ORD}{_S1}(?:of{_S1})?)?(?P<{p}_en>{months})"
        rf"(?:{_S}(?P<{p}_ed2>{_DAY}){_ORD}(?![A-Za-z0-9]))?(?:{_S},?{_S}|[-/])"
        rf"(?:(?P<{p}_ey>{_YEAR4})|['’‘](?P<{p}_eyy>\d{{2}})(?!\d))",
        # Summer 2020 | 2020 Fall
        rf"(?P<{p}_sn>{seasons_en}){_S},?{_S}(?P<{p}_sy>{_YEAR4})",
        rf"{g}(?P<{p}_sy2>{_YEAR4}){_S}(?P<{p}_sn2>{seasons_en})",
        # 2010
        rf"{g}(?P<{p}_by>{_YEAR4})",
    ]
    if not start:
        alts.append(rf"(?P<{p}_zmo>{_MON}|{_CN_MON}){_S}月")  # 2019年9月至12月
        alts.append(rf"(?P<{p}_yy>\d{{2}})(?!\d)")  # 2019–21
    if month_only:
        alts.append(rf"(?P<{p}_eno>{months})")  # June – August 2019
    if start and month_only:
        # 110年8月～迄今, 104年7月～110年7月: Taiwanese resumes drop 民國 once the era is clear.
        # Only in a range (checked in _read): a lone "108年9月" stays no date.
        alts.append(rf"{g}(?P<{p}_rs>\d{{2,3}})(?!\d){_S}年{_S}(?P<{p}_rsm>{_MON}|{_CN_MON}){_S}月"
                    rf"(?:{_S}(?P<{p}_rsd>{_DAY}|{_CN_DAY}){_S}[日号號])?")
    guard = rf"(?>(?=\d){_GUARD}(?P<{p}_g>)|)" if start else ""
    return "(?:" + guard + "(?:" + "|".join(alts) + "))"


def _grammar(w: _Words, *, ranges: bool) -> str:
    sym = "".join(regex.escape(c) for c in w.connectors_sym if len(c) == 1)
    sym_multi = [c for c in w.connectors_sym if len(c) > 1]
    conn_words = _alt(w.connectors_word, word=True)
    conn = rf"{_S}(?:[{sym}]{{1,2}}" + ("|" + _alt(sym_multi, word=False) if sym_multi else "") + rf"|{conn_words}){_S}"
    present_all = _alt(w.present, word=True, han_single="年月日天")  # 今, not 今年
    present_direct = _alt([p for p, d in w.present.items() if d], word=True)
    exp_prefix_en = _alt([e for e in w.expected_prefix if e.isascii()], word=True)
    exp_prefix_zh = _alt([e for e in w.expected_prefix if not e.isascii()], word=False)
    exp_all = _alt(w.expected, word=True)
    exp_zh_all = _alt([e for e in w.expected if not e.isascii()], word=False)
    prefix = (
        rf"(?P<xpre>{exp_prefix_en}(?:{_S1}(?:graduation|grad\.?|completion|to{_S1}graduate|to{_S1}complete)"
        rf"(?:{_S1}date)?)?(?:{_S}:{_S}|{_S1}(?:in|by|on){_S1}|{_S})"
        rf"|{exp_prefix_zh}{_S}(?:将于|將於|于|於|在|毕业时间|畢業時間|毕业日期|畢業日期|毕业|畢業)?{_S}:?{_S})?"
    )
    suffix = (
        rf"(?P<xsuf>{_S}[(\[【（]{_S}{exp_all}(?:{_S}(?:graduation|grad\.?|毕业|畢業))?{_S}[)\]】）]"
        rf"|{_S}{exp_zh_all}(?:毕业|畢業)?)?"
        r"(?(xpre)(?:" + _S + r"(?:毕业|畢業))?)"
    )
    # Fast rejection of most positions: a date starts at a digit, a word start among the
    # English words that can begin one (their first three letters: "and" and "make" are no
    # start), or a Han character that can.
    heads = {x[:3] for x in (*w.months, *w.seasons_en, *w.expected_prefix) if x[:1].isascii()}
    han_heads = {x[0] for x in (*w.eras, *w.expected_prefix) if not x[:1].isascii()}
    lead = (rf"(?<![A-Za-z])(?=[0-9{''.join(sorted(_CN_DIGIT))}{''.join(sorted(han_heads))}]"
            rf"|{_alt(heads, word=False)})")
    start = _atom("a", w, start=True, month_only=ranges)
    if not ranges:
        return lead + prefix + start + suffix + _RIGHT
    end = _atom("b", w, start=False, month_only=False)
    open_end = rf"(?P<open>{_S}[{sym}]{{1,2}})(?=[ \t]*(?:$|[)\]|,;，；。]))"
    tail = rf"(?:{conn}(?:(?P<pres>{present_all})|{end})|{_S}(?P<pres2>{present_direct})|{open_end})?"
    return lead + prefix + start + tail + suffix + _RIGHT


@lru_cache(maxsize=1)
def _regexes() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(range grammar, single-date grammar, anchor), compiled on first use.

    Every date that reads (:func:`_read`) holds a year in range: four digits, an apostrophe
    year ('19), a 民國 year of two or three digits (one digit is before 1950), or four Chinese
    numerals. No date spans lines, so the grammar only runs on lines that hold one of these
    (from the line start); each has two ASCII digits in a row or four numerals.
    """
    w = _words()
    flags = regex.IGNORECASE | regex.MULTILINE
    # the last form: an era-less 民國 year that opens a range (110年8月～迄今, see _bare_roc_range)
    anchor = (rf"{_YEAR4}|['’‘]\d\d|{_alt(w.eras, word=False)}{_S}\d\d|{_CN_YEAR}"
              rf"|(?<!\d)\d{{2,3}}{_S}年{_S}\d{{1,2}}{_S}月")
    return (regex.compile(_grammar(w, ranges=True), flags),
            regex.compile(_grammar(w, ranges=False), flags),
            regex.compile(anchor))


# --- reading a match ---------------------------------------------------------------------


def _cn_number(s: str) -> int:
    """一 .. 三十一 (month and day numerals) -> int."""
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)
    return _CN_DIGIT[s]


def _num(s: str) -> int:
    return int(s) if s.isdigit() and s.isascii() else _cn_number(s)


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _day_first(m: regex.Match) -> bool:
    """Whether a numeric range is written day first: one of its ends has a first number over 12
    (``01/09/2014 – 30/06/2018``), so the ambiguous end follows the same order."""
    names = m.re.groupindex  # the single-date grammar has no end atom
    for name in ("a_ua", "b_ua"):  # two groups, not groupdict(): that builds all 60 (~15 µs)
        first = m.group(name) if name in names else None
        if first and int(first) > 12:
            return True
    return False


def _atom_value(m: regex.Match, p: str, day_first: bool = False) -> tuple[str | None, str]:
    """(canonical date or None, kind) of the atom with prefix ``p``; kind "" when absent."""
    g = m.group
    if p == "a" and "a_rs" in m.re.groupindex and g("a_rs"):  # an era-less 民國 year (see _read)
        day = _num(g("a_rsd")) if g("a_rsd") else None
        return _fmt(int(g("a_rs")) + 1911, _num(g("a_rsm")), day), "zh_roc"
    if g(f"{p}_zy") or g(f"{p}_cy") or g(f"{p}_ry") or (p != "a" and g(f"{p}_rb")):
        if g(f"{p}_zy"):
            year, kind = int(g(f"{p}_zy")), "zh"
        elif g(f"{p}_cy"):
            year, kind = int("".join(str(_CN_DIGIT[c]) for c in g(f"{p}_cy"))), "zh_numeral"
        else:
            roc = int(g(f"{p}_ry") or g(f"{p}_rb"))
            year, kind = (roc + 1911 if roc >= 1 else 0), "zh_roc"
        month = _num(g(f"{p}_zm")) if g(f"{p}_zm") else None
        day = _num(g(f"{p}_zd")) if g(f"{p}_zd") else None
        return _fmt(year, month, day), kind
    if g(f"{p}_ny"):
        day = int(g(f"{p}_nd")) if g(f"{p}_nd") else None
        return _fmt(int(g(f"{p}_ny")), int(g(f"{p}_nm")), day), "numeric_ymd"
    if g(f"{p}_uy"):
        a, b = int(g(f"{p}_ua")), int(g(f"{p}_ub"))
        month, day = (b, a) if a > 12 or (day_first and b <= 12) else (a, b)
        return _fmt(int(g(f"{p}_uy")), month, day), "numeric_mdy"
    if g(f"{p}_my"):
        return _fmt(int(g(f"{p}_my")), int(g(f"{p}_mm"))), "numeric_my"
    if g(f"{p}_en"):
        if g(f"{p}_ed") and g(f"{p}_ed2"):
            return None, "en_month"
        month = _words().months.get(_month_key(g(f"{p}_en")))
        if g(f"{p}_ey"):
            year = int(g(f"{p}_ey"))
        else:
            yy = int(g(f"{p}_eyy"))
            year = 2000 + yy if yy <= YEAR_MAX - 2000 else 1900 + yy
        day = g(f"{p}_ed") or g(f"{p}_ed2")
        return (_fmt(year, month, int(day) if day else None) if month else None), "en_month"
    if g(f"{p}_sy"):
        return _fmt(int(g(f"{p}_sy"))), "season"
    if g(f"{p}_sy2"):
        return _fmt(int(g(f"{p}_sy2"))), "season"
    if g(f"{p}_by"):
        return _fmt(int(g(f"{p}_by"))), "year"
    return None, ""


def _read(m: regex.Match, *, ranges: bool) -> DateRange | None:
    """The DateRange of a grammar match, or None when its numbers do not make a date."""
    g = m.group
    expected = bool(g("xpre") or g("xsuf"))
    date_to: str | None = None
    single = True
    if ranges and g("a_eno"):  # June – August 2019: the start takes the end's year
        end, end_kind = _atom_value(m, "b")
        if end is None or end_kind != "en_month" or len(end) < 7:
            return None
        start_month = _words().months.get(_month_key(g("a_eno")))
        if start_month is None:
            return None
        end_year, end_month = int(end[:4]), int(end[5:7])
        year = end_year - 1 if start_month > end_month else end_year
        start, kind = _fmt(year, start_month), "en_month"
        date_to, single = end, False
    else:
        day_first = _day_first(m)
        start, kind = _atom_value(m, "a", day_first)
        if start is None:
            return None
        if ranges and (g("pres") or g("pres2") or g("open")):
            date_to, single = PRESENT, False
        elif ranges and g("b_zmo"):  # 2019年9月至12月
            if kind not in ("zh", "zh_roc", "zh_numeral") or len(start) < 7:
                return None
            date_to, single = _fmt(int(start[:4]), _num(g("b_zmo"))), False
        elif ranges and g("b_yy"):  # 2019–21
            if kind != "year":
                return None
            year = int(start[:4])
            end_year = year // 100 * 100 + int(g("b_yy"))
            if end_year <= year:
                return None
            date_to, single = _fmt(end_year), False
        elif ranges and g("b_rb"):  # 民國108年至111年
            if kind != "zh_roc":
                return None
            date_to, single = _atom_value(m, "b")[0], False
        elif ranges:
            end, end_kind = _atom_value(m, "b", day_first)
            if end_kind:
                if end is None:
                    return None
                date_to, single = end, False
        if not single and date_to is None:
            return None
        if "a_rs" in m.re.groupindex and g("a_rs") and not _bare_roc_range(g("a_rs"), g("b_rb"), single):
            return None
    if single:
        source = f"dates/{kind}"
    elif g("open"):
        source = f"dates/{kind}_open"
    else:
        source = f"dates/{kind}_range"
    return DateRange(m.start(), m.end(), start, date_to, single, expected, source)


def _bare_roc_range(start_year: str, end_year: str | None, single: bool) -> bool:
    """Whether a range that opens with an era-less year (``110年8月～迄今``) reads as 民國 years.

    A three-digit year (100 = 2011) is no other calendar's, but alone ``108年9月`` is not a
    date; a two-digit one (``98年9月``) may be a mainland short year ('98), so it counts
    only before a three-digit end (``98年9月～102年6月``)."""
    if single:
        return False
    if len(start_year) == 3:
        return True
    return end_year is not None and len(end_year) == 3


def find_dates(text: str, offset: int = 0) -> list[DateRange]:
    """All date ranges and single dates of ``text``, left to right, non-overlapping.

    At each position the longest reading wins (a range before its first date alone).
    Spans cover the whole date text, including ``Expected``/``预计…毕业``/``(expected)``, with
    ``offset`` added.
    """
    out = []
    for _, r in _scan_all(text):
        if offset:
            r = DateRange(r.start + offset, r.end + offset, r.date_from, r.date_to, r.single, r.expected, r.source)
        out.append(r)
    return out


def _scan_all(text: str, timeout: float | None = None):
    """(match, DateRange) pairs, left to right, non-overlapping."""
    full, one, anchor = _regexes()
    pos = 0
    n = len(text)
    while pos < n:
        a = anchor.search(text, pos)
        if a is None:
            return
        line_start = text.rfind("\n", 0, a.start()) + 1
        line_end = text.find("\n", a.end())
        if line_end < 0:
            line_end = n
        m = full.search(text, max(pos, line_start), line_end, timeout=timeout)
        if m is None:
            pos = line_end + 1
            continue
        r = _read(m, ranges=True)
        if r is None:  # the range reading failed: maybe its first date stands alone
            m1 = one.match(text, m.start(), line_end, timeout=timeout)
            r = _read(m1, ranges=False) if m1 is not None else None
            if r is None:
                pos = m.start() + 1
                continue
            m = m1
        yield m, r
        pos = m.end()


# --- single spans ------------------------------------------------------------------------


def parse_date(text: str) -> str | None:
    """Canonical form of one isolated date span (``"Sep. 2014"`` -> ``"2014-09"``), else None.

    A present word alone gives ``"present"``; a range is not one date (None). When the grammar
    cannot read the span, dateparser gets one try (explicit languages, year and month required,
    the year must be written in the span).
    """
    span = unicodedata.normalize("NFKC", text).strip()
    if not span or len(span) > 64:
        return None
    w = _words()
    present = {p.lower() for p in w.present}
    if span.lower() in present:
        return PRESENT
    for m, r in _scan_all(span):
        if m.start() == 0 and m.end() == len(span):
            return r.date_from if r.single else None
        break
    return _dateparser_fallback(span)


_YEAR_IN_SPAN = regex.compile(r"(?<!\d)(?:19[5-9]\d|20[0-5]\d)(?!\d)")
_NOT_A_DATE = regex.compile(r"%|\d\s*/\s*\d{1,3}(?!\d)|[+$#@=]")


@lru_cache(maxsize=1)
def _dateparser():
    from dateparser.date import DateDataParser  # heavy: only when the grammar gave up

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_MONTH_OF_YEAR": "first",
        "REQUIRE_PARTS": ["year", "month"],
        "RELATIVE_BASE": _dt.datetime(2000, 1, 1),
    }
    return DateDataParser(languages=["en", "zh"], settings=settings)


def _dateparser_fallback(span: str) -> str | None:
    years = _YEAR_IN_SPAN.findall(span)
    if len(years) != 1 or _NOT_A_DATE.search(span):
        return None
    try:
        data = _dateparser().get_date_data(span)
    except Exception:  # noqa: BLE001 - a third-party parser's failure is "not a date"
        return None
    if data is None or data.date_obj is None or str(data.date_obj.year) != years[0]:
        return None
    d = data.date_obj
    if data.period == "day":
        return _fmt(d.year, d.month, d.day)
    if data.period == "month":
        return _fmt(d.year, d.month)
    return None


# --- ordering ----------------------------------------------------------------------------

_CANONICAL = regex.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def month_index(date: str) -> int | None:
    """Months since year 0: ``"2018-09"`` -> 2018*12+8, ``"2018"`` -> 2018*12, ``"present"`` ->
    :data:`PRESENT_INDEX`; None for anything else. For ordering and overlap tests."""
    if date is None:
        return None
    if date == PRESENT:
        return PRESENT_INDEX
    m = _CANONICAL.fullmatch(date)
    if m is None:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else 1
    if not 1 <= month <= 12:
        return None
    return year * 12 + month - 1
