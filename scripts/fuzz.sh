#!/usr/bin/env bash
# Fuzzes one of cardigan's parsers of untrusted input with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh <target> <seconds> [libFuzzer flags…]   targets: yaml json schema validator
#                                                            trailers tag-message checkpoint pre-receive
#                                                            listed-fields
#   scripts/fuzz.sh all <seconds>                            every target, one after the other
#
# The fuzzer is CardiganKit's sources and Fuzz/FuzzTargets.swift compiled as one module with
# `swiftc -sanitize=fuzzer,address`, linked against the dependencies `swift build` already made
# (so it costs one compile of the library, not a second build of swift-crypto). Seeds are the
# bundled cards, the templates and the test inputs; the corpus grows in .build/fuzz/corpus/<target>.
# FUZZ_OPTIMIZATION=-O compiles with optimisation (slower to build, several times the executions
# per second: for long runs). A crash is saved as .build/fuzz/crash-<target>-*; replay it in a
# normal build with
#   CARDIGAN_FUZZ_TARGET=<target> .build/debug/cardigan-fuzz <file>
# and make it a regression test. Prints one line per target: executions, crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh <target|all> <seconds> [libFuzzer flags]}
seconds=${2:?usage: scripts/fuzz.sh <target|all> <seconds> [libFuzzer flags]}
shift 2
targets=(yaml json schema validator trailers tag-message checkpoint pre-receive listed-fields)
[ "$target" = all ] || targets=("$target")

work=.build/fuzz
optimization=${FUZZ_OPTIMIZATION:--Onone}  # -O for long runs: several times the executions per second
binary=$work/cardigan-fuzz$optimization
mkdir -p "$work"
[ -d .build/debug/CardiganKit.build ] || swift build --product cardigan-fuzz >/dev/null
deps=.build/debug
sources=$(find Sources/CardiganKit -name '*.swift' | sort)
# The dependencies' object files; some names hold spaces, so they are read into an array.
objects=()
while IFS= read -r -d '' object; do objects+=("$object"); done < <(
    find "$deps/Crypto.build" "$deps/_CryptoExtras.build" "$deps/SwiftASN1.build" "$deps/CCryptoBoringSSL.build" \
        "$deps/CCryptoBoringSSLShims.build" "$deps/CryptoBoringWrapper.build" "$deps/Mustache.build" \
        -name '*.o' -print0)
if [ ! -x "$binary" ] || [ -n "$(find Sources/CardiganKit Fuzz scripts/fuzz.sh -newer "$binary" -print -quit)" ]; then
    echo "fuzz: compiling the instrumented library (one module)…" >&2
    checkouts=.build/checkouts
    # shellcheck disable=SC2046 # word splitting of the file lists is intended
    swiftc -sanitize=fuzzer,address -parse-as-library "$optimization" -gline-tables-only -swift-version 6 \
        -D CARDIGAN_FUZZ -module-name CardiganFuzz -module-cache-path "$work/ModuleCache" \
        -I "$deps/Modules" \
        -Xcc -fmodule-map-file=Sources/CLibgit2/module.modulemap \
        -Xcc -fmodule-map-file=Sources/CLibYAML/module.modulemap \
        -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap \
        -Xcc -fmodule-map-file=$checkouts/swift-crypto/Sources/CCryptoBoringSSL/include/module.modulemap \
        -Xcc -I -Xcc $checkouts/swift-crypto/Sources/CCryptoBoringSSL/include \
        -Xcc -fmodule-map-file=$checkouts/swift-crypto/Sources/CCryptoBoringSSLShims/include/module.modulemap \
        -Xcc -I -Xcc $checkouts/swift-crypto/Sources/CCryptoBoringSSLShims/include \
        $sources Fuzz/FuzzTargets.swift \
        "${objects[@]}" \
        -lgit2 -lyaml -lz -o "$binary" 2> >(grep -v "Cannot export local symbol '__asan" >&2)
fi

# libgit2's trailer parser needs a repository to be called through.
repo=$work/repo
[ -d "$repo/.git" ] || git init -q "$repo"

seed() {  # seed files for a target, from the repository's own inputs
    case $1 in
        yaml | validator | listed-fields) find cards templates/cards Tests -name '*.yaml' ;;
        json | schema) find templates Tests -name '*.json' -size -200k ;;
        trailers | tag-message) printf 'Card: a\nCard-Version: 2\nCard-Digest: sha256:%064d\nCard-Status: Draft\nPrevious: %040d\n' 0 0 >"$work/seed-trailers.txt" && echo "$work/seed-trailers.txt" ;;
        checkpoint) printf '# cardigan checkpoint\nbranch refs/heads/main %040d\ntag refs/tags/cards/a/v1 %040d\ndigest sha256:%064d\n' 0 0 0 >"$work/seed-checkpoint.txt" && echo "$work/seed-checkpoint.txt" ;;
        pre-receive) printf '%040d %040d refs/heads/main\n' 0 1 >"$work/seed-refs.txt" && echo "$work/seed-refs.txt" ;;
    esac
}

status=0
for name in "${targets[@]}"; do
    corpus=$work/corpus/$name
    mkdir -p "$corpus"
    if [ -z "$(ls -A "$corpus")" ]; then
        while read -r file; do cp "$file" "$corpus/seed-$(basename "$file")"; done < <(seed "$name")
    fi
    log=$work/$name.log
    started=$SECONDS
    set +e
    SWIFT_BACKTRACE=enable=no CARDIGAN_FUZZ_TARGET=$name CARDIGAN_FUZZ_REPO=$repo \
        ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" -max_total_time="$seconds" -rss_limit_mb=1024 \
        -max_len=65536 -timeout=10 -print_final_stats=1 -artifact_prefix="$work/crash-$name-" "$@" >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    crashes=$(find "$work" -maxdepth 1 -name "crash-$name-*" | wc -l)
    # The time it ran: a run given -runs=N stops before its time is up.
    echo "fuzz: $name: $runs executions in $((SECONDS - started)) s, $crashes crashes (exit $code)"
    if [ "$code" -ne 0 ]; then
        status=1
        grep -E 'ERROR|SUMMARY|Fatal error|panic' "$log" | head -5 >&2 || true
    fi
done
exit $status
