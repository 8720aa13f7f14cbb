#!/usr/bin/env bash
# Feed sync end to end through the real binary, on loopback only: a real nginx (ETag, 304,
# limit_rate) and tests/sync/fault_server.py for the failures a lobby network produces, each
# started here and stopped on every exit.
# Usage: sync_integration_test.sh CASE KEIJI SOURCE_DIR WORK_DIR
#   CASE: conditional | faults | file-escape | offline-start | signed | crash
set -u
case_name=$1 keiji=$2 source_dir=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
cd "$work" || exit 1
work=$(pwd)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; }
trap cleanup EXIT

fail() { echo "FAIL ($case_name): $*"; for f in *.log; do [[ -f $f ]] && { echo "--- $f"; tail -20 "$f"; }; done; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# The bundled marche weekends are in FY2025: play as on a day they were announced.
at=2025-11-20T10:00:00+09:00

# make_version N: www/vN = the bundled playlists with a version-specific Gujo photo (the same
# picture with N*100 kB of padding after its end, so each version has a file to download).
make_version() {
    local dir=www/v$1
    mkdir -p "$dir"
    cp -r "$source_dir/playlists/." "$dir/"
    rm -f "$dir/feed.json" "$dir/feed.json.sig"
    head -c $(($1 * 100000)) /dev/urandom >> "$dir/images/gujo.png"
    "$keiji" feed build "$dir" ${2:+--key "$2"} > /dev/null || fail "feed build $dir"
}

start_nginx() {
    nginx_port=$(free_port)
    mkdir -p nginx
    cat > nginx/nginx.conf <<CONF
daemon off;
master_process off;
pid $work/nginx/nginx.pid;
error_log $work/nginx.log;
$( [[ $(id -u) -eq 0 ]] && echo "user root;" )
events { worker_connections 64; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    types { application/json json; image/png png; }
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
        location /slow/ { alias $work/www/; limit_rate ${NGINX_RATE:-4m}; }
    }
}
CONF
    /usr/sbin/nginx -c "$work/nginx/nginx.conf" -e "$work/nginx.log" &
    pids+=($!)
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$nginx_port") 2>/dev/null && return; sleep 0.1; done
    fail "nginx did not start"
}

start_fault_server() {
    python3 "$source_dir/tests/sync/fault_server.py" "$work/www/v2" fault.port 2> fault.log &
    pids+=($!)
    for _ in $(seq 50); do [[ -s fault.port ]] && { fault_port=$(cat fault.port); return; }; sleep 0.1; done
    fail "the fault server did not start"
}

current_feed() { sed -n 's/^current: feed \([0-9a-f]*\) .*/\1/p' <("$keiji" cache ls --cache cache); }

# plays_from_cache NAME: a headless player with an unreachable feed starts from the cache and
# shows a promo; its first frame is checked to exist.
plays_from_cache() {
    rm -rf "frames-$1"
    "$keiji" play --headless --feed "http://127.0.0.1:1/feed.json" --cache cache --at "$at" \
        --window 320x180 --cycles 1 --out "frames-$1" > "play-$1.log" 2>&1 ||
        fail "play from the cache ($1) exited with an error"
    grep -q "playlist(s): the cached feed" "play-$1.log" || fail "play ($1) did not use the cached feed"
    ls "frames-$1" | grep -q -- "-gujo-" || fail "play ($1) showed no Gujo promo"
}

case $case_name in
conditional)
    make_version 1
    start_nginx
    feed=http://127.0.0.1:$nginx_port/v1/feed.json
    "$keiji" cache sync --feed "$feed" --cache cache > sync1.log 2>&1 || fail "first sync"
    grep -q "^updated: .* 13 file(s) fetched (14 request(s)" sync1.log || fail "first sync: $(cat sync1.log)"
    "$keiji" cache sync --feed "$feed" --cache cache > sync2.log 2>&1 || fail "second sync"
    grep -q "^unchanged: .*(1 request(s)" sync2.log || fail "second sync was not one request: $(cat sync2.log)"
    tail -1 nginx/access.log | grep -q '"GET /v1/feed.json HTTP/1.1" 304 ' ||
        fail "the second sync was not answered 304: $(tail -1 nginx/access.log)"
    echo "second sync with nothing changed: $(sed "s/^unchanged: the cached feed is current (//; s/)$//" sync2.log); nginx answered: $(tail -1 nginx/access.log | cut -d\" -f2,3)"
    # One photo changes: the feed and that photo come again, nothing else.
    sleep 1.1
    head -c 5000 /dev/urandom >> www/v1/images/iwaki.png
    "$keiji" feed build www/v1 > /dev/null
    "$keiji" cache sync --feed "$feed" --cache cache > sync3.log 2>&1 || fail "third sync"
    grep -q "^updated: .* 1 file(s) fetched (2 request(s)" sync3.log || fail "third sync: $(cat sync3.log)"
    "$keiji" cache ls --cache cache | grep -q "^previous: feed" || fail "the previous feed is not kept"
    "$keiji" cache verify --cache cache > /dev/null || fail "verify after syncs"
    ;;
faults)
    make_version 1
    make_version 2
    start_nginx
    start_fault_server
    "$keiji" cache sync --feed "http://127.0.0.1:$nginx_port/v1/feed.json" --cache cache > good.log 2>&1 || fail "good sync"
    good=$(current_feed)
    [[ -n $good ]] || fail "no current feed after the good sync"
    dead_port=$(free_port)
    for fault in refused hang drip truncated status500 wrongsha oversized badjson schema escape; do
        url=http://127.0.0.1:$fault_port/$fault/feed.json
        [[ $fault == refused ]] && url=http://127.0.0.1:$dead_port/feed.json
        start=$(date +%s)
        "$keiji" cache sync --feed "$url" --cache cache --timeout 2 > "fault-$fault.log" 2>&1 &&
            fail "$fault: the sync did not fail"
        (( $(date +%s) - start <= 15 )) || fail "$fault: the sync took too long to give up"
        grep -q "the cached feed stays as it was" "fault-$fault.log" || fail "$fault: $(cat "fault-$fault.log")"
        [[ $(current_feed) == "$good" ]] || fail "$fault: the current feed changed"
        "$keiji" cache verify --cache cache > "verify-$fault.log" 2>&1 || fail "$fault: verify: $(cat "verify-$fault.log")"
        # Only a transfer cut off keeps what arrived (incoming/<sha256>.part), to resume.
        [[ -z $(ls cache/incoming | grep -v '^[0-9a-f]\{64\}\.part$') ]] ||
            fail "$fault: a stray file was left in the cache: $(ls cache/incoming)"
        if [[ $fault == truncated ]]; then
            [[ -n $(ls cache/incoming) ]] || fail "truncated: nothing was kept to resume from"
        fi
        echo "$fault: $(sed 's/.*stays as it was: //' "fault-$fault.log")"
    done
    plays_from_cache after-faults
    "$keiji" cache sync --feed "http://127.0.0.1:$fault_port/ok/feed.json" --cache cache > recover.log 2>&1 ||
        fail "the sync did not recover: $(cat recover.log)"
    [[ $(current_feed) != "$good" ]] || fail "the recovered sync did not switch feeds"
    [[ -z $(ls cache/incoming) ]] || fail "partial downloads stayed after a complete sync"
    ;;
resume)
    # A line that drops every answer after a third of the file: each file arrives in three
    # requests that continue where the last stopped, and no byte comes twice.
    make_version 2
    start_fault_server
    "$keiji" cache sync --feed "http://127.0.0.1:$fault_port/flaky/feed.json" --cache cache \
        > flaky.log 2>&1 || fail "the sync over a flaky line failed: $(cat flaky.log)"
    grep -q "^updated: .* 13 file(s) fetched (.* resumed, " flaky.log || fail "no resumed downloads: $(cat flaky.log)"
    "$keiji" cache verify --cache cache > verify.log 2>&1 || fail "verify: $(cat verify.log)"
    [[ -z $(ls cache/incoming) ]] || fail "partial downloads stayed after a complete sync"
    photo=$(grep '^images/gujo.png ' ranges.log | cut -d' ' -f2 | tr '\n' ' ')
    size=$(stat -c %s www/v2/images/gujo.png)
    third=$((size / 3 + 1))
    [[ $photo == "0 $third $((2 * third)) " ]] || fail "the photo's requests started at $photo (size $size)"
    echo "flaky line: $(sed 's/^updated: //' flaky.log); the ${size}-byte photo came from offsets $photo"
    ;;
file-escape)
    # A feed in a local folder may not read files outside that folder.
    make_version 1
    python3 - www/v1/feed.json <<'PY'
import json, sys
feed = json.load(open(sys.argv[1]))
feed["assets"][0]["url"] = "../../../../../../etc/passwd"
json.dump(feed, open(sys.argv[1], "w"))
PY
    "$keiji" cache sync --feed "$work/www/v1" --cache cache > escape.log 2>&1 && fail "the escaping feed was accepted"
    grep -q "outside the feed's folder" escape.log || fail "$(cat escape.log)"
    [[ -z $(current_feed) ]] || fail "a feed became current"
    ;;
offline-start)
    make_version 1
    "$keiji" cache sync --feed "$work/www/v1" --cache cache > sync.log 2>&1 || fail "sync"
    rm -rf www
    plays_from_cache offline
    # The health file tells when the content was last synced.
    "$keiji" play --headless --feed "http://127.0.0.1:1/feed.json" --cache cache --at "$at" \
        --window 320x180 --cycles 1 --discard-frames --state-dir state > status.log 2>&1 ||
        fail "play with a state directory"
    python3 - state/status.json <<'PY' || fail "status.json: $(cat state/status.json)"
import json, sys
status = json.load(open(sys.argv[1]))
assert status["last_sync"] and status["last_sync"].endswith("Z"), status
assert status["active_alerts"] == [], status
PY
    # Nothing cached at all: the bundled playlists play.
    "$keiji" play --headless --feed "http://127.0.0.1:1/feed.json" --cache empty-cache \
        --content "$source_dir/playlists" --at "$at" --window 320x180 --cycles 1 \
        --out frames-bundled > bundled.log 2>&1 || fail "play with an empty cache"
    grep -q "bundled" bundled.log || fail "no word of the bundled playlists: $(cat bundled.log)"
    ls frames-bundled | grep -q -- "-gujo-" || fail "the bundled playlists did not play"
    ;;
signed)
    # With feed.public_keys configured only a feed signed by one of them is taken.
    "$keiji" alert keygen --key-id minato-content --out-dir keys > /dev/null || fail "keygen"
    "$keiji" alert keygen --key-id minato-content --out-dir forged > /dev/null || fail "keygen"
    public=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["keys"][0]["public_key"])' keys/minato-content.public.json)
    printf '{"feed": {"url": "%s", "public_keys": [{"key_id": "minato-content", "public_key": "%s"}]},\n "cache": {"directory": "cache"}}\n' \
        "$work/www/v1" "$public" > keiji.json
    make_version 1
    "$keiji" cache sync --config keiji.json > unsigned.log 2>&1 && fail "an unsigned feed was taken"
    grep -q "signature cannot be fetched" unsigned.log || fail "unsigned: $(cat unsigned.log)"
    "$keiji" feed build www/v1 --key forged/minato-content.secret.json > /dev/null || fail "forged build"
    "$keiji" cache sync --config keiji.json > forged.log 2>&1 && fail "a feed signed with another key was taken"
    grep -q "does not match its contents" forged.log || fail "forged: $(cat forged.log)"
    [[ -z $(current_feed) ]] || fail "a badly signed feed became current"
    "$keiji" feed build www/v1 --key keys/minato-content.secret.json > /dev/null || fail "build"
    "$keiji" cache sync --config keiji.json > good.log 2>&1 || fail "the signed feed was refused: $(cat good.log)"
    # Changed after signing: refused, and the signed feed keeps playing.
    good=$(current_feed)
    sed -i 's/"tag": "\*"/"tag": "lobby"/' www/v1/feed.json
    "$keiji" cache sync --config keiji.json > tampered.log 2>&1 && fail "a tampered feed was taken"
    [[ $(current_feed) == "$good" ]] || fail "the tampered feed became current"
    ;;
crash)
    # kill -9 at random moments of syncs and garbage collections until 200 kills have landed
    # while one was running: after each kill, the cache must verify; content must play from it
    # after each of the first 25 kills and after every 5th one later (a headless play costs
    # seconds under the sanitizers, and 200 of them made this one test 15 minutes of make test;
    # KEIJI_CRASH_PLAY_EVERY=1 plays after every kill).
    NGINX_RATE=${NGINX_RATE:-1m}
    for v in 1 2 3 4; do make_version $v; done
    start_nginx
    wanted=${KEIJI_CRASH_RUNS:-200}
    killed_mid_way=0
    runs=0
    played=0
    while (( killed_mid_way < wanted )); do
        runs=$((runs + 1))
        (( runs <= wanted * 3 )) || fail "only $killed_mid_way of $runs kills landed during a sync"
        v=$(( (runs % 4) + 1 ))
        (
            "$keiji" cache sync --feed "http://127.0.0.1:$nginx_port/slow/v$v/feed.json" --cache cache &&
                "$keiji" cache gc --cache cache --budget-mb 0
        ) > "crash-sync.log" 2>&1 &
        worker=$!
        sleep "$(python3 -c "import random; print(random.uniform(0, 0.5))")"
        if kill -0 "$worker" 2>/dev/null; then killed_mid_way=$((killed_mid_way + 1)); fi
        pkill -9 -P "$worker" 2>/dev/null
        kill -9 "$worker" 2>/dev/null
        wait "$worker" 2>/dev/null
        "$keiji" cache verify --cache cache > verify.log 2>&1 || [[ ! -d cache ]] ||
            fail "run $runs: verify failed: $(cat verify.log)"
        play_every=${KEIJI_CRASH_PLAY_EVERY:-5}
        if [[ -n $(current_feed) ]] && ((runs <= 25 || runs % play_every == 0)); then
            plays_from_cache "crash"
            played=$((played + 1))
        fi
    done
    echo "$killed_mid_way kill -9 landed during a sync or gc (of $runs runs); the cache verified after each, and content played from it $played times"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "PASS ($case_name)"
