#!/usr/bin/env bash
# Link-preview cards (/og/…png): time per card drawn cold and served from the cache, and the
# server's memory before and after bursts of 1,000 distinct card addresses.
#
#   .ci/measure/og.sh              50 cards timed one by one, three bursts of 1,000
#   COUNT=20 BURST=500 .ci/measure/og.sh
#
# Times are curl's total per request on loopback (request, render, PNG, response), one
# request at a time. The bursts send 16 requests at once. Everything runs on loopback and
# stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/measure/common.sh
COUNT=${COUNT:-50}
BURST=${BURST:-1000}
ADDR=127.0.0.1:3304

need_apt curl
need_release
trap stop_server EXIT

# stats LABEL: reads seconds (one a line), prints count, median, mean and max in ms.
stats() {
  sort -n | awk -v label="$1" '
    { t[NR] = $1 * 1000; sum += t[NR] }
    END {
      med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%-34s %6d %10.1f %10.1f %10.1f\n", label, NR, med, sum / NR, t[NR]
    }'
}

time_of() { curl -fs -o /dev/null -w '%{time_total}\n' "http://$ADDR$1"; }

start_server "$ADDR"
# The first card loads the fonts and warms the allocator; it is not counted.
time_of "/og/home.png" >/dev/null
rss_start=$(rss_kib "$SERVER_PID")

printf '%-34s %6s %10s %10s %10s\n' "cards" "count" "median ms" "mean ms" "max ms"
urls=()
for i in $(seq 1 "$COUNT"); do urls+=("/og/calculator.png?vendor=mode&users=$((100 + i))"); done
for u in "${urls[@]}"; do time_of "$u"; done | stats "calculator, cold (new address)"
for u in "${urls[@]}"; do time_of "$u"; done | stats "calculator, cached (same address)"
for kind in "/og/vendors/mode.png" "/og/compare.png?vendors=mode,ironclad,code42&users=120" \
  "/og/decide.png?vendor=mode&automate=yes" "/og/vendors/mimecast/api.png" \
  "/og/calculator.png?users=abc"; do
  time_of "$kind" | stats "${kind%%\?*}, cold"
done
bytes=$(curl -fs -o /dev/null -w '%{size_download}' "http://$ADDR/og/calculator.png?vendor=mode&users=120")
echo "one calculator card: $bytes bytes"

burst() {
  local from=$1 start end
  start=$(date +%s.%N)
  seq "$from" $((from + BURST - 1)) |
    xargs -P 16 -I{} curl -fs -o /dev/null "http://$ADDR/og/calculator.png?vendor=mode&users={}"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="$BURST" \
    'BEGIN { printf "%d distinct cards, 16 at a time: %.1f s, %.0f cards/s\n", n, e - s, n / (e - s) }'
}
echo
echo "server memory (RSS) after the first card, before the timed ones: $((rss_start / 1024)) MiB"
for round in 1 2 3; do
  burst $((round * 10000))
  echo "  RSS after burst $round: $(($(rss_kib "$SERVER_PID") / 1024)) MiB"
done
echo "(the card cache holds a quarter of SCIM_LEDGER_CACHE_MB, at most 1,000 cards; renders run one per core)"
