#!/usr/bin/env bash
# bench.sh - ActorPod side by side with podman, docker and bare runc on this machine (issue 7).
#
#   sudo bash bench/bench.sh            setup + every section (1..8), then bench/RESULTS.md
#   sudo bash bench/bench.sh 1 3 5      setup + the chosen sections only
#
# Sections (see bench/README.md):
#   1 run --rm IMAGE true latency                 5 exec / pause / unpause latency
#   2 create, start, stop -t 0, rm (each, total)  6 daemon RSS/PSS idle and with BIG containers, conmon RSS
#   3 N x run -d sleep, P-way parallel; stop, rm  7 daemon restart with BIG containers: /_ping, all listed
#   4 ps -a / inspect with SMALL and BIG ctrs     8 journal events persisted per second (sqlite3 row count)
#
# Sizes (env):  RUNS=15 (latency repetitions)  N3=50 PAR=4 REPS3=3  SMALL=200 BIG=1000 RUNNING=20
#               PODMAN_BIG=1 (also podman/docker at BIG)  REPS7=3  N8=1000 PAR8=8
#               SECTION_TIMEOUT=1200 (seconds, per section)  IDLE_SLEEP=3 (seconds between sections)
#               SETTLE_MAX=30 (at most this long, wait for the machine to drop under 15 % busy between steps)
#               ENGINES="actorpod actorpod-aot docker-ap podman docker runc"  (drop any to skip it)
#               BENCH_DOCKER=auto|0  BENCH_WORK=/tmp/apb.XXXX (one temp folder for every engine's state)
#               BENCH_NOTE="text" (a line at the top of RESULTS.md)
#               BENCH_SKIP_BUILD=1 with AP_BIN=DIR (DIR/daemon, DIR/cli, DIR/cli-aot already published)
#
# Output: "BENCH <id> <engine> <op> median <v> <unit> (min, max, n)" lines, a TSV and a log under
# $BENCH_WORK/results (kept; everything else there is removed at exit), a copy in bench/results/, and the
# markdown table with ratios and target checks in bench/RESULTS.md.
set -u -o pipefail
export LC_ALL=C

SELF=$(readlink -f "$0")
REPO=$(cd "$(dirname "$SELF")/.." && pwd)
RUNS=${RUNS:-15}
N3=${N3:-50}; PAR=${PAR:-4}; REPS3=${REPS3:-3}
SMALL=${SMALL:-200}; BIG=${BIG:-1000}; RUNNING=${RUNNING:-20}; PODMAN_BIG=${PODMAN_BIG:-1}
REPS7=${REPS7:-3}; N8=${N8:-1000}; PAR8=${PAR8:-8}
SECTION_TIMEOUT=${SECTION_TIMEOUT:-1200}; IDLE_SLEEP=${IDLE_SLEEP:-3}; SETTLE_MAX=${SETTLE_MAX:-30}
ENGINES=${ENGINES:-"actorpod actorpod-aot docker-ap podman docker runc"}
BENCH_DOCKER=${BENCH_DOCKER:-auto}

# ------------------------------------------------------------------------------------------------ layout
if [ "${1:-}" != __section ] && [ -z "${BENCH_WORK:-}" ]; then
  BENCH_WORK=$(mktemp -d /tmp/apb.XXXXXX)   # short: conmon's socket paths live under it
  export BENCH_WORK
fi
W=$BENCH_WORK
RES=$W/results; TMPD=$W/tmp
APROOT=$W/ap; APSOCK=$W/ap.sock; APURL=http://localhost
AP_BIN=${AP_BIN:-$W/bin}
APD=$AP_BIN/daemon/actorpodd; APC=$AP_BIN/cli/actorpod; APC_AOT=$AP_BIN/cli-aot/actorpod
PROOT=$W/pm/root; PRUN=$W/pm/run; PTMP=$W/pm/tmp; PSOCK=$W/pm.sock
PG=(--root "$PROOT" --runroot "$PRUN" --tmpdir "$PTMP" --runtime runc --cgroup-manager cgroupfs --events-backend file)
PF=(--network none --ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
RR=$W/runc; BUNDLES=$W/bundles
DD=$W/dk; DSOCK=$W/dk.sock
DOCKER_FOR_DOCKERD=/usr/bin/docker                          # Debian's CLI, same release as its dockerd
DOCKER_FOR_AP=${DOCKER_FOR_AP:-$(command -v /usr/local/bin/docker /usr/bin/docker 2>/dev/null | head -1)}
IMG=busybox:latest          # the name every engine gets from scripts/busybox-image.sh
PIMG=$(cat "$BENCH_WORK/podman-image" 2>/dev/null || echo localhost/busybox:latest)
TSV=$RES/bench.tsv
mkdir -p "$RES" "$TMPD"

say() { printf '%s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
has() { case " $ENGINES " in *" $1 "*) return 0 ;; esac; return 1; }
now_us() { echo "${EPOCHREALTIME/./}"; }
us2ms() { awk -v u="$1" 'BEGIN { printf "%.3f\n", u / 1000 }'; }

# emit ID ENGINE OP UNIT [NOTE] < values: one BENCH line and one TSV row (median, min, max, n)
emit() {
  local id=$1 eng=$2 op=$3 unit=$4 note=${5:-}
  sort -g | awk -v id="$id" -v eng="$eng" -v op="$op" -v unit="$unit" -v note="$note" -v tsv="$TSV" '
    $1 ~ /^-?[0-9.]+$/ { x[++n] = $1 }
    END {
      if (!n) { printf "BENCH %s %s %s n/a (no data%s)\n", id, eng, op, note == "" ? "" : ": " note
                printf "%s\t%s\t%s\t%s\tn/a\t\t\t0\tno data %s\n", id, eng, op, unit, note >> tsv; exit }
      m = n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
      printf "BENCH %s %s %s median %.2f %s (%.2f, %.2f, %d)%s\n", id, eng, op, m, unit, x[1], x[n], n, note == "" ? "" : "  [" note "]"
      printf "%s\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%d\t%s\n", id, eng, op, unit, m, x[1], x[n], n, note >> tsv
    }'
}
# na ID ENGINE OP REASON
na() {
  local r=${4//$'\n'/ }; r=${r:0:160}
  say "BENCH $1 $2 $3 n/a ($r)"
  printf '%s\t%s\t%s\t\tn/a\t\t\t0\t%s\n' "$1" "$2" "$3" "$r" >>"$TSV"
}

HZ=$(getconf CLK_TCK)
busy_ms() { awk -v hz="$HZ" '$1 == "cpu" { print int(($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz) }' /proc/stat; }
# settle [max_s]: wait until the machine is <15 % busy over 0.5 s (cleanup of the last step done)
settle() {
  local end=$(( $(now_us) + ${1:-20} * 1000000 )) a b
  while (( $(now_us) < end )); do
    a=$(busy_ms); sleep 0.5; b=$(busy_ms)
    (( (b - a) * 2 * 100 < 15 * $(nproc) * 1000 )) && return 0
  done
  return 0
}
rss() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status" 2>/dev/null; }
pss() { awk '$1 == "Pss:" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null; }
# owned PIDFILE COMM: the pid in PIDFILE if that process is still ours (same executable name)
owned() { local p; p=$(cat "$1" 2>/dev/null) || return 1; [ -n "$p" ] && [ -d "/proc/$p" ] && grep -q "$2" "/proc/$p/comm" 2>/dev/null && echo "$p"; }
term_wait() {   # term_wait PID [seconds]: SIGTERM, wait, SIGKILL
  local p=$1 n=$(( ${2:-30} * 10 ))
  kill -TERM "$p" 2>/dev/null || return 0
  while (( n-- > 0 )); do [ -d "/proc/$p" ] || return 0; [ "$(awk '{print $3}' /proc/$p/stat 2>/dev/null)" = Z ] && return 0; sleep 0.1; done
  kill -KILL "$p" 2>/dev/null; sleep 0.3
}
# conmons whose command line names a directory of ours
conmons_under() { local p; for p in $(pgrep -x conmon); do grep -qF "$1" "/proc/$p/cmdline" 2>/dev/null && echo "$p"; done; }

# ------------------------------------------------------------------------------------------------ engines
apc() { "$APC" -H "unix://$APSOCK" "$@"; }
apr() { "$APC_AOT" -H "unix://$APSOCK" "$@"; }
dap() { "$DOCKER_FOR_AP" -H "unix://$APSOCK" "$@"; }
pm() { podman "${PG[@]}" "$@"; }
dk() { "$DOCKER_FOR_DOCKERD" -H "unix://$DSOCK" "$@"; }
rc() { runc --root "$RR" "$@"; }
ap_rest() { curl -sS --fail-with-body --max-time 120 --unix-socket "$APSOCK" "$@"; }
docker_up() { [ -S "$DSOCK" ] && owned "$DD/dockerd.pid" dockerd >/dev/null; }

ap_start() {   # start actorpodd (own root and socket) in its own session; wait for /_ping
  local t0 i
  mkdir -p "$APROOT"; rm -f "$APSOCK"
  t0=$(now_us)
  setsid "$APD" --root "$APROOT" --socket "$APSOCK" --log-level warning >>"$W/actorpodd.log" 2>&1 </dev/null &
  echo $! >"$W/actorpodd.pid"
  for ((i = 0; i < 600; i++)); do
    curl -sf --max-time 2 --unix-socket "$APSOCK" "$APURL/_ping" >/dev/null 2>&1 && { echo $(( $(now_us) - t0 )); return 0; }
    [ -d "/proc/$(cat "$W/actorpodd.pid")" ] || break
    sleep 0.05
  done
  warn "actorpodd did not answer /_ping; log tail:"; tail -n 20 "$W/actorpodd.log" >&2
  return 1
}
ap_stop() { local p; p=$(owned "$W/actorpodd.pid" actorpodd) && term_wait "$p" 60; rm -f "$W/actorpodd.pid"; }
ap_pid() { owned "$W/actorpodd.pid" actorpodd; }
ap_ids() { ap_rest "$APURL/containers/json?all=1" 2>/dev/null | jq -r '.[].Id'; }
ap_count() { ap_rest "$APURL/containers/json?all=1" 2>/dev/null | jq 'length'; }
ap_rm_all() { ap_ids | xargs -r -P 4 -I{} curl -s --max-time 120 --unix-socket "$APSOCK" -X DELETE "$APURL/containers/{}?force=1" -o /dev/null; }

docker_start() {
  local i
  [ "$BENCH_DOCKER" = 0 ] && { echo "BENCH_DOCKER=0"; return 1; }
  command -v dockerd >/dev/null || { echo "dockerd not installed"; return 1; }
  docker_up && return 0
  mkdir -p "$DD/data" "$DD/exec"
  local x; for x in /run/docker /run/containerd /var/run/docker /etc/docker; do [ -e "$x" ] || echo "$x" >>"$W/docker-new-dirs"; done
  rm -f "$DSOCK"
  setsid dockerd --data-root "$DD/data" --exec-root "$DD/exec" --pidfile "$DD/dockerd.pid" -H "unix://$DSOCK" \
    --bridge=none --iptables=false --ip-forward=false --ip-masq=false --log-level=error >>"$DD/dockerd.log" 2>&1 </dev/null &
  echo $! >"$DD/dockerd.pid.launch"
  for ((i = 0; i < 300; i++)); do dk version >/dev/null 2>&1 && { cp "$DD/dockerd.pid.launch" "$DD/dockerd.pid"; return 0; }
    [ -d "/proc/$(cat "$DD/dockerd.pid.launch")" ] || break; sleep 0.1; done
  echo "dockerd did not come up: $(tail -n 2 "$DD/dockerd.log" | tr '\n' ' ')"
  local p; p=$(cat "$DD/dockerd.pid.launch"); [ -d "/proc/$p" ] && term_wait "$p" 20
  return 1
}
docker_stop() {
  local p; p=$(owned "$DD/dockerd.pid" dockerd) || p=$(owned "$DD/dockerd.pid.launch" dockerd) || return 0
  term_wait "$p" 60
}
podman_service_start() {
  local i; rm -f "$PSOCK"
  setsid podman "${PG[@]}" system service --time=0 "unix://$PSOCK" >>"$W/podman-service.log" 2>&1 </dev/null &
  echo $! >"$W/podman-service.pid"
  for ((i = 0; i < 200; i++)); do curl -sf --unix-socket "$PSOCK" http://d/_ping >/dev/null 2>&1 && return 0; sleep 0.05; done
  return 1
}
podman_service_stop() { local p; p=$(owned "$W/podman-service.pid" podman) && term_wait "$p" 20; rm -f "$W/podman-service.pid"; }

# ------------------------------------------------------------------------------------------------ cleanup
cleanup() {
  local c p m
  say "== cleanup"
  podman_service_stop
  if ap_pid >/dev/null; then timeout 600 bash -c "$(declare -f ap_rm_all ap_ids ap_rest); APSOCK=$APSOCK APURL=$APURL; ap_rm_all" >/dev/null 2>&1; fi
  ap_stop
  for c in $(runc --root "$APROOT/rt/runc" list -q 2>/dev/null); do runc --root "$APROOT/rt/runc" delete --force "$c" >/dev/null 2>&1; done
  if command -v podman >/dev/null && [ -d "$PROOT" ]; then timeout 600 podman "${PG[@]}" rm -a -f -t 0 >/dev/null 2>&1; fi
  if docker_up; then timeout 600 bash -c "ids=\$($DOCKER_FOR_DOCKERD -H unix://$DSOCK ps -aq); [ -z \"\$ids\" ] || $DOCKER_FOR_DOCKERD -H unix://$DSOCK rm -f \$ids" >/dev/null 2>&1; fi
  docker_stop
  for c in $(runc --root "$RR" list -q 2>/dev/null); do runc --root "$RR" delete --force "$c" >/dev/null 2>&1; done
  # conmons of our containers that outlived everything (their container is gone now)
  for p in $(conmons_under "$W/"); do kill -TERM "$p" 2>/dev/null; done
  # mounts under our folder (overlay rootfs of ActorPod/podman/docker), deepest first
  for m in $(awk -v w="$W/" 'index($5, w) == 1 { print $5 }' /proc/self/mountinfo | sort -r); do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done
  if [ -s "$W/docker-new-dirs" ]; then for m in $(cat "$W/docker-new-dirs"); do rm -rf "$m" 2>/dev/null; done; fi
  # keep the results, remove every engine's state
  find "$W" -mindepth 1 -maxdepth 1 ! -name results -exec rm -rf {} + 2>/dev/null
  say "== results kept in $RES"
}

# ------------------------------------------------------------------------------------------------ setup
setup() {
  local need=() pkg
  for pkg in podman hyperfine runc conmon jq curl sqlite3 busybox-static; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
  [ "$BENCH_DOCKER" = 0 ] || dpkg -s docker.io >/dev/null 2>&1 || need+=(docker.io)
  if [ ${#need[@]} -gt 0 ]; then
    say "== installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >"$TMPD/apt.log" 2>&1 || {
      apt-get update -q >>"$TMPD/apt.log" 2>&1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >>"$TMPD/apt.log" 2>&1 ||
        warn "apt-get install ${need[*]} failed (see $TMPD/apt.log); engines without their tool are skipped"; }
  fi
  (cd "$REPO" && bash scripts/install-deps.sh) || return 1
  [ -x "$DOCKER_FOR_DOCKERD" ] || DOCKER_FOR_DOCKERD=$DOCKER_FOR_AP

  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    say "== publishing ActorPod (Release) into $AP_BIN"
    (cd "$REPO" &&
      dotnet publish src/ActorPod.Daemon -c Release -r linux-x64 --self-contained false \
        -p:PublishReadyToRun=true -o "$AP_BIN/daemon" --verbosity quiet -nologo &&
      dotnet publish src/ActorPod.Cli -c Release -o "$AP_BIN/cli" --verbosity quiet -nologo) >"$TMPD/publish.log" 2>&1 ||
      { warn "dotnet publish failed:"; tail -n 20 "$TMPD/publish.log" >&2; return 1; }
    (cd "$REPO" && dotnet publish src/ActorPod.Cli -c Release -r linux-x64 -p:PublishAot=true \
      -o "$AP_BIN/cli-aot" --verbosity quiet -nologo) >"$TMPD/publish-aot.log" 2>&1 ||
      warn "native AOT CLI build failed (actorpod-aot skipped): $(tail -n 3 "$TMPD/publish-aot.log" | tr '\n' ' ')"
  fi
  [ -x "$APD" ] && [ -x "$APC" ] || { warn "no ActorPod binaries in $AP_BIN"; return 1; }

  # one image for everybody
  bash "$REPO/scripts/busybox-image.sh" "$W/busybox.tar" "$IMG" >/dev/null || return 1
  # rootfs bundles for bare runc, unpacked from that very archive
  mkdir -p "$TMPD/img" "$BUNDLES/rootfs"
  tar -C "$TMPD/img" -xf "$W/busybox.tar"
  tar -C "$BUNDLES/rootfs" -xf "$TMPD/img/$(jq -r '.[0].Layers[0]' "$TMPD/img/manifest.json")"
  local kind
  for kind in true sleep; do
    mkdir -p "$BUNDLES/$kind"
    (cd "$BUNDLES/$kind" && runc spec) || return 1
    jq --arg rootfs "$BUNDLES/rootfs" --arg kind "$kind" '
        .root = { path: $rootfs, readonly: true }
      | .process.terminal = false
      | .process.args = (if $kind == "true" then ["true"] else ["sleep", "1000"] end)' \
      "$BUNDLES/$kind/config.json" >"$BUNDLES/$kind/c.json" && mv "$BUNDLES/$kind/c.json" "$BUNDLES/$kind/config.json"
  done

  if has podman && command -v podman >/dev/null; then
    pm load -i "$W/busybox.tar" >/dev/null 2>"$TMPD/pm-load.err" || warn "podman load: $(cat "$TMPD/pm-load.err")"
    # podman names a docker-archive's busybox:latest localhost/... or docker.io/library/...: use what it chose
    pm images --format '{{.Repository}}:{{.Tag}}' | grep -m1 'busybox:latest$' >"$W/podman-image"
    pm run --rm "${PF[@]}" "$(cat "$W/podman-image")" true || warn "podman sanity run failed"
  fi
  if has docker; then
    local why
    if why=$(docker_start); then
      dk load -i "$W/busybox.tar" >/dev/null || warn "docker load failed"
    else
      echo "$why" >"$W/docker-skip"; warn "docker skipped: $why"
    fi
  fi
  ap_start >/dev/null || return 1
  apc load -i "$W/busybox.tar" >/dev/null || { warn "actorpod load failed"; return 1; }
  apc run --rm "$IMG" true || warn "actorpod sanity run --rm failed (exit $?)"
  rc run -b "$BUNDLES/true" bench-sanity </dev/null >/dev/null || warn "runc sanity run failed"
  return 0
}

# which engines can take part now; prints the list
live_engines() {
  local e out=()
  for e in $ENGINES; do
    case $e in
      actorpod) [ -x "$APC" ] && out+=("$e") ;;
      actorpod-aot) [ -x "$APC_AOT" ] && out+=("$e") ;;
      docker-ap) [ -x "$DOCKER_FOR_AP" ] && out+=("$e") ;;
      podman) command -v podman >/dev/null && out+=("$e") ;;
      docker) docker_up && out+=("$e") ;;
      runc) out+=("$e") ;;
    esac
  done
  echo "${out[*]}"
}
skip_docker_reason() { cat "$W/docker-skip" 2>/dev/null || echo "dockerd not running"; }

# rotate LIST REP: the engine order for repetition REP (each engine goes first in turn)
rotate() { local -a a=($1); local n=${#a[@]} i; for ((i = 0; i < n; i++)); do printf '%s ' "${a[(i + $2) % n]}"; done; }

# tm OUTFILE CMD...: run CMD quietly, append its wall time in ms to OUTFILE; returns CMD's status
tm() {
  local f=$1 t0 t1 s; shift
  t0=$(now_us); "$@" </dev/null >/dev/null 2>>"$TMPD/last.err"; s=$?; t1=$(now_us)
  [ $s -eq 0 ] && us2ms $((t1 - t0)) >>"$f"
  return $s
}
# functions and variables a child bash (timeout, xargs) needs to call the engine helpers
CHILD_FNS="run_true lc run_d stop_rm force_rm runc_wait_stopped apc apr dap pm dk rc ap_rest"
CHILD_PRE='PG=($PG_S); PF=($PF_S); declare -A CLIFN=([actorpod]=apc [actorpod-aot]=apr [docker-ap]=dap [podman]=pm [docker]=dk [runc]=rc); '
export_child() {
  export -f $CHILD_FNS
  export APC APC_AOT APSOCK APURL DOCKER_FOR_AP DOCKER_FOR_DOCKERD DSOCK RR BUNDLES IMG PIMG TMPD
  export PG_S="${PG[*]}" PF_S="${PF[*]}"
}
# capped SECONDS CMD...: CMD (a helper function or a program) in a child bash, killed after SECONDS
capped() { local s=$1; shift; export_child; timeout -k 5 "$s" bash -c "$CHILD_PRE"'"$@"' _ "$@"; }
# probe ENGINE CMD...: try once (60 s cap); the output stays in probe.out for why()
probe() { shift; capped 60 "$@" </dev/null >"$TMPD/probe.out" 2>&1; }
why() { tail -n 2 "$TMPD/probe.out" | tr '\n' ' ' | cut -c1-150; }

# ------------------------------------------------------------------------------------------------ sections
# 1: run --rm IMAGE true
run_true() {
  case $1 in
    actorpod) apc run --rm "$IMG" true ;;
    actorpod-aot) apr run --rm "$IMG" true ;;
    docker-ap) dap run --rm --network none "$IMG" true ;;
    podman) pm run --rm "${PF[@]}" "$PIMG" true ;;
    docker) dk run --rm --network none "$IMG" true ;;
    runc) rc run -b "$BUNDLES/true" "bench-1-$2" ;;
  esac
}
sec_1() {
  local engines=() e i
  for e in $(live_engines); do
    if probe "$e" run_true "$e" probe; then engines+=("$e"); else na 1 "$e" "run --rm true" "$(why)"; fi
  done
  has docker && ! docker_up && na 1 docker "run --rm true" "$(skip_docker_reason)"
  for e in "${engines[@]}"; do : >"$TMPD/1.$e"; done
  for ((i = 0; i < RUNS; i++)); do
    for e in $(rotate "${engines[*]}" "$i"); do tm "$TMPD/1.$e" run_true "$e" "$i" || warn "1: $e run failed"; done
  done
  for e in "${engines[@]}"; do emit 1 "$e" "run --rm busybox true" ms "alternating engines, $RUNS reps" <"$TMPD/1.$e"; done
  # client start-up floors: what every CLI call pays before it talks to a daemon
  local js
  for e in actorpod actorpod-aot; do
    has "$e" || continue
    local bin=$APC; [ "$e" = actorpod-aot ] && bin=$APC_AOT
    [ -x "$bin" ] || continue
    js=$TMPD/hf-1c-$e.json
    hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-json "$js" "$bin --version" >/dev/null 2>&1 &&
      jq -r '.results[0].times[] * 1000' "$js" | emit 1c "$e" "CLI start-up: --version (no daemon call)" ms \
        "cpu u+s $(jq -r '(.results[0].user + .results[0].system) * 1000 | floor' "$js") ms"
    js=$TMPD/hf-1d-$e.json
    hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-json "$js" "$bin -H unix://$APSOCK images" >/dev/null 2>&1 &&
      jq -r '.results[0].times[] * 1000' "$js" | emit 1d "$e" "CLI images (one small API call)" ms
  done
  js=$TMPD/hf-1e.json
  hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-json "$js" "curl -sf --unix-socket $APSOCK -o /dev/null $APURL/_ping" >/dev/null 2>&1 &&
    jq -r '.results[0].times[] * 1000' "$js" | emit 1e curl "GET /_ping on actorpodd (curl floor)" ms
}

# 2: create, start, stop -t 0, rm
lc() {   # lc ENGINE STEP NAME
  local e=$1 s=$2 n=$3
  case $e:$s in
    actorpod:create) apc create --name "$n" "$IMG" sleep 1000 ;;
    actorpod-aot:create) apr create --name "$n" "$IMG" sleep 1000 ;;
    docker-ap:create) dap create --name "$n" --network none "$IMG" sleep 1000 ;;
    podman:create) pm create --name "$n" "${PF[@]}" "$PIMG" sleep 1000 ;;
    docker:create) dk create --name "$n" --network none "$IMG" sleep 1000 ;;
    runc:create) rc create -b "$BUNDLES/sleep" "$n" ;;
    actorpod:stop) apc stop -t 0 "$n" ;;
    actorpod-aot:stop) apr stop -t 0 "$n" ;;
    docker-ap:stop | docker:stop | podman:stop) "${CLIFN[$e]}" stop -t 0 "$n" ;;
    runc:stop) rc kill "$n" KILL && runc_wait_stopped "$n" ;;
    runc:rm) rc delete "$n" ;;
    actorpod:*) apc "$s" "$n" ;;
    actorpod-aot:*) apr "$s" "$n" ;;
    *) "${CLIFN[$e]}" "$s" "$n" ;;
  esac
}
declare -A CLIFN=([actorpod]=apc [actorpod-aot]=apr [docker-ap]=dap [podman]=pm [docker]=dk [runc]=rc)
runc_wait_stopped() { local k; for ((k = 0; k < 1000; k++)); do [ "$(rc state "$1" 2>/dev/null | jq -r .status)" = stopped ] && return 0; sleep 0.005; done; return 1; }
force_rm() {
  case $1 in
    runc) rc delete --force "$2" ;;
    actorpod | actorpod-aot) apc rm -f "$2" ;;
    podman) pm rm -f -t 0 "$2" ;;
    *) "${CLIFN[$1]}" rm -f "$2" ;;
  esac
} >/dev/null 2>&1
sec_2() {
  local engines=() e i s n t0 t1 ok
  local steps=(create start stop rm)
  for e in $(live_engines); do
    n=bench-2p-$e
    if probe "$e" lc "$e" create "$n" && probe "$e" lc "$e" start "$n" && probe "$e" lc "$e" stop "$n" && probe "$e" lc "$e" rm "$n"
    then engines+=("$e"); else na 2 "$e" "create/start/stop/rm" "$(why)"; force_rm "$e" "$n"; fi
  done
  for e in "${engines[@]}"; do for s in "${steps[@]}" total; do : >"$TMPD/2.$e.$s"; done; done
  for ((i = 0; i < RUNS; i++)); do
    for e in $(rotate "${engines[*]}" "$i"); do
      n=bench-2-$e-$i; t0=$(now_us); ok=1
      for s in "${steps[@]}"; do tm "$TMPD/2.$e.$s" lc "$e" "$s" "$n" || { ok=0; warn "2: $e $s failed: $(tail -n 1 "$TMPD/last.err")"; break; }; done
      t1=$(now_us)
      if [ $ok = 1 ]; then us2ms $((t1 - t0)) >>"$TMPD/2.$e.total"; else force_rm "$e" "$n"; fi
    done
  done
  for e in "${engines[@]}"; do
    emit 2a "$e" "create (sleep 1000)" ms <"$TMPD/2.$e.create"
    emit 2b "$e" "start" ms <"$TMPD/2.$e.start"
    emit 2c "$e" "stop -t 0$([ "$e" = runc ] && echo ' (kill KILL + wait stopped)')" ms <"$TMPD/2.$e.stop"
    emit 2d "$e" "rm" ms <"$TMPD/2.$e.rm"
    emit 2e "$e" "create+start+stop+rm total" ms <"$TMPD/2.$e.total"
  done
}

# 3: N x run -d sleep 1000, PAR-way parallel, then stop -t 0 and rm (PAR-way)
run_d() {   # run_d ENGINE NAME
  case $1 in
    actorpod) apc run -d --name "$2" "$IMG" sleep 1000 ;;
    actorpod-aot) apr run -d --name "$2" "$IMG" sleep 1000 ;;
    docker-ap) dap run -d --name "$2" --network none "$IMG" sleep 1000 ;;
    podman) pm run -d --name "$2" "${PF[@]}" "$PIMG" sleep 1000 ;;
    docker) dk run -d --name "$2" --network none "$IMG" sleep 1000 ;;
    runc) rc run -d -b "$BUNDLES/sleep" "$2" ;;
  esac
}
stop_rm() {  # stop_rm ENGINE STEP NAME
  if [ "$1" = runc ]; then
    if [ "$2" = stop ]; then rc kill "$3" KILL && runc_wait_stopped "$3"; else rc delete "$3"; fi
  else lc "$1" "$2" "$3"; fi
}
par() {   # par FN ENGINE PREFIX COUNT [STEP]: FN over PREFIX-1..COUNT, PAR-way, 300 s cap each; prints failures
  local fn=$1 e=$2 pre=$3 cnt=$4 step=${5:-}
  export_child
  seq 1 "$cnt" | xargs -P "$PAR" -I{} timeout -k 5 300 bash -c "$CHILD_PRE"'
    if [ -n "$4" ]; then '"$fn"' "$1" "$4" "$2-$3"; else '"$fn"' "$1" "$2-$3"; fi </dev/null >/dev/null 2>&1 || echo "$2-$3"' _ "$e" "$pre" {} "$step"
}
sec_3() {
  local engines=() e r pre t0 t1 t2 t3 c0 c1 c2 c3 bad
  for e in $(live_engines); do
    if probe "$e" run_d "$e" bench-3p-$e; then engines+=("$e"); force_rm "$e" bench-3p-$e; else na 3a "$e" "$N3 x run -d" "$(why)"; force_rm "$e" bench-3p-$e; fi
  done
  for e in "${engines[@]}"; do for r in launch lrate stop rm trate cpul cpus; do : >"$TMPD/3.$e.$r"; done; done
  for ((r = 0; r < REPS3; r++)); do
    for e in $(rotate "${engines[*]}" "$r"); do
      pre=b3-$r-${e:0:6}; settle "$SETTLE_MAX"
      c0=$(busy_ms); t0=$(now_us)
      bad=$(par run_d "$e" "$pre" "$N3"); t1=$(now_us); c1=$(busy_ms)
      [ -z "$bad" ] || warn "3: $e run -d failed for $(echo $bad | wc -w) containers"
      settle "$SETTLE_MAX"; c2=$(busy_ms); t2=$(now_us)
      par stop_rm "$e" "$pre" "$N3" stop >/dev/null; t3=$(now_us)
      par stop_rm "$e" "$pre" "$N3" rm >/dev/null
      local t4; t4=$(now_us); c3=$(busy_ms); settle "$SETTLE_MAX"
      us2ms $((t1 - t0)) >>"$TMPD/3.$e.launch"; us2ms $((t3 - t2)) >>"$TMPD/3.$e.stop"; us2ms $((t4 - t3)) >>"$TMPD/3.$e.rm"
      awk -v n="$N3" -v u=$((t1 - t0)) 'BEGIN { printf "%.3f\n", n / (u / 1e6) }' >>"$TMPD/3.$e.lrate"
      awk -v n="$N3" -v u=$((t1 - t0 + t4 - t2)) 'BEGIN { printf "%.3f\n", n / (u / 1e6) }' >>"$TMPD/3.$e.trate"
      awk -v n="$N3" -v c=$((c1 - c0)) 'BEGIN { printf "%.3f\n", c / n }' >>"$TMPD/3.$e.cpul"
      awk -v n="$N3" -v c=$((c3 - c2)) 'BEGIN { printf "%.3f\n", c / n }' >>"$TMPD/3.$e.cpus"
      local k; [ "$e" = runc ] && for k in $(rc list -q 2>/dev/null | grep "^$pre-"); do rc delete --force "$k" >/dev/null 2>&1; done
    done
  done
  for e in "${engines[@]}"; do
    emit 3a "$e" "$N3 x run -d sleep, $PAR-way: launch rate" ctr/s <"$TMPD/3.$e.lrate"
    emit 3b "$e" "$N3 x run -d: wall" ms <"$TMPD/3.$e.launch"
    emit 3c "$e" "$N3 x stop -t 0, $PAR-way: wall" ms <"$TMPD/3.$e.stop"
    emit 3d "$e" "$N3 x rm, $PAR-way: wall" ms <"$TMPD/3.$e.rm"
    emit 3e "$e" "$N3 x (run -d + stop + rm): rate" ctr/s <"$TMPD/3.$e.trate"
    emit 3f "$e" "machine CPU per container, run -d" ms "/proc/stat, whole machine" <"$TMPD/3.$e.cpul"
    emit 3g "$e" "machine CPU per container, stop+rm" ms "/proc/stat, whole machine" <"$TMPD/3.$e.cpus"
  done
}

# population for 4, 6, 7: TARGET containers named bench-p-K (created, sleep 1000), the first RUNNING started
ap_populate() {
  local target=$1 have
  have=$(ap_rest "$APURL/containers/json?all=1&filters=%7B%22name%22%3A%5B%22bench-p-%22%5D%7D" | jq length)
  [ "${have:-0}" -ge "$target" ] && return 0
  seq $((have + 1)) "$target" | xargs -P "$PAR" -I{} curl -s --max-time 120 --unix-socket "$APSOCK" -o /dev/null \
    -H 'Content-Type: application/json' -d "{\"Image\":\"$IMG\",\"Cmd\":[\"sleep\",\"1000\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}" \
    "$APURL/containers/create?name=bench-p-{}"
  seq 1 "$RUNNING" | xargs -P "$PAR" -I{} curl -s --max-time 120 --unix-socket "$APSOCK" -o /dev/null -X POST "$APURL/containers/bench-p-{}/start"
  return 0
}
pm_populate() {
  local target=$1 have
  have=$(pm ps -aq --filter name=bench-p- | wc -l)
  [ "$have" -ge "$target" ] && return 0
  seq $((have + 1)) "$target" | xargs -P "$PAR" -I{} podman "${PG[@]}" create --name bench-p-{} "${PF[@]}" "$PIMG" sleep 1000 >/dev/null 2>&1
  seq 1 "$RUNNING" | xargs -P "$PAR" -I{} podman "${PG[@]}" start bench-p-{} >/dev/null 2>&1
  return 0
}
dk_populate() {
  local target=$1 have
  have=$(dk ps -aq --filter name=bench-p- | wc -l)
  [ "$have" -ge "$target" ] && return 0
  seq $((have + 1)) "$target" | xargs -P "$PAR" -I{} "$DOCKER_FOR_DOCKERD" -H "unix://$DSOCK" create --name bench-p-{} --network none "$IMG" sleep 1000 >/dev/null 2>&1
  seq 1 "$RUNNING" | xargs -P "$PAR" -I{} "$DOCKER_FOR_DOCKERD" -H "unix://$DSOCK" start bench-p-{} >/dev/null 2>&1
  return 0
}
# hfe ID ENGINE OP COMMAND-STRING: hyperfine -N latency of one command
hfe() {
  local js=$TMPD/hf-$1-$2.json
  if hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-json "$js" "$4" >/dev/null 2>"$TMPD/hf.err"; then
    jq -r '.results[0].times[] * 1000' "$js" | emit "$1" "$2" "$3" ms "hyperfine"
  else   # hyperfine only says "non-zero exit": run it once more for the command's own words
    local msg; msg=$(timeout 60 $4 2>&1 >/dev/null </dev/null | grep -v '^$' | tail -n 2 | tr '\n' ' ')
    na "$1" "$2" "$3" "${msg:-$(grep -v '^$' "$TMPD/hf.err" | tail -n 1)}"; fi
}
ps_at() {   # ps_at SIZE-LABEL  (population already in place for the engines listed)
  local sz=$1 e n
  for e in $(live_engines); do
    case $e in
      actorpod)
        n=$(ap_count); [ "$n" -ge "$sz" ] || warn "4: actorpod lists $n containers, expected >= $sz"
        hfe "4a.$sz" actorpod "ps -a ($n containers, $RUNNING running) CLI" "$APC -H unix://$APSOCK ps -a"
        hfe "4b.$sz" actorpod "GET /containers/json?all=1 ($n) REST curl" "curl -sf --unix-socket $APSOCK -o /dev/null $APURL/containers/json?all=1"
        hfe "4c.$sz" actorpod "inspect 1 running ($n existing) CLI" "$APC -H unix://$APSOCK inspect bench-p-1"
        hfe "4d.$sz" actorpod "GET /containers/ID/json ($n) REST curl" "curl -sf --unix-socket $APSOCK -o /dev/null $APURL/containers/bench-p-1/json" ;;
      actorpod-aot)
        hfe "4a.$sz" actorpod-aot "ps -a ($n containers) CLI aot" "$APC_AOT -H unix://$APSOCK ps -a"
        hfe "4c.$sz" actorpod-aot "inspect 1 running CLI aot" "$APC_AOT -H unix://$APSOCK inspect bench-p-1" ;;
      docker-ap)
        hfe "4a.$sz" docker-ap "docker ps -a against actorpodd" "$DOCKER_FOR_AP -H unix://$APSOCK ps -a"
        hfe "4c.$sz" docker-ap "docker inspect against actorpodd" "$DOCKER_FOR_AP -H unix://$APSOCK inspect bench-p-1" ;;
      podman)
        [ "$sz" -gt "$SMALL" ] && [ "$PODMAN_BIG" != 1 ] && continue
        pm_populate "$sz"; n=$(pm ps -aq | wc -l); settle "$SETTLE_MAX"
        hfe "4a.$sz" podman "podman ps -a ($n containers)" "podman ${PG[*]} ps -a"
        podman_service_start && hfe "4b.$sz" podman "libpod REST containers/json?all ($n) curl" "curl -sf --unix-socket $PSOCK -o /dev/null http://d/v4.3.1/libpod/containers/json?all=true"
        hfe "4c.$sz" podman "podman inspect 1 running ($n)" "podman ${PG[*]} inspect bench-p-1"
        hfe "4d.$sz" podman "libpod REST containers/ID/json ($n) curl" "curl -sf --unix-socket $PSOCK -o /dev/null http://d/v4.3.1/libpod/containers/bench-p-1/json"
        local sp; sp=$(owned "$W/podman-service.pid" podman) && echo "$(rss "$sp")" | emit "6a.$sz" podman "system service RSS with $n containers" KiB "PSS $(pss "$sp") KiB"
        podman_service_stop ;;
      docker)
        [ "$sz" -gt "$SMALL" ] && [ "$PODMAN_BIG" != 1 ] && continue
        dk_populate "$sz"; n=$(dk ps -aq | wc -l); settle "$SETTLE_MAX"
        hfe "4a.$sz" docker "docker ps -a ($n containers)" "$DOCKER_FOR_DOCKERD -H unix://$DSOCK ps -a"
        hfe "4b.$sz" docker "REST /containers/json?all ($n) curl" "curl -sf --unix-socket $DSOCK -o /dev/null http://d/containers/json?all=1"
        hfe "4c.$sz" docker "docker inspect 1 running ($n)" "$DOCKER_FOR_DOCKERD -H unix://$DSOCK inspect bench-p-1"
        hfe "4d.$sz" docker "REST /containers/ID/json ($n) curl" "curl -sf --unix-socket $DSOCK -o /dev/null http://d/containers/bench-p-1/json"
        local dp; dp=$(owned "$DD/dockerd.pid" dockerd) && echo "$(rss "$dp")" | emit "6a.$sz" docker "dockerd RSS with $n containers" KiB "PSS $(pss "$dp") KiB" ;;
    esac
  done
}
sec_4() {
  local t0 t1
  ap_rm_all >/dev/null 2>&1; settle "$SETTLE_MAX"
  t0=$(now_us); ap_populate "$SMALL"; t1=$(now_us)
  us2ms $((t1 - t0)) | emit 4x actorpod "populate $SMALL via REST create ($PAR-way) + $RUNNING starts: wall" ms
  settle "$SETTLE_MAX"; ps_at "$SMALL"
  t0=$(now_us); ap_populate "$BIG"; t1=$(now_us)
  us2ms $((t1 - t0)) | emit 4y actorpod "populate up to $BIG via REST create ($PAR-way): wall" ms
  settle "$SETTLE_MAX"; ps_at "$BIG"
  # podman and docker populations are not needed after this section
  command -v podman >/dev/null && timeout 900 podman "${PG[@]}" rm -a -f -t 0 >/dev/null 2>&1
  if docker_up; then local ids; ids=$(dk ps -aq); [ -z "$ids" ] || timeout 900 "$DOCKER_FOR_DOCKERD" -H "unix://$DSOCK" rm -f $ids >/dev/null 2>&1; fi
}

# 5: exec, pause, unpause on a running container
sec_5() {
  local e i t0 t1 t2 ok
  for e in $(live_engines); do
    force_rm "$e" bench-5
    run_d "$e" bench-5 >/dev/null 2>&1 </dev/null || { na 5a "$e" "exec/pause/unpause" "run -d failed"; continue; }
    sleep 0.3
    # exec
    case $e in
      actorpod | actorpod-aot)
        local bin=$APC; [ "$e" = actorpod-aot ] && bin=$APC_AOT
        if probe "$e" "$bin" -H "unix://$APSOCK" exec bench-5 true; then hfe 5a "$e" "exec CTR true" "$bin -H unix://$APSOCK exec bench-5 true"
        else na 5a "$e" "exec CTR true" "actorpod exec: $(why)"; fi ;;
      runc) hfe 5a runc "runc exec CTR true" "runc --root $RR exec bench-5 true" ;;
      podman) hfe 5a podman "podman exec CTR true" "podman ${PG[*]} exec bench-5 true" ;;
      docker) hfe 5a docker "docker exec CTR true" "$DOCKER_FOR_DOCKERD -H unix://$DSOCK exec bench-5 true" ;;
      docker-ap)
        if probe "$e" dap exec bench-5 true; then hfe 5a docker-ap "docker exec against actorpodd" "$DOCKER_FOR_AP -H unix://$APSOCK exec bench-5 true"
        else na 5a docker-ap "docker exec against actorpodd" "$(why)"; fi ;;
    esac
    # pause / unpause: CLI verb if there is one, else REST (ActorPod)
    local P U
    case $e in
      actorpod | actorpod-aot)
        local bin=$APC; [ "$e" = actorpod-aot ] && bin=$APC_AOT
        if probe "$e" "$bin" -H "unix://$APSOCK" pause bench-5 && probe "$e" "$bin" -H "unix://$APSOCK" unpause bench-5; then
          P=("$bin" -H "unix://$APSOCK" pause bench-5); U=("$bin" -H "unix://$APSOCK" unpause bench-5)
        elif [ "$e" = actorpod ] && probe "$e" ap_rest -X POST "$APURL/containers/bench-5/pause" && probe "$e" ap_rest -X POST "$APURL/containers/bench-5/unpause"; then
          P=(ap_rest -X POST "$APURL/containers/bench-5/pause"); U=(ap_rest -X POST "$APURL/containers/bench-5/unpause"); e=actorpod-rest
        else na 5b "$e" "pause/unpause" "CLI: $(probe x "$bin" -H "unix://$APSOCK" pause bench-5; why | cut -c1-60); REST: $(probe x ap_rest -X POST "$APURL/containers/bench-5/pause"; why | cut -c1-70)"; force_rm "$e" bench-5; continue; fi ;;
      docker-ap)
        if probe "$e" dap pause bench-5 && probe "$e" dap unpause bench-5; then P=(dap pause bench-5); U=(dap unpause bench-5)
        else na 5b docker-ap "pause/unpause" "$(why)"; force_rm "$e" bench-5; continue; fi ;;
      runc) P=(rc pause bench-5); U=(rc resume bench-5) ;;
      *) P=("${CLIFN[$e]}" pause bench-5); U=("${CLIFN[$e]}" unpause bench-5) ;;
    esac
    : >"$TMPD/5.p"; : >"$TMPD/5.u"
    "${P[@]}" >/dev/null 2>&1; "${U[@]}" >/dev/null 2>&1
    for ((i = 0; i < RUNS; i++)); do tm "$TMPD/5.p" "${P[@]}" || break; tm "$TMPD/5.u" "${U[@]}" || break; done
    emit 5b "$e" "pause running CTR" ms <"$TMPD/5.p"
    emit 5c "$e" "unpause paused CTR" ms <"$TMPD/5.u"
    [ "$e" = actorpod-rest ] && e=actorpod
    force_rm "$e" bench-5
  done
}

# 6: daemon memory idle and with BIG containers; conmon RSS per running container
sec_6() {
  local p n c
  ap_rm_all >/dev/null 2>&1; ap_stop; ap_start >/dev/null || return 1
  sleep 3; curl -sf --unix-socket "$APSOCK" -o /dev/null "$APURL/containers/json?all=1"; sleep 2
  p=$(ap_pid)
  echo "$(rss "$p")" | emit 6b actorpod "actorpodd RSS idle (fresh start, 0 containers)" KiB
  echo "$(pss "$p")" | emit 6c actorpod "actorpodd PSS idle (fresh start, 0 containers)" KiB
  ap_populate "$BIG"; n=$(ap_count); settle "$SETTLE_MAX"; sleep 2
  echo "$(rss "$p")" | emit 6d actorpod "actorpodd RSS with $n containers ($RUNNING running)" KiB
  echo "$(pss "$p")" | emit 6e actorpod "actorpodd PSS with $n containers ($RUNNING running)" KiB
  : >"$TMPD/6.c"; : >"$TMPD/6.cp"
  for c in $(conmons_under "$APROOT/"); do rss "$c" >>"$TMPD/6.c"; pss "$c" >>"$TMPD/6.cp"; done
  emit 6f actorpod "conmon RSS per running container" KiB "$(wc -l <"$TMPD/6.c") conmons" <"$TMPD/6.c"
  emit 6g actorpod "conmon PSS per running container" KiB <"$TMPD/6.cp"
  if docker_up && has docker; then
    p=$(owned "$DD/dockerd.pid" dockerd) && echo "$(rss "$p")" | emit 6a.0 docker "dockerd RSS with $(dk ps -aq | wc -l) containers" KiB "PSS $(pss "$p") KiB"
  fi
}

# 7: daemon restart with BIG containers
sec_7() {
  local r t0 t1 t2 n i p
  ap_populate "$BIG"; n=$(ap_count)
  : >"$TMPD/7.ping"; : >"$TMPD/7.all"; : >"$TMPD/7.stop"; : >"$TMPD/7.rss"
  for ((r = 0; r < REPS7; r++)); do
    settle "$SETTLE_MAX"
    t0=$(now_us); ap_stop; t1=$(now_us); us2ms $((t1 - t0)) >>"$TMPD/7.stop"
    t0=$(now_us)
    ap_start >/dev/null || { warn "7: restart failed"; return 1; }
    t1=$(now_us); us2ms $((t1 - t0)) >>"$TMPD/7.ping"
    for ((i = 0; i < 1200; i++)); do
      [ "$(ap_rest "$APURL/containers/json?all=1" 2>/dev/null | jq length)" -ge "$n" ] 2>/dev/null && break
      sleep 0.05
    done
    t2=$(now_us); us2ms $((t2 - t0)) >>"$TMPD/7.all"
    sleep 1; p=$(ap_pid); rss "$p" >>"$TMPD/7.rss"
  done
  # The same after a crash: no clean-shutdown snapshot, so every container's journal is replayed.
  : >"$TMPD/7.crash"
  for ((r = 0; r < REPS7; r++)); do
    settle "$SETTLE_MAX"
    p=$(ap_pid) && { kill -KILL "$p"; while [ -d "/proc/$p" ]; do sleep 0.01; done; rm -f "$W/actorpodd.pid"; }
    t0=$(now_us)
    ap_start >/dev/null || { warn "7: restart after SIGKILL failed"; return 1; }
    for ((i = 0; i < 1200; i++)); do
      [ "$(ap_rest "$APURL/containers/json?all=1" 2>/dev/null | jq length)" -ge "$n" ] 2>/dev/null && break
      sleep 0.05
    done
    t2=$(now_us); us2ms $((t2 - t0)) >>"$TMPD/7.crash"
  done
  emit 7a actorpod "restart with $n containers: stop (SIGTERM until exit)" ms <"$TMPD/7.stop"
  emit 7b actorpod "restart with $n containers: launch until /_ping answers" ms <"$TMPD/7.ping"
  emit 7c actorpod "restart with $n containers: launch until ps -a lists all $n" ms <"$TMPD/7.all"
  emit 7d actorpod "actorpodd RSS 1 s after restart with $n containers" KiB <"$TMPD/7.rss"
  emit 7e actorpod "restart after SIGKILL with $n containers: launch until ps -a lists all $n" ms <"$TMPD/7.crash"
}

# 8: journal events persisted per second (sqlite3 row count of event_journal)
journal_rows() { sqlite3 -readonly "file:$APROOT/actorpod.db?mode=ro" "select count(*) from ${JTABLE:-event_journal};" 2>/dev/null || echo -1; }
sec_8() {
  local phase t0 t1 r0 r1 bad
  [ -s "$APROOT/actorpod.db" ] || { na 8 actorpod "events/s" "no $APROOT/actorpod.db"; return 0; }
  JTABLE=$(sqlite3 -readonly "file:$APROOT/actorpod.db?mode=ro" ".tables" 2>/dev/null | tr -s ' ' '\n' | grep -m1 -i journal)
  [ -n "$JTABLE" ] || { na 8 actorpod "events/s" "no journal table in actorpod.db ($(sqlite3 -readonly "$APROOT/actorpod.db" .tables 2>&1 | head -c 100))"; return 0; }
  ap_rm_all >/dev/null 2>&1; settle "$SETTLE_MAX"
  for phase in create start rm; do
    r0=$(journal_rows); t0=$(now_us)
    case $phase in
      create) seq 1 "$N8" | xargs -P "$PAR8" -I{} curl -s --max-time 120 --unix-socket "$APSOCK" -o /dev/null \
        -H 'Content-Type: application/json' -d "{\"Image\":\"$IMG\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}" \
        "$APURL/containers/create?name=bench-8-{}" ;;
      start) seq 1 "$N8" | xargs -P "$PAR8" -I{} curl -s --max-time 120 --unix-socket "$APSOCK" -o /dev/null -X POST "$APURL/containers/bench-8-{}/start"
        # the exits of `true` are events too: wait until no container of ours is still running
        local k; for ((k = 0; k < 1200; k++)); do
          [ "$(ap_rest "$APURL/containers/json" 2>/dev/null | jq length)" = 0 ] && break; sleep 0.05; done ;;
      rm) seq 1 "$N8" | xargs -P "$PAR8" -I{} curl -s --max-time 120 --unix-socket "$APSOCK" -o /dev/null -X DELETE "$APURL/containers/bench-8-{}?force=1" ;;
    esac
    t1=$(now_us); r1=$(journal_rows)
    awk -v d=$((r1 - r0)) -v u=$((t1 - t0)) 'BEGIN { if (d > 0) printf "%.2f\n", d / (u / 1e6) }' |
      emit "8${phase:0:1}" actorpod "$N8 x $phase ($PAR8-way REST): journal rows/s" ev/s "$((r1 - r0)) rows in $(us2ms $((t1 - t0))) ms, table $JTABLE"
  done
}

# ------------------------------------------------------------------------------------------------ report
machine() {
  say "- machine: $(nproc) cpus ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), kernel $(uname -r), $(. /etc/os-release; echo "$PRETTY_NAME")"
  say "- cgroups: $(stat -fc %T /sys/fs/cgroup) at /sys/fs/cgroup$( [ -d /sys/fs/cgroup/unified ] && echo ' + unified (hybrid)'); RLIMIT_NOFILE hard $(ulimit -Hn)"
  say "- $(runc --version | head -1); $(conmon --version | head -1); podman $(podman --version 2>/dev/null | awk '{print $3}'); dockerd $(dockerd --version 2>/dev/null | awk '{print $3}' | tr -d ,); $(dotnet --version 2>/dev/null | sed 's/^/.NET SDK /'); hyperfine $(hyperfine --version 2>/dev/null | awk '{print $2}')"
  say "- docker CLI against actorpodd: $DOCKER_FOR_AP ($($DOCKER_FOR_AP --version 2>/dev/null))"
}
results_md() {
  local out=$REPO/bench/RESULTS.md
  {
    say "## Benchmark results"
    say
    [ -n "${BENCH_NOTE:-}" ] && { say "**$BENCH_NOTE**"; say; }
    say "Run $RUN_ID ($(date -u '+%Y-%m-%d %H:%M UTC')), sections: ${SECTIONS[*]}; sizes RUNS=$RUNS N3=$N3 PAR=$PAR REPS3=$REPS3 SMALL=$SMALL BIG=$BIG RUNNING=$RUNNING REPS7=$REPS7 N8=$N8."
    say
    machine
    say "- load before the run: $LOAD0"
    say
    say "Reproduce: \`sudo bash bench/bench.sh\` (all sections), \`sudo bash bench/bench.sh 1 3 5\` (some), sizes via env (see bench/README.md)."
    say
    say "### Targets (issue 7)"
    say
    targets | sed 's/^TARGET /- /'
    say
    say "### Figures (median; min-max; n) and ratios of ActorPod to each anchor"
    say
    say "| id | engine | operation | median | unit | min-max (n) | /podman | /runc | /docker |"
    say "|---|---|---|---:|---|---|---:|---:|---:|"
    awk -F'\t' 'NR > 1 {
        key = $1; row[++k] = $0
        if ($5 != "n/a") { if ($2 == "podman") pm[key] = $5; if ($2 == "runc") rc[key] = $5; if ($2 == "docker") dk[key] = $5 }
      }
      function ratio(a, b) { return (b == "" || b + 0 == 0 || a == "n/a") ? "" : sprintf("%.2f", a / b) }
      END {
        for (i = 1; i <= k; i++) { split(row[i], f, "\t")
          ap = (f[2] ~ /^actorpod/ || f[2] == "docker-ap")
          med = f[5] == "n/a" ? "n/a (" f[9] ")" : f[5]
          mm = f[5] == "n/a" ? "" : f[6] "-" f[7] " (" f[8] ")"
          printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", f[1], f[2], f[3], med, f[4], mm,
            ap ? ratio(f[5], pm[f[1]]) : "", ap ? ratio(f[5], rc[f[1]]) : "", ap ? ratio(f[5], dk[f[1]]) : "" } }' "$TSV"
    say
    say "Raw TSV: \`$TSV\` (copied to bench/results/$RUN_ID.tsv, not committed)."
  } >"$out"
  say "== wrote $out"
}
# targets: PASS/MISS lines from the TSV
val() { awk -F'\t' -v id="$1" -v e="$2" '$1 == id && $2 == e && $5 != "n/a" { v = $5 } END { print v }' "$TSV"; }
check() {   # check NAME VALUE LIMIT (value <= limit passes; "ge" as 4th arg: value >= limit)
  local name=$1 v=$2 lim=$3 mode=${4:-le}
  if [ -z "$v" ] || [ -z "$lim" ]; then say "TARGET n/a  $name (missing figure: value '${v}', bound '${lim}')"; return; fi
  awk -v n="$name" -v v="$v" -v l="$lim" -v m="$mode" 'BEGIN {
    ok = (m == "ge") ? v >= l : v <= l
    printf "TARGET %s %s: %.3g vs bound %.3g\n", ok ? "PASS" : "MISS", n, v, l }'
}
mul() { [ -n "$1" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f\n", a * b }'; }
ratio_of() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0) printf "%.3f\n", a / b }'; }
targets() {
  local best
  best=$(for e in actorpod actorpod-aot; do val 1 "$e"; done | grep . | sort -g | head -1)
  check "run --rm true, best actorpod CLI <= 0.5x podman (ratio $(ratio_of "$best" "$(val 1 podman)"))" "$best" "$(mul "$(val 1 podman)" 0.5)"
  check "run --rm true, best actorpod CLI <= 3x runc run (ratio $(ratio_of "$best" "$(val 1 runc)"))" "$best" "$(mul "$(val 1 runc)" 3)"
  best=$(for e in actorpod actorpod-aot; do val 3a "$e"; done | grep . | sort -g | tail -1)
  check "$N3-container launch rate, best actorpod CLI >= 2.5x podman (ratio $(ratio_of "$best" "$(val 3a podman)"))" "$best" "$(mul "$(val 3a podman)" 2.5)" ge
  check "(info) $N3-container launch rate, docker CLI on actorpodd >= 2.5x podman (ratio $(ratio_of "$(val 3a docker-ap)" "$(val 3a podman)"))" "$(val 3a docker-ap)" "$(mul "$(val 3a podman)" 2.5)" ge
  check "REST ps -a with $BIG <= 0.1x podman ps -a with $SMALL (ratio $(ratio_of "$(val "4b.$BIG" actorpod)" "$(val "4a.$SMALL" podman)"))" "$(val "4b.$BIG" actorpod)" "$(mul "$(val "4a.$SMALL" podman)" 0.1)"
  # Like run --rm: the best actorpod CLI variant (the AOT one is what scripts/run.sh installs).
  local ap_e ap_p ap_u
  ap_e=$(for e in actorpod actorpod-aot; do val 5a "$e"; done | grep . | sort -g | head -1)
  check "exec, best actorpod CLI <= 0.5x podman (ratio $(ratio_of "$ap_e" "$(val 5a podman)"))" "$ap_e" "$(mul "$(val 5a podman)" 0.5)"
  ap_p=$(for e in actorpod actorpod-aot actorpod-rest; do val 5b "$e"; done | grep . | sort -g | head -1)
  ap_u=$(for e in actorpod actorpod-aot actorpod-rest; do val 5c "$e"; done | grep . | sort -g | head -1)
  check "pause <= 2x runc pause (ratio $(ratio_of "$ap_p" "$(val 5b runc)"))" "$ap_p" "$(mul "$(val 5b runc)" 2)"
  check "unpause <= 2x runc resume (ratio $(ratio_of "$ap_u" "$(val 5c runc)"))" "$ap_u" "$(mul "$(val 5c runc)" 2)"
  check "daemon RSS with $BIG containers <= 2x idle (ratio $(ratio_of "$(val 6d actorpod)" "$(val 6b actorpod)"))" "$(val 6d actorpod)" "$(mul "$(val 6b actorpod)" 2)"
  check "restart with $BIG containers: all listed within 3 s" "$(val 7c actorpod)" 3000
}

# ------------------------------------------------------------------------------------------------ main
if [ "${1:-}" = __section ]; then
  trap 'exit 124' TERM INT
  "sec_$2"; exit $?
fi
if [ "${1:-}" = __setup ]; then setup; exit $?; fi

[ "$(id -u)" = 0 ] || { warn "run as root (sudo bash bench/bench.sh)"; exit 1; }
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
exec > >(tee -a "$RES/bench.log") 2>&1
printf 'id\tengine\top\tunit\tmedian\tmin\tmax\tn\tnote\n' >"$TSV"
trap 'cleanup' EXIT
trap 'exit 130' INT TERM HUP

SECTIONS=("$@"); [ ${#SECTIONS[@]} -gt 0 ] || SECTIONS=(1 2 3 5 4 6 7 8)
a=$(busy_ms); sleep 2; b=$(busy_ms)
LOAD0="CPU busy $(( (b - a) / 20 / $(nproc) ))% over 2 s, loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
say "== ActorPod bench $RUN_ID, work dir $W; $LOAD0"
machine
timeout -k 30 "$SECTION_TIMEOUT" bash "$SELF" __setup || { warn "setup failed"; exit 1; }
say "== engines: $(live_engines)"
for s in "${SECTIONS[@]}"; do
  declare -F "sec_$s" >/dev/null || { warn "no section $s"; continue; }
  sleep "$IDLE_SLEEP"; settle "$SETTLE_MAX"
  st=$(now_us)
  timeout -k 30 "$SECTION_TIMEOUT" bash "$SELF" __section "$s"; rc_s=$?
  [ $rc_s -eq 0 ] || say "== section $s exited $rc_s$([ $rc_s = 124 ] && echo ' (timeout)')"
  say "== section $s: $(us2ms $(( $(now_us) - st )) | cut -d. -f1) ms; loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
done
say "== targets"
targets
results_md
mkdir -p "$REPO/bench/results" && cp "$TSV" "$REPO/bench/results/$RUN_ID.tsv" && cp "$RES/bench.log" "$REPO/bench/results/$RUN_ID.log"
