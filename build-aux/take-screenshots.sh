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

shoot() { # destination style [width height]
  local destination=$1 style=$2 width=${3:-1100} height=${4:-720}
  gsettings set org.somerset.TraumaInformed last-destination "$destination"
  gsettings set org.somerset.TraumaInformed color-scheme "$style"
  gsettings set org.somerset.TraumaInformed window-width "$width"
  gsettings set org.somerset.TraumaInformed window-height "$height"
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" dbus-run-session -- bash -c "
    '$binary' --db='$demo' & app=\$!
    sleep 4
    import -window root '$out/$destination-$style.png'
    kill \$app" 2>/dev/null
  echo "$out/$destination-$style.png"
}

for destination in network-map training-tiers champions events evaluation; do
  shoot "$destination" light
  shoot "$destination" dark
done
