"""Trains the ranker on the training split of both catalogs, picks the epoch by the validation split, exports ONNX.

Loss: list-wise softmax cross-entropy (ListNet) against gains 2^grade - 1 over each request's candidates (the planner
pool's hard negatives, or a random catalog slice's easy ones, up to --list candidates a request). The test split is
not read here. Writes OUT/ranker.pt (weights + config), OUT/ranker.onnx and OUT/train.json (losses, validation).
"""
import argparse
import json
import os
import random
import time

import numpy as np
import torch

import data
import metrics
from model import DIM, Ranker

VERSION = "segue-ranker-3"  # 1: pools for 40-track requests only; 2: 20, 40 and 100; 3: artist-capped lists


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def gains(grade):
    return np.power(2.0, grade) - 1.0


def context_tensor(catalog, reqs):
    c = max(1, max(len(r.context) for r in reqs))
    ctx = np.zeros((len(reqs), c, DIM + catalog.features.shape[1]), np.float32)
    mask = np.zeros((len(reqs), c), np.float32)
    for b, r in enumerate(reqs):
        n = len(r.context)
        if n:
            ctx[b, :n, :DIM] = catalog.vectors[r.context]
            ctx[b, :n, DIM:] = catalog.features[r.context]
            mask[b, :n] = 1
    return torch.from_numpy(ctx), torch.from_numpy(mask)


def candidate_tensor(catalog, reqs, picks):
    n = max(len(p) for p in picks)
    f = reqs[0].feat.shape[1]
    cand = np.zeros((len(reqs), n, DIM + f), np.float32)
    valid = np.zeros((len(reqs), n), bool)
    target = np.zeros((len(reqs), n), np.float32)
    for b, (r, p) in enumerate(zip(reqs, picks)):
        k = len(p)
        cand[b, :k, :DIM] = catalog.vectors[r.cand[p]]
        cand[b, :k, DIM:] = r.feat[p]
        valid[b, :k] = True
        target[b, :k] = gains(r.grade[p])
    return torch.from_numpy(cand), torch.from_numpy(valid), torch.from_numpy(target)


def pick(r, size, rng, artists, cap):
    """Up to `size` candidates: relevant ones first (at most a third of the list), the rest sampled. With cap > 0, at
    most `cap` tracks per artist (chosen at random), as the assembler takes them: a list where one artist's tracks
    make most of the relevant ones teaches the model to find that artist, which the 2-per-artist cap then undoes."""
    keep = np.arange(len(r.cand))
    if cap > 0:
        per_artist, kept = {}, []
        for i in rng.permutation(len(r.cand)):
            a = artists[r.cand[i]]
            per_artist[a] = per_artist.get(a, 0) + 1
            if per_artist[a] <= cap:
                kept.append(i)
        keep = np.array(kept, dtype=np.int64)
        if not (r.grade[keep] > 0).any():  # the cap left no relevant track: a list must have one to learn from
            keep = np.arange(len(r.cand))
    pos = keep[r.grade[keep] > 0]
    neg = keep[r.grade[keep] == 0]
    pos = rng.permutation(pos)[: size // 3]
    neg = rng.permutation(neg)[: size - len(pos)]
    return np.concatenate([pos, neg])


def score(model, catalog, r, chunk=4096):
    """Scores every candidate of one request (evaluation)."""
    model.eval()
    with torch.no_grad():
        query = torch.from_numpy(r.query[None, :].copy())
        prompt = torch.from_numpy(r.prompt_vec[None, :].copy())
        ctx, mask = context_tensor(catalog, [r])
        out = []
        for start in range(0, len(r.cand), chunk):
            idx = np.arange(start, min(len(r.cand), start + chunk))
            cand, _, _ = candidate_tensor(catalog, [r], [idx])
            out.append(model(query, prompt, ctx, mask, cand)[0].numpy())
    return np.concatenate(out) if out else np.zeros(0, np.float32)


def validate(model, catalogs, reqs, pools):
    """Validation NDCG@10 per catalog (whole-catalog view), and for Spotify the served selection of its pools: what
    the assembler takes from the served order (metrics.selection), which end-to-end playlists are made of."""
    by = {}
    for r in reqs:
        by.setdefault(r.dataset, []).append(metrics.of(score(model, catalogs[r.dataset], r), r)["ndcg@10"])
    spotify = catalogs["spotify"]
    column = {f: i for i, f in enumerate(spotify.manifest["candidateFeatures"])}
    for r in pools:
        if r.dataset == "spotify" and len(r.cand):
            by.setdefault("spotify selection", []).append(
                metrics.selection(metrics.served(score(model, spotify, r), r, column), r, spotify.artists))
    return {k: float(np.mean([x for x in v if x is not None])) for k, v in by.items()}


def export_onnx(model, path, catalogs):
    model.eval()
    f_track = catalogs["jamendo"].features.shape[1]
    f_cand = len(catalogs["jamendo"].manifest["candidateFeatures"])
    example = (torch.randn(1, DIM), torch.randn(1, DIM), torch.randn(1, 2, DIM + f_track), torch.ones(1, 2),
               torch.randn(1, 5, DIM + f_cand))
    torch.onnx.export(model, example, path, opset_version=17,
                      input_names=["query", "prompt", "context", "context_mask", "candidates"], output_names=["scores"],
                      dynamic_axes={"query": {0: "batch"}, "prompt": {0: "batch"}, "context": {0: "batch", 1: "context"},
                                    "context_mask": {0: "batch", 1: "context"},
                                    "candidates": {0: "batch", 1: "candidates"}, "scores": {0: "batch", 1: "candidates"}})
    import onnx
    m = onnx.load(path)
    manifest = catalogs["jamendo"].manifest
    meta = {"segue.ranker.version": VERSION, "segue.embedding.model": manifest["embeddingModel"],
            "segue.embedding.track_text": manifest["trackText"],
            "segue.features.track": ",".join(manifest["trackFeatures"]),
            "segue.features.candidate": ",".join(manifest["candidateFeatures"])}
    for k, v in meta.items():
        p = m.metadata_props.add()
        p.key, p.value = k, v
    onnx.checker.check_model(m)
    onnx.save(m, path)


def write_fixture(model, catalogs, reqs, path):
    """Inputs and this model's outputs for two requests (no context; three context tracks), for the Java parity test."""
    model.eval()
    cases = []
    for want_context in (False, True):
        r = next(r for r in reqs if (len(r.context) > 1) == want_context and len(r.cand) >= 8)
        catalog = catalogs[r.dataset]
        ctx, mask = context_tensor(catalog, [r])
        cand, _, _ = candidate_tensor(catalog, [r], [np.arange(8)])
        query = torch.from_numpy(r.query[None, :].copy())
        prompt = torch.from_numpy(r.prompt_vec[None, :].copy())
        with torch.no_grad():
            out = model(query, prompt, ctx, mask, cand)[0]
        as_list = lambda t: [float(x) for x in t.reshape(-1).numpy()]
        cases.append({"request": r.qid, "query": as_list(query), "prompt": as_list(prompt), "context": as_list(ctx),
                      "context_mask": as_list(mask),
                      "context_length": ctx.shape[1], "candidates": as_list(cand), "candidate_count": cand.shape[1],
                      "scores": as_list(out)})
    json.dump({"model": VERSION, "tolerance": 1e-4, "cases": cases}, open(path, "w"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", default="tools/ranker/work")
    ap.add_argument("--out", default="tools/ranker/work/model")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--list", type=int, default=128, help="candidates per training request")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--d", type=int, default=64)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ff", type=int, default=128)
    ap.add_argument("--spotify-repeat", type=int, default=2,
                    help="Spotify training requests per epoch, as a multiple (there are 3x fewer than Jamendo's)")
    ap.add_argument("--artist-cap", type=int, default=2,
                    help="at most this many tracks per artist in a training list (the assembler's default); 0 = off")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--export-only", action="store_true", help="re-export OUT/ranker.pt to ONNX + fixture, no training")
    # One thread: on a busy 2-core machine, two OpenMP threads made every step 4x slower, not faster.
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    set_seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    started = time.time()

    catalogs, train, val, val_pools = {}, [], [], []
    for name in ("jamendo", "spotify"):
        catalog, reqs = data.load(a.work, name)
        catalogs[name] = catalog
        train += [r for r in reqs if r.split == "train" and r.grade.sum() > 0]
        val += [r for r in reqs if r.split == "val" and r.view in ("catalog", "top")]
        val_pools += [r for r in reqs if r.split == "val" and r.view == "pool"]
    print(f"train requests {len(train)}, validation requests {len(val)} (loaded in {time.time() - started:.0f} s)")

    f_track = catalogs["jamendo"].features.shape[1]
    f_cand = train[0].feat.shape[1]
    config = dict(track_features=f_track, candidate_features=f_cand, d=a.d, heads=a.heads, layers=a.layers, ff=a.ff)
    if a.export_only:
        saved = torch.load(os.path.join(a.out, "ranker.pt"))
        model = Ranker(**saved["config"])
        model.load_state_dict(saved["state"])
        export_onnx(model, os.path.join(a.out, "ranker.onnx"), catalogs)
        write_fixture(model, catalogs, val_pools, os.path.join(a.out, "fixture.json"))
        return
    model = Ranker(**config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    # Batches are cut per catalog and per repeat (see the epoch loop), so count them the same way.
    repeats = {n: a.spotify_repeat if n == "spotify" else 1 for n in catalogs}
    steps_per_epoch = sum(repeats[n] * ((sum(r.dataset == n for r in train) + a.batch - 1) // a.batch)
                          for n in catalogs)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=a.lr, total_steps=a.epochs * steps_per_epoch,
                                                   pct_start=0.1)
    rng = np.random.default_rng(a.seed)
    history, best = [], (-1.0, None, -1)
    for epoch in range(a.epochs):
        model.train()
        order = rng.permutation(len(train))
        # Batches hold one catalog each (tensors gather from that catalog's vectors).
        batches = []
        for name in catalogs:
            repeat = a.spotify_repeat if name == "spotify" else 1
            for _ in range(repeat):
                idx = [i for i in rng.permutation(order) if train[i].dataset == name]
                batches += [idx[s:s + a.batch] for s in range(0, len(idx), a.batch)]
        rng.shuffle(batches)
        losses = []
        for batch in batches:
            reqs = [train[i] for i in batch]
            catalog = catalogs[reqs[0].dataset]
            picks = [pick(r, a.list, rng, catalog.artists, a.artist_cap) for r in reqs]
            cand, valid, target = candidate_tensor(catalog, reqs, picks)
            ctx, mask = context_tensor(catalog, reqs)
            query = torch.from_numpy(np.stack([r.query for r in reqs]))
            prompt = torch.from_numpy(np.stack([r.prompt_vec for r in reqs]))
            scores = model(query, prompt, ctx, mask, cand).masked_fill(~valid, -1e9)
            p = target / target.sum(-1, keepdim=True)
            loss = -(p * torch.log_softmax(scores, dim=-1)).sum(-1).mean()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            losses.append(loss.item())
        v = validate(model, catalogs, val, val_pools)
        selection = float(np.mean(list(v.values())))
        history.append({"epoch": epoch + 1, "loss": float(np.mean(losses)), "validation": v,
                        "seconds": round(time.time() - started)})
        print(json.dumps(history[-1]))
        if selection > best[0]:
            best = (selection, {k: t.clone() for k, t in model.state_dict().items()}, epoch + 1)
            # Saved at once, so a run cut short still leaves its best model behind.
            torch.save({"config": config, "state": best[1], "version": VERSION}, os.path.join(a.out, "ranker.pt"))

    model.load_state_dict(best[1])
    torch.save({"config": config, "state": model.state_dict(), "version": VERSION}, os.path.join(a.out, "ranker.pt"))
    export_onnx(model, os.path.join(a.out, "ranker.onnx"), catalogs)
    write_fixture(model, catalogs, val_pools, os.path.join(a.out, "fixture.json"))
    summary = {"version": VERSION, "config": config, "args": vars(a), "best_epoch": best[2], "history": history,
               "train_requests": len(train), "val_requests": len(val), "seconds": round(time.time() - started)}
    json.dump(summary, open(os.path.join(a.out, "train.json"), "w"), indent=2)
    print(f"best epoch {best[2]} (validation mean {best[0]:.4f}); {summary['seconds']} s; wrote {a.out}")


if __name__ == "__main__":
    main()
