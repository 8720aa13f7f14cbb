#!/usr/bin/env bash
# Runs a command with a private Xvfb server (1920x1080 at depth 24, or XVFB_SCREEN=WxHxDEPTH; on a
# free display number, no TCP listener) and stops the server afterwards, whatever happens.
# Usage: with-xvfb.sh COMMAND...
# The command finds the server's process id in $XVFB_PID (the benchmarks count its CPU time).
set -euo pipefail
command -v Xvfb >/dev/null || { echo "with-xvfb: Xvfb is not installed (make test installs it)" >&2; exit 1; }

display=""
for number in $(seq 90 140); do
    if [[ ! -e /tmp/.X${number}-lock && ! -e /tmp/.X11-unix/X${number} ]]; then
        display=":${number}"
        break
    fi
done
[[ -n "$display" ]] || { echo "with-xvfb: no free display number" >&2; exit 1; }

Xvfb "$display" -screen 0 "${XVFB_SCREEN:-1920x1080x24}" -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null || true' EXIT
# Wait until the server accepts clients (its socket appears), at most 10 s.
for _ in $(seq 100); do
    [[ -S /tmp/.X11-unix/X${display#:} ]] && break
    kill -0 "$xvfb_pid" 2>/dev/null || { echo "with-xvfb: Xvfb did not start" >&2; exit 1; }
    sleep 0.1
done
XVFB_PID="$xvfb_pid" DISPLAY="$display" "$@"
