#!/usr/bin/env bash
# Installs the system packages renkei needs to build and test, only when missing.
set -euo pipefail
need=()
[ -f /usr/include/ncursesw/curses.h ] || [ -f /usr/include/curses.h ] && pkg-config --exists ncursesw 2>/dev/null || need+=(libncursesw5-dev pkg-config)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "renkei: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
