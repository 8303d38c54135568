#!/usr/bin/env bash
# Run one test program on its own fresh virtual display and session bus, so UI
# tests can run in parallel and never touch the desktop of whoever runs them.
set -euo pipefail
fifo=$(mktemp -u); mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
read -r display <"$fifo"; rm -f "$fifo"
export DISPLAY=":$display" GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none GSETTINGS_BACKEND=memory
if command -v dbus-run-session >/dev/null; then
  dbus-run-session -- "$@"
else
  "$@"
fi
