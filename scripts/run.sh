#!/usr/bin/env bash
# `make run`: plays the bundled playlists in a window, or, with no display, writes one cycle of
# frames as PNG files so the result can still be looked at.
set -euo pipefail
keiji=${1:-build/release/player/keiji}
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec "$keiji" play --content playlists --window 1280x720
fi
echo "keiji: no display found (DISPLAY is not set), so the frames go to out/frames/ as PNG files instead."
rm -rf out/frames
exec "$keiji" play --content playlists --headless --out out/frames --cycles 1
