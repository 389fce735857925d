"""Internal data types shared by the pipeline stages.

Every stage after ``normalize`` addresses one normalized string by character offsets
(``start`` inclusive, ``end`` exclusive). These are frozen/slotted dataclasses: cheap to
make by the thousand and free of validation cost; they become pydantic models only in
``assemble.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

LineLang = Literal["en", "zh", "mixed", "none"]
"""Language of a line or block: Latin script, Han script, both, or neither (digits, symbols)."""

SectionKind = Literal[
    "header",  # text before the first heading: name, contact, headline
    "basics",  # 个人信息 / Personal information blocks
    "summary",
    "objective",
    "job_intention",
    "education",
    "work",
    "projects",
    "publications",
    "skills",
    "awards",
    "languages",
    "certificates",
    "references",
    "interests",
    "activities",
    "appendix",
    "other",
]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the normalized text (``end`` excludes the newline)."""

    start: int
    end: int
    lang: LineLang
    traditional: bool = False  # Han text that reads as Traditional Chinese


@dataclass(frozen=True, slots=True)
class Section:
    """A run of lines under one heading (``meta.sections``).

    ``start``/``end`` cover the heading and the body; ``body_start`` is where the body begins.
    The ``header`` section (before the first heading) has no heading.
    """

    kind: SectionKind
    heading: str | None
    lang: Literal["en", "zh"]
    start: int
    end: int
    body_start: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One extracted value with its provenance.

    ``field`` names where the value goes (``"basics.emails"``, ``"education.degree"``);
    fields starting with ``_`` are layout the extractor consumed (labels such as
    ``Email:``), which count as covered text but are not output. ``value`` is already
    canonical (``"master"``, ``"2017-08"``, ``"+8613148845661"``).
    """

    field: str
    value: Any
    start: int
    end: int
    lang: Literal["en", "zh"] = "en"
    score: float = 1.0
    source: str = ""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class Draft:
    """One entry (an education, a job, an award ...) under construction.

    Section parsers build drafts from mentions; the merger joins an English and a Chinese
    draft of the same fact. ``fields`` holds single-valued fields, each as the list of its
    language variants (one mention before merging, up to one per language after);
    ``lists`` holds list-valued fields (``highlights``, ``authors``, ``gpa``), each item
    again a list of language variants.
    """

    kind: str  # "education" | "work" | "projects" | "publications" | "awards" | "skills" | ...
    lang: Literal["en", "zh"]
    start: int
    end: int
    fields: dict[str, list[Mention]] = field(default_factory=dict)
    lists: dict[str, list[list[Mention]]] = field(default_factory=dict)
    consumed: list[Mention] = field(default_factory=list)  # labels, separators: covered, not output
    langs: set[str] = field(default_factory=set)  # languages merged into this draft

    def __post_init__(self) -> None:
        if not self.langs:
            self.langs = {self.lang}

    def set(self, mention: Mention) -> None:
        """Set a single-valued field (the field name is the mention's last dotted part)."""
        self.fields[mention.field.rsplit(".", 1)[-1]] = [mention]

    def add(self, mention: Mention) -> None:
        """Append an item to a list-valued field."""
        self.lists.setdefault(mention.field.rsplit(".", 1)[-1], []).append([mention])

    def get(self, name: str) -> Any:
        """The value of a single-valued field (the first variant), or None."""
        variants = self.fields.get(name)
        return variants[0].value if variants else None

    def has(self, name: str) -> bool:
        return bool(self.fields.get(name))

    def mentions(self) -> list[Mention]:
        """Every mention this draft holds (for coverage and provenance)."""
        out = [m for ms in self.fields.values() for m in ms]
        out += [m for items in self.lists.values() for item in items for m in item]
        out += self.consumed
        return out
