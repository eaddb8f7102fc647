#!/usr/bin/env python3
"""renkei(1) from the argument parser itself: reads `renkei --experimental-dump-help` (JSON) on
stdin, writes roff on stdout. Generated at install time, so the page never drifts from --help.
(swift-argument-parser's own manual plugin needs a separate plugin build on every install; its
JSON dump is the same source of truth and this stays a few lines of Python.)"""
import json
import sys


def esc(text):
    text = (text or "").replace("\\", "\\e")
    lines = []
    for line in text.split("\n"):
        # A line starting with . or ' would be read as a roff request.
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines).replace("-", "\\-")


def synopsis(arg):
    names = arg.get("names") or []
    long = next((n["name"] for n in names if n["kind"] == "long"), None)
    short = next((n["name"] for n in names if n["kind"] == "short"), None)
    flag = f"\\-\\-{long}" if long else (f"\\-{short}" if short else "")
    value = arg.get("valueName", "")
    if arg["kind"] == "positional":
        return f"\\fI{value}\\fR"
    if arg["kind"] == "flag":
        return f"\\fB{flag}\\fR"
    return f"\\fB{flag}\\fR \\fI{value}\\fR"


def command_section(cmd, path, out):
    args = [a for a in cmd.get("arguments", []) if a.get("shouldDisplay", True)
            and not any(n.get("name") in ("help", "version") for n in a.get("names") or [])]
    out.append(f".SS {esc(' '.join(path))}")
    if cmd.get("abstract"):
        out.append(esc(cmd["abstract"]))
    if args:
        out.append(".PP")
        out.append(" ".join(synopsis(a) for a in args))
        for a in args:
            out.append(".TP")
            out.append(synopsis(a))
            out.append(esc(a.get("abstract", "")))
    for sub in cmd.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            command_section(sub, path + [sub["commandName"]], out)


def main():
    root = json.load(sys.stdin)["command"]
    version = sys.argv[1] if len(sys.argv) > 1 else ""
    out = [
        f'.TH RENKEI 1 "" "renkei {esc(version)}" "User Commands"',
        ".SH NAME",
        "renkei \\- " + esc(root.get("abstract", "")),
        ".SH SYNOPSIS",
        "\\fBrenkei\\fR [\\fB\\-\\-workspace\\fR \\fIDIR\\fR] [\\fB\\-\\-today\\fR \\fIYYYY\\-MM\\-DD\\fR] [\\fIcommand\\fR] [\\fIoptions\\fR]",
        ".SH DESCRIPTION",
        esc(root.get("discussion", "")).replace("\n\n", "\n.PP\n"),
        ".SH COMMANDS",
    ]
    for sub in root.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            command_section(sub, ["renkei", sub["commandName"]], out)
    out += [
        ".SH ENVIRONMENT",
        ".TP", "\\fBRENKEI_WORKSPACE\\fR", "The workspace when \\-\\-workspace is not given.",
        ".TP", "\\fBRENKEI_DATA\\fR", "Where the shipped data lives (default: share/renkei beside the binary).",
        ".TP", "\\fBRENKEI_ACTOR\\fR", "The name recorded on every change (else config.json, else $USER).",
        ".TP", "\\fBRENKEI_LANG\\fR", "ja or en (else from LC_ALL, LC_MESSAGES, LANG).",
        ".TP", "\\fBRENKEI_TODAY\\fR", "Pin today's date (reviews and tests).",
        ".TP", "\\fBNO_COLOR\\fR", "Turn colour off in the workbench.",
        ".SH EXIT STATUS",
        "0 ok, 1 error, 2 usage, 3 gate blocked, 4 conflict.",
    ]
    sys.stdout.write("\n".join(out) + "\n")


main()
