# Shared by the measuring scripts: start and stop the release server on loopback.
# Sourced, not run. Expects to be in the repository root.
export PATH="$HOME/.cargo/bin:$PATH"
# The release server is the static musl binary the tests run and the image ships
# ($RELEASE_BIN, .ci/release-env). BIN=path measures another build of the server (e.g. an
# older commit's) with this site.
source .ci/release-env
BIN=${BIN:-$RELEASE_BIN}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs Debian packages that are missing (apt-get update once, only when needed).
need_apt() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# The bundle file with extension $1 (js, wasm, css), fingerprinted or not:
# target/site/pkg/scim-ledger.<hash>.wasm with hash-files (Cargo.toml).
pkg_file() {
  local f
  for f in target/site/pkg/scim-ledger.*."$1" target/site/pkg/scim-ledger."$1"; do
    case "$f" in *.d.ts | *'*'*) continue ;; esac
    [ -f "$f" ] && { echo "$f"; return 0; }
  done
  return 1
}

# Builds the release site unless it is there (set REBUILD=1 to force).
need_release() {
  if [ ! -x "$BIN" ] || ! pkg_file wasm >/dev/null || [ "${REBUILD:-}" = 1 ]; then
    bash .ci/setup
    cargo leptos build --release
  fi
}

# start_server ADDR [DATA_DIR]: starts the server in the background, sets SERVER_PID,
# and waits until /healthz answers.
start_server() {
  local addr=$1 data=${2:-data}
  # The request log (one JSON line per request on stdout) is written to /dev/null, the
  # cheapest sink: the server still formats and writes every line, but a load test does not
  # fill the disk with gigabytes of it (nginx's access log is off too). Start-up errors go to
  # stderr, which is kept.
  LEPTOS_SITE_ADDR=$addr LEPTOS_SITE_ROOT=target/site "$BIN" --data "$data" \
    >/dev/null 2>/tmp/scim-ledger-measure.log &
  SERVER_PID=$!
  for _ in $(seq 1 400); do
    curl -fs "http://$addr/healthz" >/dev/null 2>&1 && return 0
    sleep 0.025
  done
  stop_server
  echo "the server did not start; its log:" >&2
  cat /tmp/scim-ledger-measure.log >&2
  return 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}

# Resident memory of a process, in KiB.
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
