#!/usr/bin/env bash
# Builds the example site into a temporary folder and takes headless Chromium
# screenshots of a briefing, an actor page, the graph, the timeline and the search
# page with a query, at 1280 px and 360 px wide.
#
# Usage: scripts/screenshot.sh [OUTPUT_DIR]        (default: docs/screenshots)
# Environment:
#   DOSSIER   path to the dossier binary (default: .build/debug/dossier, then .build-css/debug/dossier)
#   CHROMIUM  browser binary (default: chromium, chromium-browser or google-chrome)
#   HEIGHT    screenshot height in px (default: 1800)
#   DARK=1    also write *-dark.png versions rendered with prefers-color-scheme: dark
#   PAGES     extra "name=path/index.html" pairs to shoot, space-separated
#             (e.g. PAGES="home=index.html timeline=timeline/index.html")
# The theme is read from the source tree (DOSSIER_THEME_DIR), so CSS edits show
# up without rebuilding the binary.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out_dir="${1:-$root/docs/screenshots}"
height="${HEIGHT:-1800}"

dossier="${DOSSIER:-}"
if [[ -z "$dossier" ]]; then
  for candidate in "$root/.build/debug/dossier" "$root/.build-css/debug/dossier"; do
    if [[ -x "$candidate" ]]; then dossier="$candidate"; break; fi
  done
fi
[[ -n "$dossier" && -x "$dossier" ]] || { echo "screenshot.sh: no dossier binary; run swift build first" >&2; exit 1; }

browser="${CHROMIUM:-}"
if [[ -z "$browser" ]]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
  done
fi
[[ -n "$browser" ]] || { echo "screenshot.sh: no Chromium found (apt-get install chromium)" >&2; exit 1; }

site="$(mktemp -d "${TMPDIR:-/tmp}/dossier-shots.XXXXXX")"
profile="$(mktemp -d "${TMPDIR:-/tmp}/dossier-chromium.XXXXXX")"
trap 'rm -rf "$site" "$profile"' EXIT

(cd "$root" && DOSSIER_THEME_DIR="$root/Sources/DossierCore/Resources/theme" "$dossier" build --output "$site" >/dev/null)
mkdir -p "$out_dir"

# shoot NAME PATH WIDTH [extra chromium flags…]
shoot() {
  local name="$1" path="$2" width="$3"; shift 3
  local file="$out_dir/$name.png"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile" --no-first-run --disable-extensions \
    --force-device-scale-factor=1 --window-size="$width,$height" --virtual-time-budget=3000 \
    "$@" --screenshot="$file" "file://$site/$path" >/dev/null 2>&1
  [[ -s "$file" ]] || { echo "screenshot.sh: failed to write $file" >&2; return 1; }
  # Shrink losslessly when a PNG optimiser is around (keeps files well under 600 KB).
  if command -v optipng >/dev/null 2>&1; then optipng -quiet -o2 "$file" || true; fi
  echo "$file ($(( $(stat -c %s "$file") / 1024 )) KB)"
}

# The search page loads its index parts after the page itself: the virtual time
# budget above lets them arrive before the shot.
pages=("briefing=briefings/qatar-hedging/index.html" "actor=actors/iran/index.html" "graph=graph/index.html"
       "timeline=timeline/index.html" "search=search/index.html?q=enrichment")
if [[ -n "${PAGES:-}" ]]; then read -r -a extra <<<"$PAGES"; pages+=("${extra[@]}"); fi

for entry in "${pages[@]}"; do
  name="${entry%%=*}" path="${entry#*=}"
  shoot "$name" "$path" 1280
  shoot "$name-narrow" "$path" 360
  if [[ "${DARK:-0}" == 1 ]]; then
    shoot "$name-dark" "$path" 1280 --blink-settings=preferredColorScheme=0 --force-dark-mode
  fi
done
