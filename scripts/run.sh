#!/usr/bin/env bash
# Sets up and runs InfiniteStories Desktop on its embedded backend (`tauri dev`: the UI from
# Vite's dev server with live reload, the Rust app in debug mode).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bash "$repo/scripts/setup.sh" run
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
cd "$repo"
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: running the app on a virtual display (Xvfb); the window is not visible." >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" ui/node_modules/.bin/tauri dev "$@"
fi
exec ui/node_modules/.bin/tauri dev "$@"
