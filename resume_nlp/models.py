"""The output contract: Profile JSON v1 as pydantic v2 models.

Field names here are public API (see ``docs/schema.md``). Models hold no parsing logic,
only small validators; internal stages use the cheaper dataclasses of ``spans.py`` and
become these models at the edge (``assemble.py``).
"""

from __future__ import annotations

import re
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

SCHEMA_VERSION = "1"

Degree = Literal["high_school", "associate", "bachelor", "master", "doctorate", "other"]
WorkType = Literal["full_time", "internship", "research", "teaching", "other"]
Network = Literal["github", "linkedin", "skype", "wechat", "qq", "twitter", "scholar", "other"]
SkillCategory = Literal["programming_language", "framework", "tool", "language", "domain", "other"]
PublicationStatus = Literal["accepted", "in_press", "submitted"]
Gender = Literal["male", "female"]
Lang = Literal["en", "zh"]

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _check_date(value: str | None, allow_present: bool) -> str | None:
    if value is None:
        return None
    if allow_present and value == "present":
        return value
    if not _DATE.match(value):
        raise ValueError("dates are 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'" + (" or 'present'" if allow_present else ""))
    return value


class _Model(BaseModel):
    # Strict about unknown fields: a typo in a field name is an error, not silently dropped data.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class BiText(_Model):
    """Text in up to two languages: ``{"en": "Peking University", "zh": "北京大学"}``."""

    en: str | None = None
    zh: str | None = None

    @field_validator("en", "zh")
    @classmethod
    def _no_empty(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("BiText variants are non-empty strings or absent")
        return value

    def text(self, prefer: Lang = "en") -> str:
        """The preferred variant, or the other one when only that exists."""
        first, second = (self.en, self.zh) if prefer == "en" else (self.zh, self.en)
        return first or second or ""

    def __str__(self) -> str:
        return " / ".join(v for v in (self.en, self.zh) if v)


class Location(_Model):
    address: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 where known


class SocialProfile(_Model):
    """An account on a social, code or chat network (``basics.profiles``)."""

    network: Network
    username: str | None = None
    url: str | None = None


class Basics(_Model):
    name: BiText | None = None
    gender: Gender | None = None
    birth_date: str | None = None
    ethnicity: str | None = None
    political_status: str | None = None
    nationality: str | None = None
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    profiles: list[SocialProfile] = Field(default_factory=list)
    location: Location | None = None
    headline: BiText | None = None
    summary: BiText | None = None

    @field_validator("birth_date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return _check_date(value, allow_present=False)


class GPA(_Model):
    value: float
    scale: float | None = None


class Rank(_Model):
    position: int
    total: int | None = None


class _Dated(_Model):
    start: str | None = None
    end: str | None = None

    @field_validator("start")
    @classmethod
    def _start(cls, value: str | None) -> str | None:
        return _check_date(value, allow_present=False)

    @field_validator("end")
    @classmethod
    def _end(cls, value: str | None) -> str | None:
        return _check_date(value, allow_present=True)


class Education(_Dated):
    institution: BiText | None = None
    degree: Degree | None = None
    degree_raw: BiText | None = None
    field: BiText | None = None
    department: BiText | None = None
    expected: bool | None = None
    gpa: Union[GPA, list[GPA], None] = None
    rank: Rank | None = None
    location: Location | None = None
    highlights: list[BiText] = Field(default_factory=list)


class Work(_Dated):
    organization: BiText | None = None
    position: BiText | None = None
    team: BiText | None = None
    location: Location | None = None
    type: WorkType | None = None
    supervisor: BiText | None = None
    expected: bool | None = None
    highlights: list[BiText] = Field(default_factory=list)


class Project(_Dated):
    name: BiText | None = None
    organization: BiText | None = None
    role: BiText | None = None
    team: BiText | None = None
    supervisor: BiText | None = None
    url: str | None = None
    location: Location | None = None
    expected: bool | None = None
    highlights: list[BiText] = Field(default_factory=list)


class Publication(_Model):
    title: str
    authors: list[str] = Field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    status: PublicationStatus | None = None
    note: str | None = None
    url: str | None = None


class Award(_Model):
    title: BiText
    date: str | None = None
    issuer: str | None = None

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return _check_date(value, allow_present=False)


class Skill(_Model):
    name: str
    category: SkillCategory | None = None
    level: str | None = None


class LanguageTest(_Model):
    name: str
    score: float | None = None
    sections: dict[str, float] = Field(default_factory=dict)
    date: str | None = None


class SpokenLanguage(_Model):
    language: str  # ISO 639-1 where known ("en", "zh", "ja"), else the name as written
    proficiency: str | None = None
    tests: list[LanguageTest] = Field(default_factory=list)


class Certificate(_Model):
    name: str
    issuer: str | None = None
    date: str | None = None


class Reference(_Model):
    name: str
    email: str | None = None
    phone: str | None = None
    relation: str | None = None


class JobIntention(_Model):
    positions: list[BiText] = Field(default_factory=list)
    locations: list[BiText] = Field(default_factory=list)
    salary: str | None = None


class SectionInfo(_Model):
    kind: str
    heading: str | None = None
    lang: str
    start: int
    end: int
    page: int | None = None


class ConflictValue(_Model):
    value: Any
    lang: Lang


class Conflict(_Model):
    path: str
    values: list[ConflictValue]
    chosen: Any = None


class Meta(_Model):
    languages: list[Lang] = Field(default_factory=list)
    sections: list[SectionInfo] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    unparsed: list[str] = Field(default_factory=list)


class Profile(_Model):
    """One parsed resume. ``profile.model_dump(mode="json")`` is Profile JSON v1.

    ``spans`` (not part of the JSON) maps a field path such as ``"work[1].start"`` or
    ``"meta.unparsed[0]"`` to the ``(start, end)`` character spans of the normalized text
    the value came from; ``text`` is that normalized text.
    """

    schema_version: Literal["1"] = SCHEMA_VERSION
    basics: Basics = Field(default_factory=Basics)
    education: list[Education] = Field(default_factory=list)
    work: list[Work] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[SpokenLanguage] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    interests: list[BiText] = Field(default_factory=list)
    job_intention: JobIntention | None = None
    meta: Meta = Field(default_factory=Meta)

    _spans: dict[str, list[tuple[int, int]]] = PrivateAttr(default_factory=dict)
    _text: str = PrivateAttr(default="")

    @property
    def spans(self) -> dict[str, list[tuple[int, int]]]:
        """Provenance: field path -> spans in :attr:`text`."""
        return self._spans

    @property
    def text(self) -> str:
        """The normalized text every span refers to."""
        return self._text

    def to_json(self, indent: int | None = 2) -> str:
        """Profile JSON v1 as a string (unknown values omitted where the contract allows)."""
        return self.model_dump_json(indent=indent, exclude_none=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)

    def _repr_html_(self) -> str:  # notebooks
        from .export import profile_html

        return profile_html(self)
