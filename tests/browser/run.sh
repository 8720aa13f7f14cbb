#!/usr/bin/env bash
# keiji studio in a real browser (headless Chromium driven by puppeteer-core).
#
#   tests/browser/run.sh CASE KEIJI SOURCE_DIR WORK_DIR
#
# CASE is "scenario" (studio_scenario.mjs), "security" (studio_security.mjs) or "bench"
# (tests/bench/studio_bench.mjs: figures, not a test; see tests/bench/studio_bench.sh). The script
# installs the test's npm packages from package-lock.json when node_modules is missing, starts
# `KEIJI studio` on a free loopback port with a fresh data folder in WORK_DIR (the bundled
# playlists imported), reads the first administrator's password from its output, runs the case,
# stops the studio with SIGTERM and waits for it. Needs no display and no stdin.
#
# Environment: CHROMIUM (default /usr/bin/chromium); KEIJI_STUDIO_WEB=DIR serves the pages from
# DIR (keiji studio --web) instead of the ones built into KEIJI, for work on studio/web.
set -euo pipefail

fail() {
    echo "tests/browser/run.sh: $*" >&2
    exit 1
}

[[ $# -eq 4 ]] || fail "usage: run.sh CASE KEIJI SOURCE_DIR WORK_DIR"
case_name=$1
keiji=$2
source_dir=$(cd "$3" && pwd) || fail "no source folder $3"
work=$4

case "$case_name" in
    scenario) script=studio_scenario.mjs ;;
    security) script=studio_security.mjs ;;
    bench) script=../bench/studio_bench.mjs ;;
    *) fail "unknown case \"$case_name\" (scenario, security or bench)" ;;
esac
[[ -x "$keiji" ]] || fail "$keiji is not an executable keiji"
command -v node >/dev/null || fail "node (Node.js 20) is not installed"
chromium=${CHROMIUM:-/usr/bin/chromium}
[[ -x "$chromium" ]] || fail "no Chromium at $chromium (set CHROMIUM)"

here="$source_dir/tests/browser"
if [[ ! -d "$here/node_modules/puppeteer-core" || ! -d "$here/node_modules/pngjs" ]]; then
    echo "tests/browser: npm ci (puppeteer-core, pngjs from package-lock.json)"
    (cd "$here" && npm ci --no-audit --no-fund </dev/null) || fail "npm ci failed in $here"
fi

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)

port=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
[[ "$port" =~ ^[0-9]+$ ]] || fail "cannot find a free port"

web_args=()
if [[ -n "${KEIJI_STUDIO_WEB:-}" ]]; then
    web_args=(--web "$KEIJI_STUDIO_WEB")
fi

studio_log="$work/studio.log"
"$keiji" studio --data "$work/data" --listen "127.0.0.1:$port" --import "$source_dir/playlists" \
    "${web_args[@]}" </dev/null >"$studio_log" 2>&1 &
studio_pid=$!
echo "$studio_pid" >"$work/studio.pid"  # The bench reads the studio's memory.

stop_studio() {
    if kill -0 "$studio_pid" 2>/dev/null; then
        kill -TERM "$studio_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$studio_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$studio_pid" 2>/dev/null; then
            echo "tests/browser: the studio did not stop within 10 s of SIGTERM; killing it" >&2
            kill -KILL "$studio_pid" 2>/dev/null || true
        fi
    fi
    wait "$studio_pid" 2>/dev/null || true
}
trap stop_studio EXIT

password=""
for _ in $(seq 1 300); do
    if ! kill -0 "$studio_pid" 2>/dev/null; then
        cat "$studio_log" >&2
        fail "keiji studio exited before it was ready (its output is above)"
    fi
    if grep -q "open http://" "$studio_log"; then
        password=$(sed -n 's/.*the first administrator: name "admin", password "\([^"]*\)".*/\1/p' "$studio_log" | head -n 1)
        break
    fi
    sleep 0.1
done
[[ -n "$password" ]] || { cat "$studio_log" >&2; fail "no administrator password in the studio's output within 30 s"; }
echo "tests/browser: keiji studio on http://127.0.0.1:$port (data $work/data)"

status=0
KEIJI="$keiji" SOURCE_DIR="$source_dir" WORK_DIR="$work" STUDIO_URL="http://127.0.0.1:$port" \
    ADMIN_PASSWORD="$password" CHROMIUM="$chromium" \
    node "$here/$script" </dev/null || status=$?

stop_studio
trap - EXIT
if [[ $status -ne 0 ]]; then
    echo "tests/browser: case \"$case_name\" FAILED (exit $status); screenshots and logs in $work" >&2
    exit 1
fi
echo "tests/browser: case \"$case_name\" passed; screenshots in $work/screenshots"
