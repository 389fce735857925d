#!/usr/bin/env python
"""Train the Chinese resume NER model shipped as ``resume_nlp/models/zh_resume_ner``.

Reproducible, CPU only, offline::

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python training/train_ner.py            # train + eval + export
    .venv/bin/python training/train_ner.py --quick                                 # 3-minute smoke run
    .venv/bin/python training/train_ner.py --eval-only resume_nlp/models/zh_resume_ner

Steps:

1. read ResumeNER ``train.char.bmes`` / ``dev.char.bmes`` from ``--data`` (default
   ``../shared/data/resume_ner`` next to the repository; the data has no license and is never
   copied into the repository); convert them to spaCy DocBin files with one token per
   character in ``--work`` (default ``~/.cache/resume_nlp/ner-train``, outside the repo);
   the two training sentences that begin inside an ORG are joined back to the sentence the
   source's splitter cut them from (``resume_nlp.ner.read_bmes``);
2. ``spacy train`` with ``training/config.cfg`` (seed 0, overrides from ``--set``);
3. score the best model on dev (exact-match entity P/R/F1, overall and per type),
   benchmark it (characters/s on one core, load time, size) and write ``training/scores.json``;
4. export the best model to ``resume_nlp/models/zh_resume_ner`` with a pruned string store
   (the hashed features need no strings; only labels are kept), so no training text
   fragments are shipped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "resume_ner"
DEFAULT_WORK = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "resume_nlp" / "ner-train"
PACKAGE_MODEL = REPO / "resume_nlp" / "models" / "zh_resume_ner"
SHA256 = {
    "train.char.bmes": "93b9bb0be5dd4730121587f9dc1378de3fbbe55cba1c575edec271f822c27be7",
    "dev.char.bmes": "1b0d67153e6e8543e9444936ed1b107bd843078c282533898085e1a9aa293952",
}

sys.path.insert(0, str(REPO))
from resume_nlp import ner  # noqa: E402  (registers the resume_nlp_char_features factory)
import augment  # noqa: E402,F401  (registers the resume_nlp.mention_replacement.v1 augmenter)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def convert(data: Path, work: Path) -> dict[str, Path]:
    """BMES -> DocBin (one token per character, no spaces); returns {split: path}."""
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank("zh")
    work.mkdir(parents=True, exist_ok=True)
    out = {}
    for split in ("train", "dev"):
        src = data / f"{split}.char.bmes"
        digest = sha256(src)
        if digest != SHA256[src.name]:
            print(f"warning: {src} sha256 {digest} differs from the recorded one", file=sys.stderr)
        db = DocBin(store_user_data=False)
        for text, spans in ner.read_bmes(src):
            doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
            doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in spans]
            db.add(doc)
        path = work / f"{split}.spacy"
        db.to_disk(path)
        out[split] = path
    return out


def train(config: Path, corpus: dict[str, Path], output: Path, overrides: dict[str, object]) -> None:
    from spacy.cli.train import train as spacy_train

    ov = {"paths.train": str(corpus["train"]), "paths.dev": str(corpus["dev"])}
    ov.update(overrides)
    if output.exists():
        shutil.rmtree(output)
    spacy_train(config, output, overrides=ov, use_gpu=-1)


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def benchmark(model: Path, texts: list[str]) -> dict[str, float]:
    """Characters/s of nlp.pipe on one core (features + tok2vec + ner), and cold load time
    in a fresh interpreter (spaCy import and the jieba dictionary reported apart)."""
    nlp = ner.load(str(model))
    nlp("预热：高勇，男，1966年出生。")  # jieba dictionary and first batch
    n = sum(len(t) for t in texts)
    best = best_cpu = 0.0
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=256):
            pass
        best = max(best, n / (time.perf_counter() - t0))
        best_cpu = max(best_cpu, n / (time.process_time() - c0))
    para = "".join(texts[:40])
    t0, c0 = time.perf_counter(), time.process_time()
    reps = 0
    while time.perf_counter() - t0 < 2.0:
        nlp(para)
        reps += 1
    single = reps * len(para) / (time.perf_counter() - t0)
    single_cpu = reps * len(para) / (time.process_time() - c0)
    code = (
        "import time;t0=time.perf_counter();import spacy;t1=time.perf_counter();"
        "import resume_nlp.ner as n;nlp=n.load(%r);t2=time.perf_counter();"
        "nlp('高勇，男，汉族。');t3=time.perf_counter();"
        "print(t1-t0,t2-t1,t3-t2)" % str(model)
    )
    env = dict(os.environ, OMP_NUM_THREADS="1")
    loads = []
    for _ in range(3):
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                           cwd=str(REPO), check=True)
        loads.append([float(x) for x in r.stdout.split()])
    loads.sort(key=lambda x: x[1])
    imp, load, first = loads[len(loads) // 2]
    return {
        # wall clock on a shared machine, and per second of this process's CPU time (one
        # thread: what one free core would give)
        "chars_per_s_pipe": round(best),
        "chars_per_cpu_s_pipe": round(best_cpu),
        "chars_per_s_single_doc": round(single),
        "chars_per_cpu_s_single_doc": round(single_cpu),
        "single_doc_chars": len(para),
        "import_spacy_s": round(imp, 3),
        "load_s": round(load, 3),
        "first_doc_s_incl_jieba": round(first, 3),
        "size_bytes": dir_size(model),
    }


def export(best: Path, dest: Path) -> None:
    """Copy the trained pipeline into the package with only the strings it needs."""
    import spacy

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest)
    nlp = spacy.load(dest)
    labels = sorted(nlp.get_pipe("ner").labels)
    # Features are hashed (MultiHashEmbed), so the model needs no strings but its labels;
    # the training store would list every character bigram and word of the data.
    (dest / "vocab" / "strings.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    for name in ("lookups.bin",):
        if (dest / "vocab" / name).exists():
            (dest / "vocab" / name).unlink()
    cfg = (dest / "config.cfg").read_text(encoding="utf-8").splitlines()
    out, section = [], ""
    for line in cfg:
        if line.startswith("["):
            section = line
        if section == "[paths]" and line.startswith(("train =", "dev =")):
            line = line.split("=")[0] + "= null"
        out.append(line)
    (dest / "config.cfg").write_text("\n".join(out) + "\n", encoding="utf-8")
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({
        "name": "resume_ner", "lang": "zh", "version": "0.1.0",
        "description": "Character-level Chinese resume NER (NAME CONT RACE TITLE EDU ORG PRO LOC), "
                       "trained on ResumeNER train (Zhang & Yang 2018). See docs/ner-model.md.",
        "license": "Weights trained on ResumeNER, whose license is not stated; research use. "
                   "See docs/ner-model.md.",
        "sources": [{"name": "ResumeNER (LatticeLSTM repository)",
                     "url": "https://github.com/jiesutd/LatticeLSTM", "license": "none stated"}],
        "requirements": [],
    })
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    # spaCy can load the pruned model: check it and its labels
    nlp = spacy.load(dest)
    assert sorted(nlp.get_pipe("ner").labels) == labels


def _spacy_f(model: Path) -> object:
    try:
        meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
        return meta.get("performance", {}).get("ents_f")
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK)
    ap.add_argument("--config", type=Path, default=HERE / "config.cfg")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. training.max_steps=2000 (repeatable)")
    ap.add_argument("--quick", action="store_true", help="a short smoke run (no export)")
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--eval-only", type=Path, help="score and benchmark this model directory")
    ap.add_argument("--export-from", type=Path, metavar="MODEL_DIR",
                    help="skip training: export this model (a run's model-best), score it, write scores.json")
    ap.add_argument("--scores", type=Path, default=HERE / "scores.json")
    args = ap.parse_args(argv)

    dev_file = args.data / "dev.char.bmes"
    if args.eval_only:
        scores = ner.evaluate_bmes(ner.load(str(args.eval_only)), dev_file)
        print(json.dumps(scores, indent=1))
        print(json.dumps(benchmark(args.eval_only, [t for t, _ in ner.read_bmes(dev_file)]), indent=1))
        return 0

    overrides: dict[str, object] = {}
    for kv in args.set:
        key, _, value = kv.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    if args.quick:
        overrides.setdefault("training.max_steps", 600)
        overrides.setdefault("training.eval_frequency", 200)
    t0 = time.time()
    if args.export_from:
        best = args.export_from
        train_s = None
    else:
        corpus = convert(args.data, args.work)
        output = args.work / ("output-quick" if args.quick else "output")
        train(args.config, corpus, output, overrides)
        train_s = round(time.time() - t0)
        best = output / "model-best"
    scores = ner.evaluate_bmes(ner.load(str(best)), dev_file)
    print(json.dumps(scores["ALL"]))
    if args.quick:
        return 0
    if not args.no_export:
        export(best, PACKAGE_MODEL)
        model = PACKAGE_MODEL
        exported = ner.evaluate_bmes(ner.load(str(model)), dev_file)
        assert exported["ALL"]["f"] == scores["ALL"]["f"], (exported["ALL"], scores["ALL"])
    else:
        model = best
    bench = benchmark(model, [t for t, _ in ner.read_bmes(dev_file)])
    result = {
        "model": str(model.relative_to(REPO)) if model.is_relative_to(REPO) else str(model),
        "data": {name: digest for name, digest in SHA256.items()},
        "config": str(args.config.relative_to(REPO)) if args.config.is_relative_to(REPO) else str(args.config),
        "overrides": overrides,
        "spacy_ents_f": _spacy_f(best),
        "seed": 0,
        "train_wall_s": train_s,
        "dev": scores,
        "benchmark": bench,
        "spacy": __import__("spacy").__version__,
        "jieba": __import__("jieba").__version__,
    }
    args.scores.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
