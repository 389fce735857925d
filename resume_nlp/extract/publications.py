"""Publications -> ``publications`` drafts (title, authors, venue, year, status, note).

Entries start at list markers (``[1]``, ``1.``, bullets) or, without markers, at paragraphs
(a paragraph with no title of its own, such as ``ICCV'2019 Oral(4.3%)``, completes the entry
above). One entry is read by the first grammar that fits:

* a bold span is the title (``Authors. **Title**, Venue, 2021.``);
* GB/T 7714 (``张三, 李四. 标题[J]. 计算机学报, 2020, 43(5): 1-10.``);
* ``Title: by Authors, et al. Venue, August 2020.``;
* a title followed by a venue abbreviation (``Title ICCV'2019 Oral(4.3%) Authors``);
* author-first citations (APA ``Wang, X. and Li, Y., 2020, October. Title. In Venue (pp. ..).``,
  ``Authors. Title. Venue, 2021.``), and title-first ones;
* an entry over several lines: a title line, an author line and a venue line.

Labelled skill lines that share the section (``技能: Git, Pytorch``) are left to
:mod:`.skills` (:func:`~.skills.skill_line_starts`).
"""

from __future__ import annotations

from typing import ClassVar

import regex

from ..document import SectionView
from ..spans import Draft, Mention
from .skills import is_skill_line, skill_line_starts
from .summary import BodyLine, body_lines, bullet_mention, make_mention, text_lang, trim

__all__ = ["PublicationParser", "split_authors", "is_author_list"]

SOURCE = "publications"

_MARKER = regex.compile(r"\G\s*(?:\[\d{1,3}\]|\d{1,3}[.)、](?=\s|\D)|\(\d{1,3}\))\s*")
_STATUS = regex.compile(
    r"(?P<accepted>accepted\s+(?:by|at|to|in|for)(?:\s+the)?|accepted|to\s+appear(?:\s+in)?(?:\s+the)?|已接收|已录用|录用)"
    r"|(?P<in_press>in\s+press)"
    r"|(?P<submitted>under\s+review(?:\s+(?:at|by|in)(?:\s+the)?)?|submitted(?:\s+to(?:\s+the)?)?|under\s+submission|"
    r"in\s+submission|审稿中|在投|投稿中|已投稿)", regex.I)
_NOTE = regex.compile(
    r"(?<![A-Za-z])(?P<oral>oral|spotlight|poster|best\s+paper(?:\s+award)?|best\s+student\s+paper|highlight)(?![A-Za-z])"
    r"(?:\s*[(（]\s*(?P<pct>(?:top\s*)?[\d.]+\s*%)\s*[)）])?", regex.I)
_ET_AL = regex.compile(r",?\s*(?:et\s*al\.?|等)", regex.I)
_YEAR = regex.compile(r"(?<![\d\-–/:])(?<!\d\.)(?:19[5-9]\d|20[0-4]\d)(?![\d\-–%])")
_VENUE_ABBR = regex.compile(
    r"(?<![A-Za-z])(?P<v>CVPR|ICCV|ECCV|NeurIPS|NIPS|ICML|ICLR|AAAI|IJCAI|ACL|EMNLP|NAACL|COLING|KDD|WWW|SIGIR|"
    r"SIGGRAPH(?:\s+Asia)?|MICCAI|ICRA|IROS|ICIP|ICASSP|INTERSPEECH|Interspeech|CIKM|WSDM|ACM\s*MM|BMVC|WACV|3DV|UAI|"
    r"AISTATS|COLT|ICDE|VLDB|SIGMOD|OSDI|SOSP|NSDI|ISCA|MICRO|HPCA|DAC|ICCAD|CHI|UIST|TPAMI|IJCV|TIP|TNNLS|TMM|"
    r"TKDE|JMLR|ICME|ACCV|ICPR|ECAI|ICDM|SDM|RecSys|ICSE|FSE|ASE|PLDI|POPL|CCS|USENIX|NDSS|INFOCOM|MobiCom|"
    r"SenSys|arXiv)\s*(?:'\s*(?P<y>(?:19|20)?\d{2})|(?P<y2>(?:19|20)\d{2}))?(?![A-Za-z])")
# a heading the segmenter missed inside a publications section: what follows are not publications
_NOT_PUBLICATIONS = regex.compile(
    r"\G(?:(?:selected\s+|invited\s+|conference\s+|contributed\s+|oral\s+)?(?:talks?|presentations?|lectures?|seminars?)"
    r"(?:\s*(?:&|and)\s*(?:talks?|presentations?|posters?|seminars?))?|posters?|invited\s+lectures?|"
    r"学术报告|学术会议报告|会议报告|特邀报告|学术演讲|学术交流|报告与演讲|受邀报告)\s*[:：]?\s*$", regex.I)
_WS = regex.compile(r"\s+")
_AUTHOR_SEP = regex.compile(r"\s*(?:[,，、;；]|\band\b|&)\s*")
_WORDS = regex.compile(r"[\p{L}\d]+")
_VENUE_LEAD = regex.compile(r"(?:in|at|on)\s+(?:the\s+)?(?=\p{Lu}|\d)", regex.I)
_LETTER = regex.compile(r"\p{L}")
_SLASH_WS = regex.compile(r"[/\s]*")
_GBT_VENUE = regex.compile(r"(?:[^,，.:：]|\.(?=\d)|:(?=\d{4}\.\d))+")
_DOT_UPPER = regex.compile(r"\.\s+(?=\p{Lu})")
_COMMA_PART = regex.compile(r"[^,]+")
_INITIAL_END = regex.compile(r"(?:^|[\s,(])\p{Lu}\.$")
_AUTHOR_YEAR = regex.compile(r"(?:(?<!\b\p{Lu})[.,])?\s*(?:\(?((?:19|20)\d{2})[a-z]?\)?(?:,\s*\p{L}+\.?(?:\s+\d{1,2})?)?"
                           r"|\(\s*(?:in\s+press|forthcoming|under\s+review|submitted|accepted|n\.\s*d\.)\s*\))\s*$", regex.I)
_GBT = regex.compile(r"\[(?:J|C|M|D|P|A|N|R|S|Z|EB|J/OL|C/OL|EB/OL|M/OL)\]")
_GBT_DOT = regex.compile(r"(?<!\d)[.．。](?!\d)")
_BY = regex.compile(r"[:,，]?\s+by\s+", regex.I)
_SENTENCE_END = regex.compile(r"(?<!\b[A-Z])(?<!\bet al)(?<!\b(?:pp|vol|no|Proc|Conf|Int|Intl|Vol|No))[.?!。]\s+"
                              r"|[.?!。]$")
_VENUE_WORDS = regex.compile(
    r"\b(?:proceedings|proc\.|conference|conf\.|journal|transactions|trans\.|symposium|workshop|letters|review|"
    r"magazine|arxiv|preprint|ieee|acm|springer|elsevier|press)\b|学报|期刊|会议|杂志|大学学报", regex.I)
_VENUE_TAIL = regex.compile(
    r"(?:\s*[(（]\s*pp?\.?\s*[\d\s\-–]+[)）]|\s*,?\s*pp?\.?\s*\d+\s*[-–]\s*\d+|\s*,?\s*vol(?:ume)?\.?\s*\d+(?:\s*\(\d+\))?"
    r"|\s*,?\s*no\.?\s*\d+|\s*[.,]?\s*(?:IEEE|ACM|Springer|Elsevier|PMLR|AAAI Press)\s*\.?"
    r"|\s*,?\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*)?(?:19|20)\d{2}\.?"
    r"|\s*,?\s*\d+\s*\(\d+\)\s*:?\s*[\d\-–]*|\s*[.,;:]"
    r"|\s*,?\s*\d+\s*[-–]\s*\d+|\s*,?\s*\((?:19|20)\d{2}\)|\s*,?\s*e\d{3,}|\s*,\s*\d{1,6}"
    r"|(?<=\p{L}\.?)\s+\d{1,4}(?:\s*,\s*\d{1,4})?|\s*,?\s*(?:ACM|IEEE)?\s*,?\s*New York,\s*NY(?:,\s*USA)?)\s*$", regex.I)
_PATENT = regex.compile(r"\bpatent\b|专利", regex.I)
_PATENT_TAIL = regex.compile(r"(?:\s*,?\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*)?(?:19|20)\d{2}\.?"
                             r"|\s*[.,;:])\s*$", regex.I)
# Vancouver / GB/T author lists with bare initials: "Zhang Y, Chen X. Title"
_VANCOUVER = regex.compile(r"(?P<a>\p{Lu}[\p{Ll}'’\-]+\s+\p{Lu}{1,3}(?:\s*,\s*\p{Lu}[\p{Ll}'’\-]+\s+\p{Lu}{1,3})*"
                           r"(?:\s*,?\s*et\s+al)?)\.\s*(?=\p{Lu}|\p{Han})")
_NAME = regex.compile(
    r"^(?:\p{Lu}[\p{Ll}'’\-]+(?:[\s\-]+\p{Lu}[\p{Ll}'’\-]*\.?){0,3}"  # Xingyao Wang, Yu-Wing Tai
    r"|\p{Lu}[\p{Ll}'’\-]+(?:-\p{Lu}[\p{Ll}'’]+)?,?\s+(?:\p{Lu}\.\s*-?\s*){1,3}"  # Wang, X. / Schlau-Cohen, G. S.
    r"|\p{Lu}[\p{Ll}'’\-]+\s+\p{Lu}{1,3}"                                 # Zhang Y / Wang HX (GB/T, Vancouver)
    r"|(?:\p{Lu}\.\s*-?\s*){1,3}\p{Lu}[\p{Ll}'’\-]+"                    # X. Wang
    r"|\p{Lu}{2,}(?:\s+\p{Lu}[\p{Ll}]+){1,2}|\p{Lu}[\p{Ll}]+\s+\p{Lu}{2,}"  # ZHANG San / San ZHANG
    r"|\p{Han}{2,4})$")
_AUTHOR_MARKS = regex.compile(r"[*#†‡✉§¶]+|(?<=\p{L})\d{1,2}(?=\s*(?:,|$))|\(\s*(?:corresponding|通讯作者|co-first)[^)]*\)",
                              regex.I)
_APA_NAME = regex.compile(r"\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)*,\s*(?:\p{Lu}\.\s*-?\s*)+")


# "Authors (2019). Title" / "Authors. 2019. Title" / "Authors (in press)." / IEEE "Authors, “Title,”"
_CITE_HEAD = regex.compile(
    r"^(?P<a>[^\"“”()]{3,300}?)(?:\s*\(\s*(?:(?:19|20)\d{2}[a-z]?(?:,\s*\p{L}+\.?(?:\s+\d{1,2})?)?|in\s+press|forthcoming|"
    r"under\s+review|submitted|accepted|n\.\s*d\.)\s*\)\s*[.,:]|(?<!\b\p{Lu})\.\s+(?:19|20)\d{2}[a-z]?\.|\s*,\s*[\"“])", regex.I)
_AUTHORS_DOT = regex.compile(r"^(?P<a>[^.\"“”()]{3,300}?[^\s.]{2})\.\s+\S")
_QUOTED = regex.compile(r"[\"“](?P<t>[^\"“”]{8,}?)[,.，]?\s*[\"”]")
_YEAR_SENTENCE = regex.compile(r"\(?(?:19|20)\d{2}[a-z]?\)?")
_PAREN_STATUS = regex.compile(r"\s*[(（\[](?P<i>[^()（）\[\]]{2,80})[)）\]]\s*[.。]?\s*$")
_MANUSCRIPT = regex.compile(r"\s*\[(?:unpublished\s+)?manuscript[^\]]*\]|\s*\[[^\]]*(?:submitted|in preparation|under review)[^\]]*\]",
                            regex.I)


def starts_citation(text: str) -> bool:
    """True when ``text`` opens with an author list and a year or a quoted title (one citation a line)."""
    m = _CITE_HEAD.match(text.strip())
    if m:
        return is_author_list(m.group("a").strip(" ,"), single=True)
    m = _AUTHORS_DOT.match(text.strip())  # "Ann Lee, **Bo Chen**. Title, Venue, 2021.": two names or more
    return bool(m) and is_author_list(m.group("a").replace("*", ""), single=False)


def _clean_name(name: str) -> str:
    return _WS.sub(" ", _AUTHOR_MARKS.sub("", name)).strip(" ,;")


def split_authors(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the author names in ``text[start:end]`` ("Wang, X. and Li, Y." -> two)."""
    chunk = text[start:end]
    apa = list(_APA_NAME.finditer(chunk))
    if apa and sum(len(m.group(0)) for m in apa) >= 0.6 * len(chunk.strip(" .,")):
        return [trim(text, start + m.start(), start + m.end(), " ,;") for m in apa]
    out = []
    pos = start
    for m in _AUTHOR_SEP.finditer(chunk):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return [trim(text, a, b, " ,;.") for a, b in out if trim(text, a, b, " ,;.")[1] > trim(text, a, b, " ,;.")[0]]


def is_author_list(text: str, *, single: bool = False) -> bool:
    """True when ``text`` reads as a list of person names."""
    body = _ET_AL.sub("", text).strip(" ,;")
    if not body:
        return False
    spans = split_authors(body, 0, len(body))
    names = [_clean_name(body[a:b]) for a, b in spans]
    names = [n for n in names if n]
    if not names or (len(names) < 2 and not single):
        return False
    ok = sum(bool(_NAME.match(n)) for n in names)
    return ok >= 0.8 * len(names)


class PublicationParser:
    name: ClassVar[str] = "publications"
    kinds: ClassVar[frozenset[str]] = frozenset({"publications"})

    def __call__(self, view: SectionView) -> list[Draft]:
        doc = view.doc
        text = doc.text
        skip = skill_line_starts(view)
        lines = [bl for bl in body_lines(view)
                 if bl.line.start not in skip and not is_skill_line(text[bl.line.start:bl.line.end])]
        for i, bl in enumerate(lines):
            if not bl.bullet and _NOT_PUBLICATIONS.match(text, bl.start, bl.end):
                lines = lines[:i]  # "Invited Talks", "学术报告": talks are not publications
                break
        entries = self._entries(text, lines)
        drafts = []
        for entry in entries:
            d = self._parse(view, entry)
            if d is not None:
                drafts.append(d)
        return drafts

    # -- entries -------------------------------------------------------------------------
    def _entries(self, text: str, lines: list[BodyLine]) -> list[list[BodyLine]]:
        marked = [bl.bullet is not None or bool(_MARKER.match(text, bl.start, bl.end)) for bl in lines]
        entries: list[list[BodyLine]] = []
        if any(marked):
            for bl, mk in zip(lines, marked):
                if mk or not entries:
                    entries.append([bl])
                else:
                    entries[-1].append(bl)
            return entries
        prev_end = None
        starts = [starts_citation(text[bl.start:bl.end]) for bl in lines]
        per_line = sum(starts) >= 2
        for bl, st in zip(lines, starts):
            new_par = prev_end is None or text.count("\n", prev_end, bl.line.start) > 1 or (per_line and st)
            if new_par and entries and self._no_title(text[bl.start:bl.end]):
                new_par = False
            if new_par:
                entries.append([bl])
            else:
                entries[-1].append(bl)
            prev_end = bl.line.end
        return entries

    @staticmethod
    def _no_title(chunk: str) -> bool:
        words = _WORDS.findall(chunk)
        return len(words) <= 6 or (bool(_VENUE_ABBR.search(chunk)) and len(words) <= 8)

    # -- one entry -----------------------------------------------------------------------
    def _parse(self, view: SectionView, lines: list[BodyLine]) -> Draft | None:
        doc = view.doc
        text, simp = doc.text, doc.simplified
        s, e = lines[0].start, lines[-1].end
        consumed: list[Mention] = bullet_mention(text, lines[0], SOURCE)
        m = _MARKER.match(text, s, e)
        if m and m.end() > s:
            consumed.append(make_mention(text, "_label", s, m.end(), source=SOURCE))
            s = m.end()
        fields: dict[str, tuple[int, int, object]] = {}
        authors: list[tuple[int, int]] = []
        et_al = None

        # status ("Accepted by the X", "under review") and notes ("Oral (4.3%)")
        for sm in _STATUS.finditer(simp, s, e):
            kind = sm.lastgroup
            fields["status"] = (sm.start(), sm.end(), kind)
            break
        note = _NOTE.search(text, s, e)
        if note:
            value = _WS.sub(" ", note.group("oral")).title() if note.group("oral").islower() else note.group("oral")
            if note.group("pct"):
                value += f" ({note.group('pct').replace(' ', '')})"
            fields["note"] = (note.start(), note.end(), value)
        masked = [(fields[k][0], fields[k][1]) for k in ("status", "note") if k in fields]
        venue_hint = None
        full_end = e
        pm = _PAREN_STATUS.search(text, s, e)
        if pm and "status" in fields and pm.start("i") <= fields["status"][0] < pm.end("i"):
            abbr = _VENUE_ABBR.search(text, pm.start("i"), pm.end("i"))
            if abbr:
                venue_hint = (abbr.start("v"), abbr.end("v"), abbr.group("v"))
            consumed.append(make_mention(text, "_label", pm.start(), pm.end(), source=SOURCE))
            e = trim(text, s, pm.start(), " ,.;:")[1]
        mm = _MANUSCRIPT.search(text, s, e)
        if mm:  # APA "[Manuscript submitted for publication]. Department ..., University": no venue
            consumed.append(make_mention(text, "_label", mm.start(), e, source=SOURCE))
            e = trim(text, s, mm.start(), " ,.;:")[1]

        title = self._bold_title(doc, s, e)
        venue = None
        if title is None and len(lines) > 1:
            title, venue, authors = self._by_lines(text, lines, masked)
        if title is None:
            title, venue, authors, et_al = self._by_string(text, simp, s, e, masked, fields)
        else:
            if not authors:
                a_s, a_e = trim(text, s, title[0], " ,.;:")
                if a_e > a_s and is_author_list(text[a_s:a_e], single=True):
                    authors = split_authors(text, a_s, a_e)
            if venue is None:
                v_s, v_e = trim(text, title[1], e, " ,.;:\n")
                if v_e > v_s:
                    venue = self._clean_venue(text, v_s, v_e, masked)
        if title is None or title[1] - title[0] < 8:
            return None
        if venue_hint is not None and not (venue and venue[1] > venue[0]):
            venue = venue_hint
        d = Draft(kind="publications", lang=text_lang(text[title[0]:title[1]]), start=lines[0].start, end=e)
        d.set(make_mention(text, "title", title[0], title[1], _WS.sub(" ", text[title[0]:title[1]]).strip(),
                           source=SOURCE))
        if venue and venue[1] > venue[0]:
            v = venue[2] if len(venue) > 2 else _WS.sub(" ", text[venue[0]:venue[1]]).strip()
            if v:
                d.set(make_mention(text, "venue", venue[0], venue[1], v, source=SOURCE))
        years = [ym for ym in _YEAR.finditer(text, s, full_end) if not (title[0] <= ym.start() < title[1])]
        abbr = _VENUE_ABBR.search(text, s, e)
        if abbr and (abbr.group("y") or abbr.group("y2")) and not (title[0] <= abbr.start() < title[1]):
            y = abbr.group("y") or abbr.group("y2")
            yv = int(y) if len(y) == 4 else 2000 + int(y)
            d.set(make_mention(text, "year", abbr.start("y" if abbr.group("y") else "y2"),
                               abbr.end("y" if abbr.group("y") else "y2"), yv, source=SOURCE))
        elif years:
            ym = years[-1]
            head = _CITE_HEAD.match(text, s, e)
            if head and not head.group(0).rstrip().endswith(("\"", "“")) and years[0].start() < head.end():
                ym = years[0]
            d.set(make_mention(text, "year", ym.start(), ym.end(), int(ym.group(0)), source=SOURCE))
        for k in ("status", "note"):
            if k in fields:
                a, b, v = fields[k]
                d.set(make_mention(text, k, a, b, v, source=SOURCE))
        if et_al is not None and "note" not in fields:
            d.set(make_mention(text, "note", et_al[0], et_al[1], "et al.", source=SOURCE))
        for a, b in authors:
            name = _clean_name(text[a:b])
            if name and not _ET_AL.fullmatch(name):
                d.add(make_mention(text, "authors", a, b, name, source=SOURCE))
        d.consumed.extend(consumed)
        return d

    @staticmethod
    def _bold_title(doc, s: int, e: int) -> tuple[int, int] | None:
        best = None
        for mk in doc.norm.marks_in(s, e, "bold"):
            a, b = trim(doc.text, max(mk.start, s), min(mk.end, e), " ,.;:")
            chunk = doc.text[a:b]
            if len(_WORDS.findall(chunk)) < 3 or is_author_list(chunk, single=True):
                continue
            if best is None or b - a > best[1] - best[0]:
                best = (a, b)
        return best

    def _by_lines(self, text: str, lines: list[BodyLine], masked):
        """Title / authors / venue on lines of their own."""
        title = venue = None
        authors: list[tuple[int, int]] = []
        for bl in lines:
            chunk = text[bl.start:bl.end]
            m = _MARKER.match(text, bl.start, bl.end)
            s0 = m.end() if m else bl.start
            chunk = text[s0:bl.end]
            if is_author_list(chunk):
                if not authors:
                    a_e = bl.end
                    em = _ET_AL.search(text, s0, bl.end)
                    if em:
                        a_e = em.start()
                    authors = split_authors(text, s0, a_e)
                continue
            words = len(_WORDS.findall(chunk))
            if title is not None and (_VENUE_ABBR.search(chunk) or _YEAR.search(chunk) or _VENUE_WORDS.search(chunk)
                                      or words <= 8):
                if venue is None:
                    venue = self._venue_from(text, s0, bl.end, masked)
                continue
            if title is None and not (words <= 6 and _VENUE_ABBR.search(chunk)):
                title = trim(text, s0, bl.end, " ,.;:")
            elif venue is None:
                venue = self._venue_from(text, s0, bl.end, masked)
        return title, venue, authors

    def _venue_from(self, text: str, s: int, e: int, masked):
        abbr = _VENUE_ABBR.search(text, s, e)
        if abbr:
            return (abbr.start("v"), abbr.end("v"), abbr.group("v"))
        return self._clean_venue(text, s, e, masked)

    @staticmethod
    def _clean_venue(text: str, s: int, e: int, masked) -> tuple[int, int] | None:
        for a, b in masked:  # "Accepted by the" / "Oral (4.3%)" are not part of the venue
            if a <= s < b:
                s = b
            if a < e <= b or (s < a < e and b >= e - 2):
                e = min(e, a)
        s, e = trim(text, s, e, " ,.;:\n")
        m = _VENUE_LEAD.match(text[s:e])
        if m:
            s += m.end()
        tail_re = _PATENT_TAIL if _PATENT.search(text, s, e) else _VENUE_TAIL
        for _ in range(6):
            m = tail_re.search(text, s, e)
            if not m or m.start() <= s:
                break
            e = m.start()
            s, e = trim(text, s, e, " ,.;:\n")
        abbr = _VENUE_ABBR.fullmatch(text[s:e].strip())
        if abbr:
            return (s + abbr.start("v"), s + abbr.end("v"), abbr.group("v"))
        if e - s < 2 or not _LETTER.search(text[s:e]):
            return None
        return (s, e)

    def _by_string(self, text: str, simp: str, s: int, e: int, masked, fields):
        """One-line entry: the grammars in the module docstring."""
        authors: list[tuple[int, int]] = []
        et_al = None
        venue = None
        # GB/T 7714: Authors. Title[J]. Venue, 2020, 43(5): 1-10.
        g = _GBT.search(text, s, e)
        if g:
            head_end = g.start()
            dots = [dm.start() for dm in _GBT_DOT.finditer(text, s, head_end)]
            dot = dots[-1] if dots else -1
            t_s = dot + 1 if dot > s else s
            if dot > s:
                a_e = dot
                em = _ET_AL.search(text, s, a_e)
                if em:
                    et_al = (em.start(), em.end())
                    a_e = em.start()
                authors = split_authors(text, s, a_e)
            title = trim(text, t_s, head_end, " ,.;:")
            v_s = g.end()
            v = trim(text, v_s, e, " ,.;:")
            v = (v[0] + len(_SLASH_WS.match(text[v[0]:v[1]]).group(0)), v[1])
            vm = _GBT_VENUE.match(text[v[0]:v[1]])
            venue = (v[0], v[0] + vm.end()) if vm else None
            if venue:
                venue = trim(text, *venue, " ,.;:")
                if venue[1] > venue[0]:
                    tail = self._clean_venue(text, venue[0], venue[1], masked)
                    venue = tail or venue
            return title, venue, authors, et_al
        # IEEE: Authors, "Title," in Venue, 2021, pp. 1-9.
        q = _QUOTED.search(text, s, e)
        if q:
            a_s, a_e = trim(text, s, q.start(), " ,.;:")
            if a_e <= a_s or is_author_list(text[a_s:a_e], single=True):
                if a_e > a_s:
                    em = _ET_AL.search(text, a_s, a_e)
                    if em:
                        et_al = (em.start(), em.end())
                        a_e = em.start()
                    authors = split_authors(text, a_s, a_e)
                title = trim(text, q.start("t"), q.end("t"), " ,.;:")
                v_s, v_e = trim(text, q.end(), e, " ,.;:")
                if v_e > v_s:
                    venue = self._clean_venue(text, v_s, v_e, masked)
                return title, venue, authors, et_al
        # Title: by Authors, et al. Venue, August 2020.
        by = _BY.search(text, s, e)
        if by and by.start() > s + 10:
            title = trim(text, s, by.start(), " ,.;:")
            rest = by.end()
            em = _ET_AL.search(text, rest, e)
            stop = em.start() if em else None
            if stop is None:
                sm = _DOT_UPPER.search(text[rest:e])
                stop = rest + sm.start() if sm else e
            if is_author_list(text[rest:stop], single=True):
                authors = split_authors(text, rest, stop)
                if em:
                    et_al = (em.start(), em.end())
                    venue_start = em.end()
                else:
                    venue_start = stop
                venue = self._clean_venue(text, venue_start, e, masked)
                return title, venue, authors, et_al
        # Title VENUE'YY note Authors
        abbr = _VENUE_ABBR.search(text, s, e)
        if abbr and abbr.start() > s + 15 and not is_author_list(text[s:abbr.start()].rstrip(" ,."), single=True):
            head = text[s:abbr.start()]
            sm = list(_SENTENCE_END.finditer(head.rstrip()))
            if not sm:
                title = trim(text, s, abbr.start(), " ,.;:")
                after = abbr.end()
                for a, b in masked:
                    if a >= after - 1 and a - after < 4:
                        after = max(after, b)
                a_s, a_e = trim(text, after, e, " ,.;:")
                em = _ET_AL.search(text, a_s, a_e)
                if em:
                    et_al = (em.start(), em.end())
                    a_e = em.start()
                if a_e > a_s and is_author_list(text[a_s:a_e], single=True):
                    authors = split_authors(text, a_s, a_e)
                return title, (abbr.start("v"), abbr.end("v"), abbr.group("v")), authors, et_al
        # Vancouver: "Zhang Y, Chen X. Title. Venue. 2021"
        vm = _VANCOUVER.match(text, s, e)
        if vm:
            a_s, a_e = vm.start("a"), vm.end("a")
            em = _ET_AL.search(text, a_s, a_e)
            if em:
                et_al = (em.start(), em.end())
                a_e = em.start()
            authors = split_authors(text, a_s, a_e)
            rest = self._sentences(text, vm.end(), e)
            if rest:
                title = trim(text, *rest[0], " ,.;:")
                if len(rest) > 1:
                    venue = self._clean_venue(text, rest[1][0], rest[-1][1], masked)
                return title, venue, authors, et_al
        # author-first: "Authors, 2020, October. Title. Venue" / "Authors (2020). Title. Venue" / "Authors. Title. Venue"
        sentences = self._sentences(text, s, e)
        if sentences:
            first_s, first_e = sentences[0]
            a_e = first_e
            ym = _AUTHOR_YEAR.search(text[first_s:first_e])
            if ym:
                a_e = first_s + ym.start()
            chunk = text[first_s:a_e]
            em = _ET_AL.search(chunk)
            if em:
                et_al = (first_s + em.start(), first_s + em.end())
                chunk = chunk[:em.start()]
                a_e = first_s + em.start()
            if len(sentences) >= 2 and is_author_list(chunk, single=True):
                authors = split_authors(text, first_s, a_e)
                if len(sentences) >= 3 and _YEAR_SENTENCE.fullmatch(text[sentences[1][0]:sentences[1][1]]):
                    sentences = sentences[:1] + sentences[2:]  # ACM: "Authors. 2023. Title. In Venue."
                title = sentences[1]
                rest = sentences[2:]
                if len(sentences) == 2:
                    # "Title, Venue, 2021." in one sentence: the venue is the last comma part with venue words
                    parts = [p for p in _COMMA_PART.finditer(text[title[0]:title[1]])]
                    if len(parts) >= 2:
                        for i in range(1, len(parts)):
                            tail = text[title[0] + parts[i].start():title[1]]
                            if _VENUE_WORDS.search(tail) or _YEAR.search(tail):
                                venue = self._clean_venue(text, title[0] + parts[i].start(), title[1], masked)
                                title = trim(text, title[0], title[0] + parts[i - 1].end(), " ,.;:")
                                break
                if rest and venue is None:
                    venue = self._clean_venue(text, rest[0][0], rest[-1][1] if len(rest) == 1 else rest[0][1], masked)
                    if venue is None and len(rest) > 1:
                        venue = self._clean_venue(text, rest[1][0], rest[-1][1], masked)
                return trim(text, *title, " ,.;:"), venue, authors, et_al
            # title-first: "Title. Authors. Venue, 2020."
            title = trim(text, first_s, first_e, " ,.;:")
            rest = sentences[1:]
            if rest and is_author_list(text[rest[0][0]:rest[0][1]], single=True):
                a_s, a_e = rest[0]
                em = _ET_AL.search(text, a_s, a_e)
                if em:
                    et_al = (em.start(), em.end())
                    a_e = em.start()
                authors = split_authors(text, a_s, a_e)
                rest = rest[1:]
            if rest:
                venue = self._clean_venue(text, rest[0][0], rest[-1][1], masked)
            return title, venue, authors, et_al
        return None, None, [], None

    @staticmethod
    def _sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
        out = []
        pos = s
        for m in _SENTENCE_END.finditer(text, s, e):
            # "Wang, X." initials and "pp." do not end a sentence
            if _INITIAL_END.search(text[max(s, m.start() - 2):m.start() + 1]):
                continue
            if m.start() > pos:
                out.append(trim(text, pos, m.start() + (1 if text[m.start()] in "?!" else 0), " \n"))
            pos = m.end()
        if pos < e:
            out.append(trim(text, pos, e, " \n"))
        return [(a, b) for a, b in out if b > a]
