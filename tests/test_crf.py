"""The CRF's loss, gradients and decoder against brute force over every label sequence."""

import itertools

import numpy as np
import pytest

from resume_nlp.crf import FORBIDDEN, biluo_constraints, crf_loss, viterbi

LABELS = ["O", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-NAME", "I-NAME", "L-NAME", "U-NAME"]
CONSTRAINTS = biluo_constraints(LABELS)


def sequence_score(e, y, trans):
    pair, start, end = CONSTRAINTS
    s = start[y[0]] + end[y[-1]] + sum(e[t, y[t]] for t in range(len(y)))
    return s + sum(trans[y[t - 1], y[t]] + pair[y[t - 1], y[t]] for t in range(1, len(y)))


def brute(e, trans):
    seqs = list(itertools.product(range(len(LABELS)), repeat=len(e)))
    scores = np.array([sequence_score(e, y, trans) for y in seqs])
    m = scores.max()
    return seqs, scores, m + np.log(np.exp(scores - m).sum())


@pytest.mark.parametrize("prev, cur, allowed", [
    ("O", "B-ORG", True), ("O", "I-ORG", False), ("B-ORG", "I-ORG", True),
    ("B-ORG", "L-NAME", False), ("I-ORG", "O", False), ("L-ORG", "U-NAME", True),
    ("U-ORG", "L-ORG", False), ("I-NAME", "L-NAME", True),
])
def test_biluo_constraints(prev, cur, allowed):
    pair, _, _ = CONSTRAINTS
    assert bool(pair[LABELS.index(prev), LABELS.index(cur)] == 0.0) is allowed


def test_documents_cannot_start_or_end_inside_an_entity():
    _, start, end = CONSTRAINTS
    assert [LABELS[i] for i in np.flatnonzero(start == 0)] == ["O", "B-ORG", "U-ORG", "B-NAME", "U-NAME"]
    assert [LABELS[i] for i in np.flatnonzero(end == FORBIDDEN)] == ["B-ORG", "I-ORG", "B-NAME", "I-NAME"]


def _batch(seed):
    rng = np.random.default_rng(seed)
    k = len(LABELS)
    trans = rng.normal(size=(k, k)).astype("float32")
    ems = [rng.normal(size=(n, k)).astype("float32") for n in (3, 1, 2)]
    gold = [np.array([0, 4, 0]), np.array([8]), np.array([1, 3])]
    return ems, gold, trans


@pytest.mark.parametrize("seed", [0, 1])
def test_loss_is_the_negative_log_likelihood(seed):
    ems, gold, trans = _batch(seed)
    loss, _, _ = crf_loss(ems, gold, trans, CONSTRAINTS)
    expected = sum(brute(e, trans)[2] - sequence_score(e, g, trans) for e, g in zip(ems, gold))
    assert loss == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize("seed", [0, 1])
def test_gradients_match_finite_differences(seed):
    ems, gold, trans = _batch(seed)
    ems = [e.astype("float64") for e in ems]
    _, d_ems, d_trans = crf_loss(ems, gold, trans, CONSTRAINTS)
    eps = 1e-2
    for (n, t, j) in [(0, 1, 4), (0, 2, 0), (1, 0, 8), (2, 1, 3)]:
        up = [e.copy() for e in ems]
        up[n][t, j] += eps
        down = [e.copy() for e in ems]
        down[n][t, j] -= eps
        numeric = (crf_loss(up, gold, trans, CONSTRAINTS)[0] - crf_loss(down, gold, trans, CONSTRAINTS)[0]) / (2 * eps)
        assert d_ems[n][t, j] == pytest.approx(numeric, abs=2e-3)
    for (i, j) in [(0, 4), (1, 3), (4, 0), (0, 0)]:
        up, down = trans.copy(), trans.copy()
        up[i, j] += eps
        down[i, j] -= eps
        numeric = (crf_loss(ems, gold, up, CONSTRAINTS)[0] - crf_loss(ems, gold, down, CONSTRAINTS)[0]) / (2 * eps)
        assert d_trans[i, j] == pytest.approx(numeric, abs=2e-3)


@pytest.mark.parametrize("seed", range(4))
def test_viterbi_finds_the_best_sequence(seed):
    ems, _, trans = _batch(seed)
    ems.append(np.zeros((0, len(LABELS)), dtype="float32"))
    paths = viterbi(ems, trans, CONSTRAINTS)
    for e, path in zip(ems[:-1], paths):
        seqs, scores, _ = brute(e, trans)
        assert tuple(path) == seqs[int(scores.argmax())]
    assert len(paths[-1]) == 0


def test_batch_decoding_equals_one_document_at_a_time():
    rng = np.random.default_rng(7)
    trans = rng.normal(size=(len(LABELS), len(LABELS))).astype("float32")
    ems = [rng.normal(size=(n, len(LABELS))).astype("float32") for n in (40, 5, 0, 17, 40, 1, 33)]
    together = viterbi(ems, trans, CONSTRAINTS)
    alone = [viterbi([e], trans, CONSTRAINTS)[0] for e in ems]
    assert all(np.array_equal(a, b) for a, b in zip(together, alone))
    pair, start, end = CONSTRAINTS
    for path in together:  # every decoded sequence is valid BILUO
        if len(path):
            assert start[path[0]] == 0 and end[path[-1]] == 0
            assert all(pair[a, b] == 0 for a, b in zip(path[:-1], path[1:]))
