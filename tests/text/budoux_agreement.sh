#!/bin/sh
# Runs budoux_agreement.mjs with the reference npm `budoux` installed into the build tree.
# Exits 77 (reported by CTest as skipped, with the reason printed) when node or npm is missing
# or the package cannot be installed, e.g. offline.
# Usage: budoux_agreement.sh PHRASES_TOOL SENTENCES PREFIX
set -eu
tool=$1 corpus=$2 prefix=$3
here=$(dirname "$0")
version=0.9.2  # The version ja.json was taken from; keep both in step.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "SKIPPED: node/npm not found; BudouX agreement not measured"
    exit 77
fi
if [ ! -f "$prefix/node_modules/budoux/package.json" ] ||
   ! grep -q "\"version\": \"$version\"" "$prefix/node_modules/budoux/package.json"; then
    if ! npm install --silent --no-audit --no-fund --prefix "$prefix" "budoux@$version" >"$prefix.log" 2>&1; then
        echo "SKIPPED: npm install budoux@$version failed (see $prefix.log)"
        exit 77
    fi
fi
exec node "$here/budoux_agreement.mjs" "$prefix" "$tool" "$corpus"
