#!/usr/bin/env bash
# The rules of the house that a compiler does not check (ARCHITECTURE.md):
#  1. a room of player/src includes only headers of its own room and of the rooms below it, in
#     the order below (the lowest first);
#  2. no file of player/src or studio/web has more than 400 lines.
# Usage: check-house.sh [SOURCE_DIR]. Prints every breach and exits 1 when there is one.
set -euo pipefail
source_dir=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$source_dir/player/src"

rooms=(model storage text ondemand schedule alert sync render media checks kiosk play studio cli)
declare -A rank
for i in "${!rooms[@]}"; do rank[${rooms[$i]}]=$i; done

breaches=0
for room_dir in */; do
    room=${room_dir%/}
    if [[ -z ${rank[$room]+set} ]]; then
        echo "player/src/$room is not a room of the house (add it to ${0##*/} and ARCHITECTURE.md)"
        breaches=$((breaches + 1))
        continue
    fi
    # Every quoted include of a room header: file:line:#include "room/header.hpp".
    while IFS=: read -r file line include; do
        target=$(sed -n 's/^#include "\([a-z_]*\)\/.*/\1/p' <<<"$include")
        [[ -n $target && -n ${rank[$target]+set} ]] || continue
        if ((rank[$target] > rank[$room])); then
            echo "player/src/$file:$line: $room includes $target, a room above it: $include"
            breaches=$((breaches + 1))
        fi
    done < <(grep -rn '^#include "[a-z_]*/' "$room" --include='*.hpp' --include='*.cpp' || true)
done
while read -r count file; do
    [[ $file == total ]] && continue
    if ((count > 400)); then
        echo "player/src/$file has $count lines (the house keeps files under 400)"
        breaches=$((breaches + 1))
    fi
done < <(find . -name '*.cpp' -o -name '*.hpp' | sed 's|^\./||' | xargs wc -l)
# The studio's pages: scripts, style sheets and HTML (its pictures are not counted).
while read -r count file; do
    [[ $file == total ]] && continue
    if ((count > 400)); then
        echo "$file has $count lines (the house keeps files under 400)"
        breaches=$((breaches + 1))
    fi
done < <(cd "$source_dir" && find studio/web \( -name '*.js' -o -name '*.css' -o -name '*.html' \) |
    xargs wc -l)

if ((breaches > 0)); then
    echo "check-house: $breaches breach(es) of the house rules"
    exit 1
fi
echo "check-house: every include points at the room itself or a room below it; every file is at most 400 lines"
