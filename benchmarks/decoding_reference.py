"""Reference next-token distributions of the authors' decoding (PAPER.md 4), written from its description in PyTorch.

ContrastiveLogitsProcessor (4.1): both models' logits divided by tau, softmaxed; the head is p_G > alpha * max p_G
(strict); score = log(p_G + 1e-10) - lambda * log(p_B + 1e-10); outside the head the constant penalty (-20).
NoContrastVHeadLogitsProcessor (4.3): log(p_G + 1e-10) on the same head, the penalty elsewhere.
No-Contrast (4.2): GOOD's raw logits divided by tau, as transformers' sampling sees them.
Top-k / top-p (4.3) run after the processor, as transformers' TopKLogitsWarper / TopPLogitsWarper with
filter_value = penalty. Sampling is softmax(scores) then torch.multinomial, so softmax(scores) is the distribution.

Usage: /usr/bin/python3 benchmarks/decoding_reference.py <in.json> <out.json>
in.json: {"good": [[...]], "bad": [[...]], "temperature", "alpha", "lambda", "penalty",
          "cases": [{"name", "strategy": "ancestral"|"contrastive"|"head-only", "top_k": int|null, "top_p": float|null}]}
out.json: {name: [[probability, ...], ...]} in float64. Needs Debian's python3-torch.
"""
import json
import sys

import torch


def contrastive(good, bad, tau, alpha, lam, penalty):
    expert = torch.softmax(good / tau, dim=-1)
    amateur = torch.softmax(bad / tau, dim=-1)
    head = expert > alpha * expert.max(dim=-1, keepdim=True).values
    scores = torch.log(expert + 1e-10) - lam * torch.log(amateur + 1e-10)
    return scores.masked_fill(~head, penalty)


def head_only(good, tau, alpha, penalty):
    expert = torch.softmax(good / tau, dim=-1)
    head = expert > alpha * expert.max(dim=-1, keepdim=True).values
    return torch.log(expert + 1e-10).masked_fill(~head, penalty)


def top_k(scores, k, filter_value):
    k = min(k, scores.size(-1))
    remove = scores < torch.topk(scores, k)[0][..., -1, None]
    return scores.masked_fill(remove, filter_value)


def top_p(scores, p, filter_value):
    sorted_logits, sorted_indices = torch.sort(scores, descending=False)
    cumulative = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    sorted_remove = cumulative <= (1 - p)
    sorted_remove[..., -1:] = 0  # min_tokens_to_keep = 1
    remove = sorted_remove.scatter(1, sorted_indices, sorted_remove)
    return scores.masked_fill(remove, filter_value)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    good = torch.tensor(spec["good"], dtype=torch.float32)
    bad = torch.tensor(spec["bad"], dtype=torch.float32)
    tau, alpha, lam, penalty = spec["temperature"], spec["alpha"], spec["lambda"], spec["penalty"]
    out = {}
    for case in spec["cases"]:
        if case["strategy"] == "contrastive":
            scores = contrastive(good, bad, tau, alpha, lam, penalty)
        elif case["strategy"] == "head-only":
            scores = head_only(good, tau, alpha, penalty)
        else:
            scores = good / tau
        if case.get("top_k") is not None:
            scores = top_k(scores, case["top_k"], penalty)
        if case.get("top_p") is not None:
            scores = top_p(scores, case["top_p"], penalty)
        out[case["name"]] = torch.softmax(scores.double(), dim=-1).tolist()
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
