#!/usr/bin/env bash
# Run one test program on its own fresh virtual display and session bus, so UI
# tests can run in parallel and never touch the desktop of whoever runs them.
set -euo pipefail
fifo=$(mktemp -u); mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
# A data folder of its own, so drafts or recent files on the machine running
# the tests never show up in them (nor theirs on the machine).
data_home=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$data_home"' EXIT
read -r display <"$fifo"; rm -f "$fifo"
export DISPLAY=":$display" GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none GSETTINGS_BACKEND=memory
export XDG_DATA_HOME="$data_home/data" XDG_CONFIG_HOME="$data_home/config" XDG_CACHE_HOME="$data_home/cache"
if command -v dbus-run-session >/dev/null; then
  dbus-run-session -- "$@"
else
  "$@"
fi
