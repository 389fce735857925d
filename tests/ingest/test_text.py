"""Text decoding: UTF-8 (BOM), UTF-16 (BOM or not), GB18030, Big5; identical profiles for seed 003."""

from __future__ import annotations

import codecs

import pytest

from resume_nlp.errors import UnreadableDocumentError
from resume_nlp.ingest import read
from resume_nlp.ingest.text import decode_text
from tests.ingest._helpers import DOCS, parser, seed

SAMPLES = ["Jane Doe\nEducation", "Résumé — café naïve", "简历 教育经历 北京大学", "履歷 教育經歷 國立臺灣大學 學士",
           "教育背景\n2016-2020 华中师范大学 理论物理 硕士"]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5",
                                      "cp1252"])
def test_text_decodes(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot encode this sample")
    assert decode_text(data)[0].lstrip("\ufeff") == text


@pytest.mark.parametrize("name, reference", [
    ("003.gb18030.txt", "utf8"), ("003.utf16.txt", "utf8"), ("003.utf16le-nobom.txt", "utf8"),
    ("003.big5.txt", "trad"), ("003.trad.utf8.txt", "trad"),
])
def test_text_seed_003_encodings_decode_exactly(name, reference):
    expected = (seed("003").read_text(encoding="utf-8") if reference == "utf8"
                else (DOCS / "003.trad.utf8.txt").read_text(encoding="utf-8"))
    assert read(DOCS / name).text == expected


@pytest.mark.parametrize("name, reference", [
    ("003.gb18030.txt", "utf8"), ("003.utf16.txt", "utf8"), ("003.utf16le-nobom.txt", "utf8"), ("003.big5.txt", "trad"),
])
def test_text_seed_003_encodings_parse_identically(name, reference):
    ref = seed("003") if reference == "utf8" else DOCS / "003.trad.utf8.txt"
    assert parser().parse(DOCS / name).to_dict() == parser().parse(ref).to_dict()


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,
    b"\x00\x01\x02\x03binary\x00\xff" * 100,
    b"\x7fELF\x02\x01\x01\x00" + bytes(200),
])
def test_text_binary_raises(data):
    with pytest.raises(UnreadableDocumentError):
        decode_text(data)


def test_text_bom_wins():
    assert decode_text(codecs.BOM_UTF8 + "简历".encode("utf-8"))[0] == "简历"


def test_text_empty():
    assert decode_text(b"") == ("", [])
