# Dossier's commands. `make site` builds the example site into site/; `make test`
# runs the whole test suite. Both first make sure cmark-gfm's C library is there.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: deps site test check bench validate clean

deps:
	@if pkg-config --exists libcmark-gfm 2>/dev/null; then :; else \
	  echo "cmark-gfm not found: installing pkg-config, libcmark-gfm-dev and libcmark-gfm-extensions-dev with apt-get"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev; \
	fi

## Build the example project in this repository into site/.
site: deps
	$(SWIFT) build --product dossier
	.build/debug/dossier build --root .

## Run every test (unit, golden-file and end-to-end).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2

## Validate the example project without writing anything.
check: deps
	$(SWIFT) build --product dossier
	.build/debug/dossier check --root . --strict

## Release-mode benchmark: synthetic projects of 1,000 and 10,000 briefings (clean
## builds against cmark-gfm's CLI), then the incremental case at 10,000.
bench: deps
	$(SWIFT) build -c release --product dossier
	$(SWIFT) build -c release --product dossier-benchgen
	scripts/bench.sh
	scripts/bench-incremental.sh

## Validate the example site's HTML with the W3C Nu validator (needs Java and pip).
validate: site
	scripts/validate-html.sh site

clean:
	rm -rf .build
