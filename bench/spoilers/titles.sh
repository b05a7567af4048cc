#!/usr/bin/env bash
# What the detector reads in review titles (titleLevel): each title of titles.tsv on a page of plain opinion, through
# `nlmg extract --json`. Usage: bench/spoilers/titles.sh /path/to/nlmg
set -euo pipefail
nlmg=${1:?usage: titles.sh /path/to/nlmg}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
grep -v '^#' "$(dirname "$0")/titles.tsv" | while IFS=$'\t' read -r label title; do
  cat > "$dir/page.html" <<HTML
<html><head><title>$title</title></head><body><article><h1>$title</h1>
<p>I saw this film last week with a friend and we talked about it for hours afterwards over dinner.</p>
<p>The acting is excellent, the photography is muted and lovely, and the music by Rachel Portman is gentle.</p>
<p>It is slow, and some viewers will find it too quiet, but I thought it was one of the best films of the year.</p>
</article></body></html>
HTML
  level=$("$nlmg" extract "$dir/page.html" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["titleLevel"])')
  printf '%s\t%s\t%s\n' "$label" "$level" "$title"
done
