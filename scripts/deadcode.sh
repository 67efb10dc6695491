#!/bin/sh
# deadcode: fails on functions that no build reaches. golang.org/x/tools/cmd/deadcode (pinned
# below) lists, for each of the native and the js/wasm build, the functions that no main
# package and no test reaches; a function is dead when both say so, or when the one build that
# compiles its file says so (wasm/*_js.go is js only, cmd/* does nothing in js/wasm). Run by
# `make test`; GO names the go command.
set -eu
GO=${GO:-go}
DEADCODE=golang.org/x/tools/cmd/deadcode@v0.52.0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
GOBIN="$tmp" "$GO" install "$DEADCODE"
root=$(pwd)
for build in native js; do
	if [ "$build" = js ]; then export GOOS=js GOARCH=wasm; fi
	"$tmp/deadcode" -test ./... >"$tmp/$build.dead"
	# Every file this build compiles (tests included), relative to the root, as deadcode prints them.
	"$GO" list -test -f '{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}' ./... | sed "s|^$root/||" | sort -u >"$tmp/$build.files"
done
unset GOOS GOARCH

# A line of one report is dead when the other report has it too, or the other build does not
# compile its file.
awk -v other_dead="$tmp/js.dead" -v other_files="$tmp/js.files" '
	BEGIN { while ((getline l < other_dead) > 0) dead[l] = 1; while ((getline f < other_files) > 0) files[f] = 1 }
	{ split($0, p, ":"); if (($0 in dead) || !(p[1] in files)) print }' "$tmp/native.dead" >"$tmp/out"
awk -v other_dead="$tmp/native.dead" -v other_files="$tmp/native.files" '
	BEGIN { while ((getline l < other_dead) > 0) dead[l] = 1; while ((getline f < other_files) > 0) files[f] = 1 }
	{ split($0, p, ":"); if (!($0 in dead) && !(p[1] in files)) print }' "$tmp/js.dead" >>"$tmp/out"
if [ -s "$tmp/out" ]; then
	echo "deadcode: no build reaches these functions (remove them, or move what only tests use into a _test.go file):"
	sort -u "$tmp/out"
	exit 1
fi
echo "deadcode: every function is reached by the native or the js/wasm build (or a test)"
