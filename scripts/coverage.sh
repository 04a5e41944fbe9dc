#!/usr/bin/env bash
# Line coverage of the library per folder: builds with coverage in its own scratch path
# (.build-coverage), runs every test (the cardigan processes the tests start write their
# profiles too), and prints the lines covered per folder of Sources/CardiganKit with llvm-cov.
#
#   scripts/coverage.sh            # build, test, report
#   scripts/coverage.sh --report   # report the last run only
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-coverage
if [ "${1:-}" != "--report" ]; then
  swift build --build-tests --enable-code-coverage --scratch-path "$scratch"
  swift test --skip-build --enable-code-coverage --scratch-path "$scratch" || echo "coverage: some tests failed" >&2
fi
toolchain=$(dirname "$(readlink -f "$(command -v swift)")")
llvm_cov="$toolchain/llvm-cov"
[ -x "$llvm_cov" ] || llvm_cov=llvm-cov
profile=$(find "$scratch" -path '*codecov*' -name '*.profdata' | head -1)
tests=$(find "$scratch/debug/" -maxdepth 1 -name '*PackageTests.xctest' | head -1)
[ -n "$profile" ] && [ -n "$tests" ] || { echo "coverage: no profile; run without --report" >&2; exit 2; }
"$llvm_cov" export -summary-only -instr-profile "$profile" "$tests" "$scratch/debug/cardigan" |
  python3 -c '
import json, os, sys
root = os.getcwd() + "/Sources/CardiganKit/"
folders = {}
for item in json.load(sys.stdin)["data"][0]["files"]:
    name = item["filename"]
    if not name.startswith(root) or "/Generated/" in name:
        continue
    folder = name[len(root):].split("/")[0]
    folder = folder if not folder.endswith(".swift") else "(top)"
    lines = item["summary"]["lines"]
    covered, count = folders.get(folder, (0, 0))
    folders[folder] = (covered + lines["covered"], count + lines["count"])
total = [0, 0]
print("| folder | lines | covered |")
print("|---|---:|---:|")
for folder, (covered, count) in sorted(folders.items()):
    total[0] += covered; total[1] += count
    print("| %s | %d | %.1f %% |" % (folder, count, 100.0 * covered / max(count, 1)))
print("| **all of CardiganKit** | %d | %.1f %% |" % (total[1], 100.0 * total[0] / max(total[1], 1)))
'
