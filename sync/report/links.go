package report

import (
	"net/url"
	"strings"
)

// WebURL turns a git remote URL into the repository's web address and
// the kind of host: "github", "gitlab" or "gitea" (Gitea, Forgejo,
// Codeberg and other hosts). It returns "" for a remote it cannot read.
func WebURL(remote string) (web, kind string) {
	r := strings.TrimSuffix(strings.TrimSpace(remote), "/")
	r = strings.TrimSuffix(r, ".git")
	switch {
	case strings.HasPrefix(r, "git@") || (!strings.Contains(r, "://") && strings.Contains(r, ":")):
		// scp-like: git@host:owner/repo
		at := strings.LastIndex(r[:strings.Index(r, ":")], "@")
		host, path, _ := strings.Cut(r[at+1:], ":")
		r = "https://" + host + "/" + strings.TrimPrefix(path, "/")
	case strings.HasPrefix(r, "ssh://") || strings.HasPrefix(r, "git://") || strings.HasPrefix(r, "http://") || strings.HasPrefix(r, "https://"):
		u, err := url.Parse(r)
		if err != nil || u.Host == "" {
			return "", ""
		}
		r = "https://" + u.Hostname() + u.Path
	default:
		return "", "" // a local path
	}
	host := strings.ToLower(strings.SplitN(strings.TrimPrefix(r, "https://"), "/", 2)[0])
	switch {
	case host == "github.com" || strings.Contains(host, "github"):
		return r, "github"
	case strings.Contains(host, "gitlab"):
		return r, "gitlab"
	}
	return r, "gitea"
}

// FileURL is the address of a file of the repository at a commit, on the
// repository's host; "" when web is "".
func FileURL(web, kind, commit, path string) string {
	if web == "" || commit == "" {
		return ""
	}
	switch kind {
	case "gitlab":
		return web + "/-/blob/" + commit + "/" + path
	case "gitea":
		return web + "/src/commit/" + commit + "/" + path
	}
	return web + "/blob/" + commit + "/" + path
}
