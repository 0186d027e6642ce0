#!/usr/bin/env bash
# lunaria.sh compares langref with Lunaria, the tracker the Starlight docs use,
# on the Starlight corpus (issue 13): it clones starlight-docs.bundle to a
# temporary folder, installs @lunariajs/core there, runs `lunaria build` and
# `langref status --format json`, times both in the same run (langref's time
# is the run a translator repeats, with the cache of the previous run), and
# prints every (page, language) on which they disagree, grouped by reason
# (bench/lunaria_compare.py). Results are recorded in bench/lunaria.md.
#
# Usage: bash bench/lunaria.sh [path/to/starlight-docs.bundle]
# Environment:
#   GO            go command
#   HYPERFINE     hyperfine command, or none for a shell loop
#   LUNARIA_RUNS  timed lunaria builds (2; each takes minutes)
#   LANGREF_RUNS  timed langref runs (10)
#   KEEP=1        leave the clone (its path is printed)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
GO=${GO:-go}
HYPERFINE=${HYPERFINE:-hyperfine}
LUNARIA_RUNS=${LUNARIA_RUNS:-2}
LANGREF_RUNS=${LANGREF_RUNS:-10}
bundle=${1:-}
if [[ -z $bundle ]]; then
	for d in "$repo/../shared/corpora" "$repo/../../shared/corpora" /work/shared/corpora; do
		[[ -f $d/starlight-docs.bundle ]] && bundle=$d/starlight-docs.bundle && break
	done
fi
[[ -f $bundle ]] || { echo "lunaria.sh: error: starlight-docs.bundle not found; pass its path" >&2; exit 1; }
command -v npm >/dev/null || { echo "lunaria.sh: error: npm is needed to install Lunaria" >&2; exit 1; }

tmp=$(mktemp -d)
[[ ${KEEP:-} == 1 ]] && echo "clone kept in $tmp" || trap 'rm -rf "$tmp"' EXIT
git clone -q "$bundle" "$tmp/starlight"
site=$tmp/starlight/docs
"$GO" build -o "$tmp/langref" ./cmd/langref

# The site's package.json names workspace:* packages npm cannot resolve; set
# it aside while installing Lunaria alone, and keep the tree clean (Lunaria
# refuses to run on uncommitted changes to tracked files).
(cd "$site" && mv package.json "$tmp/site-package.json.aside" &&
	npm install --no-save --no-package-lock --loglevel=error @lunariajs/core@0.1.1 &&
	mv "$tmp/site-package.json.aside" package.json)

lun="cd $site && npx lunaria build >/dev/null 2>&1"
lr="$tmp/langref --root $site status --format json >/dev/null"
"$tmp/langref" --root "$site" status --format json >/dev/null # fill the cache
if [[ $HYPERFINE != none ]] && command -v "$HYPERFINE" >/dev/null; then
	"$HYPERFINE" --style basic --runs "$LUNARIA_RUNS" --export-json "$tmp/lun.json" -n lunaria "$lun"
	"$HYPERFINE" --style basic --warmup 1 --runs "$LANGREF_RUNS" --export-json "$tmp/lr.json" -n langref "$lr"
	lun_s=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$tmp/lun.json")
	lr_s=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$tmp/lr.json")
else
	t0=$(date +%s.%N); for ((i = 0; i < LUNARIA_RUNS; i++)); do bash -c "$lun"; done; t1=$(date +%s.%N)
	for ((i = 0; i < LANGREF_RUNS; i++)); do bash -c "$lr"; done; t2=$(date +%s.%N)
	lun_s=$(echo "($t1-$t0)/$LUNARIA_RUNS" | bc -l); lr_s=$(echo "($t2-$t1)/$LANGREF_RUNS" | bc -l)
fi
printf 'lunaria build: %.2f s; langref status (repeated run): %.3f s; langref is %.0fx faster\n' \
	"$lun_s" "$lr_s" "$(echo "$lun_s/$lr_s" | bc -l)"

[[ -f $site/dist/lunaria/status.json ]] || (cd "$site" && npx lunaria build >/dev/null 2>&1)
"$tmp/langref" --root "$site" status --format json >"$tmp/langref.json"
python3 bench/lunaria_compare.py "$site" "$site/dist/lunaria/status.json" "$tmp/langref.json"
