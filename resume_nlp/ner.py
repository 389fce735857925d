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

from spacy.attrs import LEMMA, NORM, TAG
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

        arr = numpy.empty((len(doc), 3), dtype="uint64")
        for t in doc:
            i = t.idx
            arr[t.i, 0] = add(bigrams[i])
            arr[t.i, 1] = add(pos[i])
            arr[t.i, 2] = add(words[i] or t.text)
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


@lru_cache(maxsize=1)
def load(path: str | None = None) -> Language:
    """The shipped NER pipeline (or the one at ``path``), loaded once per process, offline."""
    with _LOCK:
        import spacy

        return spacy.load(Path(path) if path else MODEL_PATH)
