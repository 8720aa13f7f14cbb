#!/usr/bin/env bash
# A kiosk that nobody watches: SIGHUP reloads, the black-frame self-check recovers.
# Usage: kiosk_test.sh CASE KEIJI SOURCE_DIR WORK_DIR   (sighup-window runs under with-xvfb.sh)
set -u
case_name=$1 keiji=$2 source_dir=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
err="$work/stderr"

fail() { echo "FAIL ($case_name): $*"; echo "--- stderr"; cat "$err"; exit 1; }
expect_in() { grep -qF -- "$2" "$1" || fail "expected \"$2\" in $(basename "$1")"; }
# Waits up to $2 seconds for the command $1 to succeed.
wait_for() {
    local deadline=$((SECONDS + $2))
    until eval "$1"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}
notice() {  # FILE ID TITLE DURATION
    printf '{"items": [{"type": "notice", "id": "%s", "title": "%s", "body": "本文", "duration": %s}]}\n' \
        "$2" "$3" "$4" >"$1"
}
# The brightest pixel of a PNG (8-bit RGB or RGBA, as keiji writes them), 0-255.
brightest() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
pos, idat, width, height, channels = 8, b"", 0, 0, 4
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        channels = {2: 3, 6: 4}[colour]
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw, stride, previous, best = zlib.decompress(idat), width * channels, None, 0
for y in range(height):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    prior = previous or bytearray(stride)
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up, corner = prior[i], (prior[i - channels] if i >= channels else 0)
        if kind == 1: line[i] = (line[i] + left) & 255
        elif kind == 2: line[i] = (line[i] + up) & 255
        elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    previous = line
    for x in range(0, stride, channels):
        best = max(best, line[x], line[x + 1], line[x + 2])
print(best)
PY
}

case "$case_name" in
sighup-headless)
    # Real time, headless: the frames show what plays. Content and configuration change, SIGHUP,
    # and the new content follows the slide on screen; a broken setting is reported and its
    # default used.
    mkdir -p "$work/content"
    notice "$work/content/a.json" before 掲示の前 3
    printf '{"screen": {"id": "lobby-1"},\n "display": {"rotation": 0}}\n' >"$work/keiji.json"
    "$keiji" play --config "$work/keiji.json" --content "$work/content" --headless --realtime \
        --out "$work/frames" --window 320x180 --seconds 40 2>"$err" &
    pid=$!
    wait_for 'ls "$work/frames" 2>/dev/null | grep -q -- "-before.png"' 15 || fail "the first content never played"
    rm "$work/content/a.json"
    notice "$work/content/b.json" after 掲示の後 3
    printf '{"items": [\n  {"type": "notice" "id": "x"}]}\n' >"$work/content/broken.json"
    printf '{"screen": {"id": "lobby-2"},\n "display": {"rotation": 45}}\n' >"$work/keiji.json"
    kill -HUP "$pid"
    wait_for 'ls "$work/frames" 2>/dev/null | grep -q -- "-after.png"' 15 || fail "the new content never played"
    kill -0 "$pid" 2>/dev/null || fail "SIGHUP ended the player"
    expect_in "$err" "SIGHUP: reading the configuration and the playlists again"
    expect_in "$err" "keiji.json:2:26: /display/rotation: \"rotation\" must be 0, 90, 180 or 270 (its default is used)"
    expect_in "$err" "broken.json:2:21: error: a comma (,) is missing"
    expect_in "$err" "1 items from 1 playlist(s)"
    # No frame between the two contents was black.
    for frame in "$work"/frames/*.png; do
        (( $(brightest "$frame") > 64 )) || fail "$(basename "$frame") is black"
    done
    # A configuration that cannot be read at all keeps the settings in use.
    printf '{"display": {"rotation": 90}\n' >"$work/keiji.json"
    kill -HUP "$pid"
    wait_for 'grep -qF "the settings in use stay" "$err"' 10 || fail "the unreadable configuration was not reported"
    expect_in "$err" "keiji.json:2:1:"
    # And a good one with a rotation turns the frame.
    printf '{"display": {"rotation": 90}}\n' >"$work/keiji.json"
    kill -HUP "$pid"
    wait_for 'grep -qF "rotation 90°: the frame is now 180×320" "$err"' 10 || fail "the rotation was not applied"
    kill -TERM "$pid"
    wait "$pid" || fail "exit status $? after SIGTERM" ;;
sighup-window)
    # A real window under Xvfb, a slide of ten minutes: the loop sleeps until the next minute,
    # so only the SIGHUP wake-up can make it reload at once.
    mkdir -p "$work/content"
    notice "$work/content/a.json" before 掲示の前 600
    "$keiji" play --content "$work/content" --window 480x270 --state-dir "$work/state" 2>"$err" &
    pid=$!
    wait_for 'grep -qF "items from 1 playlist" "$err"' 15 || fail "the player did not start"
    sleep 2
    notice "$work/content/b.json" after 掲示の後 600
    kill -HUP "$pid"
    wait_for 'grep -qF "SIGHUP: reading" "$err"' 2 || fail "SIGHUP did not wake the event wait"
    # The slide on screen stays at most 5 s, then a 1 s crossfade.
    sleep 8
    kill -TERM "$pid"
    wait "$pid" || fail "exit status $? after SIGTERM"
    cat "$work"/state/proof-of-play/*.jsonl >"$work/played.jsonl"
    expect_in "$work/played.jsonl" '"item":"before"'
    expect_in "$work/played.jsonl" '"item":"after"' ;;
self-check-black)
    # The test fault turns the output black after the second slide: the self-check must find it,
    # recover (content reloaded, renderer recreated), and the slides after that are not black.
    mkdir -p "$work/content"
    for id in one two three; do notice "$work/content/$id.json" "$id" "$id" 5; done
    KEIJI_TEST_FAULT=black "$keiji" play --content "$work/content" --headless --out "$work/frames" \
        --window 320x180 --seconds 60 --at 2026-11-24T10:00:00+09:00 2>"$err"
    status=$?
    [[ $status -eq 0 ]] || fail "exit status $status"
    expect_in "$err" "KEIJI_TEST_FAULT=black"
    expect_in "$err" "the frame is black"
    expect_in "$err" "recovering: reloading the content and recreating the renderer"
    expect_in "$err" "recovered: 3 items, renderer recreated"
    [[ $(grep -c "recovering:" "$err") -eq 1 ]] || fail "expected exactly one recovery"
    frames=("$work"/frames/*.png)
    ((${#frames[@]} >= 8)) || fail "expected at least 8 frames, found ${#frames[@]}"
    black=0
    for frame in "${frames[@]}"; do (( $(brightest "$frame") <= 16 )) && black=$((black + 1)); done
    ((black >= 1)) || fail "the fault never made a frame black: the test proves nothing"
    for frame in "${frames[@]: -4}"; do
        (( $(brightest "$frame") > 64 )) || fail "$(basename "$frame") is still black after the recovery"
    done ;;
*)
    fail "unknown case" ;;
esac
echo "ok: $case_name"
