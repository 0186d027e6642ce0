#!/usr/bin/env bash
# repeat.sh measures the run of langref status a translator repeats on a
# site where nothing changed (issue 15, item 7: under 1 s on the
# 20,000-page site), against what git takes to look at the same files in
# the same run: `git status` (an lstat of every tracked file and a read of
# every folder) and `find docs -type f`.
#
# It generates the site with bench/gensite (SCALE times BASE_PAGES English
# pages in BASE_LANGS languages, SCALE times BASE_COMMITS commits), or
# measures SITE, a repository generated before; runs langref status once
# to fill .git/langref (a first run, not measured here: see stale.sh), then
# RUNS times each of: the text summary, --lang fr, and --format json,
# printing the median wall time, user and system CPU and the largest peak
# RSS, and the ratio of each to git status.
#
# Usage: bash bench/repeat.sh
# Environment:
#   GO           go command
#   SITE         a repository with the site in docs/ (else one is generated)
#   SCALE        multiple of the base size of the generated site (4)
#   BASE_PAGES   English pages at scale 1 (5000)
#   BASE_LANGS   translation languages (10)
#   BASE_COMMITS commits at scale 1 (5000)
#   SITES_DIR    where to generate the site (a temporary folder; keep it
#                on a RAM disk, /dev/shm, for steadier numbers)
#   RUNS         measured runs of each command (5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GO=${GO:-go}
SCALE=${SCALE:-4}
BASE_PAGES=${BASE_PAGES:-5000}
BASE_LANGS=${BASE_LANGS:-10}
BASE_COMMITS=${BASE_COMMITS:-5000}
RUNS=${RUNS:-5}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GO" build -o "$tmp/langref" ./cmd/langref
langref=$tmp/langref

site=${SITE:-}
if [[ -z $site ]]; then
	"$GO" build -o "$tmp/gensite" ./bench/gensite
	site=${SITES_DIR:-$tmp}/site-repeat-${SCALE}x
	rm -rf "$site"
	echo "== generating $site" >&2
	"$tmp/gensite" -pages $((SCALE * BASE_PAGES)) -langs "$BASE_LANGS" -commits $((SCALE * BASE_COMMITS)) -seed "$SCALE" -out "$site" >&2
	[[ -n ${SITES_DIR:-} ]] && trap 'rm -rf "$tmp" "$site"' EXIT
fi
cd "$site"

# The first run fills .git/langref; files modified within two seconds of
# a run are never trusted, so wait for them to age first.
sleep 2
"$langref" status >/dev/null

# measure NAME CMD... runs CMD RUNS times (output discarded) and prints
# "NAME wall user sys rss": median times in seconds, the largest peak RSS
# in KB.
measure() {
	local name=$1
	shift
	"$@" >/dev/null 2>&1 # warm up
	: >"$tmp/$name.times"
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/$name.times" -a "$@" >/dev/null 2>&1
	done
	sort -n "$tmp/$name.times" | awk -v n="$RUNS" -v name="$name" '
		{ w[NR] = $1; u[NR] = $2; s[NR] = $3; if ($4 > rss) rss = $4 }
		END { m = int((n + 1) / 2); print name, w[m], u[m], s[m], rss }'
}

echo "== $(find docs -type f | wc -l) files, $(git rev-list --count HEAD) commits; load average $(cut -d' ' -f1-3 /proc/loadavg)"
{
	measure git-status git status --porcelain
	measure find find docs -type f
	measure status "$langref" status
	measure status-fr "$langref" status --lang fr
	measure status-json "$langref" status --format json
} >"$tmp/all"
awk '
	NR == 1 { gw = $2; gc = $3 + $4 }
	{ printf "%-12s %7.2f s wall %6.2f s user %6.2f s sys %8.0f MB   %5.1fx git status wall, %5.1fx cpu\n",
		$1, $2, $3, $4, $5 / 1024, $2 / gw, ($3 + $4) / gc }' "$tmp/all"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
