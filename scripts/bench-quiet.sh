#!/bin/sh
# bench-quiet.sh: issue 30's before/after on a quiet machine, in one session.
#
#   scripts/bench-quiet.sh [BEFORE]      (from the repository's root; BEFORE defaults to ecf21ea,
#                                         the commit of the figures)
#
# It waits (up to 30 minutes) for the 1-minute load average to fall below 1.5, then:
#   1. builds BEFORE's site (a temporary git worktree, brotli 11) and measures it with this
#      tree's tools/cmd/bench: page, floor, long tasks, 5 runs → $OUT/before.txt, before.json;
#   2. runs `make bench` on this tree (every measurement, 5 runs, the soak) →
#      $OUT/after.txt and dist/bench.json;
#   3. measures the page's first layout with parts of it taken out → $OUT/layout.txt.
# OUT is /tmp/azflows-bench-quiet unless set. A step that ended above load 1.5 says so (notes.txt).
# Step 2 holds the browser lock for about 12 minutes (make bench with its 5-minute soak).
# The figures go into docs/performance.md, in the section "Issue 30, lane fast, round 2"
# (its table "On a quiet machine"). Every browser run takes /tmp/azflows-browser.lock, one
# step at a time, so other browser tests wait rather than skew it.
# LOAD_MAX (1.5), RUNS (5, for steps 1 and 3) and STEPS ("1 2 3") are for trying it out.
set -eu
BEFORE=${1:-ecf21ea}
LOAD_MAX=${LOAD_MAX:-1.5}
RUNS=${RUNS:-5}
STEPS=${STEPS:-1 2 3}
OUT=${OUT:-/tmp/azflows-bench-quiet}
LOCK=/tmp/azflows-browser.lock
mkdir -p "$OUT"

load() { cut -d' ' -f1 /proc/loadavg; }
quiet() { awk -v l="$(load)" -v m="$LOAD_MAX" 'BEGIN { exit !(l < m) }'; }
step() { case " $STEPS " in *" $1 "*) return 0 ;; esac; return 1; }

waited=0
until quiet; do
	if [ "$waited" -ge 1800 ]; then
		echo "bench-quiet: the load average is $(load) after 30 minutes of waiting (want below $LOAD_MAX); not measuring (the figures would not be comparable)" >&2
		exit 1
	fi
	sleep 30
	waited=$((waited + 30))
done
echo "bench-quiet: load average $(load); BEFORE=$BEFORE; steps $STEPS"

note() { quiet || echo "bench-quiet: NOTE: step $1 ended at load average $(load), over $LOAD_MAX: do not use its figures" | tee -a "$OUT/notes.txt"; }

tmp=$(mktemp -d /tmp/azflows-before-XXXXXX)
trap 'git worktree remove --force "$tmp/src" 2>/dev/null || true; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP # through the EXIT trap: no worktree left behind
make chromium >/dev/null
(cd tools && go build -o "$tmp/bench" ./cmd/bench)

# 1. BEFORE, built in a temporary worktree and measured by this tree's bench.
if step 1; then
	git worktree add --detach "$tmp/src" "$BEFORE" >/dev/null
	(cd "$tmp/src" && npm ci --silent >/dev/null && go run ./cmd/build -out "$tmp/dist" -brotli 11 >/dev/null)
	flock "$LOCK" "$tmp/bench" -dist "$tmp/dist" -only page,floor,longtasks -runs "$RUNS" -json "$OUT/before.json" | tee "$OUT/before.txt"
	note 1
fi

# 2. This tree: the whole bench.
if step 2; then
	flock "$LOCK" make bench | tee "$OUT/after.txt"
	note 2
fi

# 3. The first layout, part by part (of dist/ as it is: make bench's build after step 2).
if step 3; then
	flock "$LOCK" "$tmp/bench" -dist dist -only layout -runs "$RUNS" -json "$OUT/layout.json" | tee "$OUT/layout.txt"
	note 3
fi
echo "bench-quiet: done at load average $(load); the figures are in $OUT/ (before.txt, after.txt, layout.txt, dist/bench.json)"
