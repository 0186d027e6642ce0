#!/usr/bin/env bash
# corpora.sh measures, on the Hugo and Starlight corpora (issue 13), the run
# of `langref status --format json` a translator repeats (second run, cache
# of the first one warm) against a bare `git log --name-status` over the
# site's content folders, interleaved (A, B, A, B...) so that a loaded
# machine disturbs both alike (bench/interleave.py); target: at most 2x.
# It also prints a first run (no cache) and checks that the repeated run
# takes the "same HEAD" fast path: no git log process at all.
#
# Usage: bash bench/corpora.sh [corpora folder]
# Environment:
#   GO     go command
#   RUNS   interleaved runs of each command (10)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
GO=${GO:-go}
RUNS=${RUNS:-10}
corpora=${1:-}
if [[ -z $corpora ]]; then
	for d in "$repo/../shared/corpora" "$repo/../../shared/corpora" /work/shared/corpora; do
		[[ -f $d/cncf-glossary.bundle ]] && corpora=$d && break
	done
fi
[[ -d $corpora ]] || { echo "corpora.sh: error: corpora folder not found; pass its path" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GO" build -o "$tmp/langref" ./cmd/langref

# name bundle site-folder content-folder (relative to the clone)
while read -r name bundle site content; do
	git clone -q "$corpora/$bundle" "$tmp/$name"
	root=$tmp/$name/$site
	echo "== $name (site $site, content $content)"
	/usr/bin/time -f "first run (no cache): %e s wall, %U s user, %S s sys" \
		"$tmp/langref" --root "$root" status --format json >/dev/null
	if command -v strace >/dev/null; then
		strace -f -e trace=execve -o "$tmp/trace" "$tmp/langref" --root "$root" status --format json >/dev/null
		if grep -q '"log"' "$tmp/trace"; then echo "repeated run: runs git log (fast path NOT taken)"; else echo "repeated run: no git log (fast path taken)"; fi
	fi
	python3 bench/interleave.py "$RUNS" \
		"langref-status-json=$tmp/langref --root $root status --format json" \
		"langref-status-text=$tmp/langref --root $root status" \
		"git-log-name-status=git -C $tmp/$name log --name-status -- $content"
done <<'LIST'
glossary cncf-glossary.bundle . content
starlight starlight-docs.bundle docs docs/src/content/docs
LIST
