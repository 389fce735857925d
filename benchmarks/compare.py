"""``benchmarks/run.py --compare``: other open-source resume parsers, scored like resume_nlp.

Each parser is installed from PyPI into its own virtualenv under ``benchmarks/.venvs/``
(gitignored), run there by a small adapter that turns its output into a Profile JSON v1 dict,
and scored against the gold with :mod:`resume_nlp.evaluate`. resume_nlp is run on the same
inputs for a side-by-side row. Anything that cannot be installed or run is reported as such.

* ``openresume-parser`` (AGPL-3.0, English, PDF input; pypdf heuristics, optional OCR/LLM
  calls which stay off): ``openresume.parse_resume_from_pdf(path)`` -> ``{"ok", "resume"}``.
  Its education output keeps only the level, degree text and year (no school name).
* ``resume-oneclick`` (MIT, Chinese, text input; keyword lists and regexes):
  ``resume_oneclick.extract_resume_info(text, filename)`` -> a flat dict with eight Chinese
  keys (name, phone, email, highest degree, its school and major, "direction", company).

The adapters only re-shape: dates ``"Jan 2020"`` -> ``"2020-01"``, 11-digit Chinese mobile
numbers -> E.164 ``+86...`` (the contract's form), degree words -> the degree enum.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENVS = HERE / ".venvs"
GOLD = ROOT / "corpora" / "gold"
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
OWN = ROOT / "tests" / "data" / "resumes"
DOCUMENTS = ROOT / "tests" / "data" / "documents"

# Run inside the other parser's venv: read [[stem, path], ...] on stdin, print
# {stem: {"raw": ..., "seconds": ..., "error": ...}} as the last line.
OPENRESUME_RUNNER = r"""
import json, sys, time
from openresume import parse_resume_from_pdf
out = {}
for stem, path in json.load(sys.stdin):
    t0 = time.perf_counter()
    try:
        res = parse_resume_from_pdf(path)
        err = None if res.get("ok") else str(res.get("error"))
    except Exception as exc:
        res, err = {}, type(exc).__name__ + ": " + str(exc)
    out[stem] = {"raw": res.get("resume") or {}, "seconds": time.perf_counter() - t0, "error": err}
print(json.dumps(out, ensure_ascii=False))
"""

ONECLICK_RUNNER = r"""
import json, sys, time
from pathlib import Path
from resume_oneclick import extract_resume_info
out = {}
for stem, path in json.load(sys.stdin):
    text = Path(path).read_text(encoding="utf-8")
    t0 = time.perf_counter()
    try:
        res, err = extract_resume_info(text, Path(path).name), None
    except Exception as exc:
        res, err = {}, type(exc).__name__ + ": " + str(exc)
    out[stem] = {"raw": res, "seconds": time.perf_counter() - t0, "error": err}
print(json.dumps(out, ensure_ascii=False))
"""

_MONTHS = {m: n for n, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _iso_date(text: Any) -> str | None:
    s = str(text or "").strip().lower()
    if not s:
        return None
    if s in ("present", "current", "now"):
        return "present"
    year = re.search(r"(19|20)\d{2}", s)
    if not year:
        return None
    month = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", s)
    num = re.search(r"(?:(19|20)\d{2})[./-](\d{1,2})\b|\b(\d{1,2})[./-](?:(19|20)\d{2})", s)
    if month:
        return f"{year.group()}-{_MONTHS[month.group(1)]:02d}"
    if num:
        mm = int(num.group(2) or num.group(3))
        if 1 <= mm <= 12:
            return f"{year.group()}-{mm:02d}"
    return year.group()


def _bt(text: Any, lang: str = "en") -> dict | None:
    text = str(text or "").strip()
    return {lang: text} if text else None


def adapt_openresume(raw: dict) -> dict:
    level_to_degree = {"Doctorate": "phd", "Post Graduate": "master", "Graduate": "bachelor",
                       "Undergraduate": "associate"}
    work = []
    for job in raw.get("experience", {}).get("work_history", []) or []:
        work.append({"organization": _bt(job.get("company")), "position": _bt(job.get("title")),
                     "start": _iso_date(job.get("start_date")),
                     "end": "present" if job.get("current") else _iso_date(job.get("end_date"))})
    edu = raw.get("education") or {}
    education = []
    if edu.get("level") or edu.get("degree_course"):
        education.append({"institution": None, "degree": level_to_degree.get(edu.get("level")),
                          "end": str(edu["passing_year"]) if edu.get("passing_year") else None})
    url = (raw.get("url") or "").strip()
    return {
        "basics": {"name": _bt(raw.get("full_name")),
                   "emails": [raw["email"]] if raw.get("email") else [],
                   "phones": [raw["phone"]] if raw.get("phone") else [],
                   "urls": [url] if url else []},
        "education": education, "work": work,
        "skills": [{"name": s} for s in raw.get("skills") or [] if str(s).strip()],
    }


def _e164_cn(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if re.fullmatch(r"1[3-9]\d{9}", digits):
        return "+86" + digits
    if re.fullmatch(r"861[3-9]\d{9}", digits):
        return "+" + digits
    return phone


def adapt_oneclick(raw: dict) -> dict:
    degrees = {"博士": "phd", "硕士": "master", "研究生": "master", "MBA": "master", "MPA": "master",
               "本科": "bachelor", "学士": "bachelor"}

    def zh(key: str) -> dict | None:
        value = (raw.get(key) or "").strip()
        return {("zh" if re.search(r"[\u4e00-\u9fff]", value) else "en"): value} if value else None

    education = []
    if raw.get("最高学历毕业学校") or raw.get("最高学历"):
        education.append({"institution": zh("最高学历毕业学校"), "degree": degrees.get(raw.get("最高学历")),
                          "field": zh("最高学历专业")})
    return {
        "basics": {"name": zh("姓名"),
                   "emails": [raw["邮箱"]] if raw.get("邮箱") else [],
                   "phones": [_e164_cn(raw["电话号码"])] if raw.get("电话号码") else []},
        "education": education,
        "work": [{"organization": zh("所在公司")}] if raw.get("所在公司") else [],
        "skills": [{"name": s} for s in (raw.get("当前投入方向") or "").split("/") if s.strip()],
    }


def _gold(stem: str) -> Path | None:
    for cand in (GOLD / f"{stem}.json", OWN / f"{stem}.json"):
        if cand.is_file():
            return cand
    return None


def _language(stem: str) -> str:
    from resume_nlp.scoring import language_class

    g = _gold(stem)
    return language_class(json.loads(g.read_text(encoding="utf-8"))) if g else "unknown"


def _venv(name: str, requirement: str, log: Callable[[str], None]) -> Path:
    venv = VENVS / name
    py = venv / "bin" / "python"
    if not py.exists():
        log(f"creating {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    log(f"installing {requirement}")
    proc = subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                           requirement], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError("pip install failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1])
    return py


def _version(py: Path, dist: str) -> str:
    proc = subprocess.run([str(py), "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"],
                          capture_output=True, text=True)
    return proc.stdout.strip()


def _run_other(py: Path, runner: str, items: list[tuple[str, str]]) -> dict:
    env = {**os.environ, "NO_PROXY": "*"}
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):   # keep the optional LLM path off
        env.pop(key, None)
    proc = subprocess.run([str(py), "-c", runner], input=json.dumps(items), capture_output=True,
                          text=True, timeout=600, env=env)
    if proc.returncode != 0:
        raise RuntimeError((proc.stderr.strip().splitlines() or ["?"])[-1])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _score(items: list[tuple[str, str]], preds: dict[str, dict]) -> Any:
    from resume_nlp.scoring import DocScore, Report, language_class, score_profile

    docs = []
    for stem, _ in items:
        gold = json.loads(_gold(stem).read_text(encoding="utf-8"))
        docs.append(DocScore(stem, language_class(gold), score_profile(gold, preds.get(stem, {})),
                             "ok" if stem in preds else "error"))
    return Report(docs)


def _resume_nlp(items: list[tuple[str, str]]) -> tuple[dict[str, dict], float]:
    sys.path.insert(0, str(HERE))
    from run import make_parser  # the benchmark's parser (tolerates missing extractors)

    parser, _ = make_parser()
    parser.parse(Path(items[0][1]))            # warm
    preds, total = {}, 0.0
    for stem, path in items:
        t0 = time.perf_counter()
        try:
            preds[stem] = parser.parse(Path(path)).to_dict()
        except Exception:  # noqa: BLE001
            pass
        total += time.perf_counter() - t0
    return preds, total * 1e3 / len(items)


def _pdf_inputs(stems: list[str], log: Callable[[str], None]) -> tuple[list[tuple[str, str]], list[str]]:
    items, skipped = [], []
    for stem in stems:
        pdf = DOCUMENTS / f"{stem}.pdf"
        if pdf.is_file():
            items.append((stem, str(pdf)))
        else:
            skipped.append(stem)
    return items, skipped


def run_comparison(log: Callable[[str], None]) -> list[dict]:
    VENVS.mkdir(parents=True, exist_ok=True)
    texts = SEEDS + sorted(OWN.glob("*.txt"))
    stems = [p.stem for p in texts if _gold(p.stem)]
    rows = []
    specs = [
        ("openresume-parser", "openresume-parser", "pdf", OPENRESUME_RUNNER, adapt_openresume, {"en"}),
        ("resume-oneclick", "resume-oneclick", "txt", ONECLICK_RUNNER, adapt_oneclick, {"zh", "bilingual"}),
    ]
    for name, requirement, kind, runner, adapt, classes in specs:
        row: dict[str, Any] = {"parser": name, "input": kind}
        try:
            wanted = [s for s in stems if _language(s) in classes]
            if kind == "pdf":
                items, skipped = _pdf_inputs(wanted, log)
                if skipped:
                    row["note"] = (f"{len(skipped)} {'/'.join(sorted(classes))} resume(s) without a PDF "
                                   "rendering (no PDF tool used) were skipped")
            else:
                items = [(p.stem, str(p)) for p in texts if p.stem in wanted]
            if not items:
                raise RuntimeError("no inputs of this kind")
            py = _venv(name.replace("-", "_"), requirement, log)
            row["version"] = _version(py, requirement)
            log(f"running {name} {row['version']} on {len(items)} resumes")
            raw = _run_other(py, runner, items)
            preds = {stem: adapt(r["raw"]) for stem, r in raw.items() if not r["error"]}
            errors = {stem: r["error"] for stem, r in raw.items() if r["error"]}
            report = _score(items, preds)
            ours, ours_ms = _resume_nlp(items)
            our_report = _score(items, ours)
            row.update(documents=len(items), languages=sorted(classes),
                       ms_per_resume=sum(r["seconds"] for r in raw.values()) * 1e3 / len(raw),
                       f1=report.overall().f1, precision=report.overall().precision,
                       recall=report.overall().recall,
                       groups={g: report.group(g).to_json() for g in ("basics.name", "basics.emails",
                               "basics.phones", "education", "experience", "skills")},
                       resume_nlp_f1=our_report.overall().f1, resume_nlp_ms_per_resume=ours_ms,
                       errors=errors)
            if errors:
                row["note"] = (row.get("note", "") + f"; {len(errors)} failed").lstrip("; ")
        except Exception as exc:  # noqa: BLE001 - report, do not fail the benchmark
            row["note"] = f"not available: {type(exc).__name__}: {exc}"[:300]
            log(row["note"])
        rows.append(row)
    return rows
