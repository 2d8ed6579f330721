#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window against DESIGN.md §6, at scale 10, under one Xvfb and one renderer
# (GSK_RENDERER, default cairo: GTK's own CPU renderer, rather than Mesa's software GL
# competing for the same cores):
#
# - window to first frame at most 1.5 × a bare libadwaita window's: ti-bench-first-frame runs
#   the app exactly as `trauma-informed --db=PROGRAMME` and, in turn, a bare
#   AdwApplicationWindow with a label at the app's default size; each is timed from just
#   before its process starts to the end of its window's first frame, RUNS times each,
#   alternating; the best of each, and the ratio of the bests. Peak memory by /usr/bin/time.
# - no main-loop stall over 16 ms switching destinations and changing the period:
#   ti-bench-stalls (its comment says how), once; the longest stall, wall time.
#
#   bench/window.sh [BUILD_DIR]        (default _build; RUNS=5 GSK_RENDERER=cairo)
set -euo pipefail

build=${1:-_build}
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

# Under Xvfb and a D-Bus session of its own: this script again, with INSIDE set.
if [ -z "${BENCH_WINDOW_INSIDE:-}" ]; then
  bench_demo "$build" 10 "$work/demo.sqlite"
  export GSK_RENDERER=${GSK_RENDERER:-cairo}
  BENCH_WINDOW_INSIDE=$work bench_xvfb "$0" "$build"
  exit
fi

demo=$BENCH_WINDOW_INSIDE/demo.sqlite
first_frame=$build/bench/ti-bench-first-frame

# One first frame: "MS PEAK_MB"; $1 is the programme or --bare.
one_frame() {
  local since ms peak
  since=$(date +%s%N)
  ms=$(/usr/bin/time -f '%M' -o "$work/time" "$first_frame" "$since" "$1")
  peak=$(awk '{ printf "%.0f", $1 / 1024 }' "$work/time")
  echo "$ms $peak"
}

ours=() bare=() ours_mb=0 bare_mb=0
for _ in $(seq "$runs"); do
  read -r ms mb <<<"$(one_frame --bare)"
  bare+=("$ms") bare_mb=$(( mb > bare_mb ? mb : bare_mb ))
  read -r ms mb <<<"$(one_frame "$demo")"
  ours+=("$ms") ours_mb=$(( mb > ours_mb ? mb : ours_mb ))
done
ours_best=$(printf '%s\n' "${ours[@]}" | sort -g | head -1)
bare_best=$(printf '%s\n' "${bare[@]}" | sort -g | head -1)
ratio=$(bench_div "$ours_best" "$bare_best")

printf 'Window to first frame, scale 10 (GSK_RENDERER=%s, %s runs each, ms)\n' \
  "$GSK_RENDERER" "$runs"
printf '  trauma-informed --db   %s   peak %s MB\n' "${ours[*]}" "$ours_mb"
printf '  bare libadwaita window %s   peak %s MB\n' "${bare[*]}" "$bare_mb"
printf '  best %s ms against %s ms: ratio %s (target: at most 1.5)\n' "$ours_best" "$bare_best" \
  "$ratio"
bench_row 'First frame, scale 10 vs bare libadwaita window' '<= 1.5x bare' "$ours_best ms" \
  "$bare_best ms" "${ratio}x" "$(bench_verdict "$ratio" '<=' 1.5)" "$ours_mb / $bare_mb"

echo
echo 'Main-loop stalls, scale 10: switching destinations and changing the period'
/usr/bin/time -f '%M' -o "$work/time" "$build/bench/ti-bench-stalls" "$demo" >"$work/stalls"
grep -v $'\t' "$work/stalls"
IFS=$'\t' read -r wall cpu step <<<"$(grep $'\t' "$work/stalls")"
peak=$(awk '{ printf "%.0f", $1 / 1024 }' "$work/time")
printf '  longest %s ms (%s; main thread CPU %s ms), peak %s MB (target: at most 16 ms)\n' \
  "$wall" "$step" "$cpu" "$peak"
bench_row 'Longest main-loop stall, scale 10 (5 pages x2, 4 periods)' '<= 16 ms' \
  "$wall ms (cpu $cpu)" '-' '-' "$(bench_verdict "$wall" '<=' 16)" "$peak"
