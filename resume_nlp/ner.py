"""spaCy side of the shipped Chinese resume NER model (``resume_nlp/models/zh_resume_ner``).

The model is a character-level pipeline: ``spacy.blank("zh")`` with the ``char`` segmenter
(one token per character, so no entity is ever cut by a word boundary), then the
``resume_nlp_char_features`` component defined here, then ``tok2vec`` and the
``resume_nlp_entity_tagger`` (component name ``ner``), also defined here.

``resume_nlp_char_features`` writes context features into token attributes that
``spacy.MultiHashEmbed.v2`` hashes (listed in ``training/config.cfg``):

* ``LEMMA`` -- the character bigram (this character + the next one);
* ``TAG``   -- the character's position in its word (``B``/``M``/``E``/``S``) and the word
  length (capped at 6), from a *private* ``jieba.Tokenizer`` over jieba's bundled dictionary
  (the global ``jieba.dt`` is never initialised, and no user word is added, so the features
  do not drift when the package's gazetteers change);
* ``NORM``  -- the word itself with that position (``北京大学|B``);
* ``DEP``   -- the character's roles in *every* dictionary word that covers it, whatever the
  segmentation chose (``B2.B4.M``); the slot is free in a pipeline without a parser.

``resume_nlp_entity_tagger`` scores the BILUO labels of each character with one linear layer
on the ``tok2vec`` output and decodes them with a linear-chain CRF (:mod:`resume_nlp.crf`),
which is several times faster than spaCy's transition-based ``ner`` at the same accuracy.

Importing this module imports spaCy (it registers the factories and the architecture);
``import resume_nlp`` does not import it. :func:`load` returns the shipped pipeline, loaded
once per process on first use.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import DEP, IDX, LEMMA, NORM, TAG
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, Softmax_v2, chain, with_array, zero_init

from . import crf

__all__ = ["MODEL_PATH", "FACTORY", "TAGGER_FACTORY", "CharFeatures", "EntityTagger", "load", "features"]

MODEL_PATH = Path(__file__).parent / "models" / "zh_resume_ner"
FACTORY = "resume_nlp_char_features"

_LOCK = threading.RLock()
_MAX_LEN = 6
_MAX_CACHED_IDS = 200_000
_LENGTHS = [str(k) for k in range(_MAX_LEN + 1)]


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


def features(text: str, segmentation: bool = True) -> tuple[list[str], list[str], list[str], list[str]]:
    """Per-character ``(bigram, word position, word|position, lexicon roles)`` of ``text``.

    The first three follow jieba's segmentation of ``text``; the lexicon roles list every
    dictionary word of two or more characters that covers the character, whatever the
    segmentation chose (``B3`` first character of a 3-character word, ``M`` inside one, ``E4``
    last character of a 4-character word), so an organisation name that jieba cuts differently
    still shows its words.

    With ``segmentation=False`` jieba's segmentation is skipped (it is the costliest part) and
    the position and word lists are empty.

    >>> features("高勇，男")[1]  # doctest: +SKIP
    ['B2', 'E2', 'S1', 'S1']
    """
    n = len(text)
    tk = _jieba()
    bigrams = [a + b for a, b in zip(text, text[1:])] + [text[-1:] + "</s>"] if n else []
    pos = ["S1"] * n if segmentation else []
    words = [""] * n if segmentation else []
    i = 0
    for w in tk.cut(text, HMM=True) if segmentation else ():
        k = len(w)
        if k == 1:
            words[i] = w + "|S"
        else:
            ln = _LENGTHS[min(k, _MAX_LEN)]
            pos[i : i + k] = ["B" + ln] + ["M" + ln] * (k - 2) + ["E" + ln]
            words[i : i + k] = [w + "|B"] + [w + "|M"] * (k - 2) + [w + "|E"]
        i += k
    roles: list[list[str]] = [[] for _ in range(n)]
    for start, ends in tk.get_DAG(text).items():
        for end in ends:
            if end > start:
                ln = _LENGTHS[min(end - start + 1, _MAX_LEN)]
                roles[start].append("B" + ln)
                roles[end].append("E" + ln)
                for j in range(start + 1, end):
                    roles[j].append("M")
    lexicon = [".".join(sorted(set(r))) if r else "-" for r in roles]
    return bigrams, pos, words, lexicon


class CharFeatures:
    """Pipeline component: writes the hashes of the bigram, the word position, the word and the
    lexicon roles into ``LEMMA``, ``TAG``, ``NORM`` and ``DEP`` of each character token (no
    trainable weights). Only hashes: ``token.lemma_`` and the like have no string behind them."""

    def __init__(self, nlp: Language, name: str = FACTORY, segmentation: bool = True) -> None:
        self.name = name
        self.segmentation = segmentation
        # Feature string -> hash. The hash embedding needs only the hash, so the strings are not
        # added to the vocabulary's StringStore (which would grow with every new bigram or word a
        # long-running service sees); the dict saves hashing a string again (a dict lookup costs
        # a fifth of it) and is cleared when large.
        self._ids: dict[str, int] = {}

    def _hashes(self, column: list[str]) -> list[int]:
        ids = self._ids
        if len(ids) > _MAX_CACHED_IDS:
            ids.clear()
        get = ids.get
        # get-or-hash in one lookup, safe if another thread clears the dict meanwhile (no
        # feature string is empty, so no hash is 0)
        return [get(x) or ids.setdefault(x, get_string_id(x)) for x in column]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = doc.text
        bigrams, pos, words, lexicon = features(text, self.segmentation)
        if self.segmentation:
            attrs = [LEMMA, TAG, NORM, DEP]
            columns = [bigrams, pos, [w or c for w, c in zip(words, text)], lexicon]
        else:
            attrs, columns = [LEMMA, DEP], [bigrams, lexicon]
        if len(doc) != len(text):  # whitespace runs share a token: take each token's first character
            idx = doc.to_array(IDX).tolist()
            columns = [[col[i] for i in idx] for col in columns]
        arr = numpy.array([self._hashes(col) for col in columns], dtype="uint64").T
        doc.from_array(attrs, numpy.ascontiguousarray(arr))
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


@Language.factory(FACTORY, default_config={"segmentation": True})
def make_char_features(nlp: Language, name: str, segmentation: bool) -> CharFeatures:
    return CharFeatures(nlp, name, segmentation)


# -- the tokenizer: one token per character -------------------------------------------------

TOKENIZER = "resume_nlp.char_tokenizer.v1"


class CharTokenizer:
    """One token per character, whitespace runs as tokens of their own and a single space after a
    character as that token's trailing space: the tokens of ``spacy.zh.ChineseTokenizer`` with
    the ``char`` segmenter, which re-aligns its characters by slicing the rest of the text at
    every character (quadratic in the length of a document); this is one pass."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        if not any(c.isspace() for c in text):
            return Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        words: list[str] = []
        spaces: list[bool] = []
        i, n = 0, len(text)
        while i < n:
            if text[i].isspace():
                j = i + 1
                while j < n and text[j].isspace():
                    j += 1
                words.append(text[i:j])
                spaces.append(False)
                i = j
                continue
            words.append(text[i])
            i += 1
            spaces.append(i < n and text[i] == " ")
            if spaces[-1]:
                i += 1
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    # No state: serialisation is a no-op (spaCy still calls these).
    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> "CharTokenizer":
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "CharTokenizer":
        return self


@registry.tokenizers(TOKENIZER)
def create_char_tokenizer() -> Any:
    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make


# -- the entity tagger: a per-character BILUO classifier on the tok2vec, decoded by a CRF ----

TAGGER_FACTORY = "resume_nlp_entity_tagger"
TAGGER_ARCH = "resume_nlp.CRFTagger.v1"


@registry.architectures(TAGGER_ARCH)
def build_crf_tagger(tok2vec: Model, nO: int | None = None) -> Model:
    """The tok2vec, then one linear layer to per-label scores, and a learned ``(nO, nO)``
    ``transitions`` parameter for the CRF (:mod:`resume_nlp.crf`). In training the output is a
    softmax (thinc's ``Softmax_v2`` backpropagates the gradient it receives as the gradient of
    its logits, which for a CRF over log-probabilities is the same); at prediction it is the
    logits. Keeping ``transitions`` a parameter of the model means the optimizer's weight
    averages and the model's serialisation cover it like every other weight."""
    width = tok2vec.get_dim("nO") if tok2vec.has_dim("nO") else None
    output = Softmax_v2(nO, width, init_W=zero_init, normalize_outputs=False)
    inner = chain(tok2vec, with_array(output))
    return Model(
        "crf_tagger",
        _crf_tagger_forward,
        init=_crf_tagger_init,
        layers=[inner],
        params={"transitions": None},
        dims={"nO": nO},
        refs={"tok2vec": tok2vec, "output_layer": output},
    )


def _crf_tagger_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    return model.layers[0](docs, is_train)


def _crf_tagger_init(model: Model, X: Any = None, Y: Any = None) -> Model:
    model.layers[0].initialize(X=X, Y=Y)
    n_labels = model.get_ref("output_layer").get_dim("nO")
    model.set_dim("nO", n_labels, force=True)
    model.set_param("transitions", model.ops.alloc2f(n_labels, n_labels))
    return model


class EntityTagger(Tagger):
    """Named entities as BILUO labels per character: :func:`build_crf_tagger` scores each
    character, a linear-chain CRF trains and decodes the sequence (``doc.ents``)."""

    def __init__(self, vocab: Any, model: Model, name: str = TAGGER_FACTORY, *,
                 scorer: Any = None) -> None:
        super().__init__(vocab, model, name, scorer=scorer)
        self._constraints: tuple[Any, Any, Any] | None = None

    @property
    def entity_types(self) -> tuple[str, ...]:
        """The entity labels (``ORG``), where :attr:`labels` are the BILUO tags (``B-ORG``)."""
        return tuple(sorted({label[2:] for label in self.labels if label != "O"}))

    def constraints(self) -> tuple[Any, Any, Any]:
        if self._constraints is None or len(self._constraints[1]) != len(self.labels):
            self._constraints = crf.biluo_constraints(self.labels)
        return self._constraints

    def _transitions(self) -> Any:
        return self.model.ops.to_numpy(self.model.get_param("transitions"))

    def _scores2guesses(self, scores: list[Any]) -> list[Any]:
        ems = [numpy.asarray(self.model.ops.to_numpy(s), dtype="float32") for s in scores]
        return crf.viterbi(ems, self._transitions(), self.constraints())

    def set_annotations(self, docs: list[Doc], batch_tag_ids: list[Any]) -> None:
        from spacy.training import biluo_tags_to_spans

        labels = self.labels
        for doc, ids in zip(docs, batch_tag_ids):
            doc.ents = biluo_tags_to_spans(doc, [labels[i] for i in ids])

    def get_loss(self, examples: Any, scores: list[Any]) -> tuple[float, list[Any]]:
        index = {label: i for i, label in enumerate(self.labels)}
        ems, gold, kept = [], [], []
        for n, (eg, sc) in enumerate(zip(examples, scores)):
            tags = eg.get_aligned_ner()
            if not len(sc) or any(t not in index for t in tags):
                continue  # unaligned or unannotated tokens: no signal from this document
            kept.append(n)
            # training output is a softmax: its log is a per-position shift of the logits
            ems.append(numpy.log(numpy.maximum(self.model.ops.to_numpy(sc), 1e-12)))
            gold.append(numpy.array([index[t] for t in tags], dtype="int64"))
        d_scores = [self.model.ops.alloc2f(*sc.shape) for sc in scores]
        if not kept:
            return 0.0, d_scores
        loss, d_ems, d_trans = crf.crf_loss(ems, gold, self._transitions(), self.constraints())
        for n, d in zip(kept, d_ems):
            d_scores[n] = self.model.ops.asarray2f(d)
        self.model.inc_grad("transitions", self.model.ops.asarray2f(d_trans))
        return loss, d_scores

    def initialize(self, get_examples: Any, *, nlp: Language | None = None,
                   labels: Any = None) -> None:
        if labels is None:
            types = sorted({t[2:] for eg in get_examples() for t in eg.get_aligned_ner()
                            if t and t not in ("O", "-")})
            labels = ["O"] + [f"{p}-{t}" for t in types for p in "BILU"]
        for label in labels:
            self.add_label(label)
        index = {label: i for i, label in enumerate(self.labels)}
        docs, golds = [], []
        for eg in islice(get_examples(), 10):
            docs.append(eg.x)
            onehot = numpy.zeros((len(eg.x), len(self.labels)), dtype="float32")
            for i, t in enumerate(eg.get_aligned_ner()):
                if t in index:
                    onehot[i, index[t]] = 1.0
            golds.append(self.model.ops.asarray2f(onehot))
        self.model.initialize(X=docs, Y=golds)
        self._constraints = None


@Language.factory(
    TAGGER_FACTORY,
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": {"@architectures": TAGGER_ARCH,
                  "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96,
                              "upstream": "*"}},
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_entity_tagger(nlp: Language, name: str, model: Model, scorer: Any) -> EntityTagger:
    return EntityTagger(nlp.vocab, model, name, scorer=scorer)


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
