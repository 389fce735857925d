"""Personal details: name, key-value fields (姓名/性别/出生年月 ...), location, headline.

* Key-value lines (``姓名：王小明    性别：男    年龄：28岁``), several pairs per line, labels
  from ``resources/lexicon/basics_keys.tsv`` matched on the Simplified view (Traditional
  labels such as 性別/現居地 match too), padded or not (``姓    名``, ``性　　别``).
  求职意向/期望职位/期望城市/期望薪资 become ``job_intention.*`` mentions, a one-line intention
  (``求职意向：Java开发工程师 | 北京 | 15-20K``, ``Objective: Data Scientist | Seattle, WA | $150k``)
  piece by piece; its city is not the candidate's location. Age is not a birth date: only
  its label is consumed.
* Attribute one-liners under the name (``男 | 28岁 | 本科 | 现居北京``, 51job's
  ``35岁(1988/4/3)``): gender, birth date, political status, ethnicity, residence.
* Name candidates, all emitted with scores (assemble keeps the best per language): a
  ``姓名``/``Name`` label; the first lines of the header; a name printed among the contact
  items; a capitalized name elsewhere in the text that the email / LinkedIn slug / homepage
  spells. Evidence raises a candidate; a header line that looks like an OCR-garbled form of
  an evidenced candidate is lowered. In a bilingual resume the Chinese name is the Han name
  whose pinyin matches the English name (and the other way round).
* Location: an address line in the header (``Room 6-423, ..., HangZhou, China``) or a
  ``现居地``/``Address`` value (``上海市浦东新区``: the address, in Shanghai); ``籍贯`` weighs less.
* Headline: a quoted line or an "I am looking for ..." / "Objective:" line in the header.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Iterable

import regex

from ..gazetteer import locations
from ..gazetteer import parse_location as gazetteer_location
from ..lang import to_simplified
from ..names import (clean_en_name, evidence_match, format_en_name, is_title_line, looks_like_en_name,
                     looks_like_zh_name, romanized_forms, same_person)
from ..patterns import LABEL_PADDING, literal_alternation, pattern
from ..resources import table
from ..spans import Mention
from .contact import CONTACT_FIELDS, _EMAIL, _PHONE, _URL, _US_STATE, _section_kind_at, lowered, scan
from .dates import find_dates
from .misc import intention_values
from .summary import is_intention_line

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

__all__ = ["BasicsExtractor", "parse_birth_date", "parse_location"]

_KV_FIELDS = ("name", "gender", "birth_date", "age", "ethnicity", "political_status", "hometown", "location",
              "nationality", "relative", "positions", "locations", "salary")
_TOP_KINDS = frozenset({"header", "basics", "job_intention", "objective"})
_HAN = regex.compile(r"\p{Han}")
_SPACES = regex.compile(r"\s+")
_VALUE_STOP = regex.compile(r"\s{2,}|\t|\||；|;")
_DATE_NUM = regex.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:[年.\-/]\s*(?P<m>\d{1,2})\s*(?:[月.\-/]\s*(?P<d>\d{1,2})\s*日?)?\s*月?)?")
_DATE_DMY = regex.compile(r"(?<!\d)(?P<a>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})(?!\d)")
_DATE_MY = regex.compile(r"(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d{2})")
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_DATE_WORD = regex.compile(r"(?i)(?:(?P<d1>\d{1,2})\s+)?(?P<mon>[a-z]{3,9})\.?\s+(?:(?P<d2>\d{1,2}),?\s+)?(?P<y>(?:19|20)\d{2})")
_GENDER = {"男": "male", "女": "female", "male": "male", "female": "female", "m": "male", "f": "female",
           "man": "male", "woman": "female", "男性": "male", "女性": "female"}
_POLITICAL = regex.compile(r"^(?:中共(?:预备)?党员|共产党员|党员|预备党员|共青团员|团员|群众|民主党派|无党派人士|中国共产党党员)$")
_HEADLINE = regex.compile(
    r"(?i)^(?:(?:objective|career objective|job objective|goal)\s*[:：]\s*(?P<after>.+)"
    r"|(?P<plain>(?:I am|I'm|I)\s+(?:am\s+)?(?:looking|seeking|searching|interested)\b.+"
    r"|(?:seeking|looking for)\b.+))$"
)
_QUOTED = regex.compile(r"^[\"“”'「『](?P<body>[^\"“”「」『』]{8,300})[\"“”'」』]$")
_ADDRESS_WORDS = regex.compile(
    r"(?i)\b(?:room|rm\.?|apt\.?|apartment|suite|floor|building|bldg\.?|road|rd\.?|street|st\.|avenue|ave\.?|"
    r"boulevard|blvd\.?|lane|drive|dr\.|campus|district|dormitory|dorm|no\.\s*\d+)(?![a-z])|(?<!\d)\d+\s*(?:号|室|楼|栋|单元)|[路街道区县镇村]\d"
)  # (?<!\d): a digit run is tried once, from its start (only .search()ed: same truth value, linear time)
_ATTR_CELL = regex.compile(r"[^|｜/,，;；、·•\s](?:[^|｜/,，;；、·•\t]*?[^|｜/,，;；、·•\s])??(?=\s*(?:[|｜/,，;；、·•\t]|\s{2,}|$))")
_ATTR_DATE = regex.compile(r"^(?:19|20)\d{2}\s*(?:[年./\-]\s*\d{1,2}\s*(?:[月./\-]\s*\d{1,2}\s*日?)?\s*月?)?\s*(?:出生|生)?$")
_ATTR_AGE = regex.compile(r"(?i)^\d{2}\s*(?:岁|周岁|歲|years?\s+old|y/o)$")
_ETHNIC = regex.compile(r"^\p{Han}{1,4}族$")
_AGE_BORN = regex.compile(r"\d{2}\s*(?:岁|周岁|歲)\s*[(（]\s*(?P<born>(?:19|20)\d{2}[^()（）]{0,12}?)\s*[)）]")
_LOC_CELL = regex.compile(r"[^|｜•·\t\s](?:[^|｜•·\t]*?[^|｜•·\t\s])??(?=\s*(?:[|｜•·\t]|\s{3,}|$))")
_AREA_WORDS = regex.compile(r"(?i)\b(?:greater|metropolitan area|metro area|bay area|area)\b")
_ROLE_WORDS = regex.compile(
    r"(?i)\b(?:engineer|scientist|developer|programmer|manager|professor|student|candidate|researcher|analyst|designer|"
    r"consultant|director|lead|architect|intern|fellow|postdoc(?:toral)?|lecturer|officer|specialist|administrator|"
    r"executive|founder|co-founder|head|teacher|economist|statistician|physician|nurse|accountant|attorney|lawyer|"
    r"writer|editor|product|associate|assistant|technician|strategist|marketer|recruiter|chemist|biologist|physicist)s?\b"
    r"|工程师|经理|研究员|设计师|分析师|实习生|博士生|硕士生|本科生|教授|讲师|开发者|架构师|总监|主管|专员|顾问")
_HAN_RUN = regex.compile(r"(?<!\p{Han})\p{Han}{2,4}(?!\p{Han})")
_CAP_NAME = regex.compile(  # within one line: "Xiaofeng Shan", "María García-López", "SHAN Xiaofeng"
    r"(?<![\w-])(?:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?|\p{Lu}{2,})(?:[ \t]+(?:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?|\p{Lu}{2,})){1,2}(?![\w-])")
# pieces of a header line: a Han run (张潮鹏, 王 小 明) or a Latin run (Dr. María García-López, Ph.D.)
_NAME_PIECE = regex.compile(r"\p{Han}[\p{Han} ·]{1,6}|\p{Latin}[\p{Latin}.,'’\- ]*[\p{Latin}.]")
_HARD_SEP = regex.compile(r"[|｜•·\t]|\s{2,}|[–—]")
_FIRST_CELL = regex.compile(r"\s*(?:\||｜|\s{2,}|\t|,\s|，|•|·|–|—)\s*")
_SOFT_GAPS = regex.compile(r"^\S+(?: {1,3}\S+){1,4}$")

def parse_location(text: str, address: bool = False, labelled: bool = False) -> dict | None:
    """``{"address", "city", "region", "country"}`` of a location string, or None if empty.

    Places come from the shared locations gazetteer (for an address, from its last parts). A
    place it does not list is kept as written, with the country when the last part names one.
    ``labelled``: the text is stated to be a place (a ``现居地`` value), so a Chinese address is
    read from the places it opens with (``上海市浦东新区``: Shanghai); unlabelled, ``北京大学``
    is not an address.

    >>> parse_location("Room 6-423, YuQuan Campus, ZheJiang University, HangZhou, China", address=True)["city"]
    'Hangzhou'
    """
    text = text.strip().strip(",，;；")
    if not text:
        return None
    parts = [p.strip() for p in _COMMA.split(text) if p.strip()]
    tails = [", ".join(parts[-k:]) for k in range(min(3, len(parts)), 0, -1)] if address else [text]
    for k, tail in enumerate(tails):
        hit = _place_hit(tail)
        if hit and (hit.get("city") or hit.get("country")):
            city = _as_written(hit.get("city"), text)
            before = len(parts) - (len(tails) - k) - 1  # the part before the tail
            if city is None and hit.get("region") and address and before >= 0 and _TOWN.match(parts[before]):
                city = parts[before]  # "1420 Oak Hill Drive, Alexandria, VA 22302": a town the gazetteer lacks
            return {"address": text if address else None, "city": city,
                    "region": hit.get("region"), "country": hit.get("country")}
    if labelled and _HAN.search(text):
        leading = _leading_place(text)
        if leading is not None:
            return leading
    if address:
        return {"address": text, "city": None, "region": None, "country": None}
    last = locations().lookup(parts[-1]) if len(parts) > 1 else None
    country = last.country if last is not None and last.kind == "country" else None
    return {"address": None, "city": parts[0], "region": None, "country": country}


_COMMA = regex.compile(r"\s*[,，]\s*")
# A postal code closing a part of an address: US ZIP (78701, 78701-1234), Canadian (M5V 2T6),
# UK (BS6 5JP, SW1A 1AA), Indian PIN (600042, 600 042), Australian (NSW 2300). The gazetteer
# knows places, not codes, so it reads the part without it.
_POSTCODE = regex.compile(
    r"(?:\s*[-–—]\s*|\s+)(?:\d{5}(?:-\d{4})?|\d{6}|\d{3}\s\d{3}|[A-Z]\d[A-Z]\s?\d[A-Z]\d"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|\d{4})$")
_TRAILING_CODE = regex.compile(r"^(?P<place>\p{L}[\p{L}.'’ \-]*?)\s+(?P<code>\p{Lu}{2,3})$")  # Newcastle NSW
_TOWN = regex.compile(r"^\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}\p{Ll}+){0,2}$")


def _as_written(place: str | None, text: str) -> str | None:
    """A place as the resume spells it when it differs only by accents (Montréal, not Montreal)."""
    if not place or place in text:
        return place
    for m in pattern(r"\p{L}[\p{L}.'’ \-]*\p{L}").finditer(text):
        # accents only: the gazetteer's casing stands (HangZhou -> Hangzhou)
        if len(m[0]) == len(place) and _unaccent(m[0]) == place:
            return m[0]
    return place


def _unaccent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _place_hit(text: str) -> dict | None:
    """The gazetteer's reading of a place phrase, with each part's postal code dropped and a
    state code written without its comma (``Newcastle NSW 2300``) read as ``Newcastle, NSW``."""
    hit = gazetteer_location(text)
    if hit:
        return hit
    parts = [_POSTCODE.sub("", p) for p in _COMMA.split(text.strip()) if p]
    if parts and (m := _TRAILING_CODE.match(parts[-1])):
        parts[-1:] = [m["place"], m["code"]]
    cleaned = ", ".join(p for p in parts if p)
    return gazetteer_location(cleaned) if cleaned and cleaned != text else None


_ADMIN_GAP = " 省市"  # what may stand between the places that open a Chinese address (广东省深圳市)


def _leading_place(text: str) -> dict | None:
    """A Chinese address opens with its province and city (上海市浦东新区, 广东省深圳市南山区, 臺北市大安區):
    those places, and the whole text as the address when more follows."""
    end = 0
    for m in locations().find(text):
        if m.start < end or text[end:m.start].strip(_ADMIN_GAP):
            break
        end = m.end
    if not end:
        return None
    hit = gazetteer_location(text[:end])
    if not hit or not (hit.get("city") or hit.get("country")):
        return None
    rest = text[end:].strip(_ADMIN_GAP)
    return {"address": text if rest else None, "city": hit.get("city"), "region": hit.get("region"),
            "country": hit.get("country")}


def parse_birth_date(text: str, day_first: bool = True) -> str | None:
    """``1995.06`` / ``1995年6月`` / ``June 1995`` / ``06/1995`` / ``民國84年6月`` -> ``"1995-06"``
    (only as precise as written). ``14/08/2001`` -> ``"2001-08-14"``: a day over 12 tells the
    order; otherwise ``day_first`` does (False in a US resume: 05/06/1990 is May 6).

    >>> parse_birth_date("14/08/2001"), parse_birth_date("08/14/2001"), parse_birth_date("05/06/1990", day_first=False)
    ('2001-08-14', '2001-08-14', '1990-05-06')
    """
    dmy = _DATE_DMY.search(text)
    if dmy:
        a, b = int(dmy["a"]), int(dmy["b"])
        day, month = (a, b) if (a > 12 or day_first) and b <= 12 else (b, a)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{dmy['y']}-{month:02d}-{day:02d}"
    m = _DATE_NUM.search(text)
    if m:
        y, mo, d = m["y"], m["m"], m["d"]
        if mo and 1 <= int(mo) <= 12:
            if d and 1 <= int(d) <= 31:
                return f"{y}-{int(mo):02d}-{int(d):02d}"
            return f"{y}-{int(mo):02d}"
        mm = _DATE_MY.search(text)
        if mm and 1 <= int(mm["m"]) <= 12:
            return f"{mm['y']}-{int(mm['m']):02d}"
        w = _DATE_WORD.search(text)
        if w and w["mon"][:3].lower() in _MONTHS:
            day = w["d1"] or w["d2"]
            month = _MONTHS[w["mon"][:3].lower()]
            return f"{w['y']}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        return y
    # no Gregorian year: the date grammar reads the other calendars (民國82年4月17日)
    found = find_dates(text)
    return found[0].date_from if len(found) == 1 and found[0].single else None


@lru_cache(maxsize=1)
def _kv_regex() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    labels: dict[str, tuple[str, str]] = {}
    for row in table("lexicon/basics_keys.tsv"):
        if len(row) >= 3 and (row[0] in _KV_FIELDS or row[0] in CONTACT_FIELDS) and _row_scope(row) != "section":
            labels.setdefault(row[2].lower(), (row[0], row[1]))
    alternation = literal_alternation(labels, space=r" ?", han_gap=LABEL_PADDING)
    pattern = re.compile(  # matched on the lowercased Simplified view
        rf"(?<![a-z0-9\u3400-\u9fff])(?P<label>{alternation})(?![a-z])(?P<colon>[ \t]*[:：][ \t]*|[ \t]+)"
    )
    return pattern, labels


@lru_cache(maxsize=1)
def _residence_regex() -> "regex.Pattern[str]":
    """A cell that opens with a Chinese residence label and goes on with the place, no colon: ``现居北京``."""
    labels = [row[2] for row in table("lexicon/basics_keys.tsv")
              if len(row) >= 3 and row[0] == "location" and row[1] == "zh"]
    return regex.compile(r"^(?:" + literal_alternation(labels, han_gap=LABEL_PADDING) + r")\s*(?P<place>\p{Han}.*)$")


def _intention_mention(text: str, kind: str, start: int, end: int) -> Mention:
    """A mention of one piece of a job intention (``intention_values``)."""
    value = _SPACES.sub(" ", text[start:end])
    if kind == "_label":
        return Mention("_basics.label", None, start, end, _lang(value), 1.0, "basics/kv-intention")
    return Mention(f"job_intention.{kind}", value, start, end, _lang(value), 1.0, f"basics/kv-{kind}")


def _row_scope(row: tuple[str, ...]) -> str:
    """Where a label of ``basics_keys.tsv`` counts: "" anywhere, "section" only in its own section
    (read there by the section's parser)."""
    return row[3] if len(row) > 3 else ""


def _us_document(doc: "Document") -> bool:
    """A US resume writes dates month first (05/06/1990 is May 6): the caller's region says so,
    or the text names US states and no other country's address (contact.scan's region)."""
    if doc.region_hint:
        return doc.region_hint == "US"
    contacts = scan(doc)
    return contacts.region is None and contacts.nanp_region == "US" and bool(_US_STATE.search(doc.text))


def _lang(text: str) -> str:
    return "zh" if _HAN.search(text) else "en"


def _is_place(value: str) -> bool:
    """A city, region or country that reads like a name (Ann Arbor, San Jose, Costa Rica)."""
    return locations().lookup(value) is not None


def _title(name: str) -> str:
    return format_en_name(name)


class BasicsExtractor:
    """Name, gender, birth date, ethnicity, political status, nationality, location, headline, job intention."""

    name: ClassVar[str] = "basics"
    fields: ClassVar[tuple[str, ...]] = (
        "basics.name", "basics.gender", "basics.birth_date", "basics.ethnicity", "basics.political_status",
        "basics.nationality", "basics.location", "basics.headline",
        "job_intention.positions", "job_intention.locations", "job_intention.salary",
    )

    def __call__(self, doc: "Document") -> Iterable[Mention]:
        contacts = scan(doc)
        out: list[Mention] = []
        names: list[Mention] = []
        self._key_values(doc, out, names)
        header_lines = self._header_lines(doc, contacts.contact_lines)
        self._header_names(doc, header_lines, names)
        for s, e in contacts.name_items:
            value = _title(doc.text[s:e])
            names.append(Mention("basics.name", value, s, e, _lang(value), 0.45, "basics/contact-line"))
        header_lines = self._without_intention(doc, header_lines, out)
        self._attribute_lines(doc, header_lines, out)
        self._location_and_headline(doc, header_lines, out)
        if not any(m.field == "basics.location" for m in out):
            self._location_cells(doc, self._without_intention(doc, header_lines, out), out)
        if not any(m.field == "basics.headline" for m in out):
            self._role_headline(doc, header_lines, names, out)
        out += self._score_names(doc, names, contacts)
        return out

    @staticmethod
    def _without_intention(doc: "Document", lines: list, out: list[Mention]) -> list:
        """The lines that state no job intention: the city of ``求职意向：… | 北京 | …`` is where the
        candidate wants to work, not where they live."""
        taken = {doc.line_at(m.start).start for m in out if m.field.startswith("job_intention.")}
        return [ln for ln in lines if ln.start not in taken] if taken else lines

    # -- key-value fields --------------------------------------------------------------
    def _key_values(self, doc: "Document", out: list[Mention], names: list[Mention]) -> None:
        pattern, labels = _kv_regex()
        text, simple = doc.text, doc.simplified
        day_first = not _us_document(doc)
        by_line: dict[int, list] = {}
        for m in pattern.finditer(lowered(doc)):
            by_line.setdefault(doc.line_at(m.start()).start, []).append(m)
        for start, found in by_line.items():
            line = doc.line_at(start)
            kind = _section_kind_at(doc, line.start)
            pairs = [m for m in found if ":" in m["colon"] or "：" in m["colon"]]
            top = kind in _TOP_KINDS or kind is None or len(pairs) >= 2
            for k, m in enumerate(found):
                key = _SPACES.sub(" ", m["label"].lower())
                field, lang = labels.get(key) or labels.get(key.replace(" ", "")) or (None, None)
                if field is None or field in CONTACT_FIELDS:
                    continue
                job = field in ("positions", "locations", "salary")
                if not (top or (job and m.start() == line.start)):
                    continue
                colon = ":" in m["colon"] or "：" in m["colon"]
                if not colon and (lang == "en" or m.start() != line.start and not text[line.start:m.start()].strip() == ""):
                    # a Chinese label without a colon counts after a cell break (tab, wide gap, |)
                    if lang == "en" or not _VALUE_STOP.search(text[max(line.start, m.start() - 2):m.start()] or " "):
                        continue
                end = found[k + 1].start() if k + 1 < len(found) else line.end
                vs = m.end()
                stop = _VALUE_STOP.search(text, vs, end)
                ve = stop.start() if stop else end
                if job:
                    # "求职意向：Java开发工程师 | 北京 | 15-20K": the pieces run to the next label
                    values = intention_values(text, simple, vs, end if field == "positions" else ve, field)
                    if values or colon:
                        out.append(Mention("_basics.label", None, m.start(), m.end(), lang, 1.0, "basics/label"))
                    out += [_intention_mention(text, kind, a, b) for kind, a, b in values]
                    continue
                value = text[vs:ve].strip(" ,，:：")
                if not value:
                    if colon:
                        out.append(Mention("_basics.label", None, m.start(), m.end(), lang, 1.0, "basics/label"))
                    continue
                vs = text.index(value, vs)
                ve = vs + len(value)
                mentions = self._kv_value(field, value, vs, ve, colon, day_first)
                if mentions is None:
                    continue
                out.append(Mention("_basics.label", None, m.start(), m.end(), lang, 1.0, "basics/label"))
                for mention in mentions:
                    (names if mention.field == "basics.name" else out).append(mention)

    def _kv_value(self, field: str, value: str, vs: int, ve: int, colon: bool,
                  day_first: bool = True) -> list[Mention] | None:
        lang = _lang(value)
        src = f"basics/kv-{field}"
        if field == "name":
            if lang == "zh":
                value = pattern(r"\s+").sub("", value) if looks_like_zh_name(value) else value
                ok = looks_like_zh_name(value)
            else:
                cleaned = clean_en_name(value)
                ok = cleaned is not None or (len(value.split()) <= 4 and not _is_place(value))
                value = cleaned or _title(value)
            if not ok or (not colon and lang == "en"):
                return None
            return [Mention("basics.name", value, vs, ve, lang, 0.95, src)]
        if field == "gender":
            g = _GENDER.get(value.lower().rstrip("."))
            return [Mention("basics.gender", g, vs, ve, lang, 1.0, src)] if g else None
        if field == "birth_date":
            d = parse_birth_date(value, day_first)
            return [Mention("basics.birth_date", d, vs, ve, lang, 1.0, src)] if d else None
        if field == "relative":
            return []  # a father's or spouse's name is never the candidate's: only the label is consumed
        if field == "age":
            return []  # age is not a birth date: only the label is consumed
        if field == "ethnicity":
            if lang == "zh" and not colon and not value.endswith("族"):
                return None
            return [Mention("basics.ethnicity", value, vs, ve, lang, 1.0, src)]
        if field == "political_status":
            if not colon and not _POLITICAL.match(value):
                return None
            return [Mention("basics.political_status", value, vs, ve, lang, 1.0, src)]
        if field == "nationality":
            return [Mention("basics.nationality", value, vs, ve, lang, 1.0, src)]
        if field in ("location", "hometown"):
            loc = parse_location(value, address=bool(_ADDRESS_WORDS.search(value)) or len(value) > 12, labelled=True)
            if loc is None:
                return None
            if not colon and not (lang == "zh" and loc.get("country")):
                # a table cell without a colon (现住址    北京市朝阳区…) is read when the gazetteer
                # knows the place it opens with
                return None
            return [Mention("basics.location", loc, vs, ve, lang, 0.85 if field == "location" else 0.4, src)]
        return None

    # -- unlabelled attribute lines: "男 | 1995.06 | 中共党员 | 汉族" --------------------------
    def _attribute_lines(self, doc: "Document", header_lines: list, out: list[Mention]) -> None:
        text = doc.text
        lines = list(header_lines)
        for sec in doc.sections:
            if sec.kind == "basics":
                lines += [ln for ln in doc.lines_in(sec.body_start, sec.end) if ln not in lines]
        taken = {(m.field) for m in out if m.field.startswith("basics.")}
        residence = _residence_regex()
        for line in lines:
            raw = text[line.start:line.end]
            if len(raw) > 80:
                continue
            cells: list[tuple[int, str]] = []
            found: list[Mention] = []
            for m in _AGE_BORN.finditer(raw):  # 51job: "35岁(1988/4/3)", a date the cells would split at "/"
                born = parse_birth_date(m["born"])
                if born:
                    bs = line.start + m.start("born")
                    found.append(Mention("basics.birth_date", born, bs, bs + len(m["born"]), "zh", 0.8, "basics/attr-birth"))
                    found.append(Mention("_basics.age", None, line.start + m.start(), line.start + m.end(), "zh", 1.0,
                                         "basics/attr-age"))
            for m in _ATTR_CELL.finditer(raw):
                cell = m[0]
                if ":" in cell or "：" in cell:
                    continue  # "现居住地：上海" is a key-value pair: the key-value reader has it
                if _ATTR_DATE.match(cell) or " " not in cell:
                    cells.append((line.start + m.start(), cell))
                else:
                    cells += [(line.start + m.start() + w.start(), w[0]) for w in pattern(r"\S+").finditer(cell)]
            gender = False
            for cs, cell in cells:
                ce = cs + len(cell)
                lang = _lang(cell)
                if any(f.start <= cs < f.end for f in found):
                    continue
                g = _GENDER.get(cell.lower()) if cell.lower() not in ("m", "f", "man", "woman") else None
                if g:
                    found.append(Mention("basics.gender", g, cs, ce, lang, 0.8, "basics/attr-gender"))
                    gender = True
                elif _POLITICAL.match(cell):
                    found.append(Mention("basics.political_status", cell, cs, ce, lang, 0.8, "basics/attr-political"))
                elif _ETHNIC.match(cell):
                    found.append(Mention("basics.ethnicity", cell, cs, ce, lang, 0.8, "basics/attr-ethnicity"))
                elif _ATTR_DATE.match(cell) and parse_birth_date(cell):
                    found.append(Mention("basics.birth_date", parse_birth_date(cell), cs, ce, lang, 0.8, "basics/attr-birth"))
                elif _ATTR_AGE.match(cell):
                    found.append(Mention("_basics.age", None, cs, ce, lang, 1.0, "basics/attr-age"))
                elif r := residence.match(cell):
                    # "现居北京" names itself: it counts without a gender beside it, and over a 籍贯 (hometown)
                    loc = parse_location(r["place"], labelled=True)
                    if loc and loc.get("country"):
                        out.append(Mention("_basics.label", None, cs, cs + r.start("place"), lang, 1.0, "basics/label"))
                        out.append(Mention("basics.location", loc, cs + r.start("place"), ce, lang, 0.8,
                                           "basics/attr-residence"))
            if gender and len(found) >= 2:
                out += [m for m in found if m.field not in taken]

    # -- header -----------------------------------------------------------------------
    def _header_lines(self, doc: "Document", contact_lines: set[int]) -> list:
        """The first non-empty lines before the first heading (at most 8)."""
        first_heading = next((s.start for s in doc.sections if s.heading is not None), len(doc.text))
        out = []
        for line in doc.lines:
            if line.start >= first_heading or len(out) >= 8:
                break
            if doc.text[line.start:line.end].strip():
                out.append(line)
        return out

    def _header_names(self, doc: "Document", lines: list, names: list[Mention]) -> None:
        text = doc.text
        rank = 0
        for line in lines[:6]:
            raw = text[line.start:line.end]
            stripped = raw.strip()
            if not stripped or is_title_line(stripped):
                continue  # "Curriculum Vitae", "个人简历", "[Photo]" do not push the name down
            off = line.start + raw.index(stripped)
            found = False
            # the whole line (Dr. Priya Natarajan / SMITH, John / Robert Smith, Jr.), else its first cell,
            # else the line with its small gaps closed (MARIA  KOWALSKI, 张  三  丰)
            first = _FIRST_CELL.split(stripped)[0]
            tries = []
            if not _HARD_SEP.search(stripped):
                tries.append(stripped)
            tries.append(first)
            if _SOFT_GAPS.match(stripped):
                tries.append(stripped)
            for cand in tries:
                base_off = off + stripped.index(cand)
                for m in _NAME_PIECE.finditer(cand):
                    piece = m[0].strip(" ,")
                    ps = base_off + m.start() + m[0].index(piece)
                    j = ps + len(piece)  # the first non-space after the piece (no slice of the rest of the line)
                    while j < line.end and text[j].isspace():
                        j += 1
                    if j < line.end and text[j] in (":", "：") and not (
                            _HAN.match(piece) and looks_like_zh_name(piece) and not _is_zh_label(piece)):
                        continue  # a label ("Google Scholar:", "性别："), not a name; "高勇：男，…" is a bio
                    if _HAN.match(piece) and ps > line.start and text[ps - 1].isdigit():
                        continue  # "1966年出生": the tail of a date, not a name
                    bold = bool(doc.norm.marks_in(ps, ps + len(piece), "bold") or doc.norm.marks_in(ps, ps + len(piece), "heading"))
                    base = max(0.6 - 0.1 * rank, 0.3) + (0.05 if bold else 0.0)
                    if _HAN.match(piece):
                        if looks_like_zh_name(piece):
                            names.append(Mention("basics.name", pattern(r"\s+").sub("", piece), ps, ps + len(piece), "zh",
                                                 base + 0.1, "basics/header-line"))
                            found = True
                        continue
                    value = clean_en_name(piece)
                    if value is None and "," in piece:
                        head = piece.split(",")[0].strip()
                        value = clean_en_name(head)
                        piece = head if value else piece
                    if value is not None and not _is_place(value):
                        names.append(Mention("basics.name", value, ps, ps + len(piece), "en", base, "basics/header-line"))
                        found = True
                if found:
                    break
            if found or pattern(r"\w").search(raw):
                rank += 1

    def _location_and_headline(self, doc: "Document", lines: list, out: list[Mention]) -> None:
        text = doc.text
        done_loc = done_head = False
        for line in lines:
            raw = text[line.start:line.end].strip()
            if not raw:
                continue
            s = line.start + text[line.start:line.end].index(raw)
            body = raw.lstrip("• ").strip()
            bs = s + raw.index(body) if body else s
            if not done_head:
                q = _QUOTED.match(body)
                h = _HEADLINE.match(body)
                if q:
                    val = q["body"].strip()
                    vs = text.index(val, bs)
                    out.append(Mention("basics.headline", val, vs, vs + len(val), _lang(val), 0.9, "basics/headline-quoted"))
                    out.append(Mention("_basics.quote", None, bs, bs + len(body), "en", 1.0, "basics/headline"))
                    done_head = True
                    continue
                if h:
                    val = (h["after"] or h["plain"]).strip()
                    vs = text.index(val, bs)
                    if h["after"] and self._objective_intention(doc, bs, vs, vs + len(val), out):
                        continue
                    out.append(Mention("basics.headline", val, vs, vs + len(val), _lang(val), 0.8, "basics/headline"))
                    if vs > bs:
                        out.append(Mention("_basics.label", None, bs, vs, "en", 1.0, "basics/headline"))
                    done_head = True
                    continue
            if done_loc or _EMAIL.search(body) or _URL.search(body) or (_PHONE.search(body) and not _ADDRESS_WORDS.search(body)):
                continue
            parts = [p for p in pattern(r"\s*[,，]\s*").split(body) if p]
            if len(parts) < 2 and not _ADDRESS_WORDS.search(body):
                continue
            if looks_like_en_name(body):
                continue
            loc = parse_location(body, address=bool(_ADDRESS_WORDS.search(body)) or len(parts) >= 3)
            if loc and (loc.get("country") or loc.get("city")) and (len(parts) <= 8):
                if loc["city"] is None and loc["country"] is None:
                    continue
                if not (_ADDRESS_WORDS.search(body) or loc.get("country")):
                    continue
                out.append(Mention("basics.location", loc, bs, bs + len(body), _lang(body), 0.7, "basics/header-address"))
                done_loc = True

    @staticmethod
    def _objective_intention(doc: "Document", label_start: int, vs: int, ve: int, out: list[Mention]) -> bool:
        """``Objective: Data Scientist | Seattle, WA | $150k`` states a job intention, not a headline:
        the pieces become job_intention values when one of them is a place or a salary."""
        if not is_intention_line(doc, vs, ve):
            return False
        values = intention_values(doc.text, doc.simplified, vs, ve)
        out.append(Mention("_basics.label", None, label_start, vs, "en", 1.0, "basics/label"))
        out += [_intention_mention(doc.text, kind, a, b) for kind, a, b in values]
        return True

    def _location_cells(self, doc: "Document", lines: list, out: list[Mention]) -> None:
        """A place cell on a header line: ``Seattle, WA | (206) ...``, ``San Francisco Bay Area``."""
        text = doc.text
        for line in lines:
            raw = text[line.start:line.end]
            for m in _LOC_CELL.finditer(raw):
                cell = m[0]
                if _EMAIL.search(cell) or _URL.search(cell) or _PHONE.search(cell) or ":" in cell or "：" in cell:
                    continue
                core = _AREA_WORDS.sub("", cell).strip(" ,")
                known = bool(core) and _place_hit(core) is not None  # Austin, TX 78701; Newcastle NSW 2300
                if not core or ("," not in core and not known):
                    continue
                loc = parse_location(core)
                if loc and loc.get("city") and loc.get("country"):
                    cs = line.start + m.start()
                    out.append(Mention("basics.location", loc, cs, cs + len(cell), _lang(cell), 0.6, "basics/header-place"))
                    return

    def _role_headline(self, doc: "Document", lines: list, names: list[Mention], out: list[Mention]) -> None:
        """The line right under the name that states a role: ``Senior Software Engineer``."""
        text = doc.text
        name_lines = {doc.line_at(m.start).start for m in names if m.source == "basics/header-line"}
        for k, line in enumerate(lines[:-1]):
            if line.start not in name_lines:
                continue
            nxt = lines[k + 1]
            raw = text[nxt.start:nxt.end].strip()
            if (not raw or len(raw) > 90 or len(raw.split()) > 12 or raw.endswith(".") or nxt.start in name_lines
                    or _EMAIL.search(raw) or _URL.search(raw) or _PHONE.search(raw) or pattern(r"[:：|]").search(raw)
                    or not _ROLE_WORDS.search(raw) or is_title_line(raw)):
                return
            vs = nxt.start + text[nxt.start:nxt.end].index(raw)
            out.append(Mention("basics.headline", raw, vs, vs + len(raw), _lang(raw), 0.7, "basics/header-role"))
            return

    # -- names ----------------------------------------------------------------------------
    def _score_names(self, doc: "Document", names: list[Mention], contacts) -> list[Mention]:
        from rapidfuzz import fuzz

        evidence = [e.split("@", 1)[0] for e in contacts.emails] + list(contacts.handles)
        for url in contacts.homepages:
            host = pattern(r"(?i)^(?:https?://)?(?:www\.)?").sub("", url).split("/")[0]
            evidence.append(host.split(".")[0])

        def ev(name: str) -> float:
            return max((evidence_match(name, e) for e in evidence), default=0.0)

        scored: list[Mention] = []
        for m in names:
            bonus = 0.3 * ev(m.value) if m.lang == "en" and m.source != "basics/kv-name" else 0.0
            scored.append(_rescore(m, m.score + bonus))
        best_ev = max((ev(m.value) for m in scored if m.lang == "en"), default=0.0)
        # no evidenced candidate: look for a name spelled by the evidence anywhere in the text
        if best_ev < 0.7 and evidence:
            seen = set()
            for m in _CAP_NAME.finditer(doc.text):
                value = m[0]
                if value in seen or not looks_like_en_name(value):
                    continue
                seen.add(value)
                e = ev(value)
                if e >= 0.7:
                    scored.append(Mention("basics.name", value, m.start(), m.end(), "en", round(0.35 + 0.3 * e, 3), "basics/evidence"))
            best_ev = max((ev(m.value) for m in scored if m.lang == "en"), default=0.0)
        # an OCR-garbled header line next to an evidenced candidate
        if best_ev >= 0.7:
            strong = [m.value for m in scored if m.lang == "en" and ev(m.value) >= 0.7]
            scored = [
                _rescore(m, m.score - 0.2) if m.lang == "en" and ev(m.value) < 0.3
                and any(fuzz.ratio(m.value.lower(), s.lower()) >= 70 for s in strong) else m
                for m in scored
            ]
        # bilingual: the other language's name by pinyin
        en_best = max((m for m in scored if m.lang == "en"), key=lambda m: m.score, default=None)
        zh_best = max((m for m in scored if m.lang == "zh"), key=lambda m: m.score, default=None)
        if en_best is None and zh_best is None and evidence and _HAN.search(doc.text):
            # a Chinese resume whose name appears only in running text (a team list): the
            # candidate whose pinyin the email or handle spells (cpz@ -> 张潮鹏)
            zh_ev = self._zh_evidence_candidate(doc, ev)
            if zh_ev is not None:
                scored.append(zh_ev)
                zh_best = zh_ev
        if en_best is not None and _HAN.search(doc.text):
            for m in _HAN_RUN.finditer(doc.text):
                if looks_like_zh_name(m[0]) and same_person(en_best.value, m[0]):
                    if zh_best is not None and zh_best.value == m[0]:
                        scored.append(_rescore(zh_best, zh_best.score + 0.2))
                    else:
                        scored.append(Mention("basics.name", m[0], m.start(), m.end(), "zh", 0.8, "basics/pinyin-match"))
                    break
        if zh_best is not None and (en_best is None or not same_person(en_best.value, zh_best.value)):
            for m in _CAP_NAME.finditer(doc.text):
                if same_person(m[0], zh_best.value):
                    scored.append(Mention("basics.name", m[0], m.start(), m.end(), "en",
                                          0.7 if en_best is None else 0.5, "basics/pinyin-match"))
                    break
        # one mention per (lang, value): the best score
        best: dict[tuple[str, str], Mention] = {}
        for m in scored:
            key = (m.lang, str(m.value).casefold())
            if key not in best or m.score > best[key].score:
                best[key] = m
        return [m for m in best.values() if m.score >= 0.3]


    @staticmethod
    def _zh_evidence_candidate(doc: "Document", ev) -> Mention | None:
        best: tuple[float, Mention] | None = None
        seen: set[str] = set()
        for m in _HAN_RUN.finditer(doc.text):
            value = m[0]
            if value in seen or not looks_like_zh_name(value):
                continue
            seen.add(value)
            e = max((ev(form) for form in romanized_forms(value)), default=0.0)
            if e >= 0.5 and (best is None or e > best[0]):
                best = (e, Mention("basics.name", value, m.start(), m.end(), "zh", round(0.35 + 0.3 * e, 3),
                                   "basics/evidence-zh"))
        return best[1] if best else None


@lru_cache(maxsize=1)
def _zh_labels() -> frozenset[str]:
    return frozenset(row[2] for row in table("lexicon/basics_keys.tsv") if len(row) >= 3 and row[1] == "zh")


def _is_zh_label(text: str) -> bool:
    """A key of a Chinese key-value line (姓名, 性别, 民族 ...), in either script."""
    return _SPACES.sub("", to_simplified(text)) in _zh_labels()  # 姓  名: a label padded to a column


def _rescore(m: Mention, score: float) -> Mention:
    return Mention(m.field, m.value, m.start, m.end, m.lang, round(min(score, 0.99), 3), m.source)
