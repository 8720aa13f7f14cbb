#!/usr/bin/env bash
# Soak: a simulated week of schedules, feed syncs and alerts on the virtual clock, watched from
# outside. Prints figures; exits non-zero only when the player crashes or hangs, reports a black
# or frozen frame (self-check:), or presents far fewer slides than the week's schedule implies.
# Never judges a time or a memory figure.
#
# Usage: soak_week.sh KEIJI [WORK_DIR]          (WORK_DIR default out/soak, emptied first)
# Environment:
#   SOAK_DAYS (7) simulated days, or SOAK_SECONDS simulated seconds (wins over SOAK_DAYS)
#   SOAK_AT (2025-11-24T08:00:00+09:00) where the virtual clock starts: a Monday, so the week
#           has the November marché announced, then its two days on the weekend
#   SOAK_WINDOW (640x360) frame size; SOAK_TRANSITION (cut: a crossfade composes some 60 frames
#           a slide, which makes a simulated week take hours instead of minutes)
#   SOAK_FEED_EVERY (6) real seconds between feed versions published into the feed folder
#   SOAK_ALERT_EVERY (20) real seconds between alert drills (an alert, then its Cancel 1 s later)
#   SOAK_STALL_SECONDS (60) real seconds without simulated progress that count as a hang
#   SOAK_TIMEOUT (3600) real seconds before the run is stopped as a failure
# The player polls the feed every 10 real seconds (the minimum), so a short run sees few swaps.
set -euo pipefail

keiji=$(realpath "$1")
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=${2:-$source_dir/out/soak}
days=${SOAK_DAYS:-7}
sim_seconds=${SOAK_SECONDS:-$(python3 -c "print(int(float('$days') * 86400))")}
at=${SOAK_AT:-2025-11-24T08:00:00+09:00}
window=${SOAK_WINDOW:-640x360}
transition=${SOAK_TRANSITION:-cut}
feed_every=${SOAK_FEED_EVERY:-6}
alert_every=${SOAK_ALERT_EVERY:-20}
stall_limit=${SOAK_STALL_SECONDS:-60}
timeout=${SOAK_TIMEOUT:-3600}

rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
log=$work/player.log
samples=$work/samples.tsv

pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT
fail() {
    echo "soak: FAIL: $*" >&2
    [[ -f $log ]] && { echo "--- last lines of $log" >&2; tail -n 20 "$log" >&2; }
    exit 1
}

# The feed: the bundled playlists and images, plus soak.json, whose rules make the eligible set
# change many times a day (weekdays, office hours, evenings, a night window across midnight) and
# whose text and items change with every version published.
feed=$work/feed
mkdir -p "$feed"
cp -r "$source_dir"/playlists/*.json "$source_dir"/playlists/images "$feed"/
soak_playlist() {  # VERSION
    local extra=""
    if (($1 % 2 == 1)); then
        extra=',
    {"type": "notice", "id": "soak-odd-version", "duration": 7, "title": "奇数版のお知らせ '"$1"'"}'
    fi
    cat <<JSON
{"id": "soak", "title": {"ja": "ソーク試験", "en": "Soak"},
 "items": [
    {"type": "notice", "id": "soak-version", "duration": 9,
     "title": {"ja": "フィード第$1版", "en": "Feed version $1"}, "body": "版ごとに変わる文"},
    {"type": "notice", "id": "soak-office-hours", "duration": 11, "title": "窓口は開いています",
     "schedule": {"weekdays": ["mon", "tue", "wed", "thu", "fri"],
                  "times": [{"from": "08:30", "until": "17:15"}]}},
    {"type": "notice", "id": "soak-weekend", "duration": 8, "title": "本日は休庁日です",
     "schedule": {"weekdays": ["sat", "sun"]}},
    {"type": "notice", "id": "soak-evening", "duration": 12, "title": "夜間窓口のご案内",
     "schedule": {"times": [{"from": "17:00", "until": "22:00"}]}},
    {"type": "promo", "id": "soak-night", "duration": 10, "prefecture": "東京都",
     "municipality": "港区", "title": "夜のみなと", "image": "images/marche.png",
     "schedule": {"times": [{"from": "22:00", "until": "06:00"}]}},
    {"type": "notice", "id": "soak-lunch", "duration": 6, "priority": 5, "title": "昼休み",
     "schedule": {"weekdays": ["mon", "tue", "wed", "thu", "fri"],
                  "times": [{"from": "12:00", "until": "13:00"}]}}$extra
 ]}
JSON
}
publish() {  # VERSION: the playlist renamed into place, then feed.json rewritten atomically
    soak_playlist "$1" >"$feed/.soak.tmp"
    mv "$feed/.soak.tmp" "$feed/soak.json"
    "$keiji" feed build "$feed" >>"$work/publish.log" 2>&1
}
publish 0 || fail "keiji feed build failed: $(cat "$work/publish.log")"

# Alerts through the drop-in folder, signed with a key of our own.
state=$work/state
mkdir -p "$state/incoming"
"$keiji" alert keygen --key-id soak --out-dir "$work/keys" >/dev/null
drill() {  # SEQUENCE TYPE
    cat >"$work/drill.json" <<JSON
{"identifier": "soak-drill", "sender": "bousai@city.minato.tokyo.jp",
 "sent": "2025-11-01T09:00:00+09:00", "status": "Exercise", "msgType": "$2",
 "expires": "2099-01-01T00:00:00+09:00", "sequence": $1, "level": 3,
 "info": [{"language": "ja", "headline": "避難訓練 第$1報", "instruction": "訓練です"},
          {"language": "en", "headline": "Evacuation drill $1", "instruction": "This is a drill"}]}
JSON
    "$keiji" alert sign --key "$work/keys/soak.secret.json" "$work/drill.json" \
        --out "$state/incoming/.drill.tmp" >/dev/null
    mv "$state/incoming/.drill.tmp" "$state/incoming/drill-$1.json"
}

printf '{"feed": {"url": "%s", "poll_seconds": 10}}\n' "$feed" >"$work/keiji.json"
: >"$work/drills.log"

"$keiji" play --headless --discard-frames --seconds "$sim_seconds" --at "$at" \
    --window "$window" --transition "$transition" --config "$work/keiji.json" \
    --feed "$feed" --cache "$work/cache" --content "$source_dir/playlists" --state-dir "$state" \
    --alert-keys "$work/keys/soak.public.json" 2>"$log" &
player=$!
pids+=("$player")

(   # The content office publishes a new version every few seconds.
    version=1
    while sleep "$feed_every"; do
        publish "$version" || echo "publish $version failed" >>"$work/publish.log"
        version=$((version + 1))
    done
) &
pids+=($!)
(   # The disaster office runs a drill: an alert, and its Cancel a little later.
    sequence=1
    while sleep "$alert_every"; do
        drill "$sequence" Alert
        echo "$sequence" >>"$work/drills.log"
        sleep 1
        drill $((sequence + 1)) Cancel
        sequence=$((sequence + 2))
    done
) &
pids+=($!)

# Every real second: real seconds, simulated seconds (status.json, written each simulated
# minute), frames presented, PSS and RSS in kB, open files (fonts stay open: a count that keeps
# rising is a leak of fonts or files).
started=$EPOCHREALTIME
elapsed() { awk -v now="$EPOCHREALTIME" -v then="$started" 'BEGIN { printf "%.1f", now - then }'; }
last_progress=-1 stalled_since=$SECONDS
printf 'real_s\tsim_s\tframes\tpss_kb\trss_kb\tfiles\n' >"$samples"
while kill -0 "$player" 2>/dev/null; do
    rollup=$(cat "/proc/$player/smaps_rollup" 2>/dev/null || true)
    pss=$(awk '/^Pss:/ {print $2; exit}' <<<"$rollup")
    rss=$(awk '/^Rss:/ {print $2; exit}' <<<"$rollup")
    files=$(find "/proc/$player/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    status_json=$(cat "$state/status.json" 2>/dev/null || true)
    sim=$(sed -n 's/.*"uptime_seconds": *\([0-9]*\).*/\1/p' <<<"$status_json")
    frames=$(sed -n 's/.*"frames_presented": *\([0-9]*\).*/\1/p' <<<"$status_json")
    sim=${sim:--1} frames=${frames:--1}
    if [[ -n $pss ]]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(elapsed)" "$sim" "$frames" "$pss" "$rss" "$files" \
            >>"$samples"
    fi
    if [[ $sim != "$last_progress" ]]; then
        last_progress=$sim stalled_since=$SECONDS
    elif ((SECONDS - stalled_since > stall_limit)); then
        fail "no simulated progress for $stall_limit s (stuck at $sim simulated seconds): a hang"
    fi
    ((SECONDS < timeout)) || fail "still running after $timeout s (SOAK_TIMEOUT)"
    sleep 1
done
status=0
wait "$player" || status=$?
real_seconds=$(elapsed)

# The figures, then the verdict.
(($(grep -c . "$samples") > 1)) || fail "no memory sample taken (did the player start?)"
count() { grep -cF -- "$1" "$log" || true; }
presented=$(sed -n 's/.*presented \([0-9]*\) slides and \([0-9]*\) alert frames.*/\1 \2/p' "$log" |
    tail -n 1)
read -r slides alert_frames <<<"${presented:-0 0}"
swaps=$(count "is current:")
sync_failures=$(grep -c '^keiji: sync: warning' "$log" || true)
drills=$(grep -c . "$work/drills.log" || true)
# The alert channel logs every language change, so the log's rate limit drops lines there; the
# proof of play records each takeover once, with the simulated time it took from the content.
read -r takeovers alert_seconds days_played < <(python3 - "$state/proof-of-play" <<'PY'
import json, pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl"))
takeovers, seconds = 0, 0.0
for path in files:
    for line in path.read_text().splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("mode") == "alert":
            takeovers += 1
            seconds += record.get("seconds", 0)
print(takeovers, round(seconds), len(files))
PY
)
self_check=$(grep -F "self-check:" "$log" | grep -vF "KEIJI_TEST_FAULT" || true)
# The slots the schedule plans for the same simulated time: keiji schedule reads one playlist,
# so the feed's items (none of its playlists has opening hours) are put into one.
end_at=$(python3 -c "import datetime as d; print((d.datetime.fromisoformat('$at') + d.timedelta(seconds=$sim_seconds)).isoformat())")
python3 - "$feed" "$work/plan.json" <<'PY'
import json, pathlib, sys
items = []
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    if path.name != "feed.json":
        items += json.loads(path.read_text())["items"]
pathlib.Path(sys.argv[2]).write_text(json.dumps({"id": "plan", "items": items}, ensure_ascii=False))
PY
ln -sfn "$feed/images" "$work/images"
"$keiji" schedule "$work/plan.json" --from "$at" --to "$end_at" --summary-only >"$work/plan.txt" ||
    fail "keiji schedule failed"
expected=$(awk '/^# [a-z]/ && $2 != "item" { n += $6 } END { print n + 0 }' "$work/plan.txt")

python3 - "$samples" <<'PY'
import sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines()[1:]]
rows = [(float(r), float(s), int(f), int(p) / 1024, int(m) / 1024, int(n)) for r, s, f, p, m, n in rows]
pss = [row[3] for row in rows]
# The start figure once the first simulated hour has played (fonts, images and the feed loaded).
settled = next((row[3] for row in rows if row[1] >= 3600), pss[-1])
interval = rows[-1][0] / max(len(rows) - 1, 1)
def slope(points):
    n = len(points)
    if n < 3:
        return float("nan")
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else float("nan")
half = rows[len(rows) // 2:]
per_day = slope([(s / 86400, p) for _, s, _, p, _, _ in half if s >= 0])
per_minute = slope([(r / 60, p) for r, _, _, p, _, _ in half])
files = [row[5] for row in rows]
settled_files = next((row[5] for row in rows if row[1] >= 3600), files[-1])
print(f"soak: PSS after the first simulated hour {settled:.1f} MB, end {pss[-1]:.1f} MB, max {max(pss):.1f} MB "
      f"(RSS max {max(row[4] for row in rows):.1f} MB); second-half slope "
      f"{per_day:+.2f} MB per simulated day, {per_minute:+.3f} MB per real minute "
      f"({len(rows)} samples, {interval:.1f} s apart); open files after the first simulated hour "
      f"{settled_files}, end {files[-1]}, max {max(files)}")
PY
echo "soak: $(python3 -c "print(round($sim_seconds / 86400, 2))") simulated days from $at in $real_seconds s real;" \
    "$slides slides presented (the schedule plans $expected), $alert_frames alert frames;" \
    "$swaps feed swaps ($sync_failures sync warnings); $drills alert drills dropped," \
    "$takeovers takeovers ($((alert_seconds / 3600)) simulated hours); proof of play for" \
    "$days_played days"

((status == 0)) || fail "the player exited with status $status"
[[ -z $self_check ]] || fail "the self-check reported a problem:
$self_check"
# Alert takeovers take simulated time from the content: the bar is half the plan for the rest.
needed=$((expected * (sim_seconds - alert_seconds) / sim_seconds / 2))
((slides >= needed)) ||
    fail "only $slides slides presented where the schedule plans $expected ($needed needed outside alerts): content stopped advancing"
echo "soak: ok"
