"""spaCy side of the shipped Chinese resume NER model (``resume_nlp/models/zh_resume_ner``).

The model is a character-level pipeline: ``spacy.blank("zh")`` with the ``char`` segmenter
(one token per character, so no entity is ever cut by a word boundary), then the
``resume_nlp_char_features`` component defined here, then ``tok2vec`` and ``ner``.

``resume_nlp_char_features`` writes context features into token attributes that
``spacy.MultiHashEmbed.v2`` hashes (listed in ``training/config.cfg``):

* ``LEMMA`` -- the character bigram (this character + the next one);
* ``TAG``   -- the character's position in its word (``B``/``M``/``E``/``S``) and the word
  length (capped at 6), from a *private* ``jieba.Tokenizer`` over jieba's bundled dictionary
  (the global ``jieba.dt`` is never initialised, and no user word is added, so the features
  do not drift when the package's gazetteers change);
* ``NORM``  -- the word itself with that position (``北京大学|B``).

Importing this module imports spaCy (it registers the factory); ``import resume_nlp`` does
not import it. :func:`load` returns the shipped pipeline, loaded once per process on first
use.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.attrs import IDX, LEMMA, NORM, TAG
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MODEL_PATH", "FACTORY", "CharFeatures", "load", "features"]

MODEL_PATH = Path(__file__).parent / "models" / "zh_resume_ner"
FACTORY = "resume_nlp_char_features"

_LOCK = threading.RLock()
_MAX_LEN = 6


@lru_cache(maxsize=1)
def _jieba() -> Any:
    """A private ``jieba.Tokenizer`` over jieba's bundled dictionary (cached prefix dict in
    the package's per-user cache directory, never ``/tmp``)."""
    with _LOCK:
        import jieba

        from .tokenizers import _load_freq, cache_dir

        tk = jieba.Tokenizer()
        tk.tmp_dir = str(cache_dir())
        tk.FREQ, tk.total = _load_freq(tk)
        tk.initialized = True
        return tk


def features(text: str) -> tuple[list[str], list[str], list[str]]:
    """Per-character ``(bigram, word position, word|position)`` of ``text``.

    >>> features("高勇，男")[1]  # doctest: +SKIP
    ['B2', 'E2', 'S1', 'S1']
    """
    n = len(text)
    bigrams = [text[i : i + 2] if i + 1 < n else text[i] + "</s>" for i in range(n)]
    pos = ["S1"] * n
    words = [""] * n
    i = 0
    for w in _jieba().cut(text, HMM=True):
        k = len(w)
        if k == 1:
            words[i] = w + "|S"
        else:
            ln = str(min(k, _MAX_LEN))
            for j in range(k):
                p = "B" if j == 0 else ("E" if j == k - 1 else "M")
                pos[i + j] = p + ln
                words[i + j] = w + "|" + p
        i += k
    return bigrams, pos, words


class CharFeatures:
    """Pipeline component: writes the bigram, the word position and the word into
    ``LEMMA``, ``TAG`` and ``NORM`` of each character token (no trainable weights)."""

    def __init__(self, nlp: Language, name: str = FACTORY) -> None:
        self.name = name
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = doc.text
        bigrams, pos, words = features(text)
        add = self.strings.add
        import numpy

        idx = doc.to_array(IDX).tolist()
        arr = numpy.array(
            [(add(bigrams[i]), add(pos[i]), add(words[i] or text[i])) for i in idx], dtype="uint64"
        )
        doc.from_array([LEMMA, TAG, NORM], arr)
        return doc

    # No state: serialisation is a no-op (spaCy still calls these).
    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        return None

    def from_disk(self, path: Any, *, exclude: Any = ()) -> "CharFeatures":
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> "CharFeatures":
        return self


@Language.factory(FACTORY)
def make_char_features(nlp: Language, name: str) -> CharFeatures:
    return CharFeatures(nlp, name)


# The training data writes punctuation full-width (，：；（）％); the normalized text of the
# pipeline has ASCII. One character for one, so offsets do not move.
_TO_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "%": "％",
                               "?": "？", "!": "！"})


def to_training_form(text: str) -> str:
    """``text`` with ASCII punctuation written full-width as in the training data
    (same length, same offsets)."""
    return text.translate(_TO_FULLWIDTH)


def read_bmes(path: str | Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences of a ``char TAG`` BMES file (ResumeNER) as ``(text, [(start, end, label)])``.

    Two training sentences begin inside an ORG that the previous sentence opened (the source
    splitter cut ``圣。彼得堡`` and ``（中国。深圳）`` at the ``。``): such a pair is joined back into
    one sentence, which gives the paper's 4,611 train ORG. Otherwise tolerant: a sentence that
    begins inside an entity starts the entity there; an ``M``/``E`` that does not continue the open
    entity of the same type opens a new one; an unclosed entity ends at the next ``O``,
    ``B`` or ``S`` or at the end of the sentence.
    """
    raw: list[tuple[list[str], list[str]]] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if chars:
            prev = raw[-1][1] if raw else None
            if (prev and tags[0][:2] in ("M-", "E-") and prev[-1][:2] in ("B-", "M-")
                    and prev[-1][2:] == tags[0][2:]):
                # the sentence splitter cut inside an entity (圣。彼得堡): join the halves again
                raw[-1][0].extend(chars)
                raw[-1][1].extend(tags)
            else:
                raw.append((list(chars), list(tags)))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                flush()
                continue
            if len(parts) == 1:  # a bare tag: the character was whitespace
                parts = [" ", parts[0]]
            chars.append(parts[0][0] if len(parts[0]) == 1 else parts[0][:1])
            tags.append(parts[-1])
    flush()
    return [("".join(c), bmes_spans(t)) for c, t in raw]


def bmes_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` entity spans of one sentence's BMES (or BIOES) tags."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        prefix = {"I": "M", "L": "E", "U": "S"}.get(prefix, prefix)
        if prefix in ("M", "E") and (start < 0 or typ != label):
            if start >= 0:
                spans.append((start, i, label))
            start, label = i, typ  # begins inside an entity: repair as B-
        if prefix in ("O", "B", "S") and start >= 0:
            spans.append((start, i, label))
            start = -1
        if prefix == "B":
            start, label = i, typ
        elif prefix == "S":
            spans.append((i, i + 1, typ))
        elif prefix == "E":
            spans.append((start, i + 1, label))
            start = -1
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


def score_spans(gold: list[list[tuple[int, int, str]]],
                pred: list[list[tuple[int, int, str]]]) -> dict[str, dict[str, float]]:
    """Exact-match entity P/R/F1 (percent), overall (``"ALL"``) and per label."""
    counts: dict[str, list[int]] = {}
    for g, p in zip(gold, pred):
        gs, ps = set(g), set(p)
        for label in {s[2] for s in gs | ps} | {"ALL"}:
            c = counts.setdefault(label, [0, 0, 0])
            gl = gs if label == "ALL" else {s for s in gs if s[2] == label}
            pl = ps if label == "ALL" else {s for s in ps if s[2] == label}
            c[0] += len(gl & pl)
            c[1] += len(pl)
            c[2] += len(gl)
    out = {}
    for label, (tp, np_, ng) in sorted(counts.items()):
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2),
                      "support": ng}
    return out


def evaluate_bmes(nlp: Language, path: str | Path, batch_size: int = 256) -> dict[str, dict[str, float]]:
    """Score ``nlp`` on a BMES file, one sentence per doc (as the file splits them)."""
    sents = read_bmes(path)
    pred = [[(e.start_char, e.end_char, e.label_) for e in d.ents]
            for d in nlp.pipe((t for t, _ in sents), batch_size=batch_size)]
    return score_spans([s for _, s in sents], pred)


@lru_cache(maxsize=1)
def load(path: str | None = None) -> Language:
    """The shipped NER pipeline (or the one at ``path``), loaded once per process, offline."""
    with _LOCK:
        import spacy

        return spacy.load(Path(path) if path else MODEL_PATH)
