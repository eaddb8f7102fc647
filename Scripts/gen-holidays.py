#!/usr/bin/env python3
"""Generate Data/holidays/jp.json — Japanese national holidays (国民の祝日, 振替休日, 国民の休日).

    Scripts/gen-holidays.py [--from 2020] [--to 2035] [--out Data/holidays/jp.json]

Source: the maintained `holidays` package from PyPI (installed with pip if missing).
Output (sorted keys, one holiday per line so diffs stay readable):

    {"source": "python-holidays 0.109", "generated": "2026-…", "from": 2020, "to": 2035,
     "days": {"2026-01-01": "元日", …}}

年末年始 (12/29–1/3, when municipal offices close) is NOT in this file: renkei's deadline
engine treats it as non-business days by rule (HolidaySet.isYearEndClosure).
Re-run when the law changes (e.g. a new holiday) or to extend the range, and commit the result.
"""
import argparse
import datetime as dt
import importlib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from datafile import write_atomically  # noqa: E402


def load_holidays():
    try:
        return importlib.import_module("holidays")
    except ImportError:
        print("gen-holidays: installing the 'holidays' package from PyPI …", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "holidays"])
        importlib.invalidate_caches()
        return importlib.import_module("holidays")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="start", type=int, default=2020)
    ap.add_argument("--to", dest="end", type=int, default=2035)
    ap.add_argument("--out", default=os.path.join(ROOT, "Data", "holidays", "jp.json"))
    args = ap.parse_args()
    if args.start > args.end:
        ap.error("--from must not be after --to")

    holidays = load_holidays()
    jp = holidays.country_holidays("JP", years=range(args.start, args.end + 1), language="ja")
    days = {d.isoformat(): name for d, name in sorted(jp.items()) if args.start <= d.year <= args.end}
    # Sanity checks: every year has its fixed holidays, and the substitute rule shows up.
    for y in range(args.start, args.end + 1):
        for md in ("01-01", "02-11", "04-29", "05-03", "05-05", "11-03", "11-23"):
            if f"{y}-{md}" not in days:
                sys.exit(f"gen-holidays: {y}-{md} missing from the source; refusing to write")
    if not any(n == "振替休日" for n in days.values()):
        sys.exit("gen-holidays: no 振替休日 in the source; refusing to write")

    doc = {
        "source": f"python-holidays {holidays.__version__}",
        "generated": dt.date.today().isoformat(),
        "from": args.start,
        "to": args.end,
        "note": "National holidays only. 年末年始 12/29–1/3 (municipal office closure) is a rule in the engine.",
        "days": days,
    }
    body = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    write_atomically(args.out, body)
    print(f"gen-holidays: wrote {len(days)} holidays {args.start}–{args.end} to {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()
