#!/usr/bin/env python3
"""Turns the raw results of Benchmarks/run.sh into BENCHMARKS.md (stdout).

usage: report.py RESULTS_DIR "1000 10000" BENCH_DIR
Appends Benchmarks/notes.md (hand-written analysis) and Benchmarks/insight.md (similar-case
quality, issue 8) when present.
"""
import json
import os
import re
import sys

res, sizes, bench_dir = sys.argv[1], [int(s) for s in sys.argv[2].split()], sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))


def read(name, default=None):
    p = os.path.join(res, name)
    if not os.path.exists(p):
        return default
    with open(p, encoding="utf-8") as f:
        return f.read().strip()


def hf(name):
    """hyperfine export → {command name: result}"""
    t = read(name)
    if not t:
        return {}
    return {r["command"]: r for r in json.loads(t)["results"]}


def ms(x):
    return f"{x * 1000:.1f} ms" if x < 10 else f"{x:.2f} s"


def spread(r):
    return f"{ms(r['min'])} – {ms(r['max'])} (σ {r['stddev'] * 1000:.1f} ms, n={len(r['times'])})"


def machine():
    m = {}
    for line in (read("machine.txt") or "").splitlines():
        k, _, v = line.partition(" ")
        m[k] = v
    return m


def inproc(n):
    """`key value` lines of renkei-bench inproc / ui and of tui-rss.sh for size n, merged."""
    out = {}
    for name in (f"inproc-{n}.txt", f"ui-{n}.txt", f"tui-{n}.txt"):
        for line in (read(name) or "").splitlines():
            k, _, v = line.partition(" ")
            out[k] = v
    return out


def tui_peak_mb(n):
    """Largest VmHWM of the TUI process over the tmux session (first frame → board)."""
    hwms = [float(m) for k, v in inproc(n).items() if k.startswith("tui.rss_") for m in re.findall(r"hwm ([0-9.]+)", v)]
    return max(hwms) if hwms else None


def inproc_median(n, key):
    v = inproc(n).get(key, "")
    m = re.search(r"median=([0-9.]+)", v)
    return float(m.group(1)) if m else None


def inproc_field(n, key, field):
    v = inproc(n).get(key, "")
    m = re.search(r"(?<![a-z0-9_])" + field + r"=([0-9.]+)", v)
    return float(m.group(1)) if m else None


def fmt(n):
    return f"{n:,}"


M = machine()
big = 10000 if 10000 in sizes else max(sizes)
lines = []
w = lines.append

w("# renkei — benchmarks")
w("")
w(f"Measured by `Benchmarks/run.sh` on {M.get('date', '?')} at commit `{M.get('commit', '?')}`; "
  f"sizes {', '.join(fmt(s) for s in sizes)}. Every figure below comes from that run; nothing is estimated. "
  "Regenerate with `Benchmarks/run.sh` (add `SIZES=\"1000 10000 100000\"` for the large run); "
  "CI runs only `Benchmarks/smoke.sh`.")
w("")
w("## Machine")
w("")
w("| | |")
w("|---|---|")
for k, label in [("nproc", "cores (nproc)"), ("cpu", "CPU"), ("mem", "RAM"), ("kernel", "kernel"), ("fs", "filesystem of the workspaces"),
                 ("swift", "Swift"), ("hyperfine", "hyperfine"), ("task", "taskwarrior")]:
    w(f"| {label} | {M.get(k, '?')} |")
w(f"| load average (1/5/15 min) at start → end | {M.get('load_start', '?')} → {M.get('load_end', '?')} |")
w("")
w("The machine is shared: other engineers compile and test on the same two cores while this runs, "
  "so absolute times carry that noise (see the load average). Ratios are measured side by side in "
  "the same hyperfine invocation, interleaved in time, so both sides see the same load.")
w("")

# ---- targets
w(f"## Targets ({fmt(big)} cases)")
w("")
w("| figure | target | measured (median) | verdict |")
w("|---|---|---|---|")


def verdict(ok):
    return "**met**" if ok else "**missed**"


c = hf(f"count-{big}.json")
if c:
    r, t = c["renkei list --count"], c["task count"]
    ratio = r["median"] / t["median"]
    w(f"| `renkei list --count`, warm index | ≤ 0.5 × `task count` | {ms(r['median'])} vs {ms(t['median'])} = **{ratio:.2f}×** | {verdict(ratio <= 0.5)} |")
o = hf(f"overdue-{big}.json")
if o:
    r, t = o["renkei overdue --count"], o["task +OVERDUE count"]
    ratio = r["median"] / t["median"]
    w(f"| `renkei overdue --count`, warm index | ≤ 0.5 × `task +OVERDUE count` | {ms(r['median'])} vs {ms(t['median'])} = **{ratio:.2f}×** | {verdict(ratio <= 0.5)} |")
else:
    w("| `renkei overdue --count`, warm index | ≤ 0.5 × `task +OVERDUE count` | not measured: `renkei overdue` is not in main yet (the harness measures it as soon as the command exists) | — |")
s = hf(f"search-{big}.json")
if s:
    r, t = s["renkei list --search 狭山 --limit 50"], s["task list limit:50"]
    ratio = r["median"] / t["median"]
    w(f"| `renkei list --search 狭山 --limit 50` | ≤ 0.5 × `task list limit:50` | {ms(r['median'])} vs {ms(t['median'])} = **{ratio:.2f}×** | {verdict(ratio <= 0.5)} |")
cold = hf(f"cold-{big}.json")
if cold:
    r = list(cold.values())[0]
    w(f"| cold start, no index (`list --count`) | ≤ 1.5 s | {ms(r['median'])} | {verdict(r['median'] <= 1.5)} |")
ff = inproc_median(big, "ui.first_frame")
if ff is not None:
    t = inproc(big)
    wall = t.get("tui.first_frame_wall_ms")
    main_ms = (t.get("tui.first_frame_from_main_ms") or "").split(" ")[0] or None
    launch_ms = (t.get("tui.first_frame_from_launch_ms") or "").split(" ")[0] or None
    runs = (t.get("tui.first_frame_from_launch_ms") or "").partition(" all ")[2]
    complete = (t.get("tui.deadlines_complete_from_main_ms") or "").split(" ")[0] or None
    # The verdict is on what a user waits for: from launching the program to the drawn list.
    judged = float(launch_ms) if launch_ms else ff
    w(f"| TUI first frame, warm index | ≤ 200 ms | in tmux: launch → list drawn **{launch_ms or '—'} ms** median of [{runs}] (main() → drawn {main_ms or '—'} ms; "
      f"seen by capture-pane polling {wall or '—'} ms; the off-screen rows' deadlines complete {complete or '—'} ms after main()); in process (`renkei-bench ui`: load + deadlines + update + view) {ff:.1f} ms "
      f"(p90 {inproc_field(big, 'ui.first_frame', 'p90'):.1f}) | {verdict(judged <= 200)} |")
for key, label in [("ui.key_list", "list (j/k/PgDn/PgUp/G/g)"), ("ui.key_board", "board (h/l/j/k/PgDn/G/g)")]:
    p99 = inproc_field(big, key, "p99")
    if p99 is not None:
        w(f"| keystroke update+view+diff p99, {label} | ≤ 5 ms | p99 {p99:.2f} ms, median {inproc_median(big, key):.2f} ms (n={inproc_field(big, key, 'n'):.0f}) | {verdict(p99 <= 5)} |")
fk = inproc_median(big, "ui.filter_key")
if fk is not None:
    w(f"| filter as you type, per key (issue 3) | ≤ 20 ms | median {fk:.1f} ms, p99 {inproc_field(big, 'ui.filter_key', 'p99'):.1f} ms | {verdict(fk <= 20)} |")
e = inproc_median(big, "inproc.durable_edit")
if e is not None:
    p90 = inproc_field(big, "inproc.durable_edit", "p90")
    w(f"| one edit saved durably (fsync included), in process | ≤ 10 ms median | {e:.2f} ms (p90 {p90:.2f} ms) | {verdict(e <= 10)} |")
peak = tui_peak_mb(big)
if peak is not None:
    w(f"| peak RSS, TUI open on {fmt(big)} cases | ≤ 150 MB | VmHWM {peak:.1f} MB over first frame, 30×PgDn/G/g, filter, a case's tabs, the board (tmux) | {verdict(peak <= 150)} |")
if 100000 in sizes:
    c1 = hf("count-100000.json")
    if c1:
        r = c1["renkei list --count"]
        w(f"| 100,000 cases: `list --count` warm | ≤ 1 s | {ms(r['median'])} | {verdict(r['median'] <= 1)} |")
    else:
        w("| 100,000 cases: `list --count` warm | ≤ 1 s | not measured in this run (see the 100,000 section) | — |")
    o1 = hf("overdue-100000.json")
    if o1:
        r = o1["renkei overdue --count"]
        w(f"| 100,000 cases: `overdue --count` warm | ≤ 1 s | {ms(r['median'])} | {verdict(r['median'] <= 1)} |")
else:
    w("| 100,000 cases: list/overdue count warm | ≤ 1 s | not in this run (`SIZES=\"… 100000\"`) | — |")
cli = hf(f"cli-{big}.json") or {}
csv = hf(f"csv-{big}.json") or {}
def cli_ms(d, name):
    return d.get(name, {}).get("median")
for fmt_ in ("md", "html"):
    m = inproc_median(big, f"report.case_{fmt_}.end_to_end")
    c = cli_ms(cli, f"renkei export ID --format {fmt_}")
    if m is not None or c is not None:
        # The verdict is on the CLI figure (what a user waits for) when it was measured.
        w(f"| one case report, {fmt_} (issue 5) | ≤ 50 ms | in process {m:.1f} ms; CLI `renkei export ID --format {fmt_} -o …` incl. process start {ms(c) if c else '—'} | {verdict((c * 1000 if c else m) <= 50)} |")
m, c = inproc_median(big, "report.portfolio_csv"), cli_ms(csv, "renkei export --all --format csv")
if m is not None or c is not None:
    w(f"| CSV of the portfolio (issue 5) | ≤ 2 s | in process {m:.0f} ms; CLI {ms(c) if c else '—'} | {verdict((c if c else m / 1000) <= 2)} |")
m, c = inproc_median(big, "insight.similar_lookup"), cli_ms(cli, "renkei similar ID")
if m is not None:
    w(f"| similar-case lookup (issue 8) | ≤ 50 ms | {m:.1f} ms (p99 {inproc_field(big, 'insight.similar_lookup', 'p99'):.1f}); CLI `renkei similar ID` incl. start-up and index {ms(c) if c else '—'} | {verdict(m <= 50)} (lookup) |")
m, c = inproc_median(big, "insight.funnel"), cli_ms(cli, "renkei funnel")
if m is not None:
    w(f"| funnel over the portfolio (issue 8) | ≤ 200 ms | {m:.1f} ms; CLI `renkei funnel` {ms(c) if c else '—'} | {verdict(m <= 200)} |")
w("")

# ---- side by side per size
w("## Side by side with taskwarrior")
w("")
w("Each pair ran in one `hyperfine -N --warmup 3` invocation (no shell; output discarded). "
  "taskwarrior holds the same number of tasks with the same Japanese titles (`<title>（<municipality>）`) "
  "and the cases' next-action due dates, imported with `task import`.")
w("")
for n in sizes:
    w(f"### {fmt(n)} cases")
    w("")
    gen = read(f"gen-{n}.time")
    kb = read(f"size-{n}.kb")
    ikb = read(f"indexsize-{n}.kb")
    w(f"Workspace: {int(kb) / 1024:.0f} MB of case files" + (f", index {int(ikb) / 1024:.1f} MB" if ikb else "")
      + (f"; generated in {gen} (`dev generate`, when the harness created the workspace)" if gen else "") + ". "
      f"renkei counts {read(f'count-{n}.txt', '?')} cases ({read(f'sayama-{n}.txt', '?')} match 狭山); "
      f"taskwarrior counts {read(f'twcount-{n}.txt', '?')} tasks, {read(f'twoverdue-{n}.txt', '?')} +OVERDUE.")
    w("")
    w("| command | median | min – max | ratio renkei / task |")
    w("|---|---|---|---|")
    for f in ["count", "overdue", "search", "list"]:
        d = hf(f"{f}-{n}.json")
        if not d:
            continue
        names = list(d.keys())
        rk, tk = names[0], names[1]
        ratio = d[rk]["median"] / d[tk]["median"]
        w(f"| `{rk}` | {ms(d[rk]['median'])} | {spread(d[rk])} | **{ratio:.2f}×** |")
        w(f"| `{tk}` | {ms(d[tk]['median'])} | {spread(d[tk])} | |")
    cold = hf(f"cold-{n}.json")
    if cold:
        r = list(cold.values())[0]
        w(f"| cold: `renkei list --count`, index deleted before each run | {ms(r['median'])} | {spread(r)} | |")
    for d in (hf(f"cli-{n}.json"), hf(f"csv-{n}.json")):
        for k, r in (d or {}).items():
            w(f"| `{k}` | {ms(r['median'])} | {spread(r)} | |")
    ed = hf(f"edit-{n}.json")
    if ed:
        r = list(ed.values())[0]
        w(f"| `renkei note ID TEXT` (CLI, one durable edit incl. process start) | {ms(r['median'])} | {spread(r)} | |")
    rss = read(f"rss-list-{n}.kb")
    if rss:
        w(f"| peak RSS of `renkei list` (all rows) | {int(rss) / 1024:.0f} MB | | |")
    w("")

# ---- in-process
w("## In-process figures (`renkei-bench inproc`)")
w("")
w("Milliseconds, median (p90) over the runs; the index is dropped from memory before each “disk” run, so "
  "those are what a fresh process pays after start-up.")
w("")
keys = [("inproc.cold_build", "cold index build (all files decoded, 2 threads, index written)"),
        ("inproc.warm_count_disk", "count: validate + count (no record decoded)"),
        ("inproc.warm_portfolio_disk", "portfolio, all summaries with search text"),
        ("inproc.warm_portfolio_lean_disk", "portfolio without search text (counts, deadlines)"),
        ("inproc.warm_search_sayama_disk", "search 狭山 (byte match on the stored search text, decode matches only)"),
        ("inproc.warm_portfolio_memory", "portfolio again in the same process (TUI reload)"),
        ("inproc.durable_edit", "one durable edit (`CaseStore.apply`, add note)"),
        ("inproc.durable_write_one_file", "… of which one `DurableFile.write` (an edit does two: case + journal)"),
        ("inproc.load_one_case", "… and one full case read + decode (`loadFile`)"),
        ("inproc.portfolio_after_edits", "portfolio after those edits (edited files re-read)")]
w("| figure | " + " | ".join(fmt(n) for n in sizes) + " |")
w("|---|" + "---|" * len(sizes))
for k, label in keys:
    cells = []
    for n in sizes:
        m = inproc_median(n, k)
        p = inproc_field(n, k, "p90")
        cells.append("—" if m is None else (f"{m:.1f}" if p is None or k in ("inproc.cold_build", "inproc.portfolio_after_edits") else f"{m:.2f} ({p:.2f})"))
    w(f"| {label} | " + " | ".join(cells) + " |")
w("| progress callbacks during the cold build | " + " | ".join(inproc(n).get("inproc.cold_build.progress_calls", "—") for n in sizes) + " |")
w("| peak RSS of the bench process, MB | " + " | ".join(inproc(n).get("inproc.peak_rss_mb", "—") for n in sizes) + " |")
w("")

# ---- growth
if len(sizes) > 1:
    w("## Growth")
    w("")
    w("Median per size, and the factor per 10× more cases (linear growth = 10×).")
    w("")
    w("| figure | " + " | ".join(fmt(n) for n in sizes) + " | factor per 10× |")
    w("|---|" + "---|" * (len(sizes) + 1))

    def row(label, values):
        vals = [v for v in values if v is not None]
        factors = []
        for a, b in zip(values, values[1:]):
            if a and b:
                factors.append(f"{b / a:.1f}×")
        w(f"| {label} | " + " | ".join("—" if v is None else ms(v) for v in values) + " | " + ", ".join(factors) + " |")

    for f, label in [("count", "renkei list --count"), ("count", "task count"), ("overdue", "renkei overdue --count"),
                     ("overdue", "task +OVERDUE count"), ("search", "renkei list --search 狭山 --limit 50"),
                     ("search", "task list limit:50"), ("list", "renkei list (all rows, table)"), ("list", "task list")]:
        vals = [hf(f"{f}-{n}.json").get(label, {}).get("median") for n in sizes]
        if any(v is not None for v in vals):
            row(f"`{label}`", vals)
    vals = [list(hf(f"cold-{n}.json").values())[0]["median"] if hf(f"cold-{n}.json") else None for n in sizes]
    row("cold `renkei list --count` (no index)", vals)
    vals = [(inproc_median(n, "inproc.durable_edit") or 0) / 1000 or None for n in sizes]
    row("durable edit (in process)", vals)
    for f, label in [("cli", "renkei export ID --format md"), ("cli", "renkei export ID --format html"),
                     ("cli", "renkei similar ID"), ("cli", "renkei funnel"), ("csv", "renkei export --all --format csv")]:
        vals = [hf(f"{f}-{n}.json").get(label, {}).get("median") for n in sizes]
        if any(v is not None for v in vals):
            row(f"`{label}`", vals)
    for key, label in [("ui.first_frame", "TUI first frame (in process)"), ("ui.key_list", "TUI list key, median"),
                       ("ui.filter_key", "TUI filter key, median"), ("insight.funnel", "funnel (in process)")]:
        vals = [(inproc_median(n, key) or 0) / 1000 or None for n in sizes]
        if any(v is not None for v in vals):
            row(label, vals)
    vals = [(tui_peak_mb(n) or 0) or None for n in sizes]
    if any(v is not None for v in vals):
        w("| TUI peak RSS (MB) | " + " | ".join("—" if v is None else f"{v:.0f} MB" for v in vals) + " | "
          + ", ".join(f"{b / a:.1f}×" for a, b in zip(vals, vals[1:]) if a and b) + " |")
    w("")

# ---- start-up
st = hf("startup.json")
if st:
    w("## Start-up")
    w("")
    w("| command | median | min – max |")
    w("|---|---|---|")
    for k, r in st.items():
        w(f"| `{k}` | {ms(r['median'])} | {spread(r)} |")
    w("")

# ---- commands
w("## Exact commands")
w("")
w("```sh")
w(f"# per size N (workspace {bench_dir}/ws-N, taskwarrior data {bench_dir}/tw-N)")
w("export LANG=C.UTF-8 RENKEI_TODAY=2026-11-23 RENKEI_DATA=$PWD/Data")
w("renkei dev generate --cases N --seed 7 --workspace $WS --quiet")
w("renkei-bench taskwarrior --tasks N --seed 7 --today 2026-11-23 --out $TW/tasks.json")
w("TASKRC=$TW/taskrc task rc.data.location=$TW rc.confirmation=no rc.verbose=nothing rc.hooks=off import $TW/tasks.json")
w("TASK='env TASKRC=$TW/taskrc task rc.data.location=$TW rc.confirmation=no rc.verbose=nothing'")
w("hyperfine -N --runs 5 --prepare 'rm -rf $WS/.index' 'renkei list --count --workspace $WS'")
w("hyperfine -N --warmup 3 --runs 20 'renkei list --count --workspace $WS' '$TASK count'")
w("hyperfine -N --warmup 3 --runs 20 'renkei overdue --count --workspace $WS' '$TASK +OVERDUE count'")
w("hyperfine -N --warmup 3 --runs 20 'renkei list --search 狭山 --limit 50 --workspace $WS' '$TASK list limit:50'")
w("hyperfine -N --warmup 3 --runs 20 'renkei list --workspace $WS' '$TASK list'")
w("hyperfine -N --warmup 2 --runs 20 'renkei note c-0001 bench --workspace $WS'")
w("hyperfine -N --warmup 2 --runs 20 'renkei export ID --format md -o x.md --force …' '… --format html …' 'renkei similar ID …' 'renkei funnel …'")
w("hyperfine -N --warmup 1 --runs 5 'renkei export --all --format csv -o p.csv --force --workspace $WS'")
w("/usr/bin/time -f %M renkei list --workspace $WS")
w("renkei-bench inproc --workspace $WS --runs 20    # cold build, warm reads, durable edit")
w("renkei-bench ui --workspace $WS --runs 20        # TUI update+view+diff, filter, reports, insight")
w("Benchmarks/tui-rss.sh $WS .build/release         # the real TUI in tmux: launch → first frame, VmHWM")
w("```")
w("")

# Hand-written analysis, then the insight quality study (issue 8), each kept beside the harness.
for name in ("notes.md", "insight.md"):
    path = os.path.join(here, name)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            w(f.read().rstrip())
        w("")

print("\n".join(lines))
