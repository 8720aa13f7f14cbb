#!/usr/bin/env bash
# keiji play in a real window under Xvfb: it must start, keep running, and exit 0 on SIGTERM.
set -u
keiji=$1 source_dir=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
"$keiji" play --content "$source_dir/playlists" --window 640x360 2>"$work/stderr" &
pid=$!
sleep 3
if ! kill -0 "$pid" 2>/dev/null; then
    echo "FAIL: the player exited early"; cat "$work/stderr"; exit 1
fi
kill -TERM "$pid"
wait "$pid"
status=$?
if [[ $status -ne 0 ]]; then
    echo "FAIL: exit status $status after SIGTERM"; cat "$work/stderr"; exit 1
fi
echo "ok: played for 3 s in a window and stopped cleanly"
