#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Tier 1 import against DESIGN.md §6: 250,000 records at most 2 × the time of the sqlite3
# shell's .import of the same file into a plain table. Both are whole processes, measured
# side by side in one run, each the best of RUNS by /usr/bin/time, with its
# largest peak resident memory.
#
#   bench/tier1-import.sh [BUILD_DIR]        (default _build; ROWS=250000 RUNS=3)
set -euo pipefail

build=${1:-_build}
rows=${ROWS:-250000}
runs=${RUNS:-3}
binary=$build/src/trauma-informed
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

bench_demo "$build" 1 "$work/demo.sqlite"
"$here/tier1-csv.py" --db="$work/demo.sqlite" --rows="$rows" "$work/tier1.csv"

# The best wall seconds of $runs runs of a command and its largest peak memory (MB):
# "SECONDS MB"; $prepare runs before each, untimed.
best_of() {
  local prepare=$1 best='' most=0 took peak
  shift
  for _ in $(seq "$runs"); do
    eval "$prepare"
    bench_time "$work/time" "$@"
    read -r took peak <"$work/time"
    best=$(awk -v t="$took" -v b="${best:-$took}" 'BEGIN { print (t < b ? t : b) }')
    most=$(( peak > most ? peak : most ))
  done
  echo "$best $most"
}

read -r ours ours_mb <<<"$(best_of 'cp "$work/demo.sqlite" "$work/programme.sqlite"
  rm -rf "$work/programme.sqlite-wal" "$work/backups"' \
  "$binary" --db="$work/programme.sqlite" --import=tier1:"$work/tier1.csv")"
read -r shell shell_mb <<<"$(best_of 'rm -f "$work/plain.sqlite"' \
  sqlite3 "$work/plain.sqlite" ".import --csv $work/tier1.csv tier1")"
ratio=$(bench_div "$ours" "$shell")

printf 'Tier 1 import, %s records (%s cores, best of %s)\n' "$rows" "$(nproc)" "$runs"
printf '  trauma-informed --import=tier1   %6.2f s   peak %4s MB\n' "$ours" "$ours_mb"
printf '  sqlite3 .import, plain table     %6.2f s   peak %4s MB\n' "$shell" "$shell_mb"
printf '  ratio %s (target: at most 2)\n' "$ratio"
bench_row "Tier 1 import, $rows rows vs sqlite3 .import" '<= 2x sqlite3' "$ours s" \
  "$shell s" "${ratio}x" "$(bench_verdict "$ratio" '<=' 2)" "$ours_mb / $shell_mb"
