"""Scores the held-out test split with every method and writes the report (JSON + markdown).

Methods: popularity, tag match (share of the parsed wishes a track's tags meet), embedding cosine (the vector the
service scores with, and the raw prompt's), the foundation scorer (dev.segue.ranking.BaselineScorer, its scores
exported from Java), and the transformer ranker. Views: "catalog" ranks every track the split may see (primary:
independent of retrieval); "pool" re-ranks the offline planner's candidate pool, as the service does.

Ship criterion: on the catalog view, transformer NDCG@10 >= 1.10 x the better embedding cosine, on both held-out
Jamendo queries and held-out Spotify playlist titles.
"""
import argparse
import json
import os
import platform
import time

import numpy as np
import torch

import data
import metrics
from model import Ranker
from train import score

METHODS = ["popularity", "tag match", "embedding cosine (prompt)", "embedding cosine", "foundation scorer",
           "transformer", "transformer, as served"]
METRICS = ["ndcg@10", "recall@20", "r-precision", "selection"]
SHIP_RATIO = 1.10
PRIMARY = [("jamendo", "catalog", "all"), ("spotify", "catalog", "title")]


def method_scores(name, r, catalog, model_scores, column):
    if name == "popularity":
        return r.feat[:, column["popularity"]]
    if name == "tag match":
        return r.feat[:, column["tag_fit"]]
    if name == "embedding cosine":
        return r.feat[:, column["similarity"]]
    if name == "embedding cosine (prompt)":
        return catalog.vectors[r.cand] @ r.prompt_vec
    if name == "foundation scorer":
        return r.feat[:, column["foundation_score"]]
    if name == "transformer":
        return model_scores
    return metrics.served(model_scores, r, column)


def groups_of(r):
    if r.dataset == "jamendo":
        return ["all", f"facets {r.kind}"]
    return [r.kind]


def bootstrap_ratio(a, b, seed=1, rounds=2000):
    """95% interval of mean(a) / mean(b) over requests resampled with replacement."""
    rng = np.random.default_rng(seed)
    a, b = np.asarray(a), np.asarray(b)
    idx = rng.integers(0, len(a), size=(rounds, len(a)))
    ratios = a[idx].mean(1) / b[idx].mean(1)
    return [float(np.percentile(ratios, 2.5)), float(np.percentile(ratios, 97.5))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", default="tools/ranker/work")
    ap.add_argument("--model", default="tools/ranker/work/model/ranker.pt")
    ap.add_argument("--report", default="tools/ranker/report")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    started = time.time()
    saved = torch.load(a.model)
    model = Ranker(**saved["config"], dropout=0.0)
    model.load_state_dict(saved["state"])
    model.eval()

    per = {}  # (dataset, view, group) -> method -> metric -> [values]
    counts = {}
    for name in ("jamendo", "spotify"):
        catalog, reqs = data.load(a.work, name)
        column = {f: i for i, f in enumerate(catalog.manifest["candidateFeatures"])}
        for r in reqs:
            if r.split != "test" or r.view == "sample":
                continue
            model_scores = score(model, catalog, r)
            results = {}
            for m in METHODS:
                scores = method_scores(m, r, catalog, model_scores, column)
                results[m] = metrics.of(scores, r)
                results[m]["selection"] = metrics.selection(scores, r, catalog.artists)
            for g in groups_of(r):
                key = (name, r.view, g)
                counts.setdefault(key, [0, 0])[0] += 1
                if results["transformer"]["ndcg@10"] is None:
                    continue
                counts[key][1] += 1
                for m, res in results.items():
                    for k in METRICS:
                        per.setdefault(key, {}).setdefault(m, {}).setdefault(k, []).append(res[k])

    rows = []
    for key in sorted(per, key=lambda k: (k[0], k[1] != "catalog", k[2] != "all", k[2])):
        dataset, view, group = key
        means = {m: {k: float(np.mean(v)) for k, v in per[key][m].items()} for m in METHODS}
        best_cosine = max(("embedding cosine", "embedding cosine (prompt)"), key=lambda m: means[m]["ndcg@10"])
        ratio = means["transformer"]["ndcg@10"] / means[best_cosine]["ndcg@10"]
        rows.append({"dataset": dataset, "view": view, "group": group, "requests": counts[key][0],
                     "judged": counts[key][1], "metrics": means, "best_cosine": best_cosine,
                     "transformer_vs_cosine": ratio,
                     "ratio_ci95": bootstrap_ratio(per[key]["transformer"]["ndcg@10"], per[key][best_cosine]["ndcg@10"]),
                     "transformer_vs_foundation": means["transformer"]["ndcg@10"] / means["foundation scorer"]["ndcg@10"],
                     "served_vs_cosine": means["transformer, as served"]["ndcg@10"] / means[best_cosine]["ndcg@10"],
                     "primary": key in PRIMARY})
    ship = all(min(r["transformer_vs_cosine"], r["served_vs_cosine"]) >= SHIP_RATIO for r in rows if r["primary"]) \
        and sum(r["primary"] for r in rows) == len(PRIMARY)
    train = json.load(open(os.path.join(os.path.dirname(a.model), "train.json")))
    report = {"model": saved["version"], "ship_criterion": f"transformer NDCG@10 (the model alone, and as served) "
              f">= {SHIP_RATIO} x embedding cosine on the test split's catalog view, for Jamendo queries and Spotify playlist titles", "ship": ship,
              "rows": rows, "training": {k: train[k] for k in ("config", "best_epoch", "seconds", "train_requests",
                                                               "val_requests", "history")},
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}",
              "evaluation_seconds": round(time.time() - started)}
    os.makedirs(a.report, exist_ok=True)
    json.dump(report, open(os.path.join(a.report, "ranker-report.json"), "w"), indent=2)
    with open(os.path.join(a.report, "ranker-report.md"), "w") as f:
        f.write(markdown(report))
    print(markdown(report))
    print(f"ship: {ship}")


def markdown(report):
    out = [f"# Ranker report: {report['model']}", "",
           f"Ship criterion: {report['ship_criterion']}. **{'Met' if report['ship'] else 'NOT met'}.**", "",
           "Test split only (never used for training or model selection). *catalog* = every track the split may see "
           "is ranked (Jamendo: the test artists' tracks; Spotify: all 28,356); *pool* = the offline planner's "
           "candidate pool is re-ranked, as in the service. Requests with no relevant candidate are not judged. "
           "*transformer, as served*: the model orders the tracks that meet every required wish of the parsed "
           "request, the rest follow in the foundation scorer's order (what TransformerRanker returns). "
           "*selection*: what the assembler would take from that ranking, the first N tracks (N = the length the "
           "request asked for: 20, 40 or 100) with at most 2 per artist, as hits / min(N, relevant); end-to-end "
           "playlists are made of these tracks, re-ordered for flow.", ""]
    for r in report["rows"]:
        title = f"## {r['dataset']} · {r['view']} · {r['group']}" + (" (ship criterion)" if r["primary"] else "")
        out += [title, "", f"{r['judged']} of {r['requests']} requests judged. Transformer vs {r['best_cosine']}: "
                f"NDCG@10 x{r['transformer_vs_cosine']:.2f} (95% CI {r['ratio_ci95'][0]:.2f}-{r['ratio_ci95'][1]:.2f}); "
                f"vs foundation scorer x{r['transformer_vs_foundation']:.2f}; as served vs {r['best_cosine']} "
                f"x{r['served_vs_cosine']:.2f}.", "",
                "| method | NDCG@10 | recall@20 | R-precision | selection |", "|---|---:|---:|---:|---:|"]
        for m in METHODS:
            v = r["metrics"][m]
            out.append(f"| {m} | {v['ndcg@10']:.4f} | {v['recall@20']:.4f} | {v['r-precision']:.4f} | "
                       f"{v['selection']:.4f} |")
        out.append("")
    t = report["training"]
    out += ["## Training", "", f"Config {json.dumps(t['config'])}; best epoch {t['best_epoch']} of "
            f"{len(t['history'])}; {t['train_requests']} training requests, {t['val_requests']} validation requests; "
            f"{t['seconds']} s on {report['machine']}.", ""]
    return "\n".join(out)


if __name__ == "__main__":
    main()
