#!/usr/bin/env python3
"""How to make N new files durable before renaming them into place (DurableBatch's step 2),
measured on this disk: an fsync per file one by one, fsyncs from T threads at once, or one
syncfs(2). Each round writes N temp files of SIZE bytes into a fresh directory, makes them
durable the chosen way, renames each over its target and fsyncs the directory once — what
`renkei import --apply` does for N cases. Strategies alternate round by round so they share
the machine's load. Prints wall seconds per round and the load average. Asserts no time.

usage: batch_sync.py [N=10000] [ROUNDS=3] [SIZE=1500] [DIR=/tmp] [STRATEGIES=syncfs,threads8,threads32]
"""
import ctypes, os, sys, tempfile, time, shutil
from concurrent.futures import ThreadPoolExecutor

libc = ctypes.CDLL(None, use_errno=True)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
SIZE = int(sys.argv[3]) if len(sys.argv) > 3 else 1500
BASE = sys.argv[4] if len(sys.argv) > 4 else "/tmp"
STRATS = (sys.argv[5] if len(sys.argv) > 5 else "syncfs,threads8,threads32").split(",")
payload = ("{\"title\": \"髙橋 ①㈱ ｶﾅ 令和８年\"}" * (SIZE // 40 + 1)).encode()[:SIZE]

def fsync_path(d, name):
    fd = os.open(os.path.join(d, name), os.O_RDONLY)
    try: os.fsync(fd)
    finally: os.close(fd)

def one(strategy):
    d = tempfile.mkdtemp(prefix="batch-sync-", dir=BASE)
    try:
        names = [f"case-{i:05d}.json" for i in range(N)]
        t0 = time.monotonic()
        for n in names:
            fd = os.open(os.path.join(d, ".tmp-" + n), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.write(fd, payload); os.close(fd)
        t1 = time.monotonic()
        if strategy == "syncfs":
            dfd = os.open(d, os.O_RDONLY)
            if libc.syncfs(dfd) != 0: raise OSError(ctypes.get_errno(), "syncfs")
            os.close(dfd)
        elif strategy.startswith("threads"):
            with ThreadPoolExecutor(int(strategy[7:])) as ex:
                list(ex.map(lambda n: fsync_path(d, ".tmp-" + n), names))
        elif strategy == "serial":
            for n in names: fsync_path(d, ".tmp-" + n)
        t2 = time.monotonic()
        for n in names: os.rename(os.path.join(d, ".tmp-" + n), os.path.join(d, n))
        dfd = os.open(d, os.O_RDONLY); os.fsync(dfd); os.close(dfd)
        t3 = time.monotonic()
        return t1 - t0, t2 - t1, t3 - t2
    finally:
        shutil.rmtree(d, ignore_errors=True)

print(f"# {N} files of {SIZE} bytes in {BASE}, {ROUNDS} rounds; kernel {os.uname().release}")
for r in range(ROUNDS):
    for s in STRATS:
        la = os.getloadavg()[0]
        w, sy, rn = one(s)
        print(f"round {r+1} {s:10s} write {w:6.2f}s  durable {sy:6.2f}s  rename+dirsync {rn:5.2f}s  total {w+sy+rn:6.2f}s  load {la:5.2f} -> {os.getloadavg()[0]:5.2f}", flush=True)
