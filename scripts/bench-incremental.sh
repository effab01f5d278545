#!/usr/bin/env bash
# Incremental-build benchmark (issue 11). On a generated project of 10,000 briefings
# (BENCH_INCREMENTAL_SIZE to change it):
#   1. a clean build (empty cache),
#   2. `dossier build` after one briefing's body is edited,
#   3. `dossier build` after one actor gains an alias,
# each checked byte for byte against a --no-cache build of the same input; then
# `dossier serve --output`, timing for the same two kinds of edit the time from the
# file write to the changed page on disk (serve's fast path writes it) and to the end
# of the full rebuild that follows, and comparing the served site with a clean build
# (serve runs with --timings: its rebuilds' stage lines are printed at the end).
# Needs release builds of dossier and dossier-benchgen.
# BENCH_SOURCE=DIR copies the content/ and dossier.yml of a project generated earlier
# instead of generating one (dossier-benchgen is then not needed); BENCH_BUILD_ONLY=1
# stops after the builds; BENCH_INCREMENTAL_ONLY=serve skips the `dossier build` part.
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

if [ "${BENCH_INCREMENTAL_ONLY:-}" != serve ]; then
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
fi

[ -z "${BENCH_BUILD_ONLY:-}" ] || exit 0

echo
echo "== dossier serve --output: from the file write to the changed page on disk (fast path), and to the full rebuild's end =="
served="$work/served"
rm -rf "$served"
log="$work/serve.log"
"$bin/dossier" serve --root "$project" --output "$served" --port 0 --timings 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
deadline=$(( $(now_ms) + 600000 ))
until grep -q "Serving " "$log"; do
  [ "$(now_ms)" -lt "$deadline" ] || { echo "serve did not start" >&2; exit 1; }
  sleep 0.1
done
port=$(sed -n 's|.*Serving .* at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)
sleep 1  # let the first build's background clean-up finish

# Waits until the log reports more than COUNT full rebuilds and prints the milliseconds since START_MS.
wait_for_rebuild() { # COUNT START_MS
  local deadline=$(( $2 + 600000 ))
  while [ "$(grep -c "Rebuilt in" "$log")" -le "$1" ]; do
    if [ "$(now_ms)" -gt "$deadline" ]; then echo "timeout"; return; fi
    sleep 0.005
  done
  echo $(( $(now_ms) - $2 ))
}

# Times one edit: EDIT_COMMAND runs at START_MS, PAGE must then contain TEXT.
time_served_edit() { # LABEL PAGE TEXT
  local page_ms rebuild_ms
  page_ms=$(wait_for "$2" "$3" "$start")
  rebuild_ms=$(wait_for_rebuild "$rebuilds" "$start")
  printf '%-34s %8s ms page  %8s ms full rebuild\n' "$1" "$page_ms" "$rebuild_ms"
}

rebuilds=$(grep -c "Rebuilt in" "$log")
start=$(now_ms)
printf '\nServed marker %s.\n' "$start" >> "$briefing"
time_served_edit "one briefing's body edited" "$served/briefings/b7/index.html" "Served marker $start"
sleep 1

rebuilds=$(grep -c "Rebuilt in" "$log")
start=$(now_ms)
sed -i "s/^aliases: \[\(.*\)\]$/aliases: [\1, \"Alias $start\"]/" "$actor"
time_served_edit "one actor's alias added" "$served/actors/$actor_slug/index.html" "Alias $start"
sleep 1
grep -E "Updated|Rebuilt|stages:" "$log" | tail -6 | sed 's/^/  serve: /'
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
trap - EXIT

# The served site after both edits, against a clean build of the same input at the same address.
rm -rf "$work/clean-site"
"$bin/dossier" build --root "$project" --output "$work/clean-site" --no-cache --base-url "http://127.0.0.1:$port/" >/dev/null 2>&1
if diff -r -q "$served" "$work/clean-site" >/dev/null; then echo "served site: identical to a clean build"; else echo "served site: DIFFERENT from a clean build"; fi
