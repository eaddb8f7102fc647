#!/usr/bin/env bash
# Installs the system packages renkei needs to build and test, only when missing.
set -euo pipefail
need=()
[ -f /usr/include/ncursesw/curses.h ] || [ -f /usr/include/curses.h ] && pkg-config --exists ncursesw 2>/dev/null || need+=(libncursesw5-dev pkg-config)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# Team workspaces (issue 12): renkei sync/clone and the merge driver run git.
command -v git >/dev/null 2>&1 || need+=(git)
# The share sheet's PDF (issue 15): headless Chromium prints it, Noto CJK gives it Japanese
# glyphs, poppler-utils (pdfinfo) counts its pages in the tests. ~1 min of apt on the dev
# machine (measured in RELIABILITY.md); without them `--format pdf` says so and the page test skips.
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "renkei: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The .ics tests (issue 13) parse renkei's calendar with Python's icalendar (strict RFC 5545).
python3 -c "import icalendar" 2>/dev/null || python3 -m pip install -q "icalendar==7.3.2" >/dev/null 2>&1 \
  || echo "renkei: could not install icalendar (pip); the .ics parser test will fail" >&2
