#!/usr/bin/env bash
# Checks what cannot run here: the GitHub Actions release workflow (macOS and Windows runners)
# against GitHub's workflow schema (check-jsonschema) and for security mistakes (zizmor, offline),
# and the shell scripts it and the package suite run (shellcheck). scripts/setup.sh installs the
# two Python tools into .tools/lint. Prints `# pass N` / `# fail N` like node's test runner.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo" || exit 1
lint=.tools/lint/bin
pass=0
fail=0
check() { # NAME COMMAND...
  local name=$1
  shift
  if output=$("$@" 2>&1); then
    pass=$((pass + 1))
    echo "ok - $name"
  else
    fail=$((fail + 1))
    echo "not ok - $name"
    printf '%s\n' "${output//$'\n'/$'\n'    }"
  fi
}

workflows=(.github/workflows/*.yml)
check "workflows match GitHub's schema" "$lint/check-jsonschema" --builtin-schema vendor.github-workflows "${workflows[@]}"
check "zizmor finds nothing in the workflows" "$lint/zizmor" --offline --no-progress .github/workflows
check "shellcheck: release and package scripts" shellcheck .github/scripts/*.sh tests/package/*.sh
echo "# pass $pass"
echo "# fail $fail"
[ "$fail" -eq 0 ]
