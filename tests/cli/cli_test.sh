#!/usr/bin/env bash
# The command line as a person uses it. Usage: cli_test.sh CASE KEIJI SOURCE_DIR WORK_DIR
set -u
case_name=$1 keiji=$2 source_dir=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
out="$work/stdout" err="$work/stderr"

fail() { echo "FAIL ($case_name): $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }
run() { "$keiji" "$@" >"$out" 2>"$err"; status=$?; }
expect_status() { [[ $status -eq $1 ]] || fail "exit status $status, expected $1"; }
expect_in() { grep -qF -- "$2" "$1" || fail "expected \"$2\" in $(basename "$1")"; }

case "$case_name" in
help)
    run --help; expect_status 0
    expect_in "$out" "play"; expect_in "$out" "validate"; expect_in "$out" "Examples:"
    run play --help; expect_status 0
    expect_in "$out" "--headless"; expect_in "$out" "--fullscreen"; expect_in "$out" "Esc or q"
    expect_in "$out" "--rotate"; expect_in "$out" "SIGHUP"; expect_in "$out" "KEIJI_TEST_FAULT"
    run validate --help; expect_status 0; expect_in "$out" "LANG" ;;
version)
    run --version; expect_status 0; expect_in "$out" "keiji 0." ;;
unknown-command)
    run plya; expect_status 2; expect_in "$err" 'unknown command "plya"'; expect_in "$err" "keiji --help"
    run; expect_status 2; expect_in "$err" "play" ;;
bad-option)
    run play --colour red; expect_status 2; expect_in "$err" "--colour"
    run play --seconds 5; expect_status 2; expect_in "$err" "--headless"
    run play --rotate 45; expect_status 2; expect_in "$err" "--rotate" ;;
alert-preview)
    # The takeover of the example alert, from the payload and from its envelope.
    run alert preview "$source_dir/content-schema/examples/level4.alert.json" --out "$work/payload" --size 960x540
    expect_status 0
    expect_in "$out" "01-ja.png (日本語)"; expect_in "$out" "05-ko.png (한국어)"
    [[ -s "$work/payload/03-en.png" ]] || fail "no 03-en.png"
    run alert preview "$source_dir/content-schema/examples/level4.envelope.json" --out "$work/envelope"
    expect_status 0; expect_in "$err" "signature is not checked"
    cmp -s "$work/payload/01-ja.png" "$work/envelope/01-ja.png" && fail "--size was not used"
    # A draft with a mistake: said with its line, nothing drawn.
    printf '{"identifier": "x", "level": 9}\n' >"$work/draft.json"
    run alert preview "$work/draft.json" --out "$work/draft"; expect_status 1
    expect_in "$err" "draft.json:1:"
    [[ -e "$work/draft" ]] && fail "a broken draft was drawn"
    run alert preview "$work/draft.json" --out "$work/draft" --size huge; expect_status 2
    expect_in "$err" "1920x1080" ;;
bad-window-size)
    run play --window big; expect_status 2; expect_in "$err" "1280x720" ;;
validate-good)
    run validate "$source_dir"/playlists/*.json; expect_status 0; expect_in "$out" "ok (" ;;
validate-bad)
    run validate "$source_dir/tests/data/bad/unknown-field.json" "$source_dir/playlists/notices.json"
    expect_status 1
    expect_in "$err" 'unknown-field.json:6:7: error: /items/0/titel: unknown field "titel" (a typo for "title"?)'
    expect_in "$out" "notices.json: ok"
    run validate "$work/does-not-exist.json"; expect_status 2 ;;
validate-japanese)
    LANG=ja_JP.UTF-8 "$keiji" validate "$source_dir/tests/data/bad/missing-comma.json" >"$out" 2>"$err"; status=$?
    expect_status 1; expect_in "$err" "missing-comma.json:4:5: エラー: この位置の前にコンマ(,)がないか" ;;
headless-one-cycle)
    run play --content "$source_dir/playlists" --headless --out "$work/frames" --cycles 1 --window 480x270 \
        --at 2025-11-20T10:00:00+09:00
    expect_status 0
    # On 2025-11-20 every promo and notice plays, and the November marché is announced.
    count=$(ls "$work/frames" | wc -l)
    [[ $count -eq 12 ]] || fail "expected 12 frames for one cycle, found $count"
    [[ -f "$work/frames/0001-marche-2025-11.png" ]] || fail "the announced marché is not the first frame" ;;
discard-frames)
    # A long run on the virtual clock renders every slide but writes no PNG; the log counts them.
    run play --content "$source_dir/playlists" --headless --discard-frames --out "$work/frames" \
        --seconds 600 --window 320x180 --at 2025-11-20T10:00:00+09:00
    expect_status 0
    expect_in "$err" "no PNG written (--discard-frames)"
    [[ -e "$work/frames" ]] && fail "--discard-frames wrote into --out"
    grep -qE "presented [1-9][0-9]+ slides" "$err" || fail "expected tens of slides in 10 minutes"
    run play --discard-frames; expect_status 2; expect_in "$err" "--headless" ;;
broken-playlist-skipped)
    mkdir -p "$work/content"
    cp "$source_dir/playlists/notices.json" "$work/content/"
    printf '{"items": [\n  {"type": "notice", "id": "x" "title": "y"}]}\n' > "$work/content/broken.json"
    run play --content "$work/content" --headless --out "$work/frames" --cycles 1 --window 480x270
    expect_status 0
    expect_in "$err" "broken.json:2:32: error: a comma (,) is missing"
    count=$(ls "$work/frames" | wc -l)
    [[ $count -eq 2 ]] || fail "expected the 2 notices to play, found $count frames" ;;
proof-of-play-hour)
    # An hour on the virtual clock: what the screen presented must be what the schedule says.
    playlist="$source_dir/playlists/partners.json"
    run play --content "$playlist" --headless --out "$work/frames" --window 480x270 \
        --state-dir "$work/state" --seconds 3600 --at 2026-11-24T10:00:00+09:00
    expect_status 0
    run report proof-of-play --from 2026-11-24 --to 2026-11-24 --state-dir "$work/state" --csv
    expect_status 0
    cp "$out" "$work/report.csv"
    "$keiji" schedule "$playlist" --from 2026-11-24T10:00:00+09:00 --to 2026-11-24T11:00:00+09:00 \
        --summary-only >"$work/schedule.txt" 2>"$err" || fail "keiji schedule failed"
    # Per item: plays may differ by one (the slot cut by the end of the hour), seconds by one slot.
    awk -F, 'NR == FNR { if ($1 == "item") { plays[$2] = $4; secs[$2] = $5 } next }
             /^# [a-z]/ && $2 != "item" {
                 split($0, f, " "); id = f[2]; split(f[5], t, ":");
                 s = t[1] * 3600 + t[2] * 60 + t[3]; n = f[6]; seen++;
                 if (!(id in plays)) { print "missing from proof of play: " id; bad = 1; next }
                 dp = plays[id] - n; ds = secs[id] - s;
                 if (dp < -1 || dp > 1 || ds < -20 || ds > 20) {
                     printf "%s: schedule %d slots %d s, proof of play %d plays %.1f s\n", id, n, s, plays[id], secs[id]; bad = 1 }
             }
             END { if (seen < 9) { print "schedule summary not read (" seen " items)"; bad = 1 } exit bad }' \
        FS=, "$work/report.csv" FS=" " "$work/schedule.txt" >"$work/compare.txt" 2>&1 \
        || { cat "$work/compare.txt"; fail "proof of play does not match the schedule"; } ;;
config-alert-keys)
    # Alert keys, screen id and state directory from keiji.json; a drop-in alert takes over.
    "$keiji" alert keygen --key-id test-2026 --out-dir "$work/keys" >"$out" 2>"$err" || fail "keygen"
    "$keiji" alert sign --key "$work/keys/test-2026.secret.json" \
        "$source_dir/content-schema/examples/level4.alert.json" --out "$work/envelope.json" \
        >"$out" 2>"$err" || fail "sign"
    public=$(sed -n 's/.*"public_key": *"\([^"]*\)".*/\1/p' "$work/keys/test-2026.public.json")
    mkdir -p "$work/state/incoming"
    printf '{"screen": {"id": "test-screen"}, "alerts": {"public_keys": [{"key_id": "test-2026", "public_key": "%s"}]}, "state_directory": "%s"}\n' \
        "$public" "$work/state" >"$work/keiji.json"
    (sleep 2; cp "$work/envelope.json" "$work/state/incoming/alert.json") &
    run play --config "$work/keiji.json" --headless --realtime --out "$work/frames" --seconds 5 \
        --window 480x270
    wait
    expect_status 0
    expect_in "$err" "1 trusted key(s) from $work/keiji.json"
    expect_in "$err" "accepted new alert minato-2026-0901-001#1"
    ls "$work/frames" | grep -q -- "-alert-minato-2026-0901-001-ja.png" || fail "no alert frame"
    expect_in "$work/state/status.json" '"screen": "test-screen"' ;;
lang-precedence)
    # The command line wins over keiji.json even when it says what is also the default.
    printf '{"languages": ["en"], "display": {"rotation": 90}}\n' >"$work/keiji.json"
    run play --lang ja --config "$work/keiji.json" --show-settings
    expect_status 0
    grep -qE '^languages +command line +ja$' "$out" || fail "--lang ja did not win over keiji.json"
    grep -qE '^display.rotation +keiji.json +90$' "$out" || fail "keiji.json's rotation was lost"
    grep -qE '^transition +default +crossfade$' "$out" || fail "a default is not shown as one"
    # And the screen plays Japanese: the proof of play records the language shown.
    run play --lang ja --config "$work/keiji.json" --content "$source_dir/playlists/notices.json" \
        --headless --discard-frames --seconds 60 --state-dir "$work/state" --window 320x180
    expect_status 0
    cat "$work"/state/proof-of-play/*.jsonl >"$work/played.jsonl"
    expect_in "$work/played.jsonl" '"language":"ja"'
    grep -q '"language":"en"' "$work/played.jsonl" && fail "keiji.json's language played" ;;
at-in-window)
    # --at in a real window: the clock starts at that moment and runs on from it.
    "$keiji" play --content "$source_dir/playlists" --window 480x270 --state-dir "$work/state" \
        --at 2025-11-20T10:00:00+09:00 >"$out" 2>"$err" &
    pid=$!
    for _ in $(seq 1 100); do [[ -s $work/state/status.json ]] && break; sleep 0.1; done
    sleep 2
    kill -TERM "$pid"; wait "$pid"; status=$?
    expect_status 0
    # status.json says the screen's time; the first play began on that day (UTC 01:00).
    grep -qE '"time": "2025-11-20T01:00:0[0-9]Z"' "$work/state/status.json" \
        || fail "status.json does not show 2025-11-20 10:00 JST: $(cat "$work/state/status.json")"
    cat "$work"/state/proof-of-play/*.jsonl >"$work/played.jsonl"
    expect_in "$work/played.jsonl" '"time":"2025-11-20T01:00:0'
    # On that day the marché was announced: the first slide is the November marché.
    expect_in "$work/played.jsonl" '"item":"marche-2025-11"' ;;
*)
    fail "unknown case" ;;
esac
echo "ok: $case_name"
