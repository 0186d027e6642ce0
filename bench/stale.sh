#!/usr/bin/env bash
# stale.sh measures langref's staleness against the per-file baseline of
# issue 3 (`make bench`):
#  1. on the DLSP20 corpus, in the same run: (a) langref status --format
#     json over all languages, (b) bench/lsync.sh, two git processes per
#     translation, (c) a bare git log --name-status over docs; it prints
#     (b)/(a) (target at least 50) and (a)/(c) (target at most 2);
#  2. on synthetic sites from bench/gensite at 1x, 2x and 4x a base size:
#     generation time, then langref status time and peak memory on a first
#     run (no cached results) and on a later one, and the growth from one
#     size to the next (targets: the 20,000-page site under 10 s and
#     1 GiB, growth close to linear).
# Each langref measure comes twice: a first run, with the cache of earlier
# results (.git/langref) removed, and the run a translator repeats, with
# the cache of the previous run.
# Times are wall-clock means; on a shared machine also read the CPU
# (user+sys) columns, which other processes disturb less.
#
# Usage: bash bench/stale.sh [path/to/dlsp20-docs.bundle]
# Environment:
#   GO             go command
#   HYPERFINE      hyperfine command, or none for a shell loop
#   BASE_PAGES     English pages of the 1x site (5000)
#   BASE_LANGS     translation languages, at every size (10)
#   BASE_COMMITS   commits of the 1x site (5000)
#   SCALES         sizes to measure, as multiples of the base ("1 2 4")
#   SCALE_RUNS     langref status runs per size (3)
#   SITES_DIR      where to generate the sites (a temporary folder)
#   KEEP_SITES=1   leave the generated sites in SITES_DIR
#   SKIP_SCALE=1   only the DLSP20 part
#   SKIP_DLSP20=1  only the scale part
#   REF            the reference build for the largest site's first run
#                  (e3dabe4 by default, none to skip): see reference below
#   REF_RUNS       interleaved first runs of each build (5)
#   HUGE=1         also the 200,000-file site with 50,000 commits of issue 15
#                  (never by default: generating it takes tens of minutes
#                  and some 3 GB in SITES_DIR); HUGE_FILES and HUGE_COMMITS
#                  change its size, HUGE_SITE=DIR measures a site gensite
#                  made already (kept with KEEP_SITES=1) instead
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
repo=$(pwd)
GO=${GO:-go}
HYPERFINE=${HYPERFINE:-hyperfine}
BASE_PAGES=${BASE_PAGES:-5000}
BASE_LANGS=${BASE_LANGS:-10}
BASE_COMMITS=${BASE_COMMITS:-5000}
SCALES=${SCALES:-1 2 4}
SCALE_RUNS=${SCALE_RUNS:-3}
REF=${REF:-e3dabe4}
REF_RUNS=${REF_RUNS:-5}
# The reference build met the 20,000-page target of issue 3 on the machine
# of its day: a 9.06 s first run (make bench, 2026-11-26). Issue 11 asks for
# that run to stay under 10 s.
REF_FIRST_S=9.06
TARGET_S=10

bundle=${1:-$(find_bundle)}
tmp=$(mktemp -d)
sites=${SITES_DIR:-$tmp/sites}
cleanup() {
	rm -rf "$tmp"
	[[ -n ${SITES_DIR:-} && ${KEEP_SITES:-} != 1 ]] && rm -rf "$sites"/site-*x "$sites"/site-huge "$sites"/ref-copies
	return 0
}
trap cleanup EXIT

"$GO" build -o "$tmp/langref" ./cmd/langref
"$GO" build -o "$tmp/gensite" ./bench/gensite
langref=$tmp/langref

# measure NAME RUNS CMD... prints "mean_s cpu_s" of CMD (run in the
# working directory, output discarded), with hyperfine when installed.
# With PREPARE set, that shell command runs before every run (hyperfine
# --prepare), and not in the measure.
measure() {
	local name=$1 runs=$2
	shift 2
	if command -v "$HYPERFINE" >/dev/null; then
		local prep=()
		[[ -n ${PREPARE:-} ]] && prep=(--prepare "$PREPARE")
		"$HYPERFINE" -N --style basic --warmup 1 "${prep[@]}" --runs "$runs" --export-json "$tmp/$name.json" -n "$name" "$(printf '%q ' "$@")" >&2
		jq -r '.results[0] | "\(.mean) \(.user + .system)"' "$tmp/$name.json"
		return
	fi
	"$@" >/dev/null # warm up
	: >"$tmp/$name.times"
	for _ in $(seq "$runs"); do
		[[ -n ${PREPARE:-} ]] && bash -c "$PREPARE"
		/usr/bin/time -f '%e %U %S' -o "$tmp/$name.times" -a "$@" >/dev/null
	done
	awk -v n="$runs" '{ w += $1; c += $2 + $3 } END { print w / n, c / n }' "$tmp/$name.times"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

dlsp20() {
	echo "== DLSP20: langref status vs the lsync rule vs git log"
	git clone -q "$bundle" "$tmp/dlsp20"
	cd "$tmp/dlsp20"
	local a a1 b c
	# (a) the run a translator repeats: the results of the first run are
	# in the cache (.git/langref); (a1) a first run, the cache removed.
	read -r -a a < <(measure status 10 "$langref" status --format json)
	read -r -a a1 < <(PREPARE="rm -rf .git/langref" measure status-cold 10 "$langref" status --format json)
	read -r -a b < <(measure lsync 3 bash "$repo/bench/lsync.sh" docs)
	read -r -a c < <(measure gitlog 10 git log --name-status -z -M -- docs)
	printf '%-44s %9s %9s\n' command "wall s" "cpu s"
	printf '%-44s %9.3f %9.3f\n' "(a) langref status --format json" "${a[@]}" \
		"(a1) the same, first run (no cache)" "${a1[@]}" \
		"(b) bench/lsync.sh docs" "${b[@]}" "(c) git log --name-status -z -M" "${c[@]}"
	echo "(b)/(a)  $(ratio "${b[0]}" "${a[0]}") wall, $(ratio "${b[1]}" "${a[1]}") cpu   (target >= 50)"
	echo "(a)/(c)  $(ratio "${a[0]}" "${c[0]}") wall, $(ratio "${a[1]}" "${c[1]}") cpu   (target <= 2)"
	echo "(b)/(a1) $(ratio "${b[0]}" "${a1[0]}") wall, $(ratio "${b[1]}" "${a1[1]}") cpu   (first runs)"
	echo "(a1)/(c) $(ratio "${a1[0]}" "${c[0]}") wall, $(ratio "${a1[1]}" "${c[1]}") cpu   (first runs)"
	"$langref" status --format json | jq -r '[.pages[] | select(.path != "") | .state] | group_by(.) | map("\(.[0]) \(length)") | "langref: " + join(", ")'
	bash "$repo/bench/lsync.sh" docs | cut -f2 | sort | uniq -c | awk '{ s = s sep $2 " " $1; sep = ", " } END { print "lsync:   " s }'
	cd "$repo"
}

# median FILE prints the median wall and CPU times and the largest peak
# RSS of the "wall user sys rss" lines of FILE.
median() {
	sort -n "$1" | awk '
		{ w[NR] = $1; cpu[NR] = $2 + $3; if ($4 > rss) rss = $4 }
		END { m = int((NR + 1) / 2); print w[m], cpu[m], rss }'
}

# scale K generates the K-times site and measures langref status on it:
# prints "K pages commits files gen_s wall_s cpu_s rss_kb" for first runs,
# then "wall_s cpu_s rss_kb" for later ones.
scale() {
	local k=$1 dir=$sites/site-${1}x pages=$((BASE_PAGES * $1)) commits=$((BASE_COMMITS * $1))
	rm -rf "$dir"
	local start end
	start=$(date +%s%N)
	"$tmp/gensite" -pages "$pages" -langs "$BASE_LANGS" -commits "$commits" -seed "$k" -out "$dir" 2>"$tmp/gen-$k.txt"
	end=$(date +%s%N)
	sed 's/^/  /' "$tmp/gen-$k.txt" >&2
	(cd "$dir" && "$langref" status --format json >/dev/null) # warm the page cache
	: >"$tmp/time-$k.txt"
	: >"$tmp/warm-$k.txt"
	for _ in $(seq "$SCALE_RUNS"); do
		rm -rf "$dir/.git/langref" # a first run: no results cached
		(cd "$dir" && /usr/bin/time -f '%e %U %S %M' -a -o "$tmp/time-$k.txt" "$langref" status --format json >/dev/null)
		(cd "$dir" && /usr/bin/time -f '%e %U %S %M' -a -o "$tmp/warm-$k.txt" "$langref" status --format json >/dev/null)
	done
	local files
	files=$(git -C "$dir" ls-files | wc -l)
	echo "$k $pages $commits $files $(((end - start) / 1000000 / 1000)) $(median "$tmp/time-$k.txt") $(median "$tmp/warm-$k.txt")"
	[[ $k != "${SCALES##* }" ]] || reference "$dir" "$pages $commits" >"$tmp/reference.txt"
	[[ ${KEEP_SITES:-} == 1 ]] || rm -rf "$dir"
}

# reference DIR SIZE compares first runs on the site in DIR of this build and of
# the reference build REF, interleaved by bench/first.sh (each build on its
# own hard-linked copy, its cache removed before each run), and prints
# their medians, wall and CPU. The machine's speed
# changes from day to day (the reference itself took 17-19 s on
# 2026-12-02 for its 9.06 s of 2026-11-26), so a wall-clock target of
# another day is checked as a ratio measured in the same run: this build's
# median over the reference's, against TARGET_S / REF_FIRST_S. SIZE, the
# site's pages and commits, goes first on the line it prints.
reference() {
	local dir=$1 size=$2 ref=$tmp/langref-ref
	[[ $REF != none ]] || return 0
	if ! git -C "$repo" cat-file -e "$REF^{commit}" 2>/dev/null; then
		echo "reference: $REF is not in this clone's history (a shallow clone?): skipped"
		return 0
	fi
	mkdir -p "$tmp/ref-src" "$tmp/ref-times"
	git -C "$repo" archive "$REF" | tar -x -C "$tmp/ref-src"
	(cd "$tmp/ref-src" && "$GO" build -o "$ref" ./cmd/langref)
	# Each round's line goes to standard error, shown as the runs go.
	COPY_DIR=$sites/ref-copies TIMES_DIR=$tmp/ref-times ROUNDS=$REF_RUNS \
		bash "$repo/bench/first.sh" "$dir" "$ref" "$langref" 2>&1 | sed 's/^/  /' >&2
	rm -rf "$tmp/ref-src" "$sites/ref-copies"
	echo "$size $(median "$tmp/ref-times/first-1.txt") $(median "$tmp/ref-times/first-2.txt")"
}

scaling() {
	echo
	echo "== scale: langref status on bench/gensite sites (base $BASE_PAGES pages x $BASE_LANGS languages x $BASE_COMMITS commits)"
	[[ -x /usr/bin/time ]] || {
		echo "stale.sh: error: /usr/bin/time not found: it measures peak memory" >&2
		echo "stale.sh: hint: apt-get install -y time" >&2
		return 1
	}
	mkdir -p "$sites"
	for k in $SCALES; do scale "$k"; done >"$tmp/scale.txt"
	awk 'BEGIN { printf "%5s %7s %7s %7s %7s | %8s %8s %8s %10s | %8s %8s %8s\n", "size", "pages", "commits", "files", "gen s", "wall s", "cpu s", "rss MiB", "wall/prev", "warm s", "cpu s", "rss MiB" }
	{
		printf "%4sx %7d %7d %7d %7d | %8.2f %8.2f %8.0f", $1, $2, $3, $4, $5, $6, $7, $8 / 1024
		if (NR > 1) printf " %5.2f/%-4.1f", $6 / w, $1 / k; else printf " %10s", ""
		printf " | %8.2f %8.2f %8.0f\n", $9, $10, $11 / 1024
		k = $1; w = $6
	}' "$tmp/scale.txt"
	echo "(first runs, with no cached results, then later runs, with the cache; x/y: the"
	echo " first run's time grew x times while the site grew y times; linear is x = y)"
	awk -v p=$((BASE_PAGES * 4)) '$2 >= p { printf "%d pages: first run %.2f s, later %.2f s (target < 10); %.0f MiB (target < 1024)\n", $2, $6, $9, ($8 > $11 ? $8 : $11) / 1024 }' "$tmp/scale.txt"
	[[ -s $tmp/reference.txt ]] || return 0
	echo
	echo "== reference: first runs on the largest site of $REF (the build that met issue 3's 10 s: ${REF_FIRST_S} s at 20,000 pages on 2026-11-26) and of this build, $REF_RUNS interleaved"
	awk -v ref="$REF" -v was="$REF_FIRST_S" -v target="$TARGET_S" -v langs="$BASE_LANGS" '
		/skipped/ { print; next }
		{
			printf "%-10s wall %6.2f s  cpu %6.2f s  rss %4.0f MiB\n", ref, $3, $4, $5 / 1024
			printf "%-10s wall %6.2f s  cpu %6.2f s  rss %4.0f MiB\n", "this build", $6, $7, $8 / 1024
			printf "this/reference: wall %.2f, cpu %.2f", $6 / $3, $7 / $4
			if ($1 == 20000 && $2 == 20000 && langs == 10)
				printf " (target <= %.2f = %s s / %s s): %.2f s on the reference'"'"'s day", target / was, target, was, was * $6 / $3
			printf "\n"
		}' "$tmp/reference.txt"
}

# huge measures langref status on the 200,000-file site: the time and
# peak memory of a first run (no cached results) and of a later one, with
# /usr/bin/time -v.
huge() {
	local dir=${HUGE_SITE:-$sites/site-huge}
	echo
	echo "== huge: langref status on a bench/gensite site of ${HUGE_FILES:-200000} files and ${HUGE_COMMITS:-50000} commits"
	if [[ -z ${HUGE_SITE:-} ]]; then
		mkdir -p "$sites"
		rm -rf "$dir"
		"$tmp/gensite" -files "${HUGE_FILES:-200000}" -langs "$BASE_LANGS" -commits "${HUGE_COMMITS:-50000}" -seed 7 -out "$dir" 2>&1 | sed 's/^/  /'
	fi
	echo "  $(git -C "$dir" ls-files | wc -l) files, $(git -C "$dir" rev-list --count HEAD) commits"
	(cd "$dir" && "$langref" status --format json >/dev/null) # warm the page cache
	local run
	for run in first later; do
		[[ $run == first ]] && rm -rf "$dir/.git/langref"
		(cd "$dir" && /usr/bin/time -v -o "$tmp/huge-$run.txt" "$langref" status --format json >/dev/null)
		awk -F': ' -v run="$run" '
			/Elapsed \(wall clock\)/ { wall = $2 }
			/User time/ { user = $2 } /System time/ { sys = $2 }
			/Maximum resident/ { rss = $2 }
			END { printf "%-6s run: %s wall, %.2f s user + %.2f s sys, %.0f MiB peak\n", run, wall, user, sys, rss / 1024 }' "$tmp/huge-$run.txt"
	done
	[[ -n ${HUGE_SITE:-} || ${KEEP_SITES:-} == 1 ]] || rm -rf "$dir"
}

command -v jq >/dev/null || {
	echo "stale.sh: error: jq is not installed" >&2
	echo "stale.sh: hint: apt-get install -y jq" >&2
	exit 1
}
[[ ${SKIP_DLSP20:-} == 1 ]] || dlsp20
[[ ${SKIP_SCALE:-} == 1 ]] || scaling
[[ ${HUGE:-} != 1 ]] || huge
