#!/usr/bin/env bash
# A flood on the alert topic: 50,000 forged, garbage, deeply nested, stranger-signed, tampered
# and oversized messages from a client with write access to it (the worst case: a leaked office
# credential, or a broker without its ACL), while the office publishes one real alert. The real
# one is on screen (the time is printed: every message ahead of it is read first, so it depends
# on the build; the test fails past 30 s, for the unoptimised sanitizer build on a loaded CI
# machine), forgeries are refused on the network thread, the player keeps drawing (it answers a snapshot request after the flood), its memory
# and its log stay bounded.
# Usage: flood_test.sh KEIJI SOURCE_DIR WORK_DIR [MESSAGES]
set -u
keiji=$(realpath "$1") source_dir=$(realpath "$2") work=$3 count=${4:-50000}
rm -rf "$work" && mkdir -p "$work"
cd "$work" || exit 1
test_name=flood fail_logs=(broker.log player.log)
# shellcheck source=broker_test_lib.sh
source "$source_dir/tests/alert/broker_test_lib.sh"
start_open_broker "max_packet_size 262144" "max_queued_messages 100000"

"$keiji" alert keygen --key-id bousai --out-dir keys > /dev/null || fail "keygen"
"$keiji" alert keygen --key-id stranger --out-dir stranger > /dev/null || fail "keygen"
alert() {  # alert IDENTIFIER HEADLINE
    cat <<JSON
{"identifier": "$1", "sender": "bousai@city.minato.tokyo.jp", "sent": "2026-09-01T09:00:00+09:00",
 "status": "Exercise", "msgType": "Alert", "expires": "2099-01-01T00:00:00+09:00", "sequence": 1,
 "level": 4, "info": [{"language": "ja", "headline": "$2", "instruction": "避難してください"}]}
JSON
}
alert minato-flood-real "【訓練】本物の警報" > real.json
alert minato-flood-fake "偽の警報" > fake.json
"$keiji" alert sign --key keys/bousai.secret.json real.json --out real.envelope.json || fail "sign"
"$keiji" alert sign --key stranger/stranger.secret.json fake.json --out stranger.envelope.json ||
    fail "sign"

cat > s01.json <<JSON
{"screen": {"id": "s01"},
 "alerts": {"public_keys": $(jq '.keys' keys/bousai.public.json),
            "mqtt": {"url": "$url", "topic": "keiji/alert"}}}
JSON
# A sanitizer build keeps 256 MB of freed memory in quarantine by default: not the player's own.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16 \
    "$keiji" play --config s01.json --content "$source_dir/playlists" --headless --realtime \
    --seconds 300 --window 320x180 --discard-frames --state-dir state 2> player.log &
player=$!
pids+=($player)
for _ in $(seq 100); do grep -q "connected to the MQTT broker" player.log && break; sleep 0.1; done
grep -q "connected to the MQTT broker" player.log || fail "the player never connected"
sleep 1
memory() { awk '/VmHWM/ {print $2}' "/proc/$player/status"; }
before=$(memory)

# The flood, one message a line (about 40 MB): what an attacker with write access sends.
python3 - "$count" stranger.envelope.json real.envelope.json > flood.txt <<'PY'
import base64, json, random, sys
count, stranger, real = int(sys.argv[1]), open(sys.argv[2]).read().strip(), open(sys.argv[3]).read().strip()
real_envelope = json.loads(real)
tampered = dict(real_envelope, payload=real_envelope["payload"].replace("本物", "偽物"))
random.seed(2026)
forged_payload = json.dumps(json.loads(real_envelope["payload"]) | {"identifier": "minato-flood-forged"})
for n in range(count):
    kind = n % 10
    if kind < 3:    # garbage
        line = "".join(random.choice("{}[]\",:abc0123 あい") for _ in range(random.randint(1, 1000)))
    elif kind < 5:  # a well-formed envelope with a made-up signature
        line = json.dumps({"key_id": "bousai", "payload": forged_payload,
                           "signature": base64.b64encode(random.randbytes(64)).decode()})
    elif kind == 5:  # signed, but by a key no screen trusts
        line = stranger
    elif kind == 6:  # the real alert's envelope with its payload changed
        line = json.dumps(tampered)
    elif kind == 7:  # nested 2,000 deep
        line = "[" * 2000 + "]" * 2000
    elif kind == 8:  # an envelope with fields nobody asked for
        line = json.dumps({"key_id": "bousai", "payload": "{}", "signature": "x" * 88, "extra": 1})
    else:           # large: 100 KB of one string (under the broker's limit, over any real alert)
        line = json.dumps({"key_id": "bousai", "payload": "x" * (100_000 if n % 1000 == 9 else 1000),
                           "signature": ""})
    print(line)
PY
head -c 300000 /dev/zero | tr '\0' 'x' > oversized.txt  # Over the broker's max_packet_size.
lines=$(wc -l < flood.txt)
echo "flood: $lines messages, $(du -m flood.txt | cut -f1) MB"
start_flood=$(date +%s.%N)
mosquitto_pub -h 127.0.0.1 -p "$port" -t keiji/alert -q 0 -l < flood.txt 2> flood.err &
flooder=$!
pids+=($flooder)
for _ in 1 2 3; do mosquitto_pub -h 127.0.0.1 -p "$port" -t keiji/alert -f oversized.txt 2> /dev/null; done
sleep 0.3

# The real alert, in the middle of it.
published=$(date +%s.%N)
mosquitto_pub -h 127.0.0.1 -p "$port" -t keiji/alert -q 1 -r -f real.envelope.json || fail "publish"
shown=""
for _ in $(seq 6000); do
    if grep -qF "on screen: minato-flood-real" player.log; then
        shown=$(date +%s.%N)
        break
    fi
    sleep 0.01
done
[[ -n "$shown" ]] || fail "the real alert was not on screen within 60 s of the flood"
latency=$(python3 -c "print(f'{($shown - $published) * 1000:.0f}')")
wait "$flooder" || fail "the flood client failed: $(cat flood.err)"
flood_seconds=$(python3 -c "print(f'{$(date +%s.%N) - $start_flood:.1f}')")
echo "the real alert was on screen ${latency} ms after it was published, during the flood (polled every 10 ms)"
echo "the flood took ${flood_seconds} s to send"
(( latency < 30000 )) || fail "the real alert took ${latency} ms behind the flood"

# Still drawing: the main loop answers a snapshot request, and shows the real alert.
sleep 2
kill -0 "$player" 2> /dev/null || fail "the player died in the flood"
"$keiji" fleet snapshot s01 --mqtt "$url" --wait 10 --out after.jpg > snapshot.out 2>&1 ||
    fail "the player did not answer after the flood: $(cat snapshot.out)"
after=$(memory)
echo "peak memory (VmHWM): ${before} kB before, ${after} kB after the flood"
(( after - before < 262144 )) || fail "the flood grew the player's peak memory by $(( (after - before) / 1024 )) MB"
grep -qF "minato-flood-forged" player.log && fail "a forged alert was accepted"
grep -q "accepted new alert minato-flood-fake" player.log && fail "the stranger's alert was accepted"
log_lines=$(wc -l < player.log)
echo "player log: ${log_lines} lines for ${lines} refused messages"
(( log_lines < 500 )) || fail "the log grew by ${log_lines} lines"
grep -q "alert-refused" player.log || fail "no refusal was logged at all"
echo "flood: passed"
