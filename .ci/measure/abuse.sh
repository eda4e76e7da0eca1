# Hostile traffic against the running server (issue 27), sourced by load.sh after its page
# runs: OURS is the server's loopback address. For each pattern, normal traffic (a cached
# guide, 16 connections; /healthz, 2 connections, as a liveness probe would ask) runs for
# ABUSE_SECONDS while another client sends the pattern; prints /healthz p99 and the guide's
# requests/s. Every loop is bounded by the same deadline and talks to 127.0.0.1 only.

HOST=${OURS%:*}
PORT=${OURS#*:}
work=$(mktemp -d)

# ms VALUE: wrk's latency (`812.00us`, `1.20ms`, `2.01s`) in milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/) n *= 1000; printf "%.1f", n }'; }

# lua NAME BODY: a wrk script in $work/NAME.lua.
lua() { printf '%s\n' "$2" >"$work/$1.lua"; }

# Sends what the server must read whole: the stack form with 40,000 rows (it once searched
# each row's app in all the others: 3 s a form), and a list of 4,000 names to match.
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "%sapp=x%d&seats=1", (i ? "&" : ""), i }' >"$work/rows.txt"
awk 'BEGIN { for (i = 0; i < 4000; i++) printf "Someapp %d, 3\n", i }' >"$work/list.txt"
lua post_rows "wrk.method = 'POST'
wrk.path = '/stack'
wrk.headers['Content-Type'] = 'application/x-www-form-urlencoded'
wrk.body = io.open('$work/rows.txt'):read('*a')"
lua post_list "wrk.method = 'POST'
wrk.path = '/api/stack'
wrk.headers['Content-Type'] = 'text/plain'
wrk.body = io.open('$work/list.txt'):read('*a')"
# A new card on every request: each one is drawn (12 ms of a core), none is cached.
lua new_cards "local n = 0
setup = function(thread) thread:set('start', math.random(1, 900000)) end
init = function() n = tonumber(start) end
request = function()
  n = n + 1
  return wrk.format('GET', '/og/calculator.png?vendor=mode&users=' .. n)
end"
# HEAD and Range on cards and pages: each once drew or rendered again.
lua head_range "local i = 0
local asks = {
  {'HEAD', '/og/vendors/mode.png', {}},
  {'GET', '/og/vendors/ironclad.png', {Range = 'bytes=0-0'}},
  {'GET', '/vendors/mode', {Range = 'bytes=0-0'}},
  {'HEAD', '/calculator?vendor=mode&users=120', {}},
}
request = function()
  i = i % #asks + 1
  return wrk.format(asks[i][1], asks[i][2], asks[i][3])
end"
# Trailing slashes: each once rendered a whole page as a 404.
lua slashes "local i = 0
local paths = {'/vendors/mode/', '/calculator/', '/stack/', '/sources/'}
request = function()
  i = i % #paths + 1
  return wrk.format('GET', paths[i])
end"
# What hyper refuses below the app: a 64 KiB target, 500 headers, an unreadable line.
lua oversized "local i = 0
local many = {}
for h = 1, 500 do many['X-H' .. h] = '1' end
local asks = {
  wrk.format('GET', '/api/cost?x=' .. string.rep('a', 70000)),
  wrk.format('GET', '/api/vendors', many),
  'GARBAGE\r\n\r\n',
}
request = function()
  i = i % #asks + 1
  return asks[i]
end"

# connections N TEXT: N connections that each send TEXT (printf %b) and then nothing,
# opened again every 2 s (the server closes them), until the deadline.
connections() {
  local n=$1 text=$2 end=$((SECONDS + ${ABUSE_SECONDS%s})) fds=() fd i
  while [ "$SECONDS" -lt "$end" ]; do
    for i in $(seq 1 "$n"); do
      exec {fd}<>"/dev/tcp/$HOST/$PORT" || continue
      printf '%b' "$text" >&"$fd" 2>/dev/null || true
      fds+=("$fd")
    done
    sleep 2
    for fd in "${fds[@]}"; do exec {fd}>&-; done
    fds=()
  done
}

# abuser PATTERN: sends one pattern until the deadline.
abuser() {
  local d="${ABUSE_SECONDS%s}s"
  case $1 in
    none) sleep "${ABUSE_SECONDS%s}" ;;
    rows) wrk -t1 -c2 -d"$d" -s "$work/post_rows.lua" "http://$OURS/" ;;
    list) wrk -t1 -c4 -d"$d" -s "$work/post_list.lua" "http://$OURS/" ;;
    cards) wrk -t1 -c16 -d"$d" -s "$work/new_cards.lua" "http://$OURS/" ;;
    head_range) wrk -t1 -c16 -d"$d" -s "$work/head_range.lua" "http://$OURS/" ;;
    slashes) wrk -t1 -c16 -d"$d" -s "$work/slashes.lua" "http://$OURS/" ;;
    oversized) wrk -t1 -c8 -d"$d" -s "$work/oversized.lua" "http://$OURS/" ;;
    silent) connections 500 '' ;;
    half_headers) connections 500 'GET / HTTP/1.1\r\nHost: x\r\n' ;;
    idle) connections 500 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n' ;;
    slow_body) connections 500 'POST /api/stack HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc' ;;
  esac >/dev/null 2>&1
}

GUIDE=/vendors/mode
curl -fs -o /dev/null "http://$OURS$GUIDE"
echo
echo "hostile traffic: each pattern for ${ABUSE_SECONDS%s} s beside normal traffic ($GUIDE, 16 connections; /healthz, 2)"
printf '%-58s %14s %12s %8s\n' "pattern" "/healthz p99" "guide req/s" "errors"
worst=0
for pattern in \
  "none:nothing else (normal traffic alone)" \
  "rows:POST /stack with 40,000 rows, 2 at once" \
  "list:POST /api/stack with 4,000 names to match, 4 at once" \
  "cards:a new card every request, 16 at once" \
  "head_range:HEAD and Range on cards and pages, 16 at once" \
  "slashes:trailing slashes, 16 at once" \
  "oversized:64 KiB targets, 500 headers, bad lines, 8 at once" \
  "silent:500 connections that send nothing" \
  "half_headers:500 connections with half-sent headers" \
  "idle:500 kept-alive connections left idle" \
  "slow_body:500 bodies that stop after 3 of 1,000 bytes"; do
  name=${pattern%%:*}
  abuser "$name" &
  abuse_pid=$!
  sleep 0.5
  wrk -t1 -c16 -d"$((${ABUSE_SECONDS%s} - 1))s" "http://$OURS$GUIDE" >"$work/page.out" &
  page_pid=$!
  wrk -t1 -c2 -d"$((${ABUSE_SECONDS%s} - 1))s" --latency "http://$OURS/healthz" >"$work/health.out"
  wait "$page_pid"
  wait "$abuse_pid" || true
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$work/health.out")")
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$work/page.out")
  errors=$(cat "$work/page.out" "$work/health.out" |
    awk '/Socket errors/ {gsub(",", ""); e += $4 + $6 + $8 + $10} /Non-2xx/ {e += $5} END {print e + 0}')
  printf '%-58s %11s ms %12s %8s\n' "${pattern#*:}" "$p99" "$rps" "$errors"
  worst=$(awk -v a="$worst" -v b="$p99" 'BEGIN { print (b > a ? b : a) }')
  # Let the server close what the pattern left open before the next one.
  sleep 1
done
echo "worst /healthz p99: $worst ms (target at most 100 ms)"
rm -rf "$work"
