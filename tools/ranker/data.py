"""Loads what ./segue export-training-data wrote (plus queries.jsonl's labels) into requests ready to train or score.

A request = one query vector, its context tracks (seeds), and its candidates: catalog positions, the Java-computed
RankerFeatures, graded relevance and binary relevance. Nothing here computes a feature: train and serve share the
Java definitions (dev.segue.ranking.RankerFeatures).
"""
import json
import os
from dataclasses import dataclass

import numpy as np

from queries import artist_split

DIM = 384


@dataclass
class Request:
    qid: str
    dataset: str          # jamendo | spotify
    view: str             # pool | catalog | sample
    split: str            # train | val | test
    kind: str             # jamendo: template facets (g, mg, ...); spotify: title | context1 | context3 | context10
    prompt: str
    query: np.ndarray     # [384] the vector the foundation scorer used
    prompt_vec: np.ndarray  # [384] the raw prompt's embedding
    context: np.ndarray   # [C] catalog positions of the context tracks (seeds)
    cand: np.ndarray      # [N] catalog positions
    feat: np.ndarray      # [N, F] candidate features
    grade: np.ndarray     # [N] graded relevance (0 = not relevant)
    rel: np.ndarray       # [N] binary relevance (fully relevant)
    expected: int         # the playlist length the request asked for (its pool was planned for it)


@dataclass
class Catalog:
    name: str
    tracks: list
    vectors: np.ndarray   # [T, 384]
    features: np.ndarray  # [T, TRACK]
    manifest: dict
    artists: np.ndarray   # [T] artist number (same number = same artist, case-insensitive): the assembler's cap


def load(work, name):
    d = os.path.join(work, name)
    manifest = json.load(open(os.path.join(d, "manifest.json")))
    tracks = [json.loads(l) for l in open(os.path.join(d, "tracks.jsonl"), encoding="utf-8")]
    t = len(tracks)
    catalog = Catalog(name, tracks,
                      np.fromfile(os.path.join(d, "track_vectors.f32"), dtype="<f4").reshape(t, DIM),
                      np.fromfile(os.path.join(d, "track_features.f32"), dtype="<f4").reshape(t, -1), manifest,
                      artist_numbers(tracks))
    f = len(manifest["candidateFeatures"])
    cands = np.fromfile(os.path.join(d, "candidates.i32"), dtype="<i4")
    feats = np.fromfile(os.path.join(d, "candidate_features.f32"), dtype="<f4").reshape(-1, f)
    qv = np.fromfile(os.path.join(d, "query_vectors.f32"), dtype="<f4").reshape(-1, DIM)
    pv = np.fromfile(os.path.join(d, "prompt_vectors.f32"), dtype="<f4").reshape(-1, DIM)
    labels = {}
    for line in open(os.path.join(d, "queries.jsonl"), encoding="utf-8"):
        q = json.loads(line)
        q.pop("candidates", None)
        labels[q["qid"]] = q
    position = {tr["id"]: i for i, tr in enumerate(tracks)}
    if name == "jamendo":
        artist_of = np.array([artist_split(tr["artist"]) for tr in tracks])
        facet_key = {"g": "genres", "m": "moods", "i": "instruments"}
        tagsets = [{k: set(tr[v]) for k, v in facet_key.items()} for tr in tracks]
    requests = []
    for i, line in enumerate(open(os.path.join(d, "requests.jsonl"), encoding="utf-8")):
        r = json.loads(line)
        q = labels[r["qid"]]
        cand = cands[r["offset"]:r["offset"] + r["count"]]
        feat = feats[r["offset"]:r["offset"] + r["count"]]
        context = np.array([position[s] for s in q["seeds"] if s in position], dtype=np.int64)
        if name == "jamendo":
            # Artist split: a request only ever sees tracks of its own split's artists.
            keep = artist_of[cand] == q["split"]
            cand, feat = cand[keep], feat[keep]
            grade = np.array([sum(tag in tagsets[c][f] for f, tag in q["facets"].items()) for c in cand], np.float32)
            rel = grade == len(q["facets"])
            kind = q["template"].rstrip("0123456789")
        else:
            keep = ~np.isin(cand, context)  # tracks already chosen are not candidates
            cand, feat = cand[keep], feat[keep]
            members = {position[s] for s in q["relevant"] if s in position}
            rel = np.array([c in members for c in cand], dtype=bool)
            grade = rel.astype(np.float32)
            kind = q["kind"]
        requests.append(Request(r["qid"], name, q["view"], q["split"], kind, q["prompt"], qv[i], pv[i], context,
                                cand.astype(np.int64), feat, grade, rel, int(q.get("expected") or 20)))
    return catalog, requests


def artist_numbers(tracks):
    numbers = {}
    return np.array([numbers.setdefault(tr["artist"].strip().lower(), len(numbers)) for tr in tracks], np.int64)
