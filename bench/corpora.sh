#!/usr/bin/env bash
# corpora.sh measures, on the DLSP20 (Jekyll), CNCF glossary (Hugo) and
# Starlight corpora (issues 11, 13, 15), the run of `langref status` a
# translator repeats (second run, caches of the first one warm: results
# and the page cache) against a bare `git log --name-status` over the
# site's content folders, interleaved (A, B, A, B...) so that a loaded
# machine disturbs both alike (bench/interleave.py); target: at most 2x.
# It also prints a first run (no cache) and checks that the repeated run
# takes the "same HEAD" fast path (no git log process at all) and reads
# no page (the page cache answers for every file). It ends with one line
# per corpus: the repeated run's ratios to git log.
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
		[[ -f $d/cncf-glossary.bundle && -f $d/dlsp20-docs.bundle ]] && corpora=$d && break
	done
fi
[[ -d $corpora ]] || { echo "corpora.sh: error: corpora folder not found; pass its path" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GO" build -o "$tmp/langref" ./cmd/langref

# name bundle site-folder content-folder git-log-options (relative to the clone)
summary=$tmp/summary.txt
while read -r name bundle site content opts; do
	git clone -q "$corpora/$bundle" "$tmp/$name"
	root=$tmp/$name/$site
	echo "== $name (site $site, content $content)"
	/usr/bin/time -f "first run (no cache): %e s wall, %U s user, %S s sys" \
		"$tmp/langref" --root "$root" status --format json >/dev/null
	# The page cache keeps no file modified in the 2 s before a run: the
	# clone's files are kept by the second run, not the first.
	sleep 2
	"$tmp/langref" --root "$root" status --format json >/dev/null
	if command -v strace >/dev/null; then
		strace -f -e trace=execve,openat -o "$tmp/trace" "$tmp/langref" --root "$root" status --format json >/dev/null
		if grep -q '"log"' "$tmp/trace"; then echo "repeated run: runs git log (fast path NOT taken)"; else echo "repeated run: no git log (fast path taken)"; fi
		echo "repeated run: $(grep -c 'execve("[^"]*git"' "$tmp/trace" || true) git processes, $(grep -c "openat(.*$tmp/$name/[^\"]*\.mdx\?\"" "$tmp/trace" || true) pages opened"
	fi
	python3 bench/interleave.py "$RUNS" \
		"langref-status-json=$tmp/langref --root $root status --format json" \
		"langref-status-text=$tmp/langref --root $root status" \
		"git-log-name-status=git -C $tmp/$name log --name-status $opts -- $content" | tee "$tmp/$name.txt"
	ratios() { sed -nE "s/^$1 .*wall +[0-9.]+ s \( *([0-9.]+x).*cpu +[0-9.]+ s \( *([0-9.]+x).*/\1 wall, \2 cpu/p" "$tmp/$name.txt"; }
	printf '%-10s json %s; text %s   (vs git log --name-status %s-- %s)\n' "$name" \
		"$(ratios langref-status-json)" "$(ratios langref-status-text)" "${opts:+$opts }" "$content" >>"$summary"
done <<'LIST'
dlsp20 dlsp20-docs.bundle docs docs -z -M
glossary cncf-glossary.bundle . content
starlight starlight-docs.bundle docs docs/src/content/docs
LIST
echo
echo "== repeated status / bare git log (target: at most 2x)"
cat "$summary"
