#!/usr/bin/env bash
# Screens report to the disaster office through a real mosquitto (TLS, an account per screen, the
# shipped ACL broker/keiji.acl) on 127.0.0.1: N headless players on the real clock publish their
# status; an alert published by the office is confirmed by every one of them; a killed player
# and a stopped one show offline; a screen's credential cannot publish an alert or another
# screen's status; an anonymous client and a client that does not trust the broker get nothing.
# Then the office's desk in keiji studio (publishing to the same broker) sends an alert from the
# browser and its fleet view shows every screen's confirmation; one screen is asked for a look at
# what it shows (keiji fleet snapshot, and the desk), which another screen's account cannot do.
# Usage: fleet_test.sh KEIJI SOURCE_DIR WORK_DIR [PLAYERS]
set -u
keiji=$(realpath "$1") source_dir=$(realpath "$2") work=$3 players=${4:-20}
rm -rf "$work" && mkdir -p "$work"
cd "$work" || exit 1
test_name=fleet fail_logs=(broker.log player-01.log fleet.json)
# shellcheck source=broker_test_lib.sh
source "$source_dir/tests/alert/broker_test_lib.sh"
screen() { printf 's%02d\n' "$1"; }

# The broker: a self-signed certificate for 127.0.0.1, a password per account, the shipped ACL.
openssl req -x509 -newkey rsa:2048 -nodes -keyout broker.key -out broker.crt -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2> openssl.log || fail "openssl"
openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other-ca.crt -days 2 \
    -subj /CN=someone-else 2>> openssl.log || fail "openssl"
mkdir -p passwords
: > keiji.passwd
for account in bousai $(for i in $(seq "$players"); do screen "$i"; done); do
    head -c 18 /dev/urandom | base64 > "passwords/$account"
    mosquitto_passwd -b keiji.passwd "$account" "$(cat "passwords/$account")" || fail "mosquitto_passwd"
done
port=$(free_port)
cat > mosquitto.conf <<CONF
per_listener_settings false
user $(id -un)
allow_anonymous false
password_file $PWD/keiji.passwd
acl_file $source_dir/broker/keiji.acl
persistence false
max_packet_size 262144
listener $port 127.0.0.1
certfile $PWD/broker.crt
keyfile $PWD/broker.key
CONF
/usr/sbin/mosquitto -c mosquitto.conf > broker.log 2>&1 &
pids+=($!)
wait_for_port "$port" || fail "mosquitto did not start: $(cat broker.log)"
url="mqtts://127.0.0.1:$port"
office=(--mqtt "$url" --mqtt-user bousai --mqtt-password-file passwords/bousai --mqtt-ca broker.crt)

"$keiji" alert keygen --key-id bousai --out-dir keys > /dev/null || fail "keygen"

# The studio, its alert desk publishing to the broker as the office; it makes the desk's key.
studio_port=$(free_port)
"$keiji" studio --data studio-data --listen "127.0.0.1:$studio_port" \
    --import "$source_dir/playlists" "${office[@]}" < /dev/null > studio.log 2>&1 &
pids+=($!)
for _ in $(seq 300); do grep -q "open http://" studio.log && break; sleep 0.1; done
admin_password=$(sed -n 's/.*first administrator: name "admin", password "\([^"]*\)".*/\1/p' studio.log)
[[ -n "$admin_password" ]] || fail "the studio did not start: $(cat studio.log)"
trusted=$(jq -s '[.[].keys[]]' keys/bousai.public.json studio-data/keys/keiji-studio-bousai.public.json)

# The players: each its own screen id, account, tags (site and floor) and state directory.
declare -A player_pid
for i in $(seq "$players"); do
    id=$(screen "$i")
    site=$([[ $((i % 2)) == 0 ]] && echo shibaura || echo honcho)
    cat > "$id.json" <<JSON
{"screen": {"id": "$id", "tags": ["$site", "floor-$((i % 3 + 1))"]},
 "alerts": {"public_keys": $trusted,
            "mqtt": {"url": "$url", "topic": "keiji/alert", "password_file": "passwords/$id",
                     "ca_file": "broker.crt"}}}
JSON
    "$keiji" play --config "$id.json" --content "$source_dir/playlists" --headless --realtime \
        --seconds 240 --window 320x180 --discard-frames --state-dir "state-$id" \
        --alert-rotation 60 2> "player-$(printf %02d "$i").log" &
    player_pid[$id]=$!
    pids+=($!)
done

fleet() { "$keiji" fleet status "${office[@]}" --json --listen "${1:-1}" > fleet.json 2> fleet.err; }
# wait_fleet JQ-CONDITION SECONDS: until the office's view satisfies the condition.
wait_fleet() {
    for _ in $(seq "$2"); do
        fleet && jq -e "$1" fleet.json > /dev/null && return 0
        sleep 0.5
    done
    fail "the fleet never satisfied: $1 ($(cat fleet.err))"
}

wait_fleet "[.screens[] | select(.online)] | length == $players" 60
echo "all $players screens online"
# Presence is said on connect, the tags come with the first status (after the first frame): on a
# loaded machine the two can be seconds apart, so wait for the status too.
wait_fleet '[.screens[] | select(.tags[0] == "shibaura")] | length == '$((players / 2)) 60
echo "tags of all $players screens came through"

# The office publishes an alert; every screen shows it and says so.
cat > alert.json <<JSON
{"identifier": "minato-2026-rain-001", "sender": "bousai@city.minato.tokyo.jp",
 "sent": "2026-07-01T09:00:00+09:00", "status": "Exercise", "msgType": "Alert",
 "expires": "2099-01-01T00:00:00+09:00", "sequence": 1, "level": 4,
 "info": [{"language": "ja", "headline": "【訓練】大雨 警戒レベル4 避難指示", "instruction": "芝公園へ避難してください"},
          {"language": "en", "headline": "[Exercise] Heavy rain: evacuate", "instruction": "Go to Shiba Park"}]}
JSON
"$keiji" alert sign --key keys/bousai.secret.json alert.json --out alert.envelope.json || fail "sign"
"$keiji" alert publish alert.envelope.json "${office[@]}" --topic keiji/alert > /dev/null || fail "publish"
wait_fleet ".alert.identifier == \"minato-2026-rain-001\" and (.alert.shown | length) == $players" 60
echo "shown on $players of $players screens"
for log in player-*.log; do grep -qF "on screen: minato-2026-rain-001" "$log" || fail "$log never showed the alert"; done

# A look at one screen: at most 480 pixels wide (these players draw 320×180), and a screen's
# account cannot ask another screen for one.
"$keiji" fleet snapshot s05 "${office[@]}" --out s05.jpg > snapshot.out 2>&1 || fail "snapshot: $(cat snapshot.out)"
[[ $(ffprobe -v error -show_entries stream=width,codec_name -of csv=p=0 s05.jpg) == "mjpeg,320" ]] ||
    fail "the snapshot is not a 320-wide JPEG: $(ffprobe -v error -show_entries stream -of compact s05.jpg)"
echo "snapshot of s05: $(cat snapshot.out)"
"$keiji" fleet snapshot s02 --mqtt "$url" --mqtt-user s01 --mqtt-password-file passwords/s01 \
    --mqtt-ca broker.crt --wait 3 --out s02.jpg > /dev/null 2>&1 && fail "s01's account got a look at s02"

# The office's desk in the browser: an earthquake alert, every screen confirms it on the page.
browser_dir="$source_dir/tests/browser"
if [[ ! -d "$browser_dir/node_modules/puppeteer-core" ]]; then
    (cd "$browser_dir" && npm ci --no-audit --no-fund < /dev/null > /dev/null) || fail "npm ci in tests/browser"
fi
KEIJI="$keiji" SOURCE_DIR="$source_dir" WORK_DIR="$PWD" STUDIO_URL="http://127.0.0.1:$studio_port" \
    ADMIN_PASSWORD="$admin_password" PLAYERS="$players" node "$browser_dir/desk_fleet.mjs" < /dev/null \
    > desk.log 2>&1 || fail "the desk in the browser: $(tail -20 desk.log)"
desk_alert=$(cat desk-alert.txt)
wait_fleet ".alert.identifier == \"$desk_alert\" and (.alert.shown | length) == $players" 60
echo "the desk's $desk_alert: shown on $players of $players screens, seen in the browser"
# A screen that goes from one alert to another says so at once, not within the minute.
wait_fleet "[.screens[] | select(.on_screen == \"$desk_alert\")] | length == $players" 20
# The earlier alert, still in force, keeps its reach: each status lists every receipt.
wait_fleet "[.in_force[] | select(.identifier == \"minato-2026-rain-001\") | .shown] == [$players]" 20

# Three looks at once at a screen that never answers: two wait (8 s, then 504), the third is
# told to try again (429), and the desk's other pages answer meanwhile.
python3 - "http://127.0.0.1:$studio_port" "$admin_password" > looks.txt 2>&1 <<'PY' || fail "looks: $(cat looks.txt)"
import json, sys, threading, time, urllib.error, urllib.request
base, password = sys.argv[1], sys.argv[2]
login = urllib.request.urlopen(urllib.request.Request(
    base + "/api/login", json.dumps({"name": "admin", "password": password}).encode(),
    {"Content-Type": "application/json"}))
cookie = login.headers["Set-Cookie"].split(";")[0]
def get(path):
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, headers={"Cookie": cookie}), timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
statuses = []
threads = [threading.Thread(target=lambda: statuses.append(get("/api/fleet/nobody/snapshot.jpg"))) for _ in range(3)]
for thread in threads:
    thread.start()
    time.sleep(0.3)
started = time.monotonic()
fleet = get("/api/fleet")
answered = time.monotonic() - started
for thread in threads:
    thread.join()
print("looks:", sorted(statuses), "fleet:", fleet, f"in {answered:.1f} s")
assert sorted(statuses) == [429, 504, 504], statuses
assert fleet == 200 and answered < 5, (fleet, answered)
PY
echo "$(cat looks.txt)"

# A screen's credential cannot publish an alert, nor another screen's status: the broker drops
# both (MQTT 3.1.1 has no refusal to send back), and the office's view is unchanged.
forger=(-h 127.0.0.1 -p "$port" --cafile broker.crt -u s01 -P "$(cat passwords/s01)")
mosquitto_pub "${forger[@]}" -t keiji/alert -r -m '{"key_id":"bousai","payload":"{}","signature":"x"}'
mosquitto_pub "${forger[@]}" -t keiji/screens/s02/status -r -m '{"screen":"s02","online":false}'
sleep 1
fleet 2
jq -e ".alert.identifier == \"$desk_alert\"" fleet.json > /dev/null ||
    fail "a screen's credential replaced the alert"
jq -e '.screens[] | select(.screen == "s02") | .online' fleet.json > /dev/null ||
    fail "a screen's credential spoke for another screen"
grep -q "denied PUBLISH" broker.log || echo "(mosquitto logs no denial at this log level)"

# Anonymous, a wrong password, a broker certificate nobody vouches for: nothing is read.
"$keiji" fleet status --mqtt "$url" --mqtt-ca broker.crt --json > /dev/null 2> anonymous.err &&
    fail "an anonymous client read the fleet"
grep -qi "refused\|not authori" anonymous.err || fail "anonymous: $(cat anonymous.err)"
echo wrong > wrong-password
"$keiji" fleet status --mqtt "$url" --mqtt-user bousai --mqtt-password-file wrong-password \
    --mqtt-ca broker.crt > /dev/null 2>&1 && fail "a wrong password read the fleet"
"$keiji" fleet status --mqtt "$url" --mqtt-user bousai --mqtt-password-file passwords/bousai \
    --mqtt-ca other-ca.crt > /dev/null 2>&1 && fail "a client that does not trust the broker connected"

# One player killed outright (its will speaks for it), one stopped cleanly (it says goodbye).
kill -KILL "${player_pid[s03]}"
kill -TERM "${player_pid[s04]}"
wait_fleet '[.screens[] | select(.online | not) | .screen] == ["s03", "s04"]' 40
echo "s03 (killed) and s04 (stopped) offline"
# The text view says the same, in Japanese for the office.
LC_ALL=ja_JP.UTF-8 "$keiji" fleet status "${office[@]}" > fleet.txt || fail "fleet status (text)"
grep -q "表示を確認: $players 台中 $players 台" fleet.txt || fail "the text view: $(cat fleet.txt)"
grep -q "s03 .*オフライン" fleet.txt || fail "the text view does not show s03 offline"
echo "fleet: passed"
