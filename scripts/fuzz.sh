#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of tests/fuzz (clang, the `fuzz` CMake preset).
#
#   scripts/fuzz.sh build                          configure and build build/fuzz
#   scripts/fuzz.sh run [--seconds N] [NAME...]    run each fuzzer (all by default) for N seconds
#   scripts/fuzz.sh list                           the fuzzers the build knows
#
# `make test` runs each for a short while (ctest fuzz.run.NAME); `make fuzz SECONDS=600` runs
# them for longer. A run fails when the fuzzer finds a crash, a leak, undefined behaviour, a
# timeout or runaway memory, and also when it executed nothing: a fuzzer that silently does no
# work must not pass. New interesting inputs go to build/fuzz/corpus/NAME (kept between runs);
# a failing input is saved under build/fuzz/artifacts/NAME/ and its path printed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tree="$root/build/fuzz"
manifest="$tree/fuzzers.txt"

usage() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

build() {
    cd "$root"
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz --target fuzzers
}

# Prints the manifest line of fuzzer $1 (name, executable, dictionary, seeds separated by |).
manifest_line() {
    awk -F '\t' -v name="$1" '$1 == name' "$manifest"
}

run_one() {
    local name=$1 seconds=$2
    local line executable dictionary seeds
    line=$(manifest_line "$name")
    if [[ -z "$line" ]]; then
        echo "fuzz: no fuzzer named '$name' (known: $(cut -f1 "$manifest" | tr '\n' ' '))" >&2
        return 1
    fi
    IFS=$'\t' read -r _ executable dictionary seeds <<<"$line"
    if [[ ! -x "$executable" ]]; then
        echo "fuzz: $executable is not built (scripts/fuzz.sh build)" >&2
        return 1
    fi

    # libFuzzer reads corpus folders, not files: the seeds are copied into a fresh folder, and
    # the first folder given (build/fuzz/corpus/NAME) receives what the run discovers.
    local seed_dir="$tree/seeds/$name" corpus="$tree/corpus/$name" artifacts="$tree/artifacts/$name/"
    rm -rf "$seed_dir"
    mkdir -p "$seed_dir" "$corpus" "$artifacts"
    local seed count=0
    IFS='|' read -r -a seed_list <<<"$seeds"
    for seed in "${seed_list[@]}"; do
        cp "$seed" "$seed_dir/$count-$(basename "$seed")"
        count=$((count + 1))
    done
    if [[ $count -eq 0 ]]; then
        echo "fuzz: $name has no seeds" >&2
        return 1
    fi

    local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
                   -print_final_stats=1 -artifact_prefix="$artifacts")
    [[ -n "$dictionary" ]] && options+=(-dict="$dictionary")
    local log="$tree/logs/$name.log"
    mkdir -p "$tree/logs"
    echo "fuzz: $name for ${seconds}s ($count seeds, log $log)"
    local status=0
    # ASan's leak check stays on (detect_leaks): a leak per input would exhaust a kiosk in weeks.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=print_stacktrace=1 \
        "$executable" "${options[@]}" "$corpus" "$seed_dir" >"$log" 2>&1 || status=$?

    local runs speed coverage features
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2)
    features=$(grep -o 'ft: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2)
    if [[ $status -ne 0 ]]; then
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -n 5 >&2 || true
        grep -E 'Test unit written to' "$log" >&2 || true
        echo "fuzz: $name FAILED (exit $status); full log: $log" >&2
        return 1
    fi
    if [[ -z "$runs" || "$runs" -eq 0 ]]; then
        echo "fuzz: $name executed no input; see $log" >&2
        return 1
    fi
    echo "fuzz: $name ok: $runs runs, $speed exec/s, coverage $coverage edges, $features features"
}

command=${1:-}
[[ -n "$command" ]] || usage
shift
case "$command" in
    build) build ;;
    list) cut -f1 "$manifest" ;;
    run)
        seconds=60
        if [[ ${1:-} == --seconds ]]; then
            seconds=${2:?--seconds needs a number}
            shift 2
        fi
        [[ -f "$manifest" ]] || { echo "fuzz: no $manifest (scripts/fuzz.sh build)" >&2; exit 1; }
        names=("$@")
        [[ ${#names[@]} -gt 0 ]] || mapfile -t names < <(cut -f1 "$manifest")
        failed=0
        for name in "${names[@]}"; do
            run_one "$name" "$seconds" || failed=$((failed + 1))
        done
        echo "fuzz: $((${#names[@]} - failed)) passed, $failed failed"
        [[ $failed -eq 0 ]]
        ;;
    *) usage ;;
esac
