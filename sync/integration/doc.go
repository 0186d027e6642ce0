// Package integration holds langref's tests and benchmarks on a real site:
// the DLSP20 course documentation in ../shared/corpora, 15 languages with
// the defects a real site accumulates. It has no code of its own; the tests
// skip when the corpus is absent.
package integration
