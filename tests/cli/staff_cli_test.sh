#!/usr/bin/env bash
# keiji validate and keiji preview as a new member of the content staff meets them: each mistake
# gets a message in Japanese that says where (file:line:col and pointer) and what.
# Usage: staff_cli_test.sh CASE KEIJI SOURCE_DIR WORK_DIR
set -u
case_name=$1 keiji=$2 source_dir=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
out="$work/stdout" err="$work/stderr" data="$source_dir/tests/checks"

fail() { echo "FAIL ($case_name): $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }
ja() { LANG=ja_JP.UTF-8 "$keiji" "$@" >"$out" 2>"$err"; status=$?; }
run() { LANG=C "$keiji" "$@" >"$out" 2>"$err"; status=$?; }
expect_status() { [[ $status -eq $1 ]] || fail "exit status $status, expected $1"; }
expect_in() { grep -qF -- "$2" "$1" || fail "expected \"$2\" in $(basename "$1")"; }

case "$case_name" in
field-typo)
    ja validate "$data/broken/field-typo.json"; expect_status 1
    expect_in "$err" 'field-typo.json:3:40: エラー: /items/0/duraton: 「duraton」という項目はありません(「duration」の入力ミスでは?)'
    # Even the field that says what the item is: the error names the typo, where it is.
    ja validate "$data/broken/type-typo.json"; expect_status 1
    expect_in "$err" 'type-typo.json:4:6: エラー: /items/0/typex: 「typex」という項目はありません(「type」の入力ミスでは?)'
    grep -q "必須の項目「type」がありません" "$err" && fail "the typo was reported as a missing field" ;;
missing-comma)
    ja validate "$data/broken/missing-comma.json"; expect_status 1
    expect_in "$err" 'missing-comma.json:3:39: エラー: この位置の前にコンマ(,)がないか' ;;
end-before-start)
    ja validate "$data/broken/end-date-before-start.json"; expect_status 1
    expect_in "$err" 'end-date-before-start.json:4:50: エラー: /items/0/schedule/until: 「until」が「from」より前です' ;;
missing-image)
    ja validate "$data/broken/missing-image.json"; expect_status 1
    expect_in "$err" 'missing-image.json:4:33: エラー: /items/0/image: 画像ファイル「images/does-not-exist.png」が見つかりません' ;;
hostile-images)
    # tests/data/hostile: the screen skips each of these items; validate says why, in words.
    ja validate "$data/broken/hostile-images.json"; expect_status 1
    expect_in "$err" 'hostile-images.json:4:33: エラー: /items/0/image: 画像「../../data/hostile/huge-50000x50000.png」は 50000×50000 ピクセルで、画面に出せる 4000 万画素を超えています'
    expect_in "$err" 'hostile-images.json:6:33: エラー: /items/1/image: 画像「../../data/hostile/truncated.jpg」は途中で切れています'
    expect_in "$err" 'hostile-images.json:8:33: エラー: /items/2/image: ファイル「../../data/hostile/not-an-image.png」は名前に関わらず PNG / JPEG の画像ではありません'
    expect_in "$err" 'hostile-images.json:10:33: エラー: /items/3/image: 画像ファイル「../../data/hostile/empty.png」は空(0 バイト)です'
    run validate "$data/broken/hostile-images.json"; expect_status 1
    expect_in "$err" 'is 50000×50000 pixels, more than the 40 million pixels a screen accepts'
    expect_in "$err" 'is cut off: the file ends before the picture does'
    [[ $(grep -c ': error: ' "$err") -eq 4 ]] || fail "expected exactly 4 errors" ;;
long-title)
    ja validate "$data/warn/long-title.json"; expect_status 0
    expect_in "$err" 'long-title.json:4:15: 警告: /items/0/title: 1920×1080 の画面で、最小の文字サイズ'
    expect_in "$err" '枠に収まらず'
    ja validate --strict "$data/warn/long-title.json"; expect_status 1
    expect_in "$err" 'long-title.json:4:15: エラー: /items/0/title:' ;;
emoji)
    ja validate "$data/warn/emoji.json"; expect_status 0
    expect_in "$err" 'emoji.json:3:48: 警告: /items/0/title: 「🎉」を表示できるフォントがありません' ;;
video)
    # A film before it goes on the screen: what it is, what the kiosk makes of it, and the
    # command that converts one it plays badly or not at all.
    ffmpeg -nostdin -v error -f lavfi -i testsrc2=size=320x180:rate=30:duration=1 \
        -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$work/good.mp4" || fail "ffmpeg good.mp4"
    ffmpeg -nostdin -v error -f lavfi -i testsrc2=size=3840x2160:rate=30 -frames:v 3 \
        -c:v libx265 -preset ultrafast -x265-params log-level=none -pix_fmt yuv420p10le \
        -tag:v hvc1 "$work/big.mp4" || fail "ffmpeg big.mp4"
    cp "$source_dir/playlists/images/gujo.png" "$work/photo.mp4"
    ja validate "$work/good.mp4"; expect_status 0
    expect_in "$out" "good.mp4: OK(H.264 (Constrained Baseline)、320×180、8 ビット 4:2:0、30.00 fps、1.0 秒、音声なし)"
    ja validate "$work/big.mp4"; expect_status 0
    expect_in "$err" "big.mp4: 警告: 動画の大きさ 3840×2160 は画面（1920×1080）より大きく"
    expect_in "$err" "この動画の画素形式（yuv420p10le、10 ビット）はソフトウェアでしか再生できず"
    expect_in "$err" "次のコマンドで変換してください: ffmpeg -i '$work/big.mp4' -c:v libx264 -profile:v high -pix_fmt yuv420p -vf 'scale=w=1920:h=1080"
    # The command it gives works: run as given, it makes a film the screen takes as it is.
    command=$(sed -n 's/.*次のコマンドで変換してください: //p' "$err" | head -1)
    (cd "$work" && bash -c "${command/ffmpeg /ffmpeg -nostdin -v error }") ||
        fail "the suggested command failed: $command"
    run validate "$work/big-kiosk.mp4"; expect_status 0
    [[ -s $err ]] && fail "the converted film still has problems"
    expect_in "$out" "big-kiosk.mp4: ok (H.264 (High), 1920×1080, 8-bit 4:2:0"
    run validate --size 3840x2160 "$work/big.mp4"; expect_status 0
    grep -q "larger than the screen" "$err" && fail "a 4K film on a 4K screen is not too large"
    run validate --strict "$work/big.mp4"; expect_status 1
    ja validate "$work/photo.mp4"; expect_status 1
    expect_in "$err" "photo.mp4: エラー: 画面で再生できる動画（MP4、MOV、MKV、WebM）ではないか、ファイルが壊れています"
    run validate --json "$work/good.mp4"; expect_status 0
    expect_in "$out" '"video": "H.264 (Constrained Baseline), 320×180, 8-bit 4:2:0, 30.00 fps, 1.0 s, no sound"' ;;
several-errors)
    # Several mistakes in one run, not just the first.
    run validate "$data/broken/field-typo.json" "$data/broken/end-date-before-start.json" \
        "$source_dir/playlists/notices.json"
    expect_status 1
    expect_in "$err" 'unknown field "duraton"'; expect_in "$err" '"until" is before "from"'
    expect_in "$out" "notices.json: ok" ;;
json)
    run validate --json "$data/warn/emoji.json" "$data/broken/field-typo.json"; expect_status 1
    python3 - "$out" <<'PY' || fail "the JSON output is not what a script expects"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["valid"] is False
emoji, typo = report["files"]
assert emoji["valid"] is True and emoji["problems"][0]["severity"] == "warning"
assert emoji["problems"][0]["line"] == 3 and emoji["problems"][0]["pointer"] == "/items/0/title"
assert "豆腐" in emoji["problems"][0]["message_ja"]
assert typo["valid"] is False and typo["problems"][0]["pointer"] == "/items/0/duraton"
PY
    ;;
small-text)
    # From 12 m away on a 32-inch screen the body text of a notice is too small to read.
    run validate --viewing-distance 12 --screen-inches 32 "$source_dir/playlists/notices.json"
    expect_status 0; expect_in "$err" "smaller than the"; expect_in "$err" "distance / 250" ;;
bad-size)
    run validate --size big "$source_dir/playlists/notices.json"; expect_status 2
    expect_in "$err" "1920x1080" ;;
preview-landscape | preview-portrait)
    size=1920x1080; [[ $case_name == preview-portrait ]] && size=1080x1920
    run preview "$source_dir/playlists/events.json" --out "$work/preview" --size $size \
        --at 2025-11-20T10:00:00+09:00
    expect_status 0
    count=$(ls "$work/preview" | wc -l)
    [[ $count -eq 5 ]] || fail "expected 4 slides and a contact sheet, found $count files"
    [[ -f "$work/preview/03-marche-2025-11.png" ]] || fail "no PNG for the November marché"
    file "$work/preview/03-marche-2025-11.png" | grep -qF "${size/x/ x }" || fail "slide is not $size"
    file "$work/preview/contact-sheet.png" | grep -qF "PNG image data" || fail "no contact sheet" ;;
preview-broken)
    ja preview "$data/broken/field-typo.json" --out "$work/preview"; expect_status 1
    expect_in "$err" "「duraton」という項目はありません" ;;
*)
    fail "unknown case" ;;
esac
echo "ok ($case_name)"
