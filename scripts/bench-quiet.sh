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
#      $OUT/after.txt, dist/bench.json, and $OUT/after.md (dist/bench.md: the same table and
#      the ready breakdown beside the floor's in Markdown, for docs/performance.md as it is);
#   3. measures the page's first layout with parts of it taken out → $OUT/layout.txt.
# OUT is /tmp/azflows-bench-quiet unless set. Each step waits for the load average to fall below
# LOAD_MAX first (the previous step's own browser raises it for a few minutes). The load average
# counts the measurement's own processes too, so notes.txt records for each step, beside the
# load at its start and end, the CPU that processes other than the step's own used meanwhile
# (all busy CPU in /proc/stat minus what the step's reaped process tree used, from the cutime
# and cstime of /proc/$$/stat): a machine where only the bench ran shows about 0 there, whatever
# its load average. A process the step leaves orphaned would count as another's, which can
# only flag a quiet step, never hide a busy one. A step that started above LOAD_MAX, or beside
# which others used over OTHERS_MAX cores (0.2) on average, is flagged.
# Step 2 holds the browser lock for about 12 minutes (make bench with its 5-minute soak).
# The figures go into docs/performance.md, in the section "Issue 30, lane fast3" ($OUT/after.md
# as it is; the earlier quiet run is in "Issue 30, lane fast, round 2", "On a quiet machine"). Every browser run takes /tmp/azflows-browser.lock, one
# step at a time, so other browser tests wait rather than skew it.
# LOAD_MAX (1.5), OTHERS_MAX (0.2), RUNS (5, for steps 1 and 3) and STEPS ("1 2 3") are for
# trying it out. STEPS=2 runs only the "after" step (make bench on this tree).
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

OTHERS_MAX=${OTHERS_MAX:-0.2}

# wait_quiet waits up to 30 minutes for the load average to fall below LOAD_MAX.
wait_quiet() {
	waited=0
	until quiet; do
		if [ "$waited" -ge 1800 ]; then
			echo "bench-quiet: the load average is $(load) after 30 minutes of waiting (want below $LOAD_MAX); not measuring (the figures would not be comparable)" >&2
			exit 1
		fi
		sleep 30
		waited=$((waited + 30))
	done
}

# busy is the CPU time all processes have used since boot, in clock ticks (/proc/stat: user,
# nice, system, irq, softirq, steal); mine is the CPU time of this shell's reaped children (the
# steps' process trees: flock, the bench, its browsers, make), in the same ticks: cutime and
# cstime of /proc/$$/stat ($$ is this shell's pid in a subshell too).
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
mine() { sed 's/.*) //' "/proc/$$/stat" | awk '{ print $14 + $15 }'; }

# step_begin and step_end bracket a step; step_end writes its line to notes.txt, flagged when
# the step started above LOAD_MAX or others used over OTHERS_MAX cores beside it.
step_begin() {
	wait_quiet
	load0=$(load) busy0=$(busy) mine0=$(mine) t0=$(date +%s)
}
step_end() {
	t1=$(date +%s)
	others=$(awk -v b="$(($(busy) - busy0))" -v m="$(($(mine) - mine0))" -v hz="$(getconf CLK_TCK)" -v s="$((t1 - t0))" \
		'BEGIN { o = (b - m) / hz / (s > 0 ? s : 1); printf "%.2f", o < 0 ? 0 : o }')
	flag=""
	awk -v l="$load0" -v m="$LOAD_MAX" 'BEGIN { exit !(l >= m) }' && flag=" NOTE: started over $LOAD_MAX: do not use its figures"
	awk -v o="$others" -v m="$OTHERS_MAX" 'BEGIN { exit !(o > m) }' && flag="$flag NOTE: other processes used over $OTHERS_MAX cores beside it: do not use its figures"
	echo "bench-quiet: step $1, $((t1 - t0)) s: load average $load0 at its start, $(load) at its end (its own processes count in it); other processes used $others cores on average.$flag" | tee -a "$OUT/notes.txt"
}

wait_quiet
echo "bench-quiet: load average $(load); BEFORE=$BEFORE; steps $STEPS"

tmp=$(mktemp -d /tmp/azflows-before-XXXXXX)
trap 'git worktree remove --force "$tmp/src" 2>/dev/null || true; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP # through the EXIT trap: no worktree left behind
make chromium >/dev/null
(cd tools && go build -o "$tmp/bench" ./cmd/bench)

# 1. BEFORE, built in a temporary worktree and measured by this tree's bench.
if step 1; then
	git worktree add --detach "$tmp/src" "$BEFORE" >/dev/null
	(cd "$tmp/src" && npm ci --silent >/dev/null && go run ./cmd/build -out "$tmp/dist" -brotli 11 >/dev/null)
	step_begin
	flock "$LOCK" "$tmp/bench" -dist "$tmp/dist" -only page,floor,longtasks -runs "$RUNS" -json "$OUT/before.json" | tee "$OUT/before.txt"
	step_end 1
fi

# 2. This tree: the whole bench.
if step 2; then
	step_begin
	flock "$LOCK" make bench | tee "$OUT/after.txt"
	step_end 2
	cp dist/bench.md "$OUT/after.md"
	tail -n 1 "$OUT/notes.txt" | sed 's/^bench-quiet: /\nbench-quiet.sh, /' >>"$OUT/after.md"
fi

# 3. The first layout, part by part (of dist/ as it is: make bench's build after step 2).
if step 3; then
	step_begin
	flock "$LOCK" "$tmp/bench" -dist dist -only layout -runs "$RUNS" -json "$OUT/layout.json" | tee "$OUT/layout.txt"
	step_end 3
fi
echo "bench-quiet: done at load average $(load); the figures are in $OUT/ (before.txt, after.txt, after.md, layout.txt, dist/bench.json)"
