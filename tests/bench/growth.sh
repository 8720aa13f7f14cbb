#!/usr/bin/env bash
# `make bench`, last part: how keiji's cost grows with its content. For playlists of 10, 100,
# 1,000 and 5,000 items (the bundled notices, events and promos in turn, each with an id of its
# own: make_bench_content.py growth) it prints one markdown table, also written to
# out/bench/growth.md:
#   load ms         `keiji play --headless` from its start to its first frame, as its own
#                   start-up line in the log says, and the "content" phase of that line
#   PSS MiB         a headless player on the real clock holding the content, 6 s after its start
#   validate s      `keiji validate` of the playlist (every item drawn and judged)
#   schedule s      `keiji schedule` over one day (2026-11-30 in Asia/Tokyo)
#   first frame ms  process start to the first frame with content on an Xvfb display of 1920x1080
#                   and of 3840x2160, measured from outside (keiji_first_frame_probe)
# Prints figures; asserts nothing about them.
#
# Settings (environment): BENCH_GROWTH_SIZES ("10 100 1000 5000"), BENCH_BUILD_DIR, BENCH_OUT.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bench="$here/tests/bench"
build=$(realpath -m "${BENCH_BUILD_DIR:-$here/build/bench}")
out=$(realpath -m "${BENCH_OUT:-$here/out/bench}")
sizes=${BENCH_GROWTH_SIZES:-"10 100 1000 5000"}
keiji="$build/player/keiji"
probe="$build/tests/bench/keiji_first_frame_probe"
work="$out/growth"
at="2026-11-30T10:00:00+09:00"

for tool in "$keiji" "$probe"; do
    [[ -x "$tool" ]] || { echo "growth: $tool is missing; build with: cmake --preset release -B build/bench && cmake --build build/bench" >&2; exit 1; }
done

# Seconds (3 decimals) that COMMAND... takes, its output thrown away.
seconds_of() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

# Inside Xvfb: process start to the first frame with content, in ms ("timeout" if none).
first_frame_one() {  # PLAYLIST REPORT
    "$probe" --report "$2" --timeout 60 -- "$keiji" play --content "$1" --fullscreen --at "$at" \
        >"$2.log" 2>&1 &
    local probe_pid=$!
    for _ in $(seq 600); do
        grep -q '^first_frame_ms' "$2" 2>/dev/null && break
        kill -0 "$probe_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -TERM "$probe_pid" 2>/dev/null || true
    wait "$probe_pid" 2>/dev/null || true
}
if [[ ${1:-} == first-frame-one ]]; then
    first_frame_one "$2" "$3"
    exit
fi

mkdir -p "$work"
table="$out/growth.md"
{
    echo "| items | load ms (content) | PSS MiB | validate s | schedule, 1 day, s | first frame 1080p / 4K, ms |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$table"
for n in $sizes; do
    dir="$work/$n"
    python3 "$bench/make_bench_content.py" growth "$dir" "$n"
    playlist="$dir/growth.json"
    echo "growth: $n items" >&2

    "$keiji" play --headless --content "$playlist" --at "$at" --seconds 1 --discard-frames \
        --state-dir "$dir/state" --cache "$dir/cache" 2>"$dir/load.log" || true
    load=$(grep -o 'first frame [0-9]* ms after start' "$dir/load.log" | grep -o '[0-9]*' | head -1)
    content=$(grep -o 'content [0-9]* ms' "$dir/load.log" | grep -o '[0-9]*' | head -1)

    "$keiji" play --headless --realtime --content "$playlist" --discard-frames \
        --state-dir "$dir/state" --cache "$dir/cache" --seconds 10 2>/dev/null &
    player=$!
    sleep 6
    read -r pss_kib _ < <(python3 "$bench/proctree.py" pss "$player")
    kill -TERM "$player" 2>/dev/null || true
    wait "$player" 2>/dev/null || true

    validate=$(seconds_of "$keiji" validate "$playlist")
    schedule=$(seconds_of "$keiji" schedule "$playlist" --from 2026-11-30 --to 2026-12-01)

    frames=()
    for size in 1920x1080 3840x2160; do
        XVFB_SCREEN="${size}x24" "$here/scripts/with-xvfb.sh" "$0" first-frame-one "$playlist" \
            "$dir/probe-$size.txt"
        frames+=("$(awk '/^first_frame_ms/{print $2}' "$dir/probe-$size.txt" 2>/dev/null || echo '?')")
    done
    printf '| %s | %s (%s) | %.1f | %s | %s | %s / %s |\n' "$n" "${load:-?}" "${content:-?}" \
        "$(awk -v k="$pss_kib" 'BEGIN { print k / 1024 }')" "$validate" "$schedule" \
        "${frames[0]:-?}" "${frames[1]:-?}" >>"$table"
done
cat "$table"
echo "growth: written to ${table#"$here"/}" >&2
