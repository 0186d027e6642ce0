// Command langref keeps the translations of a documentation site paired
// with their source pages. See docs/ for the manual.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
