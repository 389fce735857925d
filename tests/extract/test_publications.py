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
