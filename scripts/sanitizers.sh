#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and ThreadSanitizer (`verify` and `list` read card
# blobs on worker threads). Not in CI: each instrumented build of the dependencies takes about
# 15 minutes on two cores. Each sanitizer builds in its own scratch path (.build-asan,
# .build-tsan), so the normal build is left alone.
#
#   scripts/sanitizers.sh            # both, one after the other
#   scripts/sanitizers.sh address    # or: thread
#
# Prints one line per sanitizer: the test summary and whether the sanitizer reported anything.
# Exits non-zero when a test failed or a sanitizer reported.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then kinds=("$@"); else kinds=(address thread); fi
status=0
for kind in "${kinds[@]}"; do
  case $kind in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "sanitizers: unknown sanitizer '$kind' (address or thread)" >&2; exit 2 ;;
  esac
  log=$scratch/sanitizers-test.log
  mkdir -p "$scratch"
  swift build --build-tests --sanitize="$kind" --scratch-path "$scratch" >"$scratch/sanitizers-build.log" 2>&1 ||
    { echo "sanitizers: $kind: the build failed (see $scratch/sanitizers-build.log)" >&2; exit 2; }
  set +e
  # Leak checking is off: the Swift runtime's metadata caches live for the process and read as leaks.
  ASAN_OPTIONS=detect_leaks=0 TSAN_OPTIONS=halt_on_error=0 \
    swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" >"$log" 2>&1
  tests=$?
  set -e
  summary=$(grep -E '(✔|✘) Test run with' "$log" | tail -1)
  reports=$(grep -c -E '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer)' "$log" || true)
  echo "sanitizers: $kind: ${summary:-no test summary (see $log)}; $reports sanitizer report(s)"
  if [ "$tests" -ne 0 ] || [ "$reports" -ne 0 ]; then status=1; fi
done
exit "$status"
