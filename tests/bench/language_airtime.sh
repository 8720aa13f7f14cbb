#!/usr/bin/env bash
# Airtime per language on a lobby screen configured for ja, やさしい日本語, en, zh-Hans and ko:
# a headless run on the virtual clock (an hour by default) of tests/bench/fixtures/languages/
# (two items in all five languages, one in ja and en, one in Japanese only), then the proof of
# play summed by language. Prints figures; asserts only that the run worked and that no slide
# was recorded in a language its item does not have.
#
#   tests/bench/language_airtime.sh KEIJI [WORK_DIR]      (WORK_DIR default out/language-airtime)
# Environment: AIRTIME_SECONDS (3600) simulated seconds; AIRTIME_AT (2025-11-20T09:00:00+09:00).
set -euo pipefail
keiji=$(realpath "$1")
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$(realpath -m "${2:-$source_dir/out/language-airtime}")
seconds=${AIRTIME_SECONDS:-3600}
at=${AIRTIME_AT:-2025-11-20T09:00:00+09:00}

rm -rf "$work"
mkdir -p "$work/content" "$work/state"
cp "$source_dir/tests/bench/fixtures/languages/lobby.json" "$work/content/"
cp -r "$source_dir/playlists/images" "$work/content/images"
printf '{"languages": ["ja", "ja-x-easy", "en", "zh-Hans", "ko"]}\n' >"$work/keiji.json"

"$keiji" play --headless --discard-frames --seconds "$seconds" --at "$at" --window 960x540 \
    --config "$work/keiji.json" --content "$work/content" --state-dir "$work/state" \
    2>"$work/player.log" || { tail -n 20 "$work/player.log" >&2; exit 1; }

# What keiji schedule predicts for the same hour, from the same planner and rotation.
end=$(python3 -c "import datetime as d; print((d.datetime.fromisoformat('$at') + d.timedelta(seconds=$seconds)).isoformat())")
"$keiji" schedule "$work/content/lobby.json" --from "$at" --to "$end" --summary-only \
    --languages ja,ja-x-easy,en,zh-Hans,ko >"$work/plan.txt"

python3 - "$work/state/proof-of-play" "$work/content/lobby.json" "$seconds" <<'PY'
import collections, json, pathlib, sys
records = [json.loads(line) for path in sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl"))
           for line in path.read_text().splitlines() if line.strip()]
items = {item["id"]: item for item in json.loads(pathlib.Path(sys.argv[2]).read_text())["items"]}
by_language = collections.Counter()
slides = collections.Counter()
wrong = []
for record in records:
    if record.get("mode") != "normal" or not record.get("item"):
        continue
    language = record.get("language", "?")
    title = items[record["item"]]["title"]
    has = title.keys() if isinstance(title, dict) else {"ja"}
    if language not in has:
        wrong.append(f'{record["item"]} shown in {language}')
    by_language[language] += record.get("seconds", 0)
    slides[language] += 1
total = sum(by_language.values())
if not total:
    sys.exit("language_airtime: no slide in the proof of play")
print(f"language airtime over {int(sys.argv[3])} simulated seconds, {sum(slides.values())} slides:")
for language in ["ja", "ja-x-easy", "en", "zh-Hans", "ko"]:
    seconds = by_language.get(language, 0)
    print(f"  {language:10} {seconds:7.0f} s  {100 * seconds / total:5.1f} %  {slides.get(language, 0):4} slides")
print("keiji schedule --languages predicts:")
for line in pathlib.Path(sys.argv[2]).parent.parent.joinpath("plan.txt").read_text().splitlines():
    if line.startswith("# ") and line.split()[1] in {"language", "ja", "ja-x-easy", "en", "zh-Hans", "ko"}:
        print("  " + line[2:])
if wrong:
    sys.exit("language_airtime: slides in a language their item does not have: " + "; ".join(wrong[:5]))
PY
