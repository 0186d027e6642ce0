#!/usr/bin/env bash
# lsync.sh is the per-file staleness rule of Kubernetes' scripts/lsync.sh,
# the baseline of issue 3: for each translation, the last commit that
# touched it, then any later commit of its English page. It runs two git
# processes per translation, on purpose: that is what is being measured.
#
#   bash bench/lsync.sh SITE_ROOT [SOURCE_LANG]
#
# SITE_ROOT is the folder holding _config.yml, inside a git work tree.
# Translations are the tracked *.md files under SITE_ROOT/<lang>/ for every
# <lang> but SOURCE_LANG (default en); the English page of <lang>/X is
# <SOURCE_LANG>/X, or X at the site root (DLSP20's home page, index.md),
# and a translation whose English page does not exist is skipped. Prints,
# sorted, one line per translation: its path from the repository root, a
# tab, and "stale" when git log printed a later English commit, else
# "current".
set -euo pipefail

site=${1:?usage: lsync.sh SITE_ROOT [SOURCE_LANG]}
src=${2:-en}
cd "$site"
prefix=$(git rev-parse --show-prefix)

while IFS= read -r -d '' t; do
	lang=${t%%/*}
	[[ $t == */* && $lang != "$src" ]] || continue
	rest=${t#*/}
	en=$src/$rest
	[[ -f $en ]] || en=$rest
	[[ -f $en ]] || continue
	last=$(git log -1 --format=%H -- "$t")
	if [[ -n $(git log --oneline "$last..HEAD" -- "$en") ]]; then
		printf '%s%s\tstale\n' "$prefix" "$t"
	else
		printf '%s%s\tcurrent\n' "$prefix" "$t"
	fi
done < <(git -c core.quotepath=off ls-files -z -- '*.md') | LC_ALL=C sort
