# Shared helpers of the bench scripts; sourced, not run. Bash.
#
# Every process a bench starts goes through start_bg, and the EXIT trap set here stops them all,
# so an interrupted bench leaves nothing running. Results go to stdout and to $OUT_DIR.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR=${JAR:-$ROOT/target/home-energy-exporter.jar}
LAUNCHER=$ROOT/bin/home-energy-exporter
OUT_DIR=${OUT_DIR:-$BENCH_DIR/out}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
BASE_PORT=${BASE_PORT:-19400}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hee-bench.XXXXXX")
PIDS=()

ACCEPT_TEXT='text/plain; version=0.0.4; charset=utf-8'
ACCEPT_OPENMETRICS='application/openmetrics-text; version=1.0.0; charset=utf-8'
ACCEPT_PROTOBUF='application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited'

mkdir -p "$OUT_DIR"
if [[ ! -f $JAR ]]; then
  echo "no $JAR: build it first with: mvn -B -DskipTests package" >&2
  exit 1
fi

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if compgen -G "$WORK/*.log" >/dev/null; then
    mkdir -p "$OUT_DIR/logs-$STAMP"
    cp "$WORK"/*.log "$OUT_DIR/logs-$STAMP/"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# Seconds in a wrk-style duration: 30s, 2m, 500ms -> 30, 120, 0.5.
seconds() {
  local d=$1
  case $d in
    *ms) awk -v v="${d%ms}" 'BEGIN { print v / 1000 }' ;;
    *s) echo "${d%s}" ;;
    *m) echo $(( ${d%m} * 60 )) ;;
    *) echo "$d" ;;
  esac
}

# Fails when something already listens on the port.
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is in use; set BASE_PORT to another range" >&2
    exit 1
  fi
}

# start_bg NAME CMD... : runs CMD in the background, logging to $WORK/NAME.log; sets LAST_PID.
start_bg() {
  local name=$1
  shift
  "$@" >"$WORK/$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}

# stop PID: SIGTERM, wait up to 10 s, then SIGKILL.
stop() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# exporter VARIANT ARGS... : sets CMD to the exporter's command line under a JVM flag variant:
#   launcher     bin/home-energy-exporter with its defaults (and AppCDS)
#   launcher-c2  the same with the C2 compiler back (JAVA_OPTS=-XX:TieredStopAtLevel=4): the
#                launcher's defaults before issue 16
#   jvm          plain java -jar: the JVM's own ergonomics, no launcher
# JAVA_OPTS from the environment is passed on to the launcher variants.
exporter() {
  local variant=$1
  shift
  case $variant in
    launcher) CMD=("$LAUNCHER" "$@") ;;
    launcher-c2) CMD=(env "JAVA_OPTS=${JAVA_OPTS:-} -XX:TieredStopAtLevel=4" "$LAUNCHER" "$@") ;;
    jvm) CMD=(java -jar "$JAR" "$@") ;;
    *) echo "unknown variant $variant (launcher, launcher-c2, jvm)" >&2; exit 2 ;;
  esac
}

# wait_for URL PATTERN TIMEOUT_S : waits until a GET of URL matches the extended regex PATTERN.
wait_for() {
  local url=$1 pattern=$2 timeout=$3 deadline
  deadline=$(( $(date +%s) + timeout ))
  # Not `curl | grep -q`: grep stopping early fails curl (SIGPIPE), and so the pipe (pipefail).
  until grep -Eq "$pattern" <<<"$(curl -s --max-time 5 "$url" 2>/dev/null)"; do
    if (( $(date +%s) > deadline )); then
      echo "timed out after ${timeout}s waiting for /$pattern/ at $url" >&2
      return 1
    fi
    sleep 0.2
  done
}

# devices_up URL : how many devices report home_energy_exporter_device_up 1.
devices_up() {
  curl -s --max-time 5 "$1" | grep -Ec '^home_energy_exporter_device_up\{.*\} 1(\.0)?$' || true
}

# body_bytes URL ACCEPT : size of one /metrics answer in that format.
body_bytes() {
  curl -s -o /dev/null -w '%{size_download}' -H "Accept: $2" "$1"
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
threads() { awk '/^Threads:/ { print $2 }' "/proc/$1/status"; }

# java_pid PID : the java process of PID (the launcher execs, so normally PID itself).
java_pid() {
  local pid=$1 child
  if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]]; then
    echo "$pid"
    return
  fi
  child=$(pgrep -P "$pid" -x java | head -1 || true)
  echo "${child:-$pid}"
}

# heap_after_gc PID : "used_kb committed_kb" of the Java heap right after a full GC (jcmd GC.run).
heap_after_gc() {
  local pid=$1
  jcmd "$pid" GC.run >/dev/null
  sleep 0.5
  jstat -gc "$pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%.0f %.0f\n", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"],
                                    $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"] }'
}

# wrk_run URL CONNECTIONS DURATION [ACCEPT] : prints "rps p50_ms p99_ms max_ms socket_errors non2xx".
wrk_run() {
  local url=$1 conns=$2 duration=$3 accept=${4:-$ACCEPT_TEXT} threads=2
  (( conns < threads )) && threads=$conns
  wrk -t"$threads" -c"$conns" -d"$duration" --timeout 10s -H "Accept: $accept" \
      -s "$BENCH_DIR/wrk-summary.lua" "$url" | awk '/^WRK_RESULT/ { $1 = ""; print substr($0, 2) }'
}

# The machine, for the results header.
machine_info() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- host: $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(awk '/^MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "- JDK: $(java -version 2>&1 | head -2 | tail -1)"
  echo "- wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- revision: $(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (above ~0.5 on this machine means the figures are noisy)"
}

# result_file NAME : where a bench writes its markdown table (also printed).
result_file() { echo "$OUT_DIR/$1-$STAMP.md"; }
