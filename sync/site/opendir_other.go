//go:build !darwin

package site

import "os"

// openDir opens the folder at path for reading its entries.
func openDir(path string) (*os.File, error) { return os.Open(path) }
