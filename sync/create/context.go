package create

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/stub"
)

// DateKey is the front matter key whose values show the site's date
// format.
const DateKey = "translation-date"

// dateLayout finds how the site writes translation dates: from lang's
// pages first, then from all translations, then from the source pages'
// date key.
func dateLayout(s *site.Site, lang string) string {
	var own, all, dates []string
	for _, f := range s.Files {
		if f.Doc == nil || !f.Doc.Usable() {
			continue
		}
		if v, ok := f.Doc.Get(DateKey); ok && v.Value.Kind != frontmatter.Null {
			all = append(all, v.Value.Text)
			if f.Folder == lang {
				own = append(own, v.Value.Text)
			}
		}
		if v, ok := f.Doc.Get("date"); ok && v.Value.Kind != frontmatter.Null {
			dates = append(dates, v.Value.Text)
		}
	}
	for _, vs := range [][]string{own, all, dates} {
		if len(vs) > 0 {
			return stub.DateLayout(vs)
		}
	}
	return stub.DateLayout(nil)
}

// credits reports whether stubs get translator and translation-date keys:
// on sites whose pages name their language in front matter (the DLSP20
// convention these keys come from), and on any site whose pages already
// have one of them.
func credits(s *site.Site) bool {
	if s.LangKey != "" {
		return true
	}
	for _, f := range s.Files {
		if f.Doc == nil {
			continue
		}
		for _, k := range []string{"translator", DateKey} {
			if _, ok := f.Doc.Get(k); ok {
				return true
			}
		}
	}
	return false
}

// memory learns every commented English block and its translation in
// lang's pages, in path order.
func memory(s *site.Site, lang string) *stub.Memory {
	m := stub.NewMemory()
	for _, f := range s.Files {
		if f.Folder == lang && f.Doc != nil && f.Doc.Usable() {
			m.Add(f.Path, f.Doc.Body, f.Doc.BodyLine)
		}
	}
	return m
}

// baselines returns, for each source page, the commit that last changed it
// (one git log for the site), or "sha256:" and its content hash when there
// is no history or the file differs from its last commit. The error says
// why the history could not be read when git is there but fails (it
// refuses the repository, say): the hashes then stand in for commits.
func baselines(s *site.Site, sources []*graph.Page) (map[string]string, error) {
	out := map[string]string{}
	for _, p := range sources {
		sum := sha256.Sum256(p.File.Src)
		out[p.Path()] = "sha256:" + hex.EncodeToString(sum[:])
	}
	if len(sources) == 0 {
		return out, nil
	}
	commits, err := lastCommits(s, sources)
	for path, c := range commits {
		out[path] = c
	}
	return out, err
}

// lastCommits finds the last commit of each source page whose committed
// contents are what is on disk. Without git or a repository it finds none
// and no error.
func lastCommits(s *site.Site, sources []*graph.Page) (map[string]string, error) {
	repo, err := history.Open(s.Root)
	if errors.Is(err, history.ErrNoGit) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if repo.Head == "" {
		return nil, nil
	}
	spec, err := repo.Rel(s.Root)
	if err != nil {
		return nil, err
	}
	h, err := repo.Load(spec)
	if err != nil {
		return nil, err
	}
	var rels []string
	for _, p := range sources {
		rels = append(rels, strings.TrimPrefix(spec+"/"+p.Path(), "./"))
	}
	fl := h.Follow(rels, nil) // one pass for all the pages, not one each
	candidates, specs := map[string]string{}, []string(nil)
	for _, p := range sources {
		rel := strings.TrimPrefix(spec+"/"+p.Path(), "./")
		if log := fl.FileLog(rel); len(log) > 0 {
			candidates[p.Path()] = log[0].Commit.Hash
			specs = append(specs, "HEAD:"+rel)
		}
	}
	blobs, _, err := repo.Blobs(specs)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, p := range sources {
		rel := strings.TrimPrefix(spec+"/"+p.Path(), "./")
		if c, ok := candidates[p.Path()]; ok && string(blobs["HEAD:"+rel]) == string(p.File.Src) {
			out[p.Path()] = c
		}
	}
	return out, nil
}
