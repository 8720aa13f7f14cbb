#!/usr/bin/env bash
# systemd-analyze verify on systemd/keiji.service, with ExecStart pointed at the built binary.
# verify exits 0 even for unknown keys and bad values, so any message it prints fails the test.
set -u
unit=$1 keiji=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
sed "s#/usr/bin/keiji#$keiji#" "$unit" >"$work/keiji.service"
messages=$(systemd-analyze verify "$work/keiji.service" 2>&1)
status=$?
if [[ $status -ne 0 || -n "$messages" ]]; then
    echo "FAIL: systemd-analyze verify (exit $status):"
    echo "$messages"
    exit 1
fi
for required in "Type=notify" "WatchdogSec=" "Restart=always" "ProtectSystem=strict" \
                "NoNewPrivileges=yes" "StateDirectory=keiji" "DeviceAllow=char-drm rw"; do
    grep -q "^$required" "$unit" || { echo "FAIL: the unit lacks $required"; exit 1; }
done
echo "ok: the unit verifies cleanly"
