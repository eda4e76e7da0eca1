#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, run against Debian's Chromium) on the home page (its first page
# and a filtered second page, with all 850 vendors loaded), a curated and an index guide, the
# calculator and the stack page: prints performance, accessibility, best practices and SEO scores.
# Lighthouse is installed on first use into ~/.cache/scim-ledger-lighthouse (not a test
# dependency: CI does not run this).
# Each page is run RUNS times (default 3) and the run with the median performance score is
# printed, as Lighthouse's own docs advise against trusting one run; a run that Lighthouse itself
# could not record (a runtimeError such as NO_NAVSTART) is named and run again, never scored 0.
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
RUNS=${RUNS:-3}
# lh_run PAGE FILE: one Lighthouse run; retried (up to three tries) while Lighthouse reports its own
# runtime error.
lh_run() {
  local try err
  for try in 1 2 3; do
    "$TOOLS/node_modules/.bin/lighthouse" "http://$addr$1" \
      --chrome-path=/usr/bin/chromium \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$2" --quiet >/dev/null 2>&1 || true
    err=$(node -e 'try { const r = require(process.argv[1]); process.stdout.write(r.runtimeError ? r.runtimeError.code : ""); } catch (e) { process.stdout.write("no report"); }' "$2")
    [ -z "$err" ] && return 0
    echo "    (try $try of $1: Lighthouse could not record the page: $err; running again)"
  done
}
for page in / "/?native=okta&page=2" /vendors/mode /vendors/metabase "/calculator?vendor=mode&users=120" "/stack?apps=bitwarden:250,amplitude:60,mode:40,ironclad:12"; do
  name=$(echo "$page" | tr -c 'a-z0-9' '_')
  for run in $(seq 1 "$RUNS"); do lh_run "$page" "$out/$name.$run.json"; done
  node -e '
    const [page, ...files] = process.argv.slice(1);
    const runs = files.map((f) => require(f)).filter((r) => !r.runtimeError);
    if (runs.length === 0) { console.log(page.padEnd(44), "no run could be recorded"); process.exit(0); }
    const perf = (r) => r.categories.performance.score;
    runs.sort((a, b) => perf(a) - perf(b));
    const r = runs[Math.floor(runs.length / 2)];
    const s = (k) => r.categories[k] ? Math.round(r.categories[k].score * 100) : "n/a";
    console.log(page.padEnd(44), ...["performance","accessibility","best-practices","seo"].map((k) => String(s(k)).padStart(6)),
      "  (performance of each run: " + runs.map((x) => Math.round(perf(x) * 100)).join(", ") + ")");
    for (const k of ["accessibility","best-practices","seo"]) {
      for (const ref of r.categories[k]?.auditRefs ?? []) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("    " + k + ": " + a.id + ": " + a.title);
      }
    }
    for (const id of ["first-contentful-paint","largest-contentful-paint","total-blocking-time","cumulative-layout-shift","speed-index"]) {
      console.log("    " + id + ": " + r.audits[id].displayValue);
    }
  ' "$page" "$out/$name".*.json
done
echo "reports: $out"
