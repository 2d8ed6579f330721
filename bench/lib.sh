# SPDX-License-Identifier: GPL-3.0-or-later
# What the bench scripts share (sourced, not run, once $build is set): a temporary folder
# $work, removed on exit, and the functions below. bench/run.sh (make bench) runs every script
# with BENCH_ROWS set, and each appends its rows there for the one table at the end:
#
#   name|target|measured|baseline|ratio|verdict|peak MB
#
# Run alone, a script prints only its own figures. BENCH_DEMO_1 and BENCH_DEMO_10 name the
# demo programmes run.sh built once for the run; a script run alone builds its own.

# Each script's own temporary folder, removed when it ends.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Appends a row of the table (seven fields) to $BENCH_ROWS, when set.
bench_row() {
  [ -n "${BENCH_ROWS:-}" ] || return 0
  local IFS='|'
  echo "$*" >>"$BENCH_ROWS"
}

# bench_demo BUILD_DIR SCALE DEST: the demo programme at SCALE as DEST, a copy of the run's
# own when there is one (so a script can change its copy), else written afresh.
bench_demo() {
  local build=$1 scale=$2 dest=$3 shared
  shared=$(eval echo "\${BENCH_DEMO_$scale:-}")
  if [ -n "$shared" ] && [ -f "$shared" ]; then
    cp "$shared" "$dest"
  else
    "$build/src/trauma-informed" --create-demo="$dest" --scale="$scale" >/dev/null
  fi
}

# bench_cmp A OP B: exit status 0 when the numbers compare so (OP one of < <= >=).
bench_cmp() {
  awk -v a="$1" -v b="$3" -v op="$2" \
    'BEGIN { exit !((op == "<" && a < b) || (op == "<=" && a <= b) || (op == ">=" && a >= b)) }'
}

# bench_verdict A OP B: "met" or "missed", honestly from the numbers.
bench_verdict() {
  if bench_cmp "$@"; then echo met; else echo missed; fi
}

# bench_div A B [FORMAT]: A / B, printed with FORMAT (default %.2f); "-" when B is 0.
bench_div() {
  awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" \
    'BEGIN { if (b == 0) print "-"; else printf f "\n", a / b }'
}

# bench_time OUT COMMAND...: runs COMMAND (its output thrown away) under /usr/bin/time and
# writes "WALL_SECONDS PEAK_MB" to OUT; fails when the command does.
bench_time() {
  local out=$1 took peak
  shift
  /usr/bin/time -f '%e %M' -o "$out.raw" "$@" >/dev/null
  read -r took peak <"$out.raw"
  awk -v t="$took" -v p="$peak" 'BEGIN { printf "%s %.0f\n", t, p / 1024 }' >"$out"
}

# bench_xvfb COMMAND...: runs COMMAND in a window system of its own, as the tests do: Xvfb
# (1400 × 1000), a D-Bus session, GSettings in memory with the build's schemas, no
# accessibility bus; GSK_RENDERER as set. Uses $build.
bench_xvfb() {
  GTK_A11Y=none GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
    xvfb-run -a -s '-screen 0 1400x1000x24' dbus-run-session -- "$@" 2>&1 |
    grep -v '^dbus-daemon'
  return "${PIPESTATUS[0]}"
}

[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: install time" >&2; exit 1; }
