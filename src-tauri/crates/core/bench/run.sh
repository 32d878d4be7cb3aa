#!/usr/bin/env bash
# Side-by-side benchmark: this crate's client vs @supabase/supabase-js against ONE standalone
# embedded server, same workload (16 concurrent callers: 2,000 edge-function calls, 5,000 replays
# of a stored answer for a repeated X-Request-ID, 5,000 REST reads; 2,000 realtime broadcasts with send→receive latency), then resident memory.
# Usage: src-tauri/crates/core/bench/run.sh   (needs cargo, node >= 20, npm)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
cd "$root"
cargo build --release -p infinite-stories-server --bin infinite-stories-server
cargo build --release -p infinite-stories-core --example side_by_side
(cd "$here/supabase-js" && { [ -d node_modules ] || npm install --no-audit --no-fund --silent; })

data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
INFINITE_STORIES_QUOTAS="extract-scenes=100000000" RUST_LOG=warn \
  "$target/release/infinite-stories-server" --addr "127.0.0.1:$port" --data-dir "$data" \
  --auth-anon-limit 100000 --auth-token-limit 100000 >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 1 200); do
  [ -f "$data/keys.json" ] && curl -sf "$url/health" >/dev/null && break
  sleep 0.05
done
key="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["anonKey"])' "$data/keys.json")"
service="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["serviceKey"])' "$data/keys.json")"

rust="$("$target/release/examples/side_by_side" "$url" "$key" "$service")"
node="$(node "$here/supabase-js/bench.mjs" "$url" "$key" "$service")"
python3 - "$rust" "$node" <<'PY'
import json, sys
r, n = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"| metric | {r['client']} | {n['client']} | ratio |")
print("|---|---|---|---|")
for k, label in [("functions", "function calls/s (server-bound)"), ("replayed", "replayed function calls/s"), ("rest", "REST reads/s"), ("realtime", "realtime events/s")]:
    print(f"| {label} | {r[k]['perSecond']:.0f} | {n[k]['perSecond']:.0f} | {r[k]['perSecond']/n[k]['perSecond']:.2f}x |")
    print(f"| {label.split('/')[0]} p50 / p99 ms | {r[k]['p50Ms']:.2f} / {r[k]['p99Ms']:.2f} | {n[k]['p50Ms']:.2f} / {n[k]['p99Ms']:.2f} | |")
print(f"| idle memory, signed in + realtime joined (RSS / PSS) | {r['idle']['rssKiB']/1024:.1f} / {r['idle']['pssKiB']/1024:.1f} MiB | {n['idle']['rssKiB']/1024:.1f} / {n['idle']['pssKiB']/1024:.1f} MiB | {r['idle']['rssKiB']/n['idle']['rssKiB']:.2f}x |")
print(f"| resident memory after the runs | {r['rssKiB']/1024:.1f} MiB | {n['rssKiB']/1024:.1f} MiB | {r['rssKiB']/n['rssKiB']:.2f}x |")
PY
