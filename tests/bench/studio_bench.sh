#!/usr/bin/env bash
# keiji studio's figures: preview round trip p50/p99 at 1080p and 4K, publish time for the
# bundled content, the studio's PSS at rest and while five browsers edit (studio_bench.mjs).
# Prints figures and asserts nothing about them; `make bench` runs it after tests/bench/run.sh.
#
#   tests/bench/studio_bench.sh [KEIJI] [WORK_DIR]
#
# KEIJI defaults to the release build of make bench (build/bench/player/keiji): a dev build's
# sanitizers make previews several times slower. WORK_DIR defaults to out/bench/studio.
# Environment: BENCH_KEYSTROKES (30), BENCH_EDITORS (5), BENCH_PUBLISHES (5), CHROMIUM.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
keiji=$(realpath -m "${1:-$here/build/bench/player/keiji}")
work=$(realpath -m "${2:-$here/out/bench/studio}")
[[ -x $keiji ]] || { echo "studio_bench: no keiji at $keiji (make bench builds it)" >&2; exit 1; }
bash "$here/tests/browser/run.sh" bench "$keiji" "$here" "$work"
