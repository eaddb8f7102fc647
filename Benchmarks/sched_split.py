#!/usr/bin/env python3
"""Where a command's wall time went on a shared machine: on a CPU, waiting in the run queue
(other programs had the cores), or blocked (the disk, a lock, sleep). Polls the kernel's
per-thread schedstat (/proc/PID/task/*/schedstat: ns on CPU, ns runnable but waiting) every
20 ms and keeps each thread's last value, so threads that ended are counted too. Asserts no time.

Threads are summed: while several run at once, cpu + runqueue can exceed their share of wall
time and "blocked" is then an underestimate.

usage: sched_split.py COMMAND [ARG...]      prints: wall, cpu, runqueue, blocked (seconds)
"""
import os, subprocess, sys, time

t0 = time.monotonic()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
last = {}
while p.poll() is None:
    try:
        for tid in os.listdir(f"/proc/{p.pid}/task"):
            try:
                with open(f"/proc/{p.pid}/task/{tid}/schedstat") as f:
                    on, wait, _ = f.read().split()
                last[tid] = (int(on), int(wait))
            except (FileNotFoundError, ProcessLookupError, ValueError):
                pass
    except FileNotFoundError:
        pass
    time.sleep(0.02)
wall = time.monotonic() - t0
cpu = sum(v[0] for v in last.values()) / 1e9
rq = sum(v[1] for v in last.values()) / 1e9
print(f"wall {wall:6.2f} s  cpu {cpu:6.2f} s  runqueue {rq:6.2f} s  blocked {max(0.0, wall - cpu - rq):6.2f} s  "
      f"(threads {len(last)}, exit {p.returncode}, load {os.getloadavg()[0]:.2f})")
sys.exit(p.returncode)
