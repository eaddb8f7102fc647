#!/usr/bin/env bash
# CI's install test (issue 19): stage `make install` into a DESTDIR with the binary `make test`
# already built, then check that every file lands where it should, the staged binary runs, the man
# page renders, each completion script loads in its shell, and the bad inputs get one clear line.
# A missing man/zsh/fish is installed when we are root, else that check is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/debug/renkei}"
[ -x "$BIN" ] || { echo "test-install: build first (no $BIN)" >&2; exit 1; }
stage="$(mktemp -d)"; trap 'rm -rf "$stage"' EXIT
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }
skip() { echo "test-install: skipped: $*" >&2; }

missing=()
command -v man >/dev/null || missing+=(man-db)
command -v zsh >/dev/null || missing+=(zsh)
command -v fish >/dev/null || missing+=(fish)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; } \
    || skip "could not install ${missing[*]}"
fi

DESTDIR="$stage" PREFIX=/usr/local BIN="$BIN" bash Scripts/install.sh install >/dev/null
p="$stage/usr/local"
for f in bin/renkei share/renkei/catalog/guide.json share/man/man1/renkei.1 \
         share/bash-completion/completions/renkei share/zsh/site-functions/_renkei \
         share/fish/vendor_completions.d/renkei.fish; do
  [ -s "$p/$f" ] || fail "$f was not installed"
done
[ -x "$p/bin/renkei" ] || fail "bin/renkei is not executable"

# The staged binary finds its data in ../share/renkei (no RENKEI_DATA) and works on a workspace.
# (Run from $stage: renkei also looks for ./Data, which the repository's own cwd would provide.)
version="$(tr -d ' \n' < VERSION)"
cd "$stage"
out="$(env -u RENKEI_DATA "$p/bin/renkei" --version)"
[[ "$out" == "renkei $version (commit "* ]] || fail "--version printed '$out'"
ws="$stage/ws"
env -u RENKEI_DATA "$p/bin/renkei" init "$ws" --sample >/dev/null 2>&1 || fail "init from the staged tree"
n="$(env -u RENKEI_DATA "$p/bin/renkei" --workspace "$ws" list --count)"
[ "$n" -gt 0 ] || fail "list from the staged tree printed '$n'"

cd - >/dev/null
if command -v man >/dev/null; then
  man -l "$p/share/man/man1/renkei.1" 2>/dev/null | grep -q "renkei overdue" || fail "man -l does not render the commands"
else skip "no man; the page was not rendered"; fi
bash -c "source '$p/share/bash-completion/completions/renkei' && complete -p renkei" >/dev/null || fail "bash completion"
if command -v zsh >/dev/null; then
  zsh -c "autoload -Uz compinit && compinit -u -d '$stage/zcd' && source '$p/share/zsh/site-functions/_renkei' && (( \$+functions[_renkei] ))" \
    || fail "zsh completion"
else skip "no zsh; its completion was not loaded"; fi
if command -v fish >/dev/null; then
  fish -c "source '$p/share/fish/vendor_completions.d/renkei.fish'; and complete -C 'renkei li'" | grep -q '^list' \
    || fail "fish completion"
else skip "no fish; its completion was not loaded"; fi

# Bad input: the binary without its data names RENKEI_DATA in one line; an unwritable PREFIX says what to do.
mv "$p/share/renkei" "$p/share/renkei.away"
err="$(cd "$stage" && env -u RENKEI_DATA "$p/bin/renkei" --workspace "$ws" list 2>&1 >/dev/null || true)"
[ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && [[ "$err" == *RENKEI_DATA* ]] || fail "no data: '$err'"
mv "$p/share/renkei.away" "$p/share/renkei"
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
  chmod 0755 "$stage"
  err="$(runuser -u nobody -- env PREFIX=/renkei-unwritable BIN="$(realpath "$BIN")" bash Scripts/install.sh install 2>&1 || true)"
  [[ "$err" == *"cannot write to /"*"PREFIX"* ]] || fail "unwritable PREFIX: '$err'"
else skip "not root; the unwritable-PREFIX check needs another user"; fi

DESTDIR="$stage" PREFIX=/usr/local bash Scripts/install.sh uninstall >/dev/null
left="$(find "$p" -mindepth 1 2>/dev/null || true)"
[ -z "$left" ] || fail "uninstall left: $left"
echo "test-install: ok (staged, ran, man page, completions, bad inputs, uninstall)"
