#!/usr/bin/env bash
# Mutation check: applies each realistic bug of scripts/mutations.txt, one at a time, to a copy
# of the package in .build-mutation/src (the working tree is never touched), builds it
# incrementally (its own scratch path, .build-mutation/build), runs the tests the mutation
# names, and counts it caught when they fail. Prints caught/total; exits 1 unless every
# mutation is caught. Slow (one incremental build per mutation): run on demand.
#
#   scripts/mutation-check.sh            # all mutations
#   scripts/mutation-check.sh 3 7        # only mutations 3 and 7 (1-based, as listed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.build-mutation"
src="$work/src"
scratch="$work/build"
mkdir -p "$src" "$scratch"
# A fresh copy of the committed and uncommitted sources (not the build folders).
find "$src" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
git ls-files -z --cached --others --exclude-standard | grep -zv '^\.build' | xargs -0 cp --parents -a -t "$src/"
[ -f Package.resolved ] && cp Package.resolved "$src/"
# Dependencies as the main build resolved them, so nothing is fetched again.
if [ ! -d "$scratch/checkouts" ] && [ -d .build/checkouts ]; then
  cp -a .build/checkouts .build/repositories "$scratch/" 2>/dev/null || true
  cp .build/workspace-state.json "$scratch/" 2>/dev/null || true
fi
export HOME="${HOME}" NO_COLOR=1

python3 - "$root/scripts/mutations.txt" >"$work/mutations.tsv" <<'PY'
import sys
blocks = [b for b in open(sys.argv[1]).read().split("\n\n")]
for block in blocks:
    fields = {}
    for line in block.splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        key, _, value = line.partition(": ")
        fields[key] = value
    if "title" in fields:
        print("\t".join(fields[k].replace("\t", " ") for k in ("title", "file", "find", "replace", "tests")))
PY
total=$(wc -l <"$work/mutations.tsv")
selected=("$@")
[ ${#selected[@]} -gt 0 ] || mapfile -t selected < <(seq 1 "$total")

echo "mutation-check: first build of the copy (later builds are incremental)" >&2
swift build --build-tests --package-path "$src" --scratch-path "$scratch" -q >"$work/build.log" 2>&1 ||
  { echo "mutation-check: the unmutated copy does not build; see $work/build.log" >&2; exit 2; }

caught=0
tried=0
missed=()
for n in "${selected[@]}"; do
  IFS=$'\t' read -r title file find replace tests < <(sed -n "${n}p" "$work/mutations.tsv")
  tried=$((tried + 1))
  cp "$src/$file" "$work/original"
  if ! python3 - "$src/$file" "$find" "$replace" <<'PY'; then
import sys
path, find, replace = sys.argv[1], sys.argv[2].replace("\\n", "\n"), sys.argv[3].replace("\\n", "\n")
text = open(path).read()
if text.count(find) != 1:
    sys.exit("the text to mutate occurs %d times" % text.count(find))
open(path, "w").write(text.replace(find, replace))
PY
    echo "#$n STALE   $title ($file: the text to mutate is not there once)"
    missed+=("$n")
    continue
  fi
  if ! swift build --build-tests --package-path "$src" --scratch-path "$scratch" -q >"$work/build.log" 2>&1; then
    echo "#$n NOBUILD $title (the mutation does not compile; fix it in scripts/mutations.txt)"
    missed+=("$n")
  elif swift test --skip-build --package-path "$src" --scratch-path "$scratch" --filter "$tests" >"$work/test.log" 2>&1; then
    echo "#$n MISSED  $title (tests: $tests)"
    missed+=("$n")
  else
    caught=$((caught + 1))
    echo "#$n caught  $title"
  fi
  cp "$work/original" "$src/$file"
done
echo "mutation-check: $caught/$tried mutations caught"
[ ${#missed[@]} -eq 0 ] || { echo "mutation-check: not caught: ${missed[*]}"; exit 1; }
