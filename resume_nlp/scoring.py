"""Field-level evaluation of Profile JSON v1 against hand-made gold profiles.

A profile is broken into *facts* (one email, one skill, the start date of one aligned job,
...). For every fact the gold states and the prediction gets right we count a true positive;
a gold fact the prediction lacks or gets wrong is a false negative; a predicted fact the gold
does not contain (or contradicts) is a false positive. Counts add up over documents (micro
average) and give precision, recall and F1 per field group, per document and per language
class (``en`` / ``zh`` / ``bilingual``, from the gold's ``meta.languages``).

The matching rules are those of the project's reference scorer; ``docs/evaluation.md``
explains them. Public API::

    evaluate(gold, pred) -> Report                     # one pair of dicts / Profiles
    evaluate_dirs(gold_dir, pred_dir) -> Report        # <stem>.json against <stem>.json
    evaluate_files(gold_dir, inputs, predicted=False)  # parse resumes, then score them
    format_report(report, per_doc=False, facts=False) -> str
    report.to_json(per_doc=False) -> dict
"""

from __future__ import annotations

import json
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence

from rapidfuzz.fuzz import ratio as _fuzz_ratio

__all__ = [
    "GROUPS", "FACTS", "Tally", "Scorecard", "DocScore", "Report",
    "evaluate", "evaluate_dirs", "evaluate_files", "score_profile", "format_report",
    "normalize", "ratio", "label_sim", "distinctive", "same_person_name",
    "same_reference_name", "venue_match", "norm_date", "skill_key", "date_overlap",
    "language_class",
]

# --------------------------------------------------------------------------------------
# What is counted
# --------------------------------------------------------------------------------------
#: field groups, in report order, with the facts each one is made of
FACTS: dict[str, tuple[str, ...]] = {
    "basics.name": ("variant",),
    "basics.emails": ("email",),
    "basics.phones": ("phone",),
    "basics.urls": ("link",),
    "basics.gender": ("gender",),
    "basics.birth_date": ("birth_date",),
    "education": ("entry", "degree", "start", "end", "field", "gpa"),
    "experience": ("entry", "start", "end", "organization", "position"),
    "publications": ("entry", "year", "venue"),
    "skills": ("skill",),
    "awards": ("award",),
    "certificates": ("certificate",),
    "references": ("reference",),
    "languages": ("test",),
}
GROUPS: tuple[str, ...] = tuple(FACTS)
ENTRY_GROUPS: tuple[str, ...] = ("education", "experience", "publications")
LANGUAGE_CLASSES: tuple[str, ...] = ("en", "zh", "bilingual")

# Similarity thresholds, 0..100.
GATE_INSTITUTION = 85
GATE_EXPERIENCE = 85
GATE_PUBLICATION = 90
MIN_FIELD = 85
MIN_ORGANIZATION = 85
MIN_POSITION = 85
MIN_VENUE = 90
MIN_TITLE = 80          # awards, certificates


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------
def normalize(text: Any) -> str:
    """Comparable form of a label: NFKC, case-folded, punctuation and symbols turned into
    spaces, runs of whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    spaced = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in folded)
    return " ".join(spaced.split())


def _squash(text: str) -> str:
    return text.replace(" ", "")


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def _has_han(text: str) -> bool:
    return any(map(_is_han, text))


def ratio(a: Any, b: Any) -> float:
    """rapidfuzz ``fuzz.ratio`` of the normalized strings (0 when either one is empty)."""
    a, b = normalize(a), normalize(b)
    return float(_fuzz_ratio(a, b)) if a and b else 0.0


def texts(value: Any) -> list[str]:
    """Every non-blank text variant in ``value``: a BiText dict (``en`` then ``zh`` then any
    other key), a plain string, a number, or a list of those. Predictions may hold a string
    where the contract has a BiText; it is taken as it is."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, (int, float)):
        return [str(value)]
    if isinstance(value, dict):
        order = ["en", "zh", *sorted(k for k in value if k not in ("en", "zh"))]
        return [value[k] for k in order if isinstance(value.get(k), str) and value[k].strip()]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in texts(item)]
    return []


def _first_by_key(items: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
    """Items with a distinct, non-empty key, first occurrence kept."""
    kept, seen = [], set()
    for item in items:
        k = key(item)
        if not k or k in seen:
            continue
        seen.add(k)
        kept.append(item)
    return kept


def _obj(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _seq(value: Any) -> list:
    return value if isinstance(value, list) else []


def _stated(value: Any) -> bool:
    """Whether a comparable value says anything (None and empty containers do not)."""
    if value is None:
        return False
    if isinstance(value, (str, list, tuple, set, dict)):
        return bool(value)
    return True


# --------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------
_ISO_DATE = re.compile(r"^(\d{4})(?:[-./](\d{1,2}))?(?:[-./](\d{1,2}))?$")
_ONGOING = frozenset({"present", "now", "current", "today", "ongoing", "至今", "今", "现在"})


def norm_date(value: Any) -> str | None:
    """Dates compare as zero-padded ``YYYY[-MM[-DD]]``; any word for 'still going' becomes
    ``present``; other text is only stripped and case-folded."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip().casefold()
    if not text:
        return None
    if text in _ONGOING:
        return "present"
    m = _ISO_DATE.match(text)
    if not m:
        return text
    year, *rest = m.groups()
    return "-".join([year, *(f"{int(part):02d}" for part in rest if part)])


def _enum(value: Any) -> str | None:
    return None if value is None else (str(value).strip().casefold() or None)


def _year(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    m = re.search(r"\d{4}|\d+", str(value))
    return int(m.group()) if m else None


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return round(float(value), 3)
    m = re.search(r"\d+(?:\.\d+)?", str(value))
    return round(float(m.group()), 3) if m else None


def _gpas(value: Any) -> set[float]:
    """The GPA numbers of an education entry (a ``{"value": ...}`` object, a list, numbers)."""
    found = set()
    for item in value if isinstance(value, list) else [value]:
        number = _number(item.get("value") if isinstance(item, dict) else item)
        if number is not None:
            found.add(number)
    return found


# --------------------------------------------------------------------------------------
# Similarity of names and titles
# --------------------------------------------------------------------------------------
_GENERIC_EN = frozenset({
    "university", "univ", "college", "school", "institute", "inst", "institution", "academy",
    "department", "dept", "faculty", "center", "centre", "lab", "labs", "laboratory", "group",
    "company", "co", "ltd", "limited", "inc", "corp", "corporation", "llc", "gmbh",
    "technologies", "technology", "of", "the", "and", "at", "in", "for",
})
# Checked in this order on every pass (the longer company suffix before its tail).
_GENERIC_ZH_ENDINGS = ("有限公司", "股份", "公司", "集团", "大学", "学院", "研究院", "研究所",
                       "实验室", "中心")


def _trim_generic_endings(token: str) -> str:
    while True:
        before = token
        for ending in _GENERIC_ZH_ENDINGS:
            if len(token) > len(ending) and token.endswith(ending):
                token = token[: -len(ending)]
        if token == before:
            return token


def distinctive(label: str) -> str:
    """What is left of a normalized organization name without its generic words:
    ``"peking university"`` -> ``"peking"``, ``"北京大学"`` -> ``"北京"``."""
    kept = [_trim_generic_endings(tok) for tok in label.split() if tok not in _GENERIC_EN]
    return " ".join(tok for tok in kept if tok)


def _shorter_first(a: Any, b: Any) -> tuple[Any, Any]:
    return (a, b) if len(a) <= len(b) else (b, a)


def label_sim(a: str, b: str) -> float:
    """0..100 similarity of two institution or organization names.

    Equal (ignoring spaces) -> 100. Otherwise the names are compared without their generic
    words, so two universities do not look alike just for both being universities; and a
    name found whole inside the other (every token, or as a substring for Chinese) counts
    100 as long as it has a distinctive part of its own."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return 0.0
    if _squash(na) == _squash(nb):
        return 100.0
    score = ratio(distinctive(na) or na, distinctive(nb) or nb)
    short, long_ = _shorter_first(na, nb)
    own = _squash(distinctive(short))
    if _has_han(short):
        inside = _squash(short) in _squash(long_) and len(own) >= 2
    else:
        inside = set(short.split()) <= set(long_.split()) and len(own) >= 3
    return 100.0 if inside else score


def _best(sim: Callable[[str, str], float], left: Sequence[str], right: Sequence[str]) -> float:
    return max((sim(x, y) for x in left for y in right), default=0.0)


def same_person_name(a: str, b: str) -> bool:
    """Names are the same when equal after normalization, ignoring spaces or token order."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    return _squash(na) == _squash(nb) or sorted(na.split()) == sorted(nb.split())


_TITLES = frozenset({"prof", "professor", "dr", "mr", "mrs", "ms", "miss", "phd",
                     "教授", "博士", "老师"})


def same_reference_name(a: str, b: str) -> bool:
    """A referee's name also matches when, titles left out, the shorter name (two tokens at
    least) is a subset of the longer: ``Prof. Zhongfei (Mark) Zhang`` ~ ``Zhongfei Zhang``."""
    if same_person_name(a, b):
        return True
    ta = {t for t in normalize(a).split() if t not in _TITLES}
    tb = {t for t in normalize(b).split() if t not in _TITLES}
    short, long_ = _shorter_first(ta, tb)
    return len(short) >= 2 and short <= long_


def venue_match(a: str, b: str) -> bool:
    """The shorter venue appears inside the longer one (whole tokens; substring for Chinese),
    or the two are at least 90 similar."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    short, long_ = _shorter_first(na, nb)
    if _has_han(short):
        if _squash(short) in _squash(long_):
            return True
    elif f" {short} " in f" {long_} ":
        return True
    return ratio(na, nb) >= MIN_VENUE


def _fuzzy(threshold: float) -> Callable[[list[str], list[str]], bool]:
    def agree(gold: list[str], pred: list[str]) -> bool:
        return _best(ratio, gold, pred) >= threshold
    return agree


# --------------------------------------------------------------------------------------
# Dates of an entry
# --------------------------------------------------------------------------------------
_ONGOING_INDEX = 10 ** 6


def _month_index(value: Any, closing: bool) -> int | None:
    date = norm_date(value)
    if date == "present":
        return _ONGOING_INDEX
    m = re.match(r"^(\d{4})(?:-(\d{2}))?", date or "")
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else (12 if closing else 1)
    return int(m.group(1)) * 12 + month - 1


def _months(entry: dict) -> tuple[int, int] | None:
    first, last = _month_index(entry.get("start"), False), _month_index(entry.get("end"), True)
    if first is None and last is None:
        return None
    first = last if first is None else first
    last = first if last is None else last
    return min(first, last), max(first, last)


def date_overlap(a: dict, b: dict) -> float:
    """Intersection over union (0..1) of two entries' month ranges; 0 without dates."""
    ra, rb = _months(a), _months(b)
    if ra is None or rb is None:
        return 0.0
    common = min(ra[1], rb[1]) - max(ra[0], rb[0]) + 1
    if common <= 0:
        return 0.0
    return common / (max(ra[1], rb[1]) - min(ra[0], rb[0]) + 1)


# --------------------------------------------------------------------------------------
# Tallies
# --------------------------------------------------------------------------------------
@dataclass
class Tally:
    """True positives, false positives, false negatives, and the ratios they give. An empty
    denominator gives 1.0 (nothing claimed: no false claim; nothing to find: nothing missed)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        claimed = self.tp + self.fp
        return self.tp / claimed if claimed else 1.0

    @property
    def recall(self) -> float:
        expected = self.tp + self.fn
        return self.tp / expected if expected else 1.0

    @property
    def f1(self) -> float:
        weight = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / weight if weight else 1.0

    def to_json(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for t in tallies:
        out = out + t
    return out


class Scorecard:
    """Tallies per (group, fact) and duplicate entries, for one document or a sum of them."""

    def __init__(self) -> None:
        self.tallies: dict[tuple[str, str], Tally] = {(g, f): Tally() for g in GROUPS for f in FACTS[g]}
        self.duplicates: dict[str, int] = dict.fromkeys(ENTRY_GROUPS, 0)
        self.duplicate_notes: list[str] = []

    def fact(self, group: str, fact: str) -> Tally:
        return self.tallies[group, fact]

    def group(self, group: str) -> Tally:
        return _total(self.tallies[group, f] for f in FACTS[group])

    def overall(self) -> Tally:
        return _total(self.tallies.values())

    def __iadd__(self, other: "Scorecard") -> "Scorecard":
        for key, tally in other.tallies.items():
            self.tallies[key] = self.tallies[key] + tally
        for g, n in other.duplicates.items():
            self.duplicates[g] += n
        self.duplicate_notes.extend(other.duplicate_notes)
        return self

    def to_json(self) -> dict:
        return {
            "overall": self.overall().to_json(),
            "groups": {g: self.group(g).to_json() for g in GROUPS},
            "facts": {f"{g}.{f}": self.fact(g, f).to_json() for g in GROUPS for f in FACTS[g]},
            "duplicates": {**self.duplicates, "total": sum(self.duplicates.values())},
        }

    def _compare(self, group: str, fact: str, gold: Any, pred: Any,
                 agree: Callable[[Any, Any], bool]) -> None:
        """One single-valued fact: agreement is a tp, otherwise whatever is stated counts
        against its side (gold -> fn, prediction -> fp)."""
        tally = self.tallies[group, fact]
        has_gold, has_pred = _stated(gold), _stated(pred)
        if has_gold and has_pred and agree(gold, pred):
            tally.tp += 1
            return
        tally.fn += has_gold
        tally.fp += has_pred


# --------------------------------------------------------------------------------------
# One-to-one alignment
# --------------------------------------------------------------------------------------
Ranker = Callable[[Any, Any], "tuple | None"]


@dataclass
class _Matching:
    pairs: list[tuple[int, int]]            # (predicted index, gold index)
    spare_pred: list[int]
    spare_gold: list[int]
    duplicates: dict[int, list[int]]        # spare predicted -> gold entries it passed for


def _match(preds: Sequence[Any], golds: Sequence[Any], rank: Ranker) -> _Matching:
    """Greedy one-to-one matching. ``rank(pred, gold)`` is None when the pair fails the gate,
    else a key where larger is better. Candidate pairs are taken in decreasing key order
    (equal keys: lower predicted index, then lower gold index) unless one side is taken."""
    candidates = [(key, i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                  if (key := rank(p, g)) is not None]
    candidates.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    taken_pred: set[int] = set()
    taken_gold: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in taken_pred and j not in taken_gold:
            taken_pred.add(i)
            taken_gold.add(j)
            pairs.append((i, j))
    spare_pred = [i for i in range(len(preds)) if i not in taken_pred]
    passed: dict[int, set[int]] = {}
    for _, i, j in candidates:
        passed.setdefault(i, set()).add(j)
    duplicates = {i: sorted(passed[i]) for i in spare_pred if i in passed}
    return _Matching(sorted(pairs), spare_pred,
                     [j for j in range(len(golds)) if j not in taken_gold], duplicates)


def _score_items(card: Scorecard, group: str, fact: str, preds: Sequence[Any],
                 golds: Sequence[Any], rank: Ranker) -> None:
    """A list-valued field: each matched item is a tp, each leftover an fp or fn."""
    m = _match(preds, golds, rank)
    tally = card.fact(group, fact)
    tally.tp += len(m.pairs)
    tally.fp += len(m.spare_pred)
    tally.fn += len(m.spare_gold)


class _Entry(NamedTuple):
    where: str      # "work[2]"
    data: dict


class _Fact(NamedTuple):
    name: str
    value: Callable[[dict], Any]
    agree: Callable[[Any, Any], bool]      # agree(gold value, predicted value)


def _entries(profile: dict, *sections: str) -> list[_Entry]:
    return [_Entry(f"{section}[{n}]", item) for section in sections
            for n, item in enumerate(_seq(profile.get(section))) if isinstance(item, dict)]


def _score_entries(card: Scorecard, group: str, golds: list[_Entry], preds: list[_Entry],
                   rank: Ranker, facts: Sequence[_Fact], describe: Callable[[dict], str]) -> None:
    """Entries: matched pairs score the entry fact and then each fact; an unmatched gold entry
    misses the entry and each fact it states; an unmatched predicted entry is one fp."""
    m = _match([e.data for e in preds], [e.data for e in golds], rank)
    entry = card.fact(group, "entry")
    entry.tp += len(m.pairs)
    entry.fn += len(m.spare_gold)
    entry.fp += len(m.spare_pred)
    for i, j in m.pairs:
        for f in facts:
            card._compare(group, f.name, f.value(golds[j].data), f.value(preds[i].data), f.agree)
    for j in m.spare_gold:
        for f in facts:
            card.fact(group, f.name).fn += _stated(f.value(golds[j].data))
    for i, could_be in m.duplicates.items():
        card.duplicates[group] += 1
        seen = "; ".join(f"{golds[j].where} ({describe(golds[j].data)})" for j in could_be)
        card.duplicate_notes.append(
            f"{group}: {preds[i].where} ({describe(preds[i].data)}) repeats gold {seen}")


def _always(_p: Any, _g: Any) -> tuple:
    return (1,)


def _when(test: Callable[[Any, Any], bool]) -> Ranker:
    return lambda p, g: (1,) if test(p, g) else None


# --------------------------------------------------------------------------------------
# basics
# --------------------------------------------------------------------------------------
_NETWORK_URLS = {"github": "github.com/{}", "linkedin": "linkedin.com/in/{}",
                 "twitter": "twitter.com/{}"}


def _url_key(url: Any) -> str:
    u = str(url).strip().casefold()
    u = re.sub(r"^[a-z][a-z0-9+.-]*://", "", u)
    u = re.sub(r"^www\.", "", u)
    return u.rstrip("/")


def _links(basics: dict) -> list[frozenset]:
    """Every link of ``urls`` and ``profiles`` as the set of keys it can be known by."""
    links = [frozenset({("url", _url_key(u))}) for u in texts(basics.get("urls"))]
    for profile in _seq(basics.get("profiles")):
        if isinstance(profile, str):
            profile = {"url": profile}
        if not isinstance(profile, dict):
            continue
        keys = set()
        network = normalize(profile.get("network") or "")
        user = str(profile.get("username") or "").strip().casefold().lstrip("@")
        if network and user:
            keys.add(("profile", network, user))
            if network in _NETWORK_URLS:
                keys.add(("url", _NETWORK_URLS[network].format(user)))
        if profile.get("url"):
            keys.add(("url", _url_key(profile["url"])))
        if keys:
            links.append(frozenset(keys))
    return _first_by_key(links, lambda k: k)


def _email(value: Any) -> str:
    return re.sub(r"^mailto:", "", str(value).strip().casefold())


def _digits(value: Any) -> str:
    return re.sub(r"\D", "", str(value))


def _score_basics(card: Scorecard, gold: dict, pred: dict) -> None:
    gb, pb = _obj(gold.get("basics")), _obj(pred.get("basics"))
    name_key = lambda s: _squash(normalize(s))  # noqa: E731
    _score_items(card, "basics.name", "variant",
                 _first_by_key(texts(pb.get("name")), name_key),
                 _first_by_key(texts(gb.get("name")), name_key), _when(same_person_name))
    for group, fact, key in (("basics.emails", "email", _email), ("basics.phones", "phone", _digits)):
        field_name = group.split(".")[1]
        _score_items(card, group, fact,
                     _first_by_key(texts(pb.get(field_name)), key),
                     _first_by_key(texts(gb.get(field_name)), key),
                     _when(lambda p, g, key=key: key(p) == key(g)))
    _score_items(card, "basics.urls", "link", _links(pb), _links(gb), _when(lambda p, g: bool(p & g)))
    card._compare("basics.gender", "gender", _enum(gb.get("gender")), _enum(pb.get("gender")),
                  operator.eq)
    card._compare("basics.birth_date", "birth_date", norm_date(gb.get("birth_date")),
                  norm_date(pb.get("birth_date")), operator.eq)


# --------------------------------------------------------------------------------------
# entry groups
# --------------------------------------------------------------------------------------
def _rank_education(p: dict, g: dict) -> tuple | None:
    sim = _best(label_sim, texts(p.get("institution")), texts(g.get("institution")))
    if sim < GATE_INSTITUTION:
        return None
    gold_degree = _enum(g.get("degree"))
    same_degree = _stated(gold_degree) and gold_degree == _enum(p.get("degree"))
    return (sim, int(same_degree), date_overlap(p, g))


_EDUCATION = (
    _Fact("degree", lambda e: _enum(e.get("degree")), operator.eq),
    _Fact("start", lambda e: norm_date(e.get("start")), operator.eq),
    _Fact("end", lambda e: norm_date(e.get("end")), operator.eq),
    _Fact("field", lambda e: texts(e.get("field")), _fuzzy(MIN_FIELD)),
    _Fact("gpa", lambda e: _gpas(e.get("gpa")), lambda g, p: bool(g & p)),
)


def _titles(e: dict) -> list[str]:
    return texts(e.get("name")) + texts(e.get("position")) + texts(e.get("role"))


def _rank_experience(p: dict, g: dict) -> tuple | None:
    p_titles, g_titles = _titles(p), _titles(g)
    p_orgs, g_orgs = texts(p.get("organization")), texts(g.get("organization"))
    by_title = _best(label_sim, p_titles, g_titles)
    by_org = _best(label_sim, p_orgs, g_orgs)
    crossed = max(_best(label_sim, p_titles, g_orgs), _best(label_sim, p_orgs, g_titles))
    top = max(by_title, by_org, crossed)
    if top < GATE_EXPERIENCE:
        return None
    return ((by_title >= GATE_EXPERIENCE) + (by_org >= GATE_EXPERIENCE), top, date_overlap(p, g))


_EXPERIENCE = (
    _Fact("start", lambda e: norm_date(e.get("start")), operator.eq),
    _Fact("end", lambda e: norm_date(e.get("end")), operator.eq),
    _Fact("organization", lambda e: texts(e.get("organization")),
          lambda g, p: _best(label_sim, g, p) >= MIN_ORGANIZATION),
    _Fact("position", lambda e: texts(e.get("position")) or texts(e.get("role")), _fuzzy(MIN_POSITION)),
)


def _rank_publication(p: dict, g: dict) -> tuple | None:
    sim = _best(ratio, texts(p.get("title")), texts(g.get("title")))
    return (sim,) if sim >= GATE_PUBLICATION else None


_PUBLICATIONS = (
    _Fact("year", lambda e: _year(e.get("year")), operator.eq),
    _Fact("venue", lambda e: texts(e.get("venue")),
          lambda g, p: any(venue_match(a, b) for a in g for b in p)),
)


# --------------------------------------------------------------------------------------
# list groups
# --------------------------------------------------------------------------------------
_SPOKEN = frozenset({
    "english", "chinese", "mandarin", "cantonese", "japanese", "korean", "french", "german",
    "spanish", "russian", "italian", "portuguese", "arabic", "英语", "英文", "中文", "汉语",
    "普通话", "粤语", "日语", "韩语", "法语", "德语",
})


def skill_key(item: Any) -> str | None:
    """A skill's identity: case-folded, spaces removed, without a trailing level in brackets
    or a trailing version number; spoken languages are not skills (None)."""
    name = item.get("name") if isinstance(item, dict) else item
    if not isinstance(name, str):
        found = texts(name)
        name = found[0] if found else None
    if not name:
        return None
    key = unicodedata.normalize("NFKC", name).casefold().strip()
    key = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", key)
    key = re.sub(r"\s+v?\d+(?:\.\d+)*$", "", key)
    key = re.sub(r"\s+", "", key)
    return key if key and key not in _SPOKEN else None


def _skill_set(profile: dict) -> set[str]:
    return {k for k in map(skill_key, _seq(profile.get("skills"))) if k}


def _named(profile: dict, section: str, *keys: str) -> list[list[str]]:
    """Text variants naming each item of a list (the first key that has any)."""
    named = []
    for item in _seq(profile.get(section)):
        if isinstance(item, dict):
            found = next((v for v in (texts(item.get(k)) for k in keys) if v), [])
        else:
            found = texts(item)
        if found:
            named.append(found)
    return named


def _rank_title(p: list[str], g: list[str]) -> tuple | None:
    sim = _best(ratio, p, g)
    return (sim,) if sim >= MIN_TITLE else None


def _tests(profile: dict) -> list[tuple]:
    found = []
    for spoken in _seq(profile.get("languages")):
        for test in _seq(_obj(spoken).get("tests")):
            test = _obj(test)
            name = _squash(normalize(test.get("name") or ""))
            if name:
                found.append((name, _number(test.get("score"))))
    return _first_by_key(found, lambda t: t)


# --------------------------------------------------------------------------------------
# One document
# --------------------------------------------------------------------------------------
def _describe_education(e: dict) -> str:
    return " / ".join(texts(e.get("institution")))


def _describe_experience(e: dict) -> str:
    return " / ".join(texts(e.get("organization")) + _titles(e))


def _describe_publication(e: dict) -> str:
    return " / ".join(texts(e.get("title")))


def _as_dict(profile: Any) -> dict:
    if hasattr(profile, "model_dump"):
        return profile.model_dump(mode="json", exclude_none=True)
    return _obj(profile)


def score_profile(gold: Any, pred: Any) -> Scorecard:
    """The scorecard of one prediction (dict or Profile) against its gold."""
    gold, pred = _as_dict(gold), _as_dict(pred)
    card = Scorecard()
    _score_basics(card, gold, pred)
    _score_entries(card, "education", _entries(gold, "education"), _entries(pred, "education"),
                   _rank_education, _EDUCATION, _describe_education)
    _score_entries(card, "experience", _entries(gold, "work", "projects"),
                   _entries(pred, "work", "projects"), _rank_experience, _EXPERIENCE,
                   _describe_experience)
    _score_entries(card, "publications", _entries(gold, "publications"),
                   _entries(pred, "publications"), _rank_publication, _PUBLICATIONS,
                   _describe_publication)

    g_skills, p_skills = _skill_set(gold), _skill_set(pred)
    skills = card.fact("skills", "skill")
    skills.tp += len(g_skills & p_skills)
    skills.fp += len(p_skills - g_skills)
    skills.fn += len(g_skills - p_skills)

    _score_items(card, "awards", "award", _named(pred, "awards", "title", "name"),
                 _named(gold, "awards", "title", "name"), _rank_title)
    _score_items(card, "certificates", "certificate", _named(pred, "certificates", "name", "title"),
                 _named(gold, "certificates", "name", "title"), _rank_title)
    _score_items(card, "references", "reference", _named(pred, "references", "name"),
                 _named(gold, "references", "name"),
                 _when(lambda p, g: any(same_reference_name(a, b) for a in p for b in g)))
    _score_items(card, "languages", "test", _tests(pred), _tests(gold), _when(operator.eq))
    return card


def language_class(gold: Any) -> str:
    """``bilingual`` when the gold's meta.languages has both en and zh, else ``zh``, ``en``
    or ``unknown``."""
    langs = set(_seq(_obj(_as_dict(gold).get("meta")).get("languages")))
    if {"en", "zh"} <= langs:
        return "bilingual"
    return "zh" if "zh" in langs else "en" if "en" in langs else "unknown"


# --------------------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------------------
@dataclass
class DocScore:
    doc: str
    lang: str
    card: Scorecard
    prediction: str = "ok"      # ok | missing | unreadable | error


@dataclass
class Report:
    """Scores of a set of documents: ``docs`` one by one, ``total`` summed, ``by_lang`` per
    language class. ``unscored`` lists inputs that had no gold file."""

    docs: list[DocScore]
    unscored: list[str] = field(default_factory=list)
    total: Scorecard = field(init=False)
    by_lang: dict[str, Scorecard] = field(init=False)

    def __post_init__(self) -> None:
        self.total = Scorecard()
        self.by_lang = {}
        for d in self.docs:
            self.total += d.card
            self.by_lang.setdefault(d.lang, Scorecard())
            self.by_lang[d.lang] += d.card

    def group(self, name: str) -> Tally:
        return self.total.group(name)

    def fact(self, group: str, fact: str) -> Tally:
        return self.total.fact(group, fact)

    def overall(self) -> Tally:
        return self.total.overall()

    @property
    def duplicates(self) -> dict[str, int]:
        return dict(self.total.duplicates)

    def languages(self) -> list[str]:
        order = list(LANGUAGE_CLASSES)
        return sorted(self.by_lang, key=lambda lang: (order.index(lang) if lang in order else len(order), lang))

    def to_json(self, per_doc: bool = False) -> dict:
        out = {
            "documents": len(self.docs),
            "missing_predictions": [d.doc for d in self.docs if d.prediction == "missing"],
            "unreadable_predictions": [d.doc for d in self.docs if d.prediction in ("unreadable", "error")],
            "unscored_inputs": list(self.unscored),
            **self.total.to_json(),
            "duplicate_entries": list(self.total.duplicate_notes),
            "by_language": {
                lang: {"documents": sum(d.lang == lang for d in self.docs), **self.by_lang[lang].to_json()}
                for lang in self.languages()},
        }
        if per_doc:
            out["per_document"] = [
                {"doc": d.doc, "lang": d.lang, "prediction": d.prediction, **d.card.to_json(),
                 "duplicate_entries": list(d.card.duplicate_notes)} for d in self.docs]
        return out


def evaluate(gold: Any, pred: Any, name: str = "document") -> Report:
    """Score one prediction against one gold profile (dicts or :class:`~resume_nlp.Profile`)."""
    return Report([DocScore(name, language_class(gold), score_profile(gold, pred))])


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _gold_files(gold_dir: Path) -> list[Path]:
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise ValueError(f"no *.json gold files in {gold_dir}")
    return files


def _gold(path: Path) -> dict:
    try:
        gold = _load(path)
    except (OSError, ValueError) as exc:
        raise ValueError(f"unreadable gold file {path}: {exc}") from exc
    return _obj(gold)


def _prediction(path: Path | None) -> tuple[dict, str]:
    if path is None or not path.is_file():
        return {}, "missing"
    try:
        pred = _load(path)
    except (OSError, ValueError):
        return {}, "unreadable"
    return (pred, "ok") if isinstance(pred, dict) else ({}, "unreadable")


def _score_predictions(gold_dir: Path, found: dict[str, Path]) -> Report:
    docs = []
    for gold_path in _gold_files(gold_dir):
        gold = _gold(gold_path)
        pred, status = _prediction(found.get(gold_path.stem))
        docs.append(DocScore(gold_path.stem, language_class(gold), score_profile(gold, pred), status))
    gold_stems = {p.stem for p in _gold_files(gold_dir)}
    return Report(docs, sorted(str(p) for stem, p in found.items() if stem not in gold_stems))


def evaluate_dirs(gold_dir: Path | str, pred_dir: Path | str) -> Report:
    """Score ``pred_dir/<stem>.json`` against every ``gold_dir/<stem>.json``. A missing or
    unreadable prediction is scored as an empty profile; predictions without gold are ignored."""
    return _score_predictions(Path(gold_dir), {p.stem: p for p in sorted(Path(pred_dir).glob("*.json"))})


def _expand(inputs: Iterable[Path | str], pattern: str, skip: str = "") -> Iterator[Path]:
    """The files named by ``inputs``; a directory stands for its files matching ``pattern``
    (except those ending in ``skip``: gold or predicted JSON kept beside resumes)."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.glob(pattern)
                              if p.is_file() and not (skip and p.name.endswith(skip)))
        else:
            yield path


def evaluate_files(gold_dir: Path | str, inputs: Iterable[Path | str], predicted: bool = False,
                   parser: Any = None) -> Report:
    """Score resumes against ``gold_dir``.

    With ``predicted=False`` each input is a resume file (a directory stands for the files in
    it, JSON files excepted); it is parsed with ``parser`` (a default :class:`~resume_nlp.Parser` when None) and
    scored against ``gold_dir/<stem>.json``. Only the given inputs are scored; an input that
    fails to parse is scored as an empty profile, one without a gold file is listed in
    ``report.unscored``.

    With ``predicted=True`` the inputs are predicted ``<stem>.json`` files or directories of
    them, and every gold document is scored as :func:`evaluate_dirs` does."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise ValueError(f"gold directory {gold_dir} does not exist")
    if predicted:
        found = {p.stem: p for p in _expand(inputs, "*.json")}
        return _score_predictions(gold_dir, found)

    from .errors import ResumeNLPError

    if parser is None:
        from .api import Parser

        parser = Parser()
    files = list(_expand(inputs, "*", skip=".json"))
    stems = [p.stem for p in files]
    docs, unscored = [], []
    for path in files:
        gold_path = gold_dir / f"{path.stem}.json"
        if not gold_path.is_file():
            unscored.append(str(path))
            continue
        gold = _gold(gold_path)
        try:
            pred, status = parser.parse(path).to_dict(), "ok"
        except ResumeNLPError:
            pred, status = {}, "error"
        name = path.stem if stems.count(path.stem) == 1 else path.name
        docs.append(DocScore(name, language_class(gold), score_profile(gold, pred), status))
    return Report(docs, unscored)


# --------------------------------------------------------------------------------------
# Text table
# --------------------------------------------------------------------------------------
def _line(label: str, t: Tally, width: int, tail: str = "") -> str:
    return (f"{label:<{width}} {t.precision:>6.3f} {t.recall:>6.3f} {t.f1:>6.3f} "
            f"{t.tp:>5} {t.fp:>5} {t.fn:>5}{tail}")


def _head(label: str, width: int, tail: str = "") -> str:
    return f"{label:<{width}} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}{tail}"


def format_report(report: Report, per_doc: bool = False, facts: bool = False) -> str:
    """The report as a plain-text table: groups (and their facts), overall, duplicates, language
    classes and, with ``per_doc``, one line per document."""
    width = 24
    if per_doc and report.docs:
        width = max(width, 2 + max(len(d.doc) for d in report.docs))
    header = _head("group", width)
    rule = "-" * len(header)
    out = [header, rule]
    for g in GROUPS:
        out.append(_line(g, report.group(g), width))
        if facts and len(FACTS[g]) > 1:
            out.extend(_line(f"  .{f}", report.fact(g, f), width) for f in FACTS[g])
    out += [rule, _line("OVERALL", report.overall(), width)]
    dups = report.duplicates
    out.append(f"duplicates (already counted as entry fp): {sum(dups.values())}  ("
               + ", ".join(f"{g} {n}" for g, n in dups.items()) + ")")
    out += ["", _head("document language", width, "  docs")]
    for lang in report.languages():
        n = sum(d.lang == lang for d in report.docs)
        out.append(_line(lang, report.by_lang[lang].overall(), width, f"  {n:>4}"))
    if per_doc:
        out += ["", _head("document", width, "  lang       dup  prediction")]
        for d in report.docs:
            dup = sum(d.card.duplicates.values())
            out.append(_line(d.doc, d.card.overall(), width, f"  {d.lang:<9} {dup:>4}  {d.prediction}"))
    notes = [(d.doc, note) for d in report.docs for note in d.card.duplicate_notes]
    if notes:
        out += ["", "duplicate entries:"]
        out.extend(f"  {doc}: {note}" for doc, note in notes)
    bad = [d.doc for d in report.docs if d.prediction != "ok"]
    out += ["", f"{len(report.docs)} documents; {len(bad)} prediction(s) missing, unreadable or "
            f"failed{': ' + ', '.join(bad) if bad else ''}. Empty denominators count as 1.0 - "
            "read tp/fp/fn."]
    if report.unscored:
        out.append(f"no gold file for {len(report.unscored)} input(s): " + ", ".join(report.unscored))
    return "\n".join(out)
