#!/usr/bin/env bash
# Proves the .deb on a machine that never saw Swift (issue 19): debootstrap a minimal Debian into a
# folder, `apt-get install ./renkei_*.deb` inside it (apt resolves Depends from the archive), then
# run the installed renkei there: --version, init --sample, list --count, overdue --count.
# Needs root and the Debian mirror; takes a few minutes (not in CI). Usage: Scripts/test-deb-debootstrap.sh [DEB]
set -euo pipefail
cd "$(dirname "$0")/.."
deb="${1:-$(ls renkei_*_amd64.deb 2>/dev/null | head -1)}"
[ -f "$deb" ] || { echo "no .deb: run make deb first" >&2; exit 1; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
root="${ROOT:-/tmp/renkei-debootstrap}"
suite="$(. /etc/os-release && echo "$VERSION_CODENAME")"
[ -x "$root/usr/bin/apt-get" ] || debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian >/dev/null
cp "$deb" "$root/tmp/renkei.deb"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
chroot "$root" /bin/sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/renkei.deb >/dev/null'
[ ! -e "$root/opt/swift" ] || { echo "the chroot has a Swift toolchain; the check would prove nothing" >&2; exit 1; }
chroot "$root" /bin/sh -c 'set -e; renkei --version; renkei init /tmp/ws --sample >/dev/null 2>&1; renkei --workspace /tmp/ws list --count; renkei --workspace /tmp/ws --today 2027-03-01 overdue --count; man -w renkei 2>/dev/null || true'
echo "test-deb-debootstrap: ok ($deb installed and ran in a fresh $suite tree without Swift)"
