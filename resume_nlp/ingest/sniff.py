"""Tell a document's format from its first bytes (and its file suffix as a hint)."""

from __future__ import annotations

__all__ = ["sniff"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG", "image (PNG)"),
    (b"\xff\xd8\xff", "image (JPEG)"),
    (b"GIF8", "image (GIF)"),
    (b"II*\x00", "image (TIFF)"),
    (b"MM\x00*", "image (TIFF)"),
    (b"BM", "image (BMP)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"Rar!", "rar archive"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document (.doc); save it as .docx"),
    (b"{\\rtf", "RTF document"),
)


def sniff(data: bytes, suffix: str | None = None) -> str:
    """``text``, ``pdf``, ``docx``, ``html``, or a description of an unsupported format."""
    head = data[:8]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if b"word/" in data[:65536] or suffix == ".docx":
            return "docx"
        return "zip archive"
    window = data[:65536]
    if window.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: look at its ASCII view
        window = window[: len(window) // 2 * 2].decode("utf-16", "ignore").encode("ascii", "ignore")
    sample = window[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix in (".html", ".htm", ".xhtml") or sample.startswith((b"<!doctype html", b"<html")) \
            or (sample.startswith(b"<") and b"<body" in window.lower()):
        return "html"
    return "text"
