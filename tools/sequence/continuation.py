"""The continuation task and its metrics: a playlist's title and first k tracks (seeds) -> the rest of it.

Settings: k = 0 (title only), 1, 5 and 10 seeds, on every playlist with at least k + 5 tracks (so at least five
tracks remain to predict, as in the ranker's context requests). Candidates: the whole catalog except the seeds.
Metrics (per playlist, then averaged): R-precision and NDCG@10 from tools/ranker/metrics.py (ties broken by its
seeded permutation, never by catalog order, which groups the Spotify file by playlist), recall@50 of the rest, and
next-track hit rate @10 (the track right after the seeds is in the top 10), over the same seeded ranking, and
R-precision of the ranking as the assembler would take it, at most 2 tracks per artist (its default maxPerArtist):
an artist signal that the cap takes away shows here, as it did for the ranker (segue-ranker-2).
"""
import os
import sys
from dataclasses import dataclass

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ranker"))
import metrics  # noqa: E402  (the ranker's definitions: one meaning of R-precision and NDCG@10 across Segue)

SEEDS = (0, 1, 5, 10)
MIN_REST = 5
METRICS = ["r-precision", "ndcg@10", "recall@50", "next-hit@10", "r-precision, ≤2/artist"]
CAP = 2


def setting_name(k):
    return "title only" if k == 0 else f"{k} seed" + ("s" if k > 1 else "")


@dataclass
class Request:
    """What metrics.of reads (qid, grade, rel over the candidates), plus what this task adds."""
    qid: str
    playlist: object
    k: int
    seeds: np.ndarray     # [k] catalog positions
    cand: np.ndarray      # [N] catalog positions: every track but the seeds
    rel: np.ndarray       # [N] member of the rest of the playlist
    grade: np.ndarray     # [N] 1.0 for a member
    next: int             # index into cand of the track right after the seeds


def requests(playlists, catalog_size, k):
    out = []
    for p in playlists:
        if len(p.tracks) < k + MIN_REST:
            continue
        seeds = p.tracks[:k]
        keep = np.ones(catalog_size, bool)
        keep[seeds] = False
        cand = np.flatnonzero(keep)
        rel = np.isin(cand, p.tracks[k:])
        out.append(Request(f"seq:{k}:{p.pid}", p, k, seeds, cand, rel, rel.astype(np.float32),
                           int(np.searchsorted(cand, p.tracks[k]))))
    return out


def measure(catalog_scores, r, artists):
    """Metrics of one request from scores over the whole catalog (the seeds' scores are ignored); artists: [T]
    artist numbers."""
    scores = np.asarray(catalog_scores, dtype=np.float64)[r.cand]
    m = metrics.of(scores, r)
    order = metrics.ranking(scores, r.qid)
    n = int(r.rel.sum())
    return {"r-precision": m["r-precision"], "ndcg@10": m["ndcg@10"],
            "recall@50": float(r.rel[order[:50]].sum()) / n,
            "next-hit@10": float(r.next in set(order[:10].tolist())),
            "r-precision, ≤2/artist": capped_r_precision(order, r, artists)}


def capped_r_precision(order, r, artists):
    """Hits among the first R tracks taken from the ranking with at most CAP per artist, divided by R."""
    n = int(r.rel.sum())
    per, taken, hits = {}, 0, 0
    for i in order:
        a = artists[r.cand[i]]
        if per.get(a, 0) >= CAP:
            continue
        per[a] = per.get(a, 0) + 1
        hits += int(r.rel[i])
        taken += 1
        if taken == n:
            break
    return hits / n
