"""Reading inputs: text, paths and bytes in, Unicode text out (``RawDoc``).

``read(source)`` accepts ``str`` (the resume text itself), ``pathlib.Path`` / ``os.PathLike``
and ``bytes``. Format readers (PDF, DOCX, HTML) live in their own modules and import their
optional dependencies only when called.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from ..errors import InputTooLargeError, UnreadableDocumentError, UnsupportedFormatError
from .text import decode_text

__all__ = ["RawDoc", "Source", "read"]

Source = Union[str, bytes, bytearray, "os.PathLike[str]"]


@dataclass
class RawDoc:
    text: str
    name: str | None = None          # file name (never logged with content)
    media_type: str = "text/plain"
    warnings: list[str] = field(default_factory=list)
    # (start offset in ``text``, page number) where pages begin, for formats with pages
    pages: list[tuple[int, int]] = field(default_factory=list)


_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


def read(source: Source, *, max_bytes: int = 20_000_000, max_pages: int = 50) -> RawDoc:
    """Read a resume from text, a path or bytes (see the module docstring)."""
    if isinstance(source, str):
        return RawDoc(source)
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise InputTooLargeError("max_bytes", len(data), max_bytes)
        return _from_bytes(data, None, max_pages=max_pages)
    if isinstance(source, os.PathLike):
        path = Path(source)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise UnreadableDocumentError(f"no such file: {path.name}") from None
        except OSError as exc:
            raise UnreadableDocumentError(f"cannot read {path.name}: {exc.strerror or type(exc).__name__}") from None
        if path.is_dir():
            raise UnreadableDocumentError(f"{path.name} is a directory, not a file")
        if size > max_bytes:
            raise InputTooLargeError("max_bytes", size, max_bytes)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableDocumentError(f"cannot read {path.name}: {exc.strerror or type(exc).__name__}") from None
        return _from_bytes(data, path.name, suffix=path.suffix.lower(), max_pages=max_pages)
    raise TypeError(f"parse() takes str text, bytes or a path, not {type(source).__name__}")


def _from_bytes(data: bytes, name: str | None, suffix: str | None = None, *, max_pages: int) -> RawDoc:
    from .sniff import sniff

    kind = sniff(data, suffix)
    if kind == "text":
        text, warnings = decode_text(data)
        return RawDoc(text, name, "text/plain", warnings)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, name, max_pages=max_pages)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, name)
    if kind == "html":
        from .html import read_html

        return read_html(data, name)
    raise UnsupportedFormatError(f"unsupported input format: {kind}")
