#!/usr/bin/env bash
# screenshots.sh: remake docs/screenshots/*.png from the app as built in _build.
#
#   build-aux/screenshots.sh
#
# Each picture is the real window on its own virtual display, with the
# selection preset through a throw-away keyfile settings backend. Needs
# ImageMagick's `import` and xdotool (installed here if missing) besides the build deps.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${BUILDDIR:-$top/_build}
out=$top/docs/screenshots

"$top/dev" build >/dev/null
if ! command -v import >/dev/null || ! command -v xdotool >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get install -y -q imagemagick xdotool >/dev/null
fi
mkdir -p "$out"

# shoot NAME WIDTH HEIGHT MODEL SERVICES [dark]
shoot() {
  local name=$1 width=$2 height=$3 model=$4 services=$5 scheme=${6:-}
  local config fifo display xvfb app
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  cat >"$config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/srmexplorer/SrmExplorer]
window-width=$width
window-height=$height
model='$model'
services=$services
KEYFILE
  # GNOME's default title bar: only a close button (bare X adds two more).
  mkdir -p "$config/gtk-4.0"
  printf '[Settings]\ngtk-decoration-layout=:close\n' >"$config/gtk-4.0/settings.ini"
  fifo=$(mktemp -u); mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp 3>"$fifo" 2>/dev/null &
  xvfb=$!
  read -r display <"$fifo"; rm -f "$fifo"
  (
    export DISPLAY=":$display" GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none
    export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$config" GSETTINGS_SCHEMA_DIR="$builddir/data"
    [ "$scheme" = dark ] && export ADW_DEBUG_COLOR_SCHEME=prefer-dark
    exec dbus-run-session -- "$builddir/src/srm-explorer" >/dev/null 2>&1
  ) &
  app=$!
  sleep 3
  # Xvfb puts the pointer mid-screen, where it would raise a tooltip.
  DISPLAY=":$display" xdotool mousemove "$width" "$height"
  sleep 0.5
  DISPLAY=":$display" import -window root "$out/$name.png"
  kill "$app" "$xvfb" 2>/dev/null || true
  wait "$app" "$xvfb" 2>/dev/null || true
  rm -rf "$config"
  echo "screenshots: wrote docs/screenshots/$name.png"
}

shoot light 1280 800 paas "@as []"
shoot dark 1280 800 iaas "@as []" dark
shoot service 1280 800 paas "['aks', 'app-service']"
shoot narrow 360 720 saas "['m365']"
