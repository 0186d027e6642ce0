# langref: `make` builds, `make test` runs what CI runs, `make bench` measures.
GO ?= go

.PHONY: all build test vet fmt bench docs-check

all: build

build:
	$(GO) build -o bin/langref ./cmd/langref

test:
	$(GO) vet ./...
	$(GO) test ./...

fmt:
	gofmt -l -w .

bench:
	bash bench/run.sh
	bash bench/stale.sh

# langref checks its own documentation.
docs-check:
	$(GO) run ./cmd/langref check
