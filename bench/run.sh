#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: every benchmark of DESIGN.md §6 beside its yardstick, measured in one run, then
# one table of them all: target, measured value, yardstick, ratio, verdict and peak memory,
# with the machine they were measured on. Benchmarks are not tests: a missed target is
# reported, and make bench still succeeds; it fails only when a benchmark could not run.
#
# The demo programmes (scale 1 and 10) are written once, into a temporary folder removed
# afterwards; each script works on its own copy. Each script prints its own figures as it
# goes and appends its rows to the table (bench/lib.sh says how); run alone, it prints only
# its own figures.
#
#   bench/run.sh [BUILD_DIR]        (default _build; BENCH_COMMIT)
set -uo pipefail

build=${1:-_build}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
# BENCH_COMMIT names the commit of a tree that is not a git checkout (git archive's).
commit=${BENCH_COMMIT:-$(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo unknown)}
[ -n "${BENCH_COMMIT:-}" ] || git -C "$here/.." diff --quiet HEAD 2>/dev/null ||
  commit="$commit (with uncommitted changes)"
machine="${cpu:-unknown CPU}, $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

echo "Writing the demo programmes (scale 1 and 10)"
export BENCH_DEMO_1=$work/demo-1.sqlite BENCH_DEMO_10=$work/demo-10.sqlite BENCH_ROWS=$work/rows
: >"$BENCH_ROWS"
for scale in 1 10; do
  "$build/src/trauma-informed" --create-demo="$work/demo-$scale.sqlite" --scale="$scale" \
    >/dev/null || exit 1
done

failed=()
for script in tier1-import window dashboard network-layout workbook; do
  echo
  if ! "$here/$script.sh" "$build"; then
    failed+=("$script")
    bench_row "bench/$script.sh" '-' 'could not run' '-' '-' 'failed' '-'
  fi
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "Benchmarks (DESIGN.md §6), $started, commit $commit"
echo "Machine: $machine; load average $load_start at the start, $load_end at the end"
{
  echo 'benchmark|target|measured|yardstick|ratio|verdict|peak MB'
  cat "$BENCH_ROWS"
} | column -t -s '|' -o '  '
echo 'measured and yardstick: the best of their runs; ratio: ours / yardstick;'
echo 'peak MB: largest resident memory of our process / the yardstick'"'"'s (/usr/bin/time).'

if [ ${#failed[@]} -gt 0 ]; then
  echo "Could not run: ${failed[*]}" >&2
  exit 1
fi
