#!/usr/bin/env bash
# startup.sh DAEMON_DIR [COUNT] [ROUNDS]
# How long a lone actorpodd takes from launch until GET /_ping answers and until GET /containers/json?all=1 lists
# all COUNT containers: once after a clean stop (SIGTERM) and once after a crash (SIGKILL), ROUNDS times each.
# The containers are created (not started) through the REST API from busybox, and removed at the end.
set -euo pipefail

dir=${1:?usage: startup.sh DAEMON_DIR [COUNT] [ROUNDS]}
count=${2:-200}
rounds=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/aps-XXXXXX)
sock=$work/api.sock
pid=

now() { date +%s.%N; }

start() {
  "$dir/actorpodd" --root "$work/root" --socket "$sock" >>"$work/daemon.log" 2>&1 &
  pid=$!
}

# Prints "LABEL PING_S LIST_S" for one launch; not in a subshell, so $pid stays the running daemon.
measure() {
  local t0 ping list
  t0=$(now)
  start
  until curl -sf --unix-socket "$sock" http://x/_ping >/dev/null 2>&1; do sleep 0.01; done
  ping=$(now)
  until [ "$(curl -sf --unix-socket "$sock" 'http://x/containers/json?all=1' | jq length)" = "$count" ]; do
    sleep 0.01
  done
  list=$(now)
  echo "$1 $(echo "$ping - $t0" | bc) $(echo "$list - $t0" | bc)"
}

cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  grep -o " $work/[^ ]*" /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

bash "$here/scripts/busybox-image.sh" "$work/busybox.tar" >/dev/null
start
until curl -sf --unix-socket "$sock" http://x/_ping >/dev/null 2>&1; do sleep 0.05; done
curl -sf --unix-socket "$sock" -X POST -H 'Content-Type: application/x-tar' --data-binary "@$work/busybox.tar" \
  http://x/images/load >/dev/null
for i in $(seq 1 "$count"); do
  curl -sf --unix-socket "$sock" -X POST -H 'Content-Type: application/json' \
    -d '{"Image":"busybox","Cmd":["sleep","1000"]}' "http://x/containers/create?name=s$i" >/dev/null
done

for r in $(seq 1 "$rounds"); do
  kill -TERM "$pid"; wait "$pid" || true
  measure clean
  kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
  measure crash
done

for i in $(seq 1 "$count"); do
  curl -sf --unix-socket "$sock" -X DELETE "http://x/containers/s$i?force=1" >/dev/null
done
