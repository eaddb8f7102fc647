#!/usr/bin/env python3
"""Validate renkei's shipped data: the guide catalog and the sample cases.

    Scripts/validate-data.py [--catalog Data/catalog/guide.json] [--cases Data/samples/cases]

Checks the catalog (ids unique and well-formed, page references, the six reference items,
`bud-rough-quote`, the procurement methods, allowed requiredFields) and every sample case
(file name = id, keys and types as the Swift `Case` model decodes them, valid stage / exit /
method / domain / kind / size values, checklist ids in the catalog, a consistent event log).

Prints one line per problem, "<file>: <field>: <message>", and exits 1 if there is any.
Exits 0 silently (or with a summary under --verbose) when the data is clean.
"""
import argparse
import datetime as dt
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PIPELINE = ["issue-definition", "partner-search", "coordination", "method", "budgeting"]
END_STATES = ["realized", "dropped", "paused"]
ALL_STAGES = PIPELINE + END_STATES
EXITS = ["procurement", "promotion", "co-creation"]
SIDES = {"municipality", "startup", "both"}
SIZES = {"urban", "small-medium"}
KINDS = {"prefecture", "designated-city", "city", "town", "village", "ward"}
PARTNER_KINDS = {"startup", "intermediary", "municipality", "company", "university", "financial-institution", "other"}
FUNDING_KINDS = {"general", "grant", "subsidy", "bond", "private", "other"}
EVENT_KINDS = {"created", "advanced", "gate-overridden", "moved-back", "ended", "reopened", "ticked",
               "unticked", "field-set", "note-added", "snoozed", "undo", "redo", "imported"}
REASON_KINDS = {"moved-back", "gate-overridden", "ended"}
REFERENCE_IDS = ["budget-scale", "evaluation", "request-difficulties", "execution-difficulties", "outcomes", "kpi"]
PROCUREMENT_METHODS = ["proposal", "sole-source-4", "joint", "pfs", "price-bid", "trial-order"]
ALLOWED_FIELDS = {"title", "municipality.name", "municipality.prefecture", "department", "partners",
                  "issue.why", "issue.how", "issue.what", "domain", "exit", "method", "budget.fiscalYear",
                  "budget.roughQuoteYen", "budget.expenditureItem", "budget.items", "kpis"}
STAGE_PREFIX = {"issue-definition": "idef-", "partner-search": "ps-", "coordination": "coord-",
                "method": "meth-", "budgeting": "bud-"}
EXIT_PREFIX = {"procurement": "proc-", "promotion": "promo-", "co-creation": "cocr-"}
STALE_DAYS = {"issue-definition": 60, "partner-search": 45, "coordination": 45, "method": 30, "budgeting": 30}

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PAGE_RE = re.compile(r"^p\.\d+(-\d+)?$")
TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

CASE_KEYS = {"schemaVersion", "id", "revision", "title", "municipality", "department", "contacts", "partners",
             "domain", "issue", "exit", "method", "stage", "stageReason", "checklist", "budget", "kpis", "tags",
             "notes", "nextAction", "snoozes", "fundingWindows", "events"}


class Report:
    def __init__(self):
        self.problems = []

    def add(self, where, field, msg):
        self.problems.append(f"{where}: {field}: {msg}")


# ---------------------------------------------------------------- type helpers

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v):
    return (isinstance(v, (int, float))) and not isinstance(v, bool)


def is_str(v):
    return isinstance(v, str)


def parse_ts(v):
    if not is_str(v) or not TS_RE.match(v):
        return None
    try:
        return dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return None


def parse_day(v):
    if not is_str(v) or not DAY_RE.match(v):
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        return None


# ---------------------------------------------------------------- catalog

def check_item(r, where, path, item, seen, prefix=None):
    if not isinstance(item, dict):
        r.add(where, path, "item is not an object")
        return None
    iid = item.get("id")
    if not is_str(iid) or not ID_RE.match(iid):
        r.add(where, path + ".id", f"malformed id {iid!r} (want [a-z0-9-])")
        return None
    p = f"{path}[{iid}]"
    if iid in seen:
        r.add(where, p, f"duplicate id (also at {seen[iid]})")
    seen[iid] = path
    if prefix and not iid.startswith(prefix):
        r.add(where, p, f"id should start with {prefix!r}")
    for k in ("ja", "en", "page"):
        if not is_str(item.get(k)) or not item.get(k).strip():
            r.add(where, f"{p}.{k}", "missing or empty string")
    if is_str(item.get("page")) and not PAGE_RE.match(item["page"]):
        r.add(where, f"{p}.page", f"page {item['page']!r} is not like p.36 or p.36-40")
    if "side" in item and item["side"] not in SIDES:
        r.add(where, f"{p}.side", f"invalid side {item['side']!r}")
    if "required" in item and not isinstance(item["required"], bool):
        r.add(where, f"{p}.required", "not a boolean")
    if "group" in item and item["group"] is not None and not is_str(item["group"]):
        r.add(where, f"{p}.group", "not a string")
    unknown = set(item) - {"id", "ja", "en", "page", "side", "required", "group"}
    if unknown:
        r.add(where, p, f"unknown keys {sorted(unknown)}")
    return iid


def check_required_fields(r, where, path, fields):
    if not isinstance(fields, list) or not all(is_str(f) for f in fields):
        r.add(where, path, "requiredFields must be a list of strings")
        return
    for f in fields:
        if f not in ALLOWED_FIELDS:
            r.add(where, path, f"field path {f!r} is not allowed")


def check_catalog(r, path):
    where = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
    try:
        with open(path, encoding="utf-8") as fh:
            cat = json.load(fh)
    except (OSError, ValueError) as e:
        r.add(where, "(file)", f"cannot read JSON: {e}")
        return None
    if not isinstance(cat, dict):
        r.add(where, "(root)", "not an object")
        return None
    if cat.get("schemaVersion") != 1:
        r.add(where, "schemaVersion", "must be 1")
    if not is_str(cat.get("source")) or not cat["source"]:
        r.add(where, "source", "missing")
    seen = {}
    info = {"items": {}, "stages": {}, "exits": {}, "methods": {}, "domains": set(), "reference": []}

    stages = cat.get("stages")
    if not isinstance(stages, list):
        r.add(where, "stages", "missing list")
        stages = []
    ids = [s.get("id") for s in stages if isinstance(s, dict)]
    if ids != PIPELINE:
        r.add(where, "stages", f"stage ids must be {PIPELINE} in order, got {ids}")
    for s in stages:
        if not isinstance(s, dict):
            continue
        sid = s.get("id")
        sp = f"stages[{sid}]"
        for k in ("ja", "en", "page"):
            if not is_str(s.get(k)) or not s[k]:
                r.add(where, f"{sp}.{k}", "missing")
        if is_str(s.get("page")) and not PAGE_RE.match(s["page"]):
            r.add(where, f"{sp}.page", f"bad page {s['page']!r}")
        if sid in STALE_DAYS and s.get("staleDays") != STALE_DAYS[sid]:
            r.add(where, f"{sp}.staleDays", f"expected {STALE_DAYS[sid]}, got {s.get('staleDays')!r}")
        check_required_fields(r, where, f"{sp}.requiredFields", s.get("requiredFields", []))
        items = s.get("items", [])
        if not isinstance(items, list) or not items:
            r.add(where, f"{sp}.items", "missing or empty")
            items = []
        for it in items:
            iid = check_item(r, where, f"{sp}.items", it, seen, STAGE_PREFIX.get(sid))
            if iid:
                info["items"][iid] = it
        info["stages"][sid] = s

    by_id = info["items"]
    rq = by_id.get("bud-rough-quote")
    if rq is None or rq not in info["stages"].get("budgeting", {}).get("items", []):
        r.add(where, "stages[budgeting].items", "item 'bud-rough-quote' missing")
    elif rq.get("required") is not True:
        r.add(where, "stages[budgeting].items[bud-rough-quote].required", "must be true")

    def group_items(stage, group):
        return [i for i in info["stages"].get(stage, {}).get("items", []) if i.get("group") == group]

    six = group_items("partner-search", "連携先の6つの確認ポイント")
    if len(six) != 6 or not all(i.get("required") for i in six):
        r.add(where, "stages[partner-search].items", "need exactly six required items in group 連携先の6つの確認ポイント")
    four = group_items("coordination", "庁内調整の4パターン")
    if len(four) != 4:
        r.add(where, "stages[coordination].items", "need exactly four items in group 庁内調整の4パターン")
    if not any(i.get("required") for i in info["stages"].get("coordination", {}).get("items", [])):
        r.add(where, "stages[coordination].items", "needs at least one required item (合意形成の方法)")

    methods = cat.get("methods")
    if not isinstance(methods, list):
        r.add(where, "methods", "missing list")
        methods = []
    for m in methods:
        if not isinstance(m, dict):
            continue
        mid = m.get("id")
        mp = f"methods[{mid}]"
        if not is_str(mid) or not ID_RE.match(mid):
            r.add(where, mp, f"malformed method id {mid!r}")
            continue
        if mid in info["methods"]:
            r.add(where, mp, "duplicate method id")
        info["methods"][mid] = m
        for k in ("ja", "en", "page"):
            if not is_str(m.get(k)) or not m[k]:
                r.add(where, f"{mp}.{k}", "missing")
        if is_str(m.get("page")) and not PAGE_RE.match(m["page"]):
            r.add(where, f"{mp}.page", f"bad page {m['page']!r}")
        if m.get("exit") not in EXITS:
            r.add(where, f"{mp}.exit", f"invalid exit {m.get('exit')!r}")
        check_required_fields(r, where, f"{mp}.requiredFields", m.get("requiredFields"))
        items = m.get("items")
        if not isinstance(items, list) or not 1 <= len(items) <= 3:
            r.add(where, f"{mp}.items", "need 1-3 items")
            items = items if isinstance(items, list) else []
        for it in items:
            iid = check_item(r, where, f"{mp}.items", it, seen, f"m-{mid}-")
            if iid:
                by_id[iid] = it
    for mid in PROCUREMENT_METHODS:
        if mid not in info["methods"]:
            r.add(where, "methods", f"method {mid!r} missing")
        elif info["methods"][mid].get("exit") != "procurement":
            r.add(where, f"methods[{mid}].exit", "must be procurement")

    exits = cat.get("exits")
    if not isinstance(exits, list):
        r.add(where, "exits", "missing list")
        exits = []
    eids = [e.get("id") for e in exits if isinstance(e, dict)]
    if sorted(eids) != sorted(EXITS) or len(eids) != 3:
        r.add(where, "exits", f"exit ids must be {EXITS}, got {eids}")
    for e in exits:
        if not isinstance(e, dict):
            continue
        eid = e.get("id")
        ep = f"exits[{eid}]"
        info["exits"][eid] = e
        for k in ("ja", "en", "page"):
            if not is_str(e.get(k)) or not e[k]:
                r.add(where, f"{ep}.{k}", "missing")
        if not isinstance(e.get("needsBudget"), bool):
            r.add(where, f"{ep}.needsBudget", "must be a boolean")
        for it in e.get("items", []) if isinstance(e.get("items"), list) else []:
            iid = check_item(r, where, f"{ep}.items", it, seen, EXIT_PREFIX.get(eid))
            if iid:
                by_id[iid] = it
        if not isinstance(e.get("items"), list):
            r.add(where, f"{ep}.items", "missing list")
        ms = e.get("methods")
        if not isinstance(ms, list):
            r.add(where, f"{ep}.methods", "missing list")
            ms = []
        for mid in ms:
            m = info["methods"].get(mid)
            if m is None:
                r.add(where, f"{ep}.methods", f"unknown method {mid!r}")
            elif m.get("exit") != eid:
                r.add(where, f"{ep}.methods", f"method {mid!r} belongs to exit {m.get('exit')!r}")
        for mid, m in info["methods"].items():
            if m.get("exit") == eid and mid not in ms:
                r.add(where, f"{ep}.methods", f"method {mid!r} has this exit but is not listed")
    if info["exits"].get("procurement", {}).get("needsBudget") is not True:
        r.add(where, "exits[procurement].needsBudget", "must be true")
    promo_req = [i for i in info["exits"].get("promotion", {}).get("items", []) if i.get("required")]
    if len(promo_req) != 3:
        r.add(where, "exits[promotion].items", f"need the 3 fairness checks as required items, got {len(promo_req)}")
    cocr_req = [i for i in info["exits"].get("co-creation", {}).get("items", []) if i.get("required")]
    if len(cocr_req) != 5:
        r.add(where, "exits[co-creation].items", f"need the 5 agreements as required items, got {len(cocr_req)}")

    refs = cat.get("referenceItems")
    if not isinstance(refs, list):
        r.add(where, "referenceItems", "missing list")
        refs = []
    rids = []
    for it in refs:
        iid = check_item(r, where, "referenceItems", it, seen)
        rids.append(iid)
    if rids != REFERENCE_IDS:
        r.add(where, "referenceItems", f"ids must be {REFERENCE_IDS} in order, got {rids}")
    info["reference"] = rids

    doms = cat.get("domains")
    if not isinstance(doms, list) or not doms:
        r.add(where, "domains", "missing list")
        doms = []
    for d in doms:
        did = d.get("id") if isinstance(d, dict) else None
        if not is_str(did) or not ID_RE.match(did):
            r.add(where, "domains", f"malformed domain id {did!r}")
            continue
        if did in info["domains"]:
            r.add(where, f"domains[{did}]", "duplicate")
        info["domains"].add(did)
        for k in ("ja", "en"):
            if not is_str(d.get(k)) or not d[k]:
                r.add(where, f"domains[{did}].{k}", "missing")

    # The municipality's own set-up (guide p.29–35), checked per municipality profile (issue 16).
    readiness = cat.get("readinessItems", [])
    if not isinstance(readiness, list):
        r.add(where, "readinessItems", "must be a list")
        readiness = []
    for it in readiness:
        check_item(r, where, "readinessItems", it, seen)
    info["readiness"] = [it.get("id") for it in readiness if isinstance(it, dict)]

    unknown = set(cat) - {"schemaVersion", "source", "stages", "exits", "methods", "referenceItems", "domains", "readinessItems"}
    if unknown:
        r.add(where, "(root)", f"unknown keys {sorted(unknown)}")
    return info


# ---------------------------------------------------------------- cases

def get_path(obj, path):
    cur = obj
    for p in path.split("."):
        if not isinstance(cur, dict) or p not in cur:
            return None
        cur = cur[p]
    return cur


def filled(v):
    return v is not None and v != "" and v != [] and v != {}


def check_obj(r, where, path, v, spec):
    """spec: {key: (type_check, required)}; reports missing/wrong keys. Returns v if dict."""
    if not isinstance(v, dict):
        r.add(where, path, "not an object")
        return None
    for k, (check, required) in spec.items():
        if k not in v or v[k] is None:
            if required:
                r.add(where, f"{path}.{k}", "missing")
            continue
        if not check(v[k]):
            r.add(where, f"{path}.{k}", f"wrong type or value: {v[k]!r}")
    unknown = set(v) - set(spec)
    if unknown:
        r.add(where, path, f"unknown keys {sorted(unknown)}")
    return v


def check_case(r, path, cat):
    where = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        c = json.loads(text)
    except (OSError, ValueError) as e:
        r.add(where, "(file)", f"cannot read JSON: {e}")
        return None
    if not isinstance(c, dict):
        r.add(where, "(root)", "not an object")
        return None
    if json.dumps(c, ensure_ascii=False, indent=2) + "\n" != text:
        r.add(where, "(file)", "not pretty-printed with 2-space indent (json.dumps(indent=2, ensure_ascii=False) + newline)")

    unknown = set(c) - CASE_KEYS
    if unknown:
        r.add(where, "(root)", f"unknown keys {sorted(unknown)}")
    for k in ("schemaVersion", "id", "title", "municipality", "stage"):
        if k not in c:
            r.add(where, k, "missing (required by the decoder)")
    if c.get("schemaVersion") != 1:
        r.add(where, "schemaVersion", "must be 1")
    cid = c.get("id")
    if not is_str(cid) or not ID_RE.match(cid):
        r.add(where, "id", f"malformed id {cid!r}")
    elif os.path.basename(path) != cid + ".json":
        r.add(where, "id", f"file name must be {cid}.json")
    if "revision" in c and (not is_int(c["revision"]) or c["revision"] < 0):
        r.add(where, "revision", "must be a non-negative integer")
    if not is_str(c.get("title")) or not c.get("title"):
        r.add(where, "title", "missing or empty")
    if "department" in c and not is_str(c["department"]):
        r.add(where, "department", "not a string")

    check_obj(r, where, "municipality", c.get("municipality"), {
        "name": (lambda v: is_str(v) and v != "", True),
        "prefecture": (is_str, False),
        "size": (lambda v: v in SIZES, False),
        "kind": (lambda v: v in KINDS, False),
        # 全国地方公共団体コード: 6 digits, the last the check digit (issue 16).
        "code": (lambda v: is_str(v) and len(v) == 6 and v.isdigit()
                 and (11 - sum(int(d) * w for d, w in zip(v[:5], (6, 5, 4, 3, 2))) % 11) % 10 == int(v[5]), False)})
    for i, ct in enumerate(c.get("contacts", []) if isinstance(c.get("contacts", []), list) else []):
        check_obj(r, where, f"contacts[{i}]", ct, {
            "name": (is_str, True), "organization": (is_str, False), "role": (is_str, False),
            "email": (lambda v: is_str(v) and v.endswith("@example.jp"), False), "phone": (is_str, False)})
    if not isinstance(c.get("contacts", []), list):
        r.add(where, "contacts", "not a list")
    partners = c.get("partners", [])
    if not isinstance(partners, list):
        r.add(where, "partners", "not a list")
        partners = []
    for i, p in enumerate(partners):
        check_obj(r, where, f"partners[{i}]", p, {
            "name": (is_str, True), "kind": (lambda v: v in PARTNER_KINDS, True), "role": (is_str, False)})
    if "domain" in c and c["domain"] is not None and c["domain"] not in cat["domains"]:
        r.add(where, "domain", f"unknown domain {c['domain']!r}")
    if "issue" in c:
        check_obj(r, where, "issue", c["issue"], {"why": (is_str, False), "how": (is_str, False), "what": (is_str, False)})
    ex = c.get("exit")
    if ex is not None and ex not in EXITS:
        r.add(where, "exit", f"invalid exit {ex!r}")
    me = c.get("method")
    if me is not None:
        m = cat["methods"].get(me)
        if m is None:
            r.add(where, "method", f"unknown method {me!r}")
        elif ex is not None and m.get("exit") != ex:
            r.add(where, "method", f"method {me!r} belongs to exit {m.get('exit')!r}, case exit is {ex!r}")
        elif ex is None:
            r.add(where, "method", "method set without an exit")
    stage = c.get("stage")
    if stage not in ALL_STAGES:
        r.add(where, "stage", f"invalid stage {stage!r}")
    reason = c.get("stageReason")
    if reason is not None and not is_str(reason):
        r.add(where, "stageReason", "not a string")
    if stage in END_STATES and not (is_str(reason) and reason.strip()):
        r.add(where, "stageReason", f"end state {stage!r} needs a reason")

    checklist = c.get("checklist", {})
    if not isinstance(checklist, dict):
        r.add(where, "checklist", "not an object")
        checklist = {}
    for iid, tick in checklist.items():
        if iid not in cat["items"]:
            r.add(where, f"checklist.{iid}", "item id not in the catalog")
        check_obj(r, where, f"checklist.{iid}", tick, {
            "at": (lambda v: parse_ts(v) is not None, True), "by": (lambda v: is_str(v) and v != "", True)})

    budget = c.get("budget", {})
    if budget is not None:
        check_obj(r, where, "budget", budget, {
            "fiscalYear": (lambda v: is_int(v) and 2000 <= v <= 2100, False),
            "items": (lambda v: isinstance(v, list), False),
            "expenditureItem": (is_str, False),
            "roughQuoteYen": (lambda v: is_int(v) and v >= 0, False),
            "funding": (lambda v: isinstance(v, list), False),
            "reference": (lambda v: isinstance(v, dict), False)})
        if isinstance(budget, dict):
            for i, bi in enumerate(budget.get("items") or []):
                check_obj(r, where, f"budget.items[{i}]", bi, {
                    "label": (lambda v: is_str(v) and v != "", True), "yen": (is_int, True)})
            for i, f in enumerate(budget.get("funding") or []):
                check_obj(r, where, f"budget.funding[{i}]", f, {
                    "name": (is_str, True), "kind": (lambda v: v in FUNDING_KINDS, True),
                    "ratePercent": (lambda v: is_num(v) and 0 <= v <= 100, False),
                    "yen": (is_int, False), "windowId": (is_str, False)})
            ref = budget.get("reference") or {}
            if isinstance(ref, dict):
                for k, v in ref.items():
                    if k not in cat["reference"]:
                        r.add(where, f"budget.reference.{k}", "not one of the six reference item ids")
                    if not is_str(v) or not v.strip():
                        r.add(where, f"budget.reference.{k}", "must be non-empty text")

    for i, k in enumerate(c.get("kpis", []) if isinstance(c.get("kpis", []), list) else []):
        check_obj(r, where, f"kpis[{i}]", k, {
            "name": (is_str, True), "unit": (is_str, True), "baseline": (is_num, False),
            "target": (is_num, False), "actuals": (lambda v: isinstance(v, list), True)})
        if isinstance(k, dict):
            for j, a in enumerate(k.get("actuals") or []):
                check_obj(r, where, f"kpis[{i}].actuals[{j}]", a, {
                    "date": (lambda v: parse_day(v) is not None, True), "value": (is_num, True)})
    if not isinstance(c.get("kpis", []), list):
        r.add(where, "kpis", "not a list")
    tags = c.get("tags", [])
    if not isinstance(tags, list) or not all(is_str(t) for t in tags):
        r.add(where, "tags", "must be a list of strings")
    notes = c.get("notes", [])
    note_ids = set()
    if not isinstance(notes, list):
        r.add(where, "notes", "not a list")
        notes = []
    for i, n in enumerate(notes):
        check_obj(r, where, f"notes[{i}]", n, {
            "id": (is_int, True), "at": (lambda v: parse_ts(v) is not None, True),
            "author": (is_str, True), "text": (is_str, True)})
        if isinstance(n, dict):
            if n.get("id") in note_ids:
                r.add(where, f"notes[{i}].id", "duplicate note id")
            note_ids.add(n.get("id"))
    if c.get("nextAction") is not None:
        check_obj(r, where, "nextAction", c["nextAction"], {
            "text": (lambda v: is_str(v) and v != "", True), "due": (lambda v: parse_day(v) is not None, False)})
    for i, s in enumerate(c.get("snoozes", []) if isinstance(c.get("snoozes", []), list) else []):
        check_obj(r, where, f"snoozes[{i}]", s, {
            "item": (is_str, True), "until": (lambda v: parse_day(v) is not None, True),
            "reason": (is_str, True), "at": (lambda v: parse_ts(v) is not None, True), "by": (is_str, True)})
    fw = c.get("fundingWindows", [])
    if not isinstance(fw, list) or not all(is_str(x) for x in fw):
        r.add(where, "fundingWindows", "must be a list of strings")

    check_events(r, where, c, cat)
    return c


def check_events(r, where, c, cat):
    events = c.get("events", [])
    if not isinstance(events, list):
        r.add(where, "events", "not a list")
        return
    if not events:
        r.add(where, "events", "empty event log")
        return
    prev_ts = None
    commands = set()
    cur_stage = None
    ticks = {}          # item id -> tick object from the last ticked/unticked change
    noted = {}
    field_last = {}
    passed = []         # (stage left, event kind, event time)
    for i, e in enumerate(events):
        ep = f"events[{i}]"
        if not check_obj(r, where, ep, e, {
                "seq": (is_int, True), "at": (lambda v: parse_ts(v) is not None, True),
                "actor": (lambda v: is_str(v) and v != "", True), "kind": (lambda v: v in EVENT_KINDS, True),
                "command": (lambda v: is_str(v) and v != "", True), "changes": (lambda v: isinstance(v, list), True),
                "reason": (is_str, False), "target": (is_str, False)}):
            continue
        if e.get("seq") != i + 1:
            r.add(where, f"{ep}.seq", f"expected {i + 1}, got {e.get('seq')!r} (seq must run 1..n ascending)")
        ts = parse_ts(e.get("at"))
        if ts is not None:
            if prev_ts is not None and ts < prev_ts:
                r.add(where, f"{ep}.at", "timestamp earlier than the previous event")
            prev_ts = ts
        cmd = e.get("command")
        if cmd in commands:
            r.add(where, f"{ep}.command", f"duplicate command {cmd!r}")
        commands.add(cmd)
        kind = e.get("kind")
        if kind in REASON_KINDS and not (is_str(e.get("reason")) and e["reason"].strip()):
            r.add(where, f"{ep}.reason", f"{kind} event needs a reason")
        if i == 0 and kind != "created":
            r.add(where, f"{ep}.kind", "first event must be 'created'")
        for j, ch in enumerate(e.get("changes") or []):
            cp = f"{ep}.changes[{j}]"
            if not isinstance(ch, dict) or not is_str(ch.get("field")) or "before" not in ch or "after" not in ch:
                r.add(where, cp, "change needs field, before and after")
                continue
            f = ch["field"]
            if f == "stage":
                b, a = ch["before"], ch["after"]
                if a not in ALL_STAGES:
                    r.add(where, cp, f"invalid stage {a!r}")
                if b != cur_stage:
                    r.add(where, cp, f"before {b!r} does not match the previous stage {cur_stage!r}")
                if kind == "created" and not (b is None and a == "issue-definition"):
                    r.add(where, cp, "created must move null -> issue-definition")
                if kind in ("advanced", "gate-overridden"):
                    if b not in PIPELINE or PIPELINE.index(b) + 1 >= len(PIPELINE) or PIPELINE[PIPELINE.index(b) + 1] != a:
                        r.add(where, cp, f"{kind} must move one stage forward, got {b!r} -> {a!r}")
                if kind == "moved-back" and (b not in PIPELINE or a not in PIPELINE or PIPELINE.index(a) >= PIPELINE.index(b)):
                    r.add(where, cp, f"moved-back must move backward, got {b!r} -> {a!r}")
                if kind == "ended" and a not in END_STATES:
                    r.add(where, cp, f"ended must move to an end state, got {a!r}")
                if kind == "advanced" or (kind == "ended" and a == "realized"):
                    passed.append((b, kind, ts, ep))
                cur_stage = a
            elif f.startswith("checklist."):
                iid = f[len("checklist."):]
                if iid not in cat["items"]:
                    r.add(where, cp, f"ticked item {iid!r} not in the catalog")
                if kind == "ticked":
                    ticks[iid] = ch["after"]
                elif kind == "unticked":
                    ticks.pop(iid, None)
            elif f.startswith("note."):
                noted[f[len("note."):]] = ch["after"]
            else:
                field_last[f] = ch["after"]
    if cur_stage != c.get("stage"):
        r.add(where, "stage", f"case stage {c.get('stage')!r} differs from the last stage event ({cur_stage!r})")

    checklist = c.get("checklist", {}) if isinstance(c.get("checklist", {}), dict) else {}
    for iid, tick in checklist.items():
        if iid not in ticks:
            r.add(where, f"checklist.{iid}", "ticked in the case but no 'ticked' event records it")
        elif ticks[iid] != tick:
            r.add(where, f"checklist.{iid}", "tick differs from the one recorded in events")
    for iid in ticks:
        if iid not in checklist:
            r.add(where, f"checklist.{iid}", "ticked in events but missing from the checklist")
    notes = {str(n.get("id")): n for n in c.get("notes", []) if isinstance(n, dict)}
    for nid, n in notes.items():
        if nid not in noted:
            r.add(where, f"notes[id={nid}]", "note has no 'note-added' event")
        elif noted[nid] != n:
            r.add(where, f"notes[id={nid}]", "note differs from the one recorded in events")
    for nid in noted:
        if nid not in notes:
            r.add(where, f"note.{nid}", "note added in events but missing from notes")
    for f, after in field_last.items():
        if f in ("title",):
            continue
        if get_path(c, f) != after:
            r.add(where, f, f"value {get_path(c, f)!r} differs from the last event's after {after!r}")

    # Gate consistency: stages left with 'advanced' (or budgeting -> realized) had their required items ticked.
    for left, kind, ts, ep in passed:
        if left not in cat["stages"]:
            continue
        req = [i["id"] for i in cat["stages"][left].get("items", []) if i.get("required")]
        if left == "method" and c.get("exit") in cat["exits"]:
            req += [i["id"] for i in cat["exits"][c["exit"]].get("items", []) if i.get("required")]
        if left == "budgeting" and c.get("method") in cat["methods"]:
            req += [i["id"] for i in cat["methods"][c["method"]].get("items", []) if i.get("required")]
        for iid in req:
            t = checklist.get(iid)
            if not t:
                r.add(where, ep, f"left {left!r} by {kind} but required item {iid!r} is not ticked (use gate-overridden with a reason)")
            elif ts is not None and parse_ts(t.get("at")) is not None and parse_ts(t["at"]) > ts:
                r.add(where, ep, f"required item {iid!r} was ticked after leaving {left!r}")
        fields = list(cat["stages"][left].get("requiredFields", []))
        if left == "budgeting" and c.get("method") in cat["methods"]:
            fields += cat["methods"][c["method"]].get("requiredFields", [])
        for f in fields:
            if not filled(get_path(c, f)):
                r.add(where, f, f"required to leave {left!r} but empty")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--catalog", default=os.path.join(ROOT, "Data", "catalog", "guide.json"))
    ap.add_argument("--cases", default=os.path.join(ROOT, "Data", "samples", "cases"))
    ap.add_argument("-v", "--verbose", action="store_true", help="print a summary when clean")
    args = ap.parse_args()
    r = Report()
    cat = check_catalog(r, args.catalog)
    cases = []
    if cat is not None:
        if not os.path.isdir(args.cases):
            r.add(args.cases, "(dir)", "cases directory missing")
        else:
            for name in sorted(os.listdir(args.cases)):
                p = os.path.join(args.cases, name)
                if not name.endswith(".json"):
                    r.add(p, "(file)", "unexpected file (cases must be <id>.json)")
                    continue
                c = check_case(r, p, cat)
                if c is not None:
                    cases.append(c)
    for line in r.problems:
        print(line)
    if r.problems:
        print(f"{len(r.problems)} problem(s)", file=sys.stderr)
        return 1
    if args.verbose:
        print(f"catalog: {len(cat['items'])} checklist items, {len(cat['methods'])} methods, {len(cat['domains'])} domains")
        print(f"cases: {len(cases)} ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
