#!/usr/bin/env bash
# Runs the supabase-js conformance suite against the standalone server:
# installs npm deps if missing, builds the binary, starts it on 127.0.0.1 with a fresh data
# dir and a known secret, waits for /health, runs `node --test`, stops the server.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac  # cargo reads it relative to $root

cd "$here"
if [ ! -d node_modules/@supabase/supabase-js ] || [ ! -d node_modules/ws ]; then
  npm ci --no-audit --no-fund
fi

if [ -z "${INFINITE_STORIES_SERVER_BIN:-}" ]; then
  (cd "$root" && cargo build -p infinite-stories-server --bin infinite-stories-server)
  bin="$target/debug/infinite-stories-server"
else
  bin="$INFINITE_STORIES_SERVER_BIN"
fi

data="$(mktemp -d)"
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
secret="conformance-secret-0123456789-abcdefghijklmnopqrstuvwxyz"

"$bin" --addr "127.0.0.1:$port" --data-dir "$data" --jwt-secret "$secret" >"$data/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

export SUPABASE_URL="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if node -e 'fetch(process.env.SUPABASE_URL+"/health").then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' 2>/dev/null \
    && [ -f "$data/keys.json" ]; then
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "server exited early:" >&2
    cat "$data/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
SUPABASE_ANON_KEY="$(node -p 'require(process.argv[1]).anonKey' "$data/keys.json")"
export SUPABASE_ANON_KEY

status=0
node --test --test-concurrency=1 --test-timeout=30000 tests/ || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -n 40 "$data/server.log" >&2
fi
exit "$status"
