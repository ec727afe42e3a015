"""Trains the sequence model on the training split's playlists, picks the epoch on the validation split, exports ONNX.

Each training example is a window of up to MAX_SEEDS + 1 consecutive tracks of one playlist after its title; every
position predicts the next track (next-item prediction, causal). Loss: softmax cross-entropy of the true next track
against a candidate set shared by the batch: every track of the batch's windows, every catalog track by an artist
in them (hard negatives for the artist term) and a uniform sample of the catalog. The row's own playlist's other
tracks are masked out, not pushed down: they are what the continuation task counts as right. The test split is not
read here. Writes OUT/sequence.pt (weights + config), OUT/track_encoder.onnx, OUT/sequence_encoder.onnx,
OUT/fixture.json (Java parity) and OUT/train.json (losses, validation by epoch).
"""
import argparse
import json
import os
import random
import time

import numpy as np
import torch

import continuation
import data
from model import DIM, MAX_SEEDS, SequenceModel, unit

VERSION = "segue-sequence-1"


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def standardiser(x):
    """Per-column mean and std of the catalog's inputs (constants baked into the track encoder's graph)."""
    return x.mean(0), np.maximum(x.std(0), 1e-3)


def window(p, rng):
    """Up to MAX_SEEDS + 1 consecutive tracks: from the start half of the time (titles lead playlists), else anywhere."""
    span = MAX_SEEDS + 1
    start = 0 if rng.random() < 0.5 or len(p.tracks) <= span else int(rng.integers(0, len(p.tracks) - span + 1))
    return p.tracks[start:start + span]


def batch_loss(model, content, artists, by_artist, batch, rng, negatives, use_ids):
    """Mean next-track cross-entropy over every position of a batch of windows.

    The score is the service's (query . item + artist term) written out by parts: the learned dot product, plus the
    title's and the seeds' centroid's cosines weighted per position, taken from the distinct texts' cosine table
    (Content.cosines) instead of 384-d dot products, which made a step several times slower."""
    wins = [window(p, rng) for p in batch]
    m = max(len(w) for w in wins)
    b = len(batch)
    seq = np.zeros((b, m), np.int64)
    valid = np.zeros((b, m), bool)
    for i, w in enumerate(wins):
        seq[i, :len(w)] = w
        valid[i, :len(w)] = True
    mates = np.concatenate([by_artist[a] for a in np.unique(artists[seq[valid]])])
    cand = np.unique(np.concatenate([seq[valid], mates, rng.integers(0, len(artists), negatives)]))
    index = torch.from_numpy(cand)
    items = content.items(model, index, use_ids)                                      # [C, d + 384]
    d = model.sequence.d
    where = torch.from_numpy(np.searchsorted(cand, seq))                            # [B, m] rows of items
    seeds = items[where[:, :-1]] if m > 1 else items[where[:, :1]] * 0
    seed_mask = torch.from_numpy(valid[:, 1:].astype(np.float32)) if m > 1 else torch.zeros(b, 1)
    title = torch.from_numpy(np.stack([p.title_vec for p in batch]))
    learned, w = model.sequence.states(title, seeds, seed_mask)                      # [B, n, d], [B, n, 3]
    learned, w = learned[:, :m], w[:, :m]
    with torch.no_grad():
        text_c = content.text_of[index]                                               # [C]
        title_cos = unit(title) @ content.units[text_c].T                             # [B, C]
        # Position i's centroid . u_c = sum_{j<i} cos(seed_j, c) / |sum_{j<i} u_j|.
        seed_cos = content.cosines[content.text_of[torch.from_numpy(seq)]][:, :, text_c]  # [B, m, C]
        seed_cos = seed_cos * torch.from_numpy(valid).float().unsqueeze(-1)
        summed = (content.units[content.text_of[torch.from_numpy(seq)]] * torch.from_numpy(valid).float().unsqueeze(-1)).cumsum(1)
        norms = torch.cat([torch.full((b, 1, 1), 1e9), torch.sqrt((summed * summed).sum(-1, keepdim=True))[:, :-1] + 1e-9], 1)
        centroid_cos = torch.cat([torch.zeros(b, 1, len(cand)), seed_cos.cumsum(1)[:, :-1]], dim=1) / norms
    # Seeds by each candidate's artist seen before each position: position i has seen window[0..i-1].
    same = (torch.from_numpy(artists[seq]).unsqueeze(-1) == torch.from_numpy(artists[cand])).float()
    same = same * torch.from_numpy(valid).float().unsqueeze(-1)
    counts = torch.cat([torch.zeros(b, 1, len(cand)), same.cumsum(1)[:, :-1]], dim=1)  # [B, m, C]
    logits = (learned @ items[:, :d].T + w[..., 1:2] * title_cos.unsqueeze(1) + w[..., 2:3] * centroid_cos
              + w[..., 0:1] * torch.log1p(counts))
    member = torch.from_numpy(np.stack([np.isin(cand, p.tracks) for p in batch]))  # [B, C]
    target = where                                                                   # [B, m]
    is_target = torch.zeros(b, m, len(cand), dtype=torch.bool).scatter_(2, target.unsqueeze(-1), True)
    logits = logits.masked_fill(member.unsqueeze(1) & ~is_target, -1e4)
    loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(cand)), target.reshape(-1), reduction="none")
    mask = torch.from_numpy(valid).reshape(-1).float()
    return (loss * mask).sum() / mask.sum()


class Content:
    """The catalog's inputs as the track encoder's training path wants them: distinct texts, each track's text row
    and its features (model.TrackEncoder explains why)."""

    def __init__(self, catalog):
        texts, text_of = np.unique(catalog.vectors, axis=0, return_inverse=True)
        self.texts = torch.from_numpy(texts)
        self.text_of = torch.from_numpy(text_of.reshape(-1).astype(np.int64))
        self.features = torch.from_numpy(catalog.features)
        self.size = len(catalog.ids)
        self.units = unit(self.texts)
        self.cosines = self.units @ self.units.T          # [U, U] cosine of every pair of distinct texts

    def items(self, model, index, use_ids):
        return model.items(self.texts, self.text_of[index], self.features[index], index if use_ids else None)


def catalog_items(model, content, use_ids):
    """Every catalog track's item vector (what the service computes once at startup)."""
    model.eval()
    with torch.no_grad():
        return content.items(model, torch.arange(content.size), use_ids)


def scores(model, items, artists, title_vec, seeds, artist_term=True):
    """The model's score of every catalog track after a title and seeds (catalog positions, play order): the
    service's formula, query . item + artist_weight * ln(1 + seeds by the track's artist) (artist_term=False drops
    the second term: an ablation)."""
    model.eval()
    with torch.no_grad():
        seeds = seeds[-MAX_SEEDS:]
        if len(seeds):
            s, mask = items[torch.from_numpy(seeds)].unsqueeze(0), torch.ones(1, len(seeds))
        else:
            s, mask = torch.zeros(1, 1, items.shape[1]), torch.zeros(1, 1)
        query, weight = model.sequence(torch.from_numpy(title_vec[None, :].copy()), s, mask)
        out = (items @ query[0]).numpy().astype(np.float64)
    counts = np.bincount(artists[seeds], minlength=int(artists.max()) + 1)[artists] if len(seeds) else 0
    return out + float(weight[0]) * np.log1p(counts) if artist_term else out


def validate(model, content, catalog, playlists, use_ids):
    """Per setting (title only, 1, 5, 10 seeds) mean of each metric; "selection" = the mean R-precision and NDCG@10
    over the settings, which picks the epoch."""
    items = catalog_items(model, content, use_ids)
    out = {}
    for k in continuation.SEEDS:
        got = [continuation.measure(scores(model, items, catalog.artists, r.playlist.title_vec, r.seeds), r,
                                    catalog.artists)
               for r in continuation.requests(playlists, len(catalog.ids), k)]
        out[continuation.setting_name(k)] = {m: float(np.mean([g[m] for g in got])) for m in continuation.METRICS}
    out["selection"] = float(np.mean([v[m] for v in out.values() for m in ("r-precision", "ndcg@10")]))
    return out


def export_onnx(model, out, catalog, config):
    """Two graphs: track_encoder.onnx (tracks -> items, once per catalog) and sequence_encoder.onnx."""
    import onnx
    model.eval()
    d = config["d"]
    inputs = DIM + len(catalog.feature_names)
    track_path, seq_path = os.path.join(out, "track_encoder.onnx"), os.path.join(out, "sequence_encoder.onnx")
    torch.onnx.export(model.tracks, (torch.randn(3, inputs),), track_path, opset_version=17,
                      input_names=["tracks"], output_names=["items"],
                      dynamic_axes={"tracks": {0: "tracks"}, "items": {0: "tracks"}})
    torch.onnx.export(model.sequence, (torch.randn(1, DIM), torch.randn(1, 3, d + DIM), torch.ones(1, 3)), seq_path,
                      opset_version=17, input_names=["title", "seeds", "seed_mask"],
                      output_names=["query", "artist_weight"],
                      dynamic_axes={"title": {0: "batch"}, "seeds": {0: "batch", 1: "seeds"},
                                    "seed_mask": {0: "batch", 1: "seeds"}, "query": {0: "batch"},
                                    "artist_weight": {0: "batch"}})
    manifest = catalog.manifest
    meta = {"segue.sequence.version": VERSION, "segue.embedding.model": manifest["embeddingModel"],
            "segue.embedding.track_text": manifest["trackText"], "segue.embedding.dimension": str(DIM),
            "segue.features.track": ",".join(catalog.feature_names),
            "segue.sequence.item_dimension": str(d + DIM), "segue.sequence.max_seeds": str(MAX_SEEDS),
            "segue.sequence.track_encoder.inputs": "tracks[N, 384 + TRACK]: index vector ++ RankerFeatures.track",
            "segue.sequence.track_encoder.outputs": f"items[N, {d} + 384]: learned part ++ unit(index vector)",
            "segue.sequence.sequence_encoder.inputs": "title[B, 384], seeds[B, L, d] (items, play order, last "
                                                      "max_seeds), seed_mask[B, L] (L = 1, mask 0: no seed)",
            "segue.sequence.sequence_encoder.outputs": "query[B, d], artist_weight[B]",
            "segue.sequence.score": "query . items[c] + artist_weight * ln(1 + seeds by c's artist)"}
    for path in (track_path, seq_path):
        m = onnx.load(path)
        for k, v in meta.items():
            p = m.metadata_props.add()
            p.key, p.value = k, v
        onnx.checker.check_model(m)
        onnx.save(m, path)
    return track_path, seq_path


def write_fixture(model, x, catalog, playlists, path):
    """Inputs and PyTorch outputs for the Java parity test: 8 catalog tracks through the track encoder, and three
    requests (title only, 1 seed, 5 seeds) through the sequence encoder and the score formula."""
    model.eval()
    p = playlists[0]
    as_list = lambda t: [float(v) for v in np.asarray(t, dtype=np.float64).reshape(-1)]
    picks = np.concatenate([p.tracks[:5], np.arange(3) * 1000 + 17])
    with torch.no_grad():
        tracks_in = x[torch.from_numpy(picks)]
        items = model.tracks(tracks_in)
    cases = []
    for k in (0, 1, 5):
        seeds = p.tracks[:k]
        with torch.no_grad():
            s = items[:k].unsqueeze(0) if k else torch.zeros(1, 1, items.shape[1])
            mask = torch.ones(1, k) if k else torch.zeros(1, 1)
            query, weight = model.sequence(torch.from_numpy(p.title_vec[None, :].copy()), s, mask)
        counts = np.array([int((catalog.artists[seeds] == catalog.artists[c]).sum()) for c in picks])
        cases.append({"title": p.title, "title_vec": as_list(p.title_vec), "seed_track_ids": [catalog.ids[i] for i in seeds],
                      "seeds": as_list(s), "seed_mask": as_list(mask), "seed_length": int(s.shape[1]),
                      "query": as_list(query), "artist_weight": float(weight[0]),
                      "candidate_track_ids": [catalog.ids[i] for i in picks],
                      "candidate_artist_seed_counts": counts.tolist(),
                      "scores": as_list((items @ query[0]).numpy() + float(weight[0]) * np.log1p(counts))})
    json.dump({"model": VERSION, "tolerance": 1e-4, "item_dimension": int(items.shape[1]),
               "track_features": catalog.feature_names,
               "tracks": {"track_ids": [catalog.ids[i] for i in picks], "inputs": as_list(tracks_in),
                          "input_width": int(tracks_in.shape[1]), "items": as_list(items)},
               "cases": cases}, open(path, "w"))


def write_summary(a, config, best_epoch, history, n_train, n_val, seconds):
    """OUT/train.json, rewritten after every epoch (a run cut short still says what its saved model is)."""
    summary = {"version": VERSION, "config": config, "args": vars(a), "best_epoch": best_epoch,
               "best_validation": history[best_epoch - 1]["validation"], "history": history,
               "train_playlists": n_train, "val_playlists": n_val, "train_seconds": seconds}
    json.dump(summary, open(os.path.join(a.out, "train.json"), "w"), indent=2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spotify-data", default="../shared/data/spotify-30k-songs")
    ap.add_argument("--work", default="tools/sequence/work/spotify")
    ap.add_argument("--out", default="tools/sequence/work/model")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--passes", type=int, default=4, help="windows per training playlist per epoch")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--negatives", type=int, default=1024, help="uniform catalog sample per batch")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--d", type=int, default=64)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ff", type=int, default=128)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--ids", action="store_true", help="add learned id embeddings (ablation; not exportable)")
    ap.add_argument("--title-content-only", action=argparse.BooleanOptionalAction, default=True,
                    help="title only (no seed): rank by the title's cosine alone (model.SequenceEncoder)")
    ap.add_argument("--seed", type=int, default=7)
    # One thread: on this busy 2-core machine a step took 0.56 s with one thread and 1.73 s with two (as the ranker saw).
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--export-only", action="store_true", help="re-export OUT/sequence.pt, no training")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    set_seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    started = time.time()
    catalog, playlists = data.load(a.spotify_data, a.work)
    train = [p for p in playlists if p.split == "train"]
    val = [p for p in playlists if p.split == "val"]
    inputs = catalog.inputs()
    mean, std = standardiser(inputs)
    x = torch.from_numpy(inputs)
    content = Content(catalog)
    by_artist = {}
    for i, art in enumerate(catalog.artists):
        by_artist.setdefault(art, []).append(i)
    by_artist = {k: np.array(v, np.int64) for k, v in by_artist.items()}
    print(f"{len(train)} training, {len(val)} validation playlists; catalog {len(catalog.ids)} tracks "
          f"(loaded in {time.time() - started:.0f} s)")
    config = dict(inputs=inputs.shape[1], d=a.d, hidden=a.hidden, heads=a.heads, layers=a.layers, ff=a.ff,
                  dropout=a.dropout, ids=len(catalog.ids) if a.ids else 0, title_content_only=a.title_content_only)
    model = SequenceModel(**config, mean=torch.from_numpy(mean), std=torch.from_numpy(std))
    if a.export_only:
        model.load_state_dict(torch.load(os.path.join(a.out, "sequence.pt"))["state"])
        export_onnx(model, a.out, catalog, config)
        write_fixture(model, x, catalog, val, os.path.join(a.out, "fixture.json"))
        return
    optimizer = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    steps_per_epoch = (a.passes * len(train) + a.batch - 1) // a.batch
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=a.lr, total_steps=a.epochs * steps_per_epoch,
                                                   pct_start=0.1)
    rng = np.random.default_rng(a.seed)
    history, best = [], (-1.0, None, -1)
    for epoch in range(a.epochs):
        model.train()
        order = np.concatenate([rng.permutation(len(train)) for _ in range(a.passes)])
        losses = []
        for s in range(0, len(order), a.batch):
            loss = batch_loss(model, content, catalog.artists, by_artist, [train[i] for i in order[s:s + a.batch]], rng,
                              a.negatives, a.ids)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            losses.append(loss.item())
        v = validate(model, content, catalog, val, a.ids)
        history.append({"epoch": epoch + 1, "loss": float(np.mean(losses)), "validation": v,
                        "seconds": round(time.time() - started)})
        print(json.dumps({"epoch": epoch + 1, "loss": round(history[-1]["loss"], 4),
                          "selection": round(v["selection"], 4),
                          **{k: round(m["r-precision"], 4) for k, m in v.items() if k != "selection"},
                          "seconds": history[-1]["seconds"]}), flush=True)
        if v["selection"] > best[0]:
            best = (v["selection"], {k: t.clone() for k, t in model.state_dict().items()}, epoch + 1)
            # Saved at once, so a run cut short still leaves its best model behind.
            torch.save({"config": config, "state": best[1], "version": VERSION}, os.path.join(a.out, "sequence.pt"))
        write_summary(a, config, best[2], history, len(train), len(val), round(time.time() - started))
    model.load_state_dict(best[1])
    if not a.ids:
        export_onnx(model, a.out, catalog, config)
        write_fixture(model, x, catalog, val, os.path.join(a.out, "fixture.json"))
    print(f"best epoch {best[2]} (validation selection {best[0]:.4f}); trained in {history[-1]['seconds']} s; "
          f"wrote {a.out}")


if __name__ == "__main__":
    main()
