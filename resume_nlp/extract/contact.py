"""Contact details: emails, phones, homepage URLs and social profiles, wherever they stand.

Contact items sit in the header, between the education lines of a flattened two-column PDF
or at the top of the second language version of a bilingual resume, so this extractor reads
every line. A line made only of contact items, their labels, icons and separators is a
*contact line*: its items are the candidate's, and the line is masked from section parsers.
Elsewhere an item counts only in the header / personal-information blocks or after its own
label (``Email:``); items inside entries (a supervisor's email, a project's repository URL)
and in the references section are not the candidate's contact details.

Phones become E.164. The region comes from an explicit ``+cc``; otherwise from the number's
shape and the document (a Chinese mobile ``1[3-9]x`` with 11 digits; a NANP ``314-319-2407``
where the document points to the US); otherwise ``doc.region_hint``; otherwise the digits are
kept with a low score (no guess).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Iterable

import regex

from ..gazetteer import locations
from ..names import looks_like_en_name, looks_like_zh_name
from ..patterns import LABEL_PADDING, literal_alternation, pattern
from ..resources import table
from ..spans import Mention

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

__all__ = ["ContactExtractor", "ContactScan", "scan", "phone_value", "profile_from_url"]

_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
_LABEL_CHARS = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
_EMAIL = regex.compile(rf"(?<![\w.+\-]){_LOCAL}@{_LABEL_CHARS}(?:\.{_LABEL_CHARS})*\.[A-Za-z]{{2,24}}(?![\w@])")
_AT = r"(?:\s*[(\[{<]\s*(?i:at)\s*[)\]}>]\s*|\s+AT\s+|\s*#\s*)"
_DOT = r"(?:\s*[(\[{<]\s*(?i:dot)\s*[)\]}>]\s*|\s+DOT\s+|\.)"
_OBF_EMAIL = regex.compile(
    rf"(?<![\w.+\-])(?P<local>{_LOCAL}?)(?<![.\-]){_AT}(?P<domain>{_LABEL_CHARS}(?:{_DOT}{_LABEL_CHARS})*{_DOT}[A-Za-z]{{2,24}})(?![\w@])"
)
_DOT_SPLIT = regex.compile(_DOT)
_URL_END = r"[^\s<>\"'|,;)\]}\u3000-\u303f\uff00-\uffef\p{Han}]"
_TLDS = ("com|net|org|io|me|name|cn|edu|dev|ai|info|site|tech|xyz|co|us|uk|de|page|blog|cc|top|tv|app|"
         "github\\.io|gitee\\.io|hk|tw|sg|jp|ca|au|fr|eu|es|it|nl|se|dk|fi|pl|ch|at|be|ru|kr|nz|ie|pt|br|mx|ar|cl|"
         "vn|my|ph|th|il|gr|cz|hu|ro|tr|za|ae|mo|id|in|online|website|studio|design|codes|works|space|live|pro|ly|gg|fm|sh|cv|ink|run|wiki|link|one")
_URL_END_RE = "[^\\s<>\"'|,;)\\]}\u3000-\u303f\uff00-\uffef\u3400-\u9fff]"
_URL = re.compile(  # stdlib re: several times faster than regex on this pattern
    rf"(?<![\w@./\-])(?:(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.){_URL_END_RE}+"
    rf"|(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:{_TLDS})(?![\w\-@])(?:/{_URL_END_RE}*)?)"
)
_OBF_HINT = re.compile(r"[(\[{<]\s*[aA][tT]\s*[)\]}>]|\sAT\s|#")
_PHONE = re.compile(
    r"(?<![\w+/.\-])(?:\(\s*\+\s*\d{1,3}\s*\)|\+ ?\d{1,3}|00\d{1,3})?[ \t\-.]{0,2}(?:\(\d{1,5}\)[ \t\-.]?)?"
    r"\d(?:\d|[ \t\-.](?=\d)){5,16}\d(?!\w|[\-.]\d)"  # not a prefix of a longer digit run (ORCID)
)
_CN_MOBILE = regex.compile(r"^(?:86)?1[3-9]\d{9}$")
_NANP = regex.compile(r"^\(?[2-9]\d{2}\)?[\s.\-]?[2-9]\d{2}[\s.\-]?\d{4}$")
_CN_LANDLINE = regex.compile(r"^0\d{2,3}[\s\-]?\d{7,8}$")
_SEPARATORS = regex.compile(r"^[\s|·•/,;:：()\[\]<>\-–—_*#~+=.]*$")
_HANDLE = regex.compile(r"(?a)^@?\w[\w.\-:]{1,59}$")  # ASCII: a Han word after a label is prose, not a handle
_HEX_SLUG = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-(?=[0-9a-f]*\d)[0-9a-f]{5,}$")
_ITEM_STOP = regex.compile(r"\s*(?:\||•|·|\s{2,}|$)")

_US_STATE = regex.compile(
    r",\s*(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
    r"NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\b(?!\.)"
    r"|\b(?:USA|U\.S\.A?\.?|United States)\b"
)
_CANADA = regex.compile(r"\bCanada\b|,\s*(?:ON|BC|QC|AB|MB|NS|NB|NL|PE|SK)\b")
_CHINA = regex.compile(r"\bChina\b|\bP\.\s?R\.\s?C\b|中国|\p{Han}{2}(?:省|市)")
# Where a national number without +cc (07700 900461, 0412 345 678) belongs: the places the
# document names (the locations gazetteer) and what a gazetteer cannot hold: postcodes, a state
# with its postcode, national web and e-mail domains.
_POSTAL_EVIDENCE: dict[str, "regex.Pattern[str]"] = {
    "GB": regex.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![A-Za-z0-9])"),  # BS6 5JP, SW1A 1AA
    "AU": regex.compile(r"\b(?:NSW|QLD|VIC|TAS|ACT|WA|SA|NT)\s+\d{4}\b"),  # NSW 2300
}
_NATIONAL_DOMAIN = regex.compile(r"\.(?:(?:co|ac|org|gov|govt|nhs|com|edu|net|id)\.)?(uk|au|nz|ie|in|sg)\b")
_NANP_REGIONS = frozenset({"US", "CA"})

# Short labels printed before a number or an address (M: 0412 345 678 | E: a@b.com.au), read
# case-sensitively and only with a colon: a lone "m" or "t" is everywhere in running text.
_SHORT_LABEL = regex.compile(r"(?<![\w.&'’])(?P<label>Mob|MOB|Ph|PH|Tel|TEL|[MTPHCEW])(?P<colon>[ \t]?[:：][ \t]*)(?=\S)")
_SHORT_FIELDS = {"E": "email", "W": "url"}

CONTACT_FIELDS = ("phone", "email", "url", "wechat", "qq")
_LABEL_TEMPLATES: dict[str, str] = {}  # network label (lowercase) -> profile URL of a bare handle ("{}")
_NETWORKS = ("github", "linkedin", "skype", "wechat", "qq", "twitter", "scholar", "other")


# --- tables ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _network_tables() -> tuple[tuple[tuple[str, str], ...], dict[str, str], dict[str, str]]:
    domains, labels, icons = [], {}, {}
    templates = _LABEL_TEMPLATES
    for row in table("lexicon/networks.tsv"):
        if len(row) < 3:
            continue
        kind, key, network = row[0], row[1].lower(), row[2]
        if kind == "domain":
            domains.append((key, network))
        elif kind == "label":
            labels[key] = network
            if len(row) > 3 and "{}" in row[3]:
                templates[key] = row[3]
        elif kind == "icon" and key.startswith("u+"):
            icons[chr(int(key[2:], 16))] = network
    domains.sort(key=lambda d: -len(d[0]))
    return tuple(domains), labels, icons


@lru_cache(maxsize=1)
def _label_regex() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every contact label; label (lowercase) -> field or ``net:<network>``."""
    fields: dict[str, str] = {}
    for row in table("lexicon/basics_keys.tsv"):
        if len(row) >= 3 and row[0] in CONTACT_FIELDS:
            fields.setdefault(row[2].lower(), row[0])
    for label, network in _network_tables()[1].items():
        fields.setdefault(label, "net:" + network)
    alternation = literal_alternation(fields, space=r"[ \-]?", han_gap=LABEL_PADDING)
    pattern = re.compile(  # matched on the lowercased Simplified view
        rf"(?<![a-z0-9])(?P<label>{alternation})(?![a-z])(?:[ \t]*\([^()\n]{{0,12}}\))?"
        rf"(?P<colon>[ \t]*[:：][ \t]*|[ \t]+|(?=[\d+(]))?"
    )
    return pattern, fields


def _label_field(label: str, fields: dict[str, str]) -> str | None:
    key = pattern(r"[\s\-]+").sub(" ", label.lower())
    return fields.get(key) or fields.get(key.replace(" ", "")) or fields.get(key.replace(" ", "-"))


# --- values ------------------------------------------------------------------------------
def _url_key(url: str) -> str:
    key = pattern(r"(?i)^(?:https?://)?(?:www\.)?").sub("", url.strip()).rstrip("/").lower()
    return key


def profile_from_url(url: str) -> dict | None:
    """``{"network", "username", "url"}`` of a profile URL, or None (homepages, repositories)."""
    stripped = pattern(r"(?i)^(?:https?://)?(?:www\.)?").sub("", url.strip())
    path = pattern(r"[?#]").split(stripped, maxsplit=1)[0].rstrip("/")
    low = path.lower()
    for domain, network in _network_tables()[0]:
        if not (low == domain or low.startswith(domain + "/")):
            continue
        rest = [p for p in path[len(domain):].split("/") if p]
        if network == "scholar":
            user = pattern(r"[?&]user=([\w\-]+)").search(url)
            return {"network": "scholar", "username": user[1] if user else None, "url": url}
        if not rest or (network in ("github", "twitter") and len(rest) != 1):
            return None  # the site itself or a repository, not a profile
        if network in ("github", "linkedin", "twitter"):
            return handle_profile(network, rest[0])
        return {"network": network, "username": rest[-1], "url": url}
    return None


def handle_profile(network: str, handle: str) -> dict:
    handle = handle.strip().lstrip("@") if network != "skype" else handle.strip()
    if network == "github":
        return {"network": network, "username": handle, "url": f"https://github.com/{handle}"}
    if network == "linkedin":
        return {"network": network, "username": handle, "url": f"https://www.linkedin.com/in/{handle}"}
    if network == "twitter":
        return {"network": network, "username": handle, "url": f"https://twitter.com/{handle}"}
    return {"network": network, "username": handle, "url": None}


def phone_value(raw: str, nanp_region: str | None, fallback_region: str | None) -> tuple[str, float]:
    """E.164 of a printed phone number and a confidence; the digits alone when no region fits."""
    import phonenumbers  # lazy: large metadata

    text = raw.strip()
    text = pattern(r"^\(\s*(\+\s*\d{1,3})\s*\)").sub(r"\1", text)
    text = pattern(r"^00(?=[1-9])").sub("+", text)
    digits = pattern(r"\D").sub("", text)
    if text.startswith("+"):
        regions: list[str | None] = [None]
    elif _CN_MOBILE.match(digits):
        regions = ["CN"]
    elif _NANP.match(text) or (len(digits) == 11 and digits[0] == "1" and _NANP.match(text.lstrip("1 -."))):
        regions = [nanp_region] if nanp_region else []
    elif _CN_LANDLINE.match(text) and fallback_region in (None, "CN"):
        regions = ["CN"]
    else:
        regions = [fallback_region] if fallback_region else []
    # A region read off the number's own shape (+cc, a CN mobile, NANP with US evidence) may
    # accept a merely possible number; a region guessed from the document must give a valid
    # one, or we keep the digits rather than state a wrong country.
    guessed = regions == [fallback_region] and not text.startswith("+")
    for region in regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if phonenumbers.is_valid_number(number):
            return e164, 1.0
        if phonenumbers.is_possible_number(number) and (not guessed or _national_form(text, region)):
            # a guessed region also fits when the number is written with that country's trunk
            # prefix (07700 900461 in a UK CV): ranges kept back for fiction and new allocations
            # are possible but not "valid" in the metadata
            return e164, 0.5
    return ("+" if text.startswith("+") else "") + digits, 0.3


def _national_form(text: str, region: str | None) -> bool:
    """``text`` opens with the national (trunk) prefix of ``region``: 0 in GB/AU/IN/NZ/IE."""
    import phonenumbers

    meta = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    prefix = meta.national_prefix if meta is not None else None
    return bool(prefix) and pattern(r"\D").sub("", text).startswith(prefix)


# --- scanning ----------------------------------------------------------------------------
@dataclass(slots=True)
class Item:
    kind: str  # email | url | phone | profile | handle | name | label | layout
    start: int
    end: int
    value: object = None
    field: str | None = None  # for labels: the field they announce
    labelled: bool = False


@dataclass
class ContactScan:
    """What the contact scan found; shared with the basics extractor (name evidence)."""

    mentions: list[Mention] = field(default_factory=list)
    contact_lines: set[int] = field(default_factory=set)
    emails: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)  # usernames and slugs (name evidence)
    homepages: list[str] = field(default_factory=list)
    name_items: list[tuple[int, int]] = field(default_factory=list)  # "🕿 Xinglu Wang" on a contact line
    nanp_region: str | None = None
    region: str | None = None


_CACHE: "weakref.WeakKeyDictionary[Document, ContactScan]" = weakref.WeakKeyDictionary()


_HONG_KONG = regex.compile(r"香港|九[龍龙]|新界|Hong Kong|\+852")
_MACAU = regex.compile(r"澳[門门]|Macau|Macao|\+853")


def _doc_regions(doc: "Document") -> tuple[str | None, str | None]:
    """(region for NANP-shaped numbers, region for other national numbers) from the document."""
    text = doc.text
    emails = _EMAIL.findall(text)
    us = len(_US_STATE.findall(text)) + sum(1 for e in emails if e.lower().endswith(".edu"))
    ca = len(_CANADA.findall(text))
    cn = len(_CHINA.findall(text)) + sum(1 for e in emails if e.lower().endswith(".cn") or e.lower().endswith("@qq.com"))
    english_only = doc.languages == ["en"]
    if ca and not us:
        nanp = "CA"
    elif us or english_only:
        nanp = "US"
    else:
        nanp = doc.region_hint if doc.region_hint in ("US", "CA") else None
    if doc.region_hint:
        other = doc.region_hint
    elif english_only and (place := _address_region(doc, us + ca)) is not None:
        other = place
    elif doc.traditional:
        # Traditional characters: Taiwan, or Hong Kong / Macau when the text says so
        other = "HK" if _HONG_KONG.search(text) else "MO" if _MACAU.search(text) else "TW"
    elif "zh" in doc.languages or (cn and not us and not ca):
        other = "CN"
    else:
        other = None
    return nanp, other


def _address_region(doc: "Document", nanp_evidence: int) -> str | None:
    """The country a non-NANP English resume points to, or None: the header (the address) counts
    three times, and the country must outweigh the US/Canadian evidence."""
    text = doc.text
    first = next((s.start for s in doc.sections if s.heading is not None), len(text))
    head = min(first, 600)
    evidence: Counter[str] = Counter()
    for m in locations().find(text):
        if m.entity.country and m.entity.country not in _NANP_REGIONS:
            evidence[m.entity.country] += 3 if m.start < head else 1
    for code, rx in _POSTAL_EVIDENCE.items():
        for m in rx.finditer(text):
            evidence[code] += 3 if m.start() < head else 1
    for m in _NATIONAL_DOMAIN.finditer(text):
        evidence["GB" if m[1] == "uk" else m[1].upper()] += 3 if m.start() < head else 1
    if not evidence:
        return None
    best, best_n = evidence.most_common(1)[0]
    return best if best_n > nanp_evidence else None


def _section_kind_at(doc: "Document", offset: int) -> str | None:
    for sec in doc.sections:
        if sec.start <= offset < max(sec.end, sec.start + 1):
            return sec.kind
    return "header" if not doc.sections or offset < doc.sections[0].start else None


def _overlaps(items: list[Item], start: int, end: int) -> bool:
    return any(it.start < end and start < it.end for it in items)


_DATE_LIKE = regex.compile(  # dates and date ranges: 2019.09, 2019-09-01, 2014-2017, 2019.09-2023.06
    r"^(?:19|20)\d{2}(?:\s*[.\-/]\s*\d{1,2}){0,2}(?:\s*[-.]\s*(?:(?:19|20)\d{2}(?:\s*[.\-/]\s*\d{1,2}){0,2}|\d{1,2}))?$"
)
_NON_DIGIT = regex.compile(r"\D")
_URL_TRAIL = ".,:;!?"


_LOWER_CACHE: "weakref.WeakKeyDictionary[Document, str]" = weakref.WeakKeyDictionary()


def lowered(doc: "Document") -> str:
    """The Simplified view, lowercased offset for offset (for case-insensitive label matching)."""
    low = _LOWER_CACHE.get(doc)
    if low is None:
        simple = doc.simplified
        low = simple.lower()
        if len(low) != len(simple):  # a character whose lowercase is longer (İ): keep offsets
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in simple)
        _LOWER_CACHE[doc] = low
    return low


class _Taken:
    """Disjoint spans (each one is added only where it is free), sorted by start; ``free`` is a
    bisection instead of a scan of every span taken so far (which was quadratic on a page of
    URLs or phone-like numbers)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def append(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_right(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])

    def free(self, s: int, e: int) -> bool:
        # disjoint and sorted: the last span starting before e reaches furthest to the right
        i = bisect.bisect_left(self.starts, e) - 1
        return i < 0 or self.ends[i] <= s


def _doc_items(doc: "Document", regions: tuple[str | None, str | None]) -> dict[int, list[Item]]:
    """Every email, URL, phone, label and target-less link of the document, by line start."""
    text, simple = doc.text, doc.simplified
    found: list[Item] = []
    taken = _Taken()
    free = taken.free

    for m in _EMAIL.finditer(text):
        found.append(Item("email", m.start(), m.end(), m[0]))
        taken.append((m.start(), m.end()))
    windows = [(max(0, h.start() - 70), min(len(text), h.end() + 120)) for h in _OBF_HINT.finditer(text)]
    obf = [m for a, b in windows for m in _OBF_EMAIL.finditer(text, a, b)]
    for m in obf:
        if "@" in m[0] or "\n" in m[0] or not m["local"] or not free(m.start(), m.end()):
            continue
        domain = ".".join(p for p in _DOT_SPLIT.split(m["domain"]) if p)
        found.append(Item("email", m.start(), m.end(), f"{m['local']}@{domain}".lower()))
        taken.append((m.start(), m.end()))
    for m in _URL.finditer(text):
        url = m[0].rstrip(_URL_TRAIL)
        s, e = m.start(), m.start() + len(url)
        if "@" in url or not free(s, e):
            continue
        found.append(Item("url", s, e, url))
        taken.append((s, e))
    for m in _PHONE.finditer(text):
        raw = m[0].strip(" -.")
        s = m.start() + m[0].find(raw)
        e = s + len(raw)
        if "\n" in raw:
            continue
        digits = _NON_DIGIT.sub("", raw)
        if not 7 <= len(digits) <= 15 or not free(s, e) or _DATE_LIKE.match(raw):
            continue
        found.append(Item("phone", s, e, phone_value(raw, *regions)))
        taken.append((s, e))
    pattern, fields = _label_regex()
    for m in pattern.finditer(lowered(doc)):
        if "\n" in m[0] or not free(m.start(), m.end("label")):
            continue
        colon = m["colon"] or ""
        if "\n" in colon:
            continue
        found.append(Item("label", m.start(), m.end(), m["label"], field=_label_field(m["label"], fields),
                          labelled=bool(colon.strip())))
    for m in _SHORT_LABEL.finditer(text):
        if not free(m.start(), m.end()):
            continue
        found.append(Item("label", m.start(), m.end(), m["label"], field=_SHORT_FIELDS.get(m["label"], "phone"),
                          labelled=True))
    links = [mk for mk in doc.marks if mk.kind == "link" and mk.value in (None, "", "#")]
    for mk in links:
        if free(mk.start, mk.end):
            found = [i for i in found if not (i.kind == "label" and mk.start <= i.start < mk.end)]
            found.append(Item("layout", mk.start, mk.end))
    by_line: dict[int, list[Item]] = {}
    for it in found:
        by_line.setdefault(doc.line_at(it.start).start, []).append(it)
    for items in by_line.values():
        items.sort(key=lambda i: i.start)
    return by_line


def _free_chunks(chunk_start: int, chunk_end: int, items: list[Item], text: str) -> list[tuple[int, int]]:
    """Text runs of [start, end) not covered by items, split at separators, stripped."""
    out: list[tuple[int, int]] = []
    pos = chunk_start
    for it in sorted(items, key=lambda i: i.start):
        if it.start > pos:
            out.append((pos, min(it.start, chunk_end)))
        pos = max(pos, it.end)
    if pos < chunk_end:
        out.append((pos, chunk_end))
    pieces: list[tuple[int, int]] = []
    for s, e in out:
        for m in pattern(r"[^|•·,;/]+").finditer(text[s:e]):
            seg = m[0]
            stripped = seg.strip(" \t:：()[]<>-–—")
            if stripped:
                off = s + m.start() + seg.find(stripped)
                pieces.append((off, off + len(stripped)))
    return pieces


def _github_users(doc: "Document", homepages: list[str]) -> set[str]:
    users = set()
    for url in homepages:
        m = pattern(r"(?i)^(?:https?://)?([\w\-]+)\.github\.io").match(url)
        if m:
            users.add(m[1].lower())
    for m in pattern(r"(?i)github\.com/([\w\-]+)").finditer(doc.text):
        users.add(m[1].lower())
    return users


def _handle_network(handle: str, icon: str | None, doc: "Document", github_users: set[str]) -> tuple[str, float]:
    icons = _network_tables()[2]
    if icon and icon in icons:
        return icons[icon], 0.95
    h = handle.lower()
    if h.startswith(("live:", "skype:")):
        return "skype", 0.9
    if h.startswith("wxid_"):
        return "wechat", 0.9
    if _HEX_SLUG.match(h):
        return "linkedin", 0.85
    if h.lstrip("@") in github_users or regex.search(rf"(?i)(?<![\w./]){regex.escape(h)}/[A-Za-z][\w.\-]+", doc.text):
        return "github", 0.85
    if h.isdigit() and 5 <= len(h) <= 11 and "zh" in doc.languages:
        return "qq", 0.6
    return "other", 0.4


def scan(doc: "Document") -> ContactScan:
    """Scan the document once (cached per document) for contact items."""
    cached = _CACHE.get(doc)
    if cached is not None:
        return cached
    result = ContactScan()
    nanp, other = _doc_regions(doc)
    result.nanp_region, result.region = nanp, other
    text = doc.text
    per_line: list[tuple[object, list[Item], bool, list[tuple[int, int]]]] = []
    by_line = _doc_items(doc, (nanp, other))
    icons: dict[int, list] = {}
    for mk in doc.marks:
        if mk.kind == "icon":
            icons.setdefault(doc.line_at(mk.start).start, []).append(mk)
    for line in doc.lines:
        if line.end <= line.start or (line.start not in by_line and line.start not in icons):
            continue
        items = by_line.get(line.start, [])
        # icon-prefixed chunks: bare handles (luzai, live:wxlms) and names
        for mark in icons.get(line.start, ()):
            stop = _ITEM_STOP.search(text, mark.start, line.end)
            s = mark.start
            e = stop.start() if stop else line.end
            while s < e and text[s] == " ":
                s += 1
            if s >= e or _overlaps(items, s, e):
                continue
            piece = text[s:e]
            if _HANDLE.match(piece) and not pattern(r"^\d[\d\-]*$").match(piece) or pattern(r"^\d{5,11}$").match(piece):
                items.append(Item("handle", s, e, (piece, mark.value)))
            elif _looks_like_name(piece):
                items.append(Item("name", s, e, piece))
        # network labels followed by a bare handle: "GitHub: luzai", "微信：abc_123", "QQ：12345"
        for it in list(items):
            if it.kind != "label" or not (it.field or "").startswith(("net:", "wechat", "qq")):
                continue
            stop = _ITEM_STOP.search(text, it.end, line.end)
            e = stop.start() if stop else line.end
            nxt = [o for o in items if o is not it and it.end <= o.start < e]
            if nxt:
                e = min(e, nxt[0].start) if nxt[0].kind == "label" else e
            piece = text[it.end:e].strip()
            if not piece or _overlaps([o for o in items if o is not it], it.end, e):
                continue
            piece = piece.split()[0]
            if _HANDLE.match(piece):
                s = text.index(piece, it.end)
                network = it.field[4:] if it.field.startswith("net:") else it.field
                _network_tables()
                template = _LABEL_TEMPLATES.get(pattern(r"[\s\-]+").sub(" ", str(it.value).lower()))
                items.append(Item("handle", s, s + len(piece), (piece, network, template), labelled=True))
        items.sort(key=lambda i: i.start)
        real = [i for i in items if i.kind in ("email", "url", "phone", "handle")]
        residue = _free_chunks(line.start, line.end, items, text)
        names_here = [p for p in residue if _looks_like_name(text[p[0]:p[1]])]
        contact = bool(real) and all(_SEPARATORS.match(text[s:e]) for s, e in residue if (s, e) not in names_here)
        if contact and names_here and len(names_here) == len(residue):
            items += [Item("name", s, e, text[s:e]) for s, e in names_here]
        elif contact and residue:
            contact = False
        per_line.append((line, items, contact, residue))

    # contact lines of only URLs / handles inside a section need a neighbouring email/phone line
    strong = {ln.start for ln, items, contact, _ in per_line if contact and any(i.kind in ("email", "phone") for i in items)}
    starts = [ln.start for ln in doc.lines if text[ln.start:ln.end].strip()]
    index = {s: k for k, s in enumerate(starts)}
    emitted_urls: dict[str, str] = {}
    homepage_candidates: list[Item] = []
    accepted: list[tuple[Item, float, str]] = []
    for line, items, contact, _ in per_line:
        kind = _section_kind_at(doc, line.start)
        if kind == "references":
            continue
        top = kind in ("header", "basics")
        if contact and not top and line.start not in strong:
            k = index.get(line.start, -9)
            near = {starts[j] for j in (k - 1, k + 1, k - 2, k + 2) if 0 <= j < len(starts)}
            contact = bool(near & strong)
        if contact:
            result.contact_lines.add(line.start)
        labels = [i for i in items if i.kind == "label"]
        for it in items:
            label = _label_before(labels, it, text)
            ok = contact or top or label is not None and (label.labelled or it.kind != "handle")
            if not ok:
                continue
            if it.kind == "label" or it.kind == "layout":
                if contact or _label_used(it, items, text):
                    accepted.append((it, 1.0, "layout"))
                continue
            if it.kind == "phone" and it.value[1] < 1.0 and not contact and label is None:
                continue  # not a valid number, neither on a contact line nor labelled
            accepted.append((it, 1.0 if (contact or label is not None) else 0.9, label.field if label else ""))
            if it.kind == "name":
                result.name_items.append((it.start, it.end))

    github_users = _github_users(doc, [i.value for i, _, _ in accepted if i.kind == "url"])
    for it, score, label_field in accepted:
        if it.kind in ("label", "layout"):
            result.mentions.append(Mention("_contact.label", None, it.start, it.end, _lang(text[it.start:it.end]), 1.0, "contact/label"))
        elif it.kind == "email":
            value = str(it.value)
            result.emails.append(value)
            result.mentions.append(Mention("basics.emails", value, it.start, it.end, "en", score, "contact/email"))
        elif it.kind == "phone":
            value, pscore = it.value
            if label_field == "qq" or (label_field == "wechat" and pscore < 0.5):
                handle = text[it.start:it.end].replace(" ", "")
                result.handles.append(handle)
                result.mentions.append(Mention("basics.profiles", handle_profile(label_field, handle), it.start, it.end,
                                               "en", 0.9, f"contact/{label_field}"))
                continue
            src = "contact/phone" if pscore >= 0.5 else "contact/phone-noregion"
            result.mentions.append(Mention("basics.phones", value, it.start, it.end, "en", min(score, pscore), src))
            if label_field == "wechat":
                result.mentions.append(Mention("basics.profiles", handle_profile("wechat", value.lstrip("+")), it.start, it.end, "en", 0.6, "contact/wechat-phone"))
        elif it.kind == "url":
            url = str(it.value)
            profile = profile_from_url(url)
            if profile is not None:
                if profile.get("username"):
                    result.handles.append(profile["username"])
                result.mentions.append(Mention("basics.profiles", profile, it.start, it.end, "en", score, "contact/profile-url"))
                continue
            if pattern(r"(?i)github\.com/[\w\-]+/").search(url):
                continue  # a repository, not a homepage
            key = _url_key(url)
            value = emitted_urls.setdefault(key, url)
            result.homepages.append(value)
            result.mentions.append(Mention("basics.urls", value, it.start, it.end, "en", score, "contact/url"))
        elif it.kind == "handle":
            handle, hint, template = (*it.value, None)[:3]
            if hint in _NETWORKS:
                network, hscore = str(hint), 0.95
            else:
                network, hscore = _handle_network(handle, hint, doc, github_users)
            result.handles.append(handle)
            profile = handle_profile(network, handle)
            if template and profile.get("url") is None:
                profile["url"] = template.format(profile["username"])
            result.mentions.append(Mention("basics.profiles", profile, it.start, it.end,
                                           "en", min(score, hscore), f"contact/handle-{network}"))
    _CACHE[doc] = result
    return result


def _lang(text: str) -> str:
    return "zh" if pattern(r"\p{Han}").search(text) else "en"


def _looks_like_name(piece: str) -> bool:
    return looks_like_en_name(piece) or looks_like_zh_name(piece)


def _label_before(labels: list[Item], it: Item, text: str) -> Item | None:
    """The label that announces ``it`` (directly before it, only spaces/colon between)."""
    if it.kind in ("label", "layout"):
        return None
    for lab in labels:
        if lab.end <= it.start and not text[lab.end:it.start].strip(" :：\t."):
            if lab.field is None:
                return None
            wanted = {"email": ("email",), "phone": ("phone", "wechat", "qq"), "url": ("url",),
                      "handle": ()}.get(it.kind, ())
            if lab.field in wanted or lab.field.startswith("net:") or it.kind == "handle":
                return lab
    return None


def _label_used(label: Item, items: list[Item], text: str) -> bool:
    return any(o.start >= label.end and not text[label.end:o.start].strip(" :：\t") and o.kind not in ("label", "layout")
               for o in items)


class ContactExtractor:
    """Emails, phones, homepage URLs and social profiles; masks contact lines."""

    name: ClassVar[str] = "contact"
    fields: ClassVar[tuple[str, ...]] = ("basics.emails", "basics.phones", "basics.urls", "basics.profiles")

    def __call__(self, doc: "Document") -> Iterable[Mention]:
        result = scan(doc)
        doc.masked.update(result.contact_lines)
        mentions = list(result.mentions)
        if not result.emails:
            mentions += _fallback_emails(doc)
        return mentions


def _fallback_emails(doc: "Document") -> list[Mention]:
    """No email in a contact position: the first email of the document's first third, low score."""
    limit = max(len(doc.text) // 3, 400)
    for m in _EMAIL.finditer(doc.text, 0, limit):
        if _section_kind_at(doc, m.start()) in ("references", "publications", "work", "projects", "awards"):
            continue
        return [Mention("basics.emails", m[0], m.start(), m.end(), "en", 0.5, "contact/email-fallback")]
    return []
