#!/usr/bin/env bash
# Start to first frame when a screen boots with no network: keiji plays its cached feed at once.
# Prints the time from process start to the first frame with content on the X display (measured
# from outside by keiji_first_frame_probe, as make bench does), starting from the cache with an
# unreachable feed, and from the bundled playlists for comparison. Prints figures only.
#
#   offline_first_frame.sh [BUILD_DIR] [RUNS]     (default build/bench, 5 runs)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath -m "${1:-$here/build/bench}")
runs=${2:-5}
keiji="$build/player/keiji"
probe="$build/tests/bench/keiji_first_frame_probe"
[[ -x $keiji && -x $probe ]] || { echo "build $build first (make bench builds it)" >&2; exit 1; }

# A private X server of its own unless one is given.
[[ -n ${DISPLAY:-} ]] || exec "$here/scripts/with-xvfb.sh" "$0" "$build" "$runs"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The cache a screen would have after one sync of the bundled content.
cp -r "$here/playlists" "$work/feed"
"$keiji" feed build "$work/feed" > /dev/null
"$keiji" cache sync --feed "$work/feed" --cache "$work/cache" > /dev/null
at=2025-11-20T10:00:00+09:00  # A day when every bundled item is eligible.

measure() {  # NAME ARGS...: prints "NAME first_ms full_ms" per run
    local name=$1
    shift
    for run in $(seq "$runs"); do
        local report="$work/probe-$name-$run.txt"
        "$probe" --report "$report" --timeout 60 -- "$keiji" play --fullscreen --at "$at" \
            --state-dir "$work/state" "$@" > "$report.log" 2>&1 &
        local probe_pid=$!
        for _ in $(seq 600); do
            grep -q '^full_frame_ms' "$report" 2>/dev/null && break
            sleep 0.1
        done
        kill -TERM "$probe_pid" 2>/dev/null || true
        wait "$probe_pid" 2>/dev/null || true
        echo "$name $(awk '/^first_frame_ms/{print $2}' "$report") $(awk '/^full_frame_ms/{print $2}' "$report")"
        sleep 1
    done
}

{
    measure from-cache --feed "http://127.0.0.1:1/feed.json" --cache "$work/cache"
    measure bundled --content "$work/feed"
} > "$work/figures.txt"

python3 - "$work/figures.txt" "$runs" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, first, full = line.split()
    rows.setdefault(name, []).append((float(first), float(full)))
print(f"start to first frame, 1920x1080 under Xvfb, {sys.argv[2]} runs (median, min–max)")
print("| start | first frame with content (ms) | complete first slide (ms) |")
print("| --- | --- | --- |")
labels = {"from-cache": "offline, from the cache (feed unreachable)", "bundled": "bundled playlists"}
for name, values in rows.items():
    first = [v[0] for v in values]
    full = [v[1] for v in values]
    print(f"| {labels[name]} | {statistics.median(first):.0f} ({min(first):.0f}–{max(first):.0f})"
          f" | {statistics.median(full):.0f} ({min(full):.0f}–{max(full):.0f}) |")
PY
