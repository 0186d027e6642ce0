# langref: `make` builds, `make test` runs what CI runs, `make bench` measures.
GO ?= go

.PHONY: all build test race vet fmt bench docs docs-check fuzz

all: build

build:
	$(GO) build -o bin/langref ./cmd/langref

test:
	$(GO) vet ./...
	$(GO) test -timeout 30m ./...

# The race detector; -short leaves out the corpus, site-build and browser
# tests (the `test` run has them).
race:
	$(GO) test -race -short -timeout 30m ./...

fmt:
	gofmt -l -w .

bench:
	bash bench/run.sh
	bash bench/stale.sh

# The CLI reference (docs/en/cli.md, docs/zh/cli.md) and the man page
# (docs/man/langref.1), generated from the command definitions; a test
# fails while the committed files are out of date.
docs:
	$(GO) test ./cmd/langref -run '^TestCLIDocs$$' -update-docs

# langref checks its own documentation.
docs-check:
	$(GO) run ./cmd/langref check

# Fuzz the parsers and writers of untrusted input, FUZZTIME each (the
# normal test run only replays their seeds). Go spends up to 60 s
# minimizing each new input that widens coverage, which left a 60 s run a
# few dozen executions: FUZZFLAGS keeps that to 1 s. On a shared machine,
# add -parallel 1. Results of the last runs: bench/fuzz.md.
FUZZTIME ?= 30s
FUZZFLAGS ?= -fuzzminimizetime 1s
FUZZ = ./sync/navedit:FuzzInsertCorpus ./translate/blocks:FuzzParseCorpus ./sync/plan:FuzzApply \
	./sync/frontmatter:FuzzParseCorpus ./translate/align:FuzzAlign ./translate/stub:FuzzMake
fuzz:
	@for t in $(FUZZ); do \
		echo "== $$t"; \
		$(GO) test $${t%%:*} -run '^$$' -fuzz "^$${t##*:}$$" -fuzztime $(FUZZTIME) $(FUZZFLAGS) || exit 1; \
	done
