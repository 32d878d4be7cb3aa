#!/usr/bin/env bash
# The installable app: builds the .deb and .rpm with `tauri build` (the `package-test` Cargo
# profile by default: the release profile without LTO, so it builds in minutes; set
# PACKAGE_PROFILE=release for the shipped profile), then installed.test.mjs checks the .deb, installs
# it with apt on this machine, starts it from its menu entry under Xvfb, and purges it again.
# Needs root or password-less sudo (apt-get), xvfb-run, dbus-run-session, gnome-keyring,
# tauri-driver + WebKitWebDriver, desktop-file-validate, appstreamcli, gio, python3-xlib, rpm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
profile=${PACKAGE_PROFILE:-package-test}

if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
  echo "the package test installs with apt-get: run it as root or with password-less sudo" >&2
  exit 1
fi

cd "$repo"
bundle="target/$profile/bundle"
[ "$profile" = release ] || rm -rf "$bundle"
started=$SECONDS
args=(--bundles "deb,rpm" --ci)
[ "$profile" = release ] || args+=(-- --profile "$profile")
if ! ui/node_modules/.bin/tauri build "${args[@]}"; then
  printf 'not ok - tauri build made the packages\n# pass 0\n# fail 1\n'
  exit 1
fi
echo "# figure: tauri build (profile $profile, deb + rpm) took $((SECONDS - started)) s"
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
export PACKAGE_PROFILE="$profile"
export PACKAGE_DEB="$repo/$bundle/deb/InfiniteStories_${version}_amd64.deb"
export PACKAGE_RPM="$repo/$bundle/rpm/InfiniteStories-${version}-1.x86_64.rpm"
[ -f "$PACKAGE_DEB" ] || { echo "tauri build made no $PACKAGE_DEB" >&2; ls -R "$bundle" >&2; exit 1; }
[ -f "$PACKAGE_RPM" ] || unset PACKAGE_RPM
echo "# figure: binary $(stat -c %s "target/$profile/infinite-stories" | awk '{printf "%.1f", $1 / 1048576}') MiB (profile $profile)"

# The WebDriver client comes with the end-to-end tests' packages (scripts/setup.sh installs them).
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund)
ln -sfn ../e2e/node_modules "$here/node_modules"
cd "$here"
# A private D-Bus session (the single-instance hand-over and the keyring live on it) with an
# unlocked gnome-keyring, and a virtual display.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c \
  'echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
   xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 installed.test.mjs'
