"""Reference training batches of the authors' train_llama_steps.py, written from PAPER.md 3.3 and 5.

Mixing (5): every device batch of per_device_batch sequences is int(per_device_batch * ratio) synthetic rows after
per_device_batch - that many real rows. Data order (3.3): each stream's documents are shuffled with the run seed,
concatenated and cut into blocks (the last one padded), trimmed to whole steps; when a stream runs out it is shuffled
again with seed + completed steps and packed again. The shuffles themselves are the caller's (the permutation a seed
gives is an implementation detail of each random generator): in.json maps each seed to a permutation.

Usage: /usr/bin/python3 benchmarks/batch_reference.py <in.json> <out.json>
in.json: {"batch_size", "per_device_batch", "ratio", "block_length", "seed", "steps", "pad",
          "real": [[token, ...], ...], "synthetic": [[...], ...], "permutations": {"real": {seed: [...]}, "synthetic": {...}}}
out.json: {"batches": [[[token, ...] per row] per step], "synthetic_rows": [bool per row],
           "fractions": {nominal: int(16 * nominal) / 16 for nominal 0.1 ... 0.9}}
"""
import json
import sys


def pack(documents, order, block_length, pad):
    tokens = [t for i in order for t in documents[i]]
    blocks = [tokens[i:i + block_length] for i in range(0, len(tokens), block_length)]
    blocks[-1] = blocks[-1] + [pad] * (block_length - len(blocks[-1]))
    return blocks


def stream(documents, permutations, rows_per_step, block_length, seed, pad):
    """Yields the rows of each step, forever."""
    total = sum(len(d) for d in documents)
    steps_per_pass = -(-total // block_length) // rows_per_step
    completed, pass_seed = 0, seed
    while True:
        blocks = pack(documents, permutations[str(pass_seed)], block_length, pad)[:steps_per_pass * rows_per_step]
        for step in range(steps_per_pass):
            yield blocks[step * rows_per_step:(step + 1) * rows_per_step]
        completed += steps_per_pass
        pass_seed = seed + completed


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    per_device, ratio = spec["per_device_batch"], spec["ratio"]
    devices = spec["batch_size"] // per_device
    synth_batch = int(per_device * ratio)
    real_batch = per_device - synth_batch
    args = (spec["block_length"], spec["seed"], spec["pad"])
    real = stream(spec["real"], spec["permutations"]["real"], real_batch * devices, *args)
    synthetic = stream(spec["synthetic"], spec["permutations"]["synthetic"], synth_batch * devices, *args)
    batches = []
    for _ in range(spec["steps"]):
        real_rows, synthetic_rows = next(real), next(synthetic)
        batch = []
        for d in range(devices):
            batch += real_rows[d * real_batch:(d + 1) * real_batch] + synthetic_rows[d * synth_batch:(d + 1) * synth_batch]
        batches.append(batch)
    flags = [(row % per_device) >= real_batch for row in range(spec["batch_size"])]
    fractions = {f"{n / 10:.1f}": int(16 * (n / 10)) / 16 for n in range(1, 10)}
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump({"batches": batches, "synthetic_rows": flags, "fractions": fractions}, f)


if __name__ == "__main__":
    main()
