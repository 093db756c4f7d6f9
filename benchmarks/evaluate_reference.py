"""PyTorch reference for the evaluation speed benchmark (BENCHMARKS.md, "Evaluation").

Scores the candidates that `ContrastivePipeline evaluate-benchmark --export=DIR` wrote (DIR/candidates.jsonl: token
ids with BOS, the index of the first scored token, our sum) with the model it exported (DIR/config.json,
DIR/model.safetensors), the way a batched PyTorch scorer does (minicons, lm-eval): every candidate's whole sequence,
sorted by length, batches of 64, right-padded, one causal forward, log_softmax over the vocabulary, gather, sum over
the completion's tokens. fp32, CPU, eager. Prints one JSON line: items/s over the timed scoring, and the largest
difference between its sums and ours (the same items, so this also checks our numbers against an independent scorer).
Run: /usr/bin/python3 benchmarks/evaluate_reference.py DIR [--threads=2 --batch=64]
Debian's python3-torch is 1.13 (no F.scaled_dot_product_attention): attention is the explicit masked softmax.
"""
import json
import math
import struct
import sys
import time

import torch
import torch.nn.functional as F

import llama_reference as reference
from llama_reference import rotate_half

folder = sys.argv[1]
opt = dict(threads=2, batch=64)
for arg in sys.argv[2:]:
    name, value = arg.lstrip("-").split("=")
    opt[name] = int(value)
torch.set_num_threads(opt["threads"])


class Block(reference.Block):
    def forward(self, x, cos, sin, mask):
        b, t, c = x.shape
        h = self.input_layernorm(x)
        q, k, v = (p(h).view(b, t, self.nh, c // self.nh).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        scores = ((q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])).masked_fill(mask, float("-inf"))
        y = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, c)
        x = x + self.o_proj(y)
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))


class Llama(reference.Llama):
    def __init__(self, s):
        super().__init__(s, Block)

    def forward(self, tokens):
        t, d = tokens.shape[1], self.head_size
        inv_freq = 1.0 / (10000.0 ** (torch.arange(0, d, 2).float() / d))
        angles = torch.arange(t).float()[:, None] * inv_freq[None, :]
        both = torch.cat((angles, angles), dim=-1)
        cos, sin = both.cos(), both.sin()
        mask = torch.ones(t, t, dtype=torch.bool).triu(1)
        x = self.embed_tokens(tokens)
        for layer in self.layers:
            x = layer(x, cos, sin, mask)
        return self.lm_head(self.norm(x))


def load_safetensors(path):
    data = open(path, "rb").read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    body = bytearray(data[8 + length:])
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        assert entry["dtype"] == "F32", entry["dtype"]
        start, end = entry["data_offsets"]
        tensors[name] = torch.frombuffer(body[start:end], dtype=torch.float32).reshape(entry["shape"]).clone()
    return tensors


config = json.load(open(f"{folder}/config.json"))
shape = dict(vocab=config["vocab_size"], hidden=config["hidden_size"], heads=config["num_attention_heads"],
             layers=config["num_hidden_layers"], intermediate=config["intermediate_size"])
model = Llama(shape)
# llama_reference flattens HF's model.layers.N.self_attn.q_proj / .mlp.gate_proj into layers.N.q_proj / layers.N.gate_proj.
state = {k.removeprefix("model.").replace("self_attn.", "").replace("mlp.", ""): v
         for k, v in load_safetensors(f"{folder}/model.safetensors").items()}
model.load_state_dict(state)
model.eval()
candidates = [json.loads(line) for line in open(f"{folder}/candidates.jsonl")]
items = json.load(open(f"{folder}/items.json"))["items"]
pad = config["pad_token_id"]


@torch.inference_mode()
def score(batch):
    length = max(len(c["ids"]) for c in batch)
    tokens = torch.full((len(batch), length), pad, dtype=torch.long)
    for row, c in enumerate(batch):
        tokens[row, :len(c["ids"])] = torch.tensor(c["ids"])
    log_probs = model(tokens)[:, :-1].log_softmax(-1)
    picked = log_probs.gather(-1, tokens[:, 1:].unsqueeze(-1)).squeeze(-1).double()
    return [picked[row, c["first"] - 1:len(c["ids"]) - 1].sum().item() for row, c in enumerate(batch)]


order = sorted(range(len(candidates)), key=lambda i: -len(candidates[i]["ids"]))
score([candidates[i] for i in order[:opt["batch"]]])  # warm-up
sums = [0.0] * len(candidates)
start = time.perf_counter()
for first in range(0, len(order), opt["batch"]):
    batch = order[first:first + opt["batch"]]
    for i, s in zip(batch, score([candidates[i] for i in batch])):
        sums[i] = s
seconds = time.perf_counter() - start
print(json.dumps(dict(implementation=f"pytorch-{torch.__version__}", threads=opt["threads"], batch=opt["batch"], items=items,
                      candidates=len(candidates), score_ms=seconds * 1000, items_per_s=items / seconds,
                      max_abs_diff_from_ours=max(abs(s - c["ours"]) for s, c in zip(sums, candidates)))))
