#!/usr/bin/env bash
# `keiji schedule` as staff run it: the real binary on a real playlist file.
# Usage: schedule_cli_test.sh CASE KEIJI SOURCE_DIR WORK_DIR
set -euo pipefail
case_name=$1 keiji=$2 source=$3 work=$4
data=$source/tests/schedule/data
mkdir -p "$work"
out=$work/out.txt err=$work/err.txt

run() {
    set +e
    "$keiji" schedule "$@" >"$out" 2>"$err"
    status=$?
    set -e
}
expect_status() {
    if [[ $status != "$1" ]]; then
        echo "expected exit $1, got $status"; cat "$out" "$err"; exit 1
    fi
}
expect_line() {
    if ! grep -qxF -- "$1" "$2"; then
        echo "missing line: $1"; cat "$2"; exit 1
    fi
}

case $case_name in
help)
    run --help
    expect_status 0
    grep -q 'start end item-id' "$out"
    grep -q 'Examples:' "$out"
    ;;
bad-time)
    run "$data/lobby.json" --from 2025-13-01 --to 2025-05-13
    expect_status 2
    grep -q -- '--from "2025-13-01" is not a time' "$err"
    ;;
to-before-from)
    run "$data/lobby.json" --from 2025-05-13 --to 2025-05-12
    expect_status 2
    grep -q -- '--to (2025-05-12) must be after --from (2025-05-13)' "$err"
    ;;
missing-option)
    run "$data/lobby.json" --from 2025-05-12
    expect_status 2
    ;;
timeline)
    # Monday 2025-05-12, 08:29:30 to 08:31:10 Tokyo: closed, then weight 2 x 20 s against
    # weight 1 x 10 s: two thirds of the airtime, alternating.
    run "$data/lobby.json" --from 2025-05-12T08:29:30+09:00 --to 2025-05-12T08:31:10+09:00
    expect_status 0
    grep -v '^#' "$out" >"$work/timeline.txt"
    diff -u - "$work/timeline.txt" <<'LINES'
2025-05-12T08:29:30+09:00 2025-05-12T08:30:00+09:00 (closed)
2025-05-12T08:30:00+09:00 2025-05-12T08:30:20+09:00 counter-hours
2025-05-12T08:30:20+09:00 2025-05-12T08:30:30+09:00 pamphlets
2025-05-12T08:30:30+09:00 2025-05-12T08:30:50+09:00 counter-hours
2025-05-12T08:30:50+09:00 2025-05-12T08:31:00+09:00 pamphlets
2025-05-12T08:31:00+09:00 2025-05-12T08:31:10+09:00 counter-hours
LINES
    # The item that can never play is a warning, not an error.
    grep -q 'warning: .*"never" never plays' "$err"
    ;;
summary)
    run "$data/lobby.json" --from 2025-05-12 --to 2025-05-13 --summary-only
    expect_status 0
    if grep -qv '^#' "$out"; then echo "summary-only printed slots"; cat "$out"; exit 1; fi
    grep -q '^# 86400 s in all: 8:45:00 playing, 0:00:00 idle, 15:15:00 closed$' "$out"
    # Outside lunch 2:1 by weight; in the lunch hour 2:1:1 with the lunch notice.
    grep -Eq '^# counter-hours +0 +2.00 +5:40:00 ' "$out"
    grep -Eq '^# lunch +0 +1.00 +0:15:00 ' "$out"
    grep -Eq '^# pamphlets +0 +1.00 +2:50:00 ' "$out"
    ;;
japanese)
    LANG=ja_JP.UTF-8 run "$data/lobby.json" --from 2025-05-12 --to 2025-05-13 --summary-only
    expect_status 0
    grep -q '警告: .*一度も表示されません' "$err"
    ;;
languages)
    # A screen of three languages: each slot names the one it shows, in turn among the item's
    # own; an item written only in Japanese never shows in English or Korean.
    run "$source/tests/bench/fixtures/languages/lobby.json" --from 2025-11-20T09:00:00+09:00 \
        --to 2025-11-20T09:02:17+09:00 --languages ja,en,ko
    expect_status 0
    grep -v '^#' "$out" >"$work/timeline.txt"
    diff -u - "$work/timeline.txt" <<'LINES'
2025-11-20T09:00:00+09:00 2025-11-20T09:00:15+09:00 gujo-odori-aoyama ja
2025-11-20T09:00:15+09:00 2025-11-20T09:00:27+09:00 partnership-342 ja
2025-11-20T09:00:27+09:00 2025-11-20T09:00:40+09:00 anan-bussanten ja
2025-11-20T09:00:40+09:00 2025-11-20T09:00:50+09:00 corner-pamphlets ja
2025-11-20T09:00:50+09:00 2025-11-20T09:01:02+09:00 partnership-342 en
2025-11-20T09:01:02+09:00 2025-11-20T09:01:12+09:00 corner-pamphlets ja
2025-11-20T09:01:12+09:00 2025-11-20T09:01:25+09:00 anan-bussanten en
2025-11-20T09:01:25+09:00 2025-11-20T09:01:40+09:00 gujo-odori-aoyama en
2025-11-20T09:01:40+09:00 2025-11-20T09:01:50+09:00 corner-pamphlets ja
2025-11-20T09:01:50+09:00 2025-11-20T09:02:02+09:00 partnership-342 ko
2025-11-20T09:02:02+09:00 2025-11-20T09:02:15+09:00 anan-bussanten ja
2025-11-20T09:02:15+09:00 2025-11-20T09:02:17+09:00 gujo-odori-aoyama ko
LINES
    grep -Eq '^# ko +0:00:14 +2 +' "$out"
    run "$source/tests/bench/fixtures/languages/lobby.json" --from 2025-11-20 --to 2025-11-21 \
        --languages ja,jp
    expect_status 2
    grep -q '"jp" is not a language tag' "$err"
    ;;
language-layouts)
    # The same lobby with the split layout: each slot in equal parts, one per language the item
    # has; and bilingual: the first language with the others in turn under it.
    run "$source/tests/bench/fixtures/languages/lobby.json" --from 2025-11-20T09:00:00+09:00 \
        --to 2025-11-20T09:01:02+09:00 --languages ja,en,ko --language-layout split
    expect_status 0
    grep -v '^#' "$out" >"$work/split.txt"
    diff -u - "$work/split.txt" <<'LINES'
2025-11-20T09:00:00+09:00 2025-11-20T09:00:15+09:00 gujo-odori-aoyama ja/en/ko
2025-11-20T09:00:15+09:00 2025-11-20T09:00:27+09:00 partnership-342 ja/en/ko
2025-11-20T09:00:27+09:00 2025-11-20T09:00:40+09:00 anan-bussanten ja/en
2025-11-20T09:00:40+09:00 2025-11-20T09:00:50+09:00 corner-pamphlets ja
2025-11-20T09:00:50+09:00 2025-11-20T09:01:02+09:00 partnership-342 ja/en/ko
LINES
    # ko: 5 s of gujo-odori-aoyama and 4 s of each partnership-342 slot.
    grep -Eq '^# ko +0:00:13 +3 +' "$out"
    run "$source/tests/bench/fixtures/languages/lobby.json" --from 2025-11-20T09:00:00+09:00 \
        --to 2025-11-20T09:01:02+09:00 --languages ja,en,ko --language-layout bilingual
    expect_status 0
    grep -q 'partnership-342 ja+ko$' "$out"
    grep -Eq '^# ja +0:01:02 +5 +' "$out"
    run "$source/tests/bench/fixtures/languages/lobby.json" --from 2025-11-20 --to 2025-11-21 \
        --languages ja,en --language-layout splitt
    expect_status 2
    grep -q 'splitt' "$err"
    ;;
*)
    echo "unknown case $case_name"; exit 2
    ;;
esac
