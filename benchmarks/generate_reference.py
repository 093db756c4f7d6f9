"""PyTorch reference for the generation speed benchmark (BENCHMARKS.md, "Generation").

The same Llama shape as src/ContrastivePipeline/Generation/GenerationBenchmark.cs (random weights, fp32, CPU, 2
threads), sampled the usual PyTorch-eager way: a KV cache that grows by torch.cat every token, softmax and
torch.multinomial, 32 prompts of 20 tokens, 128 new tokens, one warm-up of 8 tokens; prints ancestral_tokens_per_s.
Run: /usr/bin/python3 benchmarks/generate_reference.py [--prompts=32 --prefix=20 --new_tokens=128 --threads=2]
Debian's python3-torch is 1.13 (no F.scaled_dot_product_attention): attention is the explicit softmax.
"""
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

import llama_reference as reference
from llama_reference import rotate_half

opt = reference.options(dict(prompts=32, prefix=20, new_tokens=128, threads=2, layers=4, hidden=256, heads=4, intermediate=1024, vocab=8192))


class Block(reference.Block):
    def forward(self, x, cos, sin, past):
        b, t, c = x.shape
        h = self.input_layernorm(x)
        q, k, v = (p(h).view(b, t, self.nh, c // self.nh).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        if past is not None:  # the HF-style growing cache
            k, v = torch.cat((past[0], k), dim=2), torch.cat((past[1], v), dim=2)
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])
        if t > 1:
            mask = torch.ones(t, k.shape[2], dtype=torch.bool).triu(k.shape[2] - t + 1)
            scores = scores.masked_fill(mask, float("-inf"))
        y = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, c)
        x = x + self.o_proj(y)
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h)), (k, v)


class Llama(reference.Llama):
    def __init__(self, s):
        super().__init__(s, Block)

    def forward(self, tokens, start, past):
        d = self.head_size
        inv_freq = 1.0 / (10000.0 ** (torch.arange(0, d, 2).float() / d))
        angles = torch.arange(start, start + tokens.shape[1]).float()[:, None] * inv_freq[None, :]
        both = torch.cat((angles, angles), dim=-1)
        cos, sin = both.cos(), both.sin()
        x = self.embed_tokens(tokens)
        present = []
        for i, layer in enumerate(self.layers):
            x, kv = layer(x, cos, sin, None if past is None else past[i])
            present.append(kv)
        return self.lm_head(self.norm(x[:, -1])), present


@torch.inference_mode()
def generate(model, prompts, new_tokens):
    logits, past = model(prompts, 0, None)
    out = []
    for s in range(new_tokens):
        token = torch.multinomial(logits.softmax(-1), 1)
        out.append(token)
        if s + 1 < new_tokens:
            logits, past = model(token, prompts.shape[1] + s, past)
    return torch.cat(out, dim=1)


model = Llama(opt)
for p in model.parameters():
    if p.dim() == 2:
        nn.init.normal_(p, 0.0, 0.02)
model.eval()
prompts = torch.randint(4, opt["vocab"], (opt["prompts"], opt["prefix"]))
prompts[:, 0] = 1
generate(model, prompts, 8)
start = time.perf_counter()
generate(model, prompts, opt["new_tokens"])
tokens_per_s = opt["prompts"] * opt["new_tokens"] / (time.perf_counter() - start)
print(json.dumps(dict(implementation=f"pytorch-{torch.__version__}", prompts=opt["prompts"], prefix_tokens=opt["prefix"],
                      new_tokens=opt["new_tokens"], threads=opt["threads"], ancestral_tokens_per_s=tokens_per_s)))
