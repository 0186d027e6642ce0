#!/usr/bin/env bash
# run.sh measures langref on the DLSP20 corpus (`make bench`):
#  1. the Go benchmarks of sync/integration, five runs each, and the ratio
#     of status and check to just reading every file of the site;
#  2. the langref binary against cat on the same files, with hyperfine
#     when installed, else with a loop of 10 runs.
# Usage: bash bench/run.sh [path/to/dlsp20-docs.bundle]
# Environment: GO (go command), HYPERFINE (hyperfine command, or none).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
GO=${GO:-go}
HYPERFINE=${HYPERFINE:-hyperfine} # HYPERFINE=none times with a shell loop

bundle=${1:-$(find_bundle)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== go test -bench (sync/integration)"
"$GO" test -run '^$' -bench . -count 5 ./sync/integration/ | tee "$tmp/bench.txt"

# median ns/op of each benchmark, by name without the -GOMAXPROCS suffix
awk '/^Benchmark/ { sub(/-[0-9]+$/, "", $1); print $1, $3 }' "$tmp/bench.txt" |
	sort -k1,1 -k2,2n |
	awk '{ v[$1] = v[$1] " " $2; n[$1]++ }
	END { for (b in v) { split(substr(v[b], 2), a, " "); print b, a[int((n[b] + 1) / 2)] } }' >"$tmp/median.txt"
median() { awk -v b="$1" '$1 == b { print $2 }' "$tmp/median.txt"; }
read_ns=$(median BenchmarkReadFiles)
status_ns=$(median BenchmarkStatus)
check_ns=$(median BenchmarkCheck)
echo
echo "== ratios (median ns/op)"
awk -v r="$read_ns" -v s="$status_ns" -v c="$check_ns" 'BEGIN {
	printf "read   %8.1f ms\n", r / 1e6
	printf "status %8.1f ms  status/read %.2f\n", s / 1e6, s / r
	printf "check  %8.1f ms  check/read  %.2f\n", c / 1e6, c / r
}'

echo
echo "== CLI: langref status vs cat of every file"
"$GO" build -o "$tmp/langref" ./cmd/langref
git clone -q "$bundle" "$tmp/dlsp20"
cd "$tmp/dlsp20/docs"
find . -type f | LC_ALL=C sort >"$tmp/files"
mapfile -t files <"$tmp/files"
echo "$(wc -l <"$tmp/files") files, $(cat "${files[@]}" | wc -c) bytes"
if command -v "$HYPERFINE" >/dev/null; then
	# -N: no intermediate shell; hyperfine discards the commands' output.
	"$HYPERFINE" -N --warmup 3 --runs 20 --export-json "$tmp/cli.json" \
		-n "langref status" "$tmp/langref status" \
		-n "cat (${#files[@]} files)" "cat ${files[*]}"
	# mean times, in the order the commands were given
	means=($(grep -o '"mean": *[0-9.e+-]*' "$tmp/cli.json" | grep -o '[0-9.e+-]*$'))
	awk -v s="${means[0]}" -v c="${means[1]}" 'BEGIN { printf "status/cat %.2f\n", s / c }'
else
	echo "(no hyperfine: mean of 10 runs each)"
	t() {
		local start end
		start=$(date +%s%N)
		for _ in 1 2 3 4 5 6 7 8 9 10; do "$@" >/dev/null; done
		end=$(date +%s%N)
		echo $(((end - start) / 10))
	}
	cat "${files[@]}" >/dev/null # warm the page cache
	status_cli=$(t "$tmp/langref" status)
	cat_cli=$(t cat "${files[@]}")
	awk -v s="$status_cli" -v c="$cat_cli" 'BEGIN {
		printf "langref status %7.1f ms\ncat            %7.1f ms\nstatus/cat %.2f\n", s / 1e6, c / 1e6, s / c
	}'
fi
