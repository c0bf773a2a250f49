#!/usr/bin/env bash
# run.sh: the main job on a fresh machine. Installs what is missing, builds ActorPod, starts the daemon on its
# embedded SQLite journal, loads a busybox image built from the host's busybox, and runs a first container.
# Env: ACTORPOD_ROOT (default /var/lib/actorpod), ACTORPOD_SOCKET (default /run/actorpod/actorpod.sock).
set -euo pipefail
cd "$(dirname "$0")/.."

root=${ACTORPOD_ROOT:-/var/lib/actorpod}
socket=${ACTORPOD_SOCKET:-/run/actorpod/actorpod.sock}
out=$PWD/.artifacts/bin

bash scripts/install-deps.sh
dotnet restore ActorPod.sln --verbosity quiet
# The daemon is compiled ahead of time too (ReadyToRun): a restart replays every journal in mostly cold code.
dotnet publish src/ActorPod.Daemon -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/daemon" --verbosity quiet
# The client starts for every command: compiled ahead of time it answers in milliseconds, not a JIT warm-up.
dotnet publish src/ActorPod.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out/cli" --verbosity quiet \
  || dotnet publish src/ActorPod.Cli -c Release -o "$out/cli" --no-restore --verbosity quiet

export ACTORPOD_HOST=unix://$socket
actorpod() { "$out/cli/actorpod" "$@"; }

if ! actorpod images >/dev/null 2>&1; then
  mkdir -p "$root" "$(dirname "$socket")"
  echo "run.sh: starting actorpodd (root $root, socket $socket, log $root/actorpodd.log)"
  setsid "$out/daemon/actorpodd" --root "$root" --socket "$socket" >>"$root/actorpodd.log" 2>&1 < /dev/null &
  echo $! > "$root/actorpodd.pid"
  for _ in $(seq 1 100); do
    actorpod images >/dev/null 2>&1 && break
    sleep 0.2
  done
fi

image=$root/busybox.tar
[ -f "$image" ] || bash scripts/busybox-image.sh "$image" busybox:latest >/dev/null
actorpod load -i "$image"

echo "run.sh: actorpod run --rm busybox echo ..."
actorpod run --rm busybox echo "Hello from ActorPod: a real container under conmon and runc"
echo "run.sh: actorpodd keeps running (pid $(cat "$root/actorpodd.pid" 2>/dev/null || echo '?')); try:"
echo "  export ACTORPOD_HOST=$ACTORPOD_HOST; $out/cli/actorpod ps -a"
