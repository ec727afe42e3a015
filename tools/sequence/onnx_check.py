"""Checks the exported ONNX graphs against PyTorch without ONNX Runtime (Python has none here: no PyPI).

onnx.checker validates the graphs; a small numpy interpreter of the operators these two graphs use then runs them on
the parity fixture's inputs (and on a batch and seed length the export never traced: two requests, one padded) and
compares with PyTorch within the fixture's tolerance. An operator it does not know fails loudly, so a changed export
cannot pass by accident. The Java test later compares ONNX Runtime with the same fixture.
"""
import argparse
import json
import math
import os

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from model import SequenceModel

_erf = np.vectorize(math.erf)
BINARY = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "Equal": np.equal, "Pow": np.power}


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def clip(v):
    return int(max(min(int(v), 2 ** 62), -2 ** 62))


def run(model, feeds):
    """Evaluates an ONNX graph with numpy: {input name: array} -> [outputs]."""
    env = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    env.update(feeds)
    for node in model.graph.node:
        x = [env[i] if i else None for i in node.input]
        a = attrs(node)
        op = node.op_type
        if op == "Constant":
            y = numpy_helper.to_array(a["value"])
        elif op in BINARY:
            if op == "Div" and np.issubdtype(x[0].dtype, np.integer):
                y = x[0] // x[1]
            else:
                y = BINARY[op](x[0], x[1])
        elif op == "Gemm":
            A = x[0].T if a.get("transA") else x[0]
            B = x[1].T if a.get("transB") else x[1]
            y = a.get("alpha", 1.0) * A @ B + (a.get("beta", 1.0) * x[2] if len(x) > 2 else 0)
        elif op == "MatMul":
            y = np.matmul(x[0], x[1])
        elif op == "Erf":
            y = _erf(x[0]).astype(x[0].dtype)
        elif op == "Sqrt":
            y = np.sqrt(x[0])
        elif op == "Softplus":
            y = np.log1p(np.exp(-np.abs(x[0]))) + np.maximum(x[0], 0)
        elif op == "Softmax":
            axis = a.get("axis", -1)
            e = np.exp(x[0] - x[0].max(axis=axis, keepdims=True))
            y = e / e.sum(axis=axis, keepdims=True)
        elif op == "LayerNormalization":
            axes = tuple(range(a.get("axis", -1) % x[0].ndim, x[0].ndim))
            mu = x[0].mean(axis=axes, keepdims=True)
            var = ((x[0] - mu) ** 2).mean(axis=axes, keepdims=True)
            y = (x[0] - mu) / np.sqrt(var + a.get("epsilon", 1e-5)) * x[1] + (x[2] if len(x) > 2 else 0)
        elif op == "ReduceSum":
            axes = tuple(int(v) for v in x[1]) if len(x) > 1 and x[1] is not None else None
            y = x[0].sum(axis=axes, keepdims=bool(a.get("keepdims", 1)))
        elif op == "CumSum":
            y = np.cumsum(x[0], axis=int(x[1]))
        elif op == "Shape":
            y = np.array(x[0].shape, np.int64)
        elif op == "Gather":
            y = np.take(x[0], x[1], axis=a.get("axis", 0))
        elif op == "GatherElements":
            y = np.take_along_axis(x[0], x[1], axis=a.get("axis", 0))
        elif op == "Unsqueeze":
            y = x[0]
            for ax in sorted(int(v) for v in x[1]):
                y = np.expand_dims(y, ax if ax >= 0 else ax + y.ndim + 1)
        elif op == "Squeeze":
            y = np.squeeze(x[0], axis=tuple(int(v) for v in x[1])) if len(x) > 1 else np.squeeze(x[0])
        elif op == "Concat":
            y = np.concatenate(x, axis=a["axis"])
        elif op == "Reshape":
            y = x[0].reshape([x[0].shape[i] if s == 0 else s for i, s in enumerate(x[1].tolist())])
        elif op == "Transpose":
            y = np.transpose(x[0], a.get("perm"))
        elif op == "Slice":
            starts, ends = x[1], x[2]
            axes = x[3] if len(x) > 3 and x[3] is not None else np.arange(len(starts))
            steps = x[4] if len(x) > 4 and x[4] is not None else np.ones(len(starts), np.int64)
            idx = [slice(None)] * x[0].ndim
            for s, e, ax, st in zip(starts, ends, axes, steps):
                idx[int(ax)] = slice(clip(s), clip(e), int(st))
            y = x[0][tuple(idx)]
        elif op == "ConstantOfShape":
            value = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
            y = np.full(tuple(x[0].tolist()), value.reshape(-1)[0], dtype=value.dtype)
        elif op == "Cast":
            y = x[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])
        elif op == "Where":
            y = np.where(x[0], x[1], x[2])
        elif op == "Expand":
            y = x[0] * np.ones(tuple(x[1].tolist()), dtype=x[0].dtype)
        elif op == "Trilu":
            k = int(x[1]) if len(x) > 1 and x[1] is not None else 0
            y = np.triu(x[0], k) if a.get("upper", 1) else np.tril(x[0], k)
        else:
            raise NotImplementedError(f"operator {op} (node {node.name})")
        env[node.output[0]] = np.asarray(y)
    return [env[o.name] for o in model.graph.output]


def check(model_dir, tolerance=None):
    """Returns the largest differences found; exits with an error if any exceeds the tolerance."""
    fixture = json.load(open(os.path.join(model_dir, "fixture.json")))
    tol = tolerance or fixture["tolerance"]
    track = onnx.load(os.path.join(model_dir, "track_encoder.onnx"))
    seq = onnx.load(os.path.join(model_dir, "sequence_encoder.onnx"))
    for m in (track, seq):
        onnx.checker.check_model(m)
    d = fixture["item_dimension"]
    worst = {}
    t = fixture["tracks"]
    inputs = np.array(t["inputs"], np.float32).reshape(-1, t["input_width"])
    items = run(track, {"tracks": inputs})[0]
    worst["items"] = float(np.abs(items - np.array(t["items"]).reshape(items.shape)).max())
    for case in fixture["cases"]:
        feeds = {"title": np.array(case["title_vec"], np.float32).reshape(1, -1),
                 "seeds": np.array(case["seeds"], np.float32).reshape(1, case["seed_length"], d),
                 "seed_mask": np.array(case["seed_mask"], np.float32).reshape(1, case["seed_length"])}
        query, weight = run(seq, feeds)
        key = f"{len(case['seed_track_ids'])} seeds"
        worst[key + " query"] = float(np.abs(query[0] - np.array(case["query"])).max())
        worst[key + " artist_weight"] = abs(float(weight[0]) - case["artist_weight"])
        scores = items @ query[0] + weight[0] * np.log1p(np.array(case["candidate_artist_seed_counts"]))
        worst[key + " scores"] = float(np.abs(scores - np.array(case["scores"])).max())
    # Two requests padded to one length (the export traced one request with three seeds).
    saved = torch.load(os.path.join(model_dir, "sequence.pt"))
    model = SequenceModel(**saved["config"])
    model.load_state_dict(saved["state"])
    model.eval()
    g = torch.Generator().manual_seed(3)
    title, seeds = torch.randn(2, 384, generator=g), torch.randn(2, 7, d, generator=g)
    mask = torch.tensor([[1.0] * 7, [1.0] * 2 + [0.0] * 5])
    with torch.no_grad():
        q, w = model.sequence(title, seeds, mask)
    oq, ow = run(seq, {"title": title.numpy(), "seeds": seeds.numpy(), "seed_mask": mask.numpy()})
    worst["padded batch query"] = float(np.abs(oq - q.numpy()).max())
    worst["padded batch artist_weight"] = float(np.abs(ow - w.numpy()).max())
    bad = {k: v for k, v in worst.items() if not v <= tol}
    if bad:
        raise SystemExit(f"ONNX differs from PyTorch beyond {tol}: {bad}")
    return worst


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default="tools/sequence/work/model")
    a = p.parse_args()
    worst = check(a.model)
    print("ONNX (numpy reference) = PyTorch within tolerance; largest differences:",
          json.dumps({k: float(f"{v:.2e}") for k, v in worst.items()}))
