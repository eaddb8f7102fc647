#!/usr/bin/env python3
"""Generate Data/municipalities/jp.tsv — every 全国地方公共団体コード (prefectures, cities, towns,
villages, Tokyo's 特別区 and the wards of designated cities) with its kind of body, name, kana
reading and a derived romaji.

    Scripts/gen-municipalities.py [--out Data/municipalities/jp.tsv]

Source: the PyPI package `japancode` 0.1.0 (MIT, © 2024 Kentaro Ozeki), its
`data/municipalities.json` (1,916 bodies incl. wards, 6-digit codes written without the leading
zero) and `data/prefectures.json` (47). Installed with pip if missing, pinned to the version
checked here: another version must be looked at before it is trusted.

What the source does not say, and where it comes from here:
- kind of body: a city with wards in the table is a 政令指定都市 (asserted to be the 20 below);
  a 区 of 東京都 without a parent is a 特別区; 中核市 is the 総務省 list as of 2024-04-01 (62
  cities, kept below — update it when a city is designated, the script checks each name exists);
- romaji: derived from the kana reading by modified Hepburn with long vowels unmarked as on
  road signs and passports (おう/おお → o, うう → u: とうきょう → Tokyo), of the name without its
  suffix (し/く/まち/ちょう/むら/そん). Prefectures use the source's own romaji. Where a body
  spells itself otherwise (小海町 = Koumi) the derived form differs; renkei folds long vowels
  when matching typed romaji, so both spellings find it.

Changes after the source's data (`AMENDMENTS`, dated, each from the 総務省 notice): japancode
0.1.0 still lists 浜松市's seven wards, which became three on 2024-01-01 (中区・東区・西区・南区 and
the 三方原 part of 北区 → 中央区 221384; the rest of 北区 and 浜北区 → 浜名区 221392; 天竜区 → 天竜区
with the new code 221406). The script refuses to run when a retired code is no longer in the
source or a new one already is (the source caught up: drop the amendment). A new ward's lat/lng
is that of the old ward office it moved into (中央区: 中区, 浜名区: 浜北区, 天竜区: 天竜区).

Output: one body per line, tab-separated, `#` lines are the header (source, date, columns). A
text table loads in well under a millisecond per thousand lines and diffs readably under git.
Every code's check digit is verified before writing (the test suite checks it again).
"""
import argparse
import datetime as dt
import importlib
import importlib.resources
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from datafile import write_atomically  # noqa: E402
VERSION = "0.1.0"

DESIGNATED = {"札幌市", "仙台市", "さいたま市", "千葉市", "横浜市", "川崎市", "相模原市", "新潟市", "静岡市", "浜松市",
              "名古屋市", "京都市", "大阪市", "堺市", "神戸市", "岡山市", "広島市", "北九州市", "福岡市", "熊本市"}

# 中核市一覧 (総務省, 2024-04-01): (prefecture, city).
CORE_CITIES = [
    ("北海道", "函館市"), ("北海道", "旭川市"), ("青森県", "青森市"), ("青森県", "八戸市"), ("岩手県", "盛岡市"),
    ("秋田県", "秋田市"), ("山形県", "山形市"), ("福島県", "福島市"), ("福島県", "郡山市"), ("福島県", "いわき市"),
    ("茨城県", "水戸市"), ("栃木県", "宇都宮市"), ("群馬県", "前橋市"), ("群馬県", "高崎市"), ("埼玉県", "川越市"),
    ("埼玉県", "川口市"), ("埼玉県", "越谷市"), ("千葉県", "船橋市"), ("千葉県", "柏市"), ("東京都", "八王子市"),
    ("神奈川県", "横須賀市"), ("富山県", "富山市"), ("石川県", "金沢市"), ("福井県", "福井市"), ("山梨県", "甲府市"),
    ("長野県", "長野市"), ("長野県", "松本市"), ("岐阜県", "岐阜市"), ("愛知県", "豊橋市"), ("愛知県", "岡崎市"),
    ("愛知県", "一宮市"), ("愛知県", "豊田市"), ("滋賀県", "大津市"), ("大阪府", "豊中市"), ("大阪府", "吹田市"),
    ("大阪府", "高槻市"), ("大阪府", "枚方市"), ("大阪府", "八尾市"), ("大阪府", "寝屋川市"), ("大阪府", "東大阪市"),
    ("兵庫県", "姫路市"), ("兵庫県", "尼崎市"), ("兵庫県", "明石市"), ("兵庫県", "西宮市"), ("奈良県", "奈良市"),
    ("和歌山県", "和歌山市"), ("鳥取県", "鳥取市"), ("島根県", "松江市"), ("岡山県", "倉敷市"), ("広島県", "呉市"),
    ("広島県", "福山市"), ("山口県", "下関市"), ("香川県", "高松市"), ("愛媛県", "松山市"), ("高知県", "高知市"),
    ("福岡県", "久留米市"), ("長崎県", "長崎市"), ("長崎県", "佐世保市"), ("大分県", "大分市"), ("宮崎県", "宮崎市"),
    ("鹿児島県", "鹿児島市"), ("沖縄県", "那覇市"),
]

# Reorganisations after the source's data: the retired codes, the new rows as (code, name, kana,
# lat, lng, parent), and which new body each retired one's land went to. adjacency.tsv follows
# the same list: Scripts/gen-municipality-adjacency.py gives a new body the union of its retired
# bodies' boundaries (北区's 三方原 part went to 中央区, not 浜名区, but it is inland, bordered only
# by 浜松's own wards, so no outside neighbour is misassigned).
AMENDMENTS = [
    {"date": "2024-01-01", "what": "浜松市 行政区再編 (7 → 3 wards)",
     "added": [("221384", "中央区", "ちゅうおうく", "34.7111", "137.7267", "221309"),
               ("221392", "浜名区", "はまなく", "34.7931", "137.7900", "221309"),
               ("221406", "天竜区", "てんりゅうく", "34.8728", "137.8161", "221309")],
     "successor": {"221317": "221384", "221325": "221384", "221333": "221384", "221341": "221384",   # 中・東・西・南区
                   "221350": "221392", "221368": "221392",                                         # 北区, 浜北区
                   "221376": "221406"}},                                                           # 天竜区
]

SUFFIX_KANA = {"市": ["し"], "区": ["く"], "町": ["まち", "ちょう"], "村": ["むら", "そん"]}


def load_japancode():
    try:
        mod = importlib.import_module("japancode")
    except ImportError:
        print(f"gen-municipalities: installing japancode=={VERSION} from PyPI …", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", f"japancode=={VERSION}"])
        importlib.invalidate_caches()
        mod = importlib.import_module("japancode")
    from importlib.metadata import version
    v = version("japancode")
    if v != VERSION:
        sys.exit(f"gen-municipalities: japancode {v} is installed; this script was checked against {VERSION}. "
                 f"Look at the new data, then update VERSION.")
    base = os.path.dirname(mod.__file__)
    with open(os.path.join(base, "data", "municipalities.json"), encoding="utf-8") as f:
        munis = json.load(f)
    with open(os.path.join(base, "data", "prefectures.json"), encoding="utf-8") as f:
        prefs = json.load(f)
    return v, munis, prefs


def check_digit(five):
    a = [int(c) for c in five]
    return (11 - (6 * a[0] + 5 * a[1] + 4 * a[2] + 3 * a[3] + 2 * a[4]) % 11) % 10


# --- kana → romaji (modified Hepburn, long vowels unmarked) -------------------------------------
_BASE = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o",
    "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko", "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so", "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo",
    "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to", "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho", "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo",
    "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo", "や": "ya", "ゆ": "yu", "よ": "yo",
    "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro", "わ": "wa", "ゐ": "i", "ゑ": "e", "を": "o", "ん": "n",
    "ゔ": "vu",
}
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}


def romaji(kana):
    s = _hepburn(kana)
    # Long vowels unmarked: ou/oo → o, uu → u (Tokyo, Osaka, Yubari).
    for a, b in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        s = s.replace(a, b)
    return s[:1].upper() + s[1:]


def _hepburn(kana):
    out = []
    i = 0
    while i < len(kana):
        ch = kana[i]
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        if ch == "っ":
            # Doubles the next consonant (っち → tchi as in Hepburn).
            follow = _hepburn(kana[i + 1:i + 3])[:1] if nxt else ""
            out.append("t" if follow == "c" else follow)
            i += 1
            continue
        if ch not in _BASE:
            raise ValueError(f"no romaji for {ch!r} in {kana!r}")
        syl = _BASE[ch]
        if nxt in _SMALL_Y:
            stem = syl[:-1]
            syl = (stem if stem in ("sh", "ch", "j") else stem + "y") + _SMALL_Y[nxt]
            i += 1
        out.append(syl)
        i += 1
    return "".join(out)


def strip_suffix(name, kana):
    suffix = name[-1]
    for k in SUFFIX_KANA.get(suffix, []):
        if kana.endswith(k) and len(kana) > len(k):
            return kana[: -len(k)]
    raise ValueError(f"kana {kana!r} of {name} does not end in a reading of {suffix}")


def build(munis, prefs):
    rows = []
    pref_by_id = {}
    for p in prefs:
        code = p["lgcode"].zfill(6)
        pref_by_id[p["pid"]] = p["pref"]
        rows.append((code, "prefecture", p["pref"], p["prefkana"], p["pref_en"], "", "", ""))
    core = set(CORE_CITIES)
    parents = {}          # (pid, city name) → code, for designated cities
    with_wards = {e["city"].split(" ")[0] for e in munis if " " in e["city"]}
    if with_wards != DESIGNATED:
        sys.exit(f"gen-municipalities: cities with wards {sorted(with_wards ^ DESIGNATED)} differ from the 20 designated cities")
    seen_core = set()
    for e in munis:
        code = e["lgcode"].zfill(6)
        pref = pref_by_id[e["pid"]]
        name, kana = e["city"], e["citykana"]
        parent = ""
        if " " in name:
            city, name = name.split(" ", 1)
            kana = kana.split(" ", 1)[1]
            parent = parents[(e["pid"], city)]
            kind = "ward"
        elif name in DESIGNATED:
            kind = "designated-city"
            parents[(e["pid"], name)] = code
        elif (pref, name) in core:
            kind = "core-city"
            seen_core.add((pref, name))
        elif pref == "東京都" and name.endswith("区"):
            kind = "special-ward"
        else:
            kind = {"市": "city", "町": "town", "村": "village"}[name[-1]]
        base = strip_suffix(name, kana)
        lat = f"{e['lat']:.4f}" if e.get("lat") is not None else ""
        lng = f"{e['lng']:.4f}" if e.get("lng") is not None else ""
        rows.append((code, kind, name, kana, romaji(base), parent, lat, lng))
    missing = core - seen_core
    if missing:
        sys.exit(f"gen-municipalities: 中核市 not found in the source: {sorted(missing)}")
    return amend(rows)


def amend(rows):
    """Applies AMENDMENTS; refuses when the source no longer needs one (it caught up)."""
    by_code = {r[0]: r for r in rows}
    for a in AMENDMENTS:
        retired, added = list(a["successor"]), a["added"]
        gone = [c for c in retired if c not in by_code]
        there = [n[0] for n in added if n[0] in by_code]
        if gone or there:
            sys.exit(f"gen-municipalities: amendment {a['date']} {a['what']} does not fit the source "
                     f"(retired codes absent: {gone}, new codes present: {there}); look at the source and drop it")
        for c in retired:
            del by_code[c]
        for code, name, kana, lat, lng, parent in added:
            if parent not in by_code:
                sys.exit(f"gen-municipalities: amendment {a['date']}: parent {parent} of {code} not in the table")
            by_code[code] = (code, "ward", name, kana, romaji(strip_suffix(name, kana)), parent, lat, lng)
    return list(by_code.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(ROOT, "Data", "municipalities", "jp.tsv"))
    args = ap.parse_args()

    version, munis, prefs = load_japancode()
    rows = build(munis, prefs)
    codes = [r[0] for r in rows]
    if len(set(codes)) != len(codes):
        sys.exit("gen-municipalities: duplicate codes in the source; refusing to write")
    for c in codes:
        if len(c) != 6 or not c.isdigit() or check_digit(c[:5]) != int(c[5]):
            sys.exit(f"gen-municipalities: {c} has a wrong check digit; refusing to write")
    for r in rows:
        if any("\t" in f or "\n" in f for f in r):
            sys.exit(f"gen-municipalities: a tab or newline in {r}; refusing to write")
    rows.sort(key=lambda r: r[0])

    header = [
        "# renkei municipality table (全国地方公共団体コード). Generated by Scripts/gen-municipalities.py — do not edit.",
        f"# source\tjapancode {version} (PyPI, MIT, (c) 2024 Kentaro Ozeki): data/municipalities.json, data/prefectures.json",
        f"# generated\t{dt.date.today().isoformat()}",
        "# notes\tkind: designated-city = cities with wards; core-city = 総務省 中核市一覧 2024-04-01; romaji derived from kana (Hepburn, long vowels unmarked); "
        + "; ".join(f"amended {a['date']}: {a['what']}, retired {', '.join(a['successor'])}, added {', '.join(n[0] + ' ' + n[1] for n in a['added'])}"
                    for a in AMENDMENTS),
        "# columns\tcode\tkind\tname\tkana\tromaji\tparent\tlat\tlng",
    ]
    body = "\n".join(header + ["\t".join(r) for r in rows]) + "\n"
    write_atomically(args.out, body)
    kinds = {}
    for r in rows:
        kinds[r[1]] = kinds.get(r[1], 0) + 1
    print(f"gen-municipalities: wrote {len(rows)} bodies to {os.path.relpath(args.out, ROOT)}: "
          + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


if __name__ == "__main__":
    main()
