#!/usr/bin/env bash
# Prints the CPU time keiji uses while it shows content in a window under Xvfb (1920x1080):
#   1. a still slide (one item, nothing changes but the clock minute)
#   2. the bundled playlists (slide changes with 1 s crossfades)
# Usage: tests/bench/idle_cpu.sh [KEIJI_BINARY] [SECONDS]   (run it through scripts/with-xvfb.sh)
set -euo pipefail
keiji=${1:-build/release/player/keiji}
seconds=${2:-30}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/still.json" <<'JSON'
{"items": [{"type": "notice", "id": "still", "duration": 3600, "title": "港区と全国をつなぐコーナー",
  "body": "区役所1階の区民ラウンジでは、全国各自治体の魅力的なパンフレット等を常時数十種類配架しています。"}]}
JSON

ticks=$(getconf CLK_TCK)
measure() {  # NAME CONTENT
    "$keiji" play --content "$2" --window 1920x1080 2>/dev/null &
    local pid=$!
    sleep 3  # Start-up and first frame are not what is measured.
    local before after
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    sleep "$seconds"
    after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    kill -TERM "$pid"; wait "$pid" || true
    awk -v name="$1" -v used="$((after - before))" -v ticks="$ticks" -v s="$seconds" \
        'BEGIN { printf "%-28s %6.2f CPU s over %d s = %5.2f %% of one core\n", name, used / ticks, s, 100 * used / ticks / s }'
}
echo "keiji play, 1920x1080 window under Xvfb, renderer chosen by SDL, ${seconds} s each:"
measure "still slide" "$work/still.json"
measure "bundled playlists" "$here/playlists"
