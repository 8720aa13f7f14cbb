#!/usr/bin/env bash
# `keiji alert bridge` end to end on loopback: another agency's ATOM index of CAP documents
# served over HTTP (python3's http.server), a real mosquitto, and a headless player that trusts
# the bridge's key. The bridge passes on what names the ward's area at the severity asked, once;
# an Update of it follows; a hostile or missing source is refused with the reason; SIGTERM stops
# it between polls.
# Usage: bridge_test.sh KEIJI SOURCE_DIR WORK_DIR
set -u
keiji=$1 source_dir=$2 work=$3
rm -rf "$work" && mkdir -p "$work/www" && cd "$work" || exit 1
test_name="alert bridge"
fail_logs=(bridge-*.log player.log www.log broker.log)
# shellcheck source=broker_test_lib.sh
source "$source_dir/tests/alert/broker_test_lib.sh"

start_open_broker
web_port=$(free_port)
python3 -m http.server --bind 127.0.0.1 --directory www "$web_port" > www.log 2>&1 &
pids+=($!)
wait_for_port "$web_port" || fail "the web server did not start"
feed="http://127.0.0.1:$web_port/cap/feed.atom"

# The OASIS documents moved to today: the thunderstorm warning (Severe, Tuolumne County) in force
# for two hours, an Update of it an hour later.
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
sent=$(iso "-10 minutes") expires=$(iso "+2 hours") updated=$(iso "-5 minutes")
mkdir -p www/cap
sed -e "s/2003-06-17T14:57:00-07:00/$sent/" -e "s/2003-06-17T16:00:00-07:00/$expires/" \
    "$source_dir/tests/alert/data/cap/oasis-a2-thunderstorm.xml" > www/cap/storm.xml
# The High Surf Advisory of the NWS index is Minor: it stays out.
sed -e "s/KSTO1055887203/KSTO-surf/" -e "s/<severity>Severe/<severity>Minor/" www/cap/storm.xml \
    > www/cap/surf.xml
entry() { printf '<entry><id>%s</id><updated>%s</updated><link href="%s"/></entry>\n' "$@"; }
write_feed() {
    { echo '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
      echo "<id>$feed</id><title>Warnings</title><updated>$sent</updated>"
      printf '%s\n' "$@"
      echo '</feed>'; } > www/cap/feed.atom.tmp && mv www/cap/feed.atom.tmp www/cap/feed.atom
}
write_feed "$(entry urn:storm "$sent" storm.xml)" "$(entry urn:surf "$sent" /cap/surf.xml)"

"$keiji" alert keygen --key-id minato-bridge --out-dir keys > /dev/null || fail "keygen"
bridge_number=0
# bridge EXTRA...: one poll, logged in bridge-N.log; sets `status`.
bridge() {
    bridge_number=$((bridge_number + 1))
    "$keiji" alert bridge --source "$feed" --area "tuolumne" --min-severity severe \
        --key keys/minato-bridge.secret.json --dir out --mqtt "$url" --topic keiji/alert \
        --state bridge-state.json --once "$@" 2> "bridge-$bridge_number.log"
    status=$?
    blog="bridge-$bridge_number.log"
}

"$keiji" play --content "$source_dir/playlists" --headless --realtime --seconds 60 \
    --window 320x180 --out frames --state-dir state --alert-keys keys/minato-bridge.public.json \
    --alert-rotation 60 --mqtt "$url" --mqtt-topic keiji/alert 2> player.log &
player=$!
pids+=($player)
# wait_for_log FILE TEXT [SECONDS]
wait_for_log() {
    for _ in $(seq $((${3:-10} * 20))); do grep -qF -- "$2" "$1" && return 0; sleep 0.05; done
    fail "expected \"$2\" in $1"
}

# 1. The storm is published (folder and broker), the surf advisory is left out and says why.
bridge
[[ $status == 0 ]] || fail "the first poll exited $status"
grep -qF "published KSTO1055887203 (level 4, Severe, tuolumne)" "$blog" || fail "storm not published"
grep -qF "left out KSTO-surf: severity Minor is below Severe" "$blog" || fail "surf not explained"
"$keiji" alert verify --keys keys/minato-bridge.public.json out/alert.json > verify.txt 2>&1 ||
    fail "the folder's envelope does not verify: $(cat verify.txt)"
timeout 5 mosquitto_sub -h 127.0.0.1 -p "$port" -t keiji/alert -C 1 > retained.json ||
    fail "nothing retained on keiji/alert"
grep -qF '"key_id": "minato-bridge"' retained.json || grep -qF '"key_id":"minato-bridge"' retained.json ||
    fail "the retained message is not the bridge's: $(head -c 200 retained.json)"
wait_for_log player.log "accepted new alert KSTO1055887203"

# 2. Polled again (a restart: the state file remembers): nothing is published twice.
before=$(sha256sum out/alert.json)
bridge
[[ $status == 0 ]] || fail "the second poll exited $status"
grep -q "^keiji alert bridge: published" "$blog" && fail "published again: $(cat "$blog")"
[[ $(sha256sum out/alert.json) == "$before" ]] || fail "alert.json was rewritten"

# 3. The agency updates its warning (now Minor, outside the area asked): it follows what was shown.
sed -e "s/<identifier>KSTO1055887203/<identifier>KSTO1055887203-2/" \
    -e "s|<msgType>Alert</msgType>|<msgType>Update</msgType><references>KSTO@NWS.NOAA.GOV,KSTO1055887203,$sent</references>|" \
    -e "s/$sent/$updated/" -e "s/<severity>Severe/<severity>Minor/" -e "s/TUOLUMNE/MONO/" \
    www/cap/storm.xml > www/cap/storm-2.xml
write_feed "$(entry urn:storm-2 "$updated" storm-2.xml)" "$(entry urn:storm "$sent" storm.xml)" \
    "$(entry urn:surf "$sent" /cap/surf.xml)"
bridge
grep -qF "published KSTO1055887203-2 (Update of KSTO1055887203)" "$blog" || fail "update not published"
wait_for_log player.log "accepted update KSTO1055887203-2"

# 4. What is refused: a DOCTYPE (nothing resolved), a source that is not there, a feed linking
#    to a file on the bridge's disk. The exit status says a source could not be read.
printf '<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<feed>&x;</feed>\n' \
    > www/cap/evil.atom
write_feed "$(entry urn:sneaky "$sent" file:///etc/passwd)"
before=$(sha256sum out/alert.json)
bridge --source "http://127.0.0.1:$web_port/cap/evil.atom" --source "http://127.0.0.1:$web_port/none.atom"
[[ $status == 1 ]] || fail "unreadable sources exited $status, not 1"
grep -qF "DOCTYPE" "$blog" || fail "the DOCTYPE is not named"
grep -q "cannot read http://127.0.0.1:$web_port/none.atom: the server answered HTTP 404" "$blog" || fail "the missing feed is not named"
grep -qF "links to file:///etc/passwd, which is not on the web" "$blog" || fail "the file link is not refused"
grep -q "root:" "$blog" && fail "the bridge printed a local file"
[[ $(sha256sum out/alert.json) == "$before" ]] || fail "a refused source changed alert.json"

# 5. Running for good: a signal stops it between polls, at once.
"$keiji" alert bridge --source "$feed" --key keys/minato-bridge.secret.json --dir out \
    --state bridge-state.json --interval 60 2> bridge-daemon.log &
daemon=$!
pids+=($daemon)
wait_for_log bridge-daemon.log "1 source(s) every 60 s"
sleep 0.5
kill -TERM "$daemon"
for _ in $(seq 40); do kill -0 "$daemon" 2>/dev/null || break; sleep 0.05; done
kill -0 "$daemon" 2>/dev/null && fail "the bridge did not stop within 2 s of SIGTERM"
wait "$daemon"; [[ $? == 0 ]] || fail "the bridge did not exit 0 on SIGTERM"
grep -qF "stopped" bridge-daemon.log || fail "the bridge did not say it stopped"

# 6. The broker away: nothing counts as published, and the feed (which says it has not changed)
#    is read again until the broker is back; then the alert goes out, and its Update follows.
write_feed "$(entry urn:storm "$sent" storm.xml)"
later_port=$(free_port)
"$keiji" alert bridge --source "$feed" --key keys/minato-bridge.secret.json --interval 5 \
    --mqtt "mqtt://127.0.0.1:$later_port" --topic keiji/alert --state recovery.json \
    2> bridge-recovery.log &
pids+=($!)
wait_for_log bridge-recovery.log "cannot publish KSTO1055887203"
grep -q "published KSTO" bridge-recovery.log && fail "published with no broker"
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$later_port" > later.conf
/usr/sbin/mosquitto -c later.conf > later-broker.log 2>&1 &
pids+=($!)
wait_for_log bridge-recovery.log "published KSTO1055887203 (level 4" 20
write_feed "$(entry urn:storm-2 "$updated" storm-2.xml)" "$(entry urn:storm "$sent" storm.xml)"
wait_for_log bridge-recovery.log "published KSTO1055887203-2 (Update of KSTO1055887203)" 20

# 7. Mistakes a new member of staff makes: no place to publish, a wrong key file, a typo.
"$keiji" alert bridge --source "$feed" --key keys/minato-bridge.secret.json --once 2> usage.log
[[ $? == 2 ]] && grep -qF -- "--mqtt URL and/or --dir FOLDER" usage.log || fail "no target: $(cat usage.log)"
"$keiji" alert bridge --source "$feed" --key keys/minato-bridge.public.json --dir out --once 2> key.log
[[ $? == 1 ]] || fail "a public key file was taken as the secret key: $(cat key.log)"
"$keiji" alert bridge --source "$feed" --key keys/minato-bridge.secret.json --dir out \
    --min-severity sever --once 2> typo.log
[[ $? != 0 ]] && grep -q "Severe" typo.log || fail "--min-severity sever: $(cat typo.log)"
echo "PASS ($test_name)"
