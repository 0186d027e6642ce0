package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestRulesDocumented: every rule id check can emit, as found in this
// package's source (the constants passed to add), has its row in the
// rules table and its own section in docs/en/check.md and
// docs/zh/check.md, and appears in Rules.
func TestRulesDocumented(t *testing.T) {
	ids := emittedRules(t)
	if len(ids) < 14 {
		t.Fatalf("found only %d rule ids in the source: %v", len(ids), ids)
	}
	for _, doc := range []string{"../../docs/en/check.md", "../../docs/zh/check.md"} {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, id := range ids {
			if !regexp.MustCompile(`(?m)^### ` + regexp.QuoteMeta(id) + `$`).MatchString(text) {
				t.Errorf("%s has no section ### %s", doc, id)
			}
			if !strings.Contains(text, "| `"+id+"` |") {
				t.Errorf("%s: the rules table has no row for %s", doc, id)
			}
		}
	}
	for _, id := range ids {
		if _, ok := Rules[id]; !ok {
			t.Errorf("rule %s is emitted but not in Rules (no default severity, no .langref.yml override)", id)
		}
	}
}

// emittedRules returns the rule ids passed to run.add in the package's
// non-test files, resolving constants.
func emittedRules(t *testing.T) []string {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	var used []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) {
						if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[id.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "add" && len(n.Args) > 0 {
					if id, ok := n.Args[0].(*ast.Ident); ok {
						used = append(used, id.Name)
					}
				}
			}
			return true
		})
	}
	seen := map[string]bool{}
	var ids []string
	for _, name := range used {
		id, ok := consts[name]
		if !ok {
			t.Errorf("add is called with %s, which is no string constant of the package", name)
			continue
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids
}
