"""Contact extractor: emails, phones, URLs, profiles, contact-line masking."""

from __future__ import annotations

import json

import pytest

from resume_nlp.extract.contact import ContactExtractor, phone_value, profile_from_url
from tests.conftest import GOLD, SEEDS, analyse_text


def _values(text: str, field: str) -> list:
    doc = analyse_text(text)
    out = []
    for m in ContactExtractor()(doc):
        if m.field == field and m.value not in out:
            out.append(m.value)
    return out


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Jane Doe\njane.doe@example.com | (555) 010-9999", ["jane.doe@example.com"]),
    ("Jane Doe\nEmail: jane(at)example.com", ["jane@example.com"]),
    ("Jane Doe\nE-mail: jane [at] mail [dot] example [dot] com", ["jane@mail.example.com"]),
    ("Jane Doe\n[jane@x.org](mailto:jane@x.org) | [Github](#)", ["jane@x.org"]),
    ("王小明\n邮箱：wangxm@163.com", ["wangxm@163.com"]),
    ("王小明\n郵箱：wangxm@qq.com", ["wangxm@qq.com"]),
    ("王小明\n电子邮箱：ｗａｎｇ＠ｑｑ．ｃｏｍ", ["wang@qq.com"]),
    ("王小明\n邮箱：wxm2020#163.com", ["wxm2020@163.com"]),
    ("个人信息\n姓    名：王小明\n邮    箱：wxm@163.com", ["wxm@163.com"]),  # a label padded to a column
    ("Jane Doe | jane@x.com | 555-123-4567\n\nEXPERIENCE\n\nMentor: jo@acme.com", ["jane@x.com"]),
])
# fmt: on
def test_contact_emails(text, expected):
    assert _values(text, "basics.emails") == expected


# fmt: off
@pytest.mark.parametrize("text", [
    "Jane Doe\njane@x.org\n\nEXPERIENCE\n\nAcme Corp 2019 - 2020\nMentor: John Roe, john@acme.com, helped a lot",
    "Jane Doe\njane@x.org\n\nREFERENCES\n\nDr. John Roe\nEmail: john@acme.com",
])
# fmt: on
def test_contact_emails_of_other_people_are_not_basics(text):
    assert _values(text, "basics.emails") == ["jane@x.org"]


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Jane Doe\n(+86)-13777894581 | jane@x.org", ["+8613777894581"]),
    ("Jane Doe\nMobile: +1734-272-2163 / +86176-9577-6683", ["+17342722163", "+8617695776683"]),
    ("Jane Doe\nMobile: +86-131-4884-5661", ["+8613148845661"]),
    ("王小明\n手机：138 0013 8000", ["+8613800138000"]),
    ("王小明\n電話：１３８００１３８０００", ["+8613800138000"]),
    ("Jane Doe\nSt. Louis, MO, USA\n314-319-2407 | jane@wustl.edu", ["+13143192407"]),
    ("Jane Doe\nBoston, MA\nPhone: (617) 555-0134", ["+16175550134"]),
    ("Jane Doe\nTel: 0086 138 0013 8000", ["+8613800138000"]),
    ("陳志明\n電話：0912-345-678", ["+886912345678"]),            # Traditional: Taiwan, not China
    ("陳大文\n電話：9123 4567\n地址：香港九龍", ["+85291234567"]),
    ("王小明\n电话：010-6275 1234", ["+861062751234"]),
    ("个人信息\n姓    名：王小明\n手　　机：138 0013 8000", ["+8613800138000"]),
    # no country code: the region comes from the resume's own address
    ("Jane Doe\n14 Marlborough Road, Bristol BS6 5JP\nMobile: 07700 900461", ["+447700900461"]),
    ("Jane Doe\nNewcastle NSW 2300\nM: 0412 345 678  |  E: jane@example.com.au", ["+61412345678"]),
    ("Jane Doe\nSydney, Australia\nPh: 02 9374 4000", ["+61293744000"]),
    ("Jane Doe\nLondon, UK\nT: 020 7946 0958 | jane@x.org", ["+442079460958"]),
])
# fmt: on
def test_contact_phones_e164(text, expected):
    assert _values(text, "basics.phones") == expected


def test_contact_date_ranges_are_not_phones():
    assert _values("Li Lei\nBeijing, China | lilei@foo.cn | 2019.09-2023.06\n\nEDUCATION\n\nX", "basics.phones") == []


def test_contact_phone_without_region_keeps_digits():
    value, score = phone_value("8123 4567", None, None)
    assert (value, score < 0.5) == ("81234567", True)


def test_contact_phone_nanp_shape_not_read_as_chinese():
    assert phone_value("314-319-2407", "US", "CN")[0] == "+13143192407"


# fmt: off
@pytest.mark.parametrize("url, expected", [
    ("https://www.linkedin.com/in/xingyao-wang", ("linkedin", "xingyao-wang", "https://www.linkedin.com/in/xingyao-wang")),
    ("github.com/luzai", ("github", "luzai", "https://github.com/luzai")),
    ("https://github.com/BurnMyTPU/Google-AI-Winter-Camp", None),
    ("https://twitter.com/jane_doe", ("twitter", "jane_doe", "https://twitter.com/jane_doe")),
    ("http://chaopeng.name", None),
])
# fmt: on
def test_contact_profile_from_url(url, expected):
    got = profile_from_url(url)
    assert (got and (got["network"], got["username"], got["url"])) == expected or (got is None and expected is None)


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Jane Doe\nGitHub: janedoe | LinkedIn: linkedin.com/in/jane-doe", [("github", "janedoe"), ("linkedin", "jane-doe")]),
    ("王小明\n微信：wxm_2020    QQ：123456789", [("wechat", "wxm_2020"), ("qq", "123456789")]),
    ("Jane Doe\n\U0001F5B8 janed | \U0001F6C5 jane-doe-1734b2116 | \U0001F9A0 live:janed\n\nProjects\n\njaned/cool-repo", [
        ("github", "janed"), ("linkedin", "jane-doe-1734b2116"), ("skype", "live:janed")]),
    ("Jane Doe\n\uf09b jdoe | jane@x.org", [("github", "jdoe")]),
    ("Jane Doe\njane@x.org | [Linkedin](#) | [Github](#)", []),
])
# fmt: on
def test_contact_profiles(text, expected):
    assert [(p["network"], p["username"]) for p in _values(text, "basics.profiles")] == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Jane Doe\njane@x.org | https://janedoe.dev | github.com/janedoe", ["https://janedoe.dev"]),
    ("Jane Doe\nHomepage: www.janedoe.net", ["www.janedoe.net"]),
    ("Jane Doe\njane@x.org\n\nPROJECTS\n\nA tool https://github.com/jane/tool Jan. 2019", []),
])
# fmt: on
def test_contact_urls(text, expected):
    assert _values(text, "basics.urls") == expected


def test_contact_masks_contact_lines_in_sections():
    text = "EDUCATION\n\nUniversity of Michigan\n\nEmail: jane@umich.edu\n\nMobile: +1 734-272-2163\n\nB.S. in CS 2019 - 2022"
    doc = analyse_text(text)
    list(ContactExtractor()(doc))
    masked = sorted(doc.text[s:doc.text.find("\n", s)] for s in doc.masked)
    assert masked == ["Email: jane@umich.edu", "Mobile: +1 734-272-2163"]


def test_contact_does_not_mask_entry_lines():
    text = "Jane Doe\njane@x.org\n\nPROJECTS\n\nhttps://github.com/jane/tool Jane Doe, Li Xia Jan. 2019"
    doc = analyse_text(text)
    list(ContactExtractor()(doc))
    assert all(doc.text[s:s + 5] != "https" for s in doc.masked)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_contact_seeds_match_gold(path):
    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))["basics"]
    text = path.read_text(encoding="utf-8")
    assert _values(text, "basics.emails") == gold["emails"]
    assert _values(text, "basics.phones") == gold["phones"]
    assert _values(text, "basics.urls") == gold["urls"]
    assert _values(text, "basics.profiles") == gold["profiles"]


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Jane Doe\nLondon, UK | +44 20 7946 0958 | jane@example.co.uk", ["+442079460958"]),
    ("Jane Doe\nPhone: +44 (0)20 7946 0123 · Email: jane@example.org", ["+442079460123"]),
    ("Jane Doe\nMobile: +971 50 123 4567 | Office: +971 4 123 4567", ["+971501234567", "+97141234567"]),
    ("Jane Doe\nTel/Fax: +49 30 1234567", ["+49301234567"]),
    ("Jane Doe\nTel: +1 (650) 555-0134 x123 | Email: jane@example.com", ["+16505550134"]),
    ("李华\n手机：0086-138-1234-5678", ["+8613812345678"]),
    ("欧阳娜娜\n电话：(010) 6275-1234", ["+861062751234"]),
    ("陳美玲\n地址：香港九龍\n聯絡電話：852-9123-4567", ["+85291234567"]),
])
# fmt: on
def test_contact_phone_shapes(text, expected):
    assert _values(text, "basics.phones") == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Jane Doe\njane.doe AT example DOT org | +1 415 555 0100", ["jane.doe@example.org"]),
    ("Jane Doe\nEmail: sean.oconnor [at] example [dot] com", ["sean.oconnor@example.com"]),
])
# fmt: on
def test_contact_obfuscated_emails(text, expected):
    assert _values(text, "basics.emails") == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Jane Doe\nMadrid • garcialopez.es • jane@example.es", ["garcialopez.es"]),
    ("Jane Doe\nweizhang.dev · jane@example.com", ["weizhang.dev"]),
    ("Jane Doe\nLondon | www.robertsmith.co.uk | jane@example.com", ["www.robertsmith.co.uk"]),
])
# fmt: on
def test_contact_urls_without_scheme(text, expected):
    assert _values(text, "basics.urls") == expected


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Jane Doe\nKaggle: kaggle.com/soconnor", [{"network": "other", "username": "soconnor", "url": "kaggle.com/soconnor"}]),
    ("Jane Doe\nORCID: orcid.org/0000-0002-1825-0097",
     [{"network": "other", "username": "0000-0002-1825-0097", "url": "orcid.org/0000-0002-1825-0097"}]),
    ("Jane Doe\nORCID: 0000-0002-1825-0097",
     [{"network": "other", "username": "0000-0002-1825-0097", "url": "https://orcid.org/0000-0002-1825-0097"}]),
    ("李华\nCSDN：blog.csdn.net/lihua_ai", [{"network": "other", "username": "lihua_ai", "url": "blog.csdn.net/lihua_ai"}]),
    ("李华\n知乎：lihua-ai", [{"network": "other", "username": "lihua-ai", "url": "https://www.zhihu.com/people/lihua-ai"}]),
    ("Jane Doe\nx.com/weizhang_cv | jane@example.com",
     [{"network": "twitter", "username": "weizhang_cv", "url": "https://twitter.com/weizhang_cv"}]),
    ("Jane Doe\nTwitter: @soconnor_dev", [{"network": "twitter", "username": "soconnor_dev", "url": "https://twitter.com/soconnor_dev"}]),
    ("Jane Doe\nscholar.google.com.hk/citations?user=AbC123 | jane@example.com",
     [{"network": "scholar", "username": "AbC123", "url": "scholar.google.com.hk/citations?user=AbC123"}]),
])
# fmt: on
def test_contact_more_profiles(text, expected):
    assert _values(text, "basics.profiles") == expected


def test_contact_network_word_in_prose_is_not_a_handle():
    text = "张三\n\n项目经历\n\n一开始使用 FaceBook 提供的 Mask-RCNN 做检测。\n\n专业技能\n\n框架：PyTorch、HuggingFace Transformers"
    assert _values(text, "basics.profiles") == []
