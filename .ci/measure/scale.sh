#!/usr/bin/env bash
# Scale: 1,000 generated vendor files (our own files under new names, made here in a
# temporary directory, never committed).
# Prints the start-up time (until /healthz answers), the home page's size (raw and compressed),
# the first load of the pages with a vendor picker (calculator, decision helper, comparison),
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
# Each generated vendor is one of our vendor files in turn, under a new slug, a made-up name
# and category, and its prices times a factor from 1 to 9, so rows differ as real ones do
# and the page compresses like a real one (a copy would compress to almost nothing).
COUNT=$COUNT perl -e '
  srand(42);
  my @files = sort glob("data/*.toml");
  my $word = sub { join "", map { ("a".."z")[int rand 26] } 1 .. 3 + int rand 7 };
  for my $i (1 .. $ENV{COUNT}) {
    my $n = sprintf "%04d", $i;
    my $k = 1 + int rand 9;
    my ($name, $cat) = (ucfirst($word->()) . " " . ucfirst($word->()), ucfirst($word->()) . " " . $word->());
    open my $in, "<", $files[$i % @files] or die;
    open my $out, ">", "'"$dir"'/gen-$n.toml" or die;
    my ($slug_done, $name_done, $cat_done);
    while (<$in>) {
      $slug_done++ or s/^slug = .*/slug = "gen-$n"/ if /^slug = /;
      $name_done++ or s/^name = .*/name = "$name"/ if /^name = /;
      $cat_done++ or s/^category = .*/category = "$cat"/ if /^category = /;
      s/\b(amount|low|high) = (\d+)/"$1 = " . $2 * $k/ge if /^(price|implementation_fee) = /;
      print $out $_;
    }
  }'
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
guide=/vendors/gen-$(printf %04d $(( (COUNT + 1) / 2 )))
for p in / "$cmp" "$guide" "$stack"; do
  first=$(time_ms "$p")
  printf '%-80.80s first %8s ms, then median %6s ms (target under 50 ms)\n' "$p" "$first" "$(median_ms "$p")"
done
size() { curl -fs -o /dev/null -H "Accept-Encoding: $1" -w '%{size_download}' "http://$addr${2:-/}"; }
printf 'home page with %s vendors: %s bytes raw, %s gzip, %s brotli (HTML only)\n' \
  "$COUNT" "$(size identity)" "$(size gzip)" "$(size br)"
# First load as a browser gets it: the page and the bundle, brotli where the server offers it.
bundle=0
for ext in css js wasm; do bundle=$((bundle + $(size 'br, gzip' "/pkg/$(basename "$(pkg_file $ext)")"))); done
echo "home first load with $COUNT vendors: $(( $(size 'br, gzip') + bundle )) bytes (page $(size 'br, gzip') + bundle $bundle; target under 400 KB)"
# The pages with a vendor picker, wasm excluded (the page, CSS and JS, compressed as served):
# they carry no list of vendors, so COUNT does not change them (issue 25: the calculator's
# at most 60 KB).
assets=0
for ext in css js; do assets=$((assets + $(size 'br, gzip' "/pkg/$(basename "$(pkg_file $ext)")"))); done
for p in "/calculator?vendor=gen-0001&users=120" "/decide?vendor=gen-0001" "/compare?vendors=gen-0001,gen-0002&users=120" "/calculator?vendor_q=gen"; do
  page=$(size 'br, gzip' "$p")
  printf '%-48s first load with %s vendors, wasm excluded: %6s bytes (page %s + CSS and JS %s; calculator target at most 60 KB)\n' \
    "$p" "$COUNT" "$((page + assets))" "$page" "$assets"
done
