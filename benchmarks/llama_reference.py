"""The Llama weights and helpers both PyTorch reference benchmarks share (HF layout, no biases, untied head).

train_reference.py and generate_reference.py subclass Block and Llama with their own forward: a plain causal one
for training, one with a growing KV cache for generation.
"""
import sys

import torch
import torch.nn as nn


class RMSNorm(nn.Module):
    def __init__(self, size, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(size))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def options(defaults):
    """The defaults, overridden by --name=value integers on the command line; sets the threads and the seed."""
    opt = dict(defaults)
    for arg in sys.argv[1:]:
        name, value = arg.lstrip("-").split("=")
        opt[name] = int(value)
    torch.set_num_threads(opt["threads"])
    torch.manual_seed(0)
    return opt


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Block(nn.Module):
    def __init__(self, c, nh, inter):
        super().__init__()
        self.nh = nh
        self.input_layernorm = RMSNorm(c)
        self.q_proj, self.k_proj, self.v_proj, self.o_proj = (nn.Linear(c, c, bias=False) for _ in range(4))
        self.post_attention_layernorm = RMSNorm(c)
        self.gate_proj = nn.Linear(c, inter, bias=False)
        self.up_proj = nn.Linear(c, inter, bias=False)
        self.down_proj = nn.Linear(inter, c, bias=False)


class Llama(nn.Module):
    def __init__(self, s, block):
        super().__init__()
        self.embed_tokens = nn.Embedding(s["vocab"], s["hidden"])
        self.layers = nn.ModuleList(block(s["hidden"], s["heads"], s["intermediate"]) for _ in range(s["layers"]))
        self.norm = RMSNorm(s["hidden"])
        self.lm_head = nn.Linear(s["hidden"], s["vocab"], bias=False)
        self.head_size = s["hidden"] // s["heads"]
