"""Certificates, references, interests and job intention.

* certificates: lines of a certificates section, and certificate-labelled lines elsewhere
  (``Coursera Certification: Deep Learning Specialization; Python for Everybody
  Specialization.`` -> two, issuer Coursera). Language tests are left to :mod:`.languages`.
* references: a tab-separated table with a header row (``Name\tEmail\tRelation``) or blocks
  that start with a person's name; titles (Prof./Dr.) dropped, link text (``HomePage``) dropped
  from the relation. ``References available upon request`` gives none.
* interests: one item per listed interest (``物理学/篮球/计算机``, ``Reading, hiking and photography``).
* job intention: positions / locations / salary from labelled lines or an unlabelled list;
  a one-line intention (``Java开发工程师 | 北京 | 15-20K | 随时到岗``) piece by piece
  (``intention_values``, shared with the basics extractor for the header line).
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

import regex

from ..document import SectionView
from ..gazetteer import parse_location
from ..patterns import LABEL_PADDING, literal_alternation
from ..resources import table
from ..spans import Draft, Mention
from .awards import find_dates
from .languages import find_tests
from .summary import PIECE_BREAK, BodyLine, body_lines, bullet_mention, make_mention, text_lang, trim

__all__ = ["CertificateParser", "ReferenceParser", "InterestParser", "JobIntentionParser", "intention_values"]


# --- certificates ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _cert_words() -> tuple[regex.Pattern, dict[str, str]]:
    en, zh, issuers = [], [], {}
    for row in table("lexicon/certificate_words.tsv"):
        (zh if row[0] == "zh" else en).append(row[1])
        if len(row) > 2 and row[2]:
            issuers[row[1].casefold()] = row[2]
    en_alt = "|".join(regex.escape(w) for w in sorted(en, key=len, reverse=True))
    zh_alt = "|".join(regex.escape(w) for w in sorted(zh, key=len, reverse=True))
    return regex.compile(r"(?i:(?<![A-Za-z])(?:" + en_alt + r")(?![A-Za-z]))|" + zh_alt), issuers


_CERT_LABEL = regex.compile(r"\G(?P<label>[^:：]{0,40}?(?:certifications?|certificates?|licen[cs]es?|证书|资格证书|认证))\s*[:：]\s*",
                            regex.I)
_CERT_SPLIT = regex.compile(r"\s*(?:[;；、]|,(?=\s*\p{Lu}(?!he\s)(?![\w.&'’\-]*\s+(?:\p{Lu}[\w.&'’\-]*\s+){0,5}"
                         r"(?:Foundation|Institute|Association|Society|University|Academy|Council|Board|Services|Authority)\b))"
                         r"(?!\s*(?:Coursera|edX|Udacity|Udemy|Amazon Web Services|ISC2|ISACA|CNCF|PMI)\b)"
                         r"(?!(?<=\)\s*,)\s*\p{Lu}{2,6}\s*(?:,|$))|，)\s*")
_KNOWN_ISSUERS = regex.compile(
    r"\G(?P<i>Coursera|edX|Udacity|Udemy|DeepLearning\.AI|AWS|Amazon Web Services|Microsoft|Google Cloud|Google|Cisco|"
    r"Oracle|Red Hat|IBM|PMI|CompTIA|Salesforce|Alibaba Cloud|Huawei|阿里云|华为|腾讯云)\b", regex.I)
_ISSUED_BY = regex.compile(r"(?:issued\s+by|by|from|[-–—|]\s*)\s*(?P<i>Coursera|edX|Udacity|Udemy|DeepLearning\.AI|"
                           r"Stanford University|[A-Z][\w.&]+(?:\s+[A-Z][\w.&]+){0,3})\s*$")


_CERT_ISSUER_TAIL = regex.compile(
    r"(?:\s*,\s*|\s+[-–—|]\s+|\s+(?:issued\s+)?by\s+)(?P<i>Coursera|edX|Udacity|Udemy|DeepLearning\.AI|Amazon Web Services|"
    r"Microsoft|Google Cloud|Google|Cisco|Oracle|Red Hat|IBM|PMI|CompTIA|Salesforce|Alibaba Cloud|Huawei|ISC2|ISACA|CNCF|"
    r"(?:The\s+)?(?:\p{Lu}[\w.&'’\-]*\s+){0,5}(?:Foundation|Institute|Association|Society|University|Academy|Council|"
    r"Board|Inc\.?|Corporation|Services|Authority|Commission|Council)(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\w.&'’\-]*"
    r"(?:\s+\p{Lu}[\w.&'’\-]*){0,3})?|(?<=\)\s*,\s*)\p{Lu}{2,6})\s*$")
# credential numbers and expiry dates are not part of a certificate: "License #872341", "Validation No. AWS-1",
# "Credential ID 7F3K", "exp. 08/2025", "valid until 2026", "有效期至2026年"
_DATEISH = r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*)?(?:\d{1,2}\s*[./-]\s*)?(?:19|20)\d{2}(?:\s*[./-]\s*\d{1,2})?(?:\s*年(?:\s*\d{1,2}\s*月)?)?"
_CERT_NOISE_TAIL = regex.compile(
    r"[,，;；|·(（]?\s*(?:(?:(?:license|licence|credential|certificate|certification|validation|registration|membership|"
    r"member|cert\.?|verification)\s*(?:id|no\.?|number|#)|id|no\.|#|证书编号|编号)\s*[:：#]?\s*[A-Za-z0-9][\w\-]*\d[\w\-]*"
    r"|(?:valid\s+(?:until|through|thru|till|to)|expires?|expiry|expiration(?:\s+date)?|exp\.?|有效期至|有效期)\s*(?:on|date)?\s*[:：]?\s*"
    + _DATEISH + r")\s*[)）]?\s*$", regex.I)
# what may follow a certificate's date: how it was obtained ("2018年全科通过", "2019年取得", "2020 obtained")
_CERT_DATE_NOTE = regex.compile(r"(?:全科|考试|一次性)?(?:通过|取得|获得|获取|考取|获证|取证|颁发)|(?:obtained|passed|awarded|earned)",
                                regex.I)
# "Oracle Certified Professional, Java SE 11 Developer": a vendor's certification level and its track are one name
_CERT_TRACK = regex.compile(r"^[^,]*\bcertified\b[^,]*$", regex.I)
_TRACK_ROLE = regex.compile(r"\b(?:developer|engineer|administrator|architect|analyst|specialist|programmer|consultant|"
                            r"practitioner|expert|associate|professional)$", regex.I)
_LETTER = regex.compile(r"\p{L}")
_WS = regex.compile(r"\s+")
_UPPER_RUN = regex.compile(r"[A-Z]{3,}")


def _trim_parens(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim separators; brackets only when unbalanced ("Administrator (CKA)" keeps its parenthesis)."""
    a, b = trim(text, a, b, " ,.;:")
    while b > a and text[b - 1] in ")）" and text.count("(", a, b) + text.count("（", a, b) < \
            text.count(")", a, b) + text.count("）", a, b):
        b = trim(text, a, b - 1, " ,.;:")[1]
    while b > a and text[a] in "(（" and text.count(")", a, b) + text.count("）", a, b) < \
            text.count("(", a, b) + text.count("（", a, b):
        a = trim(text, a + 1, b, " ,.;:")[0]
    return a, b


class CertificateParser:
    name: ClassVar[str] = "certificates"
    kinds: ClassVar[frozenset[str]] = frozenset({"certificates", "skills", "awards", "other", "education"})

    def __call__(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text, simp = doc.text, doc.simplified
        words, issuers = _cert_words()
        drafts: list[Draft] = []
        for bl in body_lines(view):
            s, e = bl.start, bl.end
            # a leftover bullet ("• • Coursera ...")
            while e > s and text[s] in "•·":
                s = trim(text, s + 1, e, " ")[0]
            label = _CERT_LABEL.match(simp, s, e)
            issuer = None
            consumed = bullet_mention(text, bl, self.name)
            if label:
                ls, le = label.start("label"), label.end("label")
                im = _KNOWN_ISSUERS.match(text, ls, le)
                if im:
                    issuer = (im.start("i"), im.end("i"))
                consumed.append(make_mention(text, "_label", issuer[1] if issuer else ls, label.end(), source=self.name))
                s = label.end()
            elif view.kind != "certificates":
                continue
            while True:  # credential IDs and expiry dates at the end of the line
                nm = _CERT_NOISE_TAIL.search(simp, s, e)
                if not nm or nm.start() <= s:
                    break
                consumed.append(make_mention(text, "_label", nm.start(), nm.end(), source=self.name))
                e = trim(text, s, nm.start())[1]
            for a, b in self._split(text, simp, s, e):
                if find_tests(text, simp, a, b) and not words.search(simp, a, b):
                    continue  # CET-6 / TOEFL: a language test
                if view.kind == "certificates" and not label and not _LETTER.search(text[a:b]):
                    continue
                dates = find_dates(simp, a, b)
                date = None
                if dates and dates[0].value and trim(text, a, dates[0].start)[1] <= a:
                    date = dates[0]  # "2021.11 Oracle Certified Professional"
                    a = trim(text, dates[0].end, b, " \t)）,，;；:：-–—|")[0]
                    dates = []
                for dh in dates:
                    rest = trim(text, dh.end, b, " ()（）,.;")
                    note = _CERT_DATE_NOTE.fullmatch(simp, *rest) if rest[1] > rest[0] else None
                    if rest[1] <= rest[0] or note:
                        if note:  # "中国注册会计师（CPA），2018年全科通过": when it was obtained
                            consumed.append(make_mention(text, "_label", rest[0], rest[1], source=self.name))
                        date = dh
                        b = trim(text, a, dh.start, " (（,，;-–—|")[1]
                        break
                a, b = _trim_parens(text, a, b)
                if b <= a:
                    continue
                item_issuer = issuer
                if item_issuer is None:
                    it = _CERT_ISSUER_TAIL.search(text, a, b)
                    if it and it.start() > a + 1:
                        item_issuer = trim(text, it.start("i"), it.end("i"))
                        b = _trim_parens(text, a, it.start())[1]
                if item_issuer is None:
                    im = _KNOWN_ISSUERS.match(text, a, b)
                    if im:
                        item_issuer = (im.start("i"), im.end("i"))
                d = Draft(kind="certificates", lang=text_lang(text[a:b]), start=a, end=b)
                d.set(make_mention(text, "name", a, b, _WS.sub(" ", text[a:b]), source=self.name))
                if item_issuer:
                    d.set(make_mention(text, "issuer", item_issuer[0], item_issuer[1], source=self.name))
                else:
                    key = _UPPER_RUN.search(text[a:b])
                    if key and key.group(0).casefold() in issuers:
                        d.set(make_mention(text, "issuer", a + key.start(), a + key.end(),
                                           issuers[key.group(0).casefold()], source=self.name))
                if date and date.value:
                    d.set(make_mention(text, "date", date.start, date.end, date.value, source=self.name))
                d.consumed.extend(consumed)
                consumed = []
                drafts.append(d)
        return drafts

    @staticmethod
    def _split(text: str, simp: str, s: int, e: int) -> list[tuple[int, int]]:
        out, pos = [], s
        for m in _CERT_SPLIT.finditer(simp, s, e):
            if text.count("(", s, m.start()) != text.count(")", s, m.start()):
                continue
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, e))
        parts = [trim(text, a, b) for a, b in out if trim(text, a, b)[1] > trim(text, a, b)[0]]
        merged: list[tuple[int, int]] = []
        for a, b in parts:
            if merged and text[merged[-1][1]:a].strip() == "," and _CERT_TRACK.match(text[merged[-1][0]:merged[-1][1]]) \
                    and _TRACK_ROLE.search(text[a:b]) and not _cert_words()[0].search(simp, a, b):
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        return merged


# --- references -----------------------------------------------------------------------------
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = regex.compile(r"\+?\(?\d[\d\s()\-]{6,}\d")
_TITLE = regex.compile(r"\G\s*(?:(?:Prof|Professor|Dr|Mr|Mrs|Ms|Miss|Assoc\.?\s*Prof|Asst\.?\s*Prof)\.?\s+)+", regex.I)
_ON_REQUEST = regex.compile(r"upon\s+request|on\s+request|available\s+on|备索|可提供", regex.I)
_LINK_WORDS = regex.compile(r"(?:[,;|]\s*)?(?:home\s*page|homepage|website|link|google scholar|linkedin|主页)\s*$", regex.I)
_PERSON = regex.compile(r"\G(?:\p{Lu}[\p{L}'\-]+(?:\s+(?:\(\p{Lu}[\p{L}'\-]*\)|\p{Lu}\.|\p{Lu}[\p{L}'\-]+)){1,3}|\p{Han}{2,4})")
_CONTACT_WORD = regex.compile(r"(?:email|e-mail|phone|tel|mobile|邮箱|电话)\b", regex.I)
_RELATION_LABEL = regex.compile(r"(?:relation(?:ship)?|position|title|关系|职位|职称)\s*[:：]\s*", regex.I)
_ZH_TITLE = regex.compile(r"(?:教授|副教授|讲师|研究员|博士|老师|导师|博导|院士|经理|总监)")


class ReferenceParser:
    name: ClassVar[str] = "references"
    kinds: ClassVar[frozenset[str]] = frozenset({"references"})

    def __call__(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text = doc.text
        lines = list(body_lines(view))
        if not lines or all(_ON_REQUEST.search(text[bl.start:bl.end]) for bl in lines):
            return []
        header = None
        if "\t" in text[lines[0].start:lines[0].end]:
            cells = [c.strip().casefold() for c in text[lines[0].start:lines[0].end].split("\t")]
            if any(c in ("name", "姓名", "referee", "reference") for c in cells):
                header = cells
        if header:
            return self._table(text, lines, header)
        columns = self._columns(text, lines)
        if columns:
            return [d for col in columns for d in self._blocks(text, col)]
        return self._blocks(text, lines)

    @staticmethod
    def _columns(text: str, lines) -> list[list[BodyLine]] | None:
        """Referees side by side (a two-column table flattened with tabs): one cell list per column."""
        first = [c for c in text[lines[0].start:lines[0].end].split("\t") if c.strip()]
        if len(first) < 2 or not all(_PERSON.match(c.strip(), _TITLE.match(c.strip()).end() if _TITLE.match(c.strip())
                                                   else 0) for c in first):
            return None
        cols: list[list[BodyLine]] = [[] for _ in first]
        for bl in lines:
            pos = bl.start
            cells = []
            for cell in text[bl.start:bl.end].split("\t"):
                a, b = trim(text, pos, pos + len(cell), " ")
                pos += len(cell) + 1
                if b > a:
                    cells.append((a, b))
            if len(cells) != len(cols):
                return None
            for col, (a, b) in zip(cols, cells):
                col.append(BodyLine(bl.line, a, b, None, text[a:b]))
        return cols

    def _table(self, text: str, lines, header: list[str]) -> list[Draft]:
        drafts = []
        hdr = lines[0]
        for bl in lines[1:]:
            pos = bl.start
            cells = []
            for cell in text[bl.start:bl.end].split("\t"):
                cells.append(trim(text, pos, pos + len(cell), " "))
                pos += len(cell) + 1
            d = Draft(kind="references", lang=text_lang(text[bl.start:bl.end]), start=bl.start, end=bl.end)
            for col, (a, b) in zip(header, cells):
                if b <= a:
                    continue
                if col in ("name", "姓名", "referee", "reference"):
                    self._name(text, d, a, b)
                elif "mail" in col or "邮" in col:
                    d.set(make_mention(text, "email", a, b, source=self.name))
                elif "phone" in col or "tel" in col or "电话" in col or "mobile" in col:
                    d.set(make_mention(text, "phone", a, b, source=self.name))
                else:
                    self._relation(text, d, a, b)
            if d.has("name"):
                if not drafts:
                    d.consumed.append(make_mention(text, "_label", hdr.start, hdr.end, source=self.name))
                drafts.append(d)
        return drafts

    def _name(self, text: str, d: Draft, a: int, b: int) -> None:
        m = _TITLE.match(text, a, b)
        if m and m.end() < b:
            d.consumed.append(make_mention(text, "_label", a, m.end(), source=self.name))
            a = m.end()
        d.set(make_mention(text, "name", a, b, _WS.sub(" ", text[a:b]), source=self.name))

    def _relation(self, text: str, d: Draft, a: int, b: int) -> None:
        m = _LINK_WORDS.search(text, a, b)
        if m and m.start() > a:
            d.consumed.append(make_mention(text, "_label", m.start(), m.end(), source=self.name))
            b = trim(text, a, m.start())[1]
        if b > a:
            d.set(make_mention(text, "relation", a, b, source=self.name))

    def _blocks(self, text: str, lines) -> list[Draft]:
        drafts: list[Draft] = []
        cur: Draft | None = None
        for bl in lines:
            s, e = bl.start, bl.end
            title = _TITLE.match(text, s, e)
            name_start = title.end() if title else s
            person = _PERSON.match(text, name_start, e)
            starts_new = bool(title) or bl.bullet is not None or cur is None
            if not starts_new and person and (cur.has("email") or cur.has("phone")) and \
                    (_EMAIL.search(text, s, e) or _PHONE.search(text, s, e)):
                starts_new = True  # one referee a line: "Tom Becker — Staff Engineer — tom@x.com"
            if starts_new and person:
                cur = Draft(kind="references", lang=text_lang(text[s:e]), start=s, end=e)
                if title:
                    cur.consumed.append(make_mention(text, "_label", s, title.end(), source=self.name))
                n_end = person.end()
                if _ZH_TITLE.search(text, name_start, n_end):
                    n_end = name_start + _ZH_TITLE.search(text, name_start, n_end).start()
                cur.set(make_mention(text, "name", name_start, n_end, source=self.name))
                drafts.append(cur)
                rest = trim(text, n_end, e, " ,，;；:：-–—|()（）")
            elif cur is None:
                continue
            else:
                rest = (s, e)
                cur.end = e
            for m in _EMAIL.finditer(text, *rest):
                if not cur.has("email"):
                    cur.set(make_mention(text, "email", m.start(), m.end(), source=self.name))
            masked = [(m.start(), m.end()) for m in _EMAIL.finditer(text, *rest)]
            for m in _PHONE.finditer(text, *rest):
                if not any(a <= m.start() < b for a, b in masked) and not cur.has("phone"):
                    cur.set(make_mention(text, "phone", m.start(), m.end(), source=self.name))
            # what is left before the first email/phone is the relation / position
            stop = min([m[0] for m in masked] + [m.start() for m in _PHONE.finditer(text, *rest)] + [rest[1]])
            r = trim(text, rest[0], stop, " ,，;；:：-–—|()（）")
            r_text = text[r[0]:r[1]]
            if r[1] > r[0] and not cur.has("relation") and not _CONTACT_WORD.match(r_text):
                lab = _RELATION_LABEL.match(r_text)
                if lab:
                    r = (r[0] + lab.end(), r[1])
                if r[1] > r[0]:
                    self._relation(text, cur, *r)
        return drafts


# --- interests ------------------------------------------------------------------------------
_INTEREST_LABEL = regex.compile(r"\G(?:(?:hobbies|interests|hobbies\s*(?:and|&)\s*interests|interests\s*(?:and|&)\s*hobbies|"
                                r"personal interests)|兴趣爱好|兴趣|爱好|业余爱好)\s*[:：]\s*", regex.I)
_INTEREST_SPLIT = regex.compile(r"\s*(?:[,，、;；/|]\s*(?:and\s+|&\s*)?|\s(?:and|&)\s|\s[·•]\s|(?<=\S)[ \t\u3000]{2,}(?=\S)|和|及|以及)\s*",
                             regex.I)
_INTEREST_TAIL = regex.compile(r"(?:\s*etc\.?|等等?)$")


class InterestParser:
    name: ClassVar[str] = "interests"
    kinds: ClassVar[frozenset[str]] = frozenset({"interests", "skills", "other", "summary"})

    def __call__(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text, simp = doc.text, doc.simplified
        drafts = []
        for bl in body_lines(view):
            s, e = bl.start, bl.end
            label = _INTEREST_LABEL.match(simp, s, e)
            consumed = bullet_mention(text, bl, self.name)
            if label:
                consumed.append(make_mention(text, "_label", s, label.end(), source=self.name))
                s = label.end()
            elif view.kind != "interests":
                continue
            pos = s
            spans = []
            for m in _INTEREST_SPLIT.finditer(simp, s, e):
                spans.append((pos, m.start()))
                pos = m.end()
            spans.append((pos, e))
            for a, b in spans:
                a, b = trim(text, a, b, " ,.;:。!")
                tail = _INTEREST_TAIL.search(text[a:b])
                if tail and tail.start() > 0:
                    b = a + tail.start()
                if b <= a:
                    continue
                d = Draft(kind="interests", lang=text_lang(text[a:b]), start=a, end=b)
                d.set(make_mention(text, "text", a, b, source=self.name))
                d.consumed.extend(consumed)
                consumed = []
                drafts.append(d)
        return drafts


# --- job intention --------------------------------------------------------------------------
JOB_FIELDS = ("positions", "locations", "salary")
_SALARY = regex.compile(r"\s*(?:(?:期望)?(?:年薪|月薪|日薪)\s*)?(?:[$¥￥€£]\s*)?\d[\d,.]*\s*(?:[kKwW]|千|万|元)?\s*(?:[-–~～至到]\s*(?:[$¥￥€£]\s*)?\d[\d,.]*\s*"
                        r"(?:[kKwW]|千|万|元)?)?\s*(?:/\s*(?:月|年|month|year|yr|mo)|每月|每年|薪|以上)?\s*(?:[×xX*]\s*\d{1,2}\s*薪?)?\s*"
                        r"|面议|薪资面议|negotiable", regex.I)
_AVAILABILITY = regex.compile(r"到岗|入职|随时|一周内|一个月内|available|immediately|notice\s+period", regex.I)
_WS = regex.compile(r"\s+")
_JOB_SPLIT = regex.compile(r"\s*(?:[,，、;；/|]|\s+)\s*")
_JOB_SPLIT_EN = regex.compile(r"\s*[,，、;；/|]\s*")
# a Chinese key at the start of an intention line ("目前状况：", "期望行业："); known keys are cut before
_OTHER_LABEL = regex.compile(r"(?P<label>\p{Han}[\p{Han} ]{1,9})\s*[:：]")


@lru_cache(maxsize=1)
def _job_labels() -> tuple[regex.Pattern, dict[str, str]]:
    """Labels of the job-intention fields (``lexicon/basics_keys.tsv``, section-only rows included),
    wherever a line has them; label (lowercase, spaces removed) -> field."""
    fields: dict[str, str] = {}
    for row in table("lexicon/basics_keys.tsv"):
        if len(row) >= 3 and row[0] in JOB_FIELDS:
            fields.setdefault(_label_key(row[2]), row[0])
    forms = [row[2].lower() for row in table("lexicon/basics_keys.tsv") if len(row) >= 3 and row[0] in JOB_FIELDS]
    alternation = literal_alternation(dict.fromkeys(forms), ignore_case=True, space=r"\s+", han_gap=LABEL_PADDING)
    return regex.compile(r"(?:(?<=\A)|(?<=^)|(?<=[\s,，;；|•]))(?P<label>" + alternation + r")(?![a-z])\s*[:：]\s*",
                         regex.I | regex.M), fields


def _label_key(label: str) -> str:
    return _WS.sub("", label.lower())


def _is_place(text: str) -> bool:
    return parse_location(text) is not None


def _place_cells(text: str, simp: str, a: int, b: int, splitter: regex.Pattern) -> list[tuple[int, int]]:
    """Cells of a list (``北京、上海``), a place written with its state or country kept whole
    (``Seattle, WA``, ``Hangzhou, China``): cells are joined while together they read as one place."""
    cells, pos = [], a
    for m in splitter.finditer(simp, a, b):
        if m.start() > pos:
            cells.append((pos, m.start()))
        pos = m.end()
    if b > pos:
        cells.append((pos, b))
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(cells):
        j = k
        for last in range(min(k + 2, len(cells) - 1), k, -1):  # city, region, country at most
            if "," in text[cells[k][1]:cells[last][0]] and _is_place(simp[cells[k][0]:cells[last][1]]):
                j = last
                break
        out.append((cells[k][0], cells[j][1]))
        k = j + 1
    return out


def intention_values(text: str, simp: str, a: int, b: int, field: str = "positions") -> list[tuple[str, int, int]]:
    """``(field, start, end)`` of what a job-intention value states; field ``_label`` for what it
    states that has no field (``随时到岗``).

    Under a location or salary label the value is that field. Under a position label (or
    求职意向, or no label) each piece reads as what it is: ``Java开发工程师 | 北京 | 15-20K | 随时到岗``
    gives a position, a city and a salary. A piece that is a key-value pair of its own
    (``到岗时间：一个月``, ``工作性质：全职``) is left alone.
    """
    a, b = trim(text, a, b)
    if b <= a:
        return []
    if field == "salary":
        return [("salary", a, b)]
    out: list[tuple[str, int, int]] = []
    pieces, pos = [], a
    for m in PIECE_BREAK.finditer(simp, a, b):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, b))
    for x, y in pieces:
        x, y = trim(text, x, y)
        if y <= x or ":" in simp[x:y] or "：" in simp[x:y]:
            continue
        piece = simp[x:y]
        if field == "positions" and _SALARY.fullmatch(piece):
            out.append(("salary", x, y))
            continue
        if field == "positions" and _AVAILABILITY.search(piece):
            out.append(("_label", x, y))
            continue
        cells = _place_cells(text, simp, x, y, _JOB_SPLIT_EN)
        places = field == "locations" or all(_is_place(simp[cs:ce]) for cs, ce in cells)
        for cs, ce in cells:
            if not places and _SALARY.fullmatch(simp[cs:ce]):  # "Java开发工程师，北京，15-20K"
                out.append(("salary", cs, ce))
            elif not places and _is_place(simp[cs:ce]):
                out.append(("locations", cs, ce))
            else:
                out.append(("locations" if places else "positions", cs, ce))
    return out


class JobIntentionParser:
    name: ClassVar[str] = "job_intention"
    kinds: ClassVar[frozenset[str]] = frozenset({"job_intention"})

    def __call__(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text, simp = doc.text, doc.simplified
        labels_re, label_fields = _job_labels()
        d = Draft(kind="job_intention", lang=view.lang, start=view.start, end=view.end)
        found = False
        for bl in body_lines(view):
            s, e = bl.start, bl.end
            d.consumed += bullet_mention(text, bl, self.name)
            # several "key: value" pairs may share a line: cut it at each label
            segments = []
            labels = list(labels_re.finditer(simp, s, e))
            if not labels:
                segments.append(("positions", s, e))
            else:
                if labels[0].start() > s:
                    segments.append(("positions", s, labels[0].start()))
                for i, m in enumerate(labels):
                    kind = label_fields.get(_label_key(m["label"]), "positions")
                    stop = labels[i + 1].start() if i + 1 < len(labels) else e
                    d.consumed.append(make_mention(text, "_label", m.start(), m.end(), source=self.name))
                    segments.append((kind, m.end(), stop))
            for kind, a, b in segments:
                a, b = trim(text, a, b)
                if b <= a:
                    continue
                other = _OTHER_LABEL.match(simp, a, b) if kind == "positions" else None
                if other and label_fields.get(_label_key(other["label"])) is None:
                    # 目前状况：在职 / 期望从事行业：互联网 / 到岗时间：一个月: a field the profile has no
                    # slot for, not a position
                    d.consumed.append(make_mention(text, "_label", a, b, source=self.name))
                    continue
                if kind != "salary" and not PIECE_BREAK.search(simp, a, b) and text_lang(text[a:b]) == "zh":
                    # one Chinese list: "人工智能 机器学习、算法工程师" (a space separates items too)
                    values = [(kind, cs, ce) for cs, ce in _place_cells(text, simp, a, b, _JOB_SPLIT)]
                    if kind == "positions":
                        values = [("locations" if _is_place(simp[cs:ce]) else "salary" if _SALARY.fullmatch(simp[cs:ce])
                                   else "positions", cs, ce) for _, cs, ce in values]
                else:
                    values = intention_values(text, simp, a, b, kind)
                for field, x, y in values:
                    found = self._add(text, d, field, x, y) or found
        return [d] if found else []

    def _add(self, text: str, d: Draft, field: str, a: int, b: int) -> bool:
        a, b = trim(text, a, b)
        if b <= a:
            return False
        if field == "_label":
            d.consumed.append(make_mention(text, "_label", a, b, source=self.name))
            return False
        if field == "salary":
            if not d.has("salary"):
                d.set(make_mention(text, "salary", a, b, _WS.sub(" ", text[a:b]), source=self.name))
            return True
        d.add(make_mention(text, field, a, b, source=self.name))
        return True
