#!/usr/bin/env python3
"""Wall-clock ratio of two commands on a noisy machine (issue 19).

Three hyperfine runs of the same binary on this 2-core VM disagreed by up to 60%, because a
burst of load (another build, the hypervisor) lands on whichever command happens to be running.
Here the two commands run in many short alternating blocks (A B, B A, A B, …), so a burst hits
both sides about equally, and both are pinned to the same CPU (`taskset`), so neither gets a
quieter core than the other. The ratio of the pooled medians is the figure; the lowest and
highest per-block ratios show how much the machine moved during the run.

    wall_paired.py [--blocks 12] [--runs 10] [--pin CPU] CMD_A CMD_B
    → prints "median_a_ms median_b_ms ratio lowest_block_ratio highest_block_ratio"
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile


def block(cmd, runs, pin, out):
    hf = ["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", out, cmd]
    if pin is not None:
        hf = ["taskset", "-c", str(pin)] + hf   # hyperfine's children inherit the affinity
    subprocess.run(hf, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        return json.load(f)["results"][0]["times"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--blocks", type=int, default=12)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--pin", type=int, default=None, help="CPU to pin both commands to")
    p.add_argument("a")
    p.add_argument("b")
    args = p.parse_args()
    times = {"a": [], "b": []}
    block_ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "h.json")
        for i in range(args.blocks):
            order = ("a", "b") if i % 2 == 0 else ("b", "a")
            medians = {}
            for side in order:
                t = block(getattr(args, side), args.runs, args.pin, out)
                times[side] += t
                medians[side] = statistics.median(t)
            block_ratios.append(medians["a"] / medians["b"])
    ma, mb = statistics.median(times["a"]) * 1000, statistics.median(times["b"]) * 1000
    print(f"{ma:.2f} {mb:.2f} {ma / mb:.2f} {min(block_ratios):.2f} {max(block_ratios):.2f}")


if __name__ == "__main__":
    sys.exit(main())
