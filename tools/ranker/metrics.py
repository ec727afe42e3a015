"""Ranking metrics over one request's candidates.

NDCG@10 uses graded gains 2^grade - 1 (Jamendo: how many named facets a track meets; Spotify: 1 for a playlist
member). Recall@20 and R-precision use binary relevance (every facet met / member) with R = relevant candidates.
Ties are broken by a fixed random permutation seeded by the request id: never by catalog order, which in the Spotify
file groups tracks by playlist and would leak the answer to any method that ties (popularity, tag match, cosine over
identical track texts).
"""
import zlib

import numpy as np

DISCOUNT = 1.0 / np.log2(np.arange(2, 12))


def ranking(scores, qid):
    rng = np.random.default_rng(zlib.crc32(qid.encode()))
    perm = rng.permutation(len(scores))
    return perm[np.argsort(-scores[perm], kind="stable")]


def of(scores, request):
    """{"ndcg@10", "recall@20", "r-precision"}; values are None when the request has no relevant candidate."""
    gain = np.power(2.0, request.grade) - 1.0
    r = int(request.rel.sum())
    if gain.sum() <= 0 or r == 0:
        return {"ndcg@10": None, "recall@20": None, "r-precision": None}
    order = ranking(np.asarray(scores, dtype=np.float64), request.qid)
    top = order[:10]
    dcg = float((gain[top] * DISCOUNT[:len(top)]).sum())
    ideal = np.sort(gain)[::-1][:10]
    idcg = float((ideal * DISCOUNT[:len(ideal)]).sum())
    return {"ndcg@10": dcg / idcg,
            "recall@20": float(request.rel[order[:20]].sum()) / r,
            "r-precision": float(request.rel[order[:r]].sum()) / r}


def served(model_scores, request, column):
    """The order TransformerRanker serves: the model orders the tracks that meet every required wish; the rest follow
    in the foundation scorer's order."""
    fits = request.feat[:, column["fits"]] > 0.5
    span = float(model_scores.max() - model_scores.min()) + 1e-9
    norm = (model_scores - model_scores.min()) / span
    return np.where(fits, 2.0 + norm, request.feat[:, column["foundation_score"]].clip(-1.0, 1.9))


def selection(scores, request, artists, cap=2):
    """What the assembler takes from a ranking: the first `expected` tracks with at most `cap` per artist (its
    default). Returns the share of the relevant candidates it could take that it took: hits / min(expected, R), or
    None without a relevant candidate. Order and flow (the energy arc re-orders the picks) do not count here."""
    r = int(request.rel.sum())
    if r == 0:
        return None
    taken, per, hits = 0, {}, 0
    for i in ranking(np.asarray(scores, dtype=np.float64), request.qid):
        a = artists[request.cand[i]]
        if per.get(a, 0) >= cap:
            continue
        per[a] = per.get(a, 0) + 1
        hits += int(request.rel[i])
        taken += 1
        if taken == request.expected:
            break
    return hits / min(request.expected, r)
