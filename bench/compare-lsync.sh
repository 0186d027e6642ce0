#!/usr/bin/env bash
# compare-lsync.sh sets langref's staleness beside the lsync rule
# (bench/lsync.sh) page by page, and explains every page where they
# disagree, grouped by reason:
#
#   bash bench/compare-lsync.sh [path/to/dlsp20-docs.bundle | REPO]
#
# With a bundle (default: the shared DLSP20 corpus) it clones it; with a
# folder it uses that git work tree as is (a bench/gensite site, say). The
# site root is REPO/docs. Reasons come from langref's JSON: the page's
# state, baseline_source and the classes of changes[].
# Environment: GO (go command).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
repo=$(pwd)
GO=${GO:-go}

command -v jq >/dev/null || {
	echo "compare-lsync.sh: error: jq is not installed" >&2
	echo "compare-lsync.sh: hint: apt-get install -y jq" >&2
	exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=${1:-$(find_bundle)}
if [[ -d $src ]]; then
	work=$(cd "$src" && pwd)
else
	git clone -q "$src" "$tmp/site"
	work=$tmp/site
fi
"$GO" build -o "$tmp/langref" ./cmd/langref

cd "$work"
bash "$repo/bench/lsync.sh" docs >"$tmp/lsync.tsv"
"$tmp/langref" status --format json >"$tmp/status.json"
# path, state, reason, baseline_source, change classes, English commits since
jq -r '.pages[] | select(.path != "") | [.path, .state, (.reason // "-"), (.baseline_source // "-"),
	([.changes[]?.class] | unique | join(",") | if . == "" then "-" else . end),
	(.english_commits_since // 0 | tostring)] | @tsv' "$tmp/status.json" | LC_ALL=C sort >"$tmp/langref.tsv"
LC_ALL=C join -t $'\t' -a 1 -a 2 -e '?' -o 0,1.2,2.2,2.3,2.4,2.5,2.6 "$tmp/lsync.tsv" "$tmp/langref.tsv" >"$tmp/joined.tsv"

awk -F'\t' '
function why(lsync, state, reason, source, classes) {
	if (lsync == "?") return "not a translation for lsync (no English page at the mirrored path)"
	if (state == "?") return "not a translation for langref (not paired by lang-ref)"
	if (state == "broken") return "langref: broken page (" reason "), staleness not judged"
	if (source == "recorded") return "baseline recorded in front matter"
	if (lsync == "stale") {
		if (classes == "-") return "English commits since change nothing langref compares (front matter, or undone)"
		if (classes !~ /content|verbatim/) return "English change only cosmetic/typo"
		return "other: lsync stale, langref " state " with " classes
	}
	if (source == "history") return "translation touched later by an unrelated commit hides the English change"
	if (source == "content") return "no usable history: structure differs from English"
	return "other: lsync current, langref stale (" source ")"
}
{
	lstale = $2 == "stale"; rstale = $3 == "stale"
	nl += lstale; nr += rstale; n++
	if (lstale == rstale && $2 != "?" && $3 != "?") { agree++; next }
	r = why($2, $3, $4, $5, $6)
	count[r]++
	list[r] = list[r] sprintf("    %-45s lsync %-7s langref %-10s %-8s %-24s %s\n", $1, $2, $3, $5, $6, $7)
}
END {
	printf "translations: %d\nstale by langref: %d\nstale by lsync:   %d\nagree: %d, disagree: %d\n", n, nr, nl, agree, n - agree
	# one line per reason, largest group first; \001 stands for newlines
	for (r in count) {
		body = list[r]
		gsub(/\n/, "\001", body)
		printf "%d\t%s\t%s\n", count[r], r, body | "LC_ALL=C sort -t \"\t\" -k1,1nr -k2,2 >" out
	}
	close("LC_ALL=C sort -t \"\t\" -k1,1nr -k2,2 >" out)
}' out="$tmp/groups.tsv" "$tmp/joined.tsv"
awk -F'\t' '{ body = $3; gsub(/\001/, "\n", body); printf "\n%4d  %s\n%s", $1, $2, body }' "$tmp/groups.tsv"
echo
echo "(columns: path, lsync, langref state, baseline_source, change classes, English commits since)"
