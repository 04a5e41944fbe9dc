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
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product cardigan >&2
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
