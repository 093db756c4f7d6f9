"""Reference forward pass of an exported folder, written from transformers' LlamaForCausalLM (4.49) semantics.

It reads only what transformers reads: config.json for every hyperparameter and model.safetensors, parsed from the
format's definition (no safetensors or transformers package is needed; Debian's python3-torch is enough).
Prints the logits [T, V] for the token ids given on the command line as JSON.
Run: /usr/bin/python3 hf_llama_reference.py FOLDER 1,40,41,42
The C# test HuggingFaceExportTests.PythonReferenceForward_MatchesOurLogits runs it when CP_PYTORCH names such a
python.
"""
import json
import math
import struct
import sys

import numpy as np
import torch

DTYPES = {"F32": np.float32, "F16": np.float16}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    metadata = header.pop("__metadata__", None)
    start = 8 + length
    tensors = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[start + begin:start + end], dtype=DTYPES[entry["dtype"]])
        tensors[name] = torch.from_numpy(array.copy()).reshape(entry["shape"]).float()
    return tensors, metadata


def rms_norm(x, weight, eps):
    variance = x.pow(2).mean(-1, keepdim=True)
    return weight * (x * torch.rsqrt(variance + eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def forward(config, w, ids):
    t = len(ids)
    nh, nkv = config["num_attention_heads"], config["num_key_value_heads"]
    d = config.get("head_dim") or config["hidden_size"] // nh
    eps = config["rms_norm_eps"]
    inv_freq = 1.0 / (config["rope_theta"] ** (torch.arange(0, d, 2, dtype=torch.int64).float() / d))
    freqs = torch.outer(torch.arange(t).float(), inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    mask = torch.full((t, t), float("-inf")).triu(1)

    x = w["model.embed_tokens.weight"][torch.tensor(ids)]
    for i in range(config["num_hidden_layers"]):
        p = f"model.layers.{i}."
        h = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = (h @ w[p + "self_attn.q_proj.weight"].T).view(t, nh, d).transpose(0, 1)
        k = (h @ w[p + "self_attn.k_proj.weight"].T).view(t, nkv, d).transpose(0, 1)
        v = (h @ w[p + "self_attn.v_proj.weight"].T).view(t, nkv, d).transpose(0, 1)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k, v = k.repeat_interleave(nh // nkv, 0), v.repeat_interleave(nh // nkv, 0)
        scores = q @ k.transpose(-1, -2) / math.sqrt(d) + mask
        y = (scores.softmax(-1) @ v).transpose(0, 1).reshape(t, nh * d)
        x = x + y @ w[p + "self_attn.o_proj.weight"].T
        h = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        gate = torch.nn.functional.silu(h @ w[p + "mlp.gate_proj.weight"].T)
        x = x + (gate * (h @ w[p + "mlp.up_proj.weight"].T)) @ w[p + "mlp.down_proj.weight"].T
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if config["tie_word_embeddings"] else w["lm_head.weight"]
    return x @ head.T


def main():
    folder, ids = sys.argv[1], [int(i) for i in sys.argv[2].split(",")]
    torch.set_num_threads(1)
    with open(f"{folder}/config.json") as f:
        config = json.load(f)
    assert config["architectures"] == ["LlamaForCausalLM"] and config["model_type"] == "llama", config
    weights, metadata = read_safetensors(f"{folder}/model.safetensors")
    assert metadata == {"format": "pt"}, metadata
    with torch.no_grad():
        logits = forward(config, weights, ids)
    assert list(logits.shape) == [len(ids), config["vocab_size"]]
    print(json.dumps(logits.tolist()))


if __name__ == "__main__":
    main()
