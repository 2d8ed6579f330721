#!/usr/bin/env bash
# Takes the README and AppStream screenshots from the real app, under Xvfb, on the demo
# programme: every destination in the light style, and in the dark style.
# Usage: build-aux/take-screenshots.sh [BUILD_DIR]   (after `make build`)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
out=data/screenshots
demo=$build/demo-programme.sqlite
binary=$build/src/trauma-informed

[ -f "$demo" ] || "$binary" --create-demo="$demo"

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/config/gtk-4.0"
printf '[Settings]\ngtk-font-name=Cantarell 11\n' > "$home/config/gtk-4.0/settings.ini"
export HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR=$build/data GTK_A11Y=none

shoot() { # destination style [view [width height [name]]]
  local destination=$1 style=$2 view=${3:-} width=${4:-1100} height=${5:-720} name=$1
  gsettings set org.somerset.TraumaInformed last-destination "$destination"
  gsettings set org.somerset.TraumaInformed color-scheme "$style"
  gsettings set org.somerset.TraumaInformed window-width "$width"
  gsettings set org.somerset.TraumaInformed window-height "$height"
  if [ -n "$view" ]; then
    gsettings set org.somerset.TraumaInformed "$destination-view" "$view"
    name=$destination-$view
  fi
  [ "$width" = 1100 ] || name=$name-tall
  [ -z "${6:-}" ] || name=$6
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" dbus-run-session -- bash -c "
    '$binary' --db='$demo' & app=\$!
    sleep 4
    xdotool mousemove 0 0 2>/dev/null || true
    sleep 1
    import -window root '$out/$name-$style.png'
    kill \$app" 2>/dev/null
  [ -z "$view" ] || gsettings reset org.somerset.TraumaInformed "$destination-view"
  echo "$out/$name-$style.png"
}

for destination in network-map training-tiers champions events evaluation; do
  shoot "$destination" light
  shoot "$destination" dark
done
# The other views of the destinations that have several.
for view in sessions review; do
  shoot training-tiers light "$view"
  shoot training-tiers dark "$view"
done
for view in organisations charter; do
  shoot network-map light "$view"
  shoot network-map dark "$view"
done
# The map of the organisations only.
gsettings set org.somerset.TraumaInformed network-map-organisations-only true
shoot network-map light map 1280 800 network-map-organisations-only
shoot network-map dark map 1280 800 network-map-organisations-only
gsettings reset org.somerset.TraumaInformed network-map-organisations-only
shoot evaluation light timeline
shoot evaluation dark timeline
# The whole dashboard: Needs attention, the headline figures and the charts.
shoot evaluation light overview 1280 3400
shoot evaluation dark overview 1280 3400
shoot events light engagement
shoot events dark engagement
