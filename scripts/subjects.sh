#!/bin/sh
# subjects: fails on a commit subject over 72 characters, so that the history stays easy to
# scan (the story goes in the body). The rule holds from the commit after ecf21ea (the read
# of the house in issue 31): older subjects predate it and are not checked. Run by
# `make test`, on a clean clone in CI.
#
# A shallow clone may lack ecf21ea: the history is linear (lanes land with merge --ff-only),
# so every commit a shallow clone has that is not ecf21ea's is newer than it, and all of
# them are checked; the script says how many. A clone without git history at all cannot be
# checked: it says so, and fails under CI=true.
set -eu
START=ecf21ea989b86f2b4081df4964734aaae82ec9c0
MAX=72
# Commits over the limit that reached main anyway (full hash and subject, one a line):
# main's history is shared, so they are named here rather than rewritten under the other
# lanes. A rewrite of main (git filter-branch --msg-filter, as the integrator did once) makes
# an entry stale; then it can go. Add none: reword before landing.
EXEMPT=""

if ! git rev-parse --git-dir >/dev/null 2>&1; then
	echo "subjects: not a git repository: commit subjects not checked" >&2
	[ "${CI:-}" = true ] && exit 1
	exit 0
fi
if git cat-file -e "$START^{commit}" 2>/dev/null; then
	range="$START..HEAD"
	what="since $START"
elif [ "$(git rev-parse --is-shallow-repository)" = true ]; then
	range=HEAD
	what="in this shallow clone ($START is older than its history)"
else
	echo "subjects: $START is not in the history: was it rewritten? (set START in $0)" >&2
	exit 1
fi

# Characters, not bytes (× and → are one each): wc -m in a UTF-8 locale.
export LC_ALL=C.UTF-8
bad=0
n=0
ex=0
tab=$(printf '\t')
git log --no-merges --format="%h$tab%s" "$range" >"${TMPDIR:-/tmp}/subjects.$$"
trap 'rm -f "${TMPDIR:-/tmp}/subjects.$$"' EXIT INT TERM
while IFS="$tab" read -r hash subject; do
	n=$((n + 1))
	case "$EXEMPT" in *"$(git rev-parse "$hash")"*) ex=$((ex + 1)) && continue ;; esac
	len=$(printf '%s' "$subject" | wc -m)
	if [ "$len" -gt "$MAX" ]; then
		echo "subjects: $hash has a subject of $len characters, more than $MAX (the story goes in the body): $subject" >&2
		bad=$((bad + 1))
	fi
done <"${TMPDIR:-/tmp}/subjects.$$"
if [ "$bad" -gt 0 ]; then
	echo "subjects: $bad of $n commit subjects $what are over $MAX characters; shorten them (git rebase -i, reword) before landing" >&2
	exit 1
fi
echo "subjects: $n commit subjects $what, each at most $MAX characters but the $ex named in EXEMPT"
