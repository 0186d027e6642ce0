# lib.sh: helpers shared by the bench/ scripts. Source it; do not run it.

# find_bundle prints the path of shared/corpora/dlsp20-docs.bundle in the
# nearest folder at or above the working directory (CI checks out ../shared
# beside the repository), or fails with a hint.
find_bundle() {
	local dir
	dir=$(pwd)
	while :; do
		if [[ -f $dir/shared/corpora/dlsp20-docs.bundle ]]; then
			echo "$dir/shared/corpora/dlsp20-docs.bundle"
			return
		fi
		[[ $dir == / ]] && break
		dir=$(dirname "$dir")
	done
	echo "${0##*/}: error: ../shared/corpora/dlsp20-docs.bundle not found" >&2
	echo "${0##*/}: hint: check out the shared corpora beside the repository, or pass the bundle's path" >&2
	return 1
}
