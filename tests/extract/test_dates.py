"""The resume date grammar (resume_nlp/extract/dates.py)."""

from __future__ import annotations

import dataclasses
import random

import pytest

from resume_nlp.extract import dates
from resume_nlp.extract.dates import DateRange, find_dates, month_index, parse_date

from ..conftest import SEEDS


def _one(text: str) -> DateRange:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def _key(r: DateRange) -> tuple:
    return (r.date_from, r.date_to, r.expected, r.single)


# fmt: off
ENGLISH = [
    # text,                               date_from,    date_to,      expected, single
    # month words as the grammar folds case: a long s (ſ) reaches the month table too
    ("ſep – August 2019",                 "2018-09",    "2019-08",    False, False),
    ("ſeptember 2019",                    "2019-09",    None,         False, True),
    ("Sep. 2014 - June 2018",             "2014-09",    "2018-06",    False, False),
    ("Aug. 2022 – May 2027(expected)",    "2022-08",    "2027-05",    True,  False),
    ("Aug. 2022 – May 2027 (Expected)",   "2022-08",    "2027-05",    True,  False),
    ("May 2019 - Present",                "2019-05",    "present",    False, False),
    ("2017.06",                           "2017-06",    None,         False, True),
    ("09/2022 – present",                 "2022-09",    "present",    False, False),
    ("03/2019-11/2021",                   "2019-03",    "2021-11",    False, False),
    ("03/2022 – 08/2022",                 "2022-03",    "2022-08",    False, False),
    ("2014~2017",                         "2014",       "2017",       False, False),
    ("2014 ~ 2017",                       "2014",       "2017",       False, False),
    ("2019–21",                           "2019",       "2021",       False, False),
    ("2019-20",                           "2019",       "2020",       False, False),
    ("2022–",                             "2022",       "present",    False, False),
    ("Sep 2019 –",                        "2019-09",    "present",    False, False),
    ("Summer 2020",                       "2020",       None,         False, True),
    ("2020 Fall",                         "2020",       None,         False, True),
    ("Fall 2019 – Spring 2021",           "2019",       "2021",       False, False),
    ("Dec 2019-Sep 2020",                 "2019-12",    "2020-09",    False, False),
    ("Oct 2017-June 2018",                "2017-10",    "2018-06",    False, False),
    ("Jan. 2021 - Jan. 2022",             "2021-01",    "2022-01",    False, False),
    ("August. 2022 – Present",            "2022-08",    "present",    False, False),
    ("February. 2022 – May. 2022",        "2022-02",    "2022-05",    False, False),
    ("May. 2020 - Sep. 2020",             "2020-05",    "2020-09",    False, False),
    ("Sep. 2019 – May. 2022",             "2019-09",    "2022-05",    False, False),
    ("Aug. 2013 - July. 2017",            "2013-08",    "2017-07",    False, False),
    ("March 2018-May 2018",               "2018-03",    "2018-05",    False, False),
    ("Sept. 2018 — Jun 2019",             "2018-09",    "2019-06",    False, False),
    ("April 2019",                        "2019-04",    None,         False, True),
    ("2019.01",                           "2019-01",    None,         False, True),
    ("Jan. 2019",                         "2019-01",    None,         False, True),
    ("Mar-2019",                          "2019-03",    None,         False, True),
    ("Sep '19",                           "2019-09",    None,         False, True),
    ("2010-2014",                         "2010",       "2014",       False, False),
    ("2016 – 2020",                       "2016",       "2020",       False, False),
    ("Mar 2018 - April 2019",             "2018-03",    "2019-04",    False, False),
    ("2019 to 2021",                      "2019",       "2021",       False, False),
    ("June 2018 until May 2019",          "2018-06",    "2019-05",    False, False),
    ("2019 to date",                      "2019",       "present",    False, False),
    ("May 2019 - Now",                    "2019-05",    "present",    False, False),
    ("May 2019 – Current",                "2019-05",    "present",    False, False),
    ("June – August 2019",                "2019-06",    "2019-08",    False, False),
    ("Nov - Feb 2020",                    "2019-11",    "2020-02",    False, False),
    ("2019-03-15",                        "2019-03-15", None,         False, True),
    ("March 15, 2019",                    "2019-03-15", None,         False, True),
    ("15 March 2019",                     "2019-03-15", None,         False, True),
    ("3rd of March, 2019",                "2019-03-03", None,         False, True),
    ("03/15/2019",                        "2019-03-15", None,         False, True),
    ("15.03.2019",                        "2019-03-15", None,         False, True),
    ("2019-03-15 – 2019-06-30",           "2019-03-15", "2019-06-30", False, False),
    ("Expected May 2027",                 "2027-05",    None,         True,  True),
    ("Expected graduation: 2027",         "2027",       None,         True,  True),
    ("Exp. May 2027",                     "2027-05",    None,         True,  True),
    ("2021",                              "2021",       None,         False, True),
]

CHINESE = [
    ("2015.09-2019.06",                   "2015-09",    "2019-06",    False, False),
    ("2019年9月—2022年6月",               "2019-09",    "2022-06",    False, False),
    ("2019年9月——2022年6月",              "2019-09",    "2022-06",    False, False),
    ("2018年3月至今",                     "2018-03",    "present",    False, False),
    ("2018年3月迄今",                     "2018-03",    "present",    False, False),
    ("2018年3月-至今",                    "2018-03",    "present",    False, False),
    ("2018年3月-今",                      "2018-03",    "present",    False, False),
    ("2018.03-现在",                      "2018-03",    "present",    False, False),
    ("2018.03-目前",                      "2018-03",    "present",    False, False),
    ("2018.03-現在",                      "2018-03",    "present",    False, False),
    ("2018年3月至2019年5月",              "2018-03",    "2019-05",    False, False),
    ("2018年3月到2019年5月",              "2018-03",    "2019-05",    False, False),
    ("2019年9月至12月",                   "2019-09",    "2019-12",    False, False),
    ("2019/09 ~ 2022/06",                 "2019-09",    "2022-06",    False, False),
    ("2019/09 ～ 2022/06",                "2019-09",    "2022-06",    False, False),
    ("2010-2014",                         "2010",       "2014",       False, False),
    ("2019.09-2022.06(预计)",             "2019-09",    "2022-06",    True,  False),
    ("2019.09-2022.06（预计）",           "2019-09",    "2022-06",    True,  False),
    ("2019.09-2022.06(預計)",             "2019-09",    "2022-06",    True,  False),
    ("2019.09-2022.06 在读",              "2019-09",    "2022-06",    True,  False),
    ("2020.09-在读",                      "2020-09",    "present",    False, False),
    ("预计2027年6月毕业",                 "2027-06",    None,         True,  True),
    ("预计于2027年6月毕业",               "2027-06",    None,         True,  True),
    ("預計2027年6月畢業",                 "2027-06",    None,         True,  True),
    ("预计毕业时间: 2027年6月",           "2027-06",    None,         True,  True),
    ("2018年9月",                         "2018-09",    None,         False, True),
    ("2018 年 9 月",                      "2018-09",    None,         False, True),
    ("2019年9月1日",                      "2019-09-01", None,         False, True),
    ("民國108年",                         "2019",       None,         False, True),
    ("民国108年9月",                      "2019-09",    None,         False, True),
    ("民國108年9月至111年6月",            "2019-09",    "2022-06",    False, False),
    ("二〇一八年三月",                    "2018-03",    None,         False, True),
    ("二零一八年",                        "2018",       None,         False, True),
    ("二〇一八年十二月",                  "2018-12",    None,         False, True),
    ("二〇一八年三月二十一日",            "2018-03-21", None,         False, True),
    ("2018年",                            "2018",       None,         False, True),
    ("2018.9-2019.6",                     "2018-09",    "2019-06",    False, False),
    # Taiwanese resumes drop 民國 once the era is clear: a range that opens with a 3-digit year
    ("110年8月～迄今",                    "2021-08",    "present",    False, False),
    ("104年7月～110年7月",                "2015-07",    "2021-07",    False, False),
    ("98年9月～102年6月",                 "2009-09",    "2013-06",    False, False),
    ("2020年秋季",                        "2020",       None,         False, True),
]

NEGATIVE = [
    "GPA 3.57/4", "GPA:3.57/4", "90.75/100", "GPA: 4.00 / 4.00", "3.89 / 4.00",
    "1.69%", "(top 5%)", "Top 1.36%",
    "7th/174", "24/131", "Rank 24/131", "12th/167",
    "+86-131-4884-5661", "314-319-2407", "13777894581", "(+86)-13777894581",
    "+1734-272-2163", "+86 138 2019 5678",
    "TensorFlow 2.0", "Python 3.8", "Tensorflow 2",
    "1W+id", "120W+images", "(60-99)", "16-8", "28-10", "32k 64k",
    "EECS 492", "LING 111", "Room 6-423",
    "1949", "2060", "1234", "3000 images", "5.26", "2.3",
    "(pp. 1866-1870)", "(pp. 1999-2003)", "pages 2010-2014",
    "k=3.5", "k = 3.5",
    "ICCV'2019", "ICML'20", "ICIP20", "ICCV19", "AAAI21", "v2019", "$2019", "#2019",
    "1990s", "2019%", "2019-12-35", "2019-02-30",
    "108年9月",  # 民國 not written: not converted, not a date
    "18年7月-至今", "98年9月～99年6月",  # two-digit years: a mainland short year ('18) as much as 民國
    "工作10年3月", "10年工作经验",
    "7 年左右", "今年", "June", "Present", "May I", "预计将于今年上半年完成写作",
]

SPANS = [
    # text,                                         covered
    ("Graduated Aug. 2022 – May 2027(expected) in", "Aug. 2022 – May 2027(expected)"),
    ("学历: 2019.09-2022.06（预计） 硕士",          "2019.09-2022.06（预计）"),
    ("I will graduate. Expected May 2027.",         "Expected May 2027"),
    ("情况:预计2027年6月毕业。",                    "预计2027年6月毕业"),
    ("Harmonized Dense ... AAAI, 2021.",            "2021"),
    ("Teacher Assistant March 2018-May 2018",       "March 2018-May 2018"),
    ("• 2022–\n",                                   "2022–"),
    ("(2020 Fall), EECS 482",                       "2020 Fall"),
    ("Rank 24/131 Aug. 2013 - July. 2017",          "Aug. 2013 - July. 2017"),
    ("经历 2018年3月至今 腾讯",                     "2018年3月至今"),
]

PARSE_DATE = [
    ("Sep. 2014", "2014-09"), ("2017.06", "2017-06"), ("09/2022", "2022-09"),
    ("2019年3月", "2019-03"), ("２０１８年９月", "2018-09"), (" April 2019 ", "2019-04"),
    ("民國108年", "2019"), ("2010", "2010"), ("Present", "present"), ("至今", "present"),
    ("March of 2019", "2019-03"),  # dateparser fallback on an isolated span
    ("3.57/4", None), ("1.69%", None), ("12/10", None), ("2.3", None), ("Python 3.8", None),
    ("Sep. 2014 - June 2018", None), ("", None), ("ICCV'2019", None), ("2019-02-30", None),
]

MONTH_INDEX = [
    ("2018-09", 2018 * 12 + 8), ("2018", 2018 * 12), ("2018-09-15", 2018 * 12 + 8),
    ("present", dates.PRESENT_INDEX), ("2018-13", None), ("Sep 2018", None), ("", None),
]
# fmt: on


@pytest.mark.parametrize(("text", "date_from", "date_to", "expected", "single"), ENGLISH)
def test_dates_english(text, date_from, date_to, expected, single):
    r = _one(text)
    assert _key(r) == (date_from, date_to, expected, single)
    assert (r.start, r.end) == (0, len(text))


@pytest.mark.parametrize(("text", "date_from", "date_to", "expected", "single"), CHINESE)
def test_dates_chinese(text, date_from, date_to, expected, single):
    r = _one(text)
    assert _key(r) == (date_from, date_to, expected, single)
    assert (r.start, r.end) == (0, len(text))


@pytest.mark.parametrize("text", NEGATIVE)
def test_dates_negative(text):
    assert find_dates(text) == []
    assert find_dates(f"foo {text} bar") == []


@pytest.mark.parametrize(("text", "covered"), SPANS)
def test_dates_span_covers_date_text(text, covered):
    r = _one(text)
    assert text[r.start:r.end] == covered


def test_dates_offset_added():
    text = "Tencent  May. 2020 - Sep. 2020  Beijing 2019.01"
    plain = find_dates(text)
    shifted = find_dates(text, offset=100)
    assert [(r.start + 100, r.end + 100) for r in plain] == [(r.start, r.end) for r in shifted]
    assert [_key(r) for r in plain] == [_key(r) for r in shifted]
    assert text[plain[0].start:plain[0].end] == "May. 2020 - Sep. 2020"


def test_dates_left_to_right_non_overlapping():
    text = "2010-2014 学士\n2016-2020 硕士\nMay 2019 - Present, 2017.06 and 2019.01 (2020 Fall)"
    found = find_dates(text)
    assert [text[r.start:r.end] for r in found] == [
        "2010-2014", "2016-2020", "May 2019 - Present", "2017.06", "2019.01", "2020 Fall"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_dates_reversed_range_still_returned():
    r = _one("Jun 2020 - Jan 2019")
    assert (r.date_from, r.date_to, r.single) == ("2020-06", "2019-01", False)


def test_dates_range_does_not_span_lines():
    found = find_dates("Sep. 2014\n- June 2018")
    assert [(r.date_from, r.single) for r in found] == [("2014-09", True), ("2018-06", True)]


def test_dates_dash_before_text_is_not_open_range():
    r = _one("2019 - Google Brain")
    assert (r.date_from, r.single) == ("2019", True)


def test_dates_two_digit_end_must_follow_start():
    assert [(r.date_from, r.single) for r in find_dates("2019–12")] == [("2019", True)]


def test_dates_hyphen_two_digits_is_month():
    assert _key(_one("2019-12")) == ("2019-12", None, False, True)


def test_dates_source_names_pattern():
    assert _one("Sep. 2014 - June 2018").source == "dates/en_month_range"
    assert _one("2017.06").source == "dates/numeric_ymd"
    assert _one("2022–").source == "dates/year_open"
    assert _one("民國108年").source == "dates/zh_roc"


def test_dates_daterange_is_frozen():
    r = _one("2017.06")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.start = 3  # type: ignore[misc]


@pytest.mark.parametrize(("text", "value"), PARSE_DATE)
def test_dates_parse_date(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize(("date", "index"), MONTH_INDEX)
def test_dates_month_index(date, index):
    assert month_index(date) == index


def test_dates_month_index_orders_present_last():
    assert month_index("2059-12") < month_index("present")


def test_dates_linear_on_adversarial_input():
    """100 KB of digits, dots, dashes and spaces: no catastrophic backtracking."""
    rng = random.Random(7)
    soups = [
        "".join(rng.choice("0123456789.-") for _ in range(100_000)),
        "".join(rng.choice("2019.-/~ 年月") for _ in range(100_000)),
        "2019-" * 20_000,
        "Sep." + " " * 100_000 + "x",
        "预计" + " " * 100_000,
        "2019" + " " * 50_000 + "-" + " " * 50_000 + "x",
    ]
    for soup in soups:
        # the regex module raises TimeoutError when one search runs past the limit
        list(dates._scan_all(soup, timeout=30.0))
        assert isinstance(find_dates(soup), list)


def test_dates_lexicon_loaded_lazily():
    from resume_nlp.resources import table

    rows = table(dates.LEXICON)
    kinds = {row[2].split(":")[0] for row in rows}
    assert {"month", "present", "expected", "season", "connector", "era"} <= kinds
    assert all(len(row) == 3 and row[0] in ("en", "zh") for row in rows)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_dates_seed_resumes_no_numbers_taken_for_dates(path):
    from resume_nlp.normalize import normalize

    text = normalize(path.read_text(encoding="utf-8")).text
    for r in find_dates(text):
        span = text[r.start:r.end]
        assert "/4" not in span and "%" not in span and "+" not in span, span
        assert r.date_from is not None and month_index(r.date_from) is not None


def test_dates_seed_resume_ranges():
    from resume_nlp.normalize import normalize

    seed = next(p for p in SEEDS if p.stem.startswith("004_"))
    text = normalize(seed.read_text(encoding="utf-8")).text
    ranges = [(r.date_from, r.date_to) for r in find_dates(text) if not r.single]
    assert ranges == [
        ("2017-08", "2020-07"), ("2013-08", "2017-07"), ("2014", "2017"), ("2019-05", "present"),
        ("2018-05", "2019-04"),
        ("2017-08", "2020-07"), ("2013-08", "2017-07"), ("2014", "2017"), ("2019-05", "present"),
        ("2018-03", "2019-04"),
    ]


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("01/09/2014 – 30/06/2018", ("2014-09-01", "2018-06-30")),   # day first: the 30 shows it
    ("31/07/2019 - 03/09/2020", ("2019-07-31", "2020-09-03")),
    ("03/15/2019 - 04/20/2020", ("2019-03-15", "2020-04-20")),   # month first: the 15 shows it
])
# fmt: on
def test_dates_ambiguous_numeric_end_follows_the_other_end(text, expected):
    (found,) = dates.find_dates(text)
    assert (found.date_from, found.date_to) == expected
