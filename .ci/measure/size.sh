#!/usr/bin/env bash
# Prints the release bundle's sizes (raw and gzipped) and the bytes a browser downloads
# for a guide's first load, compressed as the server sends them.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/measure/common.sh
need_release
trap stop_server EXIT

gz() { gzip -9 -c "$1" | wc -c; }
printf '%-28s %12s %12s\n' "file" "raw bytes" "gzip -9"
for f in target/site/pkg/scim-ledger.wasm target/site/pkg/scim-ledger.js target/site/pkg/scim-ledger.css; do
  printf '%-28s %12s %12s\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gz "$f")"
done
wasm_gz=$(gz target/site/pkg/scim-ledger.wasm)
echo "wasm gzipped: $((wasm_gz / 1024)) KiB (target: at most 200 KB)"

addr=127.0.0.1:3303
start_server "$addr"
page=/vendors/mode
total=0
printf '\nfirst load of %s (Accept-Encoding: gzip, br):\n' "$page"
for path in "$page" /pkg/scim-ledger.css /pkg/scim-ledger.js /pkg/scim-ledger.wasm /favicon.svg; do
  bytes=$(curl -fs -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "http://$addr$path")
  total=$((total + bytes))
  printf '  %-28s %10s bytes\n' "$path" "$bytes"
done
printf '  %-28s %10s bytes\n' "total" "$total"
