"""Linear-chain CRF over BILUO tags, in numpy: the loss and gradients used to train the NER
tagger (:class:`resume_nlp.ner.EntityTagger`) and the Viterbi decoder used to apply it.

Why a CRF and not spaCy's transition-based ``ner``: the transition system spends most of its
time per character in state bookkeeping (it tops out near 50-70 k characters per second on one
core however small its network), while a per-character classifier plus a CRF costs one small
matrix product per character and a Viterbi pass. The CRF's learned label-to-label scores keep
the per-character decisions consistent over long organisation names, which a plain softmax
does not.

Conventions: ``K`` labels; ``emissions`` is one ``(T, K)`` float array per document (any
per-position shift, e.g. log-softmax versus raw logits, gives the same distribution);
``transitions[i, j]`` scores label ``i`` followed by label ``j``; the *structure* of BILUO
(which label may follow which, which may start or end a document) is a fixed penalty from
:func:`biluo_constraints`, never learned.
"""

from __future__ import annotations

import numpy as np

__all__ = ["biluo_constraints", "crf_loss", "viterbi"]

# A large finite penalty rather than -inf: -inf - -inf is NaN in the forward pass.
FORBIDDEN = -1.0e4


def biluo_constraints(labels: list[str] | tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(pair, start, end)`` penalties (0 allowed, :data:`FORBIDDEN` not) for BILUO labels
    (``O``, ``B-X``, ``I-X``, ``L-X``, ``U-X``): inside an entity only ``I``/``L`` of the same
    type may follow; outside it only ``O``/``B``/``U``; a document cannot start inside an
    entity nor end in an open one."""
    k = len(labels)
    parts = [(lab[:1], lab[2:]) for lab in labels]
    pair = np.full((k, k), FORBIDDEN, dtype="float32")
    start = np.full(k, FORBIDDEN, dtype="float32")
    end = np.full(k, FORBIDDEN, dtype="float32")
    for j, (pj, tj) in enumerate(parts):
        if pj in ("O", "B", "U"):
            start[j] = 0.0
        if pj in ("O", "L", "U"):
            end[j] = 0.0
        for i, (pi, ti) in enumerate(parts):
            open_entity = pi in ("B", "I")
            if open_entity and pj in ("I", "L") and ti == tj:
                pair[i, j] = 0.0
            elif not open_entity and pj in ("O", "B", "U"):
                pair[i, j] = 0.0
    return pair, start, end


def _lse(x: np.ndarray, axis: int) -> np.ndarray:
    m = x.max(axis=axis, keepdims=True)
    return np.squeeze(m, axis) + np.log(np.exp(x - m).sum(axis=axis))


def _pad(emissions: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lengths = np.array([len(e) for e in emissions], dtype="int64")
    b, t, k = len(emissions), int(lengths.max()), emissions[0].shape[1]
    padded = np.zeros((b, t, k), dtype="float32")
    for n, e in enumerate(emissions):
        padded[n, : len(e)] = e
    mask = np.arange(t)[None, :] < lengths[:, None]
    return padded, mask, lengths


def crf_loss(emissions: list[np.ndarray], gold: list[np.ndarray], transitions: np.ndarray,
             constraints: tuple[np.ndarray, np.ndarray, np.ndarray]
             ) -> tuple[float, list[np.ndarray], np.ndarray]:
    """Negative log-likelihood of the gold label ids under the CRF, summed over documents,
    with its gradients: ``(loss, d_emissions per document, d_transitions)``.

    Documents must be non-empty. The gradient for an emission row is the label marginals
    minus the gold one-hot; for ``transitions`` the expected pair counts minus the gold ones.
    """
    pair, start, end = constraints
    E, mask, lengths = _pad(emissions)
    b, t_max, k = E.shape
    A = (transitions + pair).astype("float32")
    rows = np.arange(b)

    alpha = np.empty_like(E)
    alpha[:, 0] = start + E[:, 0]
    for t in range(1, t_max):
        step = _lse(alpha[:, t - 1, :, None] + A[None], axis=1) + E[:, t]
        alpha[:, t] = np.where(mask[:, t, None], step, alpha[:, t - 1])
    log_z = _lse(alpha[rows, lengths - 1] + end, axis=1)

    beta = np.zeros_like(E)
    for t in range(t_max - 1, -1, -1):
        if t + 1 < t_max:
            step = _lse(A[None] + (E[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        else:
            step = np.zeros((b, k), dtype="float32")
        beta[:, t] = np.where((lengths - 1 == t)[:, None], end,
                              np.where((t + 1 < lengths)[:, None], step, 0.0))

    marginals = np.exp(alpha + beta - log_z[:, None, None]) * mask[..., None]
    d_trans = np.zeros((k, k), dtype="float64")
    for t in range(1, t_max):
        live = mask[:, t]
        if not live.any():
            break
        xi = np.exp(alpha[live, t - 1, :, None] + A[None]
                    + (E[live, t] + beta[live, t])[:, None, :] - log_z[live, None, None])
        d_trans += xi.sum(axis=0)

    loss = float(log_z.sum())
    d_emissions = []
    for n, g in enumerate(gold):
        n_t = len(g)
        g = np.asarray(g, dtype="int64")
        d = marginals[n, :n_t].copy()
        d[np.arange(n_t), g] -= 1.0
        d_emissions.append(d.astype("float32"))
        gold_score = E[n, np.arange(n_t), g].sum() + start[g[0]] + end[g[-1]]
        if n_t > 1:
            gold_score += A[g[:-1], g[1:]].sum()
            np.add.at(d_trans, (g[:-1], g[1:]), -1.0)
        loss -= float(gold_score)
    return loss, d_emissions, d_trans.astype("float32")


def viterbi(emissions: list[np.ndarray], transitions: np.ndarray,
            constraints: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[np.ndarray]:
    """The best label-id sequence of each document (empty documents give empty arrays).

    The documents are decoded together, longest first, so that at step ``t`` the documents
    still running are a prefix of the batch: each step is a handful of array operations on
    that prefix, with no work spent on padding."""
    out: list[np.ndarray] = [np.zeros(0, dtype="int64")] * len(emissions)
    order = sorted((n for n, e in enumerate(emissions) if len(e)), key=lambda n: -len(emissions[n]))
    if not order:
        return out
    pair, start, end = constraints
    lengths = [len(emissions[n]) for n in order]
    b, t_max = len(order), lengths[0]
    running = np.searchsorted(-np.asarray(lengths), -np.arange(t_max), side="left")  # docs with len > t
    E = np.zeros((t_max, b, len(start)), dtype="float32")  # time-major: E[t, :running[t]] is contiguous
    for row, n in enumerate(order):
        E[: lengths[row], row] = emissions[n]
    # cur x prev layout, so the max over the previous label runs along contiguous memory
    A_t = np.ascontiguousarray((transitions + pair).T.astype("float32"))
    delta = start + E[0]
    back = []
    labels = np.arange(len(start))
    for t in range(1, t_max):
        m = running[t]
        if m == 1:  # one document left (or a single long one): 2-D operations cost less
            scores = A_t + delta[0]
            best_prev = scores.argmax(axis=1)
            delta[0] = scores[labels, best_prev] + E[t, 0]
            back.append(best_prev[None])
            continue
        scores = delta[:m, None, :] + A_t[None]
        best_prev = scores.argmax(axis=2)
        delta[:m] = np.take_along_axis(scores, best_prev[:, :, None], axis=2)[:, :, 0] + E[t, :m]
        back.append(best_prev)
    label = (delta + end).argmax(axis=1)
    path = np.empty((b, t_max), dtype="int64")
    for t in range(t_max - 1, 0, -1):
        m = running[t]
        if m == 1:
            path[0, t] = label[0]
            label[0] = back[t - 1][0, label[0]]
            continue
        path[:m, t] = label[:m]
        label[:m] = back[t - 1][np.arange(m), label[:m]]
    path[:, 0] = label
    for row, n in enumerate(order):
        out[n] = path[row, : lengths[row]]
    return out
