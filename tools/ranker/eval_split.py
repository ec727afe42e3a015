"""Splits an evals playlists-suite result by the ranker's playlist split: the suite's titles include playlists the
ranker trained on, so its honest end-to-end numbers are those of the test split.

    /usr/bin/python3 tools/ranker/eval_split.py target/evals/<run>/results.json
"""
import json
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from queries import playlist_split  # noqa: E402

METRICS = ("r_precision", "ndcg_at_10", "recall_at_50")


def main(path):
    results = json.load(open(path))
    sums = defaultdict(lambda: defaultdict(list))
    for case in results["cases"]:
        if case.get("skipped") or not case["turns"]:
            continue
        turn = case["turns"][0]
        split = playlist_split(turn["prompt"].strip())
        # held-out = test + validation: titles the ranker never trained on (the validation ones chose its epoch).
        for key in (split, "all") + (("held-out",) if split != "train" else ()):
            for m in METRICS:
                if turn.get("metrics", {}).get(m) is not None:
                    sums[(case["variant"], key)][m].append(turn["metrics"][m])
    print("| variant | playlists | cases | " + " | ".join(METRICS) + " |")
    print("|---|---|---:|" + "---:|" * len(METRICS))
    for (variant, split), values in sorted(sums.items()):
        n = len(values[METRICS[0]])
        cells = " | ".join(f"{sum(values[m]) / len(values[m]):.4f}" for m in METRICS)
        print(f"| {variant} | {split} | {n} | {cells} |")


if __name__ == "__main__":
    main(sys.argv[1])
