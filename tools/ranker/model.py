"""The ranker: a small transformer over [query token, prompt token, context tokens, candidate tokens].

The query token is the vector the foundation scorer used (the planner's query); the prompt token is the listener's
own words embedded (the planner's query drops words it does not recognise). Query, prompt and context tokens attend
to each other; each candidate token attends to the query, the context and itself,
but not to other candidates. That is a TransformerEncoder over the concatenated sequence with a block attention mask,
written out so a request costs O(candidates x context) instead of O(candidates^2): 500 candidates stay cheap, and a
track's score does not depend on which other tracks happen to be in the pool (so the full-catalog evaluation and
the service's pool re-ranking ask the same question).

ONNX inputs (float32): query [B, 384]; prompt [B, 384]; context [B, C, 384 + TRACK] with context_mask [B, C] (1 = real;
pass C = 1 and mask 0 for no context); candidates [B, N, 384 + CANDIDATE]. Output: scores [B, N] (higher = better).
"""
import math

import torch
from torch import nn

DIM = 384


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

    def split(self, x):
        b, n, _ = x.shape
        return x.reshape(b, n, self.heads, -1).transpose(1, 2)  # [B, h, n, dh]

    def merge(self, x):
        b, h, n, dh = x.shape
        return x.transpose(1, 2).reshape(b, n, h * dh)

    def forward(self, p, c, key_bias):
        """p: prefix tokens [B, P, d]; c: candidate tokens [B, N, d]; key_bias [B, 1, 1, P] (0 or -1e4)."""
        qp, kp, vp = self.qkv(self.ln1(p)).chunk(3, dim=-1)
        qc, kc, vc = self.qkv(self.ln1(c)).chunk(3, dim=-1)
        qp, kp, vp, qc, kc, vc = (self.split(t) for t in (qp, kp, vp, qc, kc, vc))
        scale = self.scale
        attn_p = torch.softmax(qp @ kp.transpose(-1, -2) * scale + key_bias, dim=-1) @ vp
        to_prefix = qc @ kp.transpose(-1, -2) * scale + key_bias          # [B, h, N, P]
        to_self = (qc * kc).sum(-1, keepdim=True) * scale                  # [B, h, N, 1]
        w = torch.softmax(torch.cat([to_prefix, to_self], dim=-1), dim=-1)
        prefix_len = kp.shape[2]
        attn_c = w[..., :prefix_len] @ vp + w[..., prefix_len:] * vc
        p = p + self.drop(self.proj(self.merge(attn_p)))
        c = c + self.drop(self.proj(self.merge(attn_c)))
        p = p + self.drop(self.ff(self.ln2(p)))
        c = c + self.drop(self.ff(self.ln2(c)))
        return p, c


class Ranker(nn.Module):
    def __init__(self, track_features, candidate_features, d=64, heads=4, layers=2, ff=128, dropout=0.1):
        super().__init__()
        self.query_in = nn.Linear(DIM, d)
        self.prompt_in = nn.Linear(DIM, d)
        self.context_in = nn.Linear(DIM + track_features, d)
        # The candidate's vector, its elementwise products with the query and the prompt (learnable cosines), features.
        self.candidate_in = nn.Linear(3 * DIM + candidate_features, d)
        self.blocks = nn.ModuleList([Block(d, heads, ff, dropout) for _ in range(layers)])
        self.head = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, 1))
        # A linear path from the features straight to the score: the model starts out as a learned linear scorer.
        self.wide = nn.Linear(candidate_features, 1)

    def forward(self, query, prompt, context, context_mask, candidates):
        vec, feat = candidates[..., :DIM], candidates[..., DIM:]
        c = self.candidate_in(torch.cat([vec, vec * query.unsqueeze(1), vec * prompt.unsqueeze(1), feat], dim=-1))
        p = torch.cat([self.query_in(query).unsqueeze(1), self.prompt_in(prompt).unsqueeze(1),
                       self.context_in(context)], dim=1)
        one = torch.ones_like(context_mask[:, :1])
        key_bias = ((1.0 - torch.cat([one, one, context_mask], dim=1)) * -1e4).unsqueeze(1).unsqueeze(1)
        for block in self.blocks:
            p, c = block(p, c, key_bias)
        return self.head(c).squeeze(-1) + self.wide(feat).squeeze(-1)
