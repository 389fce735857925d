"""Basics extractor: names, key-value personal fields, location, headline, job intention."""

from __future__ import annotations

import json

import pytest

from resume_nlp.extract.basics import BasicsExtractor, parse_birth_date, parse_location
from resume_nlp.extract.contact import ContactExtractor
from tests.conftest import GOLD, SEEDS, analyse_text


def _mentions(text: str):
    doc = analyse_text(text)
    return list(ContactExtractor()(doc)) + list(BasicsExtractor()(doc))


def _best(text: str, field: str, lang: str | None = None):
    cands = [m for m in _mentions(text) if m.field == field and (lang is None or m.lang == lang)]
    return max(cands, key=lambda m: m.score).value if cands else None


def _all(text: str, field: str) -> list:
    return [m.value for m in _mentions(text) if m.field == field]


US_HEADER = "JANE Q. DOE\n\nSeattle, WA 98101 | (206) 555-0199 | jane.doe@gmail.com | linkedin.com/in/janedoe\n\nEXPERIENCE\n\nAcme"
ZH_BLOCK = ("个人简历\n\n个人信息\n\n姓名：王小明    性别：男    年龄：28岁\n出生年月：1995.06    民族：汉族\n"
            "政治面貌：中共党员    籍贯：浙江杭州\n现居地：北京    手机：138 0013 8000\n邮箱：wxm@163.com\n\n教育经历\n\n北京大学")
# labels padded to a column's width with ASCII or ideographic spaces
PADDED_BLOCK = ("个人信息\n姓    名：张三\n性　　别：男\n出生年月：1990.05\n民    族：汉族\n籍    贯：湖南长沙\n"
                "手    机：13800138000\n\n教育经历\nX")
FLAT_ROW = "简历\n姓  名：张三    性  别：男    年  龄：28岁\n\n教育经历\nX"  # a table flattened to one line
TRAD_BLOCK = "個人資料\n\n姓名：陳大文\n性別：女\n出生年月：1996年3月\n電話：１３９１２３４５６７８\n現居地：上海\n\n學歷\n\n台灣大學"


# fmt: off
@pytest.mark.parametrize("text, lang, expected", [
    ("Zhexiao Xiong\n\n314-319-2407 | x.zhexiao@wustl.edu\n\nEDUCATION\n\nX", "en", "Zhexiao Xiong"),
    ("Xinalu Wana\n\nMASTER STUDENT | ZHEJIANG UNIVERSITY\n\n+86 13777894581 | xingluwang@zju.edu.cn | \U0001F56F Xinglu Wang\n\nEducation\n\nX", "en", "Xinglu Wang"),
    ("https://www.linkedin.com/in/maria-lopez\n\nEDUCATION\n\nEmail: marial@umich.edu\n\nPUBLICATIONS\n\nMaria Lopez, John Roe. A paper. 2020.", "en", "Maria Lopez"),
    (US_HEADER, "en", "Jane Q. Doe"),
    (ZH_BLOCK, "zh", "王小明"),
    (TRAD_BLOCK, "zh", "陳大文"),
    ("张伟\n\n手机：13912345678 | 邮箱：zw@qq.com\n\n教育经历\n\n清华大学", "zh", "张伟"),
    ("Chaopeng Zhang\n\nEmail: cpz@pku.edu.cn\n\nPROJECTS\n\nA camp\n\n教育经历\n\n项目 张潮鹏, 李夏, 胡杨", "zh", "张潮鹏"),
    ("MASTER STUDENT | ZHEJIANG UNIVERSITY\n\nEDUCATION\n\nX", "en", None),
    ("Jane Doe | jane@x.com | +1 206-555-0199\n\nEXPERIENCE\n\nX", "en", "Jane Doe"),
    ("王小明 | 138-0013-8000 | wxm@163.com\n\n教育经历\n\n北京大学", "zh", "王小明"),
    ("Software Engineer at Google\n\nEXPERIENCE\n\nX", "en", None),
    ("基本資料\n姓　　名：林佳蓉\n英文姓名：Chia-Jung Lin\n\n學歷\nX", "en", "Chia-Jung Lin"),
])
# fmt: on
def test_basics_name(text, lang, expected):
    assert _best(text, "basics.name", lang) == expected


# fmt: off
@pytest.mark.parametrize("text, field, expected", [
    (ZH_BLOCK, "basics.gender", "male"),
    (ZH_BLOCK, "basics.birth_date", "1995-06"),
    (ZH_BLOCK, "basics.ethnicity", "汉族"),
    (ZH_BLOCK, "basics.political_status", "中共党员"),
    (TRAD_BLOCK, "basics.gender", "female"),
    (TRAD_BLOCK, "basics.birth_date", "1996-03"),
    ("Jane Doe\nGender: Female | Date of Birth: June 1994 | Nationality: Chinese\n\nEDUCATION\n\nX", "basics.gender", "female"),
    ("Jane Doe\nGender: Female | Date of Birth: June 1994 | Nationality: Chinese\n\nEDUCATION\n\nX", "basics.birth_date", "1994-06"),
    ("Jane Doe\nGender: Female | Date of Birth: June 1994 | Nationality: Chinese\n\nEDUCATION\n\nX", "basics.nationality", "Chinese"),
    ("姓名：李雷\n国籍：中国\n\n教育经历\n\nX", "basics.nationality", "中国"),
    # a table flattened to text: labels and values alternate in tab-separated cells
    ("简历\n姓名\t李娜\t性别\t女\t出生年月\t1998年3月\n\n教育经历\nX", "basics.gender", "female"),
    ("简历\n姓名\t李娜\t性别\t女\t出生年月\t1998年3月\n\n教育经历\nX", "basics.birth_date", "1998-03"),
    ("简历\n姓名\t李娜\t性别\t女\t出生年月\t1998年3月\n\n教育经历\nX", "basics.name", "李娜"),
    (PADDED_BLOCK, "basics.name", "张三"),
    (PADDED_BLOCK, "basics.gender", "male"),
    (PADDED_BLOCK, "basics.birth_date", "1990-05"),
    (PADDED_BLOCK, "basics.ethnicity", "汉族"),
    ("个人信息\n姓    名：张三\n性    别：男\n出生年月：1990.05\n", "basics.gender", "male"),
    (FLAT_ROW, "basics.name", "张三"),  # not "张三    性"
    (FLAT_ROW, "basics.gender", "male"),
    ("基本資料\n姓　　名：林佳蓉\n英文姓名：Chia-Jung Lin\n出生日期：民國82年4月17日\n\n學歷\nX", "basics.birth_date", "1993-04-17"),
])
# fmt: on
def test_basics_key_values(text, field, expected):
    assert _best(text, field) == expected


def test_basics_table_cell_without_colon_needs_a_known_place():
    text = "个人简历\n姓名      赵雅琪      性别    女\n现住址    望京西园三区\n\n教育经历\nX"
    assert _all(text, "basics.location") == []


def test_basics_age_is_not_a_birth_date():
    assert _all("姓名：王小明    性别：男    年龄：28岁\n\n教育经历\n\nX", "basics.birth_date") == []


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("1995.06", "1995-06"), ("1995年6月", "1995-06"), ("1995-6-18", "1995-06-18"), ("06/1995", "1995-06"),
    ("June 1995", "1995-06"), ("1995", "1995"), ("28岁", None),
    ("民國82年4月17日", "1993-04-17"), ("民国84年6月", "1995-06"), ("82年4月", None),
    ("14/08/2001", "2001-08-14"), ("08/14/2001", "2001-08-14"), ("05.06.1990", "1990-06-05"),
])
# fmt: on
def test_basics_parse_birth_date(text, expected):
    assert parse_birth_date(text) == expected


def test_basics_birth_date_month_first_in_us_resume():
    assert parse_birth_date("05/06/1990", day_first=False) == "1990-05-06"
    assert _best("Jane Doe\nAustin, TX 78701\nDate of Birth: 05/06/1990\n\nEDUCATION\n\nX", "basics.birth_date") == "1990-05-06"
    assert _best("Jane Doe\nBristol BS6 5JP\nDate of Birth: 05/06/1990\n\nEDUCATION\n\nX", "basics.birth_date") == "1990-06-05"


# fmt: off
@pytest.mark.parametrize("text", [
    "RESUME\n\nANANYA KRISHNAMURTHY\nChennai, Tamil Nadu\n\nPERSONAL DETAILS\nFather's Name : R. Krishnamurthy\nGender : Female",
    "RESUME\n\nANANYA KRISHNAMURTHY\n\nPERSONAL DETAILS\nMother’s Name: Lakshmi Krishnamurthy",
    "RESUME\n\nANANYA KRISHNAMURTHY\n\nPERSONAL DETAILS\nSpouse's Name: Ravi Kumar",
])
# fmt: on
def test_basics_relatives_name_is_not_the_name(text):
    assert _best(text, "basics.name", "en") == "Ananya Krishnamurthy"


def test_basics_relatives_zh_name_is_not_the_name():
    assert _best("个人信息\n姓名：王小明\n父亲姓名：王大山\n母亲：李秀英\n\n教育经历\nX", "basics.name", "zh") == "王小明"


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Room 6-423, YuQuan Campus, ZheJiang University, HangZhou, China\n\nEDUCATION", ("Hangzhou", "CN", True)),
    (ZH_BLOCK, ("北京", "CN", False)),  # kept in the language of the text
    (TRAD_BLOCK, ("上海", "CN", False)),
    ("Jane Doe\n\n12 Main Street, Boston, MA, USA\n\nEDUCATION\n\nX", ("Boston", "US", True)),
    (PADDED_BLOCK, ("长沙", "CN", False)),  # 籍    贯
    ("李四\n男 | 28岁 | 本科 | 5年工作经验 | 现居北京\n\n工作经历\n\nX", ("北京", "CN", False)),
    ("李四\n男  28岁  本科  现居杭州\n\n工作经历\n\nX", ("杭州", "CN", False)),
    ("李四\n男 / 28岁 / 本科 / 现居住地：上海市浦东新区\n\n工作经历\n\nX", ("上海", "CN", True)),  # a district: an address
    ("李四\n女，30岁，硕士，现居：深圳\n\n工作经历\n\nX", ("深圳", "CN", False)),
    ("陳大文\n地址：臺北市大安區\n\n學歷\n\nX", ("臺北", "TW", True)),
    # a flattened table: label and value cells apart, no colon
    ("个人简历\n姓名      赵雅琪      性别    女\n现住址    北京市朝阳区望京西园三区\n\n教育经历\nX", ("北京", "CN", True)),
    ("李四\n男 | 34岁 | 现居住于上海-浦东新区 | 10年工作经验\n\n工作经历\n\nX", ("上海", "CN", True)),
    # postal codes and state codes written without a comma
    ("Jane Doe\n14 Marlborough Road, Bristol BS6 5JP\nMobile: 07700 900461\n\nEXPERIENCE\n\nX", ("Bristol", "GB", True)),
    ("Jane Doe\nNewcastle NSW 2300\nM: 0412 345 678\n\nEXPERIENCE\n\nX", ("Newcastle", "AU", False)),
    ("Jane Doe\nToronto, ON M5V 2T6 • 416-555-0172 • jane@x.ca\n\nEXPERIENCE\n\nX", ("Toronto", "CA", False)),
    ("Jane Doe\nAustin, TX 78701  ·  (512) 555-0133  ·  jane@x.com\n\nEXPERIENCE\n\nX", ("Austin", "US", False)),
    ("Jane Doe\nPlot 17, 2nd Main Road, Velachery, Chennai – 600042, Tamil Nadu\n\nEXPERIENCE\n\nX", ("Chennai", "IN", True)),
    ("Jane Doe\n1420 Oak Hill Drive, Alexandria, VA 22302\n\nEXPERIENCE\n\nX", ("Alexandria", "US", True)),  # a town the gazetteer lacks
])
# fmt: on
def test_basics_location(text, expected):
    loc = _best(text, "basics.location")
    assert (loc["city"], loc["country"], loc["address"] is not None) == expected


def test_basics_parse_location_country_code():
    assert parse_location("Ann Arbor, MI, United States")["country"] == "US"


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ('Jane Doe\n\n"I am looking for a PhD position in robotics."\n\nEDUCATION\n\nX', "I am looking for a PhD position in robotics."),
    ("Jane Doe\n\nObjective: Seeking a backend engineering internship.\n\nEDUCATION\n\nX", "Seeking a backend engineering internship."),
    ("Jane Doe\n\nEDUCATION\n\nX", None),
])
# fmt: on
def test_basics_headline(text, expected):
    assert _best(text, "basics.headline") == expected


# fmt: off
@pytest.mark.parametrize("text, field, expected", [
    ("求职意向\n\n期望职位：算法工程师、数据分析师\n期望城市：北京/上海\n期望薪资：20k-30k", "job_intention.positions", ["算法工程师", "数据分析师"]),
    ("求职意向\n\n期望职位：算法工程师、数据分析师\n期望城市：北京/上海\n期望薪资：20k-30k", "job_intention.locations", ["北京", "上海"]),
    ("求职意向\n\n期望职位：算法工程师、数据分析师\n期望城市：北京/上海\n期望薪资：20k-30k", "job_intention.salary", ["20k-30k"]),
])
# fmt: on
def test_basics_job_intention(text, field, expected):
    assert _all(text, field) == expected


JOB_LINE = "王五\n13800138000\n求职意向：Java开发工程师 | 北京 | 15-20K\n\n工作经历\n\nX"
OBJECTIVE_LINE = "Jane Doe\njane@example.com\nObjective: Data Scientist | Seattle, WA | $150k\n\nExperience\n\nX"


# fmt: off
@pytest.mark.parametrize("text, field, expected", [
    (JOB_LINE, "job_intention.positions", ["Java开发工程师"]),
    (JOB_LINE, "job_intention.locations", ["北京"]),
    (JOB_LINE, "job_intention.salary", ["15-20K"]),
    (JOB_LINE, "basics.location", []),  # where the candidate wants to work, not where they live
    ("王五\n求职意向：Java开发工程师，北京，15-20K\n\n工作经历\n\nX", "job_intention.locations", ["北京"]),
    ("王五\n求职意向：Java开发工程师    到岗时间：一个月内\n\n工作经历\n\nX", "job_intention.positions", ["Java开发工程师"]),
    ("王五\n期望岗位：产品经理\n期望月薪：面议\n\n工作经历\n\nX", "job_intention.salary", ["面议"]),
    (OBJECTIVE_LINE, "job_intention.positions", ["Data Scientist"]),
    (OBJECTIVE_LINE, "job_intention.locations", ["Seattle, WA"]),
    (OBJECTIVE_LINE, "job_intention.salary", ["$150k"]),
    (OBJECTIVE_LINE, "basics.location", []),
    (OBJECTIVE_LINE, "basics.headline", []),
    ("Jane Doe\nDesired position: Data Scientist\nPreferred location: Seattle, WA\nExpected salary: $150k\n\nExperience\n\nX",
     "job_intention.locations", ["Seattle, WA"]),
    # a job's own place is not a job intention
    ("张三\n手机：13812345678\n\n工作经历\n2019.01-2020.06 阿里巴巴 算法工程师\n工作地点：杭州\n", "job_intention.locations", []),
])
# fmt: on
def test_basics_job_intention_lines(text, field, expected):
    assert _all(text, field) == expected


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_basics_seed_names_match_gold(path):
    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))["basics"]["name"] or {}
    text = path.read_text(encoding="utf-8")
    assert {lang: _best(text, "basics.name", lang) for lang in ("en", "zh")} == {
        "en": gold.get("en"), "zh": gold.get("zh")}


# fmt: off
@pytest.mark.parametrize("text, lang, expected", [
    ("Curriculum Vitae\n\nDr. Priya Natarajan\nAssistant Professor\npriya@umich.edu\n\nEducation\n\nX", "en", "Priya Natarajan"),
    ("MARIA  KOWALSKI\nData Scientist\nmaria.kowalski@example.com\n\nExperience\n\nX", "en", "Maria Kowalski"),
    ("[PHOTO]\nSMITH, John\nPhone: +44 20 7946 0123\n\nEducation\n\nX", "en", "John Smith"),
    ("Robert J. Smith Jr.\nLondon, UK | robert@example.com\n\nEducation\n\nX", "en", "Robert J. Smith Jr."),
    ("Résumé\n\nProf. Daniel Lefebvre, PhD\nMontréal, QC, Canada\n\nEducation\n\nX", "en", "Daniel Lefebvre"),
    ("CURRICULUM VITAE\nNguyen Van An, Ph.D.\nSan Francisco Bay Area\nan@example.com\n\nEducation\n\nX", "en", "Nguyen Van An"),
    ("María José García-López\nMadrid, Spain • mj@example.es\n\nEducation\n\nX", "en", "María José García-López"),
    ("Resume\n\nName: Sean O'Connor\nEmail: sean@example.com\n\nEducation\n\nX", "en", "Sean O'Connor"),
    ("Ms. Aisha Rahman\nDubai, United Arab Emirates\n\nEducation\n\nX", "en", "Aisha Rahman"),
    ("Google Scholar: scholar.google.com/citations?user=X1\nJohn Doe\n\nEducation\n\nX", "en", "John Doe"),
    ("个人简历\n张  三  丰\n男 | 1995.06 | 中共党员\n\n教育背景\n\nX", "zh", "张三丰"),
    ("简历\n\n基本信息\n姓名：欧阳娜娜    性别：女    年龄：28\n\n教育背景\n\nX", "zh", "欧阳娜娜"),
    ("李华 (Hua Li)\n手机：13812345678\n\n教育背景\n\nX", "en", "Hua Li"),
    ("Wei Zhang 张伟\nwzhang@example.edu\n\nEducation\n\nX", "zh", "张伟"),
])
# fmt: on
def test_basics_name_variants(text, lang, expected):
    assert _best(text, "basics.name", lang) == expected


def test_basics_romanized_name_found_from_chinese_name():
    text = ("单晓峰\n手机：139-1111-2222\n\n教育背景\n2012.09-2016.06 哈尔滨工业大学 本科\n\n"
            "Xiaofeng Shan\nMobile: +86 139-1111-2222 | Email: x@example.com\n\nEducation\nHIT, B.Eng., 2012 - 2016")
    assert _best(text, "basics.name", "en") == "Xiaofeng Shan"
    assert _best(text, "basics.name", "zh") == "单晓峰"


# fmt: off
@pytest.mark.parametrize("text, field, expected", [
    ("张三丰\n男 | 1995.06 | 中共党员\n\n教育背景\n\nX", "basics.gender", "male"),
    ("张三丰\n男 | 1995.06 | 中共党员\n\n教育背景\n\nX", "basics.birth_date", "1995-06"),
    ("张三丰\n男 | 1995.06 | 中共党员\n\n教育背景\n\nX", "basics.political_status", "中共党员"),
    ("李丽\n女  28岁  汉族  1996年5月生\n\n教育背景\n\nX", "basics.ethnicity", "汉族"),
    ("李丽\n女  28岁  汉族  1996年5月生\n\n教育背景\n\nX", "basics.birth_date", "1996-05"),
    ("李丽\n性别：女    出生年月：1995年6月\n\n教育背景\n\nX", "basics.birth_date", "1995-06"),
    ("李丽\n出生日期：1995/6\n\n教育背景\n\nX", "basics.birth_date", "1995-06"),
    ("陳美玲\n性別：女\n出生日期：1995/6\n\n學歷\n\nX", "basics.gender", "female"),
    ("Aisha Rahman\nGender: Female | Date of Birth: 12 March 1994\n\nEducation\n\nX", "basics.birth_date", "1994-03-12"),
    # 51job / Boss one-liners under the name
    ("李四\n男 | 28岁 | 本科 | 5年工作经验 | 现居北京\n\n工作经历\n\nX", "basics.gender", "male"),
    ("李四\n女，30岁，硕士，现居：深圳\n\n工作经历\n\nX", "basics.gender", "female"),
    ("孙建国\n销售经理 | 8年工作经验 | 男 | 35岁（1988年4月3日）\n\n工作经历\n\nX", "basics.birth_date", "1988-04-03"),
    ("孙建国\n男|35岁(1988/4/3)|现居住地：广州\n\n工作经历\n\nX", "basics.birth_date", "1988-04-03"),
])
# fmt: on
def test_basics_attribute_values(text, field, expected):
    assert _best(text, field) == expected


def test_basics_age_is_not_birth_date():
    assert _best("欧阳娜娜\n性别：女    年龄：28\n\n教育背景\n\nX", "basics.birth_date") is None
    assert _best("李丽\n女 | 28岁\n\n教育背景\n\nX", "basics.birth_date") is None


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("Robert Smith\nSenior Software Engineer\nLondon, UK | robert@example.com\n\nEducation\n\nX", "Senior Software Engineer"),
    ("Wei Zhang\nPh.D. Student in Computer Vision\nwzhang@example.edu\n\nEducation\n\nX", "Ph.D. Student in Computer Vision"),
    ("Wei Zhang\nToronto, Ontario, Canada\nwzhang@example.edu\n\nEducation\n\nX", None),
])
# fmt: on
def test_basics_role_headline(text, expected):
    assert _best(text, "basics.headline") == expected


# fmt: off
@pytest.mark.parametrize("text, city", [
    ("Jane Doe\nSeattle, WA | (206) 555-0148 | jane@example.com\n\nEducation\n\nX", "Seattle"),
    ("Jane Doe\nSan Francisco Bay Area\njane@example.com\n\nEducation\n\nX", "San Francisco"),
])
# fmt: on
def test_basics_header_place_cell(text, city):
    loc = _best(text, "basics.location")
    assert loc is not None and loc["city"] == city


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("邮箱：cpz@pku.edu.cn\n\n项目经历\n冬令营项目 团队成员：张潮鹏, 李夏, 胡杨", "张潮鹏"),
    ("邮箱：lixia2020@example.com\n\n项目经历\n团队成员：张潮鹏, 李夏, 胡杨", "李夏"),
])
# fmt: on
def test_basics_chinese_name_spelled_by_the_email(text, expected):
    assert _best(text, "basics.name") == expected


def test_basics_no_chinese_name_without_evidence():
    assert _best("邮箱：qq12345@example.com\n\n项目经历\n团队成员：张潮鹏, 李夏, 胡杨", "basics.name") is None


# fmt: off
@pytest.mark.parametrize("text, expected", [
    ("高勇：男，中国国籍，无境外居留权，1966年出生，汉族，中共党员，本科学历，现任某公司董事长。", "高勇"),
    ("性别：男\n姓名：王小明", "王小明"),
])
# fmt: on
def test_basics_chinese_bio_line_names_its_subject(text, expected):
    assert _best(text, "basics.name") == expected
