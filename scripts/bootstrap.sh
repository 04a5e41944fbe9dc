#!/usr/bin/env bash
# Installs what cardigan needs and a fresh machine may lack: libgit2's and libyaml's headers and
# libraries (Debian's libgit2-dev, 1.5.x, and libyaml-dev), pkg-config, and ssh-keygen
# (openssh-client) for signed approvals. Safe to run again: does nothing when present.
set -euo pipefail
missing=()
pkg-config --exists libgit2 2>/dev/null || missing+=(libgit2-dev)
pkg-config --exists yaml-0.1 2>/dev/null || missing+=(libyaml-dev)
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)  # a commit's pack (libgit2 needs it too)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)  # approvals: SSH signatures
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${missing[@]}" >/dev/null; }
fi
