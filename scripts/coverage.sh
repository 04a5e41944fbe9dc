#!/usr/bin/env bash
# Line coverage of the library per folder: builds with coverage in its own scratch path
# (.build-coverage), runs every test, and prints the lines covered per folder of
# Sources/CardiganKit with llvm-cov.
#
# Two columns: "covered" counts a line run by the test process or by any `cardigan` process a
# test started (`swift test` sets LLVM_PROFILE_FILE, the spawned processes inherit it and write
# their own profiles into the same folder, and all of them are merged); "in-process" counts only
# what the test process itself ran. The profiles merged are counted per binary (by build id),
# so the figure says where it comes from.
#
#   scripts/coverage.sh            # build, test, report
#   scripts/coverage.sh --report   # report the last run only
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-coverage
if [ "${1:-}" != "--report" ]; then
  swift build --build-tests --enable-code-coverage --scratch-path "$scratch"
  # Profiles of an earlier run must not count in this one.
  find "$scratch" -path '*/codecov/*' -name '*.profraw' -delete
  swift test --skip-build --enable-code-coverage --scratch-path "$scratch" || echo "coverage: some tests failed" >&2
fi
toolchain=$(dirname "$(readlink -f "$(command -v swift)")")
export LLVM_COV="$toolchain/llvm-cov" LLVM_PROFDATA="$toolchain/llvm-profdata"
[ -x "$LLVM_COV" ] || LLVM_COV=llvm-cov
[ -x "$LLVM_PROFDATA" ] || LLVM_PROFDATA=llvm-profdata
codecov=$(find "$scratch" -type d -path '*/debug/codecov' | head -1)
tests=$(find "$scratch/debug/" -maxdepth 1 -name '*PackageTests.xctest' | head -1)
[ -n "$codecov" ] && [ -n "$tests" ] && compgen -G "$codecov/*.profraw" >/dev/null ||
  { echo "coverage: no profiles; run without --report" >&2; exit 2; }
# Merged here from every profile written, not taken from swift test's own merge, which it
# skips when a test fails.
python3 - "$codecov" "$tests" "$scratch/debug/cardigan" "$scratch/debug/cardigan-fuzz" <<'PYTHON'
import json, os, re, subprocess, sys

codecov, tests, cardigan, fuzz = sys.argv[1:5]
cov, profdata = os.environ["LLVM_COV"], os.environ["LLVM_PROFDATA"]

def build_id(binary):
    if not os.path.exists(binary):
        return None
    notes = subprocess.run(["readelf", "-n", binary], capture_output=True, text=True).stdout
    found = re.search(r"Build ID: ([0-9a-f]+)", notes)
    return found.group(1) if found else None

names = {build_id(tests): "the test process", build_id(cardigan): "cardigan processes the tests started",
         build_id(fuzz): "cardigan-fuzz"}
# One binary writes files named <prefix><signature>.<n>.profraw: group by signature, read one id.
groups = {}
for name in os.listdir(codecov):
    if name.endswith(".profraw"):
        groups.setdefault(re.sub(r"\.\d+\.profraw$", "", name), []).append(os.path.join(codecov, name))
counts, own, every = {}, [], []
for files in groups.values():
    every += files
    shown = subprocess.run([profdata, "show", "--binary-ids", files[0]], capture_output=True, text=True).stdout
    ids = re.findall(r"^([0-9a-f]{40})$", shown, re.M)
    who = names.get(ids[0] if ids else None, "an unknown binary")
    counts[who] = counts.get(who, 0) + len(files)
    if who == "the test process":
        own += files
print("profiles merged: " + ", ".join("%d from %s" % (n, who) for who, n in sorted(counts.items())))

def folders(profile_path):
    exported = subprocess.run([cov, "export", "-summary-only", "-instr-profile", profile_path, tests,
                               "-object", cardigan], capture_output=True, text=True, check=True).stdout
    root = os.getcwd() + "/Sources/CardiganKit/"
    result = {}
    for item in json.loads(exported)["data"][0]["files"]:
        name = item["filename"]
        if not name.startswith(root) or "/Generated/" in name:
            continue
        folder = name[len(root):].split("/")[0]
        folder = folder if not folder.endswith(".swift") else "(top)"
        lines = item["summary"]["lines"]
        covered, count = result.get(folder, (0, 0))
        result[folder] = (covered + lines["covered"], count + lines["count"])
    return result

profile = os.path.join(codecov, "all.profdata")
subprocess.run([profdata, "merge", "-sparse", "-o", profile] + every, check=True)
everything = folders(profile)
inprocess_path = os.path.join(codecov, "in-process.profdata")
if own:
    subprocess.run([profdata, "merge", "-sparse", "-o", inprocess_path] + own, check=True)
inprocess = folders(inprocess_path) if own else {}
percent = lambda covered, count: "%.1f %%" % (100.0 * covered / max(count, 1))
print("| folder | lines | covered | in-process |")
print("|---|---:|---:|---:|")
total, total_own = [0, 0], 0
for folder, (covered, count) in sorted(everything.items()):
    mine = inprocess.get(folder, (0, count))[0]
    total[0] += covered; total[1] += count; total_own += mine
    print("| %s | %d | %s | %s |" % (folder, count, percent(covered, count), percent(mine, count)))
print("| **all of CardiganKit** | %d | %s | %s |" % (total[1], percent(*total), percent(total_own, total[1])))
PYTHON
