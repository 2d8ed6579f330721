#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs each libFuzzer harness for a set time: what `make fuzz` does after building them.
#   tests/fuzz/run.sh BUILD_DIR [SECONDS]
# The committed corpus (tests/fuzz/corpus/NAME) is read, never written: new inputs go to
# BUILD_DIR/fuzz-corpus/NAME, and an input that fails is kept as
# BUILD_DIR/fuzz-findings/NAME-crash-… (or -leak-, -timeout-, -oom-) with the command that
# replays it. Exits non-zero when any harness found something.
set -uo pipefail

build=${1:?usage: $0 BUILD_DIR [SECONDS]}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
findings=$build/fuzz-findings
mkdir -p "$findings"

# The harnesses write a programme file for every input: on a tmpfs when there is one.
scratch_parent=/dev/shm
[ -d "$scratch_parent" ] && [ -w "$scratch_parent" ] || scratch_parent=${TMPDIR:-/tmp}
scratch=$(mktemp -d "$scratch_parent/ti-fuzz-run.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# A warning or undefined behaviour stops the run with a report, like a crash.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

status=0
for name in csv open; do
  harness=$build/tests/fuzz/fuzz-$name
  corpus=$build/fuzz-corpus/$name
  dict=()
  [ -f "$here/$name.dict" ] && dict=(-dict="$here/$name.dict")
  mkdir -p "$corpus"
  echo "== fuzz-$name for ${seconds} s (new inputs: $corpus)"
  TMPDIR=$scratch "$harness" "$corpus" "$here/corpus/$name" \
    "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/$name-" -print_final_stats=1 \
    >"$build/fuzz-$name.log" 2>&1
  rc=$?
  grep -E '^(stat::|#[0-9]+[[:space:]]+DONE)' "$build/fuzz-$name.log" | sed 's/^/   /'
  if [ $rc -ne 0 ]; then
    status=1
    grep -E '^(SUMMARY|==[0-9]+==ERROR|fuzz: |.*runtime error)' "$build/fuzz-$name.log" | head -5
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$build/fuzz-$name.log" | tail -1)
    echo "   fuzz-$name found a problem; the whole report: $build/fuzz-$name.log"
    [ -n "$artifact" ] && echo "   replay it: $harness $artifact"
  fi
done
exit $status
