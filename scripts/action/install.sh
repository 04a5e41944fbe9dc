#!/usr/bin/env bash
# The action's first step: libgit2's headers and library (Debian/Ubuntu libgit2-dev) and
# pkg-config, when the runner lacks them.
set -euo pipefail
missing=()
pkg-config --exists libgit2 2>/dev/null || missing+=(libgit2-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
echo "libgit2 $(pkg-config --modversion libgit2)"
