#!/usr/bin/env bash
# `make bench`: keiji's figures against the quality bars of DESIGN.md §7, printed as a markdown
# table and written to out/bench/bench.md. Prints figures; asserts nothing about them.
#
#   1. steady state: the 3 slides of tests/bench/fixtures/steady/ (5 s each, 1 s crossfade, header
#      clock) at 1920x1080 under Xvfb, keiji --fullscreen and a Chromium --kiosk showing the same
#      slides as a web page (make_bench_content.py html), each on a fresh Xvfb of the same setup
#      (keiji twice: with the renderer SDL picks, and with SDL's software renderer and no OpenGL):
#      CPU seconds per minute and PSS of the whole process tree (proctree.py), CPU of the X server,
#      and the time from process start to the first frame with content on the display, measured
#      from outside by keiji_first_frame_probe for both programs alike.
#   2. crossfade frame time with the software renderer at 1920x1080 and 3840x2160
#      (keiji_crossfade_bench), p50 and p99.
#   3. memory soak: keiji playing 50 promos with photos (make_bench_content.py soak), PSS sampled
#      every BENCH_SOAK_INTERVAL seconds: start, end, max and the slope of a least-squares line.
#
# Settings (environment):
#   BENCH_RUNS=3               runs of 1 and 2; figures are medians with min and max
#   BENCH_STEADY_SECONDS=60    the steady-state window of each program
#   BENCH_SETTLE_SECONDS=5     wait after the first complete frame before the window starts
#   BENCH_CROSSFADE_FRAMES=300 frames timed per size and run
#   BENCH_SOAK_SECONDS=600     length of the soak (0 skips it)
#   BENCH_SOAK_INTERVAL=10     PSS sampling interval of the soak
#   BENCH_SOAK_RUNS=1          soaks (each is long; its slope already rests on many samples)
#   BENCH_BUILD_DIR=build/bench  release build with keiji and the bench programs
#   BENCH_KEIJI=…/player/keiji  another keiji binary to measure
#   BENCH_OUT=out/bench        where bench.md, raw figures and screenshots go
#   BENCH_CHROMIUM=chromium    the browser (Debian's package; installed on demand, bench only)
#   BENCH_SKIP_CHROMIUM=1      keiji only (no browser install, no ratios)
#
# Inner steps (run by this script inside scripts/with-xvfb.sh):
#   run.sh steady-one keiji|keiji-software|chromium RUN     run.sh soak-one RUN
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bench="$here/tests/bench"
build=$(realpath -m "${BENCH_BUILD_DIR:-$here/build/bench}")
out=$(realpath -m "${BENCH_OUT:-$here/out/bench}")
runs=${BENCH_RUNS:-3}
steady_seconds=${BENCH_STEADY_SECONDS:-60}
settle_seconds=${BENCH_SETTLE_SECONDS:-5}
crossfade_frames=${BENCH_CROSSFADE_FRAMES:-300}
soak_seconds=${BENCH_SOAK_SECONDS:-600}
soak_interval=${BENCH_SOAK_INTERVAL:-10}
soak_runs=${BENCH_SOAK_RUNS:-1}
chromium=${BENCH_CHROMIUM:-chromium}
skip_chromium=${BENCH_SKIP_CHROMIUM:-0}
keiji=$(realpath -m "${BENCH_KEIJI:-$build/player/keiji}")
probe="$build/tests/bench/keiji_first_frame_probe"
steady_playlist="$bench/fixtures/steady/three-slides.json"
work="$out/work"
raw="$out/raw"

now() { date +%s.%N; }

# Starts PROGRAM under the probe; sets probe_pid and program_pid, fills $1 (the report file).
start_probed() {  # REPORT COMMAND...
    local report=$1
    shift
    rm -f "$report"
    "$probe" --report "$report" --timeout 90 -- "$@" >"$report.log" 2>&1 &
    probe_pid=$!
    program_pid=""
    for _ in $(seq 300); do
        [[ -s "$report" ]] && program_pid=$(awk '/^pid /{print $2}' "$report")
        [[ -n "$program_pid" ]] && break
        sleep 0.1
    done
    [[ -n "$program_pid" ]] || { echo "bench: $1 did not start" >&2; return 1; }
    # The probe gives up after its own timeout, so this wait ends.
    while ! grep -q '^full_frame_ms' "$report"; do
        kill -0 "$probe_pid" 2>/dev/null || break
        sleep 0.1
    done
}

stop_probed() {
    if [[ -n "${probe_pid:-}" ]] && kill -0 "$probe_pid" 2>/dev/null; then
        kill -TERM "$probe_pid" 2>/dev/null || true
        wait "$probe_pid" 2>/dev/null || true
    fi
    probe_pid=""
}

# The browser's command line: a kiosk that stays off the network and shows one local page.
chromium_command() {  # PAGE PROFILE_DIR
    local page=$1 profile=$2
    mkdir -p "$profile/Default"
    # No translation offer over a Japanese page in an English browser, no first-run bubbles.
    cat >"$profile/Default/Preferences" <<'JSON'
{"translate": {"enabled": false}, "browser": {"has_seen_welcome_page": true},
 "credentials_enable_service": false, "profile": {"password_manager_enabled": false}}
JSON
    chromium_cmd=("$chromium" --kiosk --no-first-run --no-default-browser-check --noerrdialogs
        --disable-background-networking --disable-component-update --disable-sync
        --disable-default-apps --disable-extensions --disable-breakpad --disable-crash-reporter
        --disable-domain-reliability --disable-client-side-phishing-detection
        --disable-features=Translate,TranslateUI,MediaRouter,OptimizationHints,AutofillServerCommunication
        --password-store=basic --use-mock-keychain --user-data-dir="$profile"
        --window-position=0,0 --window-size=1920,1080)
    # Chromium refuses to run as root with its sandbox; a kiosk would run it as a plain user.
    [[ $(id -u) -eq 0 ]] && chromium_cmd+=(--no-sandbox)
    chromium_cmd+=("file://$page")
}

# One program, one run, inside a fresh Xvfb: writes key/value figures to $raw.
steady_one() {  # keiji|keiji-software|chromium RUN
    local program=$1 run=$2
    local result="$raw/steady-$program-$run.txt"
    local report="$work/probe-$program-$run.txt"
    profile=$(mktemp -d)  # Global: the EXIT trap runs after this function has returned.
    trap 'stop_probed; rm -rf "$profile"' EXIT
    case $program in
        keiji) start_probed "$report" "$keiji" play --content "$steady_playlist" --fullscreen ;;
        keiji-software)
            # The same without OpenGL: SDL's software renderer, and the window's pixels sent to
            # the X server as they are (without the second variable SDL 2.26 still presents the
            # software renderer's frames through an OpenGL texture, on llvmpipe under Xvfb).
            start_probed "$report" env SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
                "$keiji" play --content "$steady_playlist" --fullscreen
            ;;
        chromium)
            chromium_command "$work/three-slides.html" "$profile"
            # The page's clock in the ward's time zone, as keiji's.
            start_probed "$report" env TZ=Asia/Tokyo "${chromium_cmd[@]}"
            ;;
    esac
    local first full
    first=$(awk '/^first_frame_ms/{print $2}' "$report")
    full=$(awk '/^full_frame_ms/{print $2}' "$report")
    [[ $run == 1 ]] && import -window root "$out/screens/$program-first-frame.png" 2>/dev/null || true
    sleep "$settle_seconds"

    local cpu0 x0 t0 cpu1 x1 t1 samples=() processes=0 left
    cpu0=$(python3 "$bench/proctree.py" cpu "$program_pid")
    x0=$(python3 "$bench/proctree.py" cpu "$XVFB_PID")
    t0=$(now)
    # PSS every 5 s through the window (at least once).
    local end
    end=$(awk -v t="$t0" -v s="$steady_seconds" 'BEGIN { printf "%.3f", t + s }')
    while :; do
        left=$(awk -v e="$end" -v n="$(now)" 'BEGIN { d = e - n; printf "%.3f", (d > 5 ? 5 : d) }')
        if awk -v l="$left" 'BEGIN { exit !(l > 0) }'; then sleep "$left"; fi
        read -r pss processes < <(python3 "$bench/proctree.py" pss "$program_pid")
        samples+=("$pss")
        awk -v e="$end" -v n="$(now)" 'BEGIN { exit !(n >= e) }' && break
    done
    cpu1=$(python3 "$bench/proctree.py" cpu "$program_pid")
    x1=$(python3 "$bench/proctree.py" cpu "$XVFB_PID")
    t1=$(now)
    [[ $run == 1 ]] && import -window root "$out/screens/$program-steady.png" 2>/dev/null || true
    local renderer="-"
    if [[ $program == keiji* ]]; then
        # Whether OpenGL drew (Mesa's llvmpipe runs its threads in the process) or not.
        if grep -qs '^llvmpipe' /proc/"$program_pid"/task/*/comm; then
            renderer="OpenGL on Mesa llvmpipe (the CPU)"
        elif grep -qs 'libGLX\|libEGL' "/proc/$program_pid/maps"; then
            renderer="OpenGL"
        else
            renderer="no OpenGL (SDL software renderer)"
        fi
    fi
    stop_probed
    {
        echo "program $program"
        echo "first_frame_ms ${first:-timeout}"
        echo "full_frame_ms ${full:-timeout}"
        awk -v a="$cpu0" -v b="$cpu1" -v t0="$t0" -v t1="$t1" \
            'BEGIN { printf "cpu_s_per_min %.3f\n", (b - a) * 60 / (t1 - t0) }'
        awk -v a="$x0" -v b="$x1" -v t0="$t0" -v t1="$t1" \
            'BEGIN { printf "xserver_cpu_s_per_min %.3f\n", (b - a) * 60 / (t1 - t0) }'
        printf '%s\n' "${samples[@]}" | awk '{ s += $1; if ($1 > m) m = $1 } END {
            printf "pss_mib %.1f\npss_max_mib %.1f\n", s / NR / 1024, m / 1024 }'
        echo "processes $processes"
        echo "renderer $renderer"
    } >"$result"
}

soak_one() {  # RUN
    local run=$1
    local result="$raw/soak-$run.txt"
    local report="$work/probe-soak-$run.txt"
    trap 'stop_probed' EXIT
    start_probed "$report" "$keiji" play --content "$work/soak/soak.json" --fullscreen
    local t0 pss _
    t0=$(now)
    : >"$result"
    local next=0
    while awk -v n="$next" -v s="$soak_seconds" 'BEGIN { exit !(n <= s) }'; do
        # Sleep to the next sampling time, counted from the start (no drift).
        local delay
        delay=$(awk -v t0="$t0" -v n="$next" -v now="$(now)" \
            'BEGIN { d = t0 + n - now; printf "%.3f", (d > 0 ? d : 0) }')
        sleep "$delay"
        read -r pss _ < <(python3 "$bench/proctree.py" pss "$program_pid")
        awk -v t0="$t0" -v now="$(now)" -v p="$pss" \
            'BEGIN { printf "sample %.1f %.1f\n", now - t0, p / 1024 }' >>"$result"
        next=$((next + soak_interval))
    done
    [[ $run == 1 ]] && import -window root "$out/screens/keiji-soak-end.png" 2>/dev/null || true
    stop_probed
}

case ${1:-} in
    steady-one) steady_one "$2" "$3"; exit ;;  # keiji|keiji-software|chromium RUN
    soak-one) soak_one "$2"; exit ;;
    "") ;;
    *) echo "usage: run.sh   (settings in the environment; see the top of this file)" >&2; exit 2 ;;
esac

for tool in "$keiji" "$probe" "$build/tests/bench/keiji_crossfade_bench"; do
    [[ -x "$tool" ]] || { echo "bench: $tool is missing; build with: cmake --preset release -B build/bench && cmake --build build/bench" >&2; exit 1; }
done
# Chromium and ImageMagick (screenshots) are for the bench only: `make test` never needs them.
if [[ $skip_chromium != 1 ]]; then
    "$here/scripts/install-deps.sh" "$bench/bench-packages.txt"
fi
rm -rf "$raw" "$work" "$out/screens"
mkdir -p "$raw" "$work" "$out/screens"
python3 "$bench/make_bench_content.py" html "$steady_playlist" "$work/three-slides.html"
python3 "$bench/make_bench_content.py" soak "$work/soak"

{
    echo "date $(date -Iseconds)"
    echo "host $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
    echo "load_at_start $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "keiji $("$keiji" --version 2>/dev/null | head -1) ($(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?'))"
    [[ $skip_chromium == 1 ]] || echo "chromium $("$chromium" --version 2>/dev/null | head -1)"
    echo "runs $runs"
    echo "steady_seconds $steady_seconds"
    echo "settle_seconds $settle_seconds"
    echo "crossfade_frames $crossfade_frames"
    echo "soak_seconds $soak_seconds"
    echo "soak_interval $soak_interval"
    echo "soak_runs $soak_runs"
} >"$raw/meta.txt"

programs=(keiji keiji-software)
[[ $skip_chromium == 1 ]] || programs+=(chromium)
for run in $(seq "$runs"); do
    # Alternate the order, so neither program always runs on a machine that just warmed up.
    order=("${programs[@]}")
    if ((run % 2 == 0)); then
        mapfile -t order < <(printf '%s\n' "${programs[@]}" | tac)
    fi
    for program in "${order[@]}"; do
        echo "bench: run $run/$runs: steady state, $program (${steady_seconds} s)" >&2
        "$here/scripts/with-xvfb.sh" "$0" steady-one "$program" "$run"
    done
    echo "bench: run $run/$runs: crossfade frames" >&2
    "$build/tests/bench/keiji_crossfade_bench" --frames "$crossfade_frames" "$steady_playlist" \
        >"$raw/crossfade-$run.txt"
done
if ((soak_seconds > 0)); then
    for run in $(seq "$soak_runs"); do
        echo "bench: soak $run/$soak_runs: 50 items, ${soak_seconds} s" >&2
        "$here/scripts/with-xvfb.sh" "$0" soak-one "$run"
    done
fi

python3 "$bench/bench_table.py" "$raw" | tee "$out/bench.md"
echo "bench: written to ${out#"$here"/}/bench.md (screenshots in ${out#"$here"/}/screens/)" >&2
