#!/usr/bin/env bash
# Prints the release bundle's sizes (raw and gzipped), the bytes a browser downloads for a
# page's first load (compressed as the server sends them) and on a revalidation (304), the
# headers that make that possible (ETag, immutable bundle), and the pages' HTML sizes with
# what they carry as island props and resource data.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/measure/common.sh
need_release
trap stop_server EXIT

gz() { gzip -9 -c "$1" | wc -c; }
wasm=$(pkg_file wasm) js=$(pkg_file js) css=$(pkg_file css)
printf '%-44s %12s %12s\n' "file" "raw bytes" "gzip -9"
for f in "$wasm" "$js" "$css"; do
  printf '%-44s %12s %12s\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gz "$f")"
done
wasm_gz=$(gz "$wasm")
echo "wasm gzipped: $wasm_gz bytes = $((wasm_gz / 1024)) KiB (target: at most 200 KB)"

addr=127.0.0.1:3303
start_server "$addr"
url() { echo "http://$addr$1"; }
header() { curl -fs -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$(url "$1")" | tr -d '\r' | awk -v h="$2" 'tolower($1) == tolower(h) ":" { $1 = ""; sub(/^ /, ""); print }'; }

pkg=("/pkg/$(basename "$css")" "/pkg/$(basename "$js")" "/pkg/$(basename "$wasm")" /favicon.svg)
first_load() { # PAGE: the page and the bundle, compressed as served (br, else gzip)
  local total=0 bytes path
  printf '\nfirst load of %s (Accept-Encoding: br, gzip):\n' "$1"
  for path in "$1" "${pkg[@]}"; do
    bytes=$(curl -fs -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$(url "$path")")
    total=$((total + bytes))
    printf '  %-44s %10s bytes\n' "$path" "$bytes"
  done
  printf '  %-44s %10s bytes\n' "total" "$total"
  FIRST_LOAD=$total
}
first_load /vendors/mode
echo "  guide first load: $FIRST_LOAD bytes (target: at most 250 KB)"
first_load /
home_html=$(curl -fs -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$(url /)")
echo "  home first load without the wasm: $((FIRST_LOAD - $(curl -fs -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$(url "${pkg[2]}")"))) bytes (target: at most 120 KB); the home page alone $home_html"

printf '\nrevalidation (If-None-Match with the ETag; 304 expected):\n'
for path in /vendors/mode /api/vendors/mode "/vendors.csv" "/compare.csv?vendors=mode,ironclad&users=120"; do
  tag=$(header "$path" etag)
  out=$(curl -fs -o /dev/null -w '%{http_code} %{size_download}' -H "If-None-Match: $tag" -H 'Accept-Encoding: br, gzip' "$(url "$path")" || true)
  printf '  %-44s ETag %-22s -> %s bytes\n' "$path" "${tag:-none}" "$out"
done

printf '\nbundle caching:\n'
for path in "${pkg[@]::3}"; do
  printf '  %-44s Cache-Control: %s\n' "$path" "$(header "$path" cache-control)"
done

printf '\nHTML (raw bytes; island props; resource data after </html>):\n'
printf '  %-44s %9s %9s %9s %9s\n' "page" "raw" "br" "props" "after"
for path in / /vendors/mode /vendors/mimecast/api "/calculator?vendor=mode&users=120" "/decide?vendor=mode" "/compare?vendors=mode,ironclad&users=120" /sources; do
  html=$(curl -fs "$(url "$path")")
  raw=$(printf '%s' "$html" | wc -c)
  br=$(curl -fs -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$(url "$path")")
  props=$(grep -o 'data-props="[^"]*"' <<<"$html" | wc -c || true)
  after=$(printf '%s' "$html" | LC_ALL=C awk 'BEGIN { RS = "</html>" } NR > 1 { n += length($0) } END { print n + 0 }')
  printf '  %-44s %9s %9s %9s %9s\n' "$path" "$raw" "$br" "$props" "$after"
done
