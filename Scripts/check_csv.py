#!/usr/bin/env python3
"""Reads a CSV export with Python's csv module and compares its cells to the expected ones.

Usage: check_csv.py EXPORT.csv EXPECTED.json
EXPECTED.json is a list of rows, each a list of cell strings. The export must start with a
UTF-8 BOM, end rows with CRLF, and parse (RFC 4180 dialect) to exactly the expected cells.
Prints one line per problem and a summary; exit status 1 on any difference.
"""
import csv
import io
import json
import sys


def main(argv):
    if len(argv) != 3:
        print("usage: check_csv.py EXPORT.csv EXPECTED.json", file=sys.stderr)
        return 2
    raw = open(argv[1], "rb").read()
    expected = json.load(open(argv[2], encoding="utf-8"))
    problems = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("no UTF-8 BOM at the start")
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    text = body.decode("utf-8")
    # Every record ends with CRLF; bare LF may appear only inside quoted fields.
    if not text.endswith("\r\n"):
        problems.append("last record does not end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if len(rows) != len(expected):
        problems.append(f"{len(rows)} rows read, {len(expected)} expected")
    for i, (got, want) in enumerate(zip(rows, expected)):
        if got != want:
            for j, (g, w) in enumerate(zip(got, want)):
                if g != w:
                    problems.append(f"row {i + 1}, column {j + 1}: read {g[:80]!r}, expected {w[:80]!r}")
                    break
            else:
                problems.append(f"row {i + 1}: {len(got)} cells read, {len(want)} expected")
    for p in problems[:20]:
        print(p)
    print(f"{len(rows)} rows, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
