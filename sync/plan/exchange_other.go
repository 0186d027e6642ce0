//go:build !(linux && (amd64 || arm64))

package plan

import "errors"

// exchange is not available here: replaceAtomic renames instead.
func exchange(a, b string) error { return errors.ErrUnsupported }
