#!/usr/bin/env bash
# The disaster office's question, as figures: how long from publishing an alert until every
# screen has confirmed it? PLAYERS headless players (--realtime, 320×180) on one mosquitto on
# loopback; for each of ROUNDS alerts, the time from `mosquitto_pub` to the arrival of each
# screen's receipt at the office's subscriber (mosquitto_sub's nanosecond clock): p50, p99, max.
# Then the same with 5 % of the players restarting all the time (SIGTERM, start again: a
# restarted screen confirms from the retained alert). Last, the PSS of the whole simulation
# (players and broker) per player.
#
# All players share this machine's cores: the figures include 100 takeovers being drawn at once
# on 2 cores, which a real fleet (one computer a screen) never has to.
#
#   tests/bench/fleet_bench.sh KEIJI SOURCE_DIR WORK_DIR [PLAYERS] [ROUNDS]
# Prints figures; not part of make test (make bench runs it with a release build).
set -u
keiji=$(realpath "$1") source_dir=$(realpath "$2") work=$3 players=${4:-100} rounds=${5:-5}
rm -rf "$work" && mkdir -p "$work"
cd "$work" || exit 1
test_name=fleet-bench fail_logs=(broker.log player-001.log)
# shellcheck source=../alert/broker_test_lib.sh
source "$source_dir/tests/alert/broker_test_lib.sh"
start_open_broker "max_connections -1"
"$keiji" alert keygen --key-id bousai --out-dir keys > /dev/null || fail "keygen"

screen() { printf 'b%03d' "$1"; }
declare -A player_pid
start_player() {  # start_player N
    local id
    id=$(screen "$1")
    "$keiji" play --config "$id.json" --content "$source_dir/playlists" --headless --realtime \
        --seconds 3600 --window 320x180 --discard-frames --state-dir "state-$id" \
        2>> "player-$(printf %03d "$1").log" &
    player_pid[$id]=$!
    pids+=($!)
}
for i in $(seq "$players"); do
    id=$(screen "$i")
    cat > "$id.json" <<JSON
{"screen": {"id": "$id", "tags": ["bench"]},
 "alerts": {"public_keys": $(jq '.keys' keys/bousai.public.json),
            "mqtt": {"url": "$url", "topic": "keiji/alert"}}}
JSON
    start_player "$i"
done
online() { "$keiji" fleet status --mqtt "$url" --json --listen 2 | jq '[.screens[] | select(.online)] | length'; }
for _ in $(seq 90); do [[ $(online) -ge $players ]] && break; sleep 2; done
echo "fleet bench: $players players online ($(online) say so)"

# The office's subscriber: every receipt, stamped on arrival.
mosquitto_sub -h 127.0.0.1 -p "$port" -t 'keiji/screens/+/receipt' -F '%U %p' > receipts.txt &
pids+=($!)
sleep 1

# publish_round NAME ROUND: publishes alert NAME-ROUND, waits for every receipt (60 s at most),
# appends the latencies in ms to NAME.latencies.
publish_round() {
    local identifier="$1-$2"
    # Sent now: of two alerts of one level the newer is on screen (and confirmed).
    cat > "$identifier.json" <<JSON
{"identifier": "$identifier", "sender": "bousai@city.minato.tokyo.jp", "sent": "$(date -u +%FT%TZ)",
 "status": "Exercise", "msgType": "Alert", "expires": "2099-01-01T00:00:00+09:00", "sequence": 1,
 "level": 4, "info": [{"language": "ja", "headline": "【訓練】ベンチ $2", "instruction": "避難してください"},
 {"language": "en", "headline": "[Exercise] bench $2", "instruction": "Evacuate"}]}
JSON
    "$keiji" alert sign --key keys/bousai.secret.json "$identifier.json" --out "$identifier.envelope" ||
        fail "sign"
    local sent
    sent=$(date +%s.%N)
    mosquitto_pub -h 127.0.0.1 -p "$port" -t keiji/alert -q 1 -r -f "$identifier.envelope" || fail "publish"
    for _ in $(seq 600); do
        [[ $(grep -c "\"identifier\":\"$identifier\"" receipts.txt) -ge $players ]] && break
        sleep 0.1
    done
    python3 - "$identifier" "$sent" "$players" >> "$1.latencies" <<'PY'
import json, sys
identifier, sent, players = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
first = {}
for line in open("receipts.txt", encoding="utf-8"):
    stamp, _, payload = line.partition(" ")
    try:
        receipt = json.loads(payload)
    except ValueError:
        continue
    if receipt.get("identifier") == identifier and receipt["screen"] not in first:
        first[receipt["screen"]] = (float(stamp) - sent) * 1000
for screen, ms in sorted(first.items()):
    print(f"{ms:.1f}")
if len(first) < players:
    print(f"missing {players - len(first)}", file=sys.stderr)
PY
}
summary() {  # summary NAME: the figures of NAME.latencies
    python3 - "$1.latencies" "$players" "$rounds" <<'PY'
import sys
values = sorted(float(v) for v in open(sys.argv[1]))
expected = int(sys.argv[2]) * int(sys.argv[3])
def at(q):
    return values[min(len(values) - 1, int(q * len(values)))]
print(f"receipts {len(values)} of {expected}; publish -> receipt: p50 {at(0.50):.0f} ms, "
      f"p99 {at(0.99):.0f} ms, max {values[-1]:.0f} ms")
PY
}

for round in $(seq "$rounds"); do
    publish_round steady "$round"
    sleep 2
done
echo "steady fleet ($players players, $rounds alerts): $(summary steady)"
pss=$(python3 - "$broker" "${player_pid[@]}" <<'PY'
import sys
total = 0
for pid in sys.argv[1:]:
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                total += int(line.split()[1])
    except OSError:
        pass
print(total)
PY
)
echo "PSS of the simulation (broker and $players players): $(( pss / 1024 )) MB, $(( pss / players / 1024 )) MB a player"

# 5 % of the players restart all the time while alerts go out.
restarting=$(( (players + 19) / 20 ))
(
    # Its own restarted players are its children: it stops them when it is stopped.
    trap 'for pid in "${player_pid[@]}"; do kill "$pid" 2> /dev/null; done; exit 0' TERM
    while true; do
        for i in $(seq "$restarting"); do
            id=$(screen "$i")
            kill -TERM "${player_pid[$id]}" 2> /dev/null
            while kill -0 "${player_pid[$id]}" 2> /dev/null; do sleep 0.05; done
            start_player "$i"
            sleep 0.5
        done
    done
) &
restarter=$!
pids+=($restarter)
sleep 3
for round in $(seq "$rounds"); do
    publish_round restarting "$round"
    sleep 2
done
kill "$restarter" 2> /dev/null
wait "$restarter" 2> /dev/null
echo "with $restarting of $players restarting all the time: $(summary restarting)"

