#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Tier 1 import against DESIGN.md §6: 250,000 records at most 2 × the time of the sqlite3
# shell's .import of the same file into a plain table. Both are whole processes, measured
# side by side in one run, each the best of RUNS.
#
#   bench/tier1-import.sh [BUILD_DIR]        (default _build; ROWS=250000 RUNS=3)
set -euo pipefail

build=${1:-_build}
rows=${ROWS:-250000}
runs=${RUNS:-3}
binary=$build/src/trauma-informed
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$binary" --create-demo="$work/demo.sqlite" >/dev/null
"$here/tier1-csv.py" --db="$work/demo.sqlite" --rows="$rows" "$work/tier1.csv"

# Seconds of wall time a command takes, the best of $runs; $prepare runs before each, untimed.
best_of() {
  local prepare=$1 best='' start end took
  shift
  for _ in $(seq "$runs"); do
    eval "$prepare"
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    best=$(awk -v t="$took" -v b="${best:-$took}" 'BEGIN { print (t < b ? t : b) }')
  done
  echo "$best"
}

ours=$(best_of 'cp "$work/demo.sqlite" "$work/programme.sqlite"; rm -f "$work/programme.sqlite-wal"' \
  "$binary" --db="$work/programme.sqlite" --import=tier1:"$work/tier1.csv")
shell=$(best_of 'rm -f "$work/plain.sqlite"' \
  sqlite3 "$work/plain.sqlite" ".import --csv $work/tier1.csv tier1")
ratio=$(awk -v a="$ours" -v b="$shell" 'BEGIN { printf "%.2f", a / b }')

printf 'Tier 1 import, %s records (%s cores)\n' "$rows" "$(nproc)"
printf '  trauma-informed --import=tier1   %6.2f s\n' "$ours"
printf '  sqlite3 .import, plain table     %6.2f s\n' "$shell"
printf '  ratio %s (target: at most 2)\n' "$ratio"
