#!/usr/bin/env bash
# systemd-analyze verify and security on a unit, with ExecStart pointed at the built binary.
# verify exits 0 even for unknown keys and bad values, so any message it prints fails the test;
# security --offline rates the unit's exposure, which must not rise above the unit's threshold.
# Usage: systemd_unit_test.sh UNIT KEIJI WORK_DIR THRESHOLD REQUIRED-LINE...
set -u
unit=$1 keiji=$2 work=$3 threshold=$4
shift 4
rm -rf "$work" && mkdir -p "$work"
name=$(basename "$unit")
sed "s#/usr/bin/keiji#$keiji#" "$unit" >"$work/$name"
messages=$(systemd-analyze verify "$work/$name" 2>&1)
status=$?
if [[ $status -ne 0 || -n "$messages" ]]; then
    echo "FAIL: systemd-analyze verify (exit $status):"
    echo "$messages"
    exit 1
fi
for required in "$@"; do
    grep -q "^$required" "$unit" || { echo "FAIL: the unit lacks $required"; exit 1; }
done
rating=$(systemd-analyze security --offline=true "$work/$name" 2>&1)
exposure=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' <<<"$rating")
[[ -n $exposure ]] || { echo "FAIL: systemd-analyze security gave no rating:"; echo "$rating"; exit 1; }
if ! awk -v e="$exposure" -v t="$threshold" 'BEGIN { exit !(e <= t) }'; then
    echo "FAIL: exposure $exposure is above $threshold:"
    grep "✗" <<<"$rating"
    exit 1
fi
echo "ok: $name verifies cleanly; systemd-analyze security rates its exposure $exposure (at most $threshold)"
