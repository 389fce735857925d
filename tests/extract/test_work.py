"""Experience parser: work and project entries, English and Chinese."""

from __future__ import annotations

import pytest

from resume_nlp.extract.work import ExperienceParser
from tests.conftest import analyse_text

PARSER = ExperienceParser()


def _drafts(text: str):
    doc = analyse_text(text)
    out = []
    for section in doc.sections:
        if section.kind in PARSER.kinds:
            out.extend(PARSER(doc.view(section)))
    return doc, out


def _values(draft, name):
    return [m.value for m in draft.fields.get(name, [])]


# fmt: off
LAYOUTS = [
    # (text, kind, organization variants, position/name variants, start, end)
    ("Experience\nSoftware Engineer, Google — Mountain View, CA    Jun 2019 – Present\n• Built the thing.\n",
     "work", ["Google"], ["Software Engineer"], "2019-06", "present"),
    ("Experience\nAcme Corp | Data Analyst | 2018–2019\n• Analysed sales data with SQL.\n",
     "work", ["Acme Corp"], ["Data Analyst"], "2018", "2019"),
    ("工作经历\n2018.07-至今  北京字节跳动科技有限公司  算法工程师\n工作内容：负责推荐算法的研发与优化。\n",
     "work", ["北京字节跳动科技有限公司"], ["算法工程师"], "2018-07", "present"),
    ("工作经历\n公司名称：腾讯 职位：后台开发 时间：2019.07-2021.06\n工作内容：负责微信支付后台。\n",
     "work", ["腾讯"], ["后台开发"], "2019-07", "2021-06"),
    ("工作經歷\n2019.07-2021.06 台積電 軟體工程師\n負責晶圓廠自動化系統開發。\n",
     "work", ["台積電"], ["軟體工程師"], "2019-07", "2021-06"),
    ("工作经历\n2019.07-2021.06 腾讯 Tencent 后台开发工程师 Backend Engineer\n• 负责消息系统开发。\n",
     "work", ["腾讯", "Tencent"], ["后台开发工程师", "Backend Engineer"], "2019-07", "2021-06"),
    ("# Experience\n\n### **Harmonized Multi-exit Learning**\n\nDATA SCIENCE & ENGINEERING RESEARCH CENTER, ZJU\n\n"
     "Dec 2019-Sep 2020\n\nMaster Thesis\n\n- Multi-exit learning is studied here in depth.\n",
     "projects", ["Data Science & Engineering Research Center, ZJU"], ["Harmonized Multi-exit Learning"], "2019-12", "2020-09"),
    # trade and hyphenated job titles are positions, so the entry is a job
    ("WORK HISTORY\nLeading Hand Electrician      Feb 2019 – Current\nBHP Mt Arthur Coal, Muswellbrook NSW\n– Led a crew.\n",
     "work", ["BHP Mt Arthur Coal, Muswellbrook NSW"], ["Leading Hand Electrician"], "2019-02", "present"),
    ("EXPERIENCE\nEngineer-in-Training (Co-op) — City of Waterloo — Waterloo, ON — Jan 2014 to Aug 2014\n▪ Inspected works.\n",
     "work", ["City of Waterloo"], ["Engineer-in-Training (Co-op)"], "2014-01", "2014-08"),
    # list numbering is no part of a project's name
    ("ACADEMIC PROJECTS\n1. Smart Attendance System (Jan 2023 – Apr 2023)\n   Built it with OpenCV.\n",
     "projects", [], ["Smart Attendance System"], "2023-01", "2023-04"),
]
# fmt: on


@pytest.mark.parametrize("text,kind,orgs,titles,start,end", LAYOUTS)
def test_work_layouts(text, kind, orgs, titles, start, end):
    _, drafts = _drafts(text)
    entries = [d for d in drafts if d.kind in ("work", "projects")]
    assert len(entries) == 1
    d = entries[0]
    assert d.kind == kind
    assert _values(d, "organization") == orgs
    assert _values(d, "position" if kind == "work" else "name") == titles
    assert d.get("start") == start and d.get("end") == end


# fmt: off
TYPES = [
    ("Experience\nTencent\nSoftware Engineer Intern, Jizhi Team\nMay. 2020 - Sep. 2020\n• Did things.\n", "internship"),
    ("Experience\n**Teacher Assistant** March 2018-May 2018\nOPTIMIZATION FOR MACHINE LEARNING COURSE, ZJU\n• Taught.\n",
     "teaching"),
    ("Research Experience\n### Graduate Research Assistant\n*Washington University in St. Louis*\nAugust. 2022 – Present\n",
     "research"),
    ("实习经历\n2019.07-2019.09 腾讯 视觉研究实习生\n• 负责人脸识别。\n", "internship"),
]
# fmt: on


@pytest.mark.parametrize("text,wtype", TYPES)
def test_work_type(text, wtype):
    _, drafts = _drafts(text)
    assert [d.get("type") for d in drafts if d.kind == "work"] == [wtype]


# fmt: off
SUPERVISORS = [
    ("Research Experience\n### Graduate Research Assistant\n*Washington University in St. Louis*\n"
     "August. 2022 – Present\n*Advisor: Prof. Nathan Jacobs*\n- Research on NeRF.\n", "Nathan Jacobs"),
    ("Experience\n• Tencent Youtu X-Lab Face Recognition\nShenzhen, China\n"
     "Research Intern Leader: Qiong Cao, ex member of VGG group, qiong@robots.ox.ac.uk\nMay 2018 - April 2019\n"
     "• Beauty Estimation Preprocess the data.\n", "Qiong Cao"),
    ("实习经历\n• 腾讯 优图实验室 人脸识别\n深圳,中国\n视觉研究实习生 导师:曹琼 牛津大学 VGG 组博士后\n"
     "Mar 2018 - April 2019\n• 颜值打分 分析数据。\n", "曹琼"),
    ("实习经历\n机器学习软件工程实习生 导师: 王铁震 wangtz@google.com\nMay 2019 - Present\n• 通道剪枝。\n", "王铁震"),
    ("Experience\nSoftware Engineering Intern Host: wangtz@google.com May 2019 - Present\n• Pruning.\n", None),
    ("Work Experience\nUniversity of Michigan\nUndergraduate Researcher, NLP Group\nSep. 2019 - Present\n"
     "• Tweet-GIF: working under the supervision of Professor David Jurgens on models.\n", "David Jurgens"),
    ("工作经历\n2018.07-至今  北京字节跳动科技有限公司  算法工程师\n工作内容：负责推荐。\n汇报对象：张伟\n", "张伟"),
]
# fmt: on


@pytest.mark.parametrize("text,name", SUPERVISORS)
def test_work_supervisor(text, name):
    doc, drafts = _drafts(text)
    work = [d for d in drafts if d.kind == "work"]
    assert len(work) == 1
    assert work[0].get("supervisor") == name
    for m in work[0].fields.get("supervisor", []):
        assert doc.text[m.start:m.end] == m.value


def test_work_organization_location_and_caps():
    _, drafts = _drafts("Experience\n#### **Large-scale Face Recognition**\nOct 2018 - Oct 2019\n"
                        "HUAWEI TECHNOLOGIES CO., LTD, HANGZHOU\nAlgorithm Engineer Intern\n- Worked on faces.\n")
    (d,) = drafts
    assert d.kind == "work"
    assert d.get("organization") == "Huawei Technologies Co., Ltd"
    assert d.get("location") == {"city": "Hangzhou", "country": "CN"}
    assert d.get("position") == "Algorithm Engineer Intern"
    assert "team" not in d.fields  # the topic title is not a team


def test_work_camp_project_single_date_and_url():
    _, drafts = _drafts("Experience\n• Google AI/ML Winter Camp 2019 I Love Fashion Beijing, China\nBeijing, China\n"
                        "https://github.com/BurnMyTPU/Google-AI-Winter-Camp Chaopeng Zhang, Xia Li, Yang Hu Jan. 2019\n"
                        "• Data Insight Analyze the dataset.\n")
    (d,) = drafts
    assert d.kind == "projects"
    assert d.get("name") == "I Love Fashion"
    assert d.get("organization") == "Google AI/ML Winter Camp 2019"
    assert d.get("url") == "https://github.com/BurnMyTPU/Google-AI-Winter-Camp"
    assert (d.get("start"), d.get("end")) == ("2019-01", "2019-01")


def test_work_zh_research_titles():
    text = ("## 研究经历\n\n目前主要领域在计算机视觉和深度学习:\n\n"
            "- 基于学习率变化的深度学习优化算法的研究(毕业论文)(Paper Name: k-Decay :A New Method For Learning Rate Schedule) [附录 I]\n\n"
            "这项研究提出了一种对任意可导的衰减函数都适用学习率衰减方法, 通过该方法我们可以对原衰减函数的衰减变化率进行了更为精细的调控并导出新的衰减函数。\n\n"
            "- 参数共享网络 (Weight Net: A New Share Method To Compression Model) [附录 II]\n\n"
            "这项研究提出了一种模型压缩的新方法, 其中的 Weight Block 结构不仅可以大幅度缩减原始模型的参数量还能保持模型性能不变。\n")
    doc, drafts = _drafts(text)
    assert [d.kind for d in drafts] == ["projects", "projects"]
    first = drafts[0]
    assert {m.lang: m.value for m in first.fields["name"]} == {
        "zh": "基于学习率变化的深度学习优化算法的研究", "en": "k-Decay: A New Method For Learning Rate Schedule"}
    assert first.get("role") == "毕业论文"
    assert len(first.lists["highlights"]) == 1
    assert any(doc.text[m.start:m.end] == "[附录 I]" for m in first.consumed)


def test_work_bullet_heads_and_highlights():
    text = ("WORK EXPERIENCE\n• Tencent\nShenzhen, China\n"
            "Software Engineer Intern (Deep Learning), Jizhi HPC Team, Technology Engineering Group (TEG)\n"
            "May. 2020 - Sep. 2020\n"
            "- Honor Star Employee of June in Exploration: (1 out of 20) Awarded by Jizhi team for outstanding work.\n"
            "- Trained ResNet50 on ImageNet in record-breaking 2 minutes.\n"
            "- University of Michigan, School of Information\nAnn Arbor, MI\n"
            "Undergraduate Researcher, Blablablab NLP Group\nSep. 2019 - Present\n- Multi-modal work on GIFs.\n")
    _, drafts = _drafts(text)
    work = [d for d in drafts if d.kind == "work"]
    awards = [d for d in drafts if d.kind == "awards"]
    assert [d.get("organization") for d in work] == ["Tencent", "University of Michigan, School of Information"]
    assert work[0].get("team") == "Jizhi HPC Team, Technology Engineering Group (TEG)"
    assert work[0].get("position") == "Software Engineer Intern (Deep Learning)"
    assert len(work[0].lists["highlights"]) == 2
    assert work[1].get("team") == "Blablablab NLP Group"
    assert [(a.get("title"), a.get("issuer")) for a in awards] == [("Honor Star Employee of June in Exploration", "Jizhi team")]


def test_work_spans_match_text():
    text = ("工作经历\n2019.07-2021.06 腾讯 Tencent 后台开发工程师 Backend Engineer\n• 负责消息系统开发。\n"
            "Experience\nSoftware Engineer, Google — Mountain View, CA    Jun 2019 – Present\n• Built  the thing.\n")
    doc, drafts = _drafts(text)
    for d in drafts:
        for name in ("organization", "position"):
            for m in d.fields.get(name, []):
                assert doc.text[m.start:m.end] == m.value
                assert m.lang == ("zh" if any("\u4e00" <= c <= "\u9fff" for c in m.value) else "en")
    highlights = [m.value for d in drafts for item in d.lists.get("highlights", []) for m in item]
    assert "Built the thing." in highlights


def test_work_mainland_labels_kept():
    _, drafts = _drafts("工作经历\n2018.07-至今  北京字节跳动科技有限公司  算法工程师\n工作内容：负责推荐算法。\n"
                        "下属人数：3\n离职原因：个人发展\n2016.07-2018.06  百度  软件工程师\n工作内容：负责搜索。\n")
    assert len(drafts) == 2
    assert [i[0].value for i in drafts[0].lists["highlights"]] == ["负责推荐算法。", "下属人数:3", "离职原因:个人发展"]


# fmt: off
GENERAL_LAYOUTS = [
    # (text, [(organization, position, start, end), ...]) for every work entry, in order
    # one-liners "Position, Team, Organization, dates": a season or a bare year opens the next entry
    ("Academic Appointments\n"
     "Postdoctoral Researcher, Materials Science Division, Lawrence Berkeley National Laboratory, 2018–2021\n"
     "Visiting Scholar, Max Planck Institute for Solid State Research, Stuttgart, Germany, Summer 2016\n",
     [("Lawrence Berkeley National Laboratory", "Postdoctoral Researcher", "2018", "2021"),
      ("Max Planck Institute for Solid State Research", "Visiting Scholar", "2016", "2016")]),
    ("Teaching Experience\nInstructor, CHEM 301 Physical Chemistry, Rice University, Spring 2022\n"
     "Teaching Assistant, Ch 21 Quantum Chemistry, California Institute of Technology, 2014–2015\n",
     [("Rice University", "Instructor", "2022", "2022"),
      ("California Institute of Technology", "Teaching Assistant", "2014", "2015")]),
    # "Organization, Position    dates"
    ("Experience\nMicrosoft Research, Senior Researcher        2021 – Present\n- Designed a learned estimator.\n",
     [("Microsoft Research", "Senior Researcher", "2021", "present")]),
    # LinkedIn export: company alone on its line, then its roles with "· 3 yrs 4 mos"
    ("Experience\nShopify\nSenior Product Manager\nJan 2021 - Present · 3 yrs 4 mos\nToronto, Ontario, Canada\n"
     "Owned the merchant onboarding funnel.\nProduct Manager\nApr 2019 - Dec 2020 · 1 yr 9 mos\n"
     "Ottawa, Ontario, Canada\nLaunched the beta to 5,000 merchants.\n",
     [("Shopify", "Senior Product Manager", "2021-01", "present"),
      ("Shopify", "Product Manager", "2019-04", "2020-12")]),
    # Europass: legal forms (SE, AG), "City (Country)", a title after a dash on the position's line
    ("Work Experience\n10/2018 – 02/2020\nWorking Student – Data Engineering\nSiemens AG, Munich (Germany)\n"
     "Maintained ETL pipelines for sensor data.\n",
     [("Siemens AG", "Working Student – Data Engineering", "2018-10", "2020-02")]),
    # a flattened table with a header row
    ("工作经历\n时间\t公司\t职位\n2020.07-2022.12\t华为技术有限公司\t招聘专员\n2023.01-至今\t腾讯\tHRBP\n",
     [("华为技术有限公司", "招聘专员", "2020-07", "2022-12"), ("腾讯", "HRBP", "2023-01", "present")]),
    # a pay note after the title is no part of it, and the entry stays a job
    ("工作经历\n2019.07-至今 | 上海森果网络科技有限公司 | 高级产品经理 （月薪：35001-50000元）\n工作描述：\n负责收银系统规划。\n",
     [("上海森果网络科技有限公司", "高级产品经理", "2019-07", "present")]),
    ("經歷\n奧美廣告股份有限公司　客戶服務部　業務執行（AE）　104年7月～110年7月\n‧負責品牌傳播計畫。\n",
     [("奧美廣告股份有限公司", "業務執行(AE)", "2015-07", "2021-07")]),
]
# fmt: on


@pytest.mark.parametrize("text, expected", GENERAL_LAYOUTS)
def test_work_general_layouts(text, expected):
    _, drafts = _drafts(text)
    got = [(_values(d, "organization")[:1], _values(d, "position")[:1], d.get("start"), d.get("end"))
           for d in drafts if d.kind == "work"]
    assert got == [([o], [p], s, e) for o, p, s, e in expected]


# fmt: off
LOCATIONS = [
    ("Stuttgart, Germany", {"city": "Stuttgart", "country": "DE"}),
    ("Berlin (Germany)", {"city": "Berlin", "country": "DE"}),
    ("Ottawa, Ontario, Canada", {"city": "Ottawa", "region": "Ontario", "country": "CA"}),
    ("Siemens AG, Munich (Germany)", None),
    ("Software Engineer, Germany", None),
]
# fmt: on


@pytest.mark.parametrize("text, expected", LOCATIONS)
def test_work_place_before_country(text, expected):
    from resume_nlp.extract.work import _parse_location

    loc = _parse_location(text)
    assert (loc and {k: v for k, v in loc.items() if v}) == expected or (loc is None and expected is None)


# fmt: off
LEGAL_FORMS = [("Zalando SE", True), ("Siemens AG, Munich", True), ("Philips N.V.", True), ("The SE team", False),
               ("Data Engineering", False)]
# fmt: on


@pytest.mark.parametrize("text, expected", LEGAL_FORMS)
def test_work_legal_form_makes_organization(text, expected):
    from resume_nlp.extract.work import _is_org

    assert _is_org(text, text) is expected


# --- round 2: job-site exports, federal resumes, functional resumes, gaps ------------------

def test_work_jobsite_meta_lines_and_company_size():
    """51job: company size and stay length are layout; 所属行业 does not close the head."""
    _, drafts = _drafts("工作经验\n2018/3--至今：广州宝洁有限公司（1000-9999人） [ 5年3个月]\n"
                        "所属行业：快速消费品\n华南大区销售部    区域销售经理\n1. 负责广东省KA渠道销售；\n")
    work = [d for d in drafts if d.kind == "work"]
    assert len(work) == 1
    assert _values(work[0], "organization") == ["广州宝洁有限公司"]
    assert _values(work[0], "position") == ["区域销售经理"]
    assert _values(work[0], "start") == ["2018-03"]


def test_work_liepin_company_intro_then_labels():
    _, drafts = _drafts("工作经历\n上海拉扎斯信息科技有限公司\n2020.03 - 至今 （3年2个月）\n"
                        "公司介绍：本地生活服务平台，所属行业：互联网。\n职位名称：高级数据分析师\n所在部门：商业分析部\n"
                        "工作职责：负责商户增长分析。\n")
    assert len(drafts) == 1 and drafts[0].kind == "work"
    assert _values(drafts[0], "position") == ["高级数据分析师"]
    assert _values(drafts[0], "organization") == ["上海拉扎斯信息科技有限公司"]


def test_work_federal_resume_block():
    _, drafts = _drafts("WORK EXPERIENCE\nDefense Logistics Agency\n8725 John J. Kingman Road\n"
                        "Fort Belvoir, VA 22060 United States\n06/2014 - 09/2018\nGrade Level: GS-9\n"
                        "Salary: $67,000 Per Year\nHours per week: 40\nManagement Analyst\n"
                        "Duties, Accomplishments and Related Skills:\nDeveloped inventory cost models.\n"
                        "Supervisor: Robert Alvarez (571-555-0177)\nOkay to contact this Supervisor: No\n")
    assert len(drafts) == 1
    d = drafts[0]
    assert _values(d, "organization") == ["Defense Logistics Agency"]
    assert _values(d, "position") == ["Management Analyst"]
    assert _values(d, "supervisor") == ["Robert Alvarez"]
    assert [i[0].value for i in d.lists["highlights"]] == ["Developed inventory cost models."]


def test_work_dot_leaders_and_group_employer():
    _, drafts = _drafts("EMPLOYMENT HISTORY\nOffice Manager, Brightline Dental Group, Portland, OR ............ 2017 – Present\n"
                        "Customer Service Representative, Fred Meyer, Portland, OR ......... 2010 – 2013\n")
    assert [_values(d, "organization") for d in drafts] == [["Brightline Dental Group"], ["Fred Meyer"]]
    assert [_values(d, "end") for d in drafts] == [["present"], ["2013"]]


def test_work_unit_after_position_is_team_and_city_state_location():
    _, drafts = _drafts("CLINICAL EXPERIENCE\nRegistered Nurse – Medical-Surgical/Telemetry Unit\n"
                        "Cleveland Clinic, Cleveland, OH | June 2019 – Present\n• Provide care for 5 patients per shift.\n")
    d = drafts[0]
    assert d.kind == "work"
    assert _values(d, "position") == ["Registered Nurse"]
    assert _values(d, "team") == ["Medical-Surgical/Telemetry Unit"]
    assert _values(d, "organization") == ["Cleveland Clinic"]
    assert _values(d, "location") == [{"city": "Cleveland", "region": "OH", "country": "US"}]


def test_work_career_break_is_no_entry():
    _, drafts = _drafts("EXPERIENCE\nMaersk Line, Charlotte, NC    Aug 2016 – Present\nLogistics Coordinator\n\n"
                        "Career Break    Mar 2015 – Jul 2016\nFull-time caregiver for a family member.\n")
    assert len(drafts) == 1 and _values(drafts[0], "organization") == ["Maersk Line"]


def test_work_english_and_chinese_names_of_one_employer():
    _, drafts = _drafts("WORK EXPERIENCE\nHang Seng Bank Limited 恒生銀行有限公司    Hong Kong SAR\n"
                        "Assistant Relationship Manager, Wealth Management\nAug 2019 – Present\n")
    assert _values(drafts[0], "organization") == ["Hang Seng Bank Limited", "恒生銀行有限公司"]


def test_work_internship_labels():
    _, drafts = _drafts("实习经历\n实习单位：微软亚洲研究院\n实习岗位：研究实习生\n实习时间：2021.07-2022.06\n"
                        "实习内容：参与稀疏注意力机制研究。\n")
    d = drafts[0]
    assert _values(d, "organization") == ["微软亚洲研究院"] and _values(d, "type") == ["internship"]
    assert [i[0].value for i in d.lists["highlights"]] == ["参与稀疏注意力机制研究。"]


def test_work_wrapped_prose_line_does_not_open_a_project():
    _, drafts = _drafts(
        "ACADEMIC PROJECTS\n1. Smart Attendance System (Jan 2023 – Apr 2023)\n"
        "   Developed a face-recognition based attendance system using OpenCV and Flask; achieved 96%\n"
        "   accuracy on a class of 60 students.\n"
        "2. E-Commerce Website for Handloom Weavers (Aug 2022 – Nov 2022)\n   Built a store.\n")
    assert [_values(d, "name") for d in drafts if d.kind == "projects"] == [
        ["Smart Attendance System"], ["E-Commerce Website for Handloom Weavers"]]


# fmt: off
@pytest.mark.parametrize("text, role", [
    ("项目经验\n2021.04-2022.01 | 门店智能补货系统\n项目职责：担任项目负责人，完成需求调研与上线推广。\n", "项目负责人"),
    ("项目经验\n2021.04-2022.01 | 门店智能补货系统\n本人担任技术负责人。\n", "技术负责人"),
    # 担任 before no job title names no role
    ("项目经验\n2021.04-2022.01 | 门店智能补货系统\n担任核心模块的开发与测试，完成上线。\n", None),
])
# fmt: on
def test_work_project_role_from_body(text, role):
    _, drafts = _drafts(text)
    (d,) = [d for d in drafts if d.kind == "projects"]
    assert (_values(d, "role")[:1] or [None])[0] == role
