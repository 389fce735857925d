"""Chinese prose (bios, 个人简介) -> basics mentions and work/education drafts, with the
shipped NER model (``resume_nlp/models/zh_resume_ner``, see ``docs/ner-model.md``).

Two units share one NER pass per document:

* :class:`ChineseNERExtractor` (document extractor, ``name = "ner"``) emits ``basics.name``
  (NAME), ``basics.nationality`` (CONT: ``中国国籍`` -> ``中国``), ``basics.ethnicity``
  (RACE), and by rule on the same prose ``basics.gender`` (男/女 next to the name),
  ``basics.birth_date`` (``1966年出生`` -> ``1966``), ``basics.political_status``
  (``中共党员``) and ``basics.ethnicity`` (one of the 56 groups standing alone: ``，满族，``);
* :class:`ChineseProseParser` (section parser, ``name = "ner"``) turns ``现任/曾任/历任 ORG
  TITLE`` into ``work`` drafts and EDU entities into ``education`` drafts, only when the
  document has no work (resp. education) section of its own.

Prose is a line of a ``header``/``basics``/``summary``/``other`` section with at least 20 Han
characters and sentence punctuation (two commas or semicolons, or a full stop), that is not
a bullet and states something a bio states (出生, 国籍, 族, 现任/曾任/历任/担任, 毕业, 学历/学位,
男/女 between commas, 先生/女士). Nothing is loaded (spaCy, jieba, the model)
unless such a line exists. Every value carries its span and a ``source`` starting with
``ner/``; scores are below the rules' (assemble keeps the best-scored mention), so a
key-value line (``性别：男``) always wins over prose.
"""

from __future__ import annotations

from bisect import bisect_left
import threading
import weakref
from typing import TYPE_CHECKING, ClassVar, Iterable

import regex

from ..merge import text_key
from ..spans import Draft, Mention

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document, SectionView

__all__ = ["ChineseNERExtractor", "ChineseProseParser", "prose_lines", "entities"]

PROSE_KINDS = frozenset({"header", "basics", "summary", "other"})
SCORE = 0.4            # NER values: below every rule (key-value fields score 0.95-1.0)
RULE_SCORE = 0.5       # rules applied to prose (gender, birth year, political status)

_HAN = regex.compile(r"\p{Han}")
_SENT = regex.compile(r"[，,；;。]")
_BULLET = regex.compile(r"^\s*(?:[•·・◦▪●○■□◆◇►▶➢➤✓✔✦★☆\-–—*]|\d{1,2}[.、)）]\s*\D|[（(]\d{1,2}[)）]|[\u2460-\u2473])")
_GENDER = regex.compile(r"[\s:：,，(（]{0,2}(?:性别[:：]?)?(?P<g>男|女)(?:性)?(?=[\s,，;；。)）、]|$)")
_GENDER_TITLE = regex.compile(r"(?P<g>先生|女士)")
_BIRTH = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)?\s*(?:出生|生人|生)"
                       r"|(?:出生于|生于)\s*(?P<y2>(?:19|20)\d{2})\s*年(?:\s*(?P<m2>\d{1,2})\s*月)?")
_POLITICAL = regex.compile(r"中共(?:预备)?党员|中国共产党党员|共产党员|共青团员|无党派人士")
# The 56 officially recognised ethnic groups (closed list): a rule on prose next to RACE.
_ETHNIC = regex.compile(
    r"(?<![\p{Han}])(?:汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|"
    r"东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|"
    r"德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族(?![\p{Han}])"
)
_CURRENT = ("现任", "现为", "目前任", "目前担任", "现担任", "现兼任")
_TRIGGER = regex.compile(r"现任|现为|目前任|目前担任|现担任|现兼任|曾任|历任|曾担任|先后任|先后担任|担任|兼任|出任|任")
_CLAUSE_END = regex.compile(r"[；;。]")
_TITLE_GLUE = regex.compile(r"^[、,，及和与兼并/]{0,2}$")

_LOCK = threading.Lock()
_CACHE: "weakref.WeakKeyDictionary[Document, list[tuple[int, int, list[tuple[int, int, str]]]]]" = weakref.WeakKeyDictionary()


# A third-person bio states at least one of these; other prose (自我评价: 熟悉…，具有良好的…, or a
# student's "毕业打算从事…", "担任班长") is left alone, which keeps the model unloaded for most resumes.
_BIO_CUE = regex.compile(r"出生|生于|国籍|[，,]\p{Han}{1,4}族[，,。]|现任|曾任|历任|[，,:：]\s*[男女][，,。]|先生|女士")


def _is_prose(text: str) -> bool:
    if _BULLET.match(text) or not _BIO_CUE.search(text):
        return False
    han = len(_HAN.findall(text))
    if han < 20:
        return False
    punct = _SENT.findall(text)
    return len(punct) >= 2 or "。" in punct


def prose_lines(doc: "Document") -> list[tuple[int, int]]:
    """``(start, end)`` of the Chinese prose lines of ``doc`` (see the module docstring)."""
    out = []
    text = doc.text
    for section in doc.sections:
        if section.kind not in PROSE_KINDS:
            continue
        for line in doc.lines_in(section.body_start if section.heading else section.start, section.end):
            if line.lang not in ("zh", "mixed"):
                continue
            if _is_prose(text[line.start:line.end]):
                out.append((line.start, line.end))
    return out


# The model reads one sentence at a time, as it was trained (the data is split at 。), and a
# sentence longer than _MAX_PIECE characters in clauses: its memory and time per call stay
# bounded when a whole document arrives as one line (a PDF without line breaks), where one
# multi-megabyte call would take gigabytes.
_SENTENCE_END = regex.compile(r"[。！？!?]")
_MAX_PIECE = 300


def _model_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut after each sentence end, and over-long sentences after the last
    comma that keeps them within :data:`_MAX_PIECE` (or at it, when there is none)."""
    out = []
    for m in _SENTENCE_END.finditer(text, start, end):
        out += _clauses(text, start, m.end())
        start = m.end()
    if start < end:
        out += _clauses(text, start, end)
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while end - start > _MAX_PIECE:
        limit = start + _MAX_PIECE
        comma = max(text.rfind("，", start, limit), text.rfind(",", start, limit))
        cut = comma + 1 if comma > start else limit
        out.append((start, cut))
        start = cut
    if start < end:
        out.append((start, end))
    return out


def entities(doc: "Document") -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """``(line start, line end, [(start, end, label)])`` for each prose line, offsets in
    ``doc.text``; computed once per document (the model loads on the first prose line)."""
    with _LOCK:
        hit = _CACHE.get(doc)
    if hit is not None:
        return hit
    lines = prose_lines(doc)
    result: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    if lines:
        from .. import ner

        nlp = ner.load()
        view = doc.simplified
        pieces = [(i, a, b) for i, (s, e) in enumerate(lines) for a, b in _model_pieces(view, s, e)]
        found: list[list[tuple[int, int, str]]] = [[] for _ in lines]
        texts = (ner.to_training_form(view[a:b]) for _, a, b in pieces)
        for (i, a, _), d in zip(pieces, nlp.pipe(texts, batch_size=64)):
            found[i] += [(a + ent.start_char, a + ent.end_char, ent.label_) for ent in d.ents]
        result = [(s, e, ents) for (s, e), ents in zip(lines, found)]
    with _LOCK:
        _CACHE[doc] = result
    return result


def _m(field: str, value: object, start: int, end: int, source: str, score: float = SCORE) -> Mention:
    return Mention(field, value, start, end, "zh", score, source)


def _nationality(surface: str) -> str | None:
    value = regex.sub(r"(?:国籍|籍|公民|人)$", "", surface).strip()
    return value or None


class ChineseNERExtractor:
    """Basics from Chinese prose: NER entities plus a few rules anchored on them."""

    name: ClassVar[str] = "ner"
    fields: ClassVar[tuple[str, ...]] = (
        "basics.name", "basics.gender", "basics.nationality", "basics.ethnicity",
        "basics.birth_date", "basics.political_status",
    )

    def __call__(self, doc: "Document") -> Iterable[Mention]:
        out: list[Mention] = []
        text = doc.simplified
        name_found = False
        for ls, le, ents in entities(doc):
            for s, e, label in ents:
                surface = text[s:e]
                if label == "NAME" and not name_found and 2 <= len(surface.replace("·", "")) <= 6 \
                        and _HAN.search(surface):
                    name_found = True  # the first person named in the prose is its subject
                    out.append(_m("basics.name", doc.text[s:e], s, e, "ner/NAME"))
                    g = _GENDER.match(text, e, le) or _GENDER_TITLE.match(text, e, le)
                    if g:
                        value = "male" if g["g"] in ("男", "先生") else "female"
                        out.append(_m("basics.gender", value, g.start("g"), g.end("g"), "ner/prose-rule", RULE_SCORE))
                elif label == "CONT":
                    value = _nationality(surface)
                    if value:
                        out.append(_m("basics.nationality", value, s, e, "ner/CONT"))
                elif label == "RACE" and surface.endswith("族"):
                    out.append(_m("basics.ethnicity", surface, s, e, "ner/RACE"))
            line = text[ls:le]
            b = _BIRTH.search(line)
            if b:
                y, mo = (b["y"], b["m"]) if b["y"] else (b["y2"], b["m2"])
                value = f"{y}-{int(mo):02d}" if mo and 1 <= int(mo) <= 12 else y
                out.append(_m("basics.birth_date", value, ls + b.start(), ls + b.end(), "ner/prose-rule", RULE_SCORE))
            r = _ETHNIC.search(line)
            if r:
                out.append(_m("basics.ethnicity", r[0], ls + r.start(), ls + r.end(), "ner/prose-rule", RULE_SCORE))
            p = _POLITICAL.search(line)
            if p:
                out.append(_m("basics.political_status", p[0], ls + p.start(), ls + p.end(), "ner/prose-rule", RULE_SCORE))
        return out


def _once(drafts: list[Draft]) -> list[Draft]:
    """Prose restates (现任X公司董事长 ... 2015年起任X公司董事长): the same position at the same
    organisation, or the same degree from the same school, is one entry; what a restatement
    says is kept as covered text, not output again."""
    first: dict[tuple, Draft] = {}
    out = []
    for d in drafts:
        key = (d.kind, tuple(sorted((name, text_key(str(v[0].value))) for name, v in d.fields.items() if v)))
        if key in first:
            keep = first[key]
            keep.consumed += [m for v in d.fields.values() for m in v] + list(d.consumed)
            continue
        first[key] = d
        out.append(d)
    return out


class ChineseProseParser:
    """Work and education drafts from Chinese prose, for documents whose rules found none:
    ``现任 ORG TITLE`` (current: ``end = "present"``), ``曾任/历任 ORG TITLE`` (former),
    and ``[ORG] [PRO] EDU`` (an education level, with the school and major it names)."""

    name: ClassVar[str] = "ner"
    kinds: ClassVar[frozenset[str]] = PROSE_KINDS

    def __call__(self, view: "SectionView") -> list[Draft]:
        doc = view.doc
        kinds = {s.kind for s in doc.sections}
        lines = [x for x in entities(doc) if view.start <= x[0] < view.end]
        if not lines:
            return []
        drafts: list[Draft] = []
        text = doc.simplified
        for ls, le, ents in lines:
            if "work" not in kinds:
                drafts += self._work(doc, text, ls, le, ents)
            if "education" not in kinds:
                drafts += self._education(doc, text, ents)
        return _once(drafts)

    # -- work ----------------------------------------------------------------------------
    def _work(self, doc: "Document", text: str, ls: int, le: int, ents: list[tuple[int, int, str]]) -> list[Draft]:
        drafts: list[Draft] = []
        starts = [x[0] for x in ents]  # ents are in text order: each clause's are a slice
        for t in _TRIGGER.finditer(text, ls, le):
            if t[0] == "任" and (t.start() > ls and _HAN.match(text[t.start() - 1]) and text[t.start() - 1] not in "并兼后现曾历，,"):
                continue  # 任 inside a word (主任, 责任): not a trigger
            current = t[0] in _CURRENT
            stop = _CLAUSE_END.search(text, t.end(), le)
            nxt = _TRIGGER.search(text, t.end(), stop.start() if stop else le)
            clause_end = stop.start() if stop else le
            if nxt is not None and nxt[0] != "任":
                clause_end = min(clause_end, nxt.start())
            window = ents[bisect_left(starts, t.end()):bisect_left(starts, clause_end)]
            inside = [x for x in window if x[1] <= clause_end]
            if not inside or inside[0][0] - t.end() > 2:
                continue  # the entity must follow the trigger
            org: tuple[int, int, str] | None = None
            titles: list[tuple[int, int, str]] = []
            for ent in inside:
                if ent[2] == "ORG":
                    if titles:
                        drafts += self._emit(doc, org, titles, current, t)
                        titles = []
                    org = ent
                elif ent[2] == "TITLE":
                    titles.append(ent)
            drafts += self._emit(doc, org, titles, current, t)
        return drafts

    def _emit(self, doc: "Document", org, titles, current: bool, trigger) -> list[Draft]:
        if not titles:
            return []
        # consecutive titles glued by 、/兼/和 form one position (董事长兼总经理)
        groups: list[list[tuple[int, int, str]]] = [[titles[0]]]
        for t in titles[1:]:
            prev = groups[-1][-1]
            if doc.text[prev[1]:t[0]] in ("兼",):
                groups[-1].append(t)
            else:
                groups.append([t])
        out = []
        for group in groups:
            s, e = group[0][0], group[-1][1]
            start = org[0] if org else s
            d = Draft("work", "zh", min(start, trigger.start()), e)
            d.set(_m("work.position", doc.text[s:e], s, e, "ner/TITLE"))
            if org:
                d.set(_m("work.organization", doc.text[org[0]:org[1]], org[0], org[1], "ner/ORG"))
            if current:
                d.set(_m("work.end", "present", trigger.start(), trigger.end(), "ner/prose-rule", RULE_SCORE))
            out.append(d)
        return out

    # -- education -----------------------------------------------------------------------
    def _education(self, doc: "Document", text: str, ents: list[tuple[int, int, str]]) -> list[Draft]:
        drafts = []
        for i, (s, e, label) in enumerate(ents):
            if label != "EDU":
                continue
            degree = _degree(text[s:e])
            d = Draft("education", "zh", s, e)
            d.set(_m("education.degree_raw", doc.text[s:e], s, e, "ner/EDU"))
            if degree:
                d.set(_m("education.degree", degree, s, e, "ner/EDU"))
            # the school and the major named just before (毕业于XX大学计算机专业，硕士学历)
            for ps, pe, pl in reversed(ents[max(0, i - 2):i]):
                if s - pe > 6:
                    break
                if pl == "PRO" and "field" not in d.fields:
                    d.set(_m("education.field", doc.text[ps:pe], ps, pe, "ner/PRO"))
                elif pl == "ORG" and "institution" not in d.fields and regex.search(r"大学|学院|学校|中学|党校|研究院|研究所", text[ps:pe]):
                    d.set(_m("education.institution", doc.text[ps:pe], ps, pe, "ner/ORG"))
                    d.start = min(d.start, ps)
            drafts.append(d)
        return drafts


_DEGREE_FALLBACK = (("博士", "doctorate"), ("硕士", "master"), ("研究生", "master"), ("MBA", "master"),
                    ("本科", "bachelor"), ("学士", "bachelor"), ("大学", "bachelor"), ("大专", "associate"),
                    ("专科", "associate"), ("中专", "high_school"), ("高中", "high_school"))


def _degree(surface: str) -> str | None:
    """Canonical degree of an EDU entity (``硕士研究生学历`` -> ``master``)."""
    try:
        from .education import _lexicon

        lex = _lexicon()
        best = None
        for m in lex.zh.finditer(surface):
            canon = lex.canonical.get(m[0].casefold())
            if canon and (best is None or len(m[0]) > len(best[0])):
                best = (m[0], canon)
        if best:
            return best[1]
    except Exception:  # noqa: BLE001 - the lexicon is an optional refinement
        pass
    for key, canon in _DEGREE_FALLBACK:
        if key in surface:
            return canon
    return None
