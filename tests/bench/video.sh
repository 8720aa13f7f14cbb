#!/usr/bin/env bash
# `make bench`, films: what playing a film in a loop costs, for keiji, for FFmpeg decoding the
# same file alone, and for a Chromium kiosk playing it in a <video> element. Prints a markdown
# table and writes it to out/bench/video.md; asserts nothing about the figures.
#
#   keiji     keiji play --fullscreen, one video item (loop, title band), SDL's software renderer
#             without OpenGL (as on a kiosk without a GPU), on a fresh Xvfb 1920x1080
#   ffmpeg    ffmpeg -re -stream_loop -1 -i FILM -f null -: the decoding alone, at the film's own
#             pace (-re), so its CPU per minute is the floor keiji's figure stands on
#   chromium  chromium --kiosk showing a page with <video autoplay muted loop> filling the window,
#             on a fresh Xvfb 1920x1080
# Each at 1080p30 and 2160p30 H.264 High 8-bit 4:2:0 (testsrc2, made here with ffmpeg, 20 s).
# Figures: CPU seconds per minute of the whole process tree (proctree.py), of the X server, PSS
# (mean of samples every 5 s), and for keiji the pictures shown and skipped as late (its log).
#
# Settings (environment):
#   BENCH_RUNS=3                 runs per program and size; figures are medians with min and max
#   BENCH_VIDEO_SECONDS=60       the measuring window
#   BENCH_SETTLE_SECONDS=6       wait after start before the window
#   BENCH_BUILD_DIR=build/bench  release build with keiji
#   BENCH_OUT=out/bench          where video.md, raw figures and screenshots go
#   BENCH_CHROMIUM=chromium      the browser; BENCH_SKIP_CHROMIUM=1 leaves it out
#
# Inner step (run by this script inside scripts/with-xvfb.sh): video.sh one PROGRAM SIZE RUN
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bench="$here/tests/bench"
build=$(realpath -m "${BENCH_BUILD_DIR:-$here/build/bench}")
out=$(realpath -m "${BENCH_OUT:-$here/out/bench}")
runs=${BENCH_RUNS:-3}
seconds=${BENCH_VIDEO_SECONDS:-60}
settle=${BENCH_SETTLE_SECONDS:-6}
chromium=${BENCH_CHROMIUM:-chromium}
skip_chromium=${BENCH_SKIP_CHROMIUM:-0}
keiji="$build/player/keiji"
work="$out/video-work"
raw="$out/video-raw"

now() { date +%s.%N; }

# CPU seconds of the X server process alone: its process group holds this script too, and
# proctree.py would count the program measured (a child of this script) in it.
xserver_cpu() {
    awk -v ticks="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13) / ticks }' \
        "/proc/$XVFB_PID/stat"
}

# One program, one size, one run: key/value figures in $raw.
one() {  # keiji|ffmpeg|chromium 1080p|2160p RUN
    local program=$1 size=$2 run=$3
    local film="$work/films/film-$size.mp4"
    local log="$work/$program-$size-$run.log"
    local profile
    profile=$(mktemp -d)
    # Each program in a process group of its own, so the tree measured is its alone.
    case $program in
        keiji)
            SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
                setsid "$keiji" play --content "$work/film-$size.json" --fullscreen >"$log" 2>&1 &
            ;;
        ffmpeg)
            setsid ffmpeg -nostdin -v error -re -stream_loop -1 -i "$film" -f null - >"$log" 2>&1 &
            ;;
        chromium)
            mkdir -p "$profile/Default"
            echo '{"browser": {"has_seen_welcome_page": true}}' >"$profile/Default/Preferences"
            local flags=(--kiosk --no-first-run --no-default-browser-check --noerrdialogs
                --disable-background-networking --disable-component-update --disable-sync
                --disable-extensions --disable-breakpad --autoplay-policy=no-user-gesture-required
                --password-store=basic --user-data-dir="$profile" --window-position=0,0
                --window-size=1920,1080)
            [[ $(id -u) -eq 0 ]] && flags+=(--no-sandbox)
            setsid "$chromium" "${flags[@]}" "file://$work/film-$size.html" >"$log" 2>&1 &
            ;;
    esac
    local pid=$!
    sleep "$settle"
    local cpu0 x0 t0 cpu1 x1 t1 samples=() pss processes
    cpu0=$(python3 "$bench/proctree.py" cpu "$pid")
    x0=$(xserver_cpu)
    t0=$(now)
    for _ in $(seq $((seconds / 5))); do
        sleep 5
        read -r pss processes < <(python3 "$bench/proctree.py" pss "$pid")
        samples+=("$pss")
    done
    cpu1=$(python3 "$bench/proctree.py" cpu "$pid")
    x1=$(xserver_cpu)
    t1=$(now)
    [[ $run == 1 && $program != ffmpeg ]] &&
        import -window root "$out/screens/video-$program-$size.png" 2>/dev/null || true
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$profile"
    local shown=- skipped=-
    if [[ $program == keiji ]]; then
        # keiji's own count, logged as the film leaves the screen (here: at SIGTERM).
        read -r shown skipped < <(sed -n 's/.*: \([0-9]*\) pictures shown, \([0-9]*\) skipped.*/\1 \2/p' "$log" | tail -1) || true
    fi
    {
        echo "program $program"
        echo "size $size"
        awk -v a="$cpu0" -v b="$cpu1" -v t0="$t0" -v t1="$t1" \
            'BEGIN { printf "cpu_s_per_min %.3f\n", (b - a) * 60 / (t1 - t0) }'
        awk -v a="$x0" -v b="$x1" -v t0="$t0" -v t1="$t1" \
            'BEGIN { printf "xserver_cpu_s_per_min %.3f\n", (b - a) * 60 / (t1 - t0) }'
        printf '%s\n' "${samples[@]}" | awk '{ s += $1 } END { printf "pss_mib %.1f\n", s / NR / 1024 }'
        echo "processes $processes"
        echo "pictures_shown ${shown:--}"
        echo "pictures_skipped ${skipped:--}"
    } >"$raw/$program-$size-$run.txt"
}

if [[ ${1:-} == one ]]; then
    one "$2" "$3" "$4"
    exit
fi

[[ -x $keiji ]] || { echo "video bench: build $keiji first (make bench does)" >&2; exit 1; }
[[ $skip_chromium == 1 ]] || "$here/scripts/install-deps.sh" "$bench/bench-packages.txt"
mkdir -p "$work/films" "$raw" "$out/screens"
rm -f "$raw"/*.txt
for size in 1080p 2160p; do
    dimensions=$([[ $size == 1080p ]] && echo 1920x1080 || echo 3840x2160)
    film="$work/films/film-$size.mp4"
    if [[ ! -s $film ]]; then
        echo "video bench: making $film"
        ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=$dimensions:rate=30:duration=20" \
            -c:v libx264 -preset veryfast -profile:v high -pix_fmt yuv420p -movflags +faststart \
            "$film.part.mp4"
        mv "$film.part.mp4" "$film"
    fi
    cat >"$work/film-$size.json" <<JSON
{"items": [{"type": "video", "id": "film-$size", "duration": 3600, "video": "films/film-$size.mp4",
  "title": {"ja": "商店街PR映像 $size", "en": "Shopping street film $size"}}]}
JSON
    cat >"$work/film-$size.html" <<HTML
<!doctype html><meta charset="utf-8"><title>film</title>
<style>html,body{margin:0;height:100%;background:#000;overflow:hidden}
video{width:100vw;height:100vh;object-fit:contain}</style>
<video src="films/film-$size.mp4" autoplay muted loop playsinline></video>
HTML
done

programs=(keiji ffmpeg)
[[ $skip_chromium == 1 ]] || programs+=(chromium)
for run in $(seq "$runs"); do
    for size in 1080p 2160p; do
        for program in "${programs[@]}"; do
            echo "video bench: run $run, $program, $size"
            "$here/scripts/with-xvfb.sh" "$0" one "$program" "$size" "$run"
        done
    done
done

python3 - "$raw" <<'PY' | tee "$out/video.md"
import pathlib, statistics, sys
rows = {}
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    figures = dict(line.split(" ", 1) for line in path.read_text().splitlines() if " " in line)
    rows.setdefault((figures["size"], figures["program"]), []).append(figures)

def spread(runs, key):
    values = [float(r[key]) for r in runs if r.get(key, "-") not in ("-", "")]
    if not values:
        return "–", None
    median = statistics.median(values)
    text = f"{median:.2f}" if len(values) == 1 else \
        f"{median:.2f} ({min(values):.2f}–{max(values):.2f})"
    return text, median

print("| film | program | CPU s/min | X server CPU s/min | PSS MiB | pictures shown / skipped | runs |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
medians = {}
for (size, program), runs in sorted(rows.items(), key=lambda kv: (kv[0][0], ["keiji", "ffmpeg", "chromium"].index(kv[0][1]))):
    cpu, cpu_median = spread(runs, "cpu_s_per_min")
    xcpu, _ = spread(runs, "xserver_cpu_s_per_min")
    pss, pss_median = spread(runs, "pss_mib")
    medians[(size, program)] = (cpu_median, pss_median)
    pictures = ", ".join(f"{r['pictures_shown']} / {r['pictures_skipped']}" for r in runs) \
        if program == "keiji" else "–"
    print(f"| {size} | {program} | {cpu} | {xcpu if program != 'ffmpeg' else '–'} | {pss} | {pictures} | {len(runs)} |")
print()
for size in ("1080p", "2160p"):
    keiji = medians.get((size, "keiji"))
    for other in ("ffmpeg", "chromium"):
        theirs = medians.get((size, other))
        if keiji and theirs and theirs[0] and theirs[1]:
            print(f"- {size}: keiji / {other}: CPU {keiji[0] / theirs[0]:.2f}, PSS {keiji[1] / theirs[1]:.2f}")
PY
