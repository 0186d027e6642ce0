#!/usr/bin/env bash
# jekyll-pages.sh prints the pages Jekyll itself builds from the DLSP20
# corpus, as sorted TSV lines: path, lang, lang-ref (an empty column when
# the value is nil). It is the ground truth that sync/integration compares
# langref's site model with:
#
#   bash bench/jekyll-pages.sh > sync/integration/testdata/dlsp20-jekyll-pages.tsv
#
# It needs git and Jekyll 4 (Debian: apt-get install jekyll). The bundle is
# $1, or shared/corpora/dlsp20-docs.bundle in the nearest folder at or above
# the working directory. The output holds derived facts only, no corpus text.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v jekyll >/dev/null || {
	echo "jekyll-pages.sh: error: jekyll is not installed" >&2
	echo "jekyll-pages.sh: hint: apt-get install jekyll (Debian ships Jekyll 4.3)" >&2
	exit 1
}

bundle=${1:-$(find_bundle)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$bundle" "$tmp/dlsp20"
site=$tmp/dlsp20/docs

# The corpus has no theme: _config.yml's defaults ask for layout "custom",
# which must exist for the build to finish.
mkdir -p "$site/_plugins" "$site/_layouts"
printf '{{ content }}\n' >"$site/_layouts/custom.html"

# Dump site.pages right after Jekyll has read the site: what it decided is
# a page, and the lang and lang-ref values its Ruby YAML reader produced.
cat >"$site/_plugins/langref_dump.rb" <<'RUBY'
Jekyll::Hooks.register :site, :post_read do |site|
  cell = lambda do |v|
    s = v.nil? ? "" : v.to_s
    raise "#{v.inspect}: a tab or newline would break the TSV" if s =~ /[\t\r\n]/
    s
  end
  File.open(ENV.fetch("LANGREF_DUMP"), "w") do |f|
    site.pages.each do |p|
      f.puts [p.relative_path, cell.(p.data["lang"]), cell.(p.data["lang-ref"])].join("\t")
    end
  end
end
RUBY

LANGREF_DUMP=$tmp/pages.tsv jekyll build --quiet --source "$site" --destination "$tmp/_site" >&2
echo "# pages of dlsp20-docs as $(jekyll --version) builds them: path, lang, lang-ref (bench/jekyll-pages.sh)"
LC_ALL=C sort "$tmp/pages.tsv"
