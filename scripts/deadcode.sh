#!/bin/sh
# deadcode: fails on functions of the product that no build reaches. golang.org/x/tools/cmd/deadcode
# (pinned below) lists, for each build — the product's native and js/wasm builds and, where the
# repository has it, the tools' module (tools/: browser tests, bench, shots), each with its
# tests as roots — the functions of the product (module azflows) that nothing reaches. A
# function is dead when every build that compiles its file says so (wasm/'s js files are js
# only; cmd/* does nothing in js/wasm; what only the browser tests use is reached from tools/).
# Run by `make test`; GO names the go command.
set -eu
GO=${GO:-go}
DEADCODE=golang.org/x/tools/cmd/deadcode@v0.52.0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
GOBIN="$tmp" "$GO" install "$DEADCODE"
root=$(pwd)
builds="native js"
[ -f tools/go.mod ] && builds="$builds tools"
for build in $builds; do
	dir=.
	case $build in
	js) export GOOS=js GOARCH=wasm ;;
	tools) dir=tools ;;
	esac
	# Reports and file lists relative to the root, as deadcode prints them from it.
	(cd "$dir" && "$tmp/deadcode" -test -filter '^azflows(/|$)' ./...) | awk -v root="$root/" -v dir="$dir/" '
		index($0, root) == 1 { print substr($0, length(root) + 1); next }
		{ print (dir == "./" ? "" : dir) $0 }' >"$tmp/$build.dead"
	(cd "$dir" && "$GO" list -deps -test -f '{{if .Module}}{{if eq .Module.Path "azflows"}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{end}}{{end}}' ./...) | sed "s#^$root/##" | sort -u >"$tmp/$build.files"
	unset GOOS GOARCH
done

# A function is dead when each build that compiles its file reports it.
cat "$tmp"/*.dead | sort -u >"$tmp/all"
for build in $builds; do
	awk -v dead="$tmp/$build.dead" -v files="$tmp/$build.files" '
		BEGIN { while ((getline l < dead) > 0) d[l] = 1; while ((getline f < files) > 0) c[f] = 1 }
		{ split($0, p, ":"); if (!(p[1] in c) || ($0 in d)) print }' "$tmp/all" >"$tmp/next"
	mv "$tmp/next" "$tmp/all"
done
if [ -s "$tmp/all" ]; then
	echo "deadcode: no build reaches these functions (remove them, or move what only tests use into a _test.go file):"
	cat "$tmp/all"
	exit 1
fi
echo "deadcode: every function of the product is reached by a build ($builds) or a test"
