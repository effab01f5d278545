#!/usr/bin/env bash
# Release-mode benchmark: builds synthetic projects of 1,000 and 10,000 briefings and
# reports wall time, pages per second and peak memory, beside cmark-gfm's own CLI
# rendering the same Markdown files. Figures go to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
sizes="${BENCH_SIZES:-1000 10000}"
work="${BENCH_DIR:-$(mktemp -d)}"

if ! command -v cmark-gfm >/dev/null 2>&1; then
  echo "Installing the cmark-gfm CLI for comparison"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm >/dev/null
fi

measure() { # prints "wall_seconds peak_kib" for a command
  local report="$work/time.txt"
  /usr/bin/time -f "%e %M" -o "$report" "$@" >/dev/null 2>&1 || echo "warning: $1 exited non-zero" >&2
  tail -1 "$report"
}

echo "== matcher =="
"$bin/dossier-benchgen" matcher

printf '\n%-10s %-8s %10s %12s %12s %14s\n' "briefings" "pages" "wall (s)" "pages/s" "peak (MiB)" "cmark-gfm (s)"
for n in $sizes; do
  project="$work/bench-$n"
  "$bin/dossier-benchgen" project "$n" "$project"
  "$bin/dossier" build --root "$project" --output "$project/site" >/dev/null 2>&1  # warm the file cache
  read -r wall peak < <(measure "$bin/dossier" build --root "$project" --output "$project/site")
  pages=$(find "$project/site" -name '*.html' | wc -l)
  read -r cmark_wall _ < <(measure sh -c "cat '$project'/content/briefings/*.md '$project'/content/actors/*.md | cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist")
  awk -v n="$n" -v p="$pages" -v w="$wall" -v k="$peak" -v c="$cmark_wall" \
    'BEGIN { printf "%-10s %-8s %10s %12.0f %12.1f %14s\n", n, p, w, p / w, k / 1024, c }' 
done
