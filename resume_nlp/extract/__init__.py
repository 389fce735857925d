"""Extractors: small declarative units that emit values with spans.

Two kinds, one protocol each:

* a **document extractor** reads the whole document and emits :class:`~resume_nlp.spans.Mention`
  objects for ``basics.*`` fields (contact details, name, key-value fields). Contact details
  sit anywhere (in a header, between education lines of a two-column PDF, at the top of the
  second language version), so these see the whole text.
* a **section parser** reads one section (a :class:`~resume_nlp.document.SectionView`) of the
  kinds it declares and returns :class:`~resume_nlp.spans.Draft` entries.

The registry is the explicit ordered tuple :data:`DEFAULT_EXTRACTORS` of dotted names (loaded
on first use, so importing this package stays cheap); ``Parser(extractors=[...])`` replaces
it. ``tests/extract/test_registry.py`` compares it with a golden list.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, ClassVar, Iterable, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document, SectionView
    from ..spans import Draft, Mention

__all__ = ["DocumentExtractor", "SectionParser", "DEFAULT_EXTRACTORS", "load_extractors"]


@runtime_checkable
class DocumentExtractor(Protocol):
    name: ClassVar[str]
    fields: ClassVar[tuple[str, ...]]

    def __call__(self, doc: "Document") -> Iterable["Mention"]: ...


@runtime_checkable
class SectionParser(Protocol):
    name: ClassVar[str]
    kinds: ClassVar[frozenset[str]]

    def __call__(self, view: "SectionView") -> list["Draft"]: ...


# Order matters: document extractors run first (contact lines they consume are hidden from
# section parsers), then section parsers in this order.
DEFAULT_EXTRACTORS: tuple[str, ...] = (
    "resume_nlp.extract.contact:ContactExtractor",
    "resume_nlp.extract.basics:BasicsExtractor",
    "resume_nlp.extract.ner:ChineseNERExtractor",
    "resume_nlp.extract.summary:SummaryParser",
    "resume_nlp.extract.education:EducationParser",
    "resume_nlp.extract.work:ExperienceParser",
    "resume_nlp.extract.publications:PublicationParser",
    "resume_nlp.extract.skills:SkillParser",
    "resume_nlp.extract.awards:AwardParser",
    "resume_nlp.extract.languages:LanguageParser",
    "resume_nlp.extract.misc:CertificateParser",
    "resume_nlp.extract.misc:ReferenceParser",
    "resume_nlp.extract.misc:InterestParser",
    "resume_nlp.extract.misc:JobIntentionParser",
    "resume_nlp.extract.ner:ChineseProseParser",
)


def load_extractors(names: Iterable[str | object]) -> list[object]:
    """Instantiate extractors from dotted ``module:Class`` names (objects pass through)."""
    out = []
    for name in names:
        if not isinstance(name, str):
            out.append(name)
            continue
        module_name, _, attr = name.partition(":")
        module = importlib.import_module(module_name)
        out.append(getattr(module, attr)())
    return out
