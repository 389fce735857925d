"""Decoding text files: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030, Big5."""

from __future__ import annotations

import codecs

from ..errors import UnreadableDocumentError, Warnings

__all__ = ["decode_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    for share, codec in ((odd_zero, "utf-16-le"), (even_zero, "utf-16-be")):
        if share > 0.3:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode a text file; raise :class:`UnreadableDocumentError` when it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = _utf16_without_bom(data)
    if text is not None:
        return text, []
    if _looks_binary(data):
        raise UnreadableDocumentError("the input is binary data, not text or a supported document")
    # Chinese legacy encodings: choose the one whose decoding reads as the most common Han text.
    best: tuple[float, str, str] | None = None
    for codec in ("gb18030", "big5", "cp1252"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text, codec)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is not None:
        return best[2], []
    return data.decode("utf-8", errors="replace"), [Warnings.W007.format(encoding="UTF-8")]


# The most frequent Han characters in resumes and general text; a right decoding is full of them.
_COMMON_HAN = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信技能务院校系专业经历项目获奖证书")


def _plausibility(text: str, codec: str) -> float:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.5 if codec == "cp1252" else 0.0
    common = sum(c in _COMMON_HAN for c in han)
    return common / len(han) + (0.01 if codec == "gb18030" else 0.0)
