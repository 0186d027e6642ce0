package testcorpus

import "flag"

// FuzzWorker reports whether the test binary runs as a worker of `go test
// -fuzz`: workers get their inputs from the coordinator, so fuzz targets
// skip seeding from the corpus there (each worker would clone it again).
func FuzzWorker() bool {
	f := flag.Lookup("test.fuzzworker")
	return f != nil && f.Value.String() == "true"
}
