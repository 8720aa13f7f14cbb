#!/usr/bin/env bash
# Two validators that share no code must agree on which documents are valid: ajv (JSON Schema
# 2020-12, from npm) reading content-schema/, and `keiji validate` reading the same files.
# Usage: schema_agreement.sh KEIJI SOURCE_DIR WORK_DIR
# Exit 77 (skipped, reported by CTest) when node or npm is missing or ajv cannot be installed.
set -u
shopt -s nullglob
keiji=$1 source_dir=$2 work=$3
here="$source_dir/tests/schema"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "SKIP: node and npm are needed for the ajv cross-check (apt-get install nodejs npm)"
    exit 77
fi
mkdir -p "$work"
# Install the pinned ajv once per lock file; npm ci refuses anything the lock does not pin.
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [[ ! -d "$work/node_modules/ajv" ]]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    if ! (cd "$work" && npm ci --no-audit --no-fund --loglevel=error); then
        rm -f "$work/package-lock.json"
        echo "SKIP: npm ci could not install the pinned ajv (offline?)"
        exit 77
    fi
fi

failures=0
# ajv's verdict per file: "valid" or "invalid".
declare -A ajv_verdict
# The checker's own failure (a schema ajv cannot compile) must fail the test, not shorten it.
if ! (cd "$work" && node "$here/check.mjs" "$source_dir/content-schema" \
    "$source_dir"/playlists/*.json "$source_dir"/content-schema/examples/*.json \
    "$source_dir"/tests/data/bad/*.json "$source_dir"/tests/checks/broken/*.json \
    "$source_dir"/tests/schema/broken/*.json) >"$work/ajv.txt" 2>"$work/ajv-stderr.txt"; then
    echo "FAIL: the ajv checker stopped:"; cat "$work/ajv-stderr.txt"; exit 1
fi
while read -r verdict file rest; do
    [[ $verdict == valid || $verdict == invalid ]] || continue
    file=${file%:}
    ajv_verdict[$file]=$verdict
    [[ $verdict == invalid ]] && echo "ajv: $file:$rest"
done <"$work/ajv.txt"
documents=$(ls "$source_dir"/playlists/*.json "$source_dir"/content-schema/examples/*.json \
    "$source_dir"/tests/data/bad/*.json "$source_dir"/tests/checks/broken/*.json \
    "$source_dir"/tests/schema/broken/*.json | wc -l)
[[ ${#ajv_verdict[@]} -eq $documents ]] || {
    echo "FAIL: ajv judged ${#ajv_verdict[@]} of $documents documents"; exit 1; }
[[ ${#ajv_verdict[@]} -gt 0 ]] || { echo "FAIL: ajv checked nothing"; exit 1; }

keiji_verdict() {
    "$keiji" validate "$1" >/dev/null 2>"$work/keiji-stderr"
    case $? in 0) echo valid ;; 1) echo invalid ;; *) echo "usage-error" ;; esac
}
is_playlist() {
    case $1 in *.alert.json | *.envelope.json) return 1 ;; esac
    ! grep -qE '"\$schema": *"[^"]*(feed|config|alert[a-z-]*)\.schema\.json"' "$1"
}
# Documents the schema cannot judge by design (a date that does not exist, an id used twice,
# an end before its start, a key written twice, an image file that is missing): keiji must
# reject them, ajv accepts them.
semantic_only=$(grep -v '^#' "$here/semantic-only.txt")

for file in "${!ajv_verdict[@]}"; do
    name=$(basename "$file")
    expected_ajv=valid
    case $file in */bad/* | */broken/*) expected_ajv=invalid ;; esac
    if grep -qxF "$name" <<<"$semantic_only"; then expected_ajv=valid; fi
    if [[ ${ajv_verdict[$file]} != "$expected_ajv" ]]; then
        echo "FAIL: ajv says $file is ${ajv_verdict[$file]}, expected $expected_ajv"
        failures=$((failures + 1))
    fi
    is_playlist "$file" || continue
    expected_keiji=${ajv_verdict[$file]}
    if grep -qxF "$name" <<<"$semantic_only"; then expected_keiji=invalid; fi
    got=$(keiji_verdict "$file")
    if [[ $got != "$expected_keiji" ]]; then
        echo "FAIL: keiji validate says $file is $got, expected $expected_keiji (ajv: ${ajv_verdict[$file]})"
        sed 's/^/    /' "$work/keiji-stderr"
        failures=$((failures + 1))
    fi
done
echo "checked ${#ajv_verdict[@]} documents with ajv and keiji validate; $failures disagreement(s)"
[[ $failures -eq 0 ]]
