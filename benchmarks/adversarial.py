#!/usr/bin/env python3
"""Adversarial inputs: does resume_nlp stay linear on text built to make it slow?

    python benchmarks/adversarial.py                      # every kind at 64 KB .. 1 MB
    python benchmarks/adversarial.py --kinds digits dots  # some kinds only
    python benchmarks/adversarial.py --sizes 65536 131072 # some sizes only
    python benchmarks/adversarial.py --timeout 120        # seconds per input (default 120)
    python benchmarks/adversarial.py --out DIR            # write DIR/adversarial.{json,md}

Every input is parsed by ``resume_nlp.Parser(max_chars=2_000_000).parse(text)`` in a fresh
subprocess (resources are loaded and warmed on a small resume first, so only the parse of the
adversarial text is timed) under a timeout. For each kind the least-squares slope of
log(CPU seconds) against log(chars) is reported; 1 is linear, the target is <= 1.1. Results go to
``results/adversarial.json`` and ``results/adversarial.md``. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
SIZES = [64 * 1024, 128 * 1024, 256 * 1024, 512 * 1024, 1024 * 1024]
TARGET_EXPONENT = 1.1


def _repeat(unit: str) -> Callable[[int], str]:
    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return make


def _lines(line: str) -> Callable[[int], str]:
    return _repeat(line + "\n")


def _zh_no_punct(n: int) -> str:
    # a cycle of common characters (incl. section, school and degree words) with no punctuation
    cycle = "北京大学计算机科学与技术硕士工作经历教育背景项目经验负责开发系统平台数据分析腾讯公司工程师"
    return _repeat(cycle)(n)


def _nested(open_: str, close: str) -> Callable[[int], str]:
    def make(n: int) -> str:
        half = n // 2
        return open_ * half + close * (n - half)

    return make


def _words_one_line(n: int) -> str:
    words = ("software engineer Python Google Beijing University Master 2019 2021 project "
             "led team of Sep. developed data platform Education Experience Skills ")
    return _repeat(words)(n)


# Each kind: a generator of exactly ``n`` characters (n is a character count).
KINDS: dict[str, Callable[[int], str]] = {
    "digits": _repeat("0123456789"),
    "digits_lines": _lines("1" * 255),  # long digit runs on separate lines
    "dots": _repeat("."),
    "dashes": _repeat("-"),
    "date_dots": _repeat("2019.09-"),
    "date_en": _repeat("Sep. 2014 - "),
    "date_zh": _repeat("2019年9月至"),
    "zh_no_punct": _zh_no_punct,
    "parens": _nested("(", ")"),
    "zh_brackets": _nested("【", "】"),
    "one_line_words": _words_one_line,
    "short_lines": _lines("Python Java 2019 abc"),  # 21 chars a line: 1 MB = ~50k lines
    "emails": _repeat("a.b@c.d"),
    "at_runs": _repeat("@"),
    "url_runs": _repeat("http://a.b/c?d=e&"),
    "www_dots": _repeat("www."),
    "bold_debris": _repeat("**"),
    "bold_words": _repeat("**Jane** "),  # many bold marks on one header line
    "dollars": _repeat("$"),
    "escaped_underscores": _repeat("\\_"),
    "tabs": _repeat("\t"),
    "tab_columns": _lines("Education\t\t\t\tPeking University\t\t\t\t2019.09 - 2021.06"),
    "bullets": _lines("• " + "x" * 60),
    "plus_digits": _repeat("+86 "),
    "skills_dots": lambda n: ("Skills\nPython, Java, " + "x." * n)[:n],  # one long item in a skill list
    "skills_cpp": lambda n: ("Skills\nPython, " + "C++ " * n)[:n],  # many protected names ("C++")
    "heading_lines": _lines("EDUCATION\nPeking University, Master of Science, 2019"),  # < 50k lines
}


# --------------------------------------------------------------------------------------
# one input, in a child process
# --------------------------------------------------------------------------------------
def run_one(kind: str, size: int) -> dict:
    sys.path.append(str(ROOT))  # after PYTHONPATH / the installed package
    import resume_nlp
    from resume_nlp.errors import ResumeNLPError

    parser = resume_nlp.Parser(max_chars=2_000_000)
    parser.parse("Jane Doe\njane@example.com\n\nEducation\nPeking University 2019.09 - 2021.06\n"
                 "教育背景\n北京大学 硕士 2019.09-2021.06\n")  # load and warm every resource
    text = KINDS[kind](size)
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        profile = parser.parse(text)
        outcome = f"Profile ({len(profile.meta.unparsed)} unparsed)"
    except ResumeNLPError as exc:
        outcome = f"{type(exc).__name__}"
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    # CPU seconds of this process: steadier than wall time on a shared machine
    return {"kind": kind, "chars": len(text), "lines": text.count("\n") + 1,
            "seconds": cpu, "wall_seconds": wall, "outcome": outcome}


def run_in_subprocess(kind: str, size: int, timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(size)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"kind": kind, "chars": size, "seconds": None, "outcome": f"timeout > {timeout:g} s"}
    if out.returncode != 0:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1][:200]
        return {"kind": kind, "chars": size, "seconds": None, "outcome": f"crash: {tail}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def slope(rows: list[dict]) -> float | None:
    pts = [(math.log(r["chars"]), math.log(max(r["seconds"], 1e-4))) for r in rows if r.get("seconds")]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def markdown(result: dict) -> str:
    sizes = result["sizes"]
    head = "| kind | " + " | ".join(f"{s // 1024} KB" for s in sizes) + " | exponent | outcome at largest |"
    sep = "|---|" + "---:|" * len(sizes) + "---:|---|"
    out = ["# Adversarial inputs", "",
           f"{result['date']} · Python {result['python']} · {result['machine']} · timeout {result['timeout']:g} s per input",
           "", "CPU seconds per `Parser(max_chars=2_000_000).parse(text)` (resources warmed), and the "
           "least-squares slope of log(seconds) on log(chars). Target: exponent ≤ "
           f"{TARGET_EXPONENT}. Inputs that finish in under 50 ms at 1 MB have no meaningful exponent "
           "(timer noise), it is still shown.", "", head, sep]
    for kind, entry in result["kinds"].items():
        by = {r["chars"]: r for r in entry["runs"]}
        cells = []
        for s in sizes:
            r = by.get(s)
            cells.append("–" if r is None else (f"{r['seconds']:.3f}" if r["seconds"] is not None else r["outcome"]))
        exp = entry["exponent"]
        exp_s = "–" if exp is None else f"{exp:.2f}" + ("" if exp <= TARGET_EXPONENT or entry["max_seconds"] < 0.05 else " ⚠")
        last = entry["runs"][-1]["outcome"] if entry["runs"] else "–"
        out.append(f"| `{kind}` | " + " | ".join(cells) + f" | {exp_s} | {last} |")
    worst = result["worst"]
    out += ["", f"Worst input at the largest size: `{worst['kind']}` ({worst['seconds']:.3f} s)."
            if worst else "No input completed.",
            f"Largest exponent among inputs slower than 50 ms: {result['max_exponent']:.2f}."
            if result["max_exponent"] is not None else "", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kinds", nargs="*", default=list(KINDS), choices=list(KINDS))
    ap.add_argument("--sizes", nargs="*", type=int, default=SIZES)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--out", type=Path, default=HERE / "results")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(args.child[0], int(args.child[1]))))
        return 0

    sizes = sorted(args.sizes)
    kinds: dict[str, dict] = {}
    for kind in args.kinds:
        runs = []
        for size in sizes:
            r = run_in_subprocess(kind, size, args.timeout)
            runs.append(r)
            secs = "-" if r["seconds"] is None else f"{r['seconds']:.3f}s"
            print(f"[adversarial] {kind:>20} {size // 1024:>5} KB  {secs:>9}  {r['outcome']}", file=sys.stderr, flush=True)
            if r["seconds"] is None and r["outcome"].startswith("timeout"):
                break  # larger sizes would time out too
        done = [r for r in runs if r["seconds"] is not None]
        kinds[kind] = {"runs": runs, "exponent": slope(done),
                       "max_seconds": max((r["seconds"] for r in done), default=0.0)}
    largest = max(sizes)
    at_largest = [(k, r) for k, e in kinds.items() for r in e["runs"] if r["chars"] == largest and r["seconds"]]
    worst = max(at_largest, key=lambda kr: kr[1]["seconds"], default=None)
    meaningful = [e["exponent"] for e in kinds.values() if e["exponent"] is not None and e["max_seconds"] >= 0.05]
    result = {
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(), "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "timeout": args.timeout, "sizes": sizes, "target_exponent": TARGET_EXPONENT, "kinds": kinds,
        "worst": {"kind": worst[0], "seconds": worst[1]["seconds"], "chars": largest} if worst else None,
        "max_exponent": max(meaningful, default=None),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "adversarial.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md = markdown(result)
    (args.out / "adversarial.md").write_text(md, encoding="utf-8")
    print(md)
    over = [k for k, e in kinds.items() if e["exponent"] is not None and e["exponent"] > TARGET_EXPONENT
            and e["max_seconds"] >= 0.05]
    failed = [k for k, e in kinds.items() if any(r["seconds"] is None and not r["outcome"].startswith("Input")
                                                  for r in e["runs"])]
    return 1 if over or failed else 0


if __name__ == "__main__":
    sys.exit(main())
