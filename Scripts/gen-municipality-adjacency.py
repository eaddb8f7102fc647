#!/usr/bin/env python3
"""Generate Data/municipalities/adjacency.tsv — which local public bodies share a land boundary
(隣接する市区町村), keyed by 全国地方公共団体コード, for joint procurement and similar-case insight.

    Scripts/gen-municipality-adjacency.py --source DIR [--commit SHA] [--out Data/municipalities/adjacency.tsv]

Source: the repository smartnews-smri/japan-topography (スマートニュース メディア研究所), files
data/municipality/topojson/s0010/N03-21_210101.json (1,906 municipalities, the wards of designated
cities separate) and …/N03-21_210101_designated_city.json (designated cities whole), both TopoJSON
simplified to 1 %, made from 国土交通省 国土数値情報 行政区域データ N03 as of 2021-01-01 (taken
2021-09-28). DIR is a checkout of that repository (this script does not download it: no network
here but the package registries); --commit records which version was read (read from DIR/.git
when it is one).

Licence: the repository's README grants use free of charge, commercial or not, without crediting
SmartNews; the municipal boundaries need the credit 国土交通省 asks for, written into the header
below: 「国土数値情報（行政区域データ）」（国土交通省）を加工して作成.

Method: TopoJSON stores each boundary line once as an arc shared by the polygons on both sides,
and its simplification keeps those arcs shared. Two bodies are neighbours when one arc belongs to
both, i.e. they share a stretch of land boundary. Not neighbours: bodies that only face each other
across the sea or touch at a single point; an area whose boundary is undecided (所属未定地, no
code) joins nobody. The ward file gives ward↔ward and ward↔municipality pairs, the
designated-city file city↔municipality pairs; a ward is never listed as its own city's neighbour.

The N03 codes have five digits; the check digit is added here and every code must be in
Data/municipalities/jp.tsv (a body the table lacks — the six 北方領土 villages 0169x/01700 — is
dropped and named in the header). N03 here is as of 2021-01-01; jp.tsv has the codes after the
reorganisations in gen-municipalities.py's AMENDMENTS (浜松市: 7 wards → 3 on 2024-01-01). Each
retired code's boundaries are given to its successor (read from that list), so a new body's
neighbours are the union of its retired bodies' neighbours, minus itself (中央区 = 中・東・西・南区
and 北区's inland 三方原 part; 浜名区 = 北区 and 浜北区; 天竜区 = 天竜区). When a newer N03 is
available, read it instead and drop the amendment.

Simplification can lose a neighbour whose common boundary is very short: the 0.1 % file of the
same repository misses 4 of the 4,834 ward-level pairs the 1 % file has (e.g. 232068–232157), so
the 1 % file is read; the unsimplified N03 (hundreds of MB) could not be fetched here. Output: one body per line, `code  name  neighbours` (neighbour codes
comma-separated, ascending); every pair appears on both bodies' lines, checked before writing
(the test suite checks it again).
"""
import argparse
import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from datafile import write_atomically  # noqa: E402

REPO = "smartnews-smri/japan-topography"
WARDS = "data/municipality/topojson/s0010/N03-21_210101.json"
CITIES = "data/municipality/topojson/s0010/N03-21_210101_designated_city.json"
CREDIT = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"


def check_digit(five):
    a = [int(c) for c in five]
    return (11 - (6 * a[0] + 5 * a[1] + 4 * a[2] + 3 * a[3] + 2 * a[4]) % 11) % 10


def load_table(path):
    """code → (name, parent code) from jp.tsv."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            out[fields[0]] = (fields[2], fields[5])
    return out


def successors():
    """Retired code → its successor, from gen-municipalities.py's AMENDMENTS (one list for both files)."""
    spec = importlib.util.spec_from_file_location("gen_municipalities", os.path.join(ROOT, "Scripts", "gen-municipalities.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = {}
    for a in mod.AMENDMENTS:
        out.update(a["successor"])
    return out


def amended(pairs, successor):
    """The pairs with retired codes replaced by their successors; pairs inside one successor vanish."""
    out = set()
    for a, b in pairs:
        a, b = successor.get(a, a), successor.get(b, b)
        if a != b:
            out.add((min(a, b), max(a, b)))
    return out


def rings(geometry):
    t = geometry.get("type")
    if t == "Polygon":
        return geometry["arcs"]
    if t == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def pairs_of(path):
    """The code pairs sharing an arc in one TopoJSON file, and the codes it names."""
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    owners = {}            # arc index → codes whose boundary uses it
    codes = set()
    uncoded = 0
    for obj in topo["objects"].values():
        for g in obj["geometries"]:
            five = (g.get("properties") or {}).get("N03_007")
            if not five:
                uncoded += 1
                continue
            code = five + str(check_digit(five))
            codes.add(code)
            for ring in rings(g):
                for arc in ring:
                    owners.setdefault(arc if arc >= 0 else ~arc, set()).add(code)
    pairs = set()
    for owner in owners.values():
        for a in owner:
            for b in owner:
                if a < b:
                    pairs.add((a, b))
    return pairs, codes, uncoded


def source_commit(source, given):
    if given:
        return given
    try:
        return subprocess.check_output(["git", "-C", source, "rev-parse", "HEAD"], text=True).strip()
    except (OSError, subprocess.CalledProcessError):
        sys.exit("gen-municipality-adjacency: DIR is not a git checkout; pass --commit SHA to record the version read")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", required=True, help=f"a checkout of {REPO}")
    ap.add_argument("--commit", help="the source's commit (read from DIR/.git when omitted)")
    ap.add_argument("--table", default=os.path.join(ROOT, "Data", "municipalities", "jp.tsv"))
    ap.add_argument("--out", default=os.path.join(ROOT, "Data", "municipalities", "adjacency.tsv"))
    args = ap.parse_args()

    table = load_table(args.table)
    commit = source_commit(args.source, args.commit)
    successor = successors()
    ward_pairs, ward_codes, uncoded = pairs_of(os.path.join(args.source, WARDS))
    city_pairs, city_codes, _ = pairs_of(os.path.join(args.source, CITIES))
    retired_seen = sorted(set(successor) & (ward_codes | city_codes))
    ward_pairs, city_pairs = amended(ward_pairs, successor), amended(city_pairs, successor)
    ward_codes = {successor.get(c, c) for c in ward_codes}
    city_codes = {successor.get(c, c) for c in city_codes}
    for a, b in ward_pairs | city_pairs:
        # A ward and its own city are nested, never side by side (they are in different files).
        if table.get(a, ("", ""))[1] == b or table.get(b, ("", ""))[1] == a:
            sys.exit(f"gen-municipality-adjacency: {a} and {b} are a ward and its city; refusing to write")
    unknown = sorted((ward_codes | city_codes) - set(table))
    neighbours = {}
    for a, b in ward_pairs | city_pairs:
        if a in table and b in table:
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
    for a, ns in neighbours.items():
        for b in ns:
            if a not in neighbours.get(b, ()):
                sys.exit(f"gen-municipality-adjacency: {a}→{b} without {b}→{a}; refusing to write")
    if len(neighbours) < 1_500:
        sys.exit(f"gen-municipality-adjacency: only {len(neighbours)} bodies with neighbours; is the source whole?")

    pairs = sum(len(ns) for ns in neighbours.values()) // 2
    header = [
        "# renkei municipality adjacency (隣接する団体, by 全国地方公共団体コード). Generated by Scripts/gen-municipality-adjacency.py — do not edit.",
        f"# source\t{REPO} @ {commit[:12]} (スマートニュース メディア研究所): {WARDS}, {CITIES} — 国土交通省 国土数値情報 行政区域 N03, 2021-01-01",
        f"# licence\tfree to use, commercial or not (the repository's README); {CREDIT}",
        f"# generated\t{dt.date.today().isoformat()}",
        f"# notes\tneighbours = share a stretch of land boundary (a common TopoJSON arc); {pairs} pairs; "
        f"{len(unknown)} source codes not in jp.tsv dropped ({', '.join(unknown) or 'none'}); {uncoded} uncoded areas (所属未定地) ignored; "
        f"retired codes mapped to their successors (gen-municipalities.py AMENDMENTS; a successor's neighbours = the union of its retired bodies'): "
        f"{', '.join(c + '→' + successor[c] for c in retired_seen) or 'none'}",
        "# columns\tcode\tname\tneighbours",
    ]
    lines = [f"{c}\t{table[c][0]}\t{','.join(sorted(neighbours[c]))}" for c in sorted(neighbours)]
    write_atomically(args.out, "\n".join(header + lines) + "\n")
    print(f"gen-municipality-adjacency: wrote {len(lines)} bodies, {pairs} pairs to {os.path.relpath(args.out, ROOT)}; "
          f"dropped {len(unknown)} codes not in the table")


if __name__ == "__main__":
    main()
