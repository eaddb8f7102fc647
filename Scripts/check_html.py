#!/usr/bin/env python3
"""Strict checks of an HTML report with Python's html.parser (used by the test suite).

html.parser itself is lenient, so this checker adds what a reviewer would: every non-void
element closed in order, nothing left open, no duplicate attributes, no stray end tags, a
single <html>/<head>/<body>, a charset, and — because the report must be self-contained and
inert — no <script>, no event-handler attributes, no javascript: URLs and no external fetches
(src/href/url()/@import to another host). Raw control characters (ESC, BEL, …) and bidi
overrides in the text are errors too: the report shows them as visible placeholders.

Usage: check_html.py FILE...   Prints one line per problem; exit status 1 if any.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag HTML lets you omit; the reports always close them, so we insist.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EXTERNAL = re.compile(r"^\s*(https?:|//|ftp:|file:)", re.I)


class StrictChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.seen = {}
        self.in_style = False
        self.has_charset = False

    def err(self, msg):
        line, col = self.getpos()
        self.errors.append(f"line {line}, column {col + 1}: {msg}")

    def handle_decl(self, decl):
        if decl.lower() != "doctype html":
            self.err(f"unexpected declaration <!{decl}>")

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "style":
            self.in_style = True

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        if tag not in VOID:
            self.err(f"self-closing non-void element <{tag}/>")

    def _start(self, tag, attrs):
        names = [a for a, _ in attrs]
        for a in set(names):
            if names.count(a) > 1:
                self.err(f"duplicate attribute '{a}' on <{tag}>")
        if tag in ("html", "head", "body", "title", "main"):
            self.seen[tag] = self.seen.get(tag, 0) + 1
            if self.seen[tag] > 1:
                self.err(f"more than one <{tag}>")
        if tag in ("script", "iframe", "object", "embed", "img", "link", "base", "form", "frame", "svg", "math"):
            if tag not in ("svg",):
                self.err(f"<{tag}> is not allowed in a report")
        for a, v in attrs:
            if a.startswith("on"):
                self.err(f"event handler attribute '{a}' on <{tag}>")
            if v is None:
                continue
            if a in ("src", "href", "action", "formaction", "data", "poster", "srcset", "xlink:href"):
                if EXTERNAL.search(v) or v.strip().lower().startswith("javascript:"):
                    self.err(f"external or script URL in {a}= on <{tag}>")
            if a == "style" and re.search(r"url\s*\(|expression\s*\(|@import", v, re.I):
                self.err(f"url()/expression() in style attribute on <{tag}>")
            if CONTROL.search(v):
                self.err(f"raw control character in attribute '{a}' of <{tag}>")
        if tag == "meta" and any(a == "charset" for a, _ in attrs):
            self.has_charset = True

    def handle_endtag(self, tag):
        if tag in VOID:
            self.err(f"end tag for void element </{tag}>")
            return
        if not self.stack:
            self.err(f"stray end tag </{tag}>")
            return
        if self.stack[-1] != tag:
            self.err(f"end tag </{tag}> but <{self.stack[-1]}> is open (open: {' > '.join(self.stack)})")
            if tag in self.stack:
                while self.stack and self.stack[-1] != tag:
                    self.stack.pop()
                self.stack.pop()
            return
        self.stack.pop()
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if CONTROL.search(data):
            self.err(f"raw control or bidi character in text: {CONTROL.search(data).group()!r}")
        if self.in_style and re.search(r"url\s*\(|@import|expression\s*\(", data, re.I):
            self.err("url()/@import/expression() in the stylesheet (the report must not fetch anything)")

    def handle_comment(self, data):
        pass

    def close(self):
        super().close()
        if self.stack:
            self.err(f"unclosed elements at end of file: {' > '.join(self.stack)}")
        for tag in ("html", "head", "body", "title"):
            if self.seen.get(tag, 0) != 1:
                self.err(f"expected exactly one <{tag}>, found {self.seen.get(tag, 0)}")
        if not self.has_charset:
            self.err("no <meta charset>")


def check(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"not UTF-8: {e}"]
    p = StrictChecker()
    try:
        p.feed(text)
        p.close()
    except Exception as e:  # html.parser raises on some malformed input
        p.errors.append(f"parser exception: {e}")
    return p.errors


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    bad = 0
    for path in argv[1:]:
        for e in check(path):
            print(f"{path}: {e}")
            bad += 1
    print(f"{len(argv) - 1} files, {bad} errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
