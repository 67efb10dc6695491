# azflows — build, serve and test the site.
#
#   make serve   build dist/ and serve it at http://$(ADDR)/
#   make test    build, make sure Chromium is there, run every check and test
#   make clean   remove what the build made (dist/, node_modules/)

ADDR ?= 127.0.0.1:8080
GO   ?= go

.PHONY: all deps build serve test chromium clean

all: build

# npm ci runs again only when the lock file (or package.json) is newer than
# the last install.
node_modules/.stamp: package.json package-lock.json
	npm ci
	touch $@

deps: node_modules/.stamp
	$(GO) mod download

# cmd/build builds the wasm (GOOS=js GOARCH=wasm), copies wasm_exec.js and the
# npm assets, and writes the whole site to dist/.
build: deps
	$(GO) run ./cmd/build -out dist

serve: build
	$(GO) run ./cmd/serve -dir dist -addr $(ADDR)

chromium:
	scripts/ensure-chromium.sh

# The browser tests (e2e/) need the built dist/ and Chromium.
test: build chromium
	@unformatted="$$(find . \( -name .git -o -name node_modules -o -name dist \) -prune \
		-o -name '*.go' -print0 | xargs -0 -r gofmt -l)"; \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run gofmt -w):"; \
		echo "$$unformatted"; \
		exit 1; \
	fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	$(GO) test -count=1 -timeout 20m ./...

clean:
	rm -rf dist node_modules
