package stale

import (
	"bytes"
	"path"
	"path/filepath"
	"strings"
	gosync "sync"
	"sync/atomic"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/site"
)

// Prefetch is the git history of a site, read in the background by
// PrefetchHistory while the caller loads the site: git's processes then
// run beside the reading of the pages rather than after them.
type Prefetch struct {
	root string // absolute

	opened  chan struct{}
	repo    *history.Repo
	prefix  string // the site root relative to the work tree ("." at its top)
	openErr error

	loadOnce gosync.Once
	loading  atomic.Bool // git log was started
	loaded   chan struct{}
	h        *history.History
	loadErr  error

	followed chan struct{} // closed once FollowAll is done, nil without it
	logs     *history.Logs // FollowAll's logs, nil when it did not follow
	paths    []string      // the site paths FollowAll followed

	progress Progress // told of the commits read, nil for none

	// uncommented holds the pages SeeContents saw without an HTML comment.
	commentsMu  gosync.Mutex
	uncommented map[*site.File]bool
}

// SeeContents notes whether the contents src of page f, read while the
// site loads (site.Visitor.Contents), hold an HTML comment: Analyze then
// need not read a translation again only to look for source text kept in
// comments. It is safe for concurrent use.
func (p *Prefetch) SeeContents(f *site.File, src []byte) {
	if bytes.Contains(src, []byte("<!--")) {
		return
	}
	p.commentsMu.Lock()
	if p.uncommented == nil {
		p.uncommented = map[*site.File]bool{}
	}
	p.uncommented[f] = true
	p.commentsMu.Unlock()
}

// uncommentedFile reports whether SeeContents saw f, as it is now, without
// an HTML comment. It is safe for concurrent use.
func (p *Prefetch) uncommentedFile(f *site.File) bool {
	if p == nil {
		return false
	}
	p.commentsMu.Lock()
	defer p.commentsMu.Unlock()
	return p.uncommented[f]
}

// PrefetchHistory starts reading the history of the site whose root is
// root, for Options.Prefetch. It opens the repository at once; it runs
// git log at once too, unless the cache of the last run was made at the
// same HEAD: Analyze will then most likely answer from the cache without
// the log, and runs it only if it needs it.
func PrefetchHistory(root string) *Prefetch { return PrefetchHistoryWith(root, nil) }

// PrefetchHistoryWith is PrefetchHistory that tells progress, when not
// nil, how many commits git log has given so far (StepHistory).
func PrefetchHistoryWith(root string, progress Progress) *Prefetch {
	p := &Prefetch{root: root, opened: make(chan struct{}), loaded: make(chan struct{}), progress: progress}
	if abs, err := filepath.Abs(root); err == nil {
		p.root = abs
	}
	go func() {
		p.repo, p.prefix, p.openErr = openRepo(p.root)
		if p.openErr == nil && !sameHead(p.repo) {
			p.startLoad()
		}
		close(p.opened) // after startLoad: see FollowAll
	}()
	return p
}

// openRepo opens the repository holding root (two git processes) and
// returns root relative to its work tree.
func openRepo(root string) (*history.Repo, string, error) {
	repo, err := history.Open(root)
	if err != nil {
		return nil, "", err
	}
	prefix, err := repo.Rel(root)
	return repo, prefix, err
}

// open returns the repository once it is open.
func (p *Prefetch) open() (*history.Repo, string, error) {
	<-p.opened
	return p.repo, p.prefix, p.openErr
}

// load returns the history of the site, running git log if it is not
// running yet. Call it only after open succeeded.
func (p *Prefetch) load() (*history.History, error) {
	p.startLoad()
	<-p.loaded
	return p.h, p.loadErr
}

// FollowAll follows, in the background, the files of the site at the
// site-relative paths through the history once it is read (History.Follow),
// while the caller builds its graph; Analyze then uses those logs rather
// than follow its pages itself. It does nothing when the history is not
// being read (the cache is likely to answer without it).
func (p *Prefetch) FollowAll(paths []string) {
	p.followed = make(chan struct{})
	go func() {
		defer close(p.followed)
		_, prefix, err := p.open()
		if err != nil || !p.loading.Load() {
			return
		}
		h, err := p.load()
		if err != nil {
			return
		}
		prefix = strings.TrimPrefix(prefix, ".")
		full := make([]string, len(paths))
		for i, rel := range paths {
			full[i] = path.Join(prefix, rel)
		}
		p.logs, p.paths = h.Follow(full, nil), paths
	}()
}

// followedLogs returns FollowAll's logs once it is done, or nil.
func (p *Prefetch) followedLogs() *history.Logs {
	if p.followed == nil {
		return nil
	}
	<-p.followed
	return p.logs
}

func (p *Prefetch) startLoad() {
	p.loadOnce.Do(func() {
		p.loading.Store(true)
		go func() {
			p.h, p.loadErr = p.repo.LoadCounting(p.countCommits(), p.prefix)
			close(p.loaded)
		}()
	})
}

// headFile records, next to the cache, the HEAD its last complete run
// was made at (see sameHead).
const headFile = "stale-v4.head"

// sameHead reports whether the cache's last complete run was made at the
// repository's HEAD.
func sameHead(repo *history.Repo) bool {
	dir := cachefile.RepoDir(repo)
	if dir == "" || repo.Head == "" {
		return false
	}
	b, err := cachefile.Read(filepath.Join(dir, headFile), 4096)
	return err == nil && string(bytes.TrimSpace(b)) == repo.Head
}

// Repo returns the repository holding the site once it is open; the
// error is history.ErrNoGit outside a work tree.
func (p *Prefetch) Repo() (*history.Repo, error) {
	repo, _, err := p.open()
	return repo, err
}

// History returns the history of the site, running git log if the
// prefetch did not (see PrefetchHistory), and the commit HEAD named when
// it was read; the error is history.ErrNoGit outside a work tree.
func (p *Prefetch) History() (*history.History, string, error) {
	repo, _, err := p.open()
	if err != nil {
		return nil, "", err
	}
	h, err := p.load()
	if err != nil {
		return nil, "", err
	}
	return h, repo.Head, nil
}

// CacheDir returns the folder where langref keeps caches for the site
// (cachefile.Dir), or "" outside git, without running git again.
func (p *Prefetch) CacheDir() string {
	repo, _, err := p.open()
	if err != nil {
		return ""
	}
	return cachefile.RepoDir(repo)
}
