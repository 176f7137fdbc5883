#!/usr/bin/env bash
# Runs every test against real services: a throw-away PostgreSQL on a free loopback port (as a
# dedicated user: PostgreSQL refuses to run as root), SQLite files, and later an SMTP server and
# Chromium. Stops PostgreSQL when done. Extra arguments go to "dotnet test".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh test

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/missionplanner-test.XXXXXX)
chmod 755 "$work"
run_pg() {
  if [ "$(id -u)" = 0 ]; then
    id missionplanner-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin missionplanner-pg
    chown -R missionplanner-pg "$work"
    runuser -u missionplanner-pg -- "$@"
  else
    "$@"
  fi
}
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run_pg "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres --no-sync -E UTF8 >"$work/initdb.log"
run_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
stop() {
  run_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export MISSIONPLANNER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"

mkdir -p test-artifacts
if ! dotnet build MissionPlanner.sln -c Release --nologo -v quiet; then
  # The closing line CI reads, also when nothing could be tested.
  echo "0 passed, 0 failed (the build failed)"
  exit 1
fi
# A change to the EF model without a migration fails the run, on both providers (README: adding a migration).
dotnet tool restore >/dev/null
model_status=0
for provider in Sqlite Postgres; do
  project=migrations/MissionPlanner.Migrations.$provider
  if ! dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" \
      --configuration Release --no-build >"test-artifacts/model-check-$provider.log" 2>&1; then
    cat "test-artifacts/model-check-$provider.log"
    echo "The EF model has changes without a migration for $provider: add one (see README, Development)."
    model_status=1
  else
    tail -n 1 "test-artifacts/model-check-$provider.log"
  fi
done

# Not under "set -e": a failing test run must still reach the closing line below.
set +e
dotnet test MissionPlanner.sln -c Release --no-build --logger "console;verbosity=normal" --results-directory test-artifacts "$@" 2>&1 | tee test-artifacts/test-output.log
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] && status=$model_status
# One closing line for CI: totals over all test projects.
awk '/^ +Passed: +[0-9]+$/ { p += $2 } /^ +Failed: +[0-9]+$/ { f += $2 } END { printf "%d passed, %d failed\n", p, f }' test-artifacts/test-output.log
exit "$status"
