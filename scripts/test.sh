#!/usr/bin/env bash
# test.sh: runs every test (unit, actor, real-container and end-to-end) and ends with "N passed, M failed".
# The real-container tests need root, runc, conmon and busybox-static; install-deps.sh brings them.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh || exit 1

# The cluster end-to-end test keeps its journal in PostgreSQL (it makes and drops its own database).
if ! command -v pg_ctlcluster >/dev/null || ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  apt-get install -y -qq postgresql >/dev/null || exit 1
fi
pg_lsclusters -h | grep -q '^15 *main .* online' || pg_ctlcluster 15 main start || exit 1
dotnet build ActorPod.sln -c Release --verbosity quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }

# Daemon logs of the end-to-end fixtures land here (one per daemon), kept until the next run.
rm -rf "${TMPDIR:-/tmp}/actorpod-e2e-logs"

log=$(mktemp)
dotnet test ActorPod.sln -c Release --no-build --verbosity quiet -nologo --logger "console;verbosity=minimal" \
  2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test project: "Passed!  - Failed: 0, Passed: 38, Skipped: 0, ..."
read -r passed failed < <(awk '
  /(Passed|Failed)!  *- *Failed: *[0-9]+, *Passed: *[0-9]+/ {
    match($0, /Failed: *[0-9]+/); f += substr($0, RSTART + 7, RLENGTH - 7) + 0
    match($0, /Passed: *[0-9]+/); p += substr($0, RSTART + 7, RLENGTH - 7) + 0
  }
  END { print p + 0, f + 0 }' "$log")
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi

[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
