#!/usr/bin/env bash
# Prints where a built site's bytes go, by category, with each category's share and
# file count, and the total against the project's input (its content/ folder).
#
#   scripts/output-breakdown.sh SITE_DIR [CONTENT_DIR]
#
# Used for issue 10's "output at most 4x the input": run it on a copy of a generated
# bench project built with the release binary (docs/benchmarks.md). Sizes are file
# bytes (as `du -sb` counts them without the folders' own blocks).
set -euo pipefail
site=${1:?usage: output-breakdown.sh SITE_DIR [CONTENT_DIR]}
content=${2:-}
find "$site" -type f -printf '%s %P\n' | awk -v content_bytes="$(if [ -n "$content" ]; then find "$content" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; else echo 0; fi)" '
function category(path) {
    if (path ~ /^briefings\/[^\/]+\/index\.html$/ && path !~ /^briefings\/page\//) return "briefing pages"
    if (path ~ /^briefings\//) return "briefings index pages"
    if (path ~ /^actors\/[^\/]+\/index\.html$/ && path !~ /^actors\/page\//) return "actor pages"
    if (path ~ /^actors\/[^\/]+\/mentions\//) return "actor mention pages"
    if (path ~ /^actors\/[^\/]+\/card\.html$/) return "actor cards"
    if (path ~ /^actors\//) return "actors index pages"
    if (path ~ /^data\/mentions\//) return "data/mentions/"
    if (path ~ /^data\/mentions.*\.csv$/) return "data/mentions.csv"
    if (path ~ /^data\/graph\./) return "data/graph.*"
    if (path ~ /^data\//) return "data/ (other)"
    if (path ~ /^assets\/search/) return "search index"
    if (path ~ /^assets\//) return "assets (other)"
    if (path ~ /^timeline\//) return "timeline"
    if (path ~ /^tags\//) return "tags"
    return "other"
}
{ size = $1; sub(/^[0-9]+ /, ""); c = category($0); bytes[c] += size; files[c]++; total += size }
END {
    n = split("briefing pages|briefings index pages|actor pages|actor mention pages|actor cards|actors index pages|data/mentions/|data/mentions.csv|data/graph.*|data/ (other)|search index|assets (other)|timeline|tags|other", order, "|")
    for (i = 1; i <= n; i++) { c = order[i]; if (c in bytes) printf "%-24s %15d  %5.1f %%  %7d files  %9.1f KB avg\n", c, bytes[c], 100 * bytes[c] / total, files[c], bytes[c] / files[c] / 1000 }
    printf "%-24s %15d  %7d files\n", "total (file bytes)", total, NR
    if (content_bytes > 0) printf "%-24s %15d  output/input %.2fx\n", "input (content/)", content_bytes, total / content_bytes
}'
printf '%-24s %15d\n' "du -sb (with folders)" "$(du -sb "$site" | cut -f1)"
