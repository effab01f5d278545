#!/usr/bin/env bash
# Release-mode benchmark (issue 10): writes synthetic projects of 1,000 and 10,000
# briefings with dossier-benchgen, builds each from clean, and prints one table:
# Dossier's wall time beside the cmark-gfm CLI over the same briefing files, the
# ratio, the same in CPU seconds (steadier on a shared machine), peak memory, the
# largest HTML page and the output's size against the input.
#
#   BENCH_SIZES="1000 10000"   the sizes to run (default)
#   BENCH_100K=1               add 100,000 (about 1 GB of project and output on disk)
#   BENCH_DIR=/some/dir        where projects go (default: a temporary folder, removed)
#   BENCH_BIN=/some/dir        the dossier and dossier-benchgen to run (default:
#                              .build/release), e.g. an older build to compare with
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${BENCH_BIN:-.build/release}"
sizes="${BENCH_SIZES:-1000 10000}"
if [ "${BENCH_100K:-0}" = 1 ]; then sizes="$sizes 100000"; fi
if [ -n "${BENCH_DIR:-}" ]; then
  work="$BENCH_DIR"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

# The cmark-gfm CLI to compare with, and GNU time for peak memory and CPU seconds
# (a fresh Debian machine has neither).
missing=""
command -v cmark-gfm >/dev/null 2>&1 || missing="$missing cmark-gfm"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
  echo "Installing with apt-get:$missing"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

measure() { # prints "wall_seconds peak_kib cpu_seconds" for a command
  local report="$work/time.txt"
  /usr/bin/time -f "%e %M %U %S" -o "$report" "$@" >/dev/null 2>&1 || echo "warning: $1 exited non-zero" >&2
  tail -1 "$report" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}

echo "== matcher =="
"$bin/dossier-benchgen" matcher

printf '\n| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
  "briefings" "input" "dossier build" "cmark-gfm CLI" "ratio" "CPU: dossier / cmark" "peak RSS" "largest page" "output" "output/input"
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for n in $sizes; do
  project="$work/bench-$n"
  # The same N always writes the same project, so one kept in BENCH_DIR is reused.
  [ -f "$project/content/briefings/b$((n - 1)).md" ] || "$bin/dossier-benchgen" project "$n" "$project"
  # File lists read by xargs: at 100,000 briefings a glob is longer than one command line.
  find "$project/content/briefings" -name '*.md' -print0 | sort -z > "$work/briefings-$n.list"
  find "$project/content/actors" -name '*.md' -print0 | sort -z > "$work/actors-$n.list"
  input=$(xargs -0 cat < "$work/briefings-$n.list" | wc -c)
  input=$((input + $(xargs -0 cat < "$work/actors-$n.list" | wc -c)))
  # Warm the file cache with cmark's own pass, then time both from a clean output.
  xargs -0 cat < "$work/briefings-$n.list" >/dev/null
  read -r cmark_wall _ cmark_cpu < <(measure sh -c "xargs -0 cat < '$work/briefings-$n.list' | cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist")
  rm -rf "$project/site"
  read -r wall peak cpu < <(measure "$bin/dossier" build --root "$project" --output "$project/site")
  largest=$(find "$project/site" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
  output=$(du -sb "$project/site" | cut -f1)
  awk -v n="$n" -v i="$input" -v w="$wall" -v u="$cpu" -v c="$cmark_wall" -v cu="$cmark_cpu" -v k="$peak" -v l="$largest" -v o="$output" 'BEGIN {
    split(l, page, " ")
    printf "| %d | %.1f MB | %.2f s | %.2f s | %.1f× | %.1f s / %.2f s = %.1f× | %.0f MiB | %.2f MiB (%s) | %.1f MB | %.2f× |\n",
      n, i / 1e6, w, c, (c > 0 ? w / c : 0), u, cu, (cu > 0 ? u / cu : 0), k / 1024, page[1] / 1048576, page[2], o / 1e6, o / i }'
  [ -n "${BENCH_DIR:-}" ] || rm -rf "$project"
done
