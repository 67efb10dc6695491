# azflows — build, serve and test the site.
#
#   make serve   build dist/ and serve it at http://$(ADDR)/
#   make test    build, make sure Chromium, Firefox and WebKitGTK are there, run every check and test
#   make bench   build (brotli 11), then measure the site in headless Chromium against the
#                performance budgets (docs/performance.md); prints a table, writes dist/bench.json
#   make shots   build, then write screenshots of every chart view in every language at phone,
#                embed and slide sizes to dist/shots/ (for people to look at; not a test)
#   make fuzz    fuzz the hash parser, the WOFF, TopoJSON and base-map decoders, FUZZTIME each
#                (default 20s), and print the executions each ran
#   make clean   remove what the build made (dist/, node_modules/)

ADDR ?= 127.0.0.1:8080
GO   ?= go
# The source paper's text (README, "Source paper"): optional, its checks are skipped without it.
PAPER = $(or $(AZFLOWS_SOURCE),../shared/source/000_972ab09f2d197776.txt)

.PHONY: all deps build serve test chromium engines bench shots fuzz clean

all: build

# npm ci runs again only when the lock file (or package.json) is newer than
# the last install.
node_modules/.stamp: package.json package-lock.json
	npm ci
	touch $@

# pigz (Debian) makes the single files' zopfli blocks (cmd/build, smallestGzip): installed
# here when run as root; without it the build says so and uses gzip -9 (about 180 KB more).
deps: node_modules/.stamp
	$(GO) mod download
	cd tools && $(GO) mod download
	@command -v pigz >/dev/null 2>&1 || { [ "$$(id -u)" -ne 0 ] || \
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y pigz >/dev/null || \
		echo "deps: could not install pigz; the single files use gzip -9"; }

# cmd/build builds the wasm (GOOS=js GOARCH=wasm), copies wasm_exec.js and the
# npm assets, and writes the whole site to dist/.
#
# BUILDFLAGS go to cmd/build; `make bench` sets -brotli 11 (smallest .br, slow the first
# time a file changes: compressed files are cached by content).
# SITE_URL is the site's address (https://…/): with it the link previews' URLs are absolute.
build: deps
	$(GO) run ./cmd/build -out dist $(if $(SITE_URL),-site-url '$(SITE_URL)') $(BUILDFLAGS)

serve: build
	$(GO) run ./cmd/serve -dir dist -addr $(ADDR)

chromium:
	scripts/ensure-chromium.sh

# Firefox ESR, WebKitWebDriver and Xvfb for tools/e2e/engines_test.go, nginx (with brotli) and Caddy
# for tools/e2e/hosting_test.go (installed when run as root).
engines:
	scripts/ensure-engines.sh

# The browser tests (tools/e2e/) need the built dist/, Chromium, and Firefox and WebKitGTK.
test: build chromium engines
	@unformatted="$$(find . \( -name .git -o -name node_modules -o -name dist \) -prune \
		-o -name '*.go' -print0 | xargs -0 -r gofmt -l)"; \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run gofmt -w):"; \
		echo "$$unformatted"; \
		exit 1; \
	fi
	scripts/subjects.sh
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	cd tools && $(GO) vet ./...
	GO=$(GO) scripts/deadcode.sh
	$(GO) test -count=1 -timeout 20m ./...
	cd tools && $(GO) test -count=1 -timeout 20m ./...
	@[ -f "$(PAPER)" ] || echo "test: the checks of the records against the paper were skipped: no file at $(PAPER) (README, \"Source paper\")"

# A benchmark, not a test: nothing in `make test` depends on timings. It runs one
# browser at a time and takes about six minutes; run it on a quiet machine.
bench: BUILDFLAGS += -brotli 11
bench: build chromium
	cd tools && $(GO) run ./cmd/bench -dist dist -soak 5m

# One browser; SHOTS=map-2012-az limits it to the shots whose names contain the words given.
shots: build chromium
	cd tools && $(GO) run ./cmd/shots -dist dist -only "$(SHOTS)"

fuzz:
	GO=$(GO) scripts/fuzz.sh

clean:
	rm -rf dist node_modules
