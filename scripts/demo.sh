#!/usr/bin/env bash
# cardigan's main job on the bundled cards: installs what is missing, builds, copies cards/ into
# a scratch git repository and runs cardigan there. Leaves this checkout untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --product cardigan >&2
cardigan="$PWD/.build/debug/cardigan"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/cardigan-demo.XXXXXX")
echo "scratch repository: $scratch"
git -C "$scratch" init -q -b main
git -C "$scratch" config user.name "cardigan demo"
git -C "$scratch" config user.email "demo@cardigan.invalid"
cp -R cards "$scratch/cards"
run() { printf "$ cardigan"; printf " %q" "$@"; echo; "$cardigan" -C "$scratch" "$@"; }
run --version
run init
run validate
run commit -m "Import the example cards"
run status customer-churn PendingReview -m "Ready for review"
run status customer-churn Approved -m "Approved by the model risk committee"
run clone customer-churn customer-churn-v4 --model-package customer-churn/4 --model-name customer-churn-xgb-v4 --approved
run show customer-churn --card-version 1
run list
run log customer-churn
run packages
run verify
echo "the scratch repository is left at $scratch for you to explore (git log, git tag -n9)"
