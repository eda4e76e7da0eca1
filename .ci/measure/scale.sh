#!/usr/bin/env bash
# Scale: 1,000 generated vendor files (made here in a temporary directory, never committed).
# Prints the start-up time (until /healthz answers), the home page's size (raw and compressed),
# and the time to render the home page,
# a six-vendor comparison and a 100-app stack, first (rendered) and then the median of 20
# (from the cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/measure/common.sh
COUNT=${COUNT:-1000}
need_release
trap stop_server EXIT

dir=$(mktemp -d)
mkdir -p "$dir/api"
# Each generated vendor is Mode's file under a new slug and name.
for i in $(seq -w 1 "$COUNT"); do
  sed -e "s/^slug = \"mode\"/slug = \"gen-$i\"/" -e "s/^name = \"Mode\"/name = \"Generated $i\"/" data/mode.toml >"$dir/gen-$i.toml"
done
"$BIN" --check-data "$dir"

addr=127.0.0.1:3305
start=$(date +%s%N)
start_server "$addr" "$dir"
ready=$(date +%s%N)
echo "start-up with $COUNT vendors: $(( (ready - start) / 1000000 )) ms until /healthz answered (target under 1 s)"

time_ms() { curl -fs -o /dev/null -w '%{time_total}' "http://$addr$1" | awk '{printf "%.1f", $1 * 1000}'; }
median_ms() {
  for _ in $(seq 1 20); do time_ms "$1"; echo; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
cmp="/compare?vendors=gen-0001,gen-0002,gen-0003,gen-0004,gen-0005,gen-0006&users=120"
# A 100-app stack, 50 seats each (the link must stay under 2,000 characters).
stack="/stack?apps=$(seq -w 1 100 | sed 's/^/gen-0/; s/$/:50/' | paste -sd, -)"
echo "100-app stack link: ${#stack} characters (target under 2,000)"
for p in / "$cmp" /vendors/gen-0500 "$stack"; do
  first=$(time_ms "$p")
  printf '%-80.80s first %8s ms, then median %6s ms (target under 50 ms)\n' "$p" "$first" "$(median_ms "$p")"
done
size() { curl -fs -o /dev/null -H "Accept-Encoding: $1" -w '%{size_download}' "http://$addr/"; }
printf 'home page with %s vendors: %s bytes raw, %s gzip, %s brotli (HTML only; target under 400 KB first load at 1,000)\n' \
  "$COUNT" "$(size identity)" "$(size gzip)" "$(size br)"
