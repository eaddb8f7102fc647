#!/usr/bin/env python3
"""Checks an .ics file the way a calendar would read it (issue 13): parsed by the icalendar
package, CRLF only, no physical line over 75 octets, every line valid UTF-8, every VEVENT
all-day lasting one day (DTEND the next day, or DURATION:P1D where no next day can be written:
9999-12-31), UID/DTSTAMP/SEQUENCE present, SEQUENCE within 0…2^31−1 (RFC 5545's INTEGER), UIDs unique.
Prints one JSON line per event (uid, start, summary, sequence, categories) on success.
Usage: check_ics.py FILE"""
import datetime
import json
import sys

import icalendar


def main(path):
    raw = open(path, "rb").read()
    errors = []
    if b"\n" in raw.replace(b"\r\n", b""):
        errors.append("a bare LF or CR: lines must end with CRLF")
    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            errors.append(f"line {n} is {len(line)} octets (max 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            errors.append(f"line {n} is not valid UTF-8 (a fold split a character)")
    cal = icalendar.Calendar.from_ical(raw)
    seen = set()
    out = []
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        for prop in ("UID", "DTSTAMP", "DTSTART", "SEQUENCE", "SUMMARY"):
            if ev.get(prop) is None:
                errors.append(f"{uid}: no {prop}")
        if uid in seen:
            errors.append(f"duplicate UID {uid}")
        seen.add(uid)
        start = ev.decoded("DTSTART")
        if (ev.get("DTEND") is None) == (ev.get("DURATION") is None):
            errors.append(f"{uid}: needs exactly one of DTEND and DURATION")
        elif isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            errors.append(f"{uid}: DTSTART is not a DATE")
        elif ev.get("DTEND") is not None and ev.decoded("DTEND") - start != datetime.timedelta(days=1):
            errors.append(f"{uid}: DTEND is not the day after DTSTART")
        elif ev.get("DURATION") is not None and ev.decoded("DURATION") != datetime.timedelta(days=1):
            errors.append(f"{uid}: DURATION is not one day")
        if not 0 <= int(ev.get("SEQUENCE", 0)) <= 2**31 - 1:
            errors.append(f"{uid}: SEQUENCE {ev.get('SEQUENCE')} is outside 0…2147483647")
        cats = ev.get("CATEGORIES")
        out.append({"uid": uid, "start": start.isoformat(), "summary": str(ev.get("SUMMARY")),
                    "description": str(ev.get("DESCRIPTION", "")), "sequence": int(ev.get("SEQUENCE")),
                    "categories": [str(c) for c in (cats.cats if cats is not None else [])]})
    if errors:
        print("\n".join(errors))
        return 1
    for o in out:
        print(json.dumps(o, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
