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
# grep -c reads to the end: with pipefail, grep -q's early exit fails the pipe (SIGPIPE).
fc-list 2>/dev/null | grep -c "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
# A Japanese-locale terminal (issue 14): the tmux tests run the workbench under LANG=ja_JP.UTF-8.
# Debian's `locales` package has the ja_JP source; the locale itself is generated below.
has_ja_locale() { locale -a 2>/dev/null | grep -ciE '^ja_JP\.utf-?8$' >/dev/null; }
has_ja_locale || { command -v localedef >/dev/null 2>&1 && [ -f /usr/share/i18n/locales/ja_JP ]; } || need+=(locales)
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if [ ${#need[@]} -gt 0 ]; then
  echo "renkei: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if ! has_ja_locale; then
  echo "renkei: generating the ja_JP.UTF-8 locale" >&2
  # localedef warns (and may exit 1) on harmless ISO C notes; whether the locale exists decides.
  $SUDO localedef -c -i ja_JP -f UTF-8 ja_JP.UTF-8 >/dev/null 2>&1 || true
  if ! has_ja_locale && [ -f /etc/locale.gen ]; then
    $SUDO sed -i 's/^# *\(ja_JP\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    $SUDO locale-gen >/dev/null 2>&1 || true
  fi
  has_ja_locale || echo "renkei: could not generate ja_JP.UTF-8; the Japanese-locale tmux tests will skip and say so" >&2
fi
# The .ics tests (issue 13) parse renkei's calendar with Python's icalendar (strict RFC 5545).
python3 -c "import icalendar" 2>/dev/null || python3 -m pip install -q "icalendar==7.3.2" >/dev/null 2>&1 \
  || echo "renkei: could not install icalendar (pip); the .ics parser test will fail" >&2
