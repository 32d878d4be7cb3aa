#!/usr/bin/env bash
# End-to-end tests of the real app window: builds the app as `tauri build --debug --no-bundle`
# (bundled UI, no dev server), then runs the WebDriver tests under a virtual X display.
# Needs: xvfb-run, WebKitWebDriver (webkit2gtk-driver), tauri-driver (cargo install), node.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

cd "$repo"
ui/node_modules/.bin/tauri build --debug --no-bundle --ci
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund
# A private D-Bus session with an unlocked gnome-keyring and its own data folder: the app keeps
# its session in a real Secret Service, and no unlock prompt from the machine's own keyring can
# appear on the virtual display and stall the window.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c \
  'echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
   xvfb-run -a -s "-screen 0 1280x800x24" npm test'
