"""Splits an evals playlists-suite result by the ranker's playlist split, and compares two variants title by title.

The suite's titles include playlists the ranker trained on, so its honest end-to-end numbers are those of the held-out
titles (test, and validation, which only chose the epoch). Each row gives both variants' means and the paired
difference (A - B) with a 95% bootstrap interval over titles: a single slice of 50 titles moves by a few thousandths
either way on its own, so a difference whose interval spans 0 is not evidence of a change.

    /usr/bin/python3 tools/ranker/eval_split.py target/evals/<run>/results.json [--a offline --b offline-no-ranker]
"""
import argparse
import json
import os
import sys
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from queries import playlist_split  # noqa: E402

METRICS = ("r_precision", "ndcg_at_10", "recall_at_50", "recall")
SPLITS = ("test", "val", "held-out", "train", "all")


def paired_interval(diffs, seed=1, rounds=4000):
    """95% interval of the mean paired difference, titles resampled with replacement."""
    d = np.asarray(diffs)
    idx = np.random.default_rng(seed).integers(0, len(d), size=(rounds, len(d)))
    means = d[idx].mean(1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def compare(results, a, b):
    """{split: {metric: (mean a, mean b, diff, low, high, titles)}} over the titles both variants answered."""
    values = defaultdict(dict)  # (variant, case) -> metrics
    prompts, rankers = {}, defaultdict(set)
    for case in results["cases"]:
        if case.get("skipped") or not case["turns"] or case["variant"] not in (a, b):
            continue
        turn = case["turns"][0]
        values[case["variant"]][case["caseId"]] = turn.get("metrics", {})
        prompts[case["caseId"]] = turn["prompt"].strip()
        rankers[case["variant"]].add((turn.get("response") or {}).get("ranker"))
    out = {"rankers": {v: sorted(str(r) for r in names) for v, names in rankers.items()}}
    for split in SPLITS:
        ids = [c for c in values[a] if c in values[b] and in_split(playlist_split(prompts[c]), split)]
        rows = {}
        for m in METRICS:
            pairs = [(values[a][c][m], values[b][c][m]) for c in ids
                     if values[a][c].get(m) is not None and values[b][c].get(m) is not None]
            if not pairs:
                continue
            x, y = np.array(pairs).T
            low, high = paired_interval(x - y)
            rows[m] = (float(x.mean()), float(y.mean()), float((x - y).mean()), low, high, len(pairs))
        if rows:
            out[split] = rows
    return out


def in_split(split, wanted):
    return wanted == "all" or split == wanted or (wanted == "held-out" and split != "train")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("results")
    ap.add_argument("--a", default="offline")
    ap.add_argument("--b", default="offline-no-ranker")
    args = ap.parse_args()
    table = compare(json.load(open(args.results)), args.a, args.b)
    rankers = table.pop("rankers")
    print(f"A = {args.a} (ranker {', '.join(rankers.get(args.a, []))}), B = {args.b} (ranker "
          f"{', '.join(rankers.get(args.b, []))}); A - B with its 95% interval (paired bootstrap over titles)")
    print()
    print("| titles | n | metric | A | B | A - B | 95% interval |")
    print("|---|---:|---|---:|---:|---:|---|")
    for split, rows in table.items():
        for m, (x, y, d, low, high, n) in rows.items():
            flag = " better" if low > 0 else " worse" if high < 0 else ""
            print(f"| {split} | {n} | {m} | {x:.4f} | {y:.4f} | {d:+.4f} | {low:+.4f} .. {high:+.4f}{flag} |")


if __name__ == "__main__":
    main()
