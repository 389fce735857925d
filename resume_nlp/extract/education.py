"""Education section parser (English and Chinese).

One pass per paragraph (a line, or a bullet with its wrapped lines; see ``layout``) finds
the facts it states, each with its span: institutions (gazetteer, else head words
``University``/``大学``...), degrees (``resources/lexicon/degrees.tsv``), dates, GPA, rank,
locations, labelled highlights. What is left of a head line (an institution or degree line)
is a location, a field of study or a department. Paragraphs are then grouped into entries by
*slot filling*: a paragraph that brings a second institution, a second degree or a second
date range starts a new entry, so the parser does not depend on one template (headings,
bullets, one-liners, degree before institution ...). Dates and locations printed after all
entries (a flattened two-column PDF) are handed back to the entries by order and by
consistency (a bachelor's starts before a master's).

Award lines inside an entry (scholarships, ``(University Honors)``, 国家奖学金) stay in the
entry's highlights and also become separate ``awards`` drafts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

import regex

from ..gazetteer import institutions, locations, parse_location
from ..spans import Draft, Mention
from .dates import find_dates
from .layout import Para, assign_orphans, paragraphs, segments, tidy, tidy_span, trailing_run

__all__ = ["EducationParser"]

_SOURCE = "education"

# --------------------------------------------------------------------------- degrees

_DEGREE_RANK = {"high_school": 0, "associate": 1, "bachelor": 2, "master": 3, "doctorate": 4, "other": None}
# "Bachelor of <X>": X generic -> no field from it ("Bachelor of Science in CS": field after "in")
_GENERIC_OF = frozenset(
    """science sciences arts art engineering philosophy laws law letters technology applied
    fine business administration commerce education medicine surgery music architecture
    public health policy social work nursing divinity theology economics management""".split()
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    en: regex.Pattern
    zh: regex.Pattern
    canonical: dict[str, str]       # casefolded surface -> canonical
    display: dict[str, str]         # casefolded surface -> surface as in the table


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    from ..lang import to_simplified
    from ..resources import table

    canonical: dict[str, str] = {}
    display: dict[str, str] = {}
    en_ci: list[str] = []
    en_cs: list[str] = []
    zh: list[str] = []
    for row in table("lexicon/degrees.tsv"):
        if len(row) < 3:
            continue
        lang, surface, canon = row[0], row[1], row[2]
        if lang == "zh":
            surface = to_simplified(surface)
            zh.append(surface)
        elif surface.isupper() and "." not in surface and len(surface) <= 4:
            en_cs.append(surface)
        else:
            en_ci.append(surface)
        canonical.setdefault(surface.casefold(), canon)
        display.setdefault(surface.casefold(), surface)

    def alternation(items: list[str]) -> str:
        parts = []
        for s in sorted(set(items), key=len, reverse=True):
            p = regex.escape(s).replace(r"\ ", r"\s+").replace("'", "['’]")
            parts.append(p)
        return "|".join(parts)

    def first(items: list[str]) -> str:
        """A class of the characters the alternation of ``items`` can start with."""
        chars = {s[0] for s in items} | ({"’"} if any(s[0] == "'" for s in items) else set())
        return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]" if chars else "(?!)"

    # Dotted abbreviations end in "."; a word boundary is required only after a letter. The
    # lookaheads for the words' first characters let most positions fail before the branches.
    en = regex.compile(
        r"(?<![\w.])(?=(?i:" + first(en_ci) + ")|" + first(en_cs) + ")"
        r"(?:(?i:" + alternation(en_ci) + r")|" + alternation(en_cs) + r")(?:(?<=\.)|(?![\w]))"
    )
    zh_token_only = [s for s in zh if s in ("大学", "大学部")]
    zh_free = [s for s in zh if s not in zh_token_only]
    zh_re = regex.compile(
        "(?=" + first(zh) + ")"
        r"(?:(?:" + alternation(zh_free) + r")(?![院后後])"
        + r"|(?<![\p{Han}])(?:" + alternation(zh_token_only) + r")(?![\p{Han}]))"
    )
    return _Lexicon(en, zh_re, canonical, display)


_OF_TAIL = regex.compile(r"\s+of\s+((?:[A-Z][\w&-]*|and|&|of)(?:\s+(?:[A-Z][\w&-]*|and|&))*)")
_IN_FIELD = regex.compile(r"\s*(?:,\s*)?(?:in|of|major(?:ing)? in|majoring)\s+(?=[A-Za-z])", regex.IGNORECASE)
_FIELD_STOP = regex.compile(r"\s*(?:[;,(|\[]|\s{2,}|\s[-–—]\s|\s(?:with|from|at|GPA|minor)\b)|$", regex.IGNORECASE)
_COMMA_FIELD = regex.compile(r"[ \t]*,[ \t]*(?=[A-Z])")
_NOT_COMMA_FIELD = regex.compile(r"(?i)\b(?:hons?|honou?rs|summa|magna|cum\s+laude|distinction|merit|first[- ]class|expected|candidate)\b")
_PAREN_ABBR = regex.compile(r"\s*\(([A-Za-z. ]{2,10})\)")
# "(Honours)", "(Hons)", "(First Class Honours)" after a degree: its class, neither a field nor an award
_HONS_PAREN = regex.compile(r"\s*\(((?:with\s+)?(?:(?:first|second|upper\s+second|lower\s+second)[- ]class\s+)?(?:hons?\.?|honou?rs))\)",
                            regex.IGNORECASE)
# ", First Class", ", 2:1", ", with Distinction", ", magna cum laude" after a field: the degree's class
_CLASS_TAIL = regex.compile(
    r"\s*,\s*(?:(?:with\s+)?(?:(?:first|second|third|upper\s+second|lower\s+second)(?:[- ]class)?(?:\s+(?:hons?|honou?rs))?"
    r"|(?:high\s+)?distinction|merit|(?:first[- ]class\s+)?honou?rs|(?:summa\s+|magna\s+)?cum\s+laude|[12][:.][12])\.?)\s*$",
    regex.IGNORECASE)
# Words that state a status, not a field: "博士在读", "交换生", "Exchange Student"
_STATUS_WORD = regex.compile(
    r"(?:在读|在读中|就读中|在校|交换生|交流生|交换学生|交换项目|访问学生|联合培养|"
    r"(?i:exchange(?:\s+(?:student|program(?:me)?|semester|year))?|study\s+abroad(?:\s+program(?:me)?)?|visiting\s+student|"
    r"currently\s+enrolled|enrolled|in\s+progress))")

# --------------------------------------------------------------------------- institutions

_EN_HEAD = r"(?i:University|Universit(?:é|e|at|ät|y)|College|Institute|Institut|School|Academy|Polytechnic|Conservatory|Hochschule)"
_EN_WORD = r"(?:[A-Z][\w'’.&-]*(?:–[A-Z][\w'’.&-]*)?|&)"  # "Wisconsin–Madison"
_EN_HEAD_RE = regex.compile(r"\b" + _EN_HEAD + r"\b")
_EN_LEAD_WORD = regex.compile(r"(?:" + _EN_WORD + r"|of|and|for|de|the|The)\s+$")
_EN_TAIL = regex.compile(r"(?:,?\s+(?:of|at|in|for|and|&|de)\s+(?:the\s+)?" + _EN_WORD + r"(?:\s+" + _EN_WORD + r")*)*")
# "Virginia Polytechnic Institute and State University": a second head joined by "and"
_EN_JOINED_HEAD = regex.compile(r"(?:\s+" + _EN_WORD + r"){0,3}?\s+(?:and|&)(?:\s+" + _EN_WORD + r"){0,3}?\s+" + _EN_HEAD + r"\b")
# "Rotman School of Management" under "University of Toronto": a faculty of the university
_EN_SUBUNIT = regex.compile(r"\b(?:School|College|Faculty|Institute)\s+of\b")
_EN_UNIV_WORD = regex.compile(r"(?i)\buniversit")
# A second institution-type phrase right after a Latin name, one space or a dash apart (a wider gap
# or a comma is a cell break): "Hochschule München University of Applied Sciences", "ETH Zürich –
# Swiss Federal Institute of Technology". It continues the name, unless it is a unit of it: a
# school, college or faculty ("Stanford University Graduate School of Business", "MIT Sloan School
# of Management"), or any non-university part after a university ("... Universität X Institute for Y").
_EN_NAME_JOINER = regex.compile(r" (?:[–—-] )?")
_EN_UNIT_HEAD = regex.compile(r"\b(?:School|College|Faculty|Department|Division)\b")
_EN_UNIV_LEVEL = regex.compile(r"(?i)\b(?:universit|hochschule)")
_EN_CONNECTORS = frozenset({"of", "and", "for", "de", "&", "the"})
_LEADING_DROP = frozenset({"of", "and", "for", "de", "&"})
_TOKEN = regex.compile(r"\S+")


def _en_institutions(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """``(start, end)`` of English institution names: a head word (University, College ...)
    with up to five capitalised words before it and ``of/at/in ...`` phrases after it."""
    pos = start
    while True:
        m = _EN_HEAD_RE.search(text, pos, end)
        if m is None:
            return
        s = m.start()
        words = 0
        while words < 7:
            lead = _EN_LEAD_WORD.search(text, max(start, s - 40), s)
            if lead is None or lead.start() < start:
                break
            if text[lead.start():s].split()[0] in _EN_CONNECTORS and words == 0:
                break
            s = lead.start()
            words += 1
        # a name does not begin with a connector ("of", "and"): drop such leading words
        for tok in _TOKEN.finditer(text, s, m.start()):
            if tok[0] not in _LEADING_DROP:
                s = tok.start()
                break
        else:
            s = m.start()
        tail = _EN_TAIL.match(text, m.end(), end)
        e = tail.end() if tail else m.end()
        joined = _EN_JOINED_HEAD.match(text, e, end)
        if joined:
            tail = _EN_TAIL.match(text, joined.end(), end)
            e = tail.end() if tail else joined.end()
        yield s, e
        pos = max(e, m.end())


def _has_en_institution(text: str, start: int, end: int) -> bool:
    return any(len(text[s:e].split()) >= 2 for s, e in _en_institutions(text, start, end))


_EN_DEPT_PREFIX = regex.compile(r"^(?:(?:The\s+)?(?:School|College|Faculty|Department|Dept\.?|Division|Graduate School)\s+of)\b",
                                regex.IGNORECASE)
_ZH_INST = regex.compile(
    r"\p{Han}{1,16}?(?:大学|学院|学校|中学|高中|研究院|研究所|科学院|党校)(?:大学|研究生院)?"
)
_ZH_DEPT = regex.compile(r"\p{Han}{1,14}?(?:学院|学系|书院|研究院|研究所|实验室|系)(?!\p{Han})")
_ZH_DEPT_SUFFIX = regex.compile(r"(?:学院|学系|书院|系)$")
_ZH_UNIV_SUFFIX = regex.compile(r"(?:大学|大學)$")
_ZH_GRAD_DEPT = regex.compile(r"(?:研究所|研究院)$")
# A department that names the programme: "资讯工程学系" -> field "资讯工程" (Taiwan, Hong Kong)
# and "企業管理學系碩士在職專班" -> "企業管理": a part-time or degree track after the department is
# the programme's type, not its field
_ZH_MAJOR_DEPT = regex.compile(r"^(?P<field>\p{Han}{2,10}?)(?:学系|系|研究所)"
                               r"(?:(?:硕士|博士|学士)?(?:在职专班|在职班|专班|学位学程|学程))?$")
# "软件工程专业": the word 专业 ("major") after a field is no part of it
_ZH_MAJOR_WORD = regex.compile(r"(?<=\p{Han}{2})\s*(?:专业|專業)$")
# A programme type alone ("在職專班", "硕士专班"): how the degree is taken, not a field
_ZH_TRACK = regex.compile(r"(?:硕士|博士|学士)?(?:在职专班|在职班|专班|学位学程)")
_ZH_LEAD_VERB = regex.compile(r"^(?:就读于|毕业于|就读|毕业|于|在)")

# --------------------------------------------------------------------------- numbers

_NUM = r"\d+(?:\.\d+)?"
_GPA = regex.compile(
    r"(?P<label>(?:(?:Cum(?:ulative)?|Overall|Major|Average|Avg|Total)\.?\s*)?"
    r"(?:C?GPA|G\.P\.A\.?|Grade\s+Point\s+Average|平均学分绩点|平均绩点|学分绩点|绩点|加权平均分|加权成绩|平均成绩|平均分|均分)"
    r"(?:\s*\((?:major|overall|cumulative)\))?\s*[:：]?\s*(?:of\s+)?)"
    r"(?P<vals>" + _NUM + r"(?:\s*(?:/|／|out\s+of)\s*" + _NUM + r")?"
    r"(?:\s*[,，;；]\s*" + _NUM + r"\s*(?:/|／|out\s+of)\s*" + _NUM + r")*)",
    regex.IGNORECASE,
)
_GPA_VALUE = regex.compile(r"(?P<v>" + _NUM + r")(?:\s*(?:/|／|out\s+of)\s*(?P<s>" + _NUM + r"))?", regex.IGNORECASE)
_RANK = regex.compile(
    r"(?P<label>(?:(?:Class|Major|Program|Overall|Grade|Department)\s+)?Rank(?:ing|ed)?|专业排名|年级排名|综合排名|综测排名|成绩排名|排名|名次)"
    r"\s*[:：]?\s*(?:No\.\s*|#\s*|第\s*)?(?P<pos>\d+)\s*(?:st|nd|rd|th)?\s*(?:名\s*)?"
    r"(?:/|／|out\s+of|of|in)\s*(?P<tot>\d+)",
    regex.IGNORECASE,
)

# --------------------------------------------------------------------------- labels

# Lines (or the rest of a line) that are highlights of the entry, not its facts.
_HIGHLIGHT_LABEL = regex.compile(
    r"(?:(?:Relevant|Related|Selected|Core|Major|Main|Key)\s+)?(?:Course\s*work|Courses|Coursework|Modules|Subjects)"
    r"|(?:Master'?s?|Bachelor'?s?|Senior|Undergraduate|Graduation|Ph\.?D\.?)?\s*(?:Thesis|Dissertation|Project)"
    r"|Advis[oe]r|Supervisor|Mentor|Research\s+(?:Interests?|Focus|Areas?|Directions?|Topics?)|Minor|Activities|Clubs"
    r"|Honou?rs?|Awards?|Scholarships?|Exchange|Achievements?"
    r"|主修课程|核心课程|专业课程|相关课程|主要课程|课程|研究方向|研究领域|研究兴趣|导师|指导老师|指导教师"
    r"|毕业论文|毕业设计|论文题目|论文|荣誉|获奖情况|获奖|奖项|在校经历|社团|辅修专业|辅修|双学位|第二学位|双专业|第二专业"
    r"|Double\s+(?:Degree|Major)|Second\s+(?:Degree|Major)|Dual\s+Degree",
    regex.IGNORECASE,
)
_LABEL_AT_START = regex.compile(r"^\s*(?:" + _HIGHLIGHT_LABEL.pattern + r")\s*[:：]", regex.IGNORECASE)
_LABEL_INLINE = regex.compile(r"(?<![\w])(?:" + _HIGHLIGHT_LABEL.pattern + r")\s*[:：]", regex.IGNORECASE)
# Key-value fields: "学校: 浙江大学", "Major: Computer Science".
_KV_LABEL = regex.compile(
    r"(?P<key>School|University|Institution|College|Degree|Major|Field(?:\s+of\s+Study)?|Program(?:me)?|Concentration"
    r"|Dates?|Period|Duration|Location|学校|院校|毕业院校|学校名称|专业|所学专业|专业名称|学历|学位|最高学历|时间|在校时间|起止时间|就读时间|地点|院系|学院)"
    r"\s*[:：]\s*",
    regex.IGNORECASE,
)
_KV_KIND = {
    "school": "institution", "university": "institution", "institution": "institution", "college": "institution",
    "学校": "institution", "院校": "institution", "毕业院校": "institution", "学校名称": "institution",
    "degree": "degree", "学历": "degree", "学位": "degree", "最高学历": "degree",
    "major": "field", "field": "field", "field of study": "field", "program": "field", "programme": "field",
    "concentration": "field", "专业": "field", "所学专业": "field", "专业名称": "field",
    "院系": "department", "学院": "department",
}
# Table header cells: "时间 | 学校 | 专业 | 学历"
_HEADER_WORD = regex.compile(
    r"^(?:时间|起止时间|学校|院校|专业|学历|学位|学院|院系|地点|备注|Date|Dates|Period|School|University|Institution|"
    r"Degree|Major|Location|GPA|CGPA|Course|Qualification|Examination|Exam|Board|Board/University|University/Board|"
    r"Year|Year of Passing|Passing Year|Year of Completion|Score|Marks|Percentage|Percentage/CGPA|CGPA/Percentage|Grade|Result)$",
    regex.IGNORECASE)
# "8.62 CGPA", "3.7 GPA": the value before its label (Indian resumes, table cells)
_GPA_AFTER = regex.compile(r"(?<![\w.])(?P<vals>" + _NUM + r")(?:\s*/\s*(?P<s>" + _NUM + r"))?\s*(?P<label>C?GPA|CPI|SGPA)\b")
# a table cell that is only a percentage ("| 92.4% |"): the score on a 100 scale
_PERCENT_CELL = regex.compile(r"(?:^|[|｜\t])\s*(?P<v>\d{2}(?:\.\d{1,2})?)\s*%\s*(?=[|｜\t]|$)")

_AWARD_WORDS = regex.compile(
    r"\b(?:scholarships?|awards?|prizes?|winners?|honou?rs?|medal(?:ist)?s?|fellowships?|dean'?s\s+list|"
    r"valedictorian|salutatorian|cum\s+laude|finalist|champion(?:ship)?|first\s+place|1st\s+place|runner-up|"
    r"outstanding\s+(?:student|graduate)s?|merit\s+student)\b"
    r"|奖学金|三好学生|优秀毕业生|优秀学生|优秀团员|优秀干部|标兵|一等奖|二等奖|三等奖|特等奖|金奖|银奖|铜奖|荣誉称号|获奖|奖",
    regex.IGNORECASE,
)
_NOT_AWARD_START = regex.compile(r"^\s*(?:(?:Cum(?:ulative)?\.?\s*)?C?GPA|Rank|Relevant|Course|Thesis|绩点|排名|主修|课程)",
                                 regex.IGNORECASE)
_AWARD_LIST_LABEL = regex.compile(r"^\s*(?:Honou?rs?|Awards?|Scholarships?|荣誉|获奖情况|获奖|奖项)\s*[:：]\s*", regex.IGNORECASE)
_AWARD_ITEM_SEP = regex.compile(r"\s*[,，;；、]\s*")
_PAREN = regex.compile(r"[(（]([^()（）\n]{2,80})[)）]")

_CONTACT = regex.compile(
    r"@[\w-]+\.|https?://|www\.|^(?:e-?mail|mobile|phone|tel|cell|电话|手机|邮箱)\s*[:：]|\+?\d[\d\s-]{8,}\d",
    regex.IGNORECASE,
)
_GPA_HINTS = ("gpa", "g.p.a", "grade point", "绩点", "平均分", "均分", "平均成绩", "加权")
_RANK_HINTS = ("rank", "排名", "名次")


def _maybe_contact(text: str) -> bool:
    return "@" in text or ":" in text or "：" in text or "www" in text or sum(c.isdigit() for c in text) >= 9


_EXPECTED = regex.compile(r"\b(?:expected|anticipated|exp\.|candidate)\b|预计|预期", regex.IGNORECASE)
_HAN = regex.compile(r"\p{Han}")
_YM = regex.compile(r"(\d{4})(?:-(\d{2}))?")
_DIGIT = regex.compile(r"\d")
_NOT_PLACE = regex.compile(r"(?i)\b(?:university|college|institute|school|science|engineering)\b")
_CAMEL = regex.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")
_STATE_CODE = regex.compile(r"[A-Z]{2,3}")
# two to six capitalised words, no lower-case connector but "of"/"and"/"&": a name
_PROPER_NAME = regex.compile(r"(?:[A-Z][\w'’.-]*|of|and|&)(?:\s+(?:[A-Z][\w'’.-]*|of|and|&)){1,5}")
_WS = regex.compile(r"\s+")
_NOT_FIELD = regex.compile(r"\d|%|@")
_CELL_SPLIT = regex.compile(r"\s*[|｜]\s*|\s{2,}|\t")
_PERCENT = regex.compile(r"\d+\s*%")
_OF_FIELD = regex.compile(r"(?i)(?:Bachelor|Master|Doctor)(?:['’]s)?\s+of\s+(.+)$")
_YEAR_AT_START = regex.compile(r"\s*(?:19|20)\d\d")
_LETTER = regex.compile(r"[A-Za-z\p{Han}]")
_WORDS = regex.compile(r"[A-Za-z][\w'’.&-]*|\p{Han}")
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())


def _lang_of(text: str) -> str:
    return "zh" if _HAN.search(text) else "en"


def _title_case(text: str) -> str:
    """``INFORMATION ENGINEERING`` -> ``Information Engineering`` (only ALL-CAPS text changes)."""
    letters = [c for c in text if c.isalpha() and c.isascii()]
    if not letters or not all(c.isupper() for c in letters) or len(letters) < 4:
        return text
    words = text.lower().split(" ")
    return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words))


# --------------------------------------------------------------------------- dates

def _month_index(value: str | None, is_end: bool = False) -> int | None:
    if not value:
        return None
    if value == "present":
        return 10 ** 6
    m = _YM.match(value)
    if not m:
        return None
    return int(m[1]) * 12 + (int(m[2]) if m[2] else (12 if is_end else 1)) - 1


# --------------------------------------------------------------------------- gazetteer / locations

def _gazetteer_institutions(text: str, offset: int) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in institutions().find(text, offset)]


# "Cleveland, OH", "Hanoi, Vietnam", "深圳, 中国": places the gazetteer may not list, read by shape;
# the gazetteer still says what each part is (a country, a state or province).
_LOC_FALLBACK = regex.compile(
    r"^(?P<city>[A-Z][A-Za-z.'’ -]{1,30}?),\s*(?P<b>[A-Z][A-Za-z.'’ -]{1,30}?)(?:,\s*(?P<c>[A-Z][A-Za-z. ]{1,20}))?$"
    r"|^(?P<zcity>\p{Han}{2,6}?)[市]?\s*[,，、 ]\s*(?P<zc>中国|\p{Han}{2,4}省)$"
)


def _place(part: str, kind: str) -> str | None:
    """ISO country of ``part`` when the gazetteer knows it as a place of ``kind``."""
    entity = locations().lookup(part)
    return entity.country if entity is not None and entity.kind == kind else None


def _parse_location(text: str) -> dict | None:
    text = text.strip().strip(".;,")
    if not text or len(text) > 60 or _DIGIT.search(text):
        return None
    loc = parse_location(text)
    if loc:
        return {k: v for k, v in loc.items() if v}
    m = _LOC_FALLBACK.match(text)
    if not m:
        return None
    if m["zcity"]:
        country = _place(m["zc"], "country")
        return {"city": m["zcity"], "country": country} if country else {"city": m["zcity"], "region": m["zc"]}
    city, b, c = m["city"].strip(), m["b"].strip(), (m["c"] or "").strip()
    if _NOT_PLACE.search(text):
        return None
    out: dict[str, Any] = {"city": city[:1].upper() + city[1:].lower() if city.isupper() or _CAMEL.match(city) else city}
    if c:
        out["region"] = b
        out["country"] = _place(c, "country") or (c if len(c) == 2 else None)
    elif _place(b, "country"):
        out["country"] = _place(b, "country")
    elif _place(b, "region") or _STATE_CODE.fullmatch(b.split()[0]):  # "OH", "VA United States"
        out["region"], out["country"] = b, _place(b, "region")
    else:
        return None  # "Accounting and Finance, First Class": no known region or state code after the comma
    return {k: v for k, v in out.items() if v}


# --------------------------------------------------------------------------- paragraph facts

@dataclass(slots=True)
class _Inst:
    start: int
    end: int
    dept_like: bool       # "School of Information", "信息工程学院": a department under a university
    sure: bool = False    # gazetteer hit


@dataclass(slots=True)
class _Degree:
    start: int
    end: int
    canonical: str
    raw: str


@dataclass(slots=True)
class _Facts:
    para: Para
    insts: list[_Inst] = field(default_factory=list)
    degrees: list[_Degree] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    fields: list[Mention] = field(default_factory=list)
    departments: list[Mention] = field(default_factory=list)
    locations: list[Mention] = field(default_factory=list)
    gpas: list[Mention] = field(default_factory=list)
    ranks: list[Mention] = field(default_factory=list)
    highlights: list[Mention] = field(default_factory=list)
    awards: list[Mention] = field(default_factory=list)
    consumed: list[Mention] = field(default_factory=list)
    highlight: bool = False   # the whole paragraph is a highlight
    skip: bool = False        # contact line, table header: no entry content
    head: bool = False        # names an institution or a degree near its start

    @property
    def date_only(self) -> bool:
        return bool(self.dates) and not (self.insts or self.degrees or self.fields or self.locations
                                          or self.gpas or self.highlight or self.highlights)

    @property
    def loc_only(self) -> bool:
        return bool(self.locations) and not (self.insts or self.degrees or self.fields or self.dates
                                              or self.gpas or self.highlight or self.highlights)


def _mention(name: str, value: Any, start: int, end: int, text: str, source: str = _SOURCE) -> Mention:
    return Mention(f"education.{name}", value, start, end, _lang_of(text[start:end]), 1.0, source)


def _free(used: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(e <= start or s >= end for s, e in used)


def _find_degrees(doc_text: str, simp: str, start: int, end: int, used: list[tuple[int, int]]) -> list[_Degree]:
    lex = _lexicon()
    out: list[_Degree] = []
    for pattern in (lex.en, lex.zh):
        for m in pattern.finditer(simp, start, end):
            s, e = m.span()
            if not _free(used, s, e):
                continue
            key = _WS.sub(" ", m[0]).replace("’", "'").casefold()
            canon = lex.canonical.get(key)
            if canon is None:
                continue
            raw = doc_text[s:e]
            # "Bachelor of <Field>" not in the table: degree_raw runs over "of <Field>"
            if canon and key in ("bachelor", "master", "doctor", "bachelor's", "master's"):
                tail = _OF_TAIL.match(doc_text, e, end)
                if tail:
                    e = tail.end()
                    raw = doc_text[s:e]
            if raw.isupper() and lex.display.get(key, raw).upper() == raw and len(raw) > 2 and "." in raw:
                raw = lex.display[key]
            out.append(_Degree(s, e, canon, raw))
            used.append((s, e))
    out.sort(key=lambda d: d.start)
    return out


def _continue_name(doc_text: str, inst: _Inst, end: int, out: list[_Inst], used: list[tuple[int, int]]) -> None:
    """Extend a Latin institution name over an institution-type phrase that follows it, or record
    that phrase as a unit (department) of it; see ``_EN_NAME_JOINER``."""
    if inst.dept_like or _HAN.search(doc_text, inst.start, inst.end):
        return
    joiner = _EN_NAME_JOINER.match(doc_text, inst.end, end)
    if joiner is None:
        return
    at = joiner.end()
    nxt = next(iter(_en_institutions(doc_text, at, end)), None)
    if nxt is None or nxt[0] != at:
        return
    s, e = tidy_span(doc_text, at, nxt[1], " ,.")
    part = doc_text[s:e]
    if len(part.split()) < 2 or not _free(used, s, e):
        return
    if not _EN_UNIV_LEVEL.search(part) and (_EN_UNIT_HEAD.search(part)
                                            or _EN_UNIV_LEVEL.search(doc_text, inst.start, inst.end)):
        out.append(_Inst(s, e, True))
    else:
        inst.end = e
    used.append((s, e))


def _find_institutions(doc_text: str, simp: str, start: int, end: int, used: list[tuple[int, int]]) -> list[_Inst]:
    out: list[_Inst] = []
    for s, e in _gazetteer_institutions(simp[start:end], start):
        if _free(used, s, e):
            inst = _Inst(s, e, bool(_EN_DEPT_PREFIX.match(doc_text[s:e])), True)
            out.append(inst)
            used.append((s, e))
            _continue_name(doc_text, inst, end, out, used)
    for s, e in _en_institutions(doc_text, start, end):
        s, e = tidy_span(doc_text, s, e, " ,.")
        if not _free(used, s, e) or len(doc_text[s:e].split()) < 2:
            continue
        inst = _Inst(s, e, bool(_EN_DEPT_PREFIX.match(doc_text[s:e])))
        out.append(inst)
        used.append((s, e))
        _continue_name(doc_text, inst, end, out, used)
    for m in _ZH_INST.finditer(simp, start, end):
        s, e = m.span()
        lead = _ZH_LEAD_VERB.match(simp, s, e)
        if lead:
            s = lead.end()
        if e - s < 3 or not _free(used, s, e):
            continue
        name = simp[s:e]
        dept_like = bool(_ZH_DEPT_SUFFIX.search(name)) and not _ZH_UNIV_SUFFIX.search(name)
        # "國立清華大學 資訊工程研究所": a graduate institute right after its university
        if not dept_like and _ZH_GRAD_DEPT.search(name) and out and not out[-1].dept_like \
                and _ZH_UNIV_SUFFIX.search(simp[out[-1].start:out[-1].end]) and not simp[out[-1].end:s].strip(" \t\u3000"):
            dept_like = True
        out.append(_Inst(s, e, dept_like))
        used.append((s, e))
    out.sort(key=lambda i: i.start)
    return out


def _add_gpas(facts: _Facts, text: str, start: int, end: int, used: list[tuple[int, int]]) -> None:
    low = text[start:end].casefold()
    gpa_hint = any(k in low for k in _GPA_HINTS)
    for m in (_GPA.finditer(text, start, end) if gpa_hint else ()):
        ls, le = tidy_span(text, *m.span("label"), " :：")
        facts.consumed.append(Mention("education._label", "GPA", ls, le, _lang_of(text[ls:le]), 1.0, _SOURCE))
        for v in _GPA_VALUE.finditer(text, *m.span("vals")):
            value = float(v["v"])
            scale = float(v["s"]) if v["s"] else None
            if scale is not None and (value > scale or scale not in (4.0, 4.3, 4.5, 5.0, 7.0, 10.0, 20.0, 100.0)):
                continue
            if scale is None and value > 100:
                continue
            facts.gpas.append(_mention("gpa", {"value": value, "scale": scale}, v.start(), v.end(), text))
        used.append(m.span())
    for m in (_GPA_AFTER.finditer(text, start, end) if gpa_hint or "cpi" in low else ()):
        if not _free(used, *m.span()):
            continue
        value, scale = float(m["vals"]), float(m["s"]) if m["s"] else None
        if scale is None and value <= 10 and m["label"].upper() in ("CGPA", "CPI", "SGPA"):
            scale = 10.0  # Indian cumulative grade points are out of 10
        if value > (scale or 10):
            continue
        facts.consumed.append(Mention("education._label", m["label"], m.start("label"), m.end("label"), "en", 1.0, _SOURCE))
        facts.gpas.append(_mention("gpa", {"value": value, "scale": scale}, m.start("vals"), m.end("s") if m["s"] else m.end("vals"), text))
        used.append(m.span())
    if "%" in low and ("|" in low or "\t" in low):
        for m in _PERCENT_CELL.finditer(text, start, end):
            facts.gpas.append(_mention("gpa", {"value": float(m["v"]), "scale": 100.0}, m.start("v"), m.end(), text))
            used.append(m.span("v"))
    for m in (_RANK.finditer(text, start, end) if any(k in low for k in _RANK_HINTS) else ()):
        pos, tot = int(m["pos"]), int(m["tot"])
        if not 0 < pos <= tot:
            continue
        ls, le = m.span("label")
        facts.consumed.append(Mention("education._label", "Rank", ls, le, _lang_of(text[ls:le]), 1.0, _SOURCE))
        facts.ranks.append(_mention("rank", {"position": pos, "total": tot}, m.start("pos"), m.end(), text))
        used.append(m.span())


def _highlight(text: str, s: int, e: int) -> Mention | None:
    s, e = tidy_span(text, s, e, " \t\n")
    if e <= s:
        return None
    return _mention("highlights", tidy(text[s:e]), s, e, text)


def _award_mentions(text: str, s: int, e: int) -> list[Mention]:
    """Award titles in a highlight ``text[s:e]`` (a whole bullet, or an ``Honors:`` list)."""
    chunk = text[s:e]
    if _NOT_AWARD_START.match(chunk) or not _AWARD_WORDS.search(chunk):
        return []
    label = _AWARD_LIST_LABEL.match(chunk)
    if label:
        out = []
        for a, b in segments(text, s + label.end(), e, split=_AWARD_ITEM_SEP):
            if _LETTER.search(text[a:b]):
                out.append(Mention("awards.title", tidy(text[a:b]), a, b, _lang_of(text[a:b]), 1.0, _SOURCE))
        return out
    if _LABEL_AT_START.match(chunk):
        return []
    # "获国家奖学金、三好学生", "National Scholarship (2019), Dean's List": one award per item when
    # every item names one ("First Prize, ACM Contest" stays whole)
    items = segments(text, s, e, split=_AWARD_ITEM_SEP)
    if len(items) > 1 and all(_AWARD_WORDS.search(text[a:b]) for a, b in items):
        return [Mention("awards.title", tidy(text[a:b]), a, b, _lang_of(text[a:b]), 1.0, _SOURCE) for a, b in items]
    a, b = tidy_span(text, s, e, " \t\n.;。；")
    return [Mention("awards.title", tidy(text[a:b]), a, b, _lang_of(text[a:b]), 1.0, _SOURCE)]


def _is_own_abbreviation(abbr: str, degree_raw: str) -> bool:
    """"Master of Applied Science (MASc)": a capitalised abbreviation right after a spelt-out
    degree, with the degree's initial, names that degree (not a field)."""
    return " " in degree_raw and " " not in abbr and abbr[:1].isupper() and abbr[:1] == degree_raw[:1] \
        and any(c.isupper() for c in abbr[1:])


def _field_like(piece: str) -> bool:
    if not piece or _NOT_FIELD.search(piece):
        return False
    if _HAN.search(piece):
        return 2 <= len(piece.replace(" ", "")) <= 16
    words = piece.split()
    return 1 <= len(words) <= 8 and piece[:1].isalpha() and piece[:1].isupper()


def _analyse(doc, para: Para) -> _Facts:
    text, simp = doc.text, doc.simplified
    cs, end = para.content_start, para.end
    facts = _Facts(para)
    content = text[cs:end]
    if _maybe_contact(content) and _CONTACT.search(content) and not (
            _has_en_institution(text, cs, end) or _ZH_INST.search(simp, cs, end)):
        facts.skip = True
        return facts
    cells = [c for c in _CELL_SPLIT.split(content.strip()) if c]
    if cells and all(_HEADER_WORD.match(c) for c in cells):
        facts.skip = True
        for a, b in segments(text, cs, end):
            facts.consumed.append(Mention("education._label", text[a:b], a, b, _lang_of(text[a:b]), 1.0, _SOURCE))
        return facts

    used: list[tuple[int, int]] = []
    _add_gpas(facts, text, cs, end, used)

    label = _LABEL_AT_START.match(content)
    if label or (para.bullet and not _starts_with_fact(doc, cs, end)):
        facts.highlight = True
        h = _highlight(text, cs, end)
        if h:
            facts.highlights.append(h)
            facts.awards.extend(_award_mentions(text, h.start, h.end))
        return facts

    # key-value labels: "专业: 计算机", "Degree: B.S."
    kv_kind: dict[tuple[int, int], str] = {}
    colon = ":" in content or "：" in content
    for m in (_KV_LABEL.finditer(text, cs, end) if colon else ()):
        if m.start() != cs and text[m.start() - 1] not in " \t|｜;；,，":
            continue
        kind = _KV_KIND.get(_WS.sub(" ", m["key"]).casefold())
        facts.consumed.append(Mention("education._label", m["key"], m.start("key"), m.end("key"),
                                      _lang_of(m["key"]), 1.0, _SOURCE))
        used.append(m.span())
        if kind:
            nxt = _KV_LABEL.search(text, m.end(), end)
            stop = nxt.start() if nxt else end
            kv_kind[(m.end(), stop)] = kind

    # inline highlight labels: "... 硕士 研究方向: 机器学习" -> the rest of the line
    inline = _LABEL_INLINE.search(text, cs, end) if colon else None
    if inline and _free(used, inline.start(), end):
        h = _highlight(text, inline.start(), end)
        if h:
            facts.highlights.append(h)
            facts.consumed.append(Mention("education._label", inline[0].rstrip(":： "), inline.start(),
                                          inline.start() + len(inline[0].rstrip(":： ")), h.lang, 1.0, _SOURCE))
            facts.awards.extend(_award_mentions(text, h.start, h.end))
        end_scan = inline.start()
    else:
        end_scan = end

    for r in find_dates(simp[cs:end_scan], cs):
        if _free(used, r.start, r.end):
            facts.dates.append(r)
            used.append((r.start, r.end))

    # parenthesised awards "(University Honors)"; other parentheses stay text
    for m in _PAREN.finditer(text, cs, end_scan):
        if _free(used, *m.span()) and _AWARD_WORDS.search(m[1]) and not _PERCENT.search(m[1]) \
                and not _HONS_PAREN.fullmatch(m[0]):
            a, b = tidy_span(text, *m.span(1), " ")
            facts.awards.append(Mention("awards.title", tidy(text[a:b]), a, b, _lang_of(text[a:b]), 1.0, _SOURCE))
            used.append(m.span())

    # "Higher School Certificate (HSC), Merewether High School": a degree name with an institution
    # head word inside it (and not at its end) is read before the institutions
    early = [d for d in _find_degrees(text, simp, cs, end_scan, list(used))
             if _EN_HEAD_RE.search(d.raw) and not _EN_HEAD_RE.fullmatch(d.raw.split()[-1])]
    used.extend((d.start, d.end) for d in early)
    facts.insts = _find_institutions(text, simp, cs, end_scan, used)
    facts.degrees = sorted(early + _find_degrees(text, simp, cs, end_scan, used), key=lambda d: d.start)


    # field after the degree: "B.Eng. in Communication Engineering", "Bachelor of Software Engineering"
    for d in facts.degrees:
        if d.canonical is None:
            continue
        pos = d.end
        abbr = _PAREN_ABBR.match(text, pos, end_scan)
        if abbr and (_lexicon().en.fullmatch(abbr[1].strip()) or _is_own_abbreviation(abbr[1].strip(), d.raw)):
            used.append(abbr.span())
            facts.consumed.append(_mention("_label", abbr[0].strip(), *tidy_span(text, *abbr.span(), " "), text))
            pos = abbr.end()
        hons = _HONS_PAREN.match(text, pos, end_scan)
        if hons:
            used.append(hons.span())
            facts.consumed.append(_mention("_label", hons[0].strip(), *tidy_span(text, *hons.span(), " "), text))
            pos = hons.end()
        lead = _IN_FIELD.match(text, pos, end_scan)
        if lead and not _HAN.search(text[d.start:d.end]):
            fs = lead.end()
            fe = _field_end(text, fs, end_scan, used)
            fs, fe = tidy_span(text, fs, fe, " .,;:")
            if fe > fs and _field_like(text[fs:fe]):
                facts.fields.append(_mention("field", _title_case(tidy(text[fs:fe])), fs, fe, text))
                used.append((fs, fe))
                continue
        # "Bachelor of Mathematics, Computer Science" (LinkedIn: degree, field of study)
        comma = _COMMA_FIELD.match(text, pos, end_scan) if not _HAN.search(text[d.start:d.end]) else None
        if comma:
            fs = comma.end()
            fe = _field_end(text, fs, end_scan, used)
            fs, fe = tidy_span(text, fs, fe, " .,;:")
            piece = text[fs:fe]
            if fe > fs and _field_like(piece) and not _EN_HEAD_RE.search(piece) and not _NOT_COMMA_FIELD.search(piece) \
                    and not _parse_location(piece) and not _lexicon().en.search(piece):
                facts.fields.append(_mention("field", _title_case(tidy(piece)), fs, fe, text))
                used.append((fs, fe))
                continue
        of = _OF_FIELD.match(text[d.start:d.end])
        if of and of[1].split()[0].casefold() not in _GENERIC_OF:
            fs = d.start + of.start(1)
            facts.fields.append(_mention("field", _title_case(tidy(of[1])), fs, d.end, text))

    # what is left: locations, fields, departments
    pieces = _leftovers(text, simp, cs, end_scan, used)
    has_head = bool(facts.insts or facts.degrees)
    for a, b in pieces:
        piece = text[a:b]
        kind = next((k for (ks, ke), k in kv_kind.items() if ks <= a and b <= ke), None)
        if _HAN.search(piece) and not kind:
            loc = _parse_location(piece)
            if loc:
                facts.locations.append(_mention("location", loc, a, b, text))
                continue
        for a, b in (segments(text, a, b, split=_HAN_SPACE) if _HAN.search(piece) else [(a, b)]):
            _classify_piece(facts, text, simp, a, b, kind, has_head)

    facts.head = has_head
    # a non-bullet line with nothing recognised but prose: a highlight of the entry
    if not (facts.insts or facts.degrees or facts.dates or facts.locations or facts.fields or facts.gpas
            or facts.ranks or facts.departments or facts.highlights or facts.awards):
        words = _WORDS.findall(content)
        if len(words) >= 3:
            facts.highlight = True
            h = _highlight(text, cs, end)
            if h:
                facts.highlights.append(h)
                facts.awards.extend(_award_mentions(text, h.start, h.end))
    return facts


def _classify_piece(facts: _Facts, text: str, simp: str, a: int, b: int, kind: str | None, has_head: bool) -> None:
    """A leftover piece of a line: institution/department/field by its label, a location, a department
    (``信息工程学院``) or, on a head line, the field of study."""
    piece = text[a:b]
    if kind == "institution":
        facts.insts.append(_Inst(a, b, False))
        return
    if kind == "degree":
        return
    if _maybe_contact(piece) and _CONTACT.search(piece):
        return
    if _STATUS_WORD.fullmatch(piece.strip()):
        facts.consumed.append(_mention("_label", piece.strip(), a, b, text))
        return
    loc = None if kind in ("field", "department") else _parse_location(piece)
    if loc:
        facts.locations.append(_mention("location", loc, a, b, text))
        return
    if kind == "department":
        facts.departments.append(_mention("department", tidy(piece), a, b, text))
        return
    if _HAN.search(piece) and not kind:
        dept = _ZH_DEPT.fullmatch(simp, a, b)
        if dept and len(piece) >= 3:
            facts.departments.append(_mention("department", piece, a, b, text))
            return
    cls = _CLASS_TAIL.search(piece) if kind != "field" else None
    if cls and cls.start() > 0:
        # "Accounting and Finance, First Class": the degree's classification is no part of the field
        cs, ce = tidy_span(text, a + cls.start(), b, " ,")
        facts.consumed.append(_mention("_label", text[cs:ce], cs, ce, text))
        b = a + cls.start()
        piece = text[a:b]
    if has_head and not kind and facts.degrees and facts.fields and not facts.insts:
        # "Certificate IV in Electrical, TAFE NSW Hamilton, 2017": degree, field, then the provider
        na = a + piece.rfind(",") + 1 if "," in piece else a
        na, nb = tidy_span(text, na, b, " ,")
        if _PROPER_NAME.fullmatch(text[na:nb]) and not _lexicon().en.search(text[na:nb]):
            facts.insts.append(_Inst(na, nb, False))
            if na == a:
                return
            b = a + piece.rfind(",")
            piece = text[a:b]
    school_only = bool(facts.degrees) and all(d.canonical == "high_school" for d in facts.degrees)
    if (kind == "field" or (has_head and not school_only)) and _field_like(piece):
        # a school-leaving qualification names no field: "Class XII (CBSE)", "A-levels: Mathematics (A*)"
        if _ZH_TRACK.fullmatch(simp, a, b):
            facts.consumed.append(_mention("_label", piece, a, b, text))
            return
        major = _ZH_MAJOR_WORD.search(simp, a, b)
        if major:
            b = major.start()
            piece = text[a:b]
        lang = _lang_of(piece)
        if not any(f.lang == lang for f in facts.fields):
            facts.fields.append(_mention("field", _title_case(tidy(piece)), a, b, text))


def _starts_with_fact(doc, cs: int, end: int) -> bool:
    """A bullet that opens with an institution, a degree or a date is an entry line, not a highlight."""
    text, simp = doc.text, doc.simplified
    head = text[cs:min(end, cs + 60)]
    first = next((s for s, e in _en_institutions(text, cs, end) if len(text[s:e].split()) >= 2), None)
    zh = _ZH_INST.search(simp, cs, end)
    for at in (first, zh.start() if zh else None):
        if at is not None and at - cs <= 25 and len(_WORDS.findall(text[cs:at])) <= 4:
            return True
    for pattern in (_lexicon().en, _lexicon().zh):
        d = pattern.search(simp, cs, min(end, cs + 30))
        if d and len(_WORDS.findall(text[cs:d.start()])) <= 2 and len(_WORDS.findall(text[cs:end])) <= 25:
            return True
    if _YEAR_AT_START.match(head) and len(_WORDS.findall(text[cs:end])) <= 25:
        return True
    return False


def _field_end(text: str, start: int, end: int, used: list[tuple[int, int]]) -> int:
    stop = _FIELD_STOP.search(text, start, end)
    fe = stop.start() if stop else end
    for s, _ in used:
        if start < s < fe:
            fe = s
    return fe


def _leftovers(text: str, simp: str, start: int, end: int, used: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of ``[start, end)`` outside ``used``, cut at column separators (and, for Han, at spaces)."""
    out: list[tuple[int, int]] = []
    pos = start
    for s, e in sorted(u for u in used if u[1] > start and u[0] < end):
        if s > pos:
            out.extend(_cut(text, pos, s))
        pos = max(pos, e)
    if pos < end:
        out.extend(_cut(text, pos, end))
    return [(a, b) for a, b in out if _LETTER.search(text[a:b])]


_HAN_SPACE = regex.compile(r"(?<=\p{Han})\s+|\s+(?=\p{Han})|\s*(?:[|｜丨│;；,，、]|\t|\s{2,})\s*")


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for a, b in segments(text, start, end):
        piece = text[a:b]
        if _HAN.search(piece):
            out.append((a, b))
        else:
            a, b = tidy_span(text, a, b, " ,.;:()")
            if b > a:
                out.append((a, b))
    return out


# --------------------------------------------------------------------------- entries

@dataclass(slots=True)
class _Entry:
    facts: list[_Facts] = field(default_factory=list)
    parent: "_Entry | None" = None     # a second degree at the institution of ``parent``
    extra_dates: list[Any] = field(default_factory=list)
    extra_locations: list[Mention] = field(default_factory=list)

    def insts(self) -> list[_Inst]:
        return [i for f in self.facts for i in f.insts if not i.dept_like] or \
            [i for f in self.facts[:1] for i in f.insts if i.dept_like]

    def has_inst(self) -> bool:
        return any(i for f in self.facts for i in f.insts)

    def degrees(self) -> list[_Degree]:
        return [d for f in self.facts for d in f.degrees]

    def dates(self) -> list[Any]:
        return [d for f in self.facts for d in f.dates] + self.extra_dates

    def first_range(self):
        ds = self.dates()
        ranges = [d for d in ds if not d.single]
        return ranges[0] if ranges else (ds[0] if ds else None)

    def degree_rank(self) -> int | None:
        for d in self.degrees():
            r = _DEGREE_RANK.get(d.canonical)
            if r is not None:
                return r
        return None


def _inst_lang(doc, inst: _Inst) -> str:
    return _lang_of(doc.text[inst.start:inst.end])


def _starts_new(doc, cur: _Entry, f: _Facts) -> bool:
    if f.highlight or not cur.facts:
        return False
    cur_insts = [i for g in cur.facts for i in g.insts]
    if f.insts and not f.degrees and not cur.degrees():
        # "University of Toronto" / "Exchange Student, Rotman School of Management": a faculty of it
        text = doc.text
        if any(not i.dept_like and _EN_UNIV_WORD.search(text[i.start:i.end]) for i in cur_insts):
            for i in f.insts:
                name = text[i.start:i.end]
                if not i.dept_like and not i.sure and _EN_SUBUNIT.search(name) and not _EN_UNIV_WORD.search(name):
                    i.dept_like = True
    if f.insts:
        new_real = [i for i in f.insts if not i.dept_like]
        if new_real and any(not i.dept_like for i in cur_insts):
            cur_langs = {_inst_lang(doc, i) for i in cur_insts if not i.dept_like}
            same_lang = any(_inst_lang(doc, i) in cur_langs for i in new_real)
            if same_lang or f.para.bullet or f.para.styled or cur.dates() and f.dates:
                return True
        if (f.para.bullet or f.para.styled) and f.insts[0].start - f.para.content_start <= 2 and \
                any(g.highlight for g in cur.facts):
            return True
    if f.degrees:
        cur_deg = cur.degrees()
        if cur_deg and not f.insts and not f.dates and all(d.canonical == "high_school" for d in cur_deg + f.degrees):
            return False  # "A-levels: …" then "GCSEs: …" under one school: its school-leaving results
        if cur_deg:
            langs = {_lang_of(d.raw) for d in cur_deg}
            canon = {d.canonical for d in cur_deg}
            if any(_lang_of(d.raw) in langs or d.canonical not in canon for d in f.degrees):
                return True
    if f.dates and cur.dates() and not f.insts and not f.degrees and f.date_only:
        return True
    if f.dates and cur.dates() and (f.insts or f.degrees) and not cur.facts[-1].date_only:
        return True
    return False


def _build(doc, facts: list[_Facts]) -> list[_Entry]:
    entries: list[_Entry] = []
    cur: _Entry | None = None
    pending: list[_Facts] = []  # a table header before the first entry: its labels go to that entry
    for f in facts:
        if f.skip:
            if cur is not None:
                cur.facts.append(f)
            else:
                pending.append(f)
            continue
        if cur is None or _starts_new(doc, cur, f):
            parent = cur if (cur is not None and f.degrees and not f.insts and cur.has_inst()) else None
            cur = _Entry(parent=parent)
            entries.append(cur)
        cur.facts.append(f)
        if pending:
            cur.facts[:0] = pending
            pending = []
    # an entry with neither institution nor degree: fold it into a neighbour
    out: list[_Entry] = []
    for e in entries:
        if not e.has_inst() and not e.degrees() and out:
            out[-1].facts.extend(e.facts)
        else:
            out.append(e)
    if out and len(out) > 1 and not out[0].has_inst() and not out[0].degrees():
        out[1].facts[:0] = out[0].facts
        out = out[1:]
    return out


def _assign_tail(doc, entries: list[_Entry], tail: list[_Facts]) -> bool:
    """Hand trailing date/location paragraphs to the entries; False when they are not orphans."""
    if not entries:
        return False
    tail_dates = [r for f in tail if f.date_only for r in f.dates]
    tail_locs = [m for f in tail if f.loc_only for m in f.locations]
    if not (len(tail_dates) >= 2 or len(tail_locs) >= 2 or (tail_dates and entries[-1].dates())):
        return False
    if len(entries) < 2 and len(tail_dates) < 2:
        return False
    targets = [e for e in entries if not e.dates()] or entries
    perm: tuple[int, ...] = tuple(range(min(len(tail_dates), len(targets))))
    if tail_dates:
        ranks = [e.degree_rank() for e in targets]

        def violations(assign: tuple[int, ...]) -> int:
            starts: dict[int, int] = {}
            for item, slot in enumerate(assign):
                idx = _month_index(tail_dates[item].date_from)
                if idx is not None:
                    starts[slot] = idx
            bad = 0
            for a in starts:
                for b in starts:
                    ra, rb = ranks[a], ranks[b]
                    if ra is not None and rb is not None and ra < rb and starts[a] > starts[b]:
                        bad += 1
            return bad

        perm = assign_orphans(len(tail_dates), len(targets), violations)
        for item, slot in enumerate(perm):
            targets[slot].extra_dates.append(tail_dates[item])
    loc_targets = [e for e in entries if not _entry_locations(e)]
    if tail_locs and loc_targets:
        same = len(tail_locs) == len(perm) and loc_targets == targets
        for item, loc in enumerate(tail_locs[:len(loc_targets)]):
            slot = perm[item] if same else item
            loc_targets[slot].extra_locations.append(loc)
    for f in tail:
        entries[-1].facts.append(_Facts(f.para, skip=True, consumed=f.consumed))
    return True


def _entry_locations(e: _Entry) -> list[Mention]:
    return [m for f in e.facts for m in f.locations] + e.extra_locations


def _first_per_lang(mentions: Iterable[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if m.lang not in {o.lang for o in out}:
            out.append(m)
    return out


def _draft(doc, view, entry: _Entry) -> tuple[Draft, list[Draft]]:
    text = doc.text
    paras = [f.para for f in entry.facts]
    start = min(p.content_start for p in paras)
    end = max(p.end for p in paras)
    lang = view.lang if view.lang in ("en", "zh") else "en"
    d = Draft("education", lang, start, end)

    insts = entry.insts() or (entry.parent.insts() if entry.parent else [])
    inst_mentions = [_mention("institution", tidy(text[i.start:i.end]), i.start, i.end, text) for i in insts]
    if inst_mentions:
        d.fields["institution"] = _first_per_lang(inst_mentions)
    real = {(i.start, i.end) for i in insts}
    depts = [_mention("department", tidy(text[i.start:i.end]), i.start, i.end, text)
             for f in entry.facts for i in f.insts if i.dept_like and (i.start, i.end) not in real]
    depts += [m for f in entry.facts for m in f.departments]
    if depts:
        d.fields["department"] = _first_per_lang(depts)

    degrees = entry.degrees()
    if degrees:
        d.set(_mention("degree", degrees[0].canonical, degrees[0].start, degrees[0].end, text))
        d.fields["degree_raw"] = _first_per_lang(
            _mention("degree_raw", g.raw, g.start, g.end, text) for g in degrees)
    fields = [m for f in entry.facts for m in f.fields]
    if not any(m.lang == "zh" for m in fields):
        for m in d.fields.get("department", []):
            fm = _ZH_MAJOR_DEPT.match(doc.simplified[m.start:m.end]) if m.lang == "zh" else None
            if fm and not fm["field"].endswith(("学", "大")):
                fields.append(_mention("field", text[m.start:m.start + fm.end("field")], m.start,
                                       m.start + fm.end("field"), text))
                break
    if fields:
        d.fields["field"] = _first_per_lang(fields)

    rng = entry.first_range()
    if rng is not None:
        if rng.date_from:
            d.set(Mention("education.start", rng.date_from, rng.start, rng.end, "en", 1.0, _SOURCE))
        to = rng.date_to if not rng.single else None
        if to:
            d.set(Mention("education.end", to, rng.start, rng.end, "en", 1.0, _SOURCE))
        elif rng.single and rng.date_from:
            # a lone date on an education entry is its end (graduation)
            d.fields.pop("start", None)
            d.set(Mention("education.end", rng.date_from, rng.start, rng.end, "en", 1.0, _SOURCE))
        expected = bool(getattr(rng, "expected", False))
        if not expected:
            para = next((f.para for f in entry.facts if rng in f.dates), None)
            if para is not None and _EXPECTED.search(text, rng.start, min(para.end, rng.end + 14)):
                expected = True
        if expected:
            d.set(Mention("education.expected", True, rng.start, rng.end, "en", 1.0, _SOURCE))
    for r in entry.dates():
        if r is not rng:
            d.consumed.append(Mention("education._date", r.source, r.start, r.end, "en", 1.0, _SOURCE))

    locs = _entry_locations(entry) or (_entry_locations(entry.parent) if entry.parent else [])
    if locs:
        d.set(locs[0])
        d.consumed.extend(Mention("education._location", m.value, m.start, m.end, m.lang, 1.0, _SOURCE)
                          for m in locs[1:])
    ranks = [m for f in entry.facts for m in f.ranks]
    if ranks:
        d.set(ranks[0])
    seen: set[tuple] = set()
    for f in entry.facts:
        for g in f.gpas:
            key = (g.value["value"], g.value["scale"])
            if key not in seen:
                seen.add(key)
                d.add(g)
        for h in f.highlights:
            d.add(h)
        d.consumed.extend(f.consumed)
    awards = []
    for f in entry.facts:
        for a in f.awards:
            ad = Draft("awards", a.lang if a.lang in ("en", "zh") else lang, a.start, a.end)
            title = a
            for r in find_dates(doc.simplified[a.start:a.end], a.start):
                value = r.date_to if (r.single is False and r.date_to and r.date_to != "present") else r.date_from
                if value and r.single:
                    ad.set(Mention("awards.date", value, r.start, r.end, "en", 1.0, _SOURCE))
                    title = _without_edge_date(text, a, r.start, r.end)
                break
            ad.set(title)
            awards.append(ad)
            d.consumed.append(Mention("education._award", a.value, a.start, a.end, a.lang, 1.0, _SOURCE))
    return d, awards


# What may stand between an award title and its date: "National Scholarship (2019)", "2019年 国家奖学金"
_TITLE_BEFORE_DATE = " \t,，;；:：-–—([（"
_TITLE_AFTER_DATE = " \t,，;；:：-–—)]）"
_DATE_REST = " \t,，;；:：-–—()[]（）.。"


def _without_edge_date(text: str, award: Mention, ds: int, de: int) -> Mention:
    """The award title without its date when the date opens or closes it: the date is the award's
    date, not part of its name. A date inside the title stays."""
    if not text[de:award.end].strip(_DATE_REST):
        s, e = award.start, award.start + len(text[award.start:ds].rstrip(_TITLE_BEFORE_DATE))
    elif not text[award.start:ds].strip(_DATE_REST):
        s, e = award.end - len(text[de:award.end].lstrip(_TITLE_AFTER_DATE)), award.end
    else:
        return award
    if e <= s or not _LETTER.search(text, s, e):
        return award
    return Mention(award.field, tidy(text[s:e]), s, e, award.lang, award.score, award.source)


class EducationParser:
    """Section parser for ``education`` sections (English and Chinese)."""

    name = "education"
    kinds = frozenset({"education"})

    def __call__(self, view) -> list[Draft]:
        doc = view.doc
        paras = paragraphs(view)
        if not paras:
            return []
        facts = [_analyse(doc, p) for p in paras]
        body, tail = trailing_run(facts, lambda f: f.date_only or f.loc_only or f.skip)
        entries = _build(doc, body)
        if tail and not _assign_tail(doc, entries, tail):
            entries = _build(doc, facts)
        drafts: list[Draft] = []
        awards: list[Draft] = []
        for entry in entries:
            if not (entry.insts() or entry.degrees() or (entry.parent and entry.parent.insts())):
                continue
            d, a = _draft(doc, view, entry)
            drafts.append(d)
            awards.extend(a)
        return drafts + awards
