"""Experience parser: jobs, internships, research/teaching positions and projects.

Reads ``work``, ``projects`` and ``activities`` sections in English and Chinese and returns
one :class:`~resume_nlp.spans.Draft` per entry (``kind="work"`` or ``kind="projects"``),
plus ``kind="awards"`` drafts for award bullets inside an entry ("Honor Star Employee of
June: ... Awarded by Jizhi team").

How an entry is read:

1. **Grouping.** The section body comes as paragraphs (:func:`layout.paragraphs`). An entry
   is a *head* (title, organization, position, dates, location, labelled lines) followed by
   a *body* (bullets and prose, the highlights). A paragraph opens a new entry when it is
   styled (markdown heading, whole-line bold), carries a date range, is a bullet that is
   followed by more head lines (``• Tencent`` / ``Shenzhen, China``), or a title-like
   bullet followed by a long paragraph (a Chinese research list).
2. **Head cells.** In every head line dates, labelled clauses (``Advisor:``, ``导师:``,
   ``公司名称：``), URLs and e-mails are taken out first; the rest is cut into cells at
   column separators (``|``, ``•``, spaced dashes, two spaces; single spaces between Han
   words). Each cell is a location, a position (a head word from
   ``lexicon/position_words.tsv``), an organization (gazetteer hit, legal or institutional
   suffix, an ALL-CAPS line), a role (``Master Thesis``, ``毕业论文``), a list of people,
   or a title.
3. **Kind.** Project sections give projects. Elsewhere an entry is a project when a role or
   its wording says so (``lexicon/work_types.tsv`` type ``project``: thesis, camp,
   challenge...) or when it has neither position nor employer; otherwise it is work, typed
   from its position and wording.

Values keep the resume's text (ALL-CAPS names are title-cased); every value is a Mention
with its span, in the language of its script.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

import regex

from ..gazetteer import organizations, parse_location
from ..patterns import literal_alternation, pattern
from ..resources import table
from ..spans import Draft, Mention
from .dates import find_dates
from .layout import Para, paragraphs, segments, tidy

__all__ = ["ExperienceParser"]

SOURCE = "experience"

# --------------------------------------------------------------------------- patterns

_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
_LEAD_BULLET = regex.compile(r"^[ \t]*[•·・▪●◆◇■□○◦‣⁃∙◼◾➢➤►▶❖✓✔-][ \t]*")
_PAST_VERB_START = regex.compile(r"[A-Z][a-z]{2,}ed\s+[a-z]")
_ITEM_NUMBER = regex.compile(r"(?:\d{1,2}[.)]|\(\d{1,2}\))[ \t]+(?=[A-Z\p{Han}])")
_TERMINAL = regex.compile(r"[.。!！?？;；]\s*$")
_UNFINISHED = regex.compile(r"(?:[,，、(（/&+-]|\b(?:and|or|of|the|to|with|for|in|on|a|an|by|from|at))\s*$",
                            regex.IGNORECASE)
_URL = regex.compile(r"(?:https?://|www\.)[^\s<>()\u3000，。]+|\b(?:github|gitlab|bitbucket)\.(?:com|io)/[^\s<>()]+",
                     regex.IGNORECASE)
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORD = regex.compile(r"[A-Za-z][\w'’.&/+-]*")

# Supervisor labels; the name follows ("Advisor: Prof. Nathan Jacobs", "导师:曹琼").
_SUPERVISOR_LABEL = regex.compile(
    r"(?:(?<![\w])(?:(?:Research\s+|Academic\s+|Thesis\s+|Faculty\s+)?(?:Advisors?|Advisers?|Supervisors?|Mentors?|"
    r"Hosts?|Leader|Team\s+Leader|Manager|PI|Principal\s+Investigator|Reporting\s+to|Reports?\s+to))|"
    r"导师|指导老师|指导教师|指导导师|合作导师|汇报对象|直属上级|汇报给|带教老师|負責人|负责人)\s*[:：]\s*",
    regex.IGNORECASE,
)
_PERSON_TITLE = regex.compile(r"(?:(?:Assoc(?:iate)?\.?\s+|Assistant\s+|Full\s+)?Prof(?:essor)?\.?|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Miss)\s+")
_EN_NAME = regex.compile(r"[A-Z][a-zA-Z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:van|von|de|der|da|di|le|la)?\s*[A-Z][a-zA-Z'’-]+){1,2}")
_ZH_NAME = regex.compile(r"\p{Han}{2,4}?(?=教授|老师|博士|研究员|副教授|讲师|先生|女士|$|[\s,，、(（;；/]|[A-Za-z0-9])")
_BODY_SUPERVISOR = regex.compile(
    r"(?:under\s+the\s+(?:supervision|guidance|direction|mentorship)\s+of|supervised\s+by|advised\s+by|mentored\s+by)\s+"
    r"(?:(?:Assistant\s+|Associate\s+)?(?:Professor|Prof\.?|Dr\.?)\s+)?"
    r"(?P<name>[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+){1,2})"
    r"|在\s*(?P<zh>\p{Han}{2,4}?)\s*(?:教授|老师|博士|研究员)的?(?:指导|带领)下",
)

# Key-value heads of flattened tables ("公司名称：腾讯 职位：后台开发 时间：2019.07-2021.06").
_KV_TYPES = {
    "公司名称": "org", "公司": "org", "单位名称": "org", "工作单位": "org", "任职单位": "org", "单位": "org",
    "企业名称": "org", "实习单位": "org", "所在公司": "org", "company": "org", "employer": "org",
    "organization": "org", "organisation": "org", "institution": "org",
    "职位名称": "position", "职位": "position", "职务": "position", "岗位": "position", "担任职务": "position",
    "实习岗位": "position", "position": "position", "job title": "position",
    "担任角色": "role", "项目角色": "role", "角色": "role", "role": "role", "title": "title",
    "所在部门": "team", "部门": "team", "department": "team", "team": "team",
    "起止时间": "date", "工作时间": "date", "在职时间": "date", "任职时间": "date", "实习时间": "date",
    "项目时间": "date", "时间": "date", "period": "date", "duration": "date", "dates": "date", "date": "date",
    "time": "date",
    "工作地点": "loc", "地点": "loc", "城市": "loc", "location": "loc",
    "项目名称": "title", "项目": "title", "project name": "title", "project": "title",
}
_KV_LABEL = regex.compile(
    r"(?:(?<=^|\s)|(?<=\p{Han}))(?P<label>" + "|".join(sorted(map(regex.escape, _KV_TYPES), key=len, reverse=True))
    + r")\s*[:：]\s*",
    regex.IGNORECASE,
)
# Body labels: the label is layout, the rest of the line is the highlight.
_BODY_LABEL = regex.compile(
    r"^(?:工作内容|工作职责|主要职责|岗位职责|职责描述|工作描述|项目描述|项目内容|项目简介|项目介绍|项目职责|责任描述|"
    r"主要工作|工作业绩|主要业绩|项目业绩|项目成果|个人职责|实习内容|实践内容|工作内容描述|内容|业绩|"
    r"Responsibilities|Description|Achievements|Key\s+Achievements|"
    r"Duties(?:,?\s+Accomplishments)?(?:,?\s+and\s+Related\s+Skills)?|Summary)\s*[:：]\s*",
    regex.IGNORECASE,
)
# A project's role stated in its body: "项目职责：担任项目负责人，完成…", "本人担任技术负责人。"
# The phrase after 担任 is taken only when it is a job title (a position head word ends it).
_BODY_ROLE = regex.compile(
    r"^(?:(?:项目职责|项目角色|个人职责|本人职责|职责|角色)\s*[:：]\s*)?(?:本人|我)?(?:担任|擔任)"
    r"(?P<role>[^，,。；;、：:\s的与和及]{2,12}?)(?:一职|职务)?(?=[，,。；;]|$)")  # "…的开发与测试" is a task
# Job-site and federal-resume metadata printed in an entry's head: the whole line is layout
# ("所属行业：互联网", "企业性质：民营 | 规模：10000人以上", "Hours per week: 40").
_META_LINE = regex.compile(
    r"^(?:所属行业|行业|企业性质|公司性质|公司规模|规模|公司介绍|企业介绍|公司简介|薪资|月薪|年薪|税前月薪|"
    r"工作性质|汇报对象职位|证明人|"
    r"Grade\s+Level|Series|Pay\s+Plan|Salary|Hours\s+per\s+week|Okay\s+to\s+contact(?:\s+this\s+supervisor)?|"
    r"May\s+contact|Industry|Company\s+size)\s*[:：]",
    regex.IGNORECASE,
)
# A street address or "City, ST 20420 United States" line under an employer (federal resumes).
_ADDRESS_LINE = regex.compile(
    r"^\d{1,6}\s+[A-Z][\w.' ]{1,60}?\b(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|"
    r"Parkway|Pkwy|Highway|Hwy|NW|NE|SW|SE)\.?(?:,?\s+(?:Suite|Ste|Room|Rm)\.?\s*\w+)?$"
    r"|^[A-Z][\w .'-]{1,40},\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?(?:\s+(?:United\s+States|USA|US))?$"
)
# Company size after an employer on a job-site export ("广州宝洁有限公司（1000-9999人）", "(5,000+ employees)").
_COMPANY_SIZE = regex.compile(
    r"[(（]\s*(?:少于|多于|大于)?\s*\d[\d,]*\s*(?:[-–~至]\s*\d[\d,]*\s*)?\+?\s*(?:人|名员工|employees|staff)(?:以上|以下|左右)?\s*[)）]",
    regex.IGNORECASE)
# A pay note after a job title on a job-site export ("高级产品经理 （月薪：35001-50000元）",
# "(Salary: $85,000/yr)"): read so it is not left unparsed, but no part of the title.
_SALARY_NOTE = regex.compile(
    r"[(（]\s*(?:税前|稅前)?(?:月薪|年薪|薪资|薪資|薪酬|salary|pay)\s*[:：]?\s*[^()（）]{1,40}[)）]"
    r"|(?<![^\s|｜])(?:税前|稅前)?(?:月薪|年薪)\s*[:：]\s*[\d.,]+\s*(?:[-–~至]\s*[\d.,]+\s*)?(?:元|k|K|万|千)?(?:\s*/\s*[月年])?",
    regex.IGNORECASE)
# Dot leaders between a title and its dates ("Office Manager, Acme ........ 2017 – Present").
_LEADER = regex.compile(r"[ \t]*(?:\.{3,}|…{2,}|·{3,}|_{3,})[ \t]*")
# A gap in employment, not a job ("Career Break  2015 – 2016", "职业空窗期").
_GAP_ENTRY = regex.compile(
    r"^(?:career\s+(?:break|gap)|employment\s+gap|sabbatical(?:\s+leave)?|gap\s+year|parental\s+leave|family\s+leave|"
    r"personal\s+leave|caregiving|职业空窗期?|空窗期|待业|休假|照顾家庭)\b",
    regex.IGNORECASE,
)
# Any short "label:" at the start of a line ("下属人数：0", "离职原因：…"): not an entry head.
_ANY_LABEL = regex.compile(r"^(?:\p{Han}{2,8}|[A-Za-z][A-Za-z ]{1,20}?)\s*[:：](?!//)")

# Column separators inside a head line.
_CELL_SPLIT = regex.compile(
    r"\x00+|[ \t]*(?:\.{3,}|…{2,})[ \t]*|\s*[|｜丨│•·・]\s*|\s+[–—-]{1,2}\s+|\s*—\s*|\t+|\s{2,}|\s*[;；]\s*")
_CELL_STRIP = " \t,，:：;；-–—|/()（）"

_EN_ORG_SUFFIX = regex.compile(
    r"\b(?:Universit(?:y|ies|ät|é|à)|College|Institute|Institution|School|Academy|Laborator(?:y|ies)|Labs?|"
    r"[A-Z][\w]*-Lab|Cent(?:er|re)|Inc|Corp|Corporation|Company|Co|Ltd|LLC|Limited|GmbH|PLC|Technolog(?:y|ies)|"
    r"Bank|Hospital|Foundation|Agency|Ministry|Bureau|Studios?|Research|Consulting|Systems|Solutions|Partners|"
    r"Capital|Holdings|Group|Association|Society|Council|Committee|Club|Union|Government|Observatory|Museum|"
    r"Library|Court|Firm|Ventures)\b\.?",
    regex.IGNORECASE,
)
# Legal forms after a company name, matched case-sensitively ("Siemens AG", "Zalando SE", "Philips N.V.")
_EN_LEGAL_FORM = regex.compile(
    r"(?<=\w[ ,]\s?)(?:AG|SE|SA|S\.A\.|NV|N\.V\.|BV|B\.V\.|KG|KGaA|GmbH|mbH|Pty|PLC|plc|LLP|LP|SAS|SARL|S\.p\.A\.|SpA|AB|ASA|A/S|Oy|Oyj|K\.K\.|Pte)"
    r"(?![\w.])\.?(?=\s*(?:$|[,&()]))")
_ZH_ORG_SUFFIX = regex.compile(
    r"(?:大学|学院|学校|研究院|研究所|实验室|公司|集团|中心|银行|医院|科学院|工作室|协会|委员会|基金会|事务所|"
    r"学生会|研究生会|社团|俱乐部|团委|政府|分院|分行|总部|事业群|事业部|厂)")
_EN_DEPT_LEAD = regex.compile(r"(?i)(?:the\s+)?(?:Department|Dept\.?|Division|School|Faculty|College|Institute)\s+(?:of|for)\b")
_EN_TEAM = regex.compile(r"\b(?:Team|Group|Lab|Labs|Laboratory|Department|Dept|Division|Unit|Squad|Center|Centre|"
                         r"Studio|Office|Org|Organization)\b\.?", regex.IGNORECASE)
_ZH_TEAM = regex.compile(r"(?:团队|小组|组|部门|部|事业部|事业群|中心|实验室|工作室)$")
# Events: an organization that hosts a project ("Google AI/ML Winter Camp 2019").
_EVENT = regex.compile(
    r"^(?P<org>.*?(?:\b(?:Winter|Summer|Spring|Autumn|Fall)?\s*(?:Camp|Bootcamp|Hackathon|Workshop|School|Program|Programme)"
    r"(?:\s+(?:19|20)\d\d)?|(?:冬令营|夏令营|训练营|黑客马拉松|挑战赛|大赛)(?:\s*(?:19|20)\d\d年?)?))"
    r"\s+(?P<name>(?:[A-Z0-9\"“'‘]|\p{Han}).*)$"
)
_PEOPLE_EN = regex.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}(?:\s*,\s*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}){1,}(?:,?\s*(?:et al\.?|etc\.?))?$")
_PEOPLE_ZH = regex.compile(r"^\p{Han}{2,4}(?:\s*[,，、]\s*\p{Han}{2,4}){1,}$")
_TOPIC_END = regex.compile(r"(?:tion|sion|ing|sis|ment|ics|ity|ance|ence)$|(?:识别|检测|分析|压缩|学习|处理|推荐|搜索|系统|平台|理解|生成|估计|优化)$",
                           regex.IGNORECASE)
_XREF = regex.compile(r"\s*[\[【]\s*(?:附录|附件|Appendix|Annex|见附录)[^\]】]{0,20}[\]】]\s*$", regex.IGNORECASE)
_PAREN = regex.compile(r"[(（](?P<body>[^()（）]{1,200})[)）]")
_PAPER_LABEL = regex.compile(r"^\s*(?:Paper\s+(?:Name|Title)|Title|English(?:\s+Title)?|论文题目|英文名称?)\s*[:：]\s*",
                             regex.IGNORECASE)
_COLON_SPACING = regex.compile(r"\s*:\s*")
_AWARD_HEAD = regex.compile(r"^(?P<title>[^:：]{3,90}?)\s*[:：]")
_AWARDED_BY = regex.compile(r"\b[Aa]warded\s+by\s+(?:the\s+)?(?P<issuer>[A-Z][\w&.'’ -]{1,60}?)(?=\s+(?:for|in|on|at|as)\b|[.,;()]|$)")
_AWARD_WORDS = regex.compile(r"\b(?:Award|Awards|Prize|Honou?r|Honou?rs|Medal|Scholarship|Winner|Champion|Employee of)\b|奖|荣誉|称号",
                             regex.IGNORECASE)
_SKILL_LIST = regex.compile(r"^[A-Z][\w ]{1,20}\s+\S+(?:\s*,\s*[\w+#./ -]{1,25}){3,}$")
_TRAILING_LOC_TAIL = regex.compile(r"(?:^|\s)(?P<loc>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*,\s*[A-Z][\w.'’ -]{1,30})$")


# --------------------------------------------------------------------------- resources

@lru_cache(maxsize=None)
def _position_res() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    en_ci, en_cs, zh = [], [], []
    for row in table("lexicon/position_words.tsv"):
        if len(row) < 2:
            continue
        lang, word = row[0], row[1]
        if lang == "zh":
            zh.append(regex.escape(word))
        elif len(word) <= 3 and word.isalpha():
            en_cs.append(regex.escape(word.upper()))
        else:
            en_ci.append(regex.escape(word))
    by_len = lambda xs: sorted(set(xs), key=len, reverse=True)  # noqa: E731
    return (
        regex.compile(r"(?<![\w-])(?:" + "|".join(by_len(en_ci)) + r")s?(?![\w-])", regex.IGNORECASE),
        regex.compile(r"(?<![\w-])(?:" + "|".join(by_len(en_cs)) + r")s?(?![\w-])"),
        regex.compile(r"(?:" + "|".join(by_len(zh)) + r")(?:[(（][^()（）]*[)）])?\s*$"),
    )


@lru_cache(maxsize=None)
def _type_rules() -> tuple[regex.Pattern, tuple[tuple[regex.Pattern, str], ...]]:
    """The work_types rows in order, and one pattern that finds any of their words.

    Most texts name no type at all; one scan for the rows' words without their word
    boundaries (it matches wherever any row does) rules them out, instead of a search per row.
    """
    out, words, upper = [], [], []
    for row in table("lexicon/work_types.tsv"):
        if len(row) < 3:
            continue
        lang, pattern, kind = row[0], row[1], row[2]
        if lang == "zh":
            out.append((regex.compile(regex.escape(pattern)), kind))
            words.append(pattern)
        elif len(pattern) <= 3 and pattern.isalpha():
            out.append((regex.compile(r"(?<![\w-])" + regex.escape(pattern.upper()) + r"s?(?![\w-])"), kind))
            upper.append(pattern.upper())
        else:
            out.append((regex.compile(r"(?<![\w-])" + regex.escape(pattern) + r"(?![\w-])", regex.IGNORECASE), kind))
            words.append(pattern)
    any_word = regex.compile("(?i:" + literal_alternation(words, ignore_case=True) + ")|" + literal_alternation(upper))
    return any_word, tuple(out)


def _word_type(text: str) -> str | None:
    """The first work_types row that ``text`` matches (its type), or None."""
    any_word, rules = _type_rules()
    if not any_word.search(text):
        return None
    for pattern, kind in rules:
        if pattern.search(text):
            return kind
    return None


@lru_cache(maxsize=None)
def _parse_location(text: str) -> dict | None:
    loc = _cached_location(text)
    return dict(loc) if loc else None


@lru_cache(maxsize=4096)
def _cached_location(text: str) -> dict | None:
    return parse_location(text) or _place_with_country(text)


_PLACE_WORDS = regex.compile(r"[A-Z][\w.'’-]*(?:[ -](?:[A-Z][\w.'’-]*|am|an|de|del|la|le|sur|upon|on))*")


@lru_cache(maxsize=512)
def _place_with_country(text: str) -> dict | None:
    """"Stuttgart, Germany", "Berlin (Germany)", "Ottawa, Ontario, Canada": capitalised place
    names before a country the gazetteer knows (a city it does not list)."""
    text = text.strip()
    paren = pattern(r"([^,()（）]+?)\s*[(（]([^()（）]+)[)）]").fullmatch(text)
    parts = [paren[1], paren[2]] if paren else [x.strip() for x in text.split(",")]
    if any(c in text for c in "()（）") and not paren:
        return None
    if not 2 <= len(parts) <= 3 or len(text) > 60:
        return None
    last = parse_location(parts[-1])
    region = None
    if last and set(last) == {"region", "country"} and _STATE_CODE.fullmatch(parts[-1]) and len(parts) == 2:
        region = last["region"]  # "Cleveland, OH": a city the gazetteer does not list, in a known state
    elif not last and _STATE_CODE.fullmatch(parts[-1]) and parts[-1] in _OTHER_STATES and len(parts) == 2:
        region, last = parts[-1], {"country": _OTHER_STATES[parts[-1]]}
    elif not last or set(last) - {"country"} or not last.get("country"):
        return None
    for part in parts[:-1]:
        if not _PLACE_WORDS.fullmatch(part) or sum(w[:1].isupper() for w in part.split()) > 2 or _EN_ORG_SUFFIX.search(part) \
                or _is_position(part) or _is_org(part, part):
            return None
        if len(part.split()) > 1 and any((parse_location(w) or {}).get("city") for w in part.split()):
            return None  # "Fashion Beijing": a known city inside, the gazetteer reads the shorter place
    out = {"city": parts[0], "country": last["country"]}
    if len(parts) == 3:
        out["region"] = parts[1]
    elif region:
        out["region"] = region
    return out


_STATE_CODE = regex.compile(r"[A-Z]{2,3}")
# Australian states and Canadian provinces the gazetteer may not list ("Sydney, NSW").
_OTHER_STATES = {c: "AU" for c in ("NSW", "VIC", "QLD", "TAS", "ACT")} | \
    {c: "CA" for c in ("ON", "BC", "QC", "AB", "MB", "SK", "NS", "NB", "NL", "PE")}


# --------------------------------------------------------------------------- small helpers

def _lang(text: str) -> str:
    return "zh" if _HAN.search(text) else "en"


@lru_cache(maxsize=4096)
def _is_position(text: str) -> bool:
    """A job title: a position head word, after any organization word ("Research Assistant",
    not "OPPO Research Institute"); the first comma piece decides for a long line."""
    en_ci, en_cs, zh = _position_res()
    if _HAN.search(text):
        m = zh.search(text)
        return bool(m) and not _ZH_ORG_SUFFIX.search(text, m.end())
    first = pattern(r"\s*[,(]\s*").split(text, maxsplit=1)[0]
    words = _WORD.findall(first)
    if not words or len(words) > 8:
        return False
    hits = [m.end() for m in en_ci.finditer(first)] + [m.end() for m in en_cs.finditer(first)]
    if not hits:
        return False
    orgs = [m.end() for m in _EN_ORG_SUFFIX.finditer(first)]
    return not orgs or max(hits) > max(orgs)


@lru_cache(maxsize=4096)
def _is_org(text: str, simp: str) -> bool:
    if _HAN.search(simp):
        if _ZH_ORG_SUFFIX.search(simp):
            return True
    elif _EN_ORG_SUFFIX.search(text) or _EN_LEGAL_FORM.search(text):
        return True
    matches = organizations().find(simp)
    covered = sum(m.end - m.start for m in matches)
    return bool(matches) and matches[0].start <= 1 and covered >= 0.5 * len(text.strip())


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.isascii()]
    long_words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return len(letters) >= 6 and all(c.isupper() for c in letters) and len(long_words) >= 1 and len(_WORD.findall(text)) >= 2


_SMALL = frozenset("of for and the in at on to a an de la du von van with by".split())
_ACRONYM_WORDS = frozenset("LTD CO INC CORP THE AND FOR NEW BIG ONE TOP LAB ART LAW SEA AIR OIL GAS CAR".split())


def _title_case(text: str) -> str:
    """``DATA SCIENCE & ENGINEERING RESEARCH CENTER, ZJU`` -> ``Data Science & Engineering Research Center, ZJU``."""
    out = []
    first = True
    for m in pattern(r"[A-Za-z]+|[^A-Za-z]+").finditer(text):
        tok = m.group()
        if not tok[0].isalpha():
            out.append(tok)
            continue
        low = tok.lower()
        if not first and low in _SMALL:
            out.append(low)
        elif tok.upper() in _ACRONYM_WORDS:
            out.append(tok[0].upper() + tok[1:].lower())
        elif len(tok) <= 3 or not any(c in "AEIOUY" for c in tok.upper()):
            out.append(tok)  # ZJU, TEG, AI: acronyms stay
        else:
            out.append(tok[0].upper() + tok[1:].lower())
        first = False
    return "".join(out)


def _clean(text: str) -> str:
    """A field value: spaces tidied, ALL CAPS title-cased, edge punctuation dropped."""
    value = tidy(text).strip(" ,，;；:：|-–—")
    if _all_caps(value):
        value = _title_case(value)
    return value


def _trim(text: str, start: int, end: int, chars: str = _CELL_STRIP) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    # a closing bracket is kept when its opening one is inside
    if end < len(text) and text[end:end + 1] in ")）" and text.count("(", start, end) + text.count("（", start, end) > \
            text.count(")", start, end) + text.count("）", start, end):
        end += 1
    while start < end and text[start] in "(（" and not any(c in text[start:end] for c in ")）"):
        start += 1
    return start, end


def _comma_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text[start:end]`` split at commas outside brackets."""
    out, depth, pos = [], 0, start
    for i in range(start, end):
        c = text[i]
        if c in "([（":
            depth += 1
        elif c in ")]）":
            depth = max(0, depth - 1)
        elif c in ",，" and depth == 0:
            # "Co., Ltd": a comma right after a legal abbreviation does not split
            if pattern(r"\b(?:Co|Inc|Corp)\.?\s*$", regex.IGNORECASE).search(text[pos:i]) and \
                    pattern(r"\s*(?:Ltd|Limited|LLC)\b", regex.IGNORECASE).match(text[i + 1:end]):
                continue
            s, e = _trim(text, pos, i)
            if e > s:
                out.append((s, e))
            pos = i + 1
    s, e = _trim(text, pos, end)
    if e > s:
        out.append((s, e))
    return out


# --------------------------------------------------------------------------- paragraphs

def _embedded_year(text: str, d, start: int, end: int) -> bool:
    """A bare year inside a name ("Winter Camp 2019 I Love Fashion", "@ CVPR 2021"), not a date."""
    if not d.single or not d.source.endswith("/year"):
        return False
    before = text[max(start, d.start - 2):d.start]
    after = text[d.end:min(end, d.end + 2)]
    return bool(pattern(r"[\w&@)] ").fullmatch(before) or pattern(r" [\w&(]").fullmatch(after))


@dataclass(slots=True)
class _P:
    """A paragraph with what the grouping needs to know about it."""

    para: Para
    start: int  # content start (after any bullet glyph)
    end: int
    text: str
    simp: str
    bullet: bool
    styled: bool
    dates: list
    bullet_span: tuple[int, int] | None = None
    durations: tuple = ()  # "· 3 yrs 4 mos" after a date (LinkedIn export): layout, not a value
    columns: tuple = ()    # kinds of the cells, from a table header row above ("时间 公司 职位")
    meta: bool = False     # a metadata line of the head ("所属行业：…", "Hours per week: 40", an address): layout

    @property
    def range_date(self) -> bool:
        return any(not d.single for d in self.dates)


def _residue(p: _P) -> str:
    """The paragraph text without its dates (and the durations printed after them)."""
    out, pos = [], p.start
    for s, e in sorted([(d.start, d.end) for d in p.dates] + list(p.durations)):
        out.append(p.text[pos - p.start:s - p.start])
        pos = e
    out.append(p.text[pos - p.start:])
    return _LEADER.sub("\t", "".join(out))


# "Jan 2020 - Present · 2 yrs 3 mos", "2018 – 2020 (2 years)": the length of a stay
_DURATION = regex.compile(
    r"\s*(?:[·•|,(（\[【]\s*)?(?:\d+\s*(?:yrs?|years?|mos?|months?|年|个月|個月)(?![A-Za-z])\s*){1,2}[)）\]】]?"
    r"|\s*(?:[·•|,(（\[【]\s*)?(?:less\s+than\s+a\s+year|\d+\s*\+?\s*(?:yrs?|mos?))[)）]?",
    regex.IGNORECASE)


def _durations(text: str, dates: list, end: int) -> tuple:
    """Spans of durations written right after a date range."""
    out = []
    for d in dates:
        if d.single:
            continue
        m = _DURATION.match(text, d.end, end)
        if m and m.end() > d.end:
            out.append((d.end, m.end()))
    return tuple(out)


def _is_sentence(text: str) -> bool:
    text = text.strip()
    han = len(_HAN.findall(text))
    words = len(_WORD.findall(text))
    if han:
        return han + words >= 45 or (bool(pattern(r"[，。；]").search(text)) and han + words >= 15) or \
            (bool(_TERMINAL.search(text)) and han + words >= 6)
    if words >= 16 or (bool(_TERMINAL.search(text)) and words >= 7):
        return True
    # "Developed a face-recognition based attendance system using OpenCV and Flask; achieved 96%"
    # (wrapped, so no full stop): a past-tense verb then mostly lower-case words is prose, not a title
    if words >= 8 and _PAST_VERB_START.match(text):
        lower = sum(1 for w in _WORD.findall(text)[1:] if w[0].islower())
        return 2 * lower >= words
    return False


def _is_date_line(p: _P) -> bool:
    return bool(p.dates) and len(pattern(r"[\W_]+").sub("", _residue(p))) <= 3


def _is_location_line(p: _P) -> bool:
    return len(p.text) <= 40 and not p.dates and _parse_location(p.text) is not None


def _one_liner(p: _P) -> bool:
    """A whole entry on one line: dates beside a title ("Visiting Scholar, MPI, Stuttgart, Summer 2016")."""
    return bool(p.dates) and not p.bullet and not _is_date_line(p) and not _is_sentence(_residue(p)) \
        and not _KV_LABEL.match(p.text) and len(_WORD.findall(_residue(p))) + len(_HAN.findall(_residue(p))) >= 2


def _headish(p: _P) -> bool:
    """A line that belongs in an entry's head (not a highlight)."""
    if p.meta:
        return True
    if p.bullet and not p.styled:
        return False
    if _BODY_LABEL.match(p.text):
        return False
    if _SUPERVISOR_LABEL.match(p.text) or _KV_LABEL.match(p.text):
        return True
    if _SUPERVISOR_LABEL.search(p.text) and len(p.text) <= 160:
        return True  # "Research Intern Leader: Qiong Cao, …", "视觉研究实习生 导师:曹琼 …"
    if _ANY_LABEL.match(p.text):
        return False
    if p.styled or _is_date_line(p) or _URL.match(p.text):
        return True
    return not _is_sentence(_residue(p)) and not p.text.rstrip().endswith((":", "：")) and \
        not _SKILL_LIST.match(p.text)


def _continues(prev: _P, p: _P) -> bool:
    """``p`` reads as the wrapped rest of ``prev``."""
    if p.bullet or p.styled or p.range_date:
        return False
    if pattern(r"[a-z]").match(p.text):
        return True
    return bool(_UNFINISHED.search(prev.text)) and not _TERMINAL.search(prev.text) and len(prev.text) >= 40


def _title_like(p: _P) -> bool:
    return not pattern(r"[.。!！?？;；:：,，、]\s*$").search(p.text) and len(p.text) <= 160


def _bullet_opens_entry(p: _P, nxt: _P | None, first: bool) -> bool:
    if p.styled:
        return True
    if p.range_date and not _is_sentence(_residue(p)):
        return True
    if nxt is None or _is_sentence(_residue(p)) or not _title_like(p):
        return False
    if nxt.bullet and not nxt.styled:
        return False
    if nxt.range_date and not _is_date_line(nxt) and not first and \
            not _is_org(pattern(r"\s*[•|]\s*").split(p.text)[0], pattern(r"\s*[•|]\s*").split(p.simp)[0]):
        return False  # the next line opens its own entry ("Acme Corp | Data Analyst | 2018–2019")
    if _continues(p, nxt):
        return False
    if _headish(nxt):
        return True
    # "• 参数共享网络 (Weight Net…)" followed by its description paragraph
    return _title_like(p) and _is_sentence(nxt.text) and (len(nxt.text) > 1.5 * len(p.text) or nxt.para.gap_before)


def _line_opens_entry(p: _P, prev: _P, nxt: _P | None) -> bool:
    """A non-bullet paragraph after an entry's body: does it start the next entry?"""
    if p.meta or _continues(prev, p) or _BODY_LABEL.match(p.text):
        return False
    if not p.styled and not p.range_date and prev.text.rstrip().endswith((":", "：")) and not prev.dates:
        return False  # "Duties, Accomplishments and Related Skills:" introduces the lines after it
    if _KV_LABEL.match(p.text):
        return _kv_cells(p.text, p.start)[0][0] in ("org", "title", "date")
    if _SUPERVISOR_LABEL.match(p.text) or _ANY_LABEL.match(p.text):
        return False
    if p.styled:
        return True
    if p.range_date and not _is_sentence(_residue(p)):
        return True
    if not _headish(p) or _is_date_line(p) or _is_location_line(p) or _URL.match(p.text):
        return False
    if _SKILL_LIST.match(p.text):
        return False
    if nxt is not None and not (nxt.bullet and not nxt.styled) and _headish(nxt):
        return True
    return _is_position(p.text) and not _TERMINAL.search(p.text)


# Header cells of a flattened table ("时间	公司	职位", "Dates | Company | Title").
_TABLE_HEADER = {
    "时间": "date", "起止时间": "date", "日期": "date", "工作时间": "date", "任职时间": "date", "date": "date",
    "dates": "date", "period": "date", "duration": "date",
    "公司": "org", "单位": "org", "公司名称": "org", "工作单位": "org", "企业": "org", "company": "org",
    "employer": "org", "organization": "org", "organisation": "org",
    "职位": "position", "职务": "position", "岗位": "position", "position": "position", "title": "position",
    "job title": "position",
    "部门": "team", "department": "team", "team": "team", "地点": "loc", "城市": "loc", "location": "loc",
    "项目": "title", "项目名称": "title", "project": "title", "角色": "role", "担任角色": "role", "role": "role",
    "工作内容": "body", "描述": "body", "备注": "body", "description": "body",
}
_TABLE_SPLIT = regex.compile(r"\s*(?:[|｜丨│]|\t|\s{2,}|(?<=\p{Han})\s+(?=\S)|(?<=\S)\s+(?=\p{Han}))\s*")


def _table_columns(paras: list[_P]) -> tuple[list[_P], list[Mention]]:
    """Drop a table header row and tag the rows under it with the header's column kinds."""
    out: list[_P] = []
    labels: list[Mention] = []
    columns: tuple = ()
    for p in paras:
        cells = segments(p.simp, 0, len(p.simp), split=_TABLE_SPLIT) if not p.bullet else []
        words = [_TABLE_HEADER.get(p.simp[a:b].casefold()) for a, b in cells]
        if len(cells) >= 2 and all(words) and "date" in words and not p.dates:
            columns = tuple(words)
            labels.extend(Mention("_label", p.text[a:b], p.start + a, p.start + b, _lang(p.text[a:b]), 1.0, SOURCE)
                          for a, b in cells)
            continue
        if columns and p.dates and not p.bullet and len(segments(p.text, 0, len(p.text), split=_TABLE_SPLIT)) == len(columns):
            p.columns = columns
        out.append(p)
    return out, labels


# --------------------------------------------------------------------------- head parsing

@dataclass(slots=True)
class _Cell:
    kind: str  # org | position | team | loc | role | title | url | people | date
    start: int
    end: int
    value: Any
    styled: bool = False
    explicit: bool = False  # came from a "label:" (flattened table)


@dataclass
class _Entry:
    heads: list[_P] = field(default_factory=list)
    body: list[_P] = field(default_factory=list)


def _kv_cells(text: str, offset: int) -> list[tuple[str, int, int, int, int]]:
    """``(type, label_start, label_end, value_start, value_end)`` of each "label:" in a line."""
    ms = list(_KV_LABEL.finditer(text))
    out = []
    for i, m in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else len(text)
        out.append((_KV_TYPES[m["label"].lower()], offset + m.start(), offset + m.end(), offset + m.end(), offset + end))
    return out


def _supervisor_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the person's name at the start of ``text[start:end]`` (titles dropped)."""
    pos = start
    while pos < end and text[pos] in " \t":
        pos += 1
    m = _PERSON_TITLE.match(text, pos, end)
    if m:
        pos = m.end()
    if _EMAIL.match(text, pos, end):
        return None
    m = _ZH_NAME.match(text, pos, end) if _HAN.match(text[pos:pos + 1]) else _EN_NAME.match(text, pos, end)
    if not m or _is_position(m.group()):
        return None
    s, e = m.span()
    return (s, e) if e > s else None


class _Head:
    """Cells and labels of one entry's head lines."""

    def __init__(self, doc, heads: list[_P]) -> None:
        self.text = doc.text
        self.simp = doc.simplified
        self.cells: list[_Cell] = []
        self.consumed: list[Mention] = []
        self.dates: list = []
        self.supervisor: tuple[int, int] | None = None
        for p in heads:
            self._line(p)

    def _label(self, start: int, end: int) -> None:
        if end > start:
            self.consumed.append(Mention("_label", self.text[start:end], start, end, _lang(self.text[start:end]), 1.0, SOURCE))

    def _line(self, p: _P) -> None:
        text = self.text
        if p.bullet_span:
            self._label(*p.bullet_span)
        if p.meta:
            self._label(p.start, p.end)
            return
        used = [(d.start, d.end) for d in p.dates]
        for s, e in p.durations:
            self._label(s, e)
            used.append((s, e))
        for rx in (_COMPANY_SIZE, _SALARY_NOTE):
            for m in rx.finditer(text, p.start, p.end):
                self._label(*m.span())
                used.append(m.span())
        self.dates.extend((d, p) for d in p.dates)
        # labelled clauses: supervisor
        for m in _SUPERVISOR_LABEL.finditer(text, p.start, p.end):
            if any(s <= m.start() < e for s, e in used):
                continue
            clause_end = min([d.start for d in p.dates if d.start >= m.end()] + [p.end])
            self._label(m.start(), m.end())
            name = _supervisor_name(text, m.end(), clause_end)
            if name and self.supervisor is None:
                self.supervisor = name
                if name[0] > m.end():
                    self._label(m.end(), name[0])  # "Prof."
            used.append((m.start(), clause_end))
        # flattened tables
        for kind, ls, le, vs, ve in _kv_cells(text[p.start:p.end], p.start):
            if any(s <= ls < e for s, e in used):
                continue
            self._label(ls, le)
            used.append((ls, le))
            vs, ve = _trim(text, vs, ve)
            if kind == "date" or ve <= vs:
                continue
            if any(s < ve and vs < e for s, e in used):  # a date inside the value
                continue
            value: Any = _clean(text[vs:ve])
            if kind == "loc":
                value = _parse_location(text[vs:ve]) or {"address": value}
            self.cells.append(_Cell(kind, vs, ve, value, p.styled, explicit=True))
            used.append((vs, ve))
        if p.columns:
            for kind, (a, b) in zip(p.columns, segments(text, p.start, p.end, split=_TABLE_SPLIT)):
                if kind in ("org", "position", "team", "title", "role") and not any(s < b and a < e for s, e in used):
                    self.cells.append(_Cell(kind, a, b, _clean(text[a:b]), p.styled, explicit=True))
                    used.append((a, b))
        for m in _URL.finditer(text, p.start, p.end):
            if not any(s <= m.start() < e for s, e in used):
                self.cells.append(_Cell("url", m.start(), m.end(), m.group().rstrip(".,;"), False))
                used.append(m.span())
        for m in _EMAIL.finditer(text, p.start, p.end):
            if not any(s <= m.start() < e for s, e in used):
                used.append(m.span())  # an e-mail in a head is not a name (basics may take it)
        # the rest: cells between separators
        masked = list(text[p.start:p.end])
        for s, e in used:
            for i in range(max(s, p.start), min(e, p.end)):
                masked[i - p.start] = "\x00"
        line = "".join(masked)
        pos = 0
        pieces = []
        for m in _CELL_SPLIT.finditer(line):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, len(line)))
        for a, b in pieces:
            s, e = _trim(text, p.start + a, p.start + b)
            if e > s and pattern(r"[\w\p{Han}]").search(text[s:e]):
                self._cell(s, e, p.styled)

    # -- one cell ------------------------------------------------------------------
    def _add(self, kind: str, s: int, e: int, styled: bool, value: Any = None) -> None:
        s, e = _trim(self.text, s, e)
        if e <= s:
            return
        if value is None:
            value = _clean(self.text[s:e])
        if value:
            self.cells.append(_Cell(kind, s, e, value, styled))

    def _cell(self, s: int, e: int, styled: bool) -> None:
        text, simp = self.text, self.simp
        piece = text[s:e]
        whole = self._classify(s, e)
        if whole in ("loc", "people", "url", "role"):
            self._add(whole, s, e, styled, piece if whole == "url" else (_parse_location(piece) if whole == "loc" else None))
            return
        if _HAN.search(piece) and " " in piece.strip():
            self._han_cell(s, e, styled)
            return
        self._plain_cell(s, e, styled, whole)

    def _classify(self, s: int, e: int) -> str:
        piece, simp = self.text[s:e], self.simp[s:e]
        if _URL.match(piece):
            return "url"
        if len(piece) <= 40 and _parse_location(piece):
            return "loc"
        if len(piece) <= 30 and pattern(r"(?i)thesis|dissertation|capstone|毕业论文|毕业设计|论文").search(simp) \
                and _word_type(simp) == "project":  # the cheap tests first
            return "role"
        if _is_position(simp):
            return "position"
        if (_PEOPLE_EN.match(piece) or _PEOPLE_ZH.match(piece)) and not any(
                _is_org(x, x) or _is_position(x) for x in pattern(r"\s*[,，、]\s*").split(piece)):
            return "people"
        if _is_org(piece, simp) or _all_caps(piece):
            return "org"
        return "title"

    def _plain_cell(self, s: int, e: int, styled: bool, kind: str) -> None:
        """A cell of Latin text (or Han without spaces) that :meth:`_classify` found to be ``kind``."""
        text = self.text
        if kind in ("url", "loc", "people", "role"):
            value = text[s:e] if kind == "url" else (_parse_location(text[s:e]) if kind == "loc" else None)
            self._add(kind, s, e, styled, value)
            return
        segs = _comma_segments(text, s, e)
        if kind == "position":
            # "Software Engineer at Google", "Research Intern @ MSRA"
            m = pattern(r"\s+(?:at|@)\s+").search(text[s:e])
            if m and len(segs) == 1:
                self._add("position", s, s + m.start(), styled)
                self._org_cell(s + m.end(), e, styled)
                return
            idx = next((i for i, (a, b) in enumerate(segs) if _is_position(self.simp[a:b])), None)
            if idx is None:
                self._add("position", s, e, styled)
                return
            if idx > 0:
                self._org_cell(segs[0][0], segs[idx - 1][1], styled)
            self._add("position", *segs[idx], styled)
            rest = segs[idx + 1:]
            if rest:
                self._rest_cells(rest[0][0], rest[-1][1], styled)
            return
        if kind == "org":
            # "Microsoft Research, Senior Researcher": the employer, then the position
            idx = next((i for i, (a, b) in enumerate(segs) if i and _is_position(self.simp[a:b])
                        and not _is_org(text[a:b], self.simp[a:b])), None)
            if idx is not None:
                self._org_cell(segs[0][0], segs[idx - 1][1], styled)
                self._add("position", *segs[idx], styled)
                if idx + 1 < len(segs):
                    self._rest_cells(segs[idx + 1][0], segs[-1][1], styled)
                return
            self._org_cell(s, e, styled)
            return
        # a title: "Google AI/ML Winter Camp 2019 I Love Fashion Beijing, China"
        s2, e2 = self._strip_location(s, e, styled)
        m = _EVENT.match(text[s2:e2])
        if m and m["name"] and not text[s2 + m.start("name"):e2].startswith("@"):
            self._add("org", s2, s2 + m.end("org"), styled)
            self._add("title", s2 + m.start("name"), e2, styled)
            return
        self._add("title", s2, e2, styled)

    def _rest_cells(self, s: int, e: int, styled: bool) -> None:
        """What follows a position on its line: a team, else an organization, else a location."""
        piece, simp = self.text[s:e], self.simp[s:e]
        loc = _parse_location(piece) if len(piece) <= 40 else None
        if loc:
            self._add("loc", s, e, styled, loc)
        elif (_EN_TEAM.search(piece) or _ZH_TEAM.search(simp)) and not pattern(
                r"(?i)\b(?:university|institute|inc|ltd|corp|company|laborator(?:y|ies))\b|大学|公司").search(piece):
            s2, e2 = self._strip_location(s, e, styled) if "," in piece else (s, e)
            self._add("team", s2, e2, styled)
        elif _HAN.search(piece) or not self._rest_pieces(s, e, styled):
            self._org_cell(s, e, styled)

    def _rest_pieces(self, s: int, e: int, styled: bool) -> bool:
        """"Materials Science Division, Lawrence Berkeley National Laboratory, Berkeley, CA": the
        last piece with an organization suffix is the employer, a team-like piece before it the
        team; other pieces before it (a course "CHEM 301 …") are no value. False when the rest
        is not such a list."""
        text = self.text
        s2, e2 = self._strip_location(s, e, styled)
        segs = _comma_segments(text, s2, e2)
        if len(segs) < 2:
            if (s2, e2) != (s, e) and e2 > s2:
                self._rest_cells(s2, e2, styled)
                return True
            return False
        org_idx = next((i for i in range(len(segs) - 1, -1, -1)
                        if _is_org(text[segs[i][0]:segs[i][1]], self.simp[segs[i][0]:segs[i][1]])
                        and not _EN_DEPT_LEAD.match(text[segs[i][0]:segs[i][1]])), None)
        if org_idx is None:
            return False
        team_done = False
        for i, (a, b) in enumerate(segs):
            piece = text[a:b]
            if i == org_idx:
                self._org_cell(a, b, styled)
            elif not team_done and (_EN_TEAM.search(piece) or _EN_DEPT_LEAD.match(piece)):
                self._add("team", a, b, styled)
                team_done = True
            else:
                self._add("topic", a, b, styled)
        return True

    def _strip_location(self, s: int, e: int, styled: bool) -> tuple[int, int]:
        """Take a trailing location off ``text[s:e]`` ("…, Beijing, China", "… Beijing, China")."""
        text = self.text
        segs = _comma_segments(text, s, e)
        for k in (3, 2, 1):
            if len(segs) <= k or not all(len(_WORD.findall(text[a:b])) <= 3 for a, b in segs[-k:]):
                continue
            ls = segs[-k][0]
            loc = _parse_location(text[ls:e])
            if not loc:
                continue
            head_end = segs[-k - 1][1]
            # "… I Love Fashion Beijing, China": the city may end the previous piece
            tail = self._location_tail(segs[-k - 1][0], head_end, e)
            if tail is not None:
                return _trim(text, s, tail)
            self._add("loc", ls, e, styled, loc)
            return _trim(text, s, head_end)
        return s, e

    def _location_tail(self, s: int, e: int, loc_end: int) -> int | None:
        """Where a location that ends ``text[s:e]`` (and runs on to ``loc_end``) begins."""
        text = self.text
        words = list(pattern(r"\S+").finditer(text[s:e]))
        for n in (3, 2, 1):
            if len(words) <= n:
                continue
            ts = s + words[-n].start()
            if not text[ts].isupper() and not _HAN.match(text[ts]):
                continue
            loc = _parse_location(text[ts:loc_end])
            if loc and "city" in loc:
                self._add("loc", ts, loc_end, False, loc)
                return ts
        return None

    def _org_cell(self, s: int, e: int, styled: bool) -> None:
        s, e = _trim(self.text, s, e)
        s, e = self._strip_location(s, e, styled)
        if e <= s:
            return
        text = self.text
        m = _EVENT.match(text[s:e])
        if m and not text[s + m.start("name"):e].startswith("@") and not _is_org(text[s + m.start("name"):e], self.simp[s + m.start("name"):e]):
            self._add("org", s, s + m.end("org"), styled)
            self._add("title", s + m.start("name"), e, styled)
            return
        # "Tencent Youtu X-Lab Face Recognition": the organization ends at its last suffix word
        # and the topic after it is no part of it
        split = self._org_topic_split(s, e)
        if split:
            self._add("org", s, split[0], styled)
            self._add("topic", split[1], e, styled)
            return
        self._add("org", s, e, styled)

    def _org_topic_split(self, s: int, e: int) -> tuple[int, int] | None:
        text = self.text
        piece = text[s:e]
        if "," in piece or "，" in piece:
            return None
        hits = organizations().find(self.simp[s:e], s)
        if not hits or hits[0].start - s > 1:
            return None
        end = hits[0].end
        for m in pattern(r"[\w-]*(?:Lab|Labs|Laboratory|Research|Institute|实验室|研究院|研究所|事业群|事业部)\b").finditer(piece):
            if s + m.end() > end:
                end = s + m.end()
        rest = text[end:e].strip()
        if not rest or not _TOPIC_END.search(rest) or _is_org(rest, rest):
            return None
        return end, end + (len(text[end:e]) - len(text[end:e].lstrip()))

    def _han_cell(self, s: int, e: int, styled: bool) -> None:
        """A cell with Han text and spaces: words classified one by one, neighbours merged."""
        text, simp = self.text, self.simp
        m = _EVENT.match(simp[s:e])
        if m and m["name"]:
            self._add("org", s, s + m.end("org"), styled)
            self._add("title", s + m.start("name"), e, styled)
            return
        # runs: Han words split at spaces, consecutive Latin words kept together
        runs: list[list[int]] = []
        for w in pattern(r"(?:[(（][^)）]*[)）]|[^\s(（])+").finditer(text[s:e]):
            ws, we = s + w.start(), s + w.end()
            latin = not _HAN.search(text[ws:we])
            if runs and (text[ws] in "(（" or (latin and runs[-1][2] == 1)):
                runs[-1][1] = we
            else:
                runs.append([ws, we, int(latin)])
        kinds = [self._classify(a, b) for a, b, _ in runs]
        # merge neighbours: same kind and same script join; an org then a Han org-suffix word join
        merged: list[list] = []
        for (a, b, latin), kind in zip(runs, kinds):
            if merged:
                pk, pa, pb, pl = merged[-1]
                same_script = pl == latin
                # "Hang Seng Bank Limited 恒生銀行有限公司": a whole name in each script stays two variants
                both_named = pl and not latin and kind == "org" and bool(
                    _EN_ORG_SUFFIX.search(text[pa:pb]) or _EN_LEGAL_FORM.search(text[pa:pb])) and \
                    bool(pattern(r"\p{Han}{2,}(?:公司|银行|集团|事务所|大学|学院|医院)$").search(simp[a:b]))
                if not both_named and ((kind == pk and (same_script or kind == "title")) or
                                       (pk == "org" and kind in ("title", "org") and _ZH_ORG_SUFFIX.search(simp[a:b])
                                        and not latin)):
                    merged[-1] = [pk, pa, b, pl]
                    continue
                if pk == "title" and kind == "title":
                    merged[-1] = [pk, pa, b, pl]
                    continue
            merged.append([kind, a, b, latin])
        seen_org = False
        for kind, a, b, _ in merged:
            if kind == "title" and seen_org:
                kind = "topic"  # "腾讯 优图实验室 人脸识别": a topic after the employer
            seen_org = seen_org or kind == "org"
            if kind == "loc":
                self._add("loc", a, b, styled, _parse_location(text[a:b]))
            elif kind == "url":
                self._add("url", a, b, styled, text[a:b])
            else:
                self._add(kind, a, b, styled)


# --------------------------------------------------------------------------- the parser

class ExperienceParser:
    """Work, project and activity entries of ``work``/``projects``/``activities`` sections."""

    name: ClassVar[str] = "experience"
    kinds: ClassVar[frozenset[str]] = frozenset({"work", "projects", "activities"})

    def __call__(self, view) -> list[Draft]:
        doc = view.doc
        paras = [self._prep(doc, para) for para in paragraphs(view)]
        drafts: list[Draft] = []
        paras, header_labels = _table_columns(paras)
        prev_org: Mention | None = None
        for entry in self._group(paras):
            out = self._entry(view, entry)
            if out and out[0].kind == "work":
                d = out[0]
                if d.has("organization"):
                    m = d.fields["organization"][0]
                    line = doc.line_at(m.start)
                    # "Shopify" alone on its line, then its roles (a LinkedIn export)
                    alone = doc.text[line.start:line.end].strip() == doc.text[m.start:m.end].strip()
                    prev_org = m if alone else None
                elif prev_org is not None and d.has("position") and entry.heads \
                        and d.fields["position"][0].start - entry.heads[0].start <= 1:
                    d.fields["organization"] = [prev_org]
                elif not d.has("position"):
                    prev_org = None
            if header_labels and out:
                out[0].consumed.extend(header_labels)
                header_labels = []
            drafts.extend(out)
        return drafts

    # -- paragraphs and grouping ------------------------------------------------------
    @staticmethod
    def _prep(doc, para: Para) -> _P:
        text = doc.text
        start, end = para.content_start, para.end
        bullet_span = None
        if para.bullet:
            bullet_span = (para.start, para.content_start)
        m = _LEAD_BULLET.match(text[start:end])
        if m and m.end() < end - start and (not text[start] == "-" or m.group()[-1:] in " \t"):
            bullet_span = (bullet_span[0] if bullet_span else start, start + m.end())
            start += m.end()
        # "o Trained…": a sub-bullet glyph left behind by the converter
        m = pattern(r"[oO。][ \t]+(?=[A-Z\p{Han}])").match(text[start:end])
        if m and para.bullet:
            start += m.end()
            bullet_span = (bullet_span[0], start)
        bullet = bullet_span is not None
        # "1. Smart Attendance System (Jan 2023 – Apr 2023)": list numbering is a label, not the title
        m = _ITEM_NUMBER.match(text, start, end)
        if m and not bullet:
            bullet_span = (start, m.end())
            start = m.end()
        simp = doc.simplified[start:end]
        dates = [d for d in find_dates(simp, start) if not _embedded_year(text, d, start, end)]
        meta = not bullet and bool(_META_LINE.match(text[start:end]) or _ADDRESS_LINE.match(text[start:end]))
        return _P(para, start, end, text[start:end], simp, bullet, para.styled, dates, bullet_span,
                  _durations(text, dates, end), meta=meta)

    @staticmethod
    def _group(paras: list[_P]) -> list[_Entry]:
        entries: list[_Entry] = []
        cur: _Entry | None = None
        for i, p in enumerate(paras):
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            prev = paras[i - 1] if i else None
            if p.bullet and not p.styled:
                if _bullet_opens_entry(p, nxt, cur is None):
                    cur = _Entry([p])
                    entries.append(cur)
                elif cur is None:
                    cur = _Entry([], [p])
                    entries.append(cur)
                else:
                    cur.body.append(p)
                continue
            if cur is None:
                if p.meta:
                    continue
                if p.text.rstrip().endswith((":", "：")) and not p.dates and not _KV_LABEL.match(p.text):
                    continue  # an introduction ("目前主要领域在…:")
                cur = _Entry([p]) if _headish(p) else _Entry([], [p])
                entries.append(cur)
            elif not cur.body:
                if p.meta:
                    cur.heads.append(p)
                elif cur.heads and not _SUPERVISOR_LABEL.match(p.text) and (
                        p.range_date and any(d.date_to or not d.single for q in cur.heads for d in q.dates)
                        or _one_liner(p) and any(_one_liner(q) for q in cur.heads)):
                    # a second dated head: the next entry (its styled title may already sit in this head)
                    k = next((j for j in range(len(cur.heads) - 1, 0, -1) if cur.heads[j].styled
                              and not cur.heads[j].dates), None)
                    moved = cur.heads[k:] if k else []
                    if moved:
                        del cur.heads[k:]
                    cur = _Entry(moved + [p])
                    entries.append(cur)
                elif any(q.dates for q in cur.heads) and not p.dates and not p.styled and _TERMINAL.search(p.text) \
                        and len(_WORD.findall(p.text)) + len(_HAN.findall(p.text)) >= 4:
                    cur.body.append(p)  # a short sentence after a dated head: the first highlight
                elif _headish(p) or (p.styled and cur.heads):
                    cur.heads.append(p)
                else:
                    cur.body.append(p)
            elif prev is not None and _line_opens_entry(p, prev, nxt):
                cur = _Entry([p])
                entries.append(cur)
            else:
                cur.body.append(p)
        return entries

    # -- one entry --------------------------------------------------------------------
    def _entry(self, view, entry: _Entry) -> list[Draft]:
        doc = view.doc
        text = doc.text
        if not entry.heads:
            return []  # prose with no head: not an entry (left to meta.unparsed)
        if _GAP_ENTRY.match(entry.heads[0].text):
            return []  # "Career Break  2015 – 2016": a gap between jobs, no entry
        head = _Head(doc, entry.heads)
        cells = head.cells
        by = lambda kind: [c for c in cells if c.kind == kind]  # noqa: E731
        titles = by("title")
        # 003: "基于…的研究(毕业论文)(Paper Name: k-Decay …) [附录 I]"
        name_variants: list[Mention] = []
        roles = [Mention("role", c.value, c.start, c.end, _lang(c.value), 1.0, SOURCE) for c in by("role")]
        for c in titles:
            self._title_parts(doc, c, head, name_variants, roles)
        positions = by("position")
        orgs = by("org")
        kind = self._kind(view, entry, head, positions, orgs, titles, roles, name_variants)
        draft = Draft(kind, view.lang, entry.heads[0].para.start, (entry.body or entry.heads)[-1].end)
        draft.consumed.extend(head.consumed)

        def put(name: str, cell_list: list[_Cell], both_langs: bool = True) -> None:
            if not cell_list:
                return
            variants: list[Mention] = []
            for c in cell_list:
                m = Mention(name, c.value, c.start, c.end, _lang(str(c.value)), 1.0, SOURCE)
                if not any(v.lang == m.lang for v in variants):
                    variants.append(m)
                if not both_langs:
                    break
            draft.fields[name] = variants

        if kind == "work":
            positions = self._position_tail(text, positions, titles, orgs)
            put("position", self._pair(positions))
            teams = by("team")
            if not orgs:
                # "Acme Widgets | Data Analyst": an unstyled title beside a position is the employer;
                # a unit-like title ("Medical-Surgical Unit") is the team when another title is left
                cand = [c for c in titles if not c.explicit] if positions else []
                unit = [c for c in cand if _EN_TEAM.search(str(c.value)) and not _HAN.search(str(c.value))]
                if unit and len(cand) > len(unit):
                    cand = [c for c in cand if c not in unit]
                    teams = teams or unit[:1]
                orgs = cand[:1]
            if not orgs and positions and teams and not teams[0].explicit:
                # "Office Manager, Brightline Dental Group, Portland, OR": the only name is the employer
                orgs, teams = teams[:1], teams[1:]
            put("organization", self._pair(orgs))
            put("team", teams[:1])
            wtype = self._work_type(view, positions, orgs, head)
            if wtype:
                draft.fields["type"] = [Mention("type", wtype, positions[0].start if positions else draft.start,
                                                positions[0].end if positions else draft.start, "en", 1.0, SOURCE)]
        else:
            styled = [c for c in cells if c.styled and c.kind in ("title", "org")]
            if name_variants:
                draft.fields["name"] = name_variants[:2]
            elif styled and styled[0].kind == "org" and not titles:
                put("name", styled[:1])
                orgs = [c for c in orgs if c is not styled[0]]
            elif titles:
                put("name", titles[:1])
            elif positions and not roles:
                put("name", positions[:1])
                positions = positions[1:]
            org_cells = orgs or [c for c in titles[1:] if c.kind == "title"][:1]
            put("organization", self._pair(org_cells))
            if roles:
                draft.fields["role"] = roles[:1]
            elif positions:
                put("role", positions[:1])
            else:
                role = self._body_role(entry)
                if role:
                    draft.fields["role"] = [role]
            urls = by("url")
            if urls:
                draft.fields["url"] = [Mention("url", urls[0].value, urls[0].start, urls[0].end, "en", 1.0, SOURCE)]
        locs = [c for c in by("loc") if isinstance(c.value, dict)]
        if locs:
            draft.fields["location"] = [Mention("location", locs[0].value, locs[0].start, locs[0].end,
                                                _lang(text[locs[0].start:locs[0].end]), 1.0, SOURCE)]
        self._dates(draft, head)
        awards = self._body(doc, entry, draft)
        if head.supervisor and kind == "work":
            s, e = head.supervisor
            draft.fields["supervisor"] = [Mention("supervisor", text[s:e], s, e, _lang(text[s:e]), 1.0, SOURCE)]
        elif head.supervisor:
            s, e = head.supervisor
            draft.consumed = [m for m in draft.consumed if not (m.start >= s and m.end <= e)]
        if kind == "work" and "supervisor" not in draft.fields:
            self._body_supervisor(doc, draft)
        return [draft, *awards]

    @staticmethod
    def _position_tail(text: str, positions: list[_Cell], titles: list[_Cell], orgs: list[_Cell]) -> list[_Cell]:
        """"Working Student – Data Engineering", "Software Engineer – Backend": a title after a
        dash on the position's line belongs to the position when the employer stands elsewhere."""
        if not positions or not orgs:
            return positions
        first = positions[0]
        for c in titles:
            if c.start > first.end and not c.explicit and pattern(r"[ \t]*[–—-]{1,2}[ \t]*").fullmatch(text[first.end:c.start]) \
                    and len(_WORD.findall(str(c.value))) <= 4:
                if _EN_TEAM.search(str(c.value)):
                    c.kind = "team"  # "Registered Nurse – Medical-Surgical Unit": the unit, not the title
                    titles.remove(c)
                    return positions
                merged = _Cell("position", first.start, c.end, _clean(text[first.start:c.end]), first.styled)
                titles.remove(c)
                return [merged] + positions[1:]
        return positions

    @staticmethod
    def _pair(cells: list[_Cell]) -> list[_Cell]:
        """The first cell, and a second one in the other script when it is the same thing
        written twice ("腾讯 Tencent", "后台开发工程师 Backend Engineer")."""
        if not cells:
            return []
        first = cells[0]
        for c in cells[1:]:
            if _lang(str(c.value)) != _lang(str(first.value)):
                same_line = abs(c.start - first.end) <= 3 or abs(first.start - c.end) <= 3
                if same_line:
                    return [first, c]
        return [first]

    @staticmethod
    def _body_role(entry: _Entry) -> Mention | None:
        """The role a project's first body lines name ("项目职责：担任项目负责人，…"); the line
        itself stays a highlight."""
        for p in entry.body[:3]:
            m = _BODY_ROLE.match(p.simp)
            if m and _is_position(m.group("role")):
                s, e = p.start + m.start("role"), p.start + m.end("role")
                value = p.text[m.start("role"):m.end("role")]
                return Mention("role", value, s, e, "zh", 1.0, SOURCE)
        return None

    def _title_parts(self, doc, cell: _Cell, head: _Head, names: list[Mention], roles: list[Mention]) -> None:
        """Bracketed parts of a title: a thesis role, an English title, a cross-reference."""
        text = doc.text
        s, e = cell.start, cell.end
        m = _XREF.search(text, s, e)
        if m:
            head._label(m.start() + (len(m.group()) - len(m.group().lstrip())), m.end())
            e = m.start()
        parens = list(_PAREN.finditer(text, s, e))
        if not parens or not _HAN.search(text[s:parens[0].start()]):
            return
        first = parens[0].start()
        used = False
        for pm in parens:
            body_s, body_e = pm.start("body"), pm.end("body")
            body = text[body_s:body_e]
            if _word_type(doc.simplified[body_s:body_e]) == "project" and len(body) <= 12 and _HAN.search(body):
                roles.append(Mention("role", body.strip(), body_s, body_e, "zh", 1.0, SOURCE))
                head._label(pm.start(), body_s)
                head._label(body_e, pm.end())
                used = True
            elif not _HAN.search(body) and len(_WORD.findall(body)) >= 2:
                lm = _PAPER_LABEL.match(body)
                vs = body_s + (lm.end() if lm else 0)
                if lm:
                    head._label(body_s, vs)
                value = _COLON_SPACING.sub(": ", tidy(text[vs:body_e]))
                names.append(Mention("name", value, vs, body_e, "en", 1.0, SOURCE))
                head._label(pm.start(), body_s)
                head._label(body_e, pm.end())
                used = True
        if used:
            zs, ze = _trim(text, s, first)
            names.insert(0, Mention("name", tidy(text[zs:ze]), zs, ze, "zh", 1.0, SOURCE))
            cell.kind = "named"

    @staticmethod
    def _kind(view, entry, head, positions, orgs, titles, roles, names) -> str:
        if view.kind == "projects":
            return "projects"
        if roles:
            return "projects"
        heading = view.section.heading or ""
        for c in orgs + titles:
            if c.kind == "org" and _EVENT.match(str(c.value) + " X"):
                return "projects"
            if c.kind == "org" and regex.search(r"(?i)\b(?:camp|challenge|competition|contest|hackathon)\b|冬令营|夏令营|训练营|竞赛|比赛|大赛|挑战赛",
                                                str(c.value)):
                return "projects"
        if positions:
            return "work"
        if orgs and not [c for c in titles if c.kind == "title"]:
            return "work"
        if pattern(r"(?i)project|项目|课题").search(heading):
            return "projects"
        return "projects"

    @staticmethod
    def _work_type(view, positions, orgs, head) -> str | None:
        for c in positions:
            t = _word_type(head.simp[c.start:c.end])
            if t and t != "project":
                return t
        heading = view.section.heading or ""
        t = _word_type(heading)
        if t in ("internship", "teaching", "research") and not positions:
            return t
        if t == "internship":
            return t
        if view.kind == "activities" or t == "other":
            return "other"
        for c in orgs:
            t = _word_type(head.simp[c.start:c.end])
            if t == "other":
                return t
        return None

    @staticmethod
    def _dates(draft: Draft, head: _Head) -> None:
        ranges = [(d, p) for d, p in head.dates if not d.single]
        singles = [(d, p) for d, p in head.dates if d.single]
        chosen = None
        if ranges:
            chosen = ranges[0][0]
        else:
            for d, p in singles:
                # a year inside a name ("Winter Camp 2019 I Love Fashion") is no date of the entry
                after = head.text[d.end:p.end].strip()
                if d.source.endswith("/year") and after and pattern(r"[\w\p{Han}]").match(after):
                    continue
                chosen = d
                break
        if chosen is None:
            return
        start = chosen.date_from
        end = chosen.date_to if not chosen.single else chosen.date_from
        if start and start != "present":
            draft.fields["start"] = [Mention("start", start, chosen.start, chosen.end, "en", 1.0, SOURCE)]
        if end:
            draft.fields["end"] = [Mention("end", end, chosen.start, chosen.end, "en", 1.0, SOURCE)]
        if chosen.expected:
            draft.fields["expected"] = [Mention("expected", True, chosen.start, chosen.end, "en", 1.0, SOURCE)]

    # -- body ---------------------------------------------------------------------------
    def _body(self, doc, entry: _Entry, draft: Draft) -> list[Draft]:
        text = doc.text
        items: list[list[_P]] = []
        for p in entry.body:
            if p.meta:
                draft.consumed.append(Mention("_label", p.text, p.start, p.end, _lang(p.text), 1.0, SOURCE))
                continue
            if p.bullet_span:
                draft.consumed.append(Mention("_label", text[p.bullet_span[0]:p.bullet_span[1]], p.bullet_span[0],
                                              p.bullet_span[1], "en", 1.0, SOURCE))
            if _SKILL_LIST.match(p.text) and not p.bullet:
                continue  # a stray skills line after the last entry: left to meta.unparsed
            if items and not p.bullet and (_continues(items[-1][-1], p) or not _TERMINAL.search(items[-1][-1].text)
                                           and not _ANY_LABEL.match(p.text) and items[-1][-1].bullet
                                           and len(items[-1][-1].text) >= 60):
                items[-1].append(p)
            else:
                items.append([p])
        awards: list[Draft] = []
        for item in items:
            s, e = item[0].start, item[-1].end
            m = _BODY_LABEL.match(text[s:e])
            if m:
                draft.consumed.append(Mention("_label", m.group(), s, s + m.end(), _lang(m.group()), 1.0, SOURCE))
                s += m.end()
                if s >= e:
                    continue
            m = _SUPERVISOR_LABEL.match(text[s:e])
            if m and len(item) == 1:
                # "汇报对象：张伟": the supervisor, not a highlight
                name = _supervisor_name(text, s + m.end(), e)
                if name and "supervisor" not in draft.fields and draft.kind == "work":
                    draft.consumed.append(Mention("_label", m.group(), s, s + m.end(), _lang(m.group()), 1.0, SOURCE))
                    draft.fields["supervisor"] = [Mention("supervisor", text[name[0]:name[1]], name[0], name[1],
                                                          _lang(text[name[0]:name[1]]), 1.0, SOURCE)]
                    continue
            sep = "" if _HAN.search(text[s:e]) and not pattern(r"[A-Za-z]\n[A-Za-z]").search(text[s:e]) else " "
            value = tidy(sep.join(text[max(s, p.start):p.end] for p in item if p.end > s))
            if not value:
                continue
            draft.lists.setdefault("highlights", []).append(
                [Mention("highlights", value, s, e, _lang(value), 1.0, SOURCE)])
            award = self._award(doc, s, e, draft)
            if award:
                awards.append(award)
        return awards

    @staticmethod
    def _award(doc, s: int, e: int, draft: Draft) -> Draft | None:
        """"Honor Star Employee of June in Exploration: … Awarded by Jizhi team" -> an award."""
        text = doc.text
        m = _AWARD_HEAD.match(text[s:e])
        if not m:
            return None
        title = m["title"].strip()
        title_start = s + m.start("title")
        rest_start = s + m.end()
        if len(_WORD.findall(title)) > 10 or not _AWARD_WORDS.search(title):
            return None
        rest = text[rest_start:e]
        if not pattern(r"(?i)\bawarded\b|\bwon\b|\breceived\b|获得|授予|荣获").search(rest[:200]) and \
                not pattern(r"(?i)\b(?:award|prize|medal|scholarship)\b|奖$").search(title):
            return None
        award = Draft("awards", draft.lang, s, e)
        award.fields["title"] = [Mention("title", title, title_start, title_start + len(title), _lang(title), 1.0, SOURCE)]
        im = _AWARDED_BY.search(text, rest_start, e)
        if im:
            award.fields["issuer"] = [Mention("issuer", im["issuer"].strip(), im.start("issuer"),
                                              im.start("issuer") + len(im["issuer"].strip()), "en", 1.0, SOURCE)]
        return award

    @staticmethod
    def _body_supervisor(doc, draft: Draft) -> None:
        for item in draft.lists.get("highlights", []):
            m = item[0]
            sm = _BODY_SUPERVISOR.search(doc.text, m.start, m.end)
            if sm:
                g = "name" if sm["name"] else "zh"
                draft.fields["supervisor"] = [Mention("supervisor", sm[g], sm.start(g), sm.end(g), _lang(sm[g]), 1.0, SOURCE)]
                return
