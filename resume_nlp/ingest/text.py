"""Decoding text files: UTF-8 (with or without BOM), UTF-16 (with or without BOM), UTF-32 with BOM,
GB18030, Big5, cp1252."""

from __future__ import annotations

import codecs

from ..errors import UnreadableDocumentError, Warnings

__all__ = ["decode_text", "plausibility"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 1 % C0 control characters (in the first megabyte)."""
    sample = data[:1_000_000]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls / len(sample) > 0.01


def _char_weight(ch: str) -> float:
    """How much a non-ASCII character looks like resume text (1 = typical, 0 = garbage)."""
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF:
        return 1.0 if _simplified(ch) in _COMMON_HAN else 0.25
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or o in (0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                                               0x2026, 0x00B7, 0x2013, 0x00A0):
        return 1.0
    if 0xC0 <= o <= 0xFF and o not in (0xD7, 0xF7):
        return 0.8  # accented Latin letters
    if 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF:
        return 0.05  # rare extension Han: almost always a wrong decoding
    if 0x0370 <= o <= 0x04FF or 0x2000 <= o <= 0x2BFF or 0x00A1 <= o <= 0x00BF:
        return 0.3
    return 0.0  # Hangul, kana, private use, controls, compatibility forms, U+FFFD


def _simplified(ch: str) -> str:
    try:
        from ..lang import to_simplified
    except Exception:  # pragma: no cover - lang is part of the package
        return ch
    return to_simplified(ch)


def plausibility(text: str) -> float:
    """Share of ``text``'s characters that look like resume text, in [0, 1].

    ASCII printable text and whitespace count fully; other characters by :func:`_char_weight`
    (common Han characters, read through the Simplified view so that Big5 text scores like
    GB text, CJK punctuation, accented letters). Only the first 20,000 characters are read.
    """
    sample = text[:20_000]
    if not sample:
        return 1.0
    total = 0.0
    non_ascii = 0
    for ch in sample:
        o = ord(ch)
        if 32 <= o < 127 or ch in "\n\r\t":
            continue
        if o < 32 or o == 127:
            total -= 1.0
            non_ascii += 1
            continue
        non_ascii += 1
        total += _char_weight(ch)
    if non_ascii == 0:
        return 1.0
    ascii_share = 1 - non_ascii / len(sample)
    return ascii_share + (1 - ascii_share) * max(total, 0.0) / non_ascii


def _utf16_without_bom(data: bytes) -> tuple[str, float] | None:
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[str, float] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _structural(text)
        if best is None or score > best[1]:
            best = (text, score)
    return best


def _structural(text: str) -> float:
    """Share of characters from the scripts a resume is written in (any Han character counts)."""
    sample = text[:20_000]
    if not sample:
        return 0.0
    good = 0
    for ch in sample:
        o = ord(ch)
        if (32 <= o < 127 or ch in "\n\r\t" or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
                or 0xFF01 <= o <= 0xFF5E or 0xA0 <= o <= 0xFF or 0x2010 <= o <= 0x206F):
            good += 1
    return good / len(sample)


_LEGACY = ("gb18030", "big5", "cp1252")


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode a text file; raise :class:`UnreadableDocumentError` when it is not text.

    Order: a BOM (UTF-8, UTF-16, UTF-32); strict UTF-8; UTF-16 without a BOM (when its
    decoding reads as text); then the legacy encodings GB18030, Big5 and cp1252, the one whose
    decoding is the most plausible (:func:`plausibility`); charset-normalizer, when installed,
    only breaks a near tie. Binary data raises :class:`UnreadableDocumentError`.
    """
    if not data:
        return "", []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            warnings = [Warnings.W007.format(encoding=codec.upper())] if "\ufffd" in text else []
            return text, warnings
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text and plausibility(text) >= 0.5:
            return text, []
        if "\x00" not in text and not _looks_binary(data):
            return text, []
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and utf16[1] >= 0.97:
        return utf16[0], []
    if _looks_binary(data):
        raise UnreadableDocumentError("the input is binary data, not text or a supported document")
    scored: list[tuple[float, int, str, str]] = []
    for rank, codec in enumerate(_LEGACY):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text), -rank, codec, text))
    scored.sort(reverse=True)
    if scored and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 0.02):
        if scored[0][0] >= 0.5:
            return scored[0][3], []
    guess = _charset_normalizer(data)
    if guess is not None:
        return guess, []
    if scored and scored[0][0] >= 0.5:
        return scored[0][3], []
    text = data.decode("utf-8", errors="replace")
    if plausibility(text) < 0.5:
        raise UnreadableDocumentError("the input is not text in a known encoding (UTF-8/16, GB18030, Big5)")
    return text, [Warnings.W007.format(encoding="UTF-8")]


def _charset_normalizer(data: bytes) -> str | None:
    """charset-normalizer's best guess among the supported encodings, if it is installed."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    try:
        best = from_bytes(data[:65536]).best()
    except Exception:
        return None
    if best is None:
        return None
    codec = best.encoding.replace("_", "-").lower()
    aliases = {"gb2312": "gb18030", "gbk": "gb18030", "big5hkscs": "big5", "cp950": "big5",
               "windows-1252": "cp1252", "latin-1": "cp1252", "iso8859-1": "cp1252"}
    codec = aliases.get(codec, codec)
    if codec not in _LEGACY:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


# The most frequent Han characters in resumes and general text; a right decoding is full of them.
_COMMON_HAN = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信技能务院校系专业经历项目获奖证书")
