"""PyTorch reference for the training speed benchmark (BENCHMARKS.md, "Training").

The same Llama shape, loss, clipping and AdamW update as src/ContrastivePipeline/Training/TrainBenchmark.cs, in
fp32 on the CPU with 2 threads, 2 warm-up then 10 timed steps; prints the same JSON fields.
Run: /usr/bin/python3 benchmarks/train_reference.py [--layers=4 --hidden=256 ... --threads=2]
Debian's python3-torch is 1.13, which has no F.scaled_dot_product_attention; the fallback is the usual masked
softmax attention, i.e. what PyTorch eager ran before 2.0.
"""
import json
import math
import time

import torch
import torch.nn.functional as F

import llama_reference as reference
from llama_reference import rotate_half

shape = reference.options(dict(layers=4, hidden=256, heads=4, intermediate=1024, context=256, vocab=8192, batch=16, threads=2, steps=10))


def attention(q, k, v):
    if hasattr(F, "scaled_dot_product_attention"):
        return F.scaled_dot_product_attention(q, k, v, is_causal=True)
    t = q.shape[-2]
    scores = (q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])
    mask = torch.ones(t, t, dtype=torch.bool).triu(1)
    return scores.masked_fill(mask, float("-inf")).softmax(-1) @ v


class Block(reference.Block):
    def forward(self, x, cos, sin):
        b, t, c = x.shape
        h = self.input_layernorm(x)
        q, k, v = (p(h).view(b, t, self.nh, c // self.nh).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        y = attention(q, k, v).transpose(1, 2).reshape(b, t, c)
        x = x + self.o_proj(y)
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))


class Llama(reference.Llama):
    def __init__(self, s):
        super().__init__(s, Block)

    def forward(self, tokens):
        d = self.head_size
        inv_freq = 1.0 / (10000.0 ** (torch.arange(0, d, 2).float() / d))
        angles = torch.arange(tokens.shape[1]).float()[:, None] * inv_freq[None, :]
        both = torch.cat((angles, angles), dim=-1)
        cos, sin = both.cos(), both.sin()
        x = self.embed_tokens(tokens)
        for layer in self.layers:
            x = layer(x, cos, sin)
        return self.lm_head(self.norm(x))


model = Llama(shape)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1)
b, t, v, steps = shape["batch"], shape["context"], shape["vocab"], shape["steps"]


def train_step(i):
    tokens = torch.randint(0, v, (b, t), generator=torch.Generator().manual_seed(i))
    logits = model(tokens[:, :-1])
    loss = F.cross_entropy(logits.flatten(0, 1), tokens[:, 1:].flatten())
    loss.item()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)


for i in range(2):
    train_step(i)
start = time.perf_counter()
for i in range(steps):
    train_step(2 + i)
tokens_per_s = b * t * steps / (time.perf_counter() - start)

n = 2048
a, m = torch.randn(n, n), torch.randn(n, n)
a @ m
start = time.perf_counter()
for _ in range(5):
    a @ m
matmul_gflops = 2 * n ** 3 * 5 / (time.perf_counter() - start) / 1e9

s = shape
matmul_params = s["layers"] * (4 * s["hidden"] ** 2 + 3 * s["hidden"] * s["intermediate"]) + s["vocab"] * s["hidden"]
flops_per_token = 6 * matmul_params + 12 * s["layers"] * s["context"] * s["hidden"]
train_gflops = tokens_per_s * flops_per_token / 1e9
print(json.dumps(dict(side="pytorch", torch_version=torch.__version__, shape=shape, train_tokens_per_s=tokens_per_s,
                      train_gflops=train_gflops, matmul_gflops=matmul_gflops, mfu=train_gflops / matmul_gflops)))
