#!/usr/bin/env bash
# The Nu HTML Checker (npm `vnu-jar`, on Debian's headless JRE) on every page type: prints
# each page's errors, then a count. Leptos's own hydration markers (`<!>`, read by the
# checker as a bogus comment) are counted apart: they are not ours to fix.
# Java and vnu-jar are installed on first use (vnu-jar into ~/.cache, like lighthouse.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/measure/common.sh
VERSION=26.9.27
TOOLS="$HOME/.cache/scim-ledger-vnu"
need_apt default-jre-headless curl
need_release
jar="$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$jar" ] || ! grep -q "\"version\": \"$VERSION\"" "$TOOLS/node_modules/vnu-jar/package.json"; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save "vnu-jar@$VERSION" >/dev/null
fi
trap stop_server EXIT
addr=127.0.0.1:3305
start_server "$addr"
out=$(mktemp -d)
pages=(
  "home /"
  "guide /vendors/mode"
  "api-guide /vendors/mimecast/api"
  "calculator /calculator?vendor=mode&users=120"
  "decide /decide?vendor=mode"
  "compare /compare?vendors=mode,ironclad&users=120"
  "stack /stack?apps=bitwarden:250,mode:40,ironclad:12&list=Ironcladd%2C+3%0AZoom"
  "sources /sources"
  "not-found /no-such-page"
)
for entry in "${pages[@]}"; do
  read -r name path <<<"$entry"
  # 404 for the last one: the page is checked all the same.
  curl -s -o "$out/$name.html" "http://$addr$path"
done
ours=0 markers=0
for entry in "${pages[@]}"; do
  read -r name path <<<"$entry"
  report=$(java -jar "$jar" --errors-only --format gnu "$out/$name.html" 2>&1 || true)
  # A hydration marker `<!>` is reported as an empty bogus comment.
  leptos=$(grep -c 'Bogus comment' <<<"$report" || true)
  mine=$(grep -v 'Bogus comment' <<<"$report" | grep -c . || true)
  markers=$((markers + leptos)) ours=$((ours + mine))
  printf '%-12s %-44s %3s errors, %3s hydration markers\n' "$name" "$path" "$mine" "$leptos"
  grep -v 'Bogus comment' <<<"$report" | sed "s|^$out/||" | sed 's/^/    /' || true
done
echo "errors other than Leptos's hydration markers: $ours (markers: $markers); pages in $out"
