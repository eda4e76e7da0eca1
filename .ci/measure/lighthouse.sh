#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, run against Debian's Chromium) on the home page, a guide, the
# calculator and the stack page: prints performance, accessibility, best practices and SEO scores.
# Lighthouse is installed on first use into ~/.cache/scim-ledger-lighthouse (not a test
# dependency: CI does not run this).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/measure/common.sh
VERSION=13.5.0
TOOLS="$HOME/.cache/scim-ledger-lighthouse"
need_release
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ] || ! grep -q "\"version\": \"$VERSION\"" "$TOOLS/node_modules/lighthouse/package.json"; then
  mkdir -p "$TOOLS"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$TOOLS" --no-audit --no-fund --no-save "lighthouse@$VERSION" >/dev/null
fi
trap stop_server EXIT
addr=127.0.0.1:3304
start_server "$addr"
out=$(mktemp -d)
printf '%-44s %6s %6s %6s %6s\n' "page" "perf" "a11y" "best" "seo"
for page in / /vendors/mode "/calculator?vendor=mode&users=120" "/stack?apps=bitwarden:250,amplitude:60,mode:40,ironclad:12"; do
  name=$(echo "$page" | tr -c 'a-z0-9' '_')
  "$TOOLS/node_modules/.bin/lighthouse" "http://$addr$page" \
    --chrome-path=/usr/bin/chromium \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$out/$name.json" --quiet >/dev/null 2>&1 || true
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => r.categories[k] ? Math.round(r.categories[k].score * 100) : "n/a";
    console.log(process.argv[2].padEnd(44), ...["performance","accessibility","best-practices","seo"].map((k) => String(s(k)).padStart(6)));
    for (const k of ["accessibility","best-practices","seo"]) {
      for (const ref of r.categories[k]?.auditRefs ?? []) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("    " + k + ": " + a.id + ": " + a.title);
      }
    }
    for (const id of ["first-contentful-paint","largest-contentful-paint","total-blocking-time","cumulative-layout-shift","speed-index"]) {
      console.log("    " + id + ": " + r.audits[id].displayValue);
    }
  ' "$out/$name.json" "$page"
done
echo "reports: $out"
