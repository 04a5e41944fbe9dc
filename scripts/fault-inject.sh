#!/usr/bin/env bash
# Fault injection and kill sweeps over one `cardigan commit` (issue 13, defect 7), with strace.
#
#   scripts/fault-inject.sh faults [--quick]   # each write/fsync/rename/link/openat/mkdir failing
#                                              # with ENOSPC, EIO, EACCES (--quick: ENOSPC on
#                                              # fsync/rename/link/mkdir only)
#   scripts/fault-inject.sh kills [--step K]   # SIGKILL at every K-th system call (default 1: all),
#                                              # each as that call's n-th invocation
#   --cards N (either mode)                    # the commit makes version 2 of N cards (default 1);
#                                              # from 50 on it writes one pack and its tags into
#                                              # packed-refs
#
# The commit makes version 2 of a card whose file says Approved, so it writes objects, moves
# the branch, makes a tag, rewrites the working file to Draft and updates the index. For every
# point it checks: the run exits 0/2 (never a crash) with a message that is not "unknown
# error"; `git fsck --strict` is clean; the next plain `cardigan commit` succeeds without any
# hand edit (a lock file it names may be deleted, as with git; those points are counted);
# then `verify` is clean, `git status` is clean and version 2 exists exactly once.
# Prints points tried and passed per error; exits 1 when any point failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cardigan=${CARDIGAN_BIN:-$root/.build/debug/cardigan}
[ -x "$cardigan" ] || { echo "fault-inject: build first ($cardigan missing)" >&2; exit 2; }
command -v strace >/dev/null || { echo "fault-inject: strace is missing (scripts/install-test-tools.sh)" >&2; exit 2; }
mode=${1:-faults}
shift || true
quick=0
step=1
cards=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --step) step=$2; shift ;;
    --cards) cards=$2; shift ;;
    *) echo "fault-inject: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/cardigan-fault.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" GIT_CONFIG_GLOBAL="$scratch/home/.gitconfig" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
# A crash must show as a signal exit, not wait on Swift's backtracer (whose writes fail too).
export SWIFT_BACKTRACE=enable=no
mkdir -p "$HOME" && : >"$GIT_CONFIG_GLOBAL"

# The repository every point starts from: card 'a' at version 1, edited and marked Approved.
template="$scratch/template"
git init -q -b main "$template"
git -C "$template" config user.name "Fault Injection"
git -C "$template" config user.email fault@example.com
mkdir "$template/cards"
printf 'name: a\nstatus: Draft\nmodel_overview:\n  model_name: a-model\n  model_description: One.\nintended_uses:\n  risk_rating: Low\n' >"$template/cards/a.yaml"
# With --cards N, N-1 more cards beside it, all edited too: one commit of N new versions.
for i in $(seq 2 "$cards"); do
  printf 'name: c%s\nstatus: Draft\nmodel_overview:\n  model_name: c%s-model\n  model_description: One.\nintended_uses:\n  risk_rating: Low\n' "$i" "$i" >"$template/cards/c$i.yaml"
done
"$cardigan" -C "$template" commit -m "a" >/dev/null
sed -i 's/One\./Two./' "$template"/cards/*.yaml
sed -i 's/status: Draft/status: Approved/' "$template/cards/a.yaml"
expected_tags=$(git -C "$template" tag -l | sed 's/v1$/v2/' | cat - <(git -C "$template" tag -l) | LC_ALL=C sort | tr '\n' ' ')

words() {
  case "$1" in
    ENOSPC) echo "no space left on device" ;;
    EIO) echo "input/output error" ;;
    EACCES) echo "permission denied" ;;
    *) echo "" ;;
  esac
}

# Runs one point: $1 label, $2.. strace options. Echoes "pass", "pass-lock", "pass-named" or "fail: why".
point() {
  local label=$1
  shift
  local repo="$scratch/run"
  rm -rf "$repo"
  cp -a "$template" "$repo"
  local status=0
  timeout 120 strace -f -o /dev/null "$@" "$cardigan" -C "$repo" commit -m "v2" >"$scratch/out" 2>"$scratch/err" || status=$?
  echo "$status" >"$scratch/status"
  [ "$status" -ne 124 ] || { echo "fail: hung"; return; }
  local why=""
  if [ "$status" -gt 2 ] && [ "$status" -ne 127 ] && [ "$status" -ne 137 ]; then why="exit $status"; fi
  if [ "$status" -eq 137 ] && [[ "$label" != kill* ]]; then why="killed"; fi
  if [ "$status" -eq 2 ] && { [ ! -s "$scratch/err" ] || grep -q "unknown error" "$scratch/err"; }; then
    why="unclear error: $(head -c 200 "$scratch/err")"
  fi
  git -C "$repo" fsck --strict --no-dangling >/dev/null 2>&1 || why="$why fsck"
  local next=0 lock=""
  "$cardigan" -C "$repo" commit -m "next" >"$scratch/next" 2>"$scratch/nexterr" || next=$?
  if [ "$next" -eq 2 ] && lock=$(grep -o "'[^']*\.lock' exists" "$scratch/nexterr" | head -1) && [ -n "$lock" ]; then
    lock=${lock#\'}
    lock=${lock%\' exists}
    rm -f "$lock"
    next=0
    "$cardigan" -C "$repo" commit -m "next" >"$scratch/next" 2>"$scratch/nexterr" || next=$?
    lock=yes
  fi
  [ "$next" -eq 0 ] || why="$why next commit exit $next: $(head -c 200 "$scratch/nexterr")"
  "$cardigan" -C "$repo" verify >/dev/null 2>&1 || why="$why verify"
  [ -z "$(git -C "$repo" status --porcelain)" ] || why="$why status: $(git -C "$repo" status --porcelain | head -1)"
  local versions
  versions=$(git -C "$repo" log --format='%(trailers:key=Card-Version,valueonly)' main | grep -c '^2$' || true)
  [ "$versions" = "$cards" ] || why="$why version 2 made $versions times for $cards cards"
  [ "$(git -C "$repo" tag -l | tr '\n' ' ')" = "$expected_tags" ] || why="$why tags: $(git -C "$repo" tag -l | tr '\n' ' ' | head -c 200)"
  if [ -n "$why" ]; then
    echo "fail: $why"
  elif [ -n "$lock" ]; then
    echo "pass-lock"
  elif [ "$status" -eq 2 ] && grep -qi "$(words "${label##* }")" "$scratch/err" 2>/dev/null && [ -n "$(words "${label##* }")" ]; then
    echo "pass-named"
  else
    echo "pass"
  fi
}

# How many times a clean commit makes each system call.
count_calls() {
  local repo="$scratch/run"
  rm -rf "$repo"
  cp -a "$template" "$repo"
  strace -f -o "$scratch/trace" -e trace="$1" "$cardigan" -C "$repo" commit -m "v2" >/dev/null 2>&1
  grep -c -E "^[0-9]+ +($1)\(" "$scratch/trace" || true
}

failed=0
if [ "$mode" = faults ]; then
  if [ "$quick" = 1 ]; then calls=(fsync rename link mkdir); errors=(ENOSPC); else
    calls=(write fsync rename link openat mkdir); errors=(ENOSPC EIO EACCES); fi
  declare -A tried passed named
  for call in "${calls[@]}"; do
    total=$(count_calls "$call")
    for error in "${errors[@]}"; do
      for n in $(seq 1 "$total"); do
        result=$(point "fault $call $n $error" -e trace="$call" -e inject="$call:error=$error:when=$n")
        tried[$error]=$((${tried[$error]:-0} + 1))
        case "$result" in
          pass-named) passed[$error]=$((${passed[$error]:-0} + 1)); named[$error]=$((${named[$error]:-0} + 1)) ;;
          pass*) passed[$error]=$((${passed[$error]:-0} + 1)) ;;
          *) failed=$((failed + 1)); echo "$call #$n $error: $result" ;;
        esac
      done
    done
    echo "fault-inject: $call: $total calls per commit"
  done
  for error in "${errors[@]}"; do
    echo "faults $error: ${passed[$error]:-0}/${tried[$error]:-0} points passed (${named[$error]:-0} errors named the cause)"
  done
else
  repo="$scratch/run"
  rm -rf "$repo"
  cp -a "$template" "$repo"
  strace -f -o "$scratch/trace" "$cardigan" -C "$repo" commit -m v2 >/dev/null 2>&1
  # strace counts `when=N` per system call, not over all calls: `inject=all:...:when=N` kills at
  # the N-th call of whichever call gets there first, and past the most frequent call's count
  # (about 240) not at all, so late steps (the index) were never hit. Each point is therefore
  # one call's n-th invocation, in the order a clean commit makes them.
  mapfile -t points < <(sed -nE 's/^[0-9]+ +([a-z_0-9]+)\(.*/\1/p' "$scratch/trace" | awk '{ print $1 ":" ++seen[$1] }')
  total=${#points[@]}
  tried=0 passed=0 locks=0 unreached=0
  for ((i = 0; i < total; i += step)); do
    call=${points[$i]%:*}
    n=${points[$i]#*:}
    result=$(point "kill $call $n" -e trace="$call" -e inject="$call:signal=SIGKILL:when=$n")
    tried=$((tried + 1))
    [ "$(cat "$scratch/status")" = 137 ] || unreached=$((unreached + 1))
    case "$result" in
      pass-lock) passed=$((passed + 1)); locks=$((locks + 1)) ;;
      pass*) passed=$((passed + 1)) ;;
      *) failed=$((failed + 1)); echo "kill at $call #$n (call $((i + 1))): $result" ;;
    esac
  done
  echo "kills: $passed/$tried points passed (every ${step}th of $total system calls), $locks needed a named lock file deleted, $unreached ran to the end unkilled"
fi
[ "$failed" -eq 0 ]
