"""Errors and warnings of resume_nlp.

Every public entry point raises only :class:`ResumeNLPError` subclasses, with one-line
messages that never contain resume content. Warnings reach ``meta.warnings`` as coded,
templated strings, also free of personal data (only counts, kinds and limits).
"""

from __future__ import annotations

__all__ = [
    "ResumeNLPError",
    "UnsupportedFormatError",
    "UnreadableDocumentError",
    "EncryptedDocumentError",
    "NoTextLayerError",
    "InputTooLargeError",
    "MissingDependencyError",
    "Warnings",
]


class ResumeNLPError(Exception):
    """Base class of every error resume_nlp raises on purpose."""


class UnsupportedFormatError(ResumeNLPError, ValueError):
    """The input is not a format resume_nlp reads (an image, an archive, an unknown type)."""


class UnreadableDocumentError(ResumeNLPError, ValueError):
    """The document is damaged, truncated or not text at all."""


class EncryptedDocumentError(UnreadableDocumentError):
    """The document is encrypted or password protected."""


class NoTextLayerError(UnreadableDocumentError):
    """A PDF with no text layer (a scan); OCR is out of scope."""


class InputTooLargeError(ResumeNLPError, ValueError):
    """The input exceeds a configured limit (bytes, pages, characters or lines)."""

    def __init__(self, limit: str, value: int, maximum: int) -> None:
        super().__init__(f"input too large: {limit} = {value} exceeds the limit of {maximum} "
                         f"(raise Parser({limit}=...) to allow it)")
        self.limit, self.value, self.maximum = limit, value, maximum


class MissingDependencyError(ResumeNLPError, ImportError):
    """An optional dependency needed for this input is not installed."""

    def __init__(self, what: str, extra: str) -> None:
        super().__init__(f"reading {what} needs an optional dependency: pip install 'resume-nlp[{extra}]'")
        self.extra = extra


class Warnings:
    """Warning templates: codes plus counts and kinds only, never resume text."""

    W001 = "W001: phone number without a country code and no region to infer; kept as digits"
    W002 = "W002: {count} text fragment(s) not assigned to any field; see meta.unparsed"
    W003 = "W003: no section headings found; the whole text was read as one block"
    W004 = "W004: {count} date range(s) run backwards (end before start) and were kept as written"
    W005 = "W005: the document looks like a non-resume text (no contact, education or experience found)"
    W006 = "W006: {count} conflicting fact(s) between the English and Chinese versions; see meta.conflicts"
    W007 = "W007: the text was decoded as {encoding} with replacement characters"
    W008 = "W008: {count} unpaired entries in a bilingual section ({kind}) kept as separate entries"
