"""Parser settings: frozen, validated once, shared by every parse of a :class:`Parser`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    """What a :class:`~resume_nlp.Parser` does; every field has a safe default.

    Attributes:
        default_region: ISO country used for phone numbers without a country code when the
            document gives no better hint (``None``: no guess; keep the digits, warn).
        prefer_lang: which language version wins where the English and Chinese versions of a
            bilingual resume disagree (the other value is recorded in ``meta.conflicts``).
        ner: use the shipped Chinese NER model on Chinese prose (bios, 个人介绍).
        extractors: dotted ``module:Class`` names (or instances) replacing the default registry.
        max_bytes / max_pages / max_chars / max_lines / max_sections: input limits; a larger
            input raises :class:`~resume_nlp.errors.InputTooLargeError` naming the limit.
    """

    default_region: str | None = None
    prefer_lang: Literal["en", "zh"] = "en"
    ner: bool = True
    extractors: tuple[object, ...] | None = None
    max_bytes: int = 20_000_000
    max_pages: int = 50
    max_chars: int = 2_000_000
    max_lines: int = 50_000
    # A real resume has a few dozen sections; thousands of headings mean generated text, whose
    # per-section parsing would take seconds per megabyte.
    max_sections: int = 1_000
    extra: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.prefer_lang not in ("en", "zh"):
            raise ValueError("prefer_lang must be 'en' or 'zh'")
        for name in ("max_bytes", "max_pages", "max_chars", "max_lines", "max_sections"):
            if int(getattr(self, name)) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.default_region is not None and (len(self.default_region) != 2 or not self.default_region.isalpha()):
            raise ValueError("default_region is an ISO 3166-1 alpha-2 code such as 'CN' or 'US'")
