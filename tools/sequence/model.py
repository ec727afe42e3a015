"""The sequence model: a track encoder (content -> item vector) and a causal transformer over [title, seed tracks].

Two functions, exported as two ONNX graphs so the service runs the heavy one once per catalog:

- TrackEncoder: a track's content, [384-d index vector of its tags-only text ++ RankerFeatures.TRACK] -> item vector
  [d + 384] = [learned part (an MLP of the standardised content); the unit-length index vector]. Content only, so it
  scores any catalog track, also tracks no training playlist holds (most test playlists' tracks are in none).
- SequenceEncoder (SASRec-style, pre-LayerNorm, causal): token 0 is the playlist title's (or the listener's prompt's)
  384-d embedding, tokens 1..L are the seeds' item vectors in play order plus a learned position. The last real
  token's state gives the next-track query [d + 384] = [learned query; w_title * unit(title) + w_seeds *
  unit(mean of the seeds' unit vectors)] and a non-negative artist weight. The weights are learned per request.

Score of candidate c: query . item[c] + artist_weight * ln(1 + number of seeds by c's artist). So the model contains
today's content similarity (cosine to the title, to the seeds' centroid) as terms it weighs per request, and learns
what content similarity cannot say: which features follow which, and how much to trust each. The artist term is
there because a third of real next tracks are by an artist already in the playlist, which a dot product over content
cannot express.
"""
import math

import torch
from torch import nn

DIM = 384
MAX_SEEDS = 50  # the last MAX_SEEDS seeds are the context (positions 1..MAX_SEEDS)


class TrackEncoder(nn.Module):
    """items = [W2 . GELU(Vt . text + Vf . features) + St . text + Sf . features ; unit(vector)], where text and
    features are the standardised inputs.

    Written as a text part and a features part because the catalog's 28k tracks have only ~840 distinct tag texts:
    training computes the text part once per distinct text, which makes a step several times cheaper on two busy
    cores; the exported graph computes the same sums from [N, 384 + F] directly."""

    def __init__(self, inputs, d=64, hidden=128, mean=None, std=None):
        super().__init__()
        self.register_buffer("mean", torch.zeros(inputs) if mean is None else torch.as_tensor(mean))
        self.register_buffer("std", torch.ones(inputs) if std is None else torch.as_tensor(std))
        self.hidden = hidden
        self.text = nn.Linear(DIM, hidden + d)                  # [Vt; St]
        self.features = nn.Linear(inputs - DIM, hidden + d)     # [Vf; Sf]
        self.out = nn.Linear(hidden, d)

    def text_part(self, vectors):
        """[U, 384] raw index vectors -> ([U, hidden + d], [U, 384] unit vectors)."""
        return self.text((vectors - self.mean[:DIM]) / self.std[:DIM]), unit(vectors)

    def combine(self, text_part, features):
        """text_part (of text_part, one row per track) and raw features [N, F] -> items [N, d + 384]."""
        z = text_part[0] + self.features((features - self.mean[DIM:]) / self.std[DIM:])
        return torch.cat([self.out(nn.functional.gelu(z[:, :self.hidden])) + z[:, self.hidden:], text_part[1]], dim=1)

    def forward(self, tracks):
        """tracks [N, 384 + F] -> items [N, d + 384]."""
        return self.combine(self.text_part(tracks[:, :DIM]), tracks[:, DIM:])


def unit(x):
    """x / |x| along the last axis (0 stays 0), written with plain operators for the export."""
    return x / (torch.sqrt((x * x).sum(-1, keepdim=True)) + 1e-9)


class Block(nn.Module):
    def __init__(self, d, heads, ff, dropout):
        super().__init__()
        self.heads = heads
        self.scale = 1.0 / math.sqrt(d // heads)
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))
        self.drop = nn.Dropout(dropout)

    def forward(self, x, bias):
        """x [B, n, d]; bias [B, 1, n, n] (0 = may attend, -1e4 = may not)."""
        b, n, d = x.shape
        q, k, v = (t.reshape(b, n, self.heads, -1).transpose(1, 2) for t in self.qkv(self.ln1(x)).chunk(3, dim=-1))
        w = torch.softmax(q @ k.transpose(-1, -2) * self.scale + bias, dim=-1)
        x = x + self.drop(self.proj((w @ v).transpose(1, 2).reshape(b, n, d)))
        return x + self.drop(self.ff(self.ln2(x)))


class SequenceEncoder(nn.Module):
    def __init__(self, d=64, heads=4, layers=2, ff=128, dropout=0.1, title_content_only=False):
        super().__init__()
        self.d = d
        # With no seed yet, only content similarity to the title: its learned query is switched off at position 0
        # (validation: the learned title query, trained on 273 titles, ranked unseen titles worse than their cosine).
        self.title_content_only = title_content_only
        self.title_in = nn.Linear(DIM, d)
        self.seed_in = nn.Linear(d + DIM, d)
        self.position = nn.Embedding(MAX_SEEDS + 1, d)
        self.blocks = nn.ModuleList([Block(d, heads, ff, dropout) for _ in range(layers)])
        self.ln = nn.LayerNorm(d)
        self.query_out = nn.Linear(d, d)
        self.weights_out = nn.Linear(d, 3)  # artist, title, seeds' centroid
        nn.init.constant_(self.weights_out.bias, 2.0)

    def states(self, title, seeds, seed_mask):
        """Every position's learned query and weights: ([B, 1 + L, d], [B, 1 + L, 3] = artist, title, seeds'
        centroid). Position i has seen seeds 1..i."""
        n = seeds.shape[1] + 1
        x = torch.cat([self.title_in(title).unsqueeze(1), self.seed_in(seeds)], dim=1)
        x = x + self.position.weight[:n].unsqueeze(0)
        real = torch.cat([torch.ones_like(seed_mask[:, :1]), seed_mask], dim=1)          # [B, n]
        causal = torch.tril(torch.ones(n, n, dtype=x.dtype, device=x.device))           # [n, n]
        allowed = causal.unsqueeze(0) * real.unsqueeze(1)                                  # [B, n, n]
        bias = ((1.0 - allowed) * -1e4).unsqueeze(1)
        for block in self.blocks:
            x = block(x, bias)
        h = self.ln(x)
        learned = self.query_out(h)
        if self.title_content_only:
            learned = learned * torch.cat([torch.zeros_like(real[:, :1]), seed_mask], dim=1).unsqueeze(-1)
        return learned, nn.functional.softplus(self.weights_out(h))

    def centroids(self, seeds, seed_mask):
        """The seeds' centroid direction as each position has seen it: [B, 1 + L, 384] (position 0: a zero vector)."""
        summed = (seeds[..., self.d:] * seed_mask.unsqueeze(-1)).cumsum(1)                # [B, L, 384]
        return unit(torch.cat([torch.zeros_like(summed[:, :1]), summed], dim=1))

    def forward(self, title, seeds, seed_mask):
        """title [B, 384]; seeds [B, L, d + 384] (item vectors, right-padded); seed_mask [B, L] (1 = real seed; for
        no seed pass L = 1 and mask 0) -> query [B, d + 384], artist_weight [B] at the last real token."""
        learned, w = self.states(title, seeds, seed_mask)
        content = w[..., 1:2] * unit(title).unsqueeze(1) + w[..., 2:3] * self.centroids(seeds, seed_mask)
        queries = torch.cat([learned, content], dim=-1)                                   # [B, n, d + 384]
        last = seed_mask.sum(1).long()                                                    # [B] index of last real
        idx = last.view(-1, 1, 1).expand(-1, 1, queries.shape[-1])
        # [:, 0] rather than squeeze(1): squeeze of a dynamic axis exports as an ONNX If, indexing as a plain Gather.
        return queries.gather(1, idx)[:, 0], w[..., 0].gather(1, last.view(-1, 1))[:, 0]


class SequenceModel(nn.Module):
    def __init__(self, inputs, d=64, hidden=128, heads=4, layers=2, ff=128, dropout=0.1, mean=None, std=None,
                 ids=0, title_content_only=False):
        super().__init__()
        self.tracks = TrackEncoder(inputs, d, hidden, mean, std)
        self.sequence = SequenceEncoder(d, heads, layers, ff, dropout, title_content_only)
        # Optional learned id embeddings (ablation): zero for every track no training playlist holds.
        self.ids = nn.Embedding(ids, d) if ids else None
        if self.ids is not None:
            nn.init.zeros_(self.ids.weight)

    def items(self, texts, text_of, features, index=None):
        """Item vectors of tracks given as distinct texts [U, 384], each track's text row [N] and features [N, F]."""
        part = self.tracks.text_part(texts)
        v = self.tracks.combine((part[0][text_of], part[1][text_of]), features)
        if self.ids is not None and index is not None:
            v = torch.cat([v[:, :self.ids.embedding_dim] + self.ids(index), v[:, self.ids.embedding_dim:]], dim=1)
        return v
