from __future__ import annotations

import pytest

from resume_nlp.extract.skills import SkillParser, is_skill_line
from tests.conftest import analyse_text


def _skills(text: str) -> list[tuple[str, str | None]]:
    doc = analyse_text(text)
    parser = SkillParser()
    out = []
    for section in doc.sections:
        if section.kind in parser.kinds:
            for d in parser(doc.view(section)):
                assert doc.text[d.fields["name"][0].start:d.fields["name"][0].end]
                out.append((d.get("name"), d.get("level")))
    return out


# fmt: off
CASES = [
    ("Jane Doe\n\nSKILLS\n\nLanguages: Python (Expert), Go, C/C++\nTools: Docker, Kubernetes, Git",
     [("Python", "Expert"), ("Go", None), ("C", None), ("C++", None), ("Docker", None), ("Kubernetes", None), ("Git", None)]),
    ("Technical Skills\n• Web: HTML + CSS, JavaScript; React and Node.js\n• Data: pandas, NumPy",
     [("HTML", None), ("CSS", None), ("JavaScript", None), ("React", None), ("Node.js", None), ("pandas", None), ("NumPy", None)]),
    ("专业技能\n• 精通 Python、C + +\n• 熟悉 Linux 系统 / Tensorflow 2 框架",
     [("Python", "精通"), ("C++", "精通"), ("Linux", "熟悉"), ("TensorFlow", "熟悉")]),
    ("專業技能\n・技能：Git，Pytorch，MATLAB",
     [("Git", None), ("PyTorch", None), ("MATLAB", None)]),
    ("Skills\nProficient: SQL, Excel\nFamiliar with Tableau",
     [("SQL", "Proficient"), ("Excel", "Proficient"), ("Tableau", "Familiar")]),
    # one bulleted item per line; lower-case items after a separator; a known product's edition
    ("KEY SKILLS\n• Budgeting, forecasting and variance analysis\n• Stakeholder management\n"
     "• Primavera P6 | AutoCAD Civil 3D",
     [("Budgeting", None), ("forecasting", None), ("variance analysis", None), ("Stakeholder management", None),
      ("Primavera P6", None), ("AutoCAD Civil 3D", None)]),
    # a written-out name is kept over its acronym; a parenthesised list of mostly known names
    ("Skills\nCloud: AWS (EC2, EKS, Lambda), Google Cloud Platform",
     [("AWS", None), ("EC2", None), ("EKS", None), ("Lambda", None), ("Google Cloud Platform", None)]),
    # an unbulleted lone name in a skills section is no skill (a bilingual resume's next header)
    ("Skills\nPython, Go\nXiaofeng Shan", [("Python", None), ("Go", None)]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", CASES)
def test_skills_lists(text, expected):
    assert _skills(text) == expected


def test_skills_natural_languages_left_out():
    assert _skills("Skills\nProgramming: Python, Java\nLanguages: English, Chinese") == [("Python", None), ("Java", None)]


def test_skills_prose_is_not_a_skill():
    assert _skills("Skills\nI enjoy working with people from many backgrounds") == []


def test_skills_trailing_lines_outside_skills_section():
    text = ("Experience\nAcme Corp 2019 - 2020\n• Built dashboards for sales teams.\n"
            "Programming Python, C++, LTEX, MATLAB, bash\nFramework Pytorch, Tensorflow, Caffe")
    names = [n for n, _ in _skills(text)]
    assert names == ["Python", "C++", "LaTeX", "MATLAB", "bash", "PyTorch", "TensorFlow", "Caffe"]


# fmt: off
@pytest.mark.parametrize("line,expected", [
    ("• 技能: Git,Pytorch,Tensorflow,Caffe", True),
    ("Coding Language: PYTHON > C + + > C > JAVA", True),
    # courses taken are the degree's, not skills
    ("主修课程：数据结构与算法(94)、操作系统(91)、计算机网络(89)、软件测试技术(96)、数据库原理(90)", False),
    ("Relevant Coursework: Data Structures, Algorithms, Operating Systems", False),
    ("• Used Python and C++ to build a crawler for news sites.", False),
    ("Canmiao Fu, Qiong Cao, Wenjie Pei, Chaopeng Zhang", False),
])
# fmt: on
def test_skills_is_skill_line(line, expected):
    assert is_skill_line(line) is expected


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Skills\nSystems: PostgreSQL, Apache Spark, DuckDB", [("PostgreSQL", None), ("Apache Spark", None), ("DuckDB", None)]),
    ("专业技能\n5. 了解Hadoop、Spark等大数据技术。", [("Hadoop", "了解"), ("Spark", "了解")]),
    ("专业技能\n熟悉JVM原理及多线程编程", [("JVM", "熟悉"), ("多线程编程", "熟悉")]),
    # a sentence gives only known names and Latin tech words, never its Chinese pieces or an
    # English name the resume does not write ("优化" is not "Optimization")
    ("专业技能\n１．熟练掌握ＪＡＶＡ基础，熟悉ＪＶＭ内存模型、垃圾回收机制与调优；",
     [("Java", "熟练掌握"), ("JVM", "熟悉")]),
    ("专业技能\n３．熟悉ＭｙＳＱＬ索引优化与分库分表，熟悉Ｒｅｄｉｓ缓存设计；", [("MySQL", "熟悉"), ("Redis", "熟悉")]),
    ("专业技能\n熟悉RocketMQ、Kafka消息队列的使用与原理；", [("RocketMQ", "熟悉"), ("Kafka", "熟悉")]),
    # an unpunctuated list of Chinese skill names stays a list
    ("專長\n行銷企劃、品牌管理、社群經營", [("行銷企劃", None), ("品牌管理", None), ("社群經營", None)]),
    # "Axure：精通 | 使用时长 8年": the label is the skill, the rest its level and time used
    ("专业技能\nAxure：精通 | 使用时长 8年\nSQL：熟练 | 使用时长 5年", [("Axure", "精通"), ("SQL", "熟练")]),
    ("专业技能\n熟练掌握Spring Boot、MyBatis等主流框架", [("Spring Boot", "熟练掌握"), ("MyBatis", "熟练掌握")]),
    ("专业技能\n证书及语言", []),
    ("Skills\nProficient: C++, Rust\nFamiliar: Java", [("C++", "Proficient"), ("Rust", "Proficient"), ("Java", "Familiar")]),
    ("Skills\nMethods: Eye Tracking, Structural Equation Modeling, Bayesian Statistics",
     [("Eye Tracking", None), ("Structural Equation Modeling", None), ("Bayesian Statistics", None)]),
])
# fmt: on
def test_skills_written_forms_and_zh_sentences(text, expected):
    assert _skills(text) == expected


# fmt: off
@pytest.mark.parametrize("text,expected", [
    ("Skills\nMicrosoft Office (Word, Excel, PowerPoint), SAP MM, Python (basic)",
     ["Microsoft Office", "Word", "Excel", "PowerPoint", "SAP MM", "Python"]),
    ("Technical Skills\nCategory\tSkills\nCloud & DevOps\tAWS (EC2, S3, Lambda), Docker", ["AWS", "EC2", "S3", "Lambda", "Docker"]),
    ("Skills\nPatient assessment · IV therapy · Epic EHR", ["Patient assessment", "IV therapy", "Epic EHR"]),
    ("专业技能\nJava　熟练度：精通\nRedis　熟练度：熟悉", ["Java", "Redis"]),
    ("Skills\nGo (5 years), C++ (3 years)", ["Go", "C++"]),
])
# fmt: on
def test_skills_parenthesised_lists_tabs_and_levels(text, expected):
    assert [name for name, _ in _skills(text)] == expected
