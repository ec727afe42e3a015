"""The sequence model end to end: held-out Spotify playlists through the running service.

For every playlist of the test split (tools/ranker/queries.py's playlist_split, the split training never saw) with at
least k + 5 catalog tracks: POST /api/playlists {prompt: title, length: 100, seedTrackIds: first k tracks,
options.sequence: auto | none} for k = 0 (title only), 1, 5, 10. The served playlist (in its order) is scored against
the rest of the real playlist with the evals' definitions (evals RankingMetrics: R-precision, NDCG@10, recall@50 over
exact track ids); auto and none are compared per playlist with paired 95% bootstrap intervals (tools/ranker/
eval_split.py's). Writes JSON of every response's metrics and a markdown report.

    /usr/bin/python3 tools/sequence/end_to_end.py --url http://localhost:8099 --out target/sequence-end-to-end
"""
import argparse
import csv
import json
import math
import os
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.append(os.path.join(HERE, "..", "ranker"))
from eval_split import paired_interval  # noqa: E402
from queries import playlist_split  # noqa: E402

SEEDS = (10, 5, 1, 0)
MIN_REST = 5
LENGTH = 100
VARIANTS = ("auto", "none")
METRICS = ("r_precision", "ndcg_at_10", "recall_at_50")


def playlists(data, catalog_ids):
    members = {}
    with open(os.path.join(data, "playlist_tracks.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            members.setdefault(row["playlist_id"], []).append((int(row["position"]), "spotify:" + row["track_id"]))
    out = []
    with open(os.path.join(data, "playlists.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            title = row["playlist_name"].strip()
            if title and playlist_split(title) == "test":
                ids = [i for _, i in sorted(members.get(row["playlist_id"], [])) if i in catalog_ids]
                out.append((row["playlist_id"], title, list(dict.fromkeys(ids))))
    return out


def catalog_ids(data):
    with open(os.path.join(data, "tracks_unique.csv"), encoding="utf-8") as f:
        return {"spotify:" + row["track_id"] for row in csv.DictReader(f)}


def score(ranked, relevant):
    """evals RankingMetrics.score, the same definitions."""
    n = len(relevant)
    hits = lambda k: sum(1 for t in ranked[:k] if t in relevant)
    dcg = sum(1 / math.log2(i + 2) for i, t in enumerate(ranked[:10]) if t in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, n)))
    return {"r_precision": hits(n) / n, "ndcg_at_10": dcg / ideal, "recall_at_50": hits(50) / n}


def ask(url, key, body):
    request = urllib.request.Request(url + "/api/playlists?trace=true", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", **({"X-Api-Key": key} if key else {})})
    start = time.time()
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.load(response)
    notes = [s.get("detail", "") for s in answer.get("trace", {}).get("steps", []) if s.get("name") == "sequence"]
    return [t["id"] for t in answer["tracks"]], notes, time.time() - start


def run(url, key, cases, workers):
    def one(case):
        pid, title, ids, k, variant = case
        body = {"prompt": title, "length": LENGTH, "options": {"sequence": variant}}
        if k:
            body["seedTrackIds"] = ids[:k]
        ranked, notes, seconds = ask(url, key, body)
        return {"pid": pid, "title": title, "k": k, "variant": variant, "notes": notes, "seconds": seconds,
                "tracks": len(ranked), **score(ranked, set(ids[k:]))}
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, cases))


def report(results, n_playlists):
    lines = []
    for k in SEEDS:
        by = {v: {r["pid"]: r for r in results if r["k"] == k and r["variant"] == v} for v in VARIANTS}
        pids = sorted(set(by["auto"]) & set(by["none"]))
        if not pids:
            continue
        setting = "title only" if k == 0 else f"{k} seed" + ("s" if k > 1 else "")
        lines += [f"### {setting} ({len(pids)} test playlists)", "",
                  "| metric | sequence=none | sequence=auto | auto / none | auto − none [95% CI] |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        for m in METRICS:
            a = np.array([by["auto"][p][m] for p in pids])
            b = np.array([by["none"][p][m] for p in pids])
            low, high = paired_interval(a - b)
            ratio = a.mean() / b.mean() if b.mean() > 0 else float("nan")
            lines.append(f"| {m} | {b.mean():.3f} | {a.mean():.3f} | {ratio:.2f}× | "
                         f"{(a - b).mean():+.3f} [{low:+.3f}, {high:+.3f}] |")
        seconds = np.array([by["auto"][p]["seconds"] for p in pids])
        lines += ["", f"Latency with sequence=auto (client-side, whole request): median {np.median(seconds)*1000:.0f} ms,"
                      f" p95 {np.percentile(seconds, 95)*1000:.0f} ms.", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8099")
    parser.add_argument("--api-key", default=os.environ.get("SEGUE_EVAL_API_KEY"))
    parser.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "spotify-30k-songs"))
    parser.add_argument("--out", default="target/sequence-end-to-end")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    tests = playlists(args.data, catalog_ids(args.data))
    cases = [(pid, title, ids, k, v) for k in SEEDS for pid, title, ids in tests if len(ids) >= k + MIN_REST
             for v in VARIANTS]
    start = time.time()
    results = run(args.url, args.api_key, cases, args.workers)
    json.dump(results, open(os.path.join(args.out, "results.json"), "w"), indent=1)
    text = report(results, len(tests))
    open(os.path.join(args.out, "report.md"), "w").write(text + "\n")
    print(text)
    print(f"{len(cases)} requests in {time.time() - start:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
