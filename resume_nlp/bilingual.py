"""The bilingual merger: one profile from the English and Chinese versions of a resume.

It sees only drafts and their mentions (never the text). Per family, English and Chinese
drafts are aligned by an optimal one-to-one assignment (Hungarian algorithm) over signals
that need no machine translation:

* dates (start/end, award dates, publication years): equal months, overlapping intervals;
* numbers (GPA, ranks, counts, percentages) shared by the two entries;
* Latin tokens the Chinese version keeps as they are (TensorFlow, MobileNetV1, emails, URLs);
* gazetteer identities (Peking University == 北京大学, Tencent == 腾讯);
* person names across scripts (Qiong Cao == 曹琼);
* order: the two versions list their entries in the same order.

An aligned pair becomes one draft: BiText fields keep both language variants; where plain
fields disagree (a start month, a GPA), the preferred language's value is kept
(``Settings.prefer_lang``, English by default) and both are recorded in ``meta.conflicts``.
Bullets pair the same way, by shared anchors and order. Skills, interests and job-intention
items are unions without duplicates across languages and spellings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from .assemble import bitext_fields
from .document import Document
from .extract.skills import lookup_skill
from .gazetteer import locations, organizations
from .merge import text_key
from .names import same_person
from .settings import Settings
from .spans import Draft, Mention

__all__ = ["merge_bilingual", "assign", "skill_key", "entry_lang"]

# Families whose entries are aligned one-to-one; work and projects are aligned as one pool
# because the two versions may file the same item differently.
_POOLS: tuple[tuple[str, ...], ...] = (
    ("education",), ("work", "projects"), ("publications",), ("awards",), ("certificates",),
    ("references",), ("languages",),
)
_UNION_KINDS = ("skills", "interests", "job_intention")
_TEXT_KINDS = ("summary", "headline")
_DATE_FIELDS = ("start", "end", "date")
# Plain (non-BiText) fields whose disagreement is a conflict worth recording.
_CONFLICT_FIELDS = ("start", "end", "date", "degree", "gpa", "rank", "year", "venue", "status", "expected", "type")
_PAIR_THRESHOLD = 0.45
_BULLET_THRESHOLD = 0.5

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:[.\-_/][A-Za-z0-9+#]+)*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%?")
_EMAIL_URL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")
_STOP = frozenset("""a an the of and or in on at for to with by from as is are was were be been this that
these those it its we our i my me via using use used based new etc vs into over under than then""".split())


# --- optimal assignment -------------------------------------------------------------------
def assign(scores: list[list[float]], threshold: float) -> list[tuple[int, int]]:
    """Maximum-total-score one-to-one pairs (rows x columns) with score >= threshold.

    Hungarian algorithm (Kuhn-Munkres with potentials) on a square cost matrix padded with
    "unpaired" cells worth ``threshold``, so a pair below the threshold is never forced.

    >>> assign([[0.9, 0.1], [0.8, 0.7]], 0.5)
    [(0, 0), (1, 1)]
    """
    n_rows = len(scores)
    n_cols = len(scores[0]) if scores else 0
    if not n_rows or not n_cols:
        return []
    size = n_rows + n_cols
    big = 1e9
    # cost[i][j]: real pairs for i<n_rows, j<n_cols. Row i may instead take its own dummy
    # column n_cols+i and column j its own dummy row n_rows+j, each worth threshold/2, so
    # leaving a row and a column unpaired beats pairing them exactly when the pair scores
    # below the threshold. Dummy rows and dummy columns pair with each other at 0.
    cost = [[0.0] * size for _ in range(size)]
    for i in range(size):
        for j in range(size):
            if i < n_rows and j < n_cols:
                cost[i][j] = -scores[i][j]
            elif i < n_rows:
                cost[i][j] = -threshold / 2 if j - n_cols == i else big
            elif j < n_cols:
                cost[i][j] = -threshold / 2 if i - n_rows == j else big
            else:
                cost[i][j] = 0.0
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    p = [0] * (size + 1)
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        p[0] = i
        j0 = 0
        minv = [float("inf")] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, size + 1):
        i = p[j] - 1
        if i < n_rows and j - 1 < n_cols and scores[i][j - 1] >= threshold:
            pairs.append((i, j - 1))
    return sorted(pairs)


# --- signals ------------------------------------------------------------------------------
@dataclass
class _Signals:
    """What an entry offers for alignment, computed once per draft."""

    dates: dict[str, str]
    numbers: set[str]
    latin: set[str]
    entities: set[str]
    people: list[str]
    titles: list[str]


def _texts(draft: Draft) -> list[str]:
    return [str(m.value) for m in draft.mentions() if isinstance(m.value, (str, int, float)) and not m.field.startswith("_")]


def _dict_numbers(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {_num(v) for v in value.values() if isinstance(v, (int, float))}
    return set()


def _num(value: float | int | str) -> str:
    try:
        f = float(str(value).rstrip("%"))
    except ValueError:
        return str(value)
    return f"{f:g}"


def entity_ids(text: str) -> set[str]:
    """Gazetteer identities named in ``text`` (institutions, companies, labs, cities)."""
    found = {m.entity.id for m in organizations().find(text)}
    entity = organizations().lookup(text)
    if entity is not None:
        found.add(entity.id)
    found |= {m.entity.id for m in locations().find(text)}
    return found


def _signals(draft: Draft) -> _Signals:
    texts = _texts(draft)
    joined = " \n ".join(texts)
    dates = {}
    for name in _DATE_FIELDS:
        value = draft.get(name)
        if isinstance(value, str):
            dates[name] = value
    year = draft.get("year")
    if year:
        dates["year"] = str(year)
    numbers = {_num(n) for n in _NUMBER.findall(joined)}
    for m in draft.mentions():
        numbers |= _dict_numbers(m.value)
    # years are dates, not anchors: they repeat across unrelated entries
    numbers = {n for n in numbers if not re.fullmatch(r"(19|20)\d\d", n)}
    latin = {w.casefold() for w in _LATIN.findall(joined) if len(w) > 1 and w.casefold() not in _STOP}
    latin |= {e.casefold() for e in _EMAIL_URL.findall(joined)}
    entities: set[str] = set()
    for name in ("institution", "organization", "title", "name", "issuer", "venue"):
        for m in draft.fields.get(name, []):
            entities |= entity_ids(str(m.value))
    people = [str(m.value) for name in ("supervisor",) for m in draft.fields.get(name, [])]
    people += [str(item[0].value) for item in draft.lists.get("authors", []) if item]
    titles = [str(m.value) for name in ("title", "name", "institution", "organization", "position", "role")
              for m in draft.fields.get(name, [])]
    return _Signals(dates, numbers, latin, entities, people, titles)


def _month(value: str | None) -> int | None:
    if not value:
        return None
    if value == "present":
        return 10**6
    m = re.match(r"^(\d{4})(?:-(\d{2}))?", value)
    if not m:
        return None
    return int(m[1]) * 12 + (int(m[2]) - 1 if m[2] else 0)


def _date_score(a: dict[str, str], b: dict[str, str]) -> float:
    shared = [k for k in a if k in b]
    if not shared:
        return 0.0
    exact = sum(a[k] == b[k] for k in shared)
    if exact == len(shared):
        return 0.6 if len(shared) >= 2 else 0.4
    # same years, different months (a version that disagrees on a month is still the same entry)
    close = 0
    for k in shared:
        ma, mb = _month(a[k]), _month(b[k])
        if ma is not None and mb is not None and abs(ma - mb) <= 3:
            close += 1
    if close == len(shared):
        return 0.35
    if exact or close:
        return 0.15
    return -0.4


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _people_match(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    for x in a:
        for y in b:
            en, zh = (x, y) if not _has_han(x) else (y, x)
            if _has_han(zh) and not _has_han(en) and same_person(en, zh):
                return True
            if text_key(x) == text_key(y):
                return True
    return False


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _title_similarity(a: list[str], b: list[str]) -> float:
    from rapidfuzz.fuzz import ratio

    best = 0.0
    for x in a:
        for y in b:
            if _has_han(x) == _has_han(y):
                best = max(best, ratio(text_key(x), text_key(y)) / 100.0)
    return best


def pair_score(e: _Signals, z: _Signals, order_e: float, order_z: float, same_count: bool) -> float:
    """How likely an English and a Chinese entry state the same fact (higher = likelier)."""
    score = _date_score(e.dates, z.dates)
    if e.entities & z.entities:
        score += 0.5
    score += 0.35 * _overlap(e.latin, z.latin)
    score += 0.3 * _overlap(e.numbers, z.numbers)
    if _people_match(e.people, z.people):
        score += 0.3
    title = _title_similarity(e.titles, z.titles)
    if title >= 0.9:
        score += 0.6
    elif title >= 0.7:
        score += 0.2
    # Two versions of one resume list their entries in the same order; when both list the same
    # number, order alone is strong evidence (dates, when present, still veto a wrong pair).
    closeness = 1.0 - abs(order_e - order_z)
    score += (0.5 if same_count else 0.15) * closeness
    return score


# --- merging ------------------------------------------------------------------------------
def _order(i: int, n: int) -> float:
    return i / (n - 1) if n > 1 else 0.0


# Entries of one kind per language up to which every pair is scored and the assignment is
# exact. A resume has a few dozen at most; past this (generated or concatenated documents) the
# lists are cut into aligned blocks of this many, in document order, so the cost grows
# linearly with their length instead of with its cube.
_EXACT_PAIRING = 32


def _pair_drafts(first: list[Draft], second: list[Draft]) -> list[tuple[int, int]]:
    if not first or not second:
        return []
    sig_a = [_signals(d) for d in first]
    sig_b = [_signals(d) for d in second]
    n, m = len(first), len(second)
    same = n == m
    counts: dict[tuple, int] = {}

    def pairs(rows: range, cols: range) -> list[tuple[int, int]]:
        scores = [[pair_score(sig_a[i], sig_b[j], _order(i, n), _order(j, m), same)
                   + _distinctive_dates(sig_a[i], sig_b[j], sig_a, sig_b, counts)
                   for j in cols] for i in rows]
        return [(rows[r], cols[c]) for r, c in assign(scores, _PAIR_THRESHOLD)]

    if max(n, m) <= _EXACT_PAIRING:
        return pairs(range(n), range(m))
    blocks = -(-max(n, m) // _EXACT_PAIRING)
    out: list[tuple[int, int]] = []
    for k in range(blocks):
        rows = range(k * n // blocks, (k + 1) * n // blocks)
        cols = range(k * m // blocks, (k + 1) * m // blocks)
        if rows and cols:
            out += pairs(rows, cols)
    return out


def _distinctive_dates(a: _Signals, b: _Signals, all_a: list[_Signals], all_b: list[_Signals],
                       counts: dict[tuple, int]) -> float:
    """Dates that agree exactly and belong to no other entry of either version are evidence on
    their own, whatever the order (an awards list given newest first in one version).
    ``counts`` memoizes how many entries of a side carry a given set of dates."""
    shared = [k for k in a.dates if k in b.dates]
    if not shared or any(a.dates[k] != b.dates[k] for k in shared):
        return 0.0
    key = tuple((k, a.dates[k]) for k in shared)
    for side, entries in (("a", all_a), ("b", all_b)):
        if (side, key) not in counts:
            counts[(side, key)] = sum(all(s.dates.get(k) == v for k, v in key) for s in entries)
    return 0.15 if counts[("a", key)] == 1 and counts[("b", key)] == 1 else 0.0


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return text_key(a) == text_key(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return {k: v for k, v in a.items() if v is not None} == {k: v for k, v in b.items() if v is not None}
    return a == b


def _merge_pair(pref: Draft, other: Draft, conflicts: list[tuple[Draft, str, Any, Any]]) -> Draft:
    """One draft from an aligned pair; ``pref`` is the preferred language's draft."""
    bitext = bitext_fields(pref.kind)
    merged = Draft(pref.kind, pref.lang, min(pref.start, other.start), max(pref.end, other.end))
    merged.langs = set(pref.langs) | set(other.langs)
    merged.consumed = list(pref.consumed) + list(other.consumed)
    for name in list(dict.fromkeys([*pref.fields, *other.fields])):
        a, b = pref.fields.get(name, []), other.fields.get(name, [])
        if name in bitext:
            variants = list(a)
            langs = {m.lang for m in a}
            for m in b:
                if m.lang not in langs:
                    variants.append(m)
                    langs.add(m.lang)
                else:
                    merged.consumed.append(m)  # same language, same fact: covered, not repeated
            merged.fields[name] = variants
            continue
        if a and b and not _same_value(a[0].value, b[0].value) and name in _CONFLICT_FIELDS:
            conflicts.append((merged, name, a[0], b[0]))
        merged.fields[name] = list(a or b)
        if a and b:
            merged.consumed.append(b[0])
    for name in list(dict.fromkeys([*pref.lists, *other.lists])):
        a_items, b_items = pref.lists.get(name, []), other.lists.get(name, [])
        if name in bitext:
            merged.lists[name] = _merge_bullets(a_items, b_items)
        elif name == "gpa":
            if a_items and b_items and not {_num(i[0].value.get("value")) for i in a_items} & \
                    {_num(i[0].value.get("value")) for i in b_items}:
                conflicts.append((merged, "gpa", a_items[0][0], b_items[0][0]))
            merged.lists[name] = list(a_items or b_items)
            if a_items and b_items:
                merged.consumed.extend(m for item in b_items for m in item)
        else:
            merged.lists[name] = list(a_items or b_items)
            if a_items and b_items:
                merged.consumed.extend(m for item in b_items for m in item)
    return merged


def _bullet_signals(item: list[Mention]) -> tuple[set[str], set[str]]:
    text = " ".join(str(m.value) for m in item)
    latin = {w.casefold() for w in _LATIN.findall(text) if len(w) > 1 and w.casefold() not in _STOP}
    numbers = {_num(n) for n in _NUMBER.findall(text)}
    return latin, numbers


def _merge_bullets(a_items: list[list[Mention]], b_items: list[list[Mention]]) -> list[list[Mention]]:
    """Pair bullets and their translations into single items; unpaired ones keep their place."""
    if not a_items or not b_items:
        return list(a_items or b_items)
    sig_a = [_bullet_signals(i) for i in a_items]
    sig_b = [_bullet_signals(i) for i in b_items]
    same = len(a_items) == len(b_items)
    scores = []
    for i, (la, na) in enumerate(sig_a):
        row = []
        for j, (lb, nb) in enumerate(sig_b):
            shared = len(la & lb) + len(na & nb)
            s = 0.5 * _overlap(la, lb) + 0.4 * _overlap(na, nb) + (0.1 if shared >= 2 else 0.0)
            s += (0.45 if same else 0.2) * (1.0 - abs(_order(i, len(a_items)) - _order(j, len(b_items))))
            row.append(s)
        scores.append(row)
    pairs = dict(assign(scores, _BULLET_THRESHOLD))
    return _interleave(a_items, b_items, pairs,
                       lambda a, b: list(a) + [m for m in b if m.lang not in {x.lang for x in a}])


def skill_key(name: str) -> str:
    """Identity of a skill across spellings: 'PyTorch' == 'Pytorch', 'C + +' == 'c++', 'Tensorflow 2' == 'tensorflow',
    and across the aliases of the skills table ('Golang' == 'Go', 'JS' == 'JavaScript')."""
    hit = lookup_skill(name)
    if hit is not None:
        name = hit[0]
    s = unicodedata.normalize("NFKC", name).casefold().strip()
    s = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", s)
    s = re.sub(r"\s+v?\d+(?:\.\d+)*$", "", s)
    return re.sub(r"\s+", "", s)


def _union(drafts: list[Draft], key: Callable[[Draft], str | None]) -> list[Draft]:
    out: list[Draft] = []
    seen: dict[str, Draft] = {}
    for d in drafts:
        k = key(d)
        if not k:
            out.append(d)
            continue
        if k in seen:
            keep = seen[k]
            for name, variants in d.fields.items():
                if not keep.fields.get(name):
                    keep.fields[name] = variants
                else:
                    keep.consumed.extend(variants)
            keep.langs |= d.langs
            continue
        seen[k] = d
        out.append(d)
    return out


def _text_key(d: Draft) -> str | None:
    value = d.get("text")
    return text_key(str(value)) if value else None


def _merge_job_intentions(drafts: list[Draft]) -> list[Draft]:
    if len(drafts) <= 1:
        return drafts
    first = drafts[0]
    for d in drafts[1:]:
        for name, items in d.lists.items():
            have = {text_key(str(i[0].value)) for i in first.lists.get(name, []) if i}
            for item in items:
                if item and text_key(str(item[0].value)) not in have:
                    first.lists.setdefault(name, []).append(item)
                else:
                    first.consumed.extend(item)
        for name, variants in d.fields.items():
            if not first.fields.get(name):
                first.fields[name] = variants
            else:
                first.consumed.extend(variants)
    return [first]


def _merge_texts(drafts: list[Draft]) -> list[Draft]:
    """summary / headline: one draft, one variant per language (the first of each)."""
    if len(drafts) <= 1:
        return drafts
    first = drafts[0]
    variants = list(first.fields.get("text", []))
    langs = {m.lang for m in variants}
    for d in drafts[1:]:
        for m in d.fields.get("text", []):
            if m.lang not in langs:
                variants.append(m)
                langs.add(m.lang)
            else:
                first.consumed.append(m)
    first.fields["text"] = variants
    return [first]


def entry_lang(d: Draft, doc: Document | None = None) -> str:
    """Which language version an entry belongs to.

    A section parser gives its drafts the section's language; under a bilingual heading
    ("教育背景 Education") whose body pairs each Chinese line with its English translation,
    that says nothing about the entry. The entry's own language-bearing values (its BiText
    fields and items) decide when they all agree; otherwise (a Chinese entry naming
    "Google Brain"), the draft's language stands. Plain fields (dates, enums, publication
    titles kept as written) carry no version: an entry that has nothing else (a paper with an
    English title in the Chinese version) belongs to the version of the section it stands in:
    the language its heading is written in ("发表论文"), else the section's (``doc.sections``,
    the segmenter's metadata; the resume text is not read).
    """
    bitext = bitext_fields(d.kind)
    langs = {m.lang for name in bitext for m in d.fields.get(name, [])}
    langs |= {m.lang for name in bitext for item in d.lists.get(name, []) for m in item}
    if len(langs) == 1:
        (lang,) = langs
        if lang in ("en", "zh"):
            return lang
    if not langs and doc is not None:
        for section in getattr(doc, "sections", ()):
            if section.start <= d.start < section.end and section.kind != "header":
                return _heading_lang(section.heading) or section.lang
    return d.lang


def _heading_lang(heading: str | None) -> str | None:
    if not heading:
        return None
    han, latin = _has_han(heading), bool(re.search(r"[A-Za-z]", heading))
    if han != latin:
        return "zh" if han else "en"
    return None


def _split_by_lang(drafts: Iterable[Draft], doc: Document | None = None) -> tuple[list[Draft], list[Draft], list[Draft]]:
    en, zh, both = [], [], []
    for d in drafts:
        langs = {m.lang for m in d.mentions() if not m.field.startswith("_")}
        if {"en", "zh"} <= langs and _is_bilingual_entry(d):
            both.append(d)
        elif entry_lang(d, doc) == "zh":
            zh.append(d)
        else:
            en.append(d)
    return en, zh, both


def _is_bilingual_entry(d: Draft) -> bool:
    """An entry written in both languages on its own lines (mixed lines): nothing to align."""
    for name in ("institution", "organization", "title", "name", "position"):
        if {m.lang for m in d.fields.get(name, [])} >= {"en", "zh"}:
            return True
    return False


def merge_bilingual(doc: Document, drafts: list[Draft], settings: Settings) -> tuple[list[Draft], list[dict[str, Any]]]:
    """Align and merge the English and Chinese drafts; returns (drafts, meta.conflicts items)."""
    prefer = settings.prefer_lang
    raw_conflicts: list[tuple[Draft, str, Mention, Mention]] = []
    by_kind: dict[str, list[Draft]] = {}
    for d in drafts:
        by_kind.setdefault(d.kind, []).append(d)
    result: list[Draft] = []
    for pool in _POOLS:
        members = [d for k in pool for d in by_kind.get(k, [])]
        members.sort(key=lambda d: d.start)
        en, zh, both = _split_by_lang(members, doc)
        pref, other = (en, zh) if prefer == "en" else (zh, en)
        pairs = dict(_pair_drafts(pref, other))
        merged = _interleave(pref, other, pairs, lambda d, o: _merge_pair(d, o, raw_conflicts))
        result.extend(merged + both)
    result.extend(_union(by_kind.get("skills", []),
                         lambda d: skill_key(str(d.get("name"))) if d.get("name") else None))
    result.extend(_union(by_kind.get("interests", []), _text_key))
    result.extend(_merge_job_intentions(by_kind.get("job_intention", [])))
    for kind in _TEXT_KINDS:
        result.extend(_merge_texts(by_kind.get(kind, [])))
    known = {k for pool in _POOLS for k in pool} | set(_UNION_KINDS) | set(_TEXT_KINDS)
    result.extend(d for d in drafts if d.kind not in known)
    return result, _conflicts(result, raw_conflicts, prefer)


def _interleave(first: list, second: list, pairs: dict[int, int], join: Callable[[Any, Any], Any]) -> list:
    """``first`` in order with its partners joined in; unpaired items of ``second`` keep their
    place relative to the pairs (before the pair whose partner follows them)."""
    paired = set(pairs.values())
    out: list = []
    next_j = 0
    for i, item in enumerate(first):
        if i in pairs:
            j = pairs[i]
            out.extend(second[k] for k in range(next_j, j) if k not in paired)
            next_j = max(next_j, j + 1)
            out.append(join(item, second[j]))
        else:
            out.append(item)
    out.extend(second[k] for k in range(next_j, len(second)) if k not in paired)
    return out


def _conflicts(result: list[Draft], raw: list[tuple[Draft, str, Mention, Mention]], prefer: str) -> list[dict[str, Any]]:
    index: dict[int, str] = {}
    counters: dict[str, int] = {}
    for d in result:
        counters.setdefault(d.kind, 0)
        index[id(d)] = f"{d.kind}[{counters[d.kind]}]"
        counters[d.kind] += 1
    out = []
    for draft, name, a, b in raw:
        path = index.get(id(draft))
        if path is None:
            continue
        values = [{"value": a.value, "lang": a.lang if a.lang in ("en", "zh") else prefer},
                  {"value": b.value, "lang": "zh" if prefer == "en" else "en"}]
        values[0]["lang"] = prefer
        out.append({"path": f"{path}.{name}", "values": sorted(values, key=lambda v: v["lang"] != "en"),
                    "chosen": a.value})
    return out
