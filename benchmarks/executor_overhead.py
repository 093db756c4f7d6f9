"""Scheduler overhead per instance, from the stores benchmarks/executors.sh leaves: for every instance that ran after
another ended, the time from the latest end before its start (the slot or the input it waited for became free) to its
start. Local runs: the host's launch and reap times (summary.json). Slurm: the times each job's sbatch script echoes
before and after the step command, so the poll interval, sbatch and Slurm's own scheduling are all inside."""
import json, pathlib, re, statistics, sys
from datetime import datetime

work = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/cp-executors")


def spans(mode):
    root = work / mode
    summary = json.loads((root / "runs" / "executors" / "summary.json").read_text())
    out = []
    for i in summary["instances"]:
        if i["status"] != "run" or not i["started"]:
            continue
        if mode.startswith("slurm"):
            log = (root / "logs" / f"{i['step']}-{i['key']}.log").read_text()
            start = float(re.findall(r"started (\d+\.\d+)", log)[-1])
            end = float(re.findall(r"ended (\d+\.\d+)", log)[-1])
        else:
            start, end = (parse(i["started"]), parse(i["ended"]))
        out.append((f"{i['task']}/{i['instance']}", start, end))
    return out


def parse(stamp):
    return datetime.fromisoformat(stamp).timestamp()


for mode in ["jobs1", "jobs2", "slurm2"]:
    if not (work / mode).exists():
        continue
    runs = spans(mode)
    gaps = []
    for name, start, _ in runs:
        before = [end for other, _, end in runs if other != name and end <= start]
        if before:
            gaps.append(start - max(before))
    gaps.sort()
    print(f"{mode}: {len(runs)} instances ran; overhead over {len(gaps)} that waited: median {statistics.median(gaps) * 1000:.0f} ms, "
          f"min {gaps[0] * 1000:.0f}, max {gaps[-1] * 1000:.0f} ms")
