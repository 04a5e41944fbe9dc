#!/usr/bin/env bash
# The action's build step: cardigan in release from the action's own checkout (the cache step
# before it restores .build), put on PATH for the steps after it. CARDIGAN_BIN_DIR names a
# folder that already holds a built cardigan instead (an organisation's build, or a test).
set -euo pipefail
action="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
if [ -n "${CARDIGAN_BIN_DIR:-}" ]; then
  bin="$CARDIGAN_BIN_DIR"
else
  swift build -c release --package-path "$action" --product cardigan
  bin="$(swift build -c release --package-path "$action" --show-bin-path)"
fi
[ -x "$bin/cardigan" ] || { echo "::error title=cardigan::no cardigan in '$bin'"; exit 2; }
echo "$bin" >> "${GITHUB_PATH:?}"
"$bin/cardigan" --version
