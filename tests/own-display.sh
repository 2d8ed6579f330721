#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a window test in an X server and a session bus of its own:
#
#   tests/own-display.sh TEST [ARGS...]
#
# The tests run side by side, and X selections are shared by everything on one display: a
# test that selects text in a field (GTK claims the PRIMARY selection) made GDK in the
# others read it, and a test that ended meanwhile left GDK's transfer behind (a leak under
# `make test-asan` that was not the test's own). Xvfb picks a free display itself
# (-displayfd), so that no two tests race for one.
set -euo pipefail

dir=$(mktemp -d "${TMPDIR:-/tmp}/ti-display.XXXXXX")
xvfb=
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp -noreset 3>"$dir/display" \
  2>"$dir/xvfb.log" &
xvfb=$!
for _ in $(seq 600); do
  [ -s "$dir/display" ] && break
  kill -0 "$xvfb" 2>/dev/null || { cat "$dir/xvfb.log" >&2; echo "$0: Xvfb did not start" >&2; exit 1; }
  sleep 0.05
done
[ -s "$dir/display" ] || { echo "$0: Xvfb gave no display in 30 s" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$dir/display")"
unset WAYLAND_DISPLAY XAUTHORITY

dbus-run-session -- "$@"
