#!/usr/bin/env bash
# One packet per selected translation: raw git history of the pair, nothing else.
set -euo pipefail
cd /work/labelling/dlsp20
for sel in /work/labelling/selection-A.tsv /work/labelling/selection-B.tsv; do
  tail -n +2 "$sel" | while IFS=$'\t' read -r tr en ref why; do
    out=/work/labelling/packets/$(echo "$tr" | tr / _).txt
    {
      echo "# translation: $tr"
      echo "# english:     $en"
      echo "# lang-ref:    $ref"
      echo
      echo "## Translation history (newest first; --follow)"
      git log --follow --date=short --format='%h %ad %an | %s' --stat=200 -- "$tr"
      created=$(git log --follow --diff-filter=A --format=%H -- "$tr" | tail -1)
      echo
      echo "## Translation created in: $(git log -1 --date=short --format='%h %ad %s' $created)"
      echo
      echo "## English history, all commits (newest first)"
      git log --follow --date=short --format='%h %ad %an | %s' -- "$en"
      echo
      echo "## English changes after the translation was created ($created..HEAD), word diff, oldest first"
      for c in $(git log --reverse --format=%H $created..HEAD -- "$en"); do
        echo
        echo "### $(git log -1 --date=short --format='%h %ad %an | %s' $c)"
        echo "### files in this commit: $(git show --name-only --format= $c | tr '\n' ' ')"
        git show --format= --word-diff=plain -U2 $c -- "$en" | sed -n '5,$p'
      done
    } > "$out"
  done
done
