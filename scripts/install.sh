#!/usr/bin/env bash
# Builds the release binary of cardigan with the Swift runtime linked statically (half the
# start-up time of a dynamically linked one, which every hook and every commit pays) and
# installs it. Every benchmark figure in the README is for this binary.
#
#   scripts/install.sh                # into /usr/local/bin (sudo when not root)
#   PREFIX=$HOME/.local scripts/install.sh
#   scripts/install.sh --build-only   # build and print the binary's path; install nothing
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scratch=".build-static"
# Start-up, paid by every hook and every commit (Benchmarks/HISTORY.md "The fixed cost of a process, third
# round"): -static-stdlib exports every symbol of the program (33,648) for nothing, which the
# Swift runtime's start-up then scans with dladdr (1.3M instructions); and libgit2 loads
# OpenSSL's libcrypto through libssh2 last of 21 libraries, so each of libcrypto's 3,377 symbol
# look-ups at load (it binds now) walks the 20 before it (2.0M). Naming libcrypto here puts it
# among the program's own libraries; no other library loaded defines any of its symbols, so
# every symbol binds where it did. Both are link-only: the debug build and the tests keep
# SwiftPM's defaults.
link=(-Xlinker --no-export-dynamic)
crypto="$(ldd "$(pkg-config --variable=libdir libgit2)/libgit2.so" | awk '$1 ~ /^libcrypto\.so/ { print $1; exit }')"
if [ -n "$crypto" ]; then link+=(-Xlinker --no-as-needed -Xlinker "-l:$crypto"); fi
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product cardigan "${link[@]}" >&2
binary="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/cardigan"
if [ "${1:-}" = "--build-only" ]; then
  echo "$binary"
  exit 0
fi
prefix="${PREFIX:-/usr/local}"
sudo=""
if [ ! -w "$prefix/bin" ] && [ -d "$prefix/bin" ] && [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo mkdir -p "$prefix/bin"
$sudo install -m 0755 "$binary" "$prefix/bin/cardigan"
echo "installed $prefix/bin/cardigan ($("$prefix/bin/cardigan" --version))"
