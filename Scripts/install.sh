#!/usr/bin/env bash
# make install / make uninstall:  Scripts/install.sh install|uninstall
#   PREFIX   (default /usr/local)   DESTDIR (staging root, default none)
#   CONFIG   release (default; built with the Swift runtime linked statically) or debug
#   BIN      an already built renkei binary to install instead of building one
# Installs exactly: bin/renkei, share/renkei/ (the shipped Data/), share/man/man1/renkei.1,
# bash/zsh/fish completions in their standard places. Uninstall removes exactly those.
set -euo pipefail
cd "$(dirname "$0")/.."
action="${1:-install}"
PREFIX="${PREFIX:-/usr/local}"
DESTDIR="${DESTDIR:-}"
CONFIG="${CONFIG:-release}"
root="$DESTDIR$PREFIX"

files=(
  "bin/renkei"
  "share/man/man1/renkei.1"
  "share/bash-completion/completions/renkei"
  "share/zsh/site-functions/_renkei"
  "share/fish/vendor_completions.d/renkei.fish"
)

die() { echo "renkei install: $*" >&2; exit 1; }

# The nearest existing directory must be writable, else say what to do before building anything.
writable_or_die() {
  local d="$1"
  while [ ! -e "$d" ]; do d="$(dirname "$d")"; done
  [ -w "$d" ] || die "cannot write to $d — run as root (sudo make install) or choose another PREFIX, e.g. make install PREFIX=\$HOME/.local"
}

if [ "$action" = uninstall ]; then
  for f in "${files[@]}"; do rm -f "$root/$f"; done
  rm -rf "$root/share/renkei"
  # Remove only the directories this install could have created, and only if now empty.
  for d in share/fish/vendor_completions.d share/fish share/zsh/site-functions share/zsh \
           share/bash-completion/completions share/bash-completion share/man/man1 share/man bin share; do
    rmdir "$root/$d" 2>/dev/null || true
  done
  echo "renkei: removed from $root"
  exit 0
fi
[ "$action" = install ] || die "unknown action '$action' (install or uninstall)"

writable_or_die "$root"
bin="${BIN:-}"
if [ -z "$bin" ]; then
  if [ "$CONFIG" = release ]; then
    # The Swift runtime linked in, so the installed binary needs no toolchain (see make deb).
    swift build -c release --static-swift-stdlib --product renkei >&2
  else
    swift build -c "$CONFIG" --product renkei >&2
  fi
  bin=".build/$CONFIG/renkei"
fi
[ -x "$bin" ] || die "no built binary at $bin"

install -d "$root/bin" "$root/share/renkei" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$root/bin/renkei"
rm -rf "$root/share/renkei"
cp -R Data "$root/share/renkei"
chmod -R u+rwX,go+rX,go-w "$root/share/renkei"

# Man page and completions come from the argument parser of the binary being installed.
version="$(tr -d ' \n' < VERSION)"
"$bin" --experimental-dump-help | python3 Scripts/gen-manpage.py "$version" > "$root/share/man/man1/renkei.1"
"$bin" --generate-completion-script bash > "$root/share/bash-completion/completions/renkei"
"$bin" --generate-completion-script zsh > "$root/share/zsh/site-functions/_renkei"
"$bin" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/renkei.fish"
chmod 0644 "$root/share/man/man1/renkei.1" "$root/share/bash-completion/completions/renkei" \
  "$root/share/zsh/site-functions/_renkei" "$root/share/fish/vendor_completions.d/renkei.fish"
echo "renkei: installed to $root ($("$root/bin/renkei" --version))"
