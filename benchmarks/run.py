#!/usr/bin/env python3
"""resume_nlp benchmarks: one entry point, results in benchmarks/results/latest.{json,md}.

    python benchmarks/run.py                # full run (a few minutes on 2 cores)
    python benchmarks/run.py --quick        # fewer repetitions
    python benchmarks/run.py --out DIR      # write DIR/latest.json and DIR/latest.md
    python benchmarks/run.py --compare      # also run other open-source parsers (needs PyPI)

Measured: warm throughput and latency percentiles (one process pinned to one core), per
language class; cold start in fresh interpreters (import, first English parse, first Chinese
parse); peak RSS of a process that parses the whole corpus; time against input size (one
resume repeated 1x..32x) with the fitted log-log exponent; ``Parser.pipe`` throughput for
1..cpu_count worker processes. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
GOLD = ROOT / "corpora" / "gold"
OWN = ROOT / "tests" / "data" / "resumes"
CORPUS = SEEDS + sorted(OWN.glob("*.txt"))

TARGETS = {  # docs/performance.md
    "warm_median_ms": 5.0,
    "import_s": 0.2,
    "first_zh_parse_s": 1.5,
    "peak_rss_mb": 250.0,
    "scaling_exponent": 1.1,
}

sys.path.insert(0, str(ROOT))


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------
def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile, q in 0..100."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def gold_for(path: Path) -> Path | None:
    for cand in (GOLD / f"{path.stem}.json", path.with_suffix(".json")):
        if cand.is_file():
            return cand
    return None


def gold_language_class(path: Path) -> str | None:
    from resume_nlp.scoring import language_class

    g = gold_for(path)
    if g is None:
        return None
    cls = language_class(json.loads(g.read_text(encoding="utf-8")))
    return None if cls == "unknown" else cls


def detected_language_class(langs: list[str]) -> str:
    s = set(langs)
    return "bilingual" if {"en", "zh"} <= s else "zh" if "zh" in s else "en" if "en" in s else "unknown"


def run_python(code: str, timeout: float = 300, env: dict | None = None) -> dict:
    """Run ``code`` in a fresh interpreter (this venv); it prints one JSON object last."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=full_env)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else
                           f"exit {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# The parser used everywhere: the default one, or, while some DEFAULT_EXTRACTORS modules do
# not exist yet, the ones that load (the results then say which were missing).
PARSER_SNIPPET = textwrap.dedent("""
    def make_parser():
        import importlib
        from resume_nlp import Parser
        from resume_nlp.extract import DEFAULT_EXTRACTORS
        missing = []
        for name in DEFAULT_EXTRACTORS:
            try:
                importlib.import_module(name.split(":")[0])
            except ImportError:
                missing.append(name)
        if not missing:
            return Parser(), missing
        return Parser(extractors=[n for n in DEFAULT_EXTRACTORS if n not in missing]), missing
""")
exec(PARSER_SNIPPET)  # defines make_parser() here too


def safe_parse(parser: Any, text: str) -> tuple[Any, str | None]:
    try:
        return parser.parse(text), None
    except Exception as exc:  # noqa: BLE001 - benchmarks report failures, they do not stop
        return None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}"


# --------------------------------------------------------------------------------------
# 1. warm throughput and latency, one process, one core
# --------------------------------------------------------------------------------------
def bench_warm(reps: int) -> dict:
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    pinned = None
    if cpus:
        os.sched_setaffinity(0, {cpus[-1]})
        pinned = cpus[-1]
    try:
        parser, missing = make_parser()
        docs = [(p, p.read_text(encoding="utf-8")) for p in CORPUS]
        classes, failures = {}, {}
        for path, text in docs:                       # warm-up: loads every resource
            profile, err = safe_parse(parser, text)
            if err:
                failures[path.name] = err
            langs = list(profile.meta.languages) if profile is not None else []
            classes[path.name] = gold_language_class(path) or detected_language_class(langs)
        samples: dict[str, list[float]] = {p.name: [] for p, _ in docs}
        t_all = time.perf_counter()
        for _ in range(reps):
            for path, text in docs:
                t0 = time.perf_counter()
                safe_parse(parser, text)
                samples[path.name].append(time.perf_counter() - t0)
        wall = time.perf_counter() - t_all
    finally:
        if cpus:
            os.sched_setaffinity(0, set(cpus))
    every = [s for xs in samples.values() for s in xs]
    by_class: dict[str, dict] = {}
    for cls in sorted(set(classes.values())):
        xs = [s for name, v in samples.items() if classes[name] == cls for s in v]
        by_class[cls] = {"documents": sum(c == cls for c in classes.values()),
                         "p50_ms": percentile(xs, 50) * 1e3, "p90_ms": percentile(xs, 90) * 1e3,
                         "mean_ms": statistics.fmean(xs) * 1e3, "resumes_per_s": len(xs) / sum(xs)}
    return {
        "pinned_cpu": pinned, "repetitions": reps, "documents": len(docs),
        "chars_total": sum(len(t) for _, t in docs), "parses": len(every),
        "resumes_per_s": len(every) / wall,
        "p50_ms": percentile(every, 50) * 1e3, "p90_ms": percentile(every, 90) * 1e3,
        "p99_ms": percentile(every, 99) * 1e3, "max_ms": max(every) * 1e3,
        "by_language": by_class,
        "per_document_p50_ms": {n: percentile(v, 50) * 1e3 for n, v in samples.items()},
        "language_class": classes, "failed_parses": failures, "missing_extractors": missing,
    }


# --------------------------------------------------------------------------------------
# 2. cold start
# --------------------------------------------------------------------------------------
COLD_CODE = textwrap.dedent("""
    import json, sys, time
    t0 = time.perf_counter()
    import resume_nlp
    t_import = time.perf_counter() - t0
    heavy = sorted(m for m in ("spacy", "jieba", "dateparser") if m in sys.modules)
    {snippet}
    parser, missing = make_parser()
    out = {{"import_s": t_import, "heavy_modules_after_import": heavy}}
    for key, path in {order!r}:
        text = open(path, encoding="utf-8").read()
        t0 = time.perf_counter()
        try:
            parser.parse(text)
            err = None
        except Exception as exc:
            err = type(exc).__name__
        out[key] = time.perf_counter() - t0
        if err:
            out[key + "_error"] = err
    print(json.dumps(out))
""")


def bench_cold(runs: int, en_path: Path, zh_path: Path) -> dict:
    results: dict[str, list[float]] = {}
    errors: dict[str, str] = {}
    heavy: list[str] = []
    orders = {
        "en_first": [("first_en_parse_s", str(en_path)), ("then_zh_parse_s", str(zh_path))],
        "zh_first": [("first_zh_parse_s", str(zh_path))],
    }
    for _ in range(runs):
        for order in orders.values():
            code = COLD_CODE.format(snippet=PARSER_SNIPPET, order=order)
            out = run_python(code)
            heavy = out.pop("heavy_modules_after_import")
            for k, v in out.items():
                if k.endswith("_error"):
                    errors[k[:-6]] = v
                else:
                    results.setdefault(k, []).append(v)
    summary = {k: statistics.median(v) for k, v in results.items()}
    summary.update(runs=runs, heavy_modules_after_import=heavy, en_document=en_path.name,
                   zh_document=zh_path.name, errors=errors,
                   samples={k: v for k, v in results.items()})
    return summary


# --------------------------------------------------------------------------------------
# 3. peak RSS
# --------------------------------------------------------------------------------------
RSS_CODE = textwrap.dedent("""
    import json, resource

    def peak_mb():
        # VmHWM belongs to this process's address space, which exec() starts afresh;
        # ru_maxrss is the fallback (on Linux it can carry over the parent's size at fork).
        try:
            for line in open("/proc/self/status"):
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    {snippet}
    parser, missing = make_parser()
    before = peak_mb()
    failed = 0
    for path in {paths!r}:
        try:
            parser.parse(open(path, encoding="utf-8").read())
        except Exception:
            failed += 1
    print(json.dumps({{"peak_rss_mb": peak_mb(), "rss_before_parsing_mb": before,
                       "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                       "failed": failed}}))
""")


def bench_rss() -> dict:
    code = RSS_CODE.format(snippet=PARSER_SNIPPET,
                           paths=[str(p) for p in CORPUS])
    return run_python(code)


# --------------------------------------------------------------------------------------
# 4. scaling with input size
# --------------------------------------------------------------------------------------
def bench_scaling(path: Path, reps: int, max_factor: int = 32) -> dict:
    parser, _ = make_parser()
    base = path.read_text(encoding="utf-8").strip()
    safe_parse(parser, base)
    rows = []
    factor = 1
    while factor <= max_factor:
        text = "\n\n".join([base] * factor)
        times, err = [], None
        for _ in range(max(1, reps if factor <= 8 else reps // 2)):
            t0 = time.perf_counter()
            _, err = safe_parse(parser, text)
            times.append(time.perf_counter() - t0)
        rows.append({"factor": factor, "chars": len(text), "median_s": statistics.median(times),
                     "ms_per_copy": statistics.median(times) * 1e3 / factor, "error": err})
        factor *= 2
    xs = [math.log(r["chars"]) for r in rows]
    ys = [math.log(r["median_s"]) for r in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return {"document": path.name, "rows": rows, "exponent": slope}


# --------------------------------------------------------------------------------------
# 5. Parser.pipe with worker processes
# --------------------------------------------------------------------------------------
PIPE_CODE = textwrap.dedent("""
    import json, time
    {snippet}
    parser, missing = make_parser()
    texts = [open(p, encoding="utf-8").read() for p in {paths!r}] * {copies}
    if {n} == 1:
        for t in texts[:len(texts) // {copies}]:
            try: parser.parse(t)
            except Exception: pass
    t0 = time.perf_counter()
    results = list(parser.pipe(texts, n_process={n}, batch_size=4))
    wall = time.perf_counter() - t0
    print(json.dumps({{"n_process": {n}, "resumes": len(texts), "wall_s": wall,
                       "resumes_per_s": len(texts) / wall}}))
""")


def bench_pipe(copies: int) -> list[dict]:
    rows = []
    for n in range(1, (os.cpu_count() or 1) + 1):
        code = PIPE_CODE.format(snippet=PARSER_SNIPPET,
                                paths=[str(p) for p in CORPUS], copies=copies, n=n)
        try:
            rows.append(run_python(code, timeout=600))
        except Exception as exc:  # noqa: BLE001
            rows.append({"n_process": n, "error": str(exc)[:200]})
    return rows


# --------------------------------------------------------------------------------------
# 6. accuracy on the gold sets (context for the timings)
# --------------------------------------------------------------------------------------
def bench_accuracy() -> dict:
    from resume_nlp.scoring import evaluate_files

    parser, _ = make_parser()
    out = {}
    for name, gold_dir, files in (("seeds", GOLD, SEEDS), ("test_resumes", OWN, sorted(OWN.glob("*.txt")))):
        if not files:
            continue
        report = evaluate_files(gold_dir, files, parser=_Lenient(parser))
        out[name] = {"documents": len(report.docs), "overall": report.overall().to_json(),
                     "by_language": {k: c.overall().to_json() for k, c in report.by_lang.items()},
                     "failed": [d.doc for d in report.docs if d.prediction != "ok"]}
    return out


class _Lenient:
    """A parser whose failures of any kind count as ResumeNLPError (scored as empty)."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser

    def parse(self, source: Any) -> Any:
        from resume_nlp.errors import ResumeNLPError

        try:
            return self.parser.parse(source)
        except ResumeNLPError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise ResumeNLPError(type(exc).__name__) from exc


# --------------------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------------------
def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, cwd=ROOT).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain"], capture_output=True,
                                    text=True, cwd=ROOT).stdout.strip())
    except OSError:
        commit, dirty = "", False
    import resume_nlp

    return {"cpu": cpu, "cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "resume_nlp": resume_nlp.__version__,
            "git_commit": commit + ("+dirty" if dirty else ""),
            "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}


def check_targets(r: dict) -> dict:
    vals = {
        "warm_median_ms": r.get("warm", {}).get("p50_ms"),
        "import_s": r.get("cold", {}).get("import_s"),
        "first_zh_parse_s": r.get("cold", {}).get("first_zh_parse_s"),
        "peak_rss_mb": r.get("rss", {}).get("peak_rss_mb"),
        "scaling_exponent": r.get("scaling", {}).get("exponent"),
    }
    return {k: {"value": v, "target": TARGETS[k], "ok": None if v is None else v <= TARGETS[k]}
            for k, v in vals.items()}


def fmt(v: Any, digits: int = 2) -> str:
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return "-" if v is None else str(v)


def markdown(r: dict) -> str:
    m = r["machine"]
    out = [f"# resume_nlp benchmark results", "",
           f"{m['date']} · {m['cpu']} · {m['cpus']} CPUs · Python {m['python']} · "
           f"resume_nlp {m['resume_nlp']} ({m['git_commit']}) · mode: {r['mode']}", ""]
    out += ["## Targets", "", "| metric | value | target | ok |", "|---|---|---|---|"]
    for k, t in r["targets"].items():
        ok = "not measured" if t["ok"] is None else "yes" if t["ok"] else "**no**"
        out.append(f"| {k} | {fmt(t['value'], 3)} | ≤ {t['target']} | {ok} |")
    w = r.get("warm")
    if w:
        out += ["", f"## Warm parsing (one process, pinned to CPU {w['pinned_cpu']})", "",
                f"{w['documents']} resumes ({w['chars_total']} chars) × {w['repetitions']} repetitions: "
                f"**{w['resumes_per_s']:.1f} resumes/s**, p50 {w['p50_ms']:.2f} ms, "
                f"p90 {w['p90_ms']:.2f} ms, p99 {w['p99_ms']:.2f} ms, max {w['max_ms']:.2f} ms.", "",
                "| language | docs | p50 ms | p90 ms | mean ms | resumes/s |", "|---|---|---|---|---|---|"]
        for cls, c in w["by_language"].items():
            out.append(f"| {cls} | {c['documents']} | {c['p50_ms']:.2f} | {c['p90_ms']:.2f} | "
                       f"{c['mean_ms']:.2f} | {c['resumes_per_s']:.1f} |")
        if w["missing_extractors"]:
            out += ["", "Extractors missing during this run (parser ran without them): "
                    + ", ".join(f"`{x}`" for x in w["missing_extractors"])]
        if w["failed_parses"]:
            out += ["", f"Parses that raised ({len(w['failed_parses'])}; timed anyway): "
                    + "; ".join(f"{k}: {v}" for k, v in w["failed_parses"].items())]
    c = r.get("cold")
    if c:
        out += ["", f"## Cold start (fresh interpreters, median of {c['runs']})", "",
                "| step | seconds |", "|---|---|",
                f"| `import resume_nlp` | {fmt(c.get('import_s'), 3)} |",
                f"| first English parse ({c['en_document']}) | {fmt(c.get('first_en_parse_s'), 3)} |",
                f"| Chinese parse after it ({c['zh_document']}) | {fmt(c.get('then_zh_parse_s'), 3)} |",
                f"| first Chinese parse in a fresh process | {fmt(c.get('first_zh_parse_s'), 3)} |", "",
                "Heavy modules loaded by `import resume_nlp`: "
                + (", ".join(c["heavy_modules_after_import"]) or "none")]
    s = r.get("rss")
    if s:
        out += ["", "## Memory", "",
                f"Peak RSS of a process that parses the whole corpus: **{s['peak_rss_mb']:.0f} MB** "
                f"({s['rss_before_parsing_mb']:.0f} MB after import and parser construction; "
                f"VmHWM, with getrusage's ru_maxrss = {s['ru_maxrss_mb']:.0f} MB)."]
    sc = r.get("scaling")
    if sc:
        out += ["", f"## Scaling ({sc['document']} repeated)", "",
                "| copies | chars | median ms | ms per copy |", "|---|---|---|---|"]
        for row in sc["rows"]:
            out.append(f"| {row['factor']} | {row['chars']} | {row['median_s'] * 1e3:.1f} | "
                       f"{row['ms_per_copy']:.2f} |" + (f" {row['error']}" if row["error"] else ""))
        out += ["", f"Fitted log-log exponent (time ∝ size^k): **k = {sc['exponent']:.3f}**"]
    p = r.get("pipe")
    if p:
        out += ["", "## `Parser.pipe(n_process=N)`", "", "| N | resumes | wall s | resumes/s |",
                "|---|---|---|---|"]
        for row in p:
            if "error" in row:
                out.append(f"| {row['n_process']} | - | - | error: {row['error']} |")
            else:
                out.append(f"| {row['n_process']} | {row['resumes']} | {row['wall_s']:.2f} | "
                           f"{row['resumes_per_s']:.1f} |")
        out += ["", "Wall time includes starting the worker pool and loading resources in each worker."]
    a = r.get("accuracy")
    if a:
        out += ["", "## Accuracy on the gold sets (resume_nlp.evaluate, micro F1)", "",
                "| set | docs | P | R | F1 | failed parses |", "|---|---|---|---|---|---|"]
        for name, x in a.items():
            o = x["overall"]
            out.append(f"| {name} | {x['documents']} | {o['precision']:.3f} | {o['recall']:.3f} | "
                       f"{o['f1']:.3f} | {len(x['failed'])} |")
    cmp_ = r.get("compare")
    if cmp_:
        out += ["", "## Other parsers (`--compare`)", ""]
        out += ["| parser | input | docs | ms/resume | F1 | resume_nlp F1 (same docs) | resume_nlp ms/resume | note |",
                "|---|---|---|---|---|---|---|---|"]
        for row in cmp_:
            out.append(f"| {row['parser']} | {row.get('input', '-')} | {row.get('documents', '-')} | "
                       f"{fmt(row.get('ms_per_resume'), 1)} | {fmt(row.get('f1'), 3)} | "
                       f"{fmt(row.get('resume_nlp_f1'), 3)} | {fmt(row.get('resume_nlp_ms_per_resume'), 1)} | "
                       f"{row.get('note', '')} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (about a minute)")
    ap.add_argument("--out", type=Path, default=HERE / "results", help="output directory")
    ap.add_argument("--compare", action="store_true",
                    help="also install and run other open-source parsers in benchmarks/.venvs/ (network)")
    ap.add_argument("--only", nargs="*", help="run only these parts: warm cold rss scaling pipe accuracy compare")
    args = ap.parse_args(argv)
    parts = set(args.only or ["warm", "cold", "rss", "scaling", "pipe", "accuracy"]
                + (["compare"] if args.compare else []))
    quick = args.quick
    results: dict[str, Any] = {"mode": "quick" if quick else "full", "machine": machine(),
                               "corpus": [str(p.relative_to(ROOT)) for p in CORPUS]}
    en_path = next((p for p in SEEDS if gold_language_class(p) == "en"), SEEDS[0])
    zh_path = next((p for p in SEEDS if gold_language_class(p) == "zh"), SEEDS[-1])
    t_start = time.perf_counter()
    if "warm" in parts:
        log("warm throughput and latency")
        results["warm"] = bench_warm(reps=5 if quick else 30)
    if "cold" in parts:
        log("cold start")
        results["cold"] = bench_cold(1 if quick else 5, en_path, zh_path)
    if "rss" in parts:
        log("peak RSS")
        results["rss"] = bench_rss()
    if "scaling" in parts:
        log("scaling")
        big = next((p for p in SEEDS if gold_language_class(p) == "bilingual"), SEEDS[0])
        results["scaling"] = bench_scaling(big, reps=3 if quick else 7)
    if "pipe" in parts:
        log("Parser.pipe")
        results["pipe"] = bench_pipe(copies=4 if quick else 20)
    if "accuracy" in parts:
        log("accuracy")
        results["accuracy"] = bench_accuracy()
    if "compare" in parts:
        log("comparison with other parsers")
        from compare import run_comparison  # benchmarks/compare.py

        results["compare"] = run_comparison(log)
    results["targets"] = check_targets(results)
    results["elapsed_s"] = time.perf_counter() - t_start
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    (args.out / "latest.md").write_text(markdown(results), encoding="utf-8")
    log(f"done in {results['elapsed_s']:.0f} s: {args.out / 'latest.md'}")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
