#!/usr/bin/env bash
# Incremental-build benchmark (issue 11). On a generated project of 10,000 briefings
# (BENCH_INCREMENTAL_SIZE to change it):
#   1. a clean build (empty cache),
#   2. `dossier build` after one briefing's body is edited,
#   3. `dossier build` after one actor gains an alias,
# each checked byte for byte against a --no-cache build of the same input; then
# `dossier serve --output`, timing from the file write to the changed page on disk,
# for the same two kinds of edit. Needs release builds of dossier and dossier-benchgen.
# BENCH_SOURCE=DIR copies the content/ and dossier.yml of a project generated earlier
# instead of generating one (dossier-benchgen is then not needed); BENCH_BUILD_ONLY=1
# stops after the builds.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$PWD/.build/release"
n="${BENCH_INCREMENTAL_SIZE:-10000}"
work="${BENCH_DIR:-$(mktemp -d)}"
project="$work/incremental-$n"
tools="dossier"
[ -n "${BENCH_SOURCE:-}" ] || tools="$tools dossier-benchgen"
for tool in $tools; do
  [ -x "$bin/$tool" ] || { echo "build it first: swift build -c release --product $tool" >&2; exit 1; }
done

now_ms() { date +%s%3N; }

# Prints the wall time of a build in seconds; the build's output is discarded.
timed_build() {
  local start end
  start=$(now_ms)
  "$bin/dossier" build --root "$project" "$@" >/dev/null 2>&1 || { echo "build failed: $*" >&2; exit 1; }
  end=$(now_ms)
  awk -v ms=$((end - start)) 'BEGIN { printf "%.2f", ms / 1000 }'
}

# Compares the cached build's site with a clean (--no-cache) build of the same input.
same_as_clean() {
  rm -rf "$work/clean-site"
  "$bin/dossier" build --root "$project" --output "$work/clean-site" --no-cache >/dev/null 2>&1
  if diff -r -q "$project/site" "$work/clean-site" >/dev/null; then echo "identical"; else echo "DIFFERENT"; fi
}

# Waits until FILE contains TEXT and prints the milliseconds since START_MS (or "timeout").
wait_for() { # FILE TEXT START_MS
  local deadline=$(( $3 + 600000 ))
  while ! grep -qF -- "$2" "$1" 2>/dev/null; do
    if [ "$(now_ms)" -gt "$deadline" ]; then echo "timeout"; return; fi
    sleep 0.002
  done
  echo $(( $(now_ms) - $3 ))
}

rm -rf "$project"
if [ -n "${BENCH_SOURCE:-}" ]; then
  mkdir -p "$project"
  cp -a "$BENCH_SOURCE/content" "$BENCH_SOURCE/dossier.yml" "$project/"
else
  "$bin/dossier-benchgen" project "$n" "$project" >/dev/null
fi
briefing="$project/content/briefings/b7.md"
actor=$(find "$project/content/actors" -name "a0-*.md" -print -quit)
actor_slug=$(basename "$actor" .md)

echo "== incremental builds, $n briefings ($(nproc) cores; the machine may be shared: repeat to see the noise) =="
clean=$(timed_build)
printf '%-34s %8s s\n' "clean build (empty cache)" "$clean"
unchanged=$(timed_build)
printf '%-34s %8s s  (%s%% of clean)\n' "no change" "$unchanged" "$(awk -v a="$unchanged" -v b="$clean" 'BEGIN { printf "%.1f", 100 * a / b }')"

printf '\nAn edited sentence, for the benchmark.\n' >> "$briefing"
body=$(timed_build)
printf '%-34s %8s s  (%s%% of clean)  %s\n' "one briefing's body edited" "$body" \
  "$(awk -v a="$body" -v b="$clean" 'BEGIN { printf "%.1f", 100 * a / b }')" "$(same_as_clean)"

sed -i 's/^aliases: \[\(.*\)\]$/aliases: [\1, "Zorblax Accord"]/' "$actor"
alias_time=$(timed_build)
printf '%-34s %8s s  (%s%% of clean)  %s\n' "one actor's alias added" "$alias_time" \
  "$(awk -v a="$alias_time" -v b="$clean" 'BEGIN { printf "%.1f", 100 * a / b }')" "$(same_as_clean)"

[ -z "${BENCH_BUILD_ONLY:-}" ] || exit 0

echo
echo "== dossier serve --output: from the file write to the changed page on disk =="
served="$work/served"
rm -rf "$served"
log="$work/serve.log"
"$bin/dossier" serve --root "$project" --output "$served" --port 0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
deadline=$(( $(now_ms) + 600000 ))
until grep -q "Serving " "$log"; do
  [ "$(now_ms)" -lt "$deadline" ] || { echo "serve did not start" >&2; exit 1; }
  sleep 0.1
done
sleep 1  # let the first build's background clean-up finish

start=$(now_ms)
printf '\nServed marker %s.\n' "$start" >> "$briefing"
printf '%-34s %8s ms\n' "one briefing's body edited" "$(wait_for "$served/briefings/b7/index.html" "Served marker $start" "$start")"
sleep 1

start=$(now_ms)
sed -i "s/^aliases: \[\(.*\)\]$/aliases: [\1, \"Alias $start\"]/" "$actor"
printf '%-34s %8s ms\n' "one actor's alias added" "$(wait_for "$served/actors/$actor_slug/index.html" "Alias $start" "$start")"
sleep 1
grep "Rebuilt" "$log" | tail -3 | sed 's/^/  serve: /'
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
trap - EXIT
