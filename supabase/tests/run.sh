#!/usr/bin/env bash
# Checks the deployable Supabase project (supabase/) on real engines, installing nothing:
#   1. a throwaway PostgreSQL 15 cluster (Debian's postgresql-15) on a private socket directory,
#      owned by the `postgres` user when run as root;
#   2. the test-only bootstrap (Supabase's roles, auth/storage/realtime shims), then every
#      migration and seed.sql twice — the second pass must leave the schema byte-identical;
#   3. pgTAP (postgresql-15-pgtap) through pg_prove: RLS, storage, realtime, quotas;
#   4. Deno (npm package `deno`, lock committed): `deno check`, `deno lint` and `deno fmt --check`
#      of every function, `deno test` of the handlers against a local fake of the OpenAI wire
#      format, the safety rules' and the schema's drift tests.
# Prints `# pass N` / `# fail N` at the end (scripts/test.sh counts them). The cluster is
# stopped and removed on exit, whatever happens.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(dirname "$here")
repo=$(dirname "$project")
# PostgreSQL 15 (Supabase's major version) when installed, else the newest one Debian gave us.
pg_bin=${PG_BIN:-}
if [ -z "$pg_bin" ]; then
  for d in /usr/lib/postgresql/15/bin $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [ -x "$d/initdb" ]; then pg_bin=$d; break; fi
  done
fi
pg_bin=${pg_bin:-/usr/lib/postgresql/15/bin}
pg_major=$(basename "$(dirname "$pg_bin")")

# Fails the suite; the `# fail 1` line keeps the failure in scripts/test.sh's count.
die() { printf 'error: %s\n' "$*" >&2; printf '# fail 1\n'; exit 1; }
say() { printf '\033[1;35m==>\033[0m %s\n' "$*"; }

[ -x "$pg_bin/initdb" ] || die "PostgreSQL is not installed ($pg_bin/initdb): apt-get install postgresql-15 (bash scripts/setup.sh test does)"
[ -f "/usr/share/postgresql/$pg_major/extension/pgtap.control" ] || die "pgTAP is not installed: apt-get install postgresql-$pg_major-pgtap"
command -v pg_prove >/dev/null || die "pg_prove is not installed: apt-get install libtap-parser-sourcehandler-pgtap-perl"

if [ ! -x "$here/node_modules/.bin/deno" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  say "Installing Deno from npm (supabase/tests/package-lock.json)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
deno="$here/node_modules/.bin/deno"

work=$(mktemp -d "${TMPDIR:-/tmp}/supabase-pg.XXXXXX")
as=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "run as root but there is no 'postgres' user (the postgresql-common package creates it)"
  chown postgres "$work"
  as=(runuser -u postgres --)
fi
stop() {
  if [ -f "$work/data/postmaster.pid" ]; then
    "${as[@]}" "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap stop EXIT

say "Starting a throwaway PostgreSQL $pg_major in $work"
"${as[@]}" "$pg_bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log"; die "initdb failed"; }
# No TCP at all: only a Unix socket in the private directory, so nothing else can connect and
# no port can clash with another cluster.
"${as[@]}" "$pg_bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w -t 60 \
  -o "-c listen_addresses='' -c unix_socket_directories='$work' -c port=5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=logical" \
  start >/dev/null || { cat "$work/postgres.log"; die "PostgreSQL did not start"; }
export PGHOST="$work" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres PGOPTIONS='-c client_min_messages=warning' 
psql_q() { "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

say "Applying the bootstrap, then the migrations and seed twice"
psql_q -f "$here/sql/bootstrap.sql" >/dev/null
apply() {
  local f
  for f in "$project"/migrations/*.sql; do psql_q -f "$f" >/dev/null || die "migration $(basename "$f") failed (pass $1)"; done
  psql_q -f "$project/seed.sql" >/dev/null || die "seed.sql failed (pass $1)"
}
# The schema (pg_dump's random \restrict key aside) and the rows the migrations own.
schema() {
  "$pg_bin/pg_dump" --schema-only --no-owner --schema=public --schema=storage --schema=realtime --schema=auth |
    grep -vE '^\\(un)?restrict '
  psql_q -At -c "select id, public, file_size_limit, allowed_mime_types from storage.buckets order by id" \
    -c "select * from public.function_quotas order by function_name"
}
apply 1
schema >"$work/schema-1.sql"
apply 2
schema >"$work/schema-2.sql"
idempotent_ok=1
if ! diff -u "$work/schema-1.sql" "$work/schema-2.sql"; then
  echo "not ok - applying the migrations a second time changed the schema (diff above)"
  idempotent_ok=0
else
  echo "ok - the migrations apply from empty and again without changing anything"
fi

say "pgTAP (pg_prove)"
pg_pass=0
pg_fail=0
set +e
pg_prove --verbose --ext .sql "$here/database" 2>&1 | tee "$work/pg_prove.log"
pg_status=${PIPESTATUS[0]}
set -e
pg_pass=$(grep -cE '^ *ok [0-9]+' "$work/pg_prove.log" || true)
pg_fail=$(grep -cE '^ *not ok [0-9]+' "$work/pg_prove.log" || true)
if [ "$pg_status" -ne 0 ] && [ "$pg_fail" -eq 0 ]; then pg_fail=1; fi # a file died before its plan

say "Schema snapshot for the drift test"
psql_q -At -f "$here/sql/schema-snapshot.sql" >"$work/schema.json"

say "Deno: type-check the functions, run their tests"
cd "$here"
export DENO_NO_UPDATE_CHECK=1
deno_pass=0
deno_fail=0
set +e
# Three checks, each counted as one test: types, lint, formatting.
checks_failed=0
"$deno" check --frozen --config "$here/deno.json" "$project"/functions/*/index.ts "$project"/functions/_shared/*.ts ||
  { echo "not ok - deno check of the functions failed"; checks_failed=$((checks_failed + 1)); }
"$deno" lint --config "$here/deno.json" "$project/functions" "$here/functions" "$here/tools" ||
  { echo "not ok - deno lint found problems"; checks_failed=$((checks_failed + 1)); }
"$deno" fmt --check --config "$here/deno.json" "$project/functions" "$here/functions" "$here/tools" ||
  { echo "not ok - deno fmt: run 'npx deno fmt --config supabase/tests/deno.json supabase/functions supabase/tests/functions supabase/tests/tools'"; checks_failed=$((checks_failed + 1)); }
SCHEMA_SNAPSHOT="$work/schema.json" EMBEDDED_SCHEMA="$repo/src-tauri/crates/server/src/rest/schema.rs" \
  "$deno" test --frozen --config "$here/deno.json" --allow-net=127.0.0.1 --allow-env --allow-read "$here/functions" 2>&1 | tee "$work/deno.log"
test_status=${PIPESTATUS[0]}
set -e
summary=$(sed 's/\x1b\[[0-9;]*m//g' "$work/deno.log" | grep -E '^(ok|FAILED) \| ' | tail -1)
deno_pass=$(sed -nE 's/.* ([0-9]+) passed.*/\1/p' <<<"$summary")
deno_fail=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$summary")
deno_pass=${deno_pass:-0}
deno_fail=${deno_fail:-0}
if [ "$test_status" -ne 0 ] && [ "$deno_fail" -eq 0 ]; then deno_fail=1; fi
deno_fail=$((deno_fail + checks_failed))
deno_pass=$((deno_pass + 3 - checks_failed))

pass=$((pg_pass + deno_pass + idempotent_ok))
fail=$((pg_fail + deno_fail + 1 - idempotent_ok))
printf '\npgTAP: %d passed, %d failed; deno: %d passed, %d failed (including check, lint, fmt); idempotent migrations: %s\n' \
  "$pg_pass" "$pg_fail" "$deno_pass" "$deno_fail" "$([ $idempotent_ok -eq 1 ] && echo ok || echo FAILED)"
echo "# pass $pass"
echo "# fail $fail"
[ "$fail" -eq 0 ]
