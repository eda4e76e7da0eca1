#!/usr/bin/env bash
# Records what the server answers on every address of `.ci/measure/addresses.txt` (status,
# content type, body), so a refactor can show its answers did not change:
#
#   .ci/measure/snapshot.sh record DIR       (BIN=... picks the server build to ask)
#   .ci/measure/snapshot.sh compare OLD NEW  prints each address whose answer differs
#
# Per-response values that are not behaviour are masked: the CSP nonce and the bundle's
# fingerprinted file names (a new wasm is not a new page), the port it listens on, and the
# date a page says it was printed (a recording made after midnight is not a new page).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/measure/common.sh

record() {
  local out=$1 addr=127.0.0.1:${PORT:-3399}
  mkdir -p "$out"
  start_server "$addr" "${DATA:-data}"
  trap stop_server EXIT
  local n=0
  while read -r path; do
    case "$path" in '' | '#'*) continue ;; esac
    n=$((n + 1))
    local file
    file="$out/$(printf '%03d' "$n")"
    printf '%s\n' "$path" >"$file.address"
    curl -s -o "$file.body" -D "$file.head" "http://$addr$path"
    # Status line and content type only: dates, ETags and timings are not behaviour.
    awk 'NR == 1 { sub(/\r$/, ""); print } tolower($1) == "content-type:" { sub(/\r$/, ""); print }' \
      "$file.head" >"$file.meta"
    rm "$file.head"
    sed -i -E 's/nonce="[^"]*"/nonce="N"/g; s/127\.0\.0\.1:[0-9]+/HOST/g; s/printed <!>[0-9-]{10}<!>/printed <!>DATE<!>/g; s/scim-ledger(_bg)?\.[A-Za-z0-9_-]{22}\.(css|js|wasm)/scim-ledger.H.\2/g' "$file.body"
  done < .ci/measure/addresses.txt
  echo "recorded $n addresses in $out"
}

compare() {
  local old=$1 new=$2 differ=0 n=0
  for a in "$old"/*.address; do
    local id=${a%.address}
    id=${id##*/}
    n=$((n + 1))
    if ! cmp -s "$old/$id.body" "$new/$id.body" || ! cmp -s "$old/$id.meta" "$new/$id.meta"; then
      differ=$((differ + 1))
      echo "differs: $(cat "$a")"
    fi
  done
  echo "$n addresses compared, $differ differ"
  [ "$differ" = 0 ]
}

case "${1:-}" in
  record) record "$2" ;;
  compare) compare "$2" "$3" ;;
  *) echo "usage: $0 record DIR | compare OLD NEW" >&2; exit 2 ;;
esac
