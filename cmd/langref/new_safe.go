package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/create"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/site"
)

// issue 14, item 5: the errors and notes that keep `langref new` from
// surprising (an unknown language, a scope that matches nothing, keys
// left out of the stubs, --no-nav).

// newSafeError renders the errors of a language the site does not have and
// of a scope that matches no source page; nil for other errors.
func (e *env) newSafeError(err error) error {
	var unknown *create.UnknownLangError
	var listed *create.ListedLangError
	var tag *create.TagError
	var scope *create.ScopeError
	switch {
	case errors.As(err, &unknown):
		return e.unknownNewLang(unknown)
	case errors.As(err, &listed):
		msg := e.p.T("new.error.listed-lang", map[string]any{"Lang": listed.Lang, "File": listed.File})
		hint := e.p.T("new.hint.listed-lang", map[string]any{"Lang": listed.Lang, "File": listed.File})
		if listed.Generator != "" {
			hint = e.p.T("new.hint.listed-lang-generator", map[string]any{"Lang": listed.Lang, "File": listed.File, "Generator": listed.Generator})
		}
		return usageErr(e.withHint(msg, hint))
	case errors.As(err, &tag):
		data := map[string]any{"Lang": tag.Lang, "Want": tag.Want}
		if tag.Want != "" {
			return usageErr(e.withHint(e.p.T("new.error.tag-noncanonical", data), e.p.T("new.hint.tag-want", data)))
		}
		return usageErr(e.withHint(e.p.T("new.error.tag-"+tag.Reason, data), e.p.T("new.hint.tag")))
	case errors.As(err, &scope):
		msg := e.p.T("new.error.scope", map[string]any{"Arg": scope.Arg})
		if k := nearestScope(scope.Arg, scope.Scopes); k != "" {
			return usageErr(e.withHint(msg, e.p.T("hint.did-you-mean", map[string]any{"Name": k})))
		}
		return usageErr(e.withHint(msg, e.p.T("new.hint.scope")))
	}
	return nil
}

// unknownNewLang is the error for a language the site does not have yet,
// with the nearest one it has and the flag that starts a new one.
func (e *env) unknownNewLang(u *create.UnknownLangError) error {
	data := map[string]any{"Lang": u.Lang, "Langs": strings.Join(u.Known, ", ")}
	msg := e.p.T("new.error.unknown-lang", data)
	if len(u.Known) == 0 {
		msg = e.p.T("new.error.unknown-lang-none", data)
	}
	if s := check.Nearest(u.Lang, u.Known); s != "" {
		data["Name"] = s
		return usageErr(e.withHint(msg, e.p.T("new.hint.unknown-lang-nearest", data)))
	}
	return usageErr(e.withHint(msg, e.p.T("new.hint.unknown-lang", data)))
}

// newNotes says which source-only keys the stubs left out and, with
// --no-nav, that the navigation was left as it is. written, when not nil,
// limits the notes to the pages written.
func (e *env) newNotes(w io.Writer, s *site.Site, r *create.Result, written map[string]plan.Done, lang string) {
	for _, pg := range r.Pages {
		if _, ok := written[pg.Path]; (written != nil && !ok) || len(pg.Left) == 0 {
			continue
		}
		fmt.Fprintln(w, e.p.T("new.keys-left", map[string]any{"Path": e.show(s.RepoPath(pg.Path)), "Keys": strings.Join(pg.Left, ", ")}))
	}
	if len(r.NavLeft) > 0 {
		fmt.Fprintln(w, e.p.N("new.nav-left", len(r.NavLeft), map[string]any{"Lang": lang, "File": s.RepoPath(s.ConfigFile)}))
	}
}

// nearestScope returns the scope closest to arg in edits or, failing
// that, the one arg ends (week1 for en/week1), or "".
func nearestScope(arg string, scopes []string) string {
	if k := check.Nearest(arg, scopes); k != "" {
		return k
	}
	for _, s := range scopes {
		if strings.HasSuffix(s, "/"+strings.Trim(arg, "/")) {
			return s
		}
	}
	return ""
}
