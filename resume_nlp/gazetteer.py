"""Bilingual gazetteers (institutions, companies, locations) and a character-level matcher.

Each gazetteer row holds both languages (``pku  Peking University  北京大学  北大|PKU``), so
one row serves lookup, BiText filling and English/Chinese alignment. The rows live in
``resources/gazetteers/*.tsv``; where they came from is written in ``resources/README.md``.

Matching works on characters, not on tokenizer output (jieba's segmentation depends on
context and cuts across entity names):

* Han names go into a character trie that is walked over the Simplified view of the text
  (:func:`resume_nlp.lang.to_simplified`, same offsets), so Traditional input matches.
  Spaces inside a Han match are skipped (``腾讯 优图实验室``).
* Latin names go into a trie of word tokens (case-folded, accents removed, ``&`` = ``and``).
  Tokens of one match may be separated only by spaces and light punctuation on one line.
* Legal suffixes are optional: names are indexed without ``有限公司``/``Co., Ltd.``/``Inc.``…
  and a match is extended over such a suffix when the text has one.

Rules against false hits (see ``resources/README.md``):

* A one-word Latin name of at most 5 characters (``HIT``, ``PKU``, ``IBM``, ``vivo``) matches
  only as written in the table or in upper case, never in lower or title case.
* World-university rows (source ``hipo``) are found in running text only when the name has
  at least two words, one of them a head word (University, College, Institute, ...) and one
  not a generic word; otherwise they serve :meth:`Gazetteer.lookup` and e-mail look-ups only.
* An alias written ``=alias`` in a table is lookup-only (``=MI``, ``=上交``): it is never
  searched for in running text, where it would hit ordinary words.
* Matches inside e-mail addresses and URLs are dropped.

Indexes are built lazily per script (Han trie, Latin trie, lookup table, domain table) on
first use, under a lock; a built gazetteer is read-only and safe to share between threads.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import regex

from .lang import to_simplified

__all__ = [
    "Entity",
    "Gazetteer",
    "Match",
    "companies",
    "institution_by_email",
    "institutions",
    "locations",
    "normalize_name",
    "organizations",
    "parse_location",
]


@dataclass(frozen=True, slots=True)
class Entity:
    """One gazetteer row.

    ``en`` is ``None`` when the table has no trustworthy English name; an unverified English
    guess is kept only in ``extra`` as ``("en_hint", ...)`` and must never be output.
    ``official`` is True when ``en`` comes from an official or Wikipedia source (or a curated
    row) and may fill a BiText variant the resume does not itself contain.
    ``extra`` holds table-specific cells: ``domains`` (``|``-separated), ``source``,
    ``region`` (a location's region id), ``en_hint``.
    """

    id: str
    kind: str
    en: str | None
    zh: str | None
    aliases: tuple[str, ...]
    official: bool
    country: str | None = None
    city: str | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str | None = None) -> str | None:
        """Value of an ``extra`` cell."""
        for k, v in self.extra:
            if k == key:
                return v
        return default

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the row: English, Chinese, then aliases."""
        return tuple(n for n in (self.en, self.zh, *self.aliases) if n)


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit: ``text[start:end] == surface`` (offsets include ``offset``)."""

    start: int
    end: int
    entity: Entity
    surface: str


# --------------------------------------------------------------------------- normalization

_HAN = regex.compile(r"\p{Han}")
_LATIN_TOKEN = regex.compile(r"[A-Za-z0-9\u00C0-\u024F]+|&")
# Between two words of one Latin name: spaces and light punctuation, on one line.
_GAP = regex.compile(r"[ \t\u00a0,.\-'\u2019()/:]{0,4}")
_SPACE = regex.compile(r"[\s\u3000·•・]+")
_CHINA_PAREN = regex.compile(r"[(（]\s*(?:中国|中國|china|prc)\s*[)）]", regex.IGNORECASE)
_ZH_LEGAL = ("股份有限公司", "有限责任公司", "有限公司")
_ZH_LEGAL_EXT = regex.compile(
    r"[ \t]*(?:[(（]\s*中国\s*[)）])?(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司)"
)
_EN_LEGAL_TOKENS = frozenset(
    "co ltd inc corp corporation llc gmbh limited plc company incorporated".split()
)
_EN_LEGAL_EXT = regex.compile(
    r"(?:[ \t]*\((?:china|prc|中国|中國)\))?"
    r"(?:[ \t]*(?:,[ \t]*)?(?:&[ \t]*(?:company|co\.?)|co\.?[ \t]*,?[ \t]*ltd\.?|co\.?,?[ \t]*limited"
    r"|inc\.?|incorporated|corp\.?|corporation|l\.?l\.?c\.?|gmbh|ltd\.?|limited|plc)(?![A-Za-z0-9]))+",
    regex.IGNORECASE,
)
_URLISH = regex.compile(r"@|://|^www\.|\.(?:com|cn|edu|org|net|io|hk|tw|uk|jp|de)\b", regex.IGNORECASE)

_HEAD_WORDS = frozenset(
    """university universities college institute institut school academy polytechnic conservatory
    seminary universitat universitaet universite universidad universidade universita
    universiteit uniwersytet hochschule fachhochschule ecole escola escuela politecnico
    polytechnique technion kolej""".split()
)
_GENERIC_WORDS = _HEAD_WORDS | frozenset(
    """of the and for in at de la le du des del di da do e y a an university technology
    technological science sciences state national international community arts art business
    management medical medicine health new city central public open online american
    global christian catholic higher education studies study research engineering
    applied professional technical""".split()
)


_WORD = re.compile(r"[^\W_]+")
_TOKEN_MEMO: dict[str, tuple[str, ...]] = {}


def _fold(s: str) -> str:
    """Case-folded, accent-free form of a Latin word (``Universität`` -> ``universitat``)."""
    s = s.casefold()
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _latin_tokens(name: str, memo: bool = False) -> tuple[str, ...]:
    """Folded words of a Latin name; ``&`` reads as ``and``. Table names are memoized
    (``memo=True``): they repeat across the indexes of one gazetteer and across gazetteers."""
    toks = _TOKEN_MEMO.get(name) if memo else None
    if toks is None:
        folded = _fold(name)
        if "&" in folded:
            folded = folded.replace("&", " and ")
        toks = tuple(_WORD.findall(folded))
        if memo:
            _TOKEN_MEMO[name] = toks
    return toks


def _strip_en_legal(tokens: tuple[str, ...]) -> tuple[str, ...]:
    out = list(tokens)
    while len(out) > 1 and (out[-1] in _EN_LEGAL_TOKENS or out[-1] == "and"):
        out.pop()
    return tuple(out)


def _han_key(name: str) -> str:
    s = to_simplified(unicodedata.normalize("NFKC", name))
    s = _SPACE.sub("", s).lower()
    return s


def _strip_zh_legal(key: str) -> str:
    key = _CHINA_PAREN.sub("", key)
    for suffix in _ZH_LEGAL:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            return key[: -len(suffix)]
    return key


def normalize_name(name: str) -> str:
    """Key under which :meth:`Gazetteer.lookup` finds a name.

    Han names: NFKC, Simplified, lower case, no spaces, legal suffix removed. Latin names:
    lower-case accent-free words joined by one space, ``&`` read as ``and``, legal suffix
    (``Co., Ltd.``, ``Inc.``, ...) and ``(China)`` removed.

    >>> normalize_name("HUAWEI TECHNOLOGIES CO., LTD"), normalize_name("華為技術有限公司")
    ('huawei technologies', '华为技术')
    """
    name = unicodedata.normalize("NFKC", name).strip()
    if _HAN.search(name):
        return _strip_zh_legal(_han_key(name))
    name = _CHINA_PAREN.sub(" ", name)
    return " ".join(_strip_en_legal(_latin_tokens(name)))


# --------------------------------------------------------------------------- gazetteer

@dataclass(frozen=True, slots=True)
class _Entry:
    entity: Entity
    find_names: tuple[str, ...]  # searched for in running text
    lookup_names: tuple[str, ...]  # only for lookup()
    hipo: bool = False  # world-university row: stricter rule for running text


_END = ""  # trie key that holds the entities of a complete name


def _world_findable(tokens: tuple[str, ...]) -> bool:
    words = set(tokens)
    return len(tokens) >= 2 and not words.isdisjoint(_HEAD_WORDS) and not words <= _GENERIC_WORDS


class Gazetteer:
    """A set of :class:`Entity` rows with character-level search and normalized lookup."""

    def __init__(self, entries: Sequence[_Entry], name: str = "") -> None:
        self.name = name
        self._entries = tuple(entries)
        self._lock = threading.Lock()
        self._han: dict | None = None
        self._latin: dict | None = None
        self._exact: dict[str, tuple[Entity, ...]] | None = None
        self._lookup: dict[str, tuple[Entity, ...]] | None = None
        self._ids: dict[str, Entity] | None = None

    # -- container -------------------------------------------------------------------
    def __iter__(self) -> Iterator[Entity]:
        return (e.entity for e in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Gazetteer {self.name!r}: {len(self._entries)} entities>"

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id."""
        if self._ids is None:
            with self._lock:
                if self._ids is None:
                    self._ids = {e.entity.id: e.entity for e in self._entries}
        return self._ids.get(entity_id)

    # -- index building (lazy, per script) -------------------------------------------
    def _han_index(self) -> dict:
        if self._han is None:
            with self._lock:
                if self._han is None:
                    root: dict = {}
                    for entry in self._entries:
                        for name in entry.find_names:
                            if not _HAN.search(name):
                                continue
                            key = _han_key(name)
                            for k in {key, _strip_zh_legal(key)}:
                                node = root
                                for ch in k:
                                    node = node.setdefault(ch, {})
                                ents = node.get(_END, ())
                                if entry.entity not in ents:
                                    node[_END] = ents + (entry.entity,)
                    self._han = root
        return self._han

    def _latin_index(self) -> tuple[dict, dict[str, tuple[Entity, ...]]]:
        if self._latin is None:
            with self._lock:
                if self._latin is None:
                    root: dict = {}
                    exact: dict[str, tuple[Entity, ...]] = {}
                    for entry in self._entries:
                        for name in entry.find_names:
                            if _HAN.search(name):
                                continue
                            if ("(" in name or "（" in name) and entry.entity.kind != "institution":
                                name = _CHINA_PAREN.sub(" ", name)
                            tokens = _latin_tokens(name, memo=True)
                            if not tokens:
                                continue
                            if entry.hipo and not _world_findable(tokens):
                                continue
                            if len(tokens) == 1 and len(tokens[0]) <= 5:
                                # Short one-word names match only as written or in upper case.
                                word = name.strip().rstrip(".")
                                for form in {word, word.upper()}:
                                    ents = exact.get(form, ())
                                    if entry.entity not in ents:
                                        exact[form] = ents + (entry.entity,)
                                continue
                            variants = {tokens, _strip_en_legal(tokens)}
                            if tokens[0] == "the" and len(tokens) > 2:
                                variants.add(tokens[1:])
                            for toks in variants:
                                if len(toks) == 1 and len(toks[0]) <= 5:
                                    continue
                                node = root
                                for t in toks:
                                    node = node.setdefault(t, {})
                                ents = node.get(_END, ())
                                if entry.entity not in ents:
                                    node[_END] = ents + (entry.entity,)
                    self._exact = exact
                    self._latin = root
        assert self._exact is not None
        return self._latin, self._exact

    def _lookup_index(self) -> dict[str, tuple[Entity, ...]]:
        if self._lookup is None:
            with self._lock:
                if self._lookup is None:
                    table: dict[str, tuple[Entity, ...]] = {}

                    def put(key: str, ent: Entity) -> None:
                        ents = table.get(key, ())
                        if ent not in ents:
                            table[key] = ents + (ent,)

                    for entry in self._entries:
                        ent = entry.entity
                        for name in (*entry.find_names, *entry.lookup_names):
                            if _HAN.search(name):
                                key = _han_key(name)
                                put(key, ent)
                                bare = _strip_zh_legal(key)
                                if bare != key:
                                    put(bare, ent)
                                continue
                            if ("(" in name or "（" in name) and ent.kind != "institution":
                                name = _CHINA_PAREN.sub(" ", name)
                            toks = _latin_tokens(name, memo=True)
                            if not toks:
                                continue
                            put(" ".join(toks), ent)
                            bare_t = _strip_en_legal(toks)
                            if bare_t != toks:
                                put(" ".join(bare_t), ent)
                    self._lookup = table
        return self._lookup

    # -- lookup ------------------------------------------------------------------------
    def candidates(self, name: str) -> tuple[Entity, ...]:
        """Every entity whose name equals ``name`` after normalization, best first."""
        table = self._lookup_index()
        raw = unicodedata.normalize("NFKC", name).strip()
        if not raw:
            return ()
        if _HAN.search(raw):
            full = _han_key(raw)
        else:
            full = " ".join(_latin_tokens(raw))
        return table.get(full) or table.get(normalize_name(raw), ())

    def lookup(self, name: str) -> Entity | None:
        """The entity named exactly ``name`` after normalization (case, spaces, punctuation,
        Traditional->Simplified, legal suffixes), or None."""
        found = self.candidates(name)
        return found[0] if found else None

    # -- search ------------------------------------------------------------------------
    def find(self, text: str, offset: int = 0) -> list[Match]:
        """Entities named in ``text``: leftmost-longest, non-overlapping, in text order.

        Offsets are ``offset`` plus positions in ``text``.
        """
        cands: list[tuple[int, int, Entity]] = []
        if _HAN.search(text):
            cands.extend(self._find_han(text))
        if _LATIN_TOKEN.search(text):
            cands.extend(self._find_latin(text))
        if not cands:
            return []
        cands.sort(key=lambda c: (c[0], -c[1]))
        out: list[Match] = []
        pos = 0
        for start, end, ent in cands:
            if start < pos or _in_url(text, start, end):
                continue
            out.append(Match(start + offset, end + offset, ent, text[start:end]))
            pos = end
        return out

    def _find_han(self, text: str) -> list[tuple[int, int, Entity]]:
        root = self._han_index()
        simp = to_simplified(text)
        low = simp.lower()
        if len(low) != len(simp):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in simp)
        n = len(low)
        out = []
        for i in range(n):
            ch = low[i]
            node = root.get(ch)
            if node is None:
                continue
            if ch.isascii() and ch.isalnum() and i and low[i - 1].isascii() and low[i - 1].isalnum():
                continue
            best = None
            j = i + 1
            while True:
                ents = node.get(_END)
                if ents and not (
                    low[j - 1].isascii() and low[j - 1].isalnum() and j < n and low[j].isascii() and low[j].isalnum()
                ):
                    best = (j, ents[0])
                if j >= n:
                    break
                c = low[j]
                nxt = node.get(c)
                if nxt is None and c in " \t\u3000":
                    k = j
                    while k < n and low[k] in " \t\u3000":
                        k += 1
                    if k < n:
                        nxt = node.get(low[k])
                        if nxt is not None:
                            j = k
                if nxt is None:
                    break
                node = nxt
                j += 1
            if best is not None:
                end, ent = best
                m = _ZH_LEGAL_EXT.match(simp, end)
                if m and m.end() > end:
                    end = m.end()
                out.append((i, end, ent))
        return out

    def _find_latin(self, text: str) -> list[tuple[int, int, Entity]]:
        root, exact = self._latin_index()
        toks = [(m.start(), m.end(), m.group()) for m in _LATIN_TOKEN.finditer(text)]
        folded = ["and" if t == "&" else _fold(t) for _, _, t in toks]
        out = []
        n = len(toks)
        for i in range(n):
            s, e, word = toks[i]
            best = None
            ents = exact.get(word)
            if ents:
                best = (e, ents[0])
            node = root.get(folded[i])
            j = i
            while node is not None:
                ents = node.get(_END)
                if ents:
                    best = (toks[j][1], ents[0])
                j += 1
                if j >= n or not _GAP.fullmatch(text, toks[j - 1][1], toks[j][0]):
                    break
                node = node.get(folded[j])
            if best is None:
                continue
            end, ent = best
            # A hyphenated compound (``Meta-learning``) is not a name.
            if (end < len(text) - 1 and text[end] == "-" and text[end + 1].isalnum()) or (
                s >= 2 and text[s - 1] == "-" and text[s - 2].isalnum()
            ):
                continue
            m = _EN_LEGAL_EXT.match(text, end)
            if m and m.end() > end:
                end = m.end()
            out.append((s, end, ent))
        return out


def _in_url(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside an e-mail address, URL or host name."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    run = text[a:b]
    if "@" in run or "://" in run or run[:4].lower() == "www.":
        return True
    # "google.com", "cs.binghamton.edu": a dot glued to the name on either side.
    before = text[start - 1] if start else ""
    after = text[end : end + 2]
    return (before == "." and start >= 2 and text[start - 2].isalnum()) or (
        len(after) == 2 and after[0] == "." and after[1].isalnum() and bool(_URLISH.search(run))
    )


# --------------------------------------------------------------------------- loading

def _split(cell: str) -> tuple[list[str], list[str]]:
    """Aliases cell -> (searchable aliases, lookup-only aliases written ``=alias``)."""
    find, only = [], []
    for a in cell.split("|") if cell else ():
        a = a.strip()
        if not a:
            continue
        (only if a.startswith("=") else find).append(a.lstrip("="))
    return find, only


def _cell(row: Sequence[str], i: int) -> str:
    return row[i] if i < len(row) else ""


_SOURCES = {"cn": "cn_universities", "w": "hipo"}


@lru_cache(maxsize=None)
def _institution_entries() -> tuple[_Entry, ...]:
    from .resources import read_text

    out = []
    pad = ("",) * 8
    # 13k rows: split the generated file directly (no per-cell strip) to keep the build fast.
    for line in read_text("gazetteers/institutions.tsv").splitlines():
        if not line or line[0] == "#" or line.startswith("id\t"):
            continue
        row = tuple(line.split("\t"))
        id_, en, zh, aliases, country, city, official, domains = (row + pad)[:8]
        find, only = _split(aliases) if aliases else ((), ())
        ok = official == "yes"
        source = _SOURCES.get(id_[: id_.find("-")], "curated")
        if domains:
            extra: tuple[tuple[str, str], ...] = (("source", source), ("domains", domains))
        else:
            extra = (("source", source),)
        if en and not ok:
            extra += (("en_hint", en),)
        ent = Entity(id_, "institution", en if ok and en else None, zh or None, (*find, *only), ok,
                     country or None, city or None, extra)
        if ok and en:
            names = (en, zh, *find) if zh else (en, *find)
        else:
            names = (zh, *find) if zh else tuple(find)
        out.append(_Entry(ent, names, tuple(only), source == "hipo"))
    return tuple(out)


@lru_cache(maxsize=None)
def _company_entries() -> tuple[_Entry, ...]:
    from .resources import table

    out = []
    for row in table("gazetteers/companies.tsv"):
        if row[0] == "id":
            continue
        id_, en, zh, aliases, kind, country = (_cell(row, i) for i in range(6))
        find, only = _split(aliases)
        ent = Entity(id=id_, kind=kind or "company", en=en or None, zh=zh or None,
                     aliases=tuple(find + only), official=True, country=country or None)
        out.append(_Entry(ent, tuple(n for n in (en, zh, *find) if n), tuple(only)))
    return tuple(out)


@lru_cache(maxsize=None)
def _location_entries() -> tuple[_Entry, ...]:
    from .resources import table

    out = []
    for row in table("gazetteers/locations.tsv"):
        if row[0] == "id":
            continue
        id_, en, zh, region, country, aliases = (_cell(row, i) for i in range(6))
        find, only = _split(aliases)
        kind = id_.split("-", 1)[0]
        extra = (("region", region),) if region else ()
        ent = Entity(id=id_, kind=kind, en=en or None, zh=zh or None, aliases=tuple(find + only),
                     official=True, country=country or None,
                     city=(en or zh) if kind == "city" else None, extra=extra)
        out.append(_Entry(ent, tuple(n for n in (en, zh, *find) if n), tuple(only)))
    return tuple(out)


@lru_cache(maxsize=None)
def institutions() -> Gazetteer:
    """Universities and research institutes: curated rows, Chinese universities (MoE list),
    world universities (Hipo)."""
    return Gazetteer(_institution_entries(), "institutions")


@lru_cache(maxsize=None)
def companies() -> Gazetteer:
    """Companies, industrial labs and research institutes that resumes name in both languages."""
    return Gazetteer(_company_entries(), "companies")


@lru_cache(maxsize=None)
def locations() -> Gazetteer:
    """Countries, regions (provinces, states) and cities; kind is ``country|region|city``."""
    return Gazetteer(_location_entries(), "locations")


@lru_cache(maxsize=None)
def organizations() -> Gazetteer:
    """Institutions and companies together; institutions win a tie on the same name."""
    return Gazetteer(_institution_entries() + _company_entries(), "organizations")


# --------------------------------------------------------------------------- e-mail domains

@lru_cache(maxsize=None)
def _domains() -> dict[str, Entity]:
    table: dict[str, Entity] = {}
    for entry in _institution_entries():
        for d in (entry.entity.get("domains") or "").split("|"):
            d = d.strip().lower()
            if d:
                table.setdefault(d, entry.entity)
    return table


def institution_by_email(address: str) -> Entity | None:
    """The institution an e-mail address (or bare domain) belongs to.

    Sub-domains fall back to their parent (``cs.binghamton.edu`` -> ``binghamton.edu``), but
    never to a public suffix of two labels or fewer such as ``edu.cn``.

    >>> institution_by_email("someone@pku.edu.cn").en
    'Peking University'
    """
    domain = address.rsplit("@", 1)[-1].strip().strip(".>").lower()
    if not domain or "." not in domain:
        return None
    table = _domains()
    labels = domain.split(".")
    while len(labels) >= 2:
        hit = table.get(".".join(labels))
        if hit is not None:
            return hit
        labels = labels[1:]
        if len(labels) == 2 and labels[0] in ("edu", "ac", "com", "org", "gov", "net", "co"):
            break
    return None


# --------------------------------------------------------------------------- locations

_LOC_SEP = regex.compile(r"\s*[,，、;；/|]\s*|\s+[-–—·]\s+")
_ZH_ADMIN = regex.compile(r"(?:特别行政区|自治区|自治州|省|市)$")


def _loc_candidates(part: str) -> list[tuple[Entity, str]]:
    """Location entities a whole ``part`` names, each with the part's surface."""
    g = locations()
    part = part.strip().strip(".").strip()
    if not part:
        return []
    if len(part) <= 3 and part.isascii() and part.isalpha() and not part.isupper():
        return []  # "in", "or", "Me", "de" are words; state and country codes are written in capitals
    found = g.candidates(part)
    if not found and _HAN.search(part):
        bare = _ZH_ADMIN.sub("", to_simplified(part))
        if bare != to_simplified(part) and bare:
            found = g.candidates(bare)
            part = part[: len(bare)]
    return [(e, part) for e in found]


def _split_location(text: str) -> list[str] | None:
    parts = [p for p in _LOC_SEP.split(text.strip()) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        if _loc_candidates(part):
            out.append(part)
            continue
        # "Beijing China", "浙江杭州": the part must be covered by gazetteer matches.
        matches = locations().find(part)
        covered = sum(m.end - m.start for m in matches)
        rest = regex.sub(r"[\s市省]", "", "".join(
            part[a:b] for a, b in zip([0] + [m.end for m in matches], [m.start for m in matches] + [len(part)])
        ))
        if not matches or rest or not covered:
            return None
        out.extend(m.surface for m in matches)
    return out


def _surface_form(ent: Entity, surface: str, keep_abbrev: bool) -> str:
    if _HAN.search(surface):
        return _ZH_ADMIN.sub("", surface) or surface
    if keep_abbrev and surface.isupper() and len(surface) <= 3:
        return surface
    if ent.en and normalize_name(surface) == normalize_name(ent.en):
        return ent.en
    # An alias ("HangZhou", "St Louis"): the canonical English name.
    return ent.en or surface


def _combo_score(combo: Sequence[tuple[Entity, str]]) -> int | None:
    """Consistency of one reading of the parts, or None when it is impossible."""
    kinds = [e.kind for e, _ in combo]
    if len(set(kinds)) != len(kinds):
        return None
    # An English address runs from small to large: "Australia, Sydney, NSW" is the end of an
    # organization's name ("Commonwealth Bank of Australia") before its place, not one location.
    # (Chinese runs the other way: 中国北京.)
    if "country" in kinds[:-1] and not any(_HAN.search(s) for _, s in combo):
        return None
    by = {e.kind: e for e, _ in combo}
    city, region, country = by.get("city"), by.get("region"), by.get("country")
    score = 0
    if city and region:
        if city.get("region") == region.id:
            score += 3
        elif city.country != region.country:
            return None
    place = city or region
    if place and country:
        if place.country == country.country:
            score += 2
        elif not (place.country in ("HK", "MO", "TW") and country.country == "CN"):
            return None
    # Prefer the reading that names a city; among equals, the table's order decides.
    return score + (1 if city else 0)


def parse_location(text: str) -> dict | None:
    """``{"city", "region", "country"}`` of a location phrase, or None if it is not one.

    Each comma-separated part must be a known country, region (province, state) or city,
    as a whole; parts without separators (``Beijing China``, ``浙江杭州``) must be covered by
    gazetteer matches. City and region are kept in the language of the text, with canonical
    casing for English (``HangZhou`` -> ``Hangzhou``); a region abbreviation is kept as
    written (``MI``); the country is an ISO 3166 alpha-2 code, inferred from the city or
    region when the text does not name it.

    >>> parse_location("HangZhou, Zhejiang")
    {'city': 'Hangzhou', 'region': 'Zhejiang', 'country': 'CN'}
    >>> parse_location("St. Louis, MO, USA")
    {'city': 'St. Louis', 'region': 'MO', 'country': 'US'}
    """
    import itertools

    if not text or not text.strip() or len(text) > 80:
        return None
    parts = _split_location(text)
    if not parts or len(parts) > 4:
        return None
    options = [_loc_candidates(p) for p in parts]
    if not all(options):
        return None
    best: tuple[int, int, Sequence[tuple[Entity, str]]] | None = None
    for n, combo in enumerate(itertools.product(*options)):
        score = _combo_score(combo)
        if score is not None and (best is None or score > best[0]):
            best = (score, -n, combo)
    if best is None:
        return None
    by = {e.kind: (e, s) for e, s in best[2]}
    out: dict = {}
    if "city" in by:
        out["city"] = _surface_form(*by["city"], keep_abbrev=False)
    if "region" in by:
        out["region"] = _surface_form(*by["region"], keep_abbrev=True)
    place = (by.get("city") or by.get("region") or (None, ""))[0]
    code = None
    if "country" in by:
        code = by["country"][0].country
        if place is not None and place.country in ("HK", "MO", "TW") and code == "CN":
            code = place.country
    elif place is not None:
        code = place.country
    if code:
        out["country"] = code
    return out or None
