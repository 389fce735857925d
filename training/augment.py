"""Training-time data augmentation for the NER model: mention replacement.

Each training sentence is seen as it is and, with probability ``level``, once more with every
entity replaced by another entity of the same type drawn from the training set (Dai & Adel,
"An Analysis of Simple Data Augmentation for Named Entity Recognition", COLING 2020). The
model then sees the contexts of ``ORG`` or ``TITLE`` with many more fillers than the 3,819
sentences hold, which is what it needs to learn boundaries from context rather than from
the names it memorised. Seeded, so a run is reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry


def replace_mentions(text: str, spans: list[tuple[int, int, str]], pool: dict[str, list[str]],
                     rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` with each ``(start, end, label)`` span replaced by a random ``pool[label]``
    entry (kept where the label has no pool), and the new spans."""
    parts: list[str] = []
    new_spans: list[tuple[int, int, str]] = []
    at = length = 0
    for start, end, label in sorted(spans):
        parts.append(text[at:start])
        length += start - at
        choices = pool.get(label)
        filler = rng.choice(choices) if choices else text[start:end]
        parts.append(filler)
        new_spans.append((length, length + len(filler), label))
        length += len(filler)
        at = end
    parts.append(text[at:])
    return "".join(parts), new_spans


@registry.augmenters("resume_nlp.mention_replacement.v1")
def create_mention_replacement(path: str, level: float = 0.3, seed: int = 0
                               ) -> Callable[[Language, Example], Iterator[Example]]:
    pool: dict[str, list[str]] = {}
    rng = random.Random(seed)

    def load_pool(nlp: Language) -> None:
        for doc in DocBin().from_disk(Path(path)).get_docs(nlp.vocab):
            for ent in doc.ents:
                pool.setdefault(ent.label_, []).append(ent.text)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        if level <= 0 or rng.random() >= level or not example.reference.ents:
            return
        if not pool:
            load_pool(nlp)
        ref = example.reference
        spans = [(e.start_char, e.end_char, e.label_) for e in ref.ents]
        text, new_spans = replace_mentions(ref.text, spans, pool, rng)
        doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
        doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in new_spans]
        yield Example(nlp.make_doc(text), doc)

    return augment
