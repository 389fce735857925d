from __future__ import annotations

import pytest

from resume_nlp.extract.publications import PublicationParser
from tests.conftest import analyse_text


def _pubs(text: str):
    doc = analyse_text(text)
    parser = PublicationParser()
    out = []
    for s in doc.sections:
        if s.kind in parser.kinds:
            for d in parser(doc.view(s)):
                out.append({k: d.get(k) for k in ("title", "venue", "year", "status", "note") if d.get(k) is not None}
                           | {"authors": [a[0].value for a in d.lists.get("authors", [])]})
    return out


# fmt: off
CASES = [
    ("Publications\n[1] Doe, J. and Roe, R., 2019, May. Fast Sparse Solvers for Graphs. In 2019 ACM Symposium on Theory (pp. 1-10). ACM.",
     {"title": "Fast Sparse Solvers for Graphs", "venue": "2019 ACM Symposium on Theory", "year": 2019,
      "authors": ["Doe, J.", "Roe, R."]}),
    ("Publications\n1. Jane Doe, Rick Roe. Learning to Rank Documents Quickly. Submitted to the Journal of Search, 2023.",
     {"title": "Learning to Rank Documents Quickly", "venue": "Journal of Search", "year": 2023, "status": "submitted",
      "authors": ["Jane Doe", "Rick Roe"]}),
    ("Publications\n• Robust Depth Estimation: by Ann Lee, Bo Chen, et al. Proceedings of the 5th Vision Workshop, March 2021.",
     {"title": "Robust Depth Estimation", "venue": "Proceedings of the 5th Vision Workshop", "year": 2021, "note": "et al.",
      "authors": ["Ann Lee", "Bo Chen"]}),
    ("Publications\nAnn Lee, **Bo Chen***. **Sparse Attention for Long Videos**, Pattern Recognition Letters, 2022.",
     {"title": "Sparse Attention for Long Videos", "venue": "Pattern Recognition Letters", "year": 2022,
      "authors": ["Ann Lee", "Bo Chen"]}),
    ("Publications\n• Temporal Graph Networks for Traffic CVPR'2021 Spotlight Ann Lee, Bo Chen",
     {"title": "Temporal Graph Networks for Traffic", "venue": "CVPR", "year": 2021, "note": "Spotlight",
      "authors": ["Ann Lee", "Bo Chen"]}),
    ("发表论文\n[1] 张三, 李四. 基于深度学习的图像检索方法研究[J]. 计算机学报, 2020, 43(5): 1-10.",
     {"title": "基于深度学习的图像检索方法研究", "venue": "计算机学报", "year": 2020, "authors": ["张三", "李四"]}),
    ("論文\nGraph Pruning for Edge Devices\nAnn Lee, Bo Chen\n\nICCV'2019 Oral(4.3%)",
     {"title": "Graph Pruning for Edge Devices", "venue": "ICCV", "year": 2019, "note": "Oral (4.3%)",
      "authors": ["Ann Lee", "Bo Chen"]}),
]
# fmt: on


@pytest.mark.parametrize("text,expected", CASES)
def test_publications_styles(text, expected):
    assert _pubs(text) == [expected]


def test_publications_skip_skill_lines():
    text = "论文\nGraph Pruning for Edge Devices\nAnn Lee, Bo Chen\n\nICCV'2019 Oral(4.3%)\n\n・技能: Git,Pytorch,Tensorflow,Caffe"
    assert len(_pubs(text)) == 1


def test_publications_accepted_status():
    text = "Publications\n[2] Doe, J., 2021. A Title About Things. Accepted by the AAAI Conference on Artificial Intelligence, 2021."
    (pub,) = _pubs(text)
    assert (pub["status"], pub["venue"]) == ("accepted", "AAAI Conference on Artificial Intelligence")


# fmt: off
CITATION_STYLES = [
    # IEEE, quoted title
    ('Publications\n[1] D. K. Morgan, S. Patel, and R. Alvarez, "Learning to fold cloth from a single demonstration," '
     'in Proc. IEEE Int. Conf. Robot. Autom. (ICRA), 2023, pp. 1021–1028.',
     {"title": "Learning to fold cloth from a single demonstration", "venue": "Proc. IEEE Int. Conf. Robot. Autom. (ICRA)",
      "year": 2023}),
    ('Publications\n[2] A. Smith and B. Lee, "Scaling imitation learning," arXiv preprint arXiv:2311.04567, 2023.',
     {"title": "Scaling imitation learning", "venue": "arXiv preprint arXiv:2311.04567", "year": 2023}),
    ('Publications\n[3] A. Smith and B. Lee, "Language-conditioned rope manipulation," under review at NeurIPS 2024.',
     {"title": "Language-conditioned rope manipulation", "venue": "NeurIPS", "year": 2024, "status": "submitted"}),
    ('Patents\n[4] B. Lee and A. Smith, "System and method for robotic cloth folding," U.S. Patent 11,234,567, Mar. 2023.',
     {"title": "System and method for robotic cloth folding", "venue": "U.S. Patent 11,234,567", "year": 2023}),
    # APA with numbered entries, "To appear", "Submitted to"
    ("Publications\n1. Natarajan, P. and Chen, L. (2019). Scalable inference for mixtures. Journal of the American "
     "Statistical Association, 114(527), 1234–1247.",
     {"title": "Scalable inference for mixtures", "venue": "Journal of the American Statistical Association", "year": 2019}),
    ("Publications\n2. Natarajan, P. and Reyes, D. (2021). Doubly robust estimation. Annals of Statistics. To appear.",
     {"title": "Doubly robust estimation", "venue": "Annals of Statistics", "year": 2021, "status": "accepted"}),
    ("Publications\n3. Okoye, M. and Natarajan, P. (2022). Variational causal forests. Submitted to Biometrika.",
     {"title": "Variational causal forests", "venue": "Biometrika", "year": 2022, "status": "submitted"}),
    ("Publications\nOkoye, H. R., & Brandt, T. (in press). Gaze following predicts vocabulary growth. Cognition.",
     {"title": "Gaze following predicts vocabulary growth", "venue": "Cognition", "status": "in_press"}),
    ("Publications\nOkoye, H. R. (2023). Prosodic cues to word boundaries [Manuscript submitted for publication]. "
     "Department of Psychology, University of Wisconsin.",
     {"title": "Prosodic cues to word boundaries", "year": 2023, "status": "submitted"}),
    # ACM: "Authors. Year. Title. In Venue. Publisher, pages."
    ("Publications\nElena Vasquez and Wei Zhou. 2022. Adaptive Learned Indexes. Proceedings of the VLDB Endowment 15, 11 "
     "(2022), 2890–2903.",
     {"title": "Adaptive Learned Indexes", "venue": "Proceedings of the VLDB Endowment", "year": 2022}),
    # GB/T 7714 without spaces (full-width input), conference "//", patents
    ("发表论文\n［１］Ｗａｎｇ Ｈ，Ｚｈａｎｇ Ｗ．Ｄｅｃｅｎｔｒａｌｉｚｅｄ ｍｕｌｔｉ－ｒｏｂｏｔ ｅｘｐｌｏｒａｔｉｏｎ［Ｃ］／／ＩＣＲＡ．２０２１：１２３４－１２４０．",
     {"title": "Decentralized multi-robot exploration", "venue": "ICRA", "year": 2021}),
    ("发表论文\n[1] 王浩，李强．一种分布式机器人编队控制方法［Ｐ］．中国专利：ＣＮ１１２３４５６７８Ａ，２０２１．",
     {"title": "一种分布式机器人编队控制方法", "venue": "中国专利", "year": 2021}),
    ("科研成果\n1. Liu J, Zhang Y. Contrastive event extraction[J]. arXiv preprint arXiv:2304.01234, 2023.",
     {"title": "Contrastive event extraction", "venue": "arXiv preprint arXiv:2304.01234", "year": 2023}),
    # Vancouver authors and a parenthesised status note
    ("科研成果\n4. Zhang Y, Chen X. Knowledge-enhanced dialogue generation（在投，EMNLP 2024）",
     {"title": "Knowledge-enhanced dialogue generation", "venue": "EMNLP", "year": 2024, "status": "submitted"}),
]
# fmt: on


@pytest.mark.parametrize("text,expected", CITATION_STYLES)
def test_publications_citation_styles(text, expected):
    (pub,) = _pubs(text)
    assert {k: v for k, v in pub.items() if k != "authors" and k != "note"} == expected


def test_publications_one_citation_a_line():
    text = ("Publications\nOkoye, H. R., & Lindqvist, M. (2022). Statistical learning in toddlers. Child Development, 93(4), 1102–1118.\n"
            "Lindqvist, M. (2021). Attention and novelty in infants. Developmental Science, 24(2), e13045.\n"
            "Elena Vasquez. 2019. Robust Query Optimization under Uncertainty. Ph.D. Dissertation. Stanford University.")
    assert [(p["title"], p.get("venue"), p.get("year")) for p in _pubs(text)] == [
        ("Statistical learning in toddlers", "Child Development", 2022),
        ("Attention and novelty in infants", "Developmental Science", 2021),
        ("Robust Query Optimization under Uncertainty", "Ph.D. Dissertation", 2019)]


def test_publications_author_first_lines_without_blank_lines():
    text = ("Publications\nZhexiao Xiong, Xin Wen, Xu Zhao. Two-level Iteration Method for Multi-task Learning, International "
            "Conference on Computer Vision and Pattern Analysis, 2021.\nNanfei Jiang, Zhexiao Xiong, Hui Tian. PruneFaceDet: "
            "Pruning Lightweight Face Detection Network, Cognitive Computation and Systems, 2021.")
    assert [p["title"][:12] for p in _pubs(text)] == ["Two-level It", "PruneFaceDet"]


def test_talks_under_a_missed_heading_are_not_publications():
    text = ("Publications\n1. Herrera, T., & Schlau-Cohen, G. S. (2019). Vibronic coherence in photosynthetic antennas. "
            "Nature Chemistry, 11, 812–818.\n\nInvited Talks\n\"Ultrafast views of catalysis,\" Department Seminar, "
            "University of Chicago, October 2023\n")
    got = _pubs(text)
    assert [(p["title"], p.get("venue"), p.get("year")) for p in got] == [
        ("Vibronic coherence in photosynthetic antennas", "Nature Chemistry", 2019)]
    assert got[0]["authors"] == ["Herrera, T.", "Schlau-Cohen, G. S."]
