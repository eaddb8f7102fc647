#!/usr/bin/env bash
# make deb (issue 19): renkei_<version>_<arch>.deb for machines with no Swift toolchain.
# The release binary links the Swift runtime statically (--static-swift-stdlib); Depends lists the
# Debian packages that own every shared library it still needs (found with ldd + dpkg -S), so
# `apt-get install ./renkei_*.deb` pulls exactly those. Refuses to package a binary that still
# needs a library from the toolchain (that would work here and fail on a user's machine).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dpkg-deb >/dev/null || { echo "make deb: dpkg-deb is missing (apt-get install dpkg-dev)" >&2; exit 1; }
version="$(tr -d ' \n' < VERSION)"
arch="$(dpkg --print-architecture)"
out="${OUT:-renkei_${version}_${arch}.deb}"
tree="$(mktemp -d)"; trap 'rm -rf "$tree"' EXIT

DESTDIR="$tree" PREFIX=/usr bash Scripts/install.sh install >&2
bin="$tree/usr/bin/renkei"
strip --strip-unneeded "$bin"   # debug info is most of the 95 MB; users need none of it
gzip -9n "$tree/usr/share/man/man1/renkei.1"

libs="$(ldd "$bin" | awk '/=>/ { print $3 } !/=>/ && /^\t\// { print $1 }' | sort -u)"
# The workbench's ncursesw and the .xlsx reader's libxml2 are opened with dlopen (CNcursesw,
# CLibXML), so ldd cannot see them; they are dependencies all the same.
for soname in libncursesw.so.6 libxml2.so.2; do
  path="$(ldconfig -p | awk -v n="$soname" '$1 == n && /x86-64|x86_64|64bit/ { print $NF; exit }')"
  [ -n "$path" ] || path="$(ldconfig -p | awk -v n="$soname" '$1 == n { print $NF; exit }')"
  [ -n "$path" ] || { echo "make deb: $soname (opened at run time) is not installed here" >&2; exit 1; }
  libs="$libs"$'\n'"$path"
done
libs="$(printf '%s\n' "$libs" | sort -u)"
deps=()
for lib in $libs; do
  case "$lib" in
    */swift/*|*/opt/*) echo "make deb: $bin still needs $lib from the Swift toolchain; build with --static-swift-stdlib" >&2; exit 1;;
  esac
  real="$(readlink -f "$lib")"
  pkg="$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true)"
  pkg="${pkg%%:*}"
  [ -n "$pkg" ] || { echo "make deb: no Debian package owns $lib" >&2; exit 1; }
  deps+=("$pkg")
done
depends="$(printf '%s\n' "${deps[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')"
size="$(du -sk "$tree/usr" | cut -f1)"
mkdir -p "$tree/DEBIAN"
cat > "$tree/DEBIAN/control" <<CONTROL
Package: renkei
Version: $version
Architecture: $arch
Maintainer: renkei maintainers <renkei@example.invalid>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: terminal workbench for public-private collaboration (官民連携)
 Cases between Japanese municipalities and startups through the practice guide's
 five stages, budget-calendar deadlines, overdue review, reports and sharing.
CONTROL
dpkg-deb --root-owner-group --build "$tree" "$out" >/dev/null
echo "$out (Depends: $depends)"
