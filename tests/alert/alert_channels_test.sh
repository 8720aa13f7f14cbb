#!/usr/bin/env bash
# Alerts end to end through the real binary: a real mosquitto broker on 127.0.0.1 (started here
# with its own config file, stopped on every exit), the drop-in folder and an HTTP poll.
# Usage: alert_channels_test.sh CASE KEIJI SOURCE_DIR WORK_DIR
set -u
case_name=$1 keiji=$2 source_dir=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
cd "$work" || exit 1
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; }
trap cleanup EXIT

fail() { echo "FAIL ($case_name): $*"; for f in player*.log broker.log; do [[ -f $f ]] && { echo "--- $f"; cat "$f"; }; done; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_broker() {
    port=$(free_port)
    printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$port" > mosquitto.conf
    /usr/sbin/mosquitto -c mosquitto.conf > broker.log 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return; sleep 0.1; done
    fail "mosquitto did not start"
}

# payload ID SEQUENCE [TYPE] [LEVEL] [EXPIRES] [STATUS] > file
payload() {
    cat <<JSON
{"identifier": "$1", "sender": "bousai@city.minato.tokyo.jp", "sent": "2026-01-01T09:00:00+09:00",
 "status": "${6:-Actual}", "msgType": "${3:-Alert}", "expires": "${5:-2099-01-01T00:00:00+09:00}",
 "sequence": $2, "level": ${4:-4},
 "info": [{"language": "ja", "headline": "避難指示 $1", "instruction": "避難してください"},
          {"language": "en", "headline": "Evacuate $1", "instruction": "Evacuate now"}]}
JSON
}
sign() { "$keiji" alert sign --key keys/trusted.secret.json "$1" --out "$2" || fail "cannot sign $1"; }

"$keiji" alert keygen --key-id trusted --out-dir keys > /dev/null || fail "keygen"
# Same key_id, other key: what a forger who knows the name would make.
"$keiji" alert keygen --key-id trusted --out-dir forged > /dev/null || fail "keygen"
"$keiji" alert keygen --key-id stranger --out-dir keys > /dev/null || fail "keygen"

player_number=0
# start_player EXTRA-OPTIONS...: a headless player on the real clock; log in player-N.log.
start_player() {
    player_number=$((player_number + 1))
    log="player-$player_number.log"
    "$keiji" play --content "$source_dir/playlists" --headless --realtime --seconds 60 \
        --window 320x180 --out "frames-$player_number" --state-dir state \
        --alert-keys keys/trusted.public.json --alert-rotation 60 "$@" 2> "$log" &
    player_pid=$!
    pids+=($player_pid)
}
stop_player() { kill -TERM "$player_pid" 2>/dev/null; wait "$player_pid" 2>/dev/null; }
# wait_for TEXT [SECONDS]: until the current player's log has TEXT.
wait_for() {
    for _ in $(seq $((${2:-10} * 20))); do grep -qF -- "$1" "$log" && return 0; sleep 0.05; done
    fail "expected \"$1\" in $log"
}
publish() { "$keiji" alert publish "$1" --mqtt "mqtt://127.0.0.1:$port" --topic keiji/test > /dev/null || fail "publish $1"; }

case "$case_name" in
mqtt-accept-and-reject)
    start_broker
    start_player --mqtt "mqtt://127.0.0.1:$port" --mqtt-topic keiji/test
    wait_for "subscribed to \"keiji/test\""
    payload a 2 > a2.json; sign a2.json a2.env
    publish a2.env
    wait_for "accepted new alert a#2"; grep "accepted new alert a#2" "$log" | grep -qF "(via mqtt)" || fail "not via mqtt"
    wait_for "on screen: a [ja]"
    ls "frames-$player_number" | grep -q "alert-a-ja.png" || fail "no alert frame written"
    # Unsigned: a payload without an envelope, and an envelope without a signature.
    publish_raw() { mosquitto_pub -h 127.0.0.1 -p "$port" -t keiji/test -r -f "$1" || fail "mosquitto_pub"; }
    publish_raw a2.json
    wait_for "rejected (malformed envelope)"
    python3 -c 'import json,sys; e=json.load(open("a2.env")); del e["signature"]; print(json.dumps(e))' > unsigned.env
    publish_raw unsigned.env
    wait_for 'rejected (malformed envelope): the field "signature" is missing'
    payload a 3 Update 5 > a3.json
    "$keiji" alert sign --key forged/trusted.secret.json a3.json --out forged.env
    publish forged.env
    wait_for "rejected (bad signature)"
    "$keiji" alert sign --key keys/stranger.secret.json a3.json --out stranger.env
    publish stranger.env
    wait_for 'rejected (unknown key): key_id "stranger" is not configured'
    sign a3.json a3.env
    python3 -c 'import json; e=json.load(open("a3.env")); e["payload"]=e["payload"].replace("\"level\": 5","\"level\": 1"); print(json.dumps(e))' > tampered.env
    publish tampered.env
    wait_for "rejected (bad signature)" ; [[ $(grep -c "rejected (bad signature)" "$log") -ge 2 ]] || fail "tampered accepted"
    payload b 1 Alert 4 2026-01-02T00:00:00+09:00 > expired.json; sign expired.json expired.env
    publish expired.env
    wait_for "rejected (expired) b#1"
    publish a2.env
    wait_for "rejected (replayed) a#2"
    payload a 1 Alert 3 > a1.json; sign a1.json a1.env
    publish a1.env
    wait_for "rejected (older sequence) a#1"
    grep -q "on screen: a \[ja\]" "$log" || fail "the alert left the screen"
    ;;
mqtt-update-cancel-restart)
    start_broker
    start_player --mqtt "mqtt://127.0.0.1:$port" --mqtt-topic keiji/test
    wait_for "subscribed"
    payload a 1 Alert 3 > a1.json; sign a1.json a1.env; publish a1.env
    wait_for "accepted new alert a#1"
    payload a 2 Update 5 > a2.json; sign a2.json a2.env; publish a2.env
    wait_for "accepted update a#2"
    [[ $(grep -c "on screen: a \[ja\]" "$log") -ge 2 ]] || fail "the update was not shown"
    stop_player
    grep -q '"a": 2' state/alerts.json || fail "the state was not saved"
    # A restart (the broker's retained message is cleared so only the saved state can bring it back).
    mosquitto_pub -h 127.0.0.1 -p "$port" -t keiji/test -r -n
    start_player
    wait_for "a#2: level 5"; grep "a#2: level 5" "$log" | grep -qF "(via saved state)" || fail "not restored from the saved state"
    wait_for "on screen: a [ja]"
    first=$(ls "frames-$player_number" | head -1)
    [[ $first == *alert* ]] || fail "the first frame after a restart is $first, not the alert"
    stop_player
    start_player --mqtt "mqtt://127.0.0.1:$port" --mqtt-topic keiji/test
    wait_for "subscribed"
    payload a 3 Cancel > a3.json; sign a3.json a3.env; publish a3.env
    wait_for "accepted cancel a#3: 1 alert(s) ended"
    wait_for "no alert in force: content resumes"
    ;;
mqtt-retained-reaches-late-player)
    start_broker
    payload late 1 Alert 5 > late.json; sign late.json late.env; publish late.env
    start_player --mqtt "mqtt://127.0.0.1:$port" --mqtt-topic keiji/test
    wait_for "accepted new alert late#1"
    wait_for "on screen: late [ja]"
    ;;
dropin-file)
    start_player
    wait_for "trusted key(s)"
    payload d 1 Alert 4 2099-01-01T00:00:00+09:00 Exercise > d.json; sign d.json state/incoming/.d.tmp
    mv state/incoming/.d.tmp state/incoming/d.json
    wait_for "accepted new alert d#1"
    wait_for "on screen: d [ja]"
    [[ -e state/incoming/d.json ]] && fail "the drop-in file was not consumed"
    ;;
http-poll)
    port=$(free_port)
    mkdir -p www
    python3 -m http.server "$port" --bind 127.0.0.1 --directory www > http.log 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
    start_player --alert-url "http://127.0.0.1:$port/alert.json" --alert-poll 0.2
    wait_for "trusted key(s)"
    payload h 1 > h.json; sign h.json h.env
    "$keiji" alert publish h.env --dir www > /dev/null || fail "publish --dir"
    wait_for "accepted new alert h#1"; grep "accepted new alert h#1" "$log" | grep -qF "(via http)" || fail "not via http"
    wait_for "on screen: h [ja]"
    sleep 1
    # Unchanged: If-Modified-Since gives 304, so nothing is received twice.
    grep -q "rejected (replayed) h#1" "$log" && fail "an unchanged alert was fetched again"
    ;;
cli-workflow)
    log=cli.log
    "$keiji" alert --help > "$log" 2>&1 || fail "alert --help"
    for step in "keiji alert keygen" "keiji alert sign" "keiji alert verify" "keiji alert publish" \
                "keiji alert import-cap" "higher sequence"; do
        grep -qF "$step" "$log" || fail "the workflow in --help lacks \"$step\""
    done
    "$keiji" alert publish --help > "$log" 2>&1 || fail "alert publish --help"
    grep -qF -- "--mqtt" "$log" || fail "publish --help lacks --mqtt"
    [[ $(stat -c %a keys/trusted.secret.json) == 600 ]] || fail "the secret key is readable by others"
    sign "$source_dir/tests/alert/data/alert-level4.json" good.env
    "$keiji" alert verify --keys keys/trusted.public.json good.env > "$log" 2>&1 || { cat "$log"; fail "verify"; }
    grep -qF "accepted new alert minato-2026-0901-001#1" "$log" || fail "verify did not accept"
    "$keiji" alert verify --keys keys/stranger.public.json good.env > "$log" 2>&1 && fail "verify with the wrong keys passed"
    grep -qF "rejected (unknown key)" "$log" || fail "verify did not say why"
    payload x 1 Alert 7 > broken.json
    "$keiji" alert sign --key keys/trusted.secret.json broken.json > "$log" 2>&1 && fail "a broken payload was signed"
    grep -qF "broken.json:3:26: error: /level" "$log" || fail "no line and column for the broken level"
    "$keiji" alert publish broken.json --dir www > "$log" 2>&1 && fail "an unsigned payload was published"
    grep -qF "keiji alert sign" "$log" || fail "publish did not point to sign"
    "$keiji" alert import-cap "$source_dir/tests/alert/data/cap-level4.xml" --out cap.json || fail "import-cap"
    sign cap.json cap.env
    "$keiji" alert verify --keys keys/trusted.public.json cap.env > "$log" 2>&1 || { cat "$log"; fail "verify of the converted CAP (expired?)"; }
    ;;
window-mqtt)
    # A real window (run under scripts/with-xvfb.sh): the MQTT thread must wake the SDL event
    # wait at once. Slides last 10 s or more, so an alert shown within 3 s was not waiting for
    # the next slide change.
    start_broker
    log=player-window.log
    ASAN_OPTIONS=detect_leaks=0 "$keiji" play --content "$source_dir/playlists" --window 640x360 \
        --state-dir state --alert-keys keys/trusted.public.json \
        --mqtt "mqtt://127.0.0.1:$port" --mqtt-topic keiji/test 2> "$log" &
    player_pid=$!
    pids+=($player_pid)
    wait_for "subscribed"
    sleep 1
    payload w 1 Alert 5 > w.json; sign w.json w.env
    started=$(date +%s%N)
    publish w.env
    wait_for "on screen: w [ja]" 3
    echo "window: publish → alert frame in $(( ($(date +%s%N) - started) / 1000000 )) ms (with the publisher's connect)"
    payload w 2 Cancel > w2.json; sign w2.json w2.env; publish w2.env
    wait_for "no alert in force: content resumes" 3
    kill -TERM "$player_pid"; wait "$player_pid" || fail "the window player did not exit cleanly"
    ;;
*) fail "unknown case" ;;
esac
echo "ok ($case_name)"
