#!/usr/bin/env bash
# What both registry demos set up, sourced by scripts/demo-registry.sh (moto) and
# scripts/demo-registry-mlflow.sh (MLflow): the tools and the cardigan binary, a free port on
# 127.0.0.1, a scratch git repository, a server in a process group of its own that is stopped as
# a whole on exit, and `run`, which prints a cardigan command and runs it in the scratch repository.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/bootstrap.sh
scripts/install-test-tools.sh
swift build --product cardigan >&2
cardigan="$PWD/.build/debug/cardigan"
peer="$PWD/scripts/registry-peer.py"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# demo_repository <name>: a new git repository in a temporary folder, as $scratch.
demo_repository() {
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/cardigan-$1.XXXXXX")
  git -C "$scratch" init -q -b main
  git -C "$scratch" config user.name "cardigan demo"
  git -C "$scratch" config user.email "demo@cardigan.invalid"
}

# start_server <log file> <command>…: the server in a process group of its own (setsid), whose
# whole group (a server may start workers) is stopped on exit.
start_server() {
  local log=$1
  shift
  setsid "$@" >"$log" 2>&1 &
  server_group=$!
  trap 'kill -- -"$server_group" 2>/dev/null || true' EXIT
}

# wait_until <tries> <seconds between> <command>…: until the command succeeds (quietly).
wait_until() {
  local tries=$1 pause=$2
  shift 2
  for _ in $(seq "$tries"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep "$pause"
  done
  echo "demo: '$*' did not succeed; see the server's log" >&2
  return 1
}

run() { printf '$ cardigan'; printf ' %q' "$@"; echo; "$cardigan" -C "$scratch" "$@"; }
