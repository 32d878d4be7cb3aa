#!/usr/bin/env bash
# End-to-end tests of the real app window: builds the app as `tauri build --debug --no-bundle`
# (bundled UI, no dev server) and the standalone backend (a second "Supabase project" for the
# settings test), then runs the WebDriver tests under a virtual X display.
# Needs: xvfb-run, WebKitWebDriver (webkit2gtk-driver), tauri-driver (cargo install), node,
# pulseaudio and the ALSA pulse plugin (libasound2-plugins).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

cd "$repo"
ui/node_modules/.bin/tauri build --debug --no-bundle --ci
cargo build --locked -p infinite-stories-server --bin infinite-stories-server
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund

scratch=$(mktemp -d)
pulse_pid=
cleanup() {
  if [ -n "$pulse_pid" ]; then kill "$pulse_pid" 2>/dev/null || true; wait "$pulse_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# A sound device that plays in real time: a PulseAudio server of our own with one null sink.
# The app reaches it through ALSA's pulse plugin (support.mjs points each launch's ALSA default
# there); unlike ALSA's null device, the null sink takes samples at the speed they are heard,
# so a story's position moves as it would through speakers.
mkdir -p "$scratch/pulse"
PULSE_RUNTIME_PATH="$scratch/pulse" pulseaudio --daemonize=no --exit-idle-time=-1 -n \
  --load="module-null-sink sink_name=e2e" \
  --load="module-native-protocol-unix auth-anonymous=1 socket=$scratch/pulse/native" \
  --log-target=file:"$scratch/pulse/log" 2>/dev/null &
pulse_pid=$!
export PULSE_SERVER="unix:$scratch/pulse/native"
for _ in $(seq 1 100); do
  [ -S "$scratch/pulse/native" ] && break
  kill -0 "$pulse_pid" 2>/dev/null || { cat "$scratch/pulse/log" >&2; exit 1; }
  sleep 0.1
done

# A private D-Bus session with an unlocked gnome-keyring and its own data folder: the app keeps
# its session in a real Secret Service, and no unlock prompt from the machine's own keyring can
# appear on the virtual display and stall the window.
mkdir -p "$scratch/data"
# Arguments name test files to run (e.g. `bash tests/e2e/run.sh reader.test.mjs`); all by default.
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.test.mjs)
XDG_DATA_HOME="$scratch/data" dbus-run-session -- sh -c \
  'echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
   xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 "$@"' \
  sh "${files[@]}"
