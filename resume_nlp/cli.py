"""Command line: ``resume-nlp parse FILE... [--out DIR] [--format json|pretty]`` and ``resume-nlp eval``.

Each input is parsed on its own: an unreadable file prints a one-line error to stderr and
makes the exit status non-zero, while the other files are still parsed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

__all__ = ["main"]


def _build_parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = argparse.ArgumentParser(prog="resume-nlp", description="Parse English, Chinese and bilingual resumes "
                                 "into Profile JSON v1.")
    ap.add_argument("--version", action="version", version=f"resume-nlp {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse resumes into Profile JSON v1")
    p.add_argument("files", nargs="+", help="resume files (.txt .md .pdf .docx .html); '-' reads stdin")
    p.add_argument("--out", type=Path, help="write DIR/<stem>.json per input instead of printing")
    p.add_argument("--format", choices=("json", "pretty"), default="json",
                   help="json: one JSON document per input (default); pretty: a readable summary")
    p.add_argument("--region", help="ISO country for phone numbers without a country code (e.g. CN, US)")
    p.add_argument("--prefer", choices=("en", "zh"), default="en",
                   help="language version kept where a bilingual resume disagrees (default: en)")
    p.add_argument("--no-ner", action="store_true", help="do not use the Chinese NER model")

    e = sub.add_parser("eval", help="score parses of INPUT files against gold Profile JSON files")
    e.add_argument("--gold", type=Path, required=True, help="directory of gold <stem>.json files")
    e.add_argument("inputs", nargs="+", type=Path, help="resume files (or a directory of predicted .json with --pred)")
    e.add_argument("--pred", action="store_true", help="INPUT is a directory of already parsed <stem>.json")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.add_argument("--per-doc", action="store_true", help="add a line per document")
    e.add_argument("--facts", action="store_true", help="break entry groups down by fact")
    return ap


def _cmd_parse(args: argparse.Namespace) -> int:
    from .api import Parser
    from .errors import ResumeNLPError

    parser = Parser(default_region=args.region.upper() if args.region else None, prefer_lang=args.prefer,
                    ner=not args.no_ner)
    if args.out:
        try:
            args.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"resume-nlp: cannot create {args.out}: {exc.strerror}", file=sys.stderr)
            return 2
    status = 0
    for name in args.files:
        try:
            if name == "-":
                profile = parser.parse(sys.stdin.buffer.read())
                stem = "stdin"
            else:
                profile = parser.parse(Path(name))
                stem = Path(name).stem
        except ResumeNLPError as exc:
            print(f"resume-nlp: {name}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.format == "pretty":
            from .export import profile_text

            rendered = profile_text(profile)
        else:
            rendered = profile.to_json(indent=2)
        if args.out:
            (args.out / f"{stem}.json").write_text(profile.to_json(indent=2) + "\n", encoding="utf-8")
            if args.format == "pretty":
                print(rendered)
        else:
            print(rendered)
    return status


def _cmd_eval(args: argparse.Namespace) -> int:
    from .scoring import evaluate_files, format_report

    report = evaluate_files(args.gold, args.inputs, predicted=args.pred)
    if args.json:
        print(json.dumps(report.to_json(per_doc=args.per_doc), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, per_doc=args.per_doc, facts=args.facts))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _cmd_parse(args)
        return _cmd_eval(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
