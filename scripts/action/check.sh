#!/usr/bin/env bash
# The action's check step, in the workflow's checkout: `cardigan check` from the base (the
# input, else origin/$GITHUB_BASE_REF on a pull request, else the push event's `before`), in the
# chosen format; then the card diff into the job summary. Exits as `check` does (1: refused).
set -euo pipefail
cd "${GITHUB_WORKSPACE:-.}"
base="${INPUT_BASE:-}"
if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  base="origin/$GITHUB_BASE_REF"
fi
if [ -z "$base" ] && [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
  before="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("before") or "")' "$GITHUB_EVENT_PATH")"
  # A new branch's push has no old head (all zeros): nothing to compare with.
  if [ -n "$before" ] && [ "${before//0/}" != "" ]; then base="$before"; fi
fi
if [ -z "$base" ]; then
  echo "::error title=cardigan::no base revision: give the action's 'base' input, or run it on pull_request or push"
  exit 2
fi
format="${INPUT_FORMAT:-github}"
report="${RUNNER_TEMP:-/tmp}/cardigan-check.$format"
status=0
cardigan check --base "$base" --format "$format" > "$report" || status=$?
cat "$report"
[ -n "${GITHUB_OUTPUT:-}" ] && echo "report=$report" >> "$GITHUB_OUTPUT"
if [ "${INPUT_JOB_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "$status" -ne 2 ]; then
  { echo; cardigan diff --base "$base" --format markdown; } >> "$GITHUB_STEP_SUMMARY" || true
fi
exit "$status"
