#!/usr/bin/env bash
# Start-up time and memory under the launcher's default JVM flags, against the alternatives:
#  1. start-to-first-successful-scrape: from starting the process to the first /metrics answer
#     holding device data (tesla_wall_connector_grid_volts), for the demo and for one Wall
#     Connector (the exporter alone, its simulator already running); RUNS times each, for the
#     launcher's very first run (no AppCDS archive yet), the launcher with its archive, and plain
#     java -jar (target: under 2 s);
#  2. steady RSS of the demo: STEADY of one scrape a second, under each of VARIANTS; RSS sampled
#     every 5 s (target: under 64 MB).
# The AppCDS archive lives in a temporary directory, so the bench never touches the real one.
# Env: RUNS (5), STEADY (60 s), VARIANTS ("launcher launcher-c1 jvm"), BASE_PORT (19400).
# Takes about 3 x STEADY + 2 x (2 x RUNS + 1) x ~3 s + 10 s: ~5 min with the defaults.
source "$(dirname "$0")/../lib.sh"

RUNS=${RUNS:-5}
STEADY=${STEADY:-60}
VARIANTS=${VARIANTS:-launcher launcher-c1 jvm}
OUT=$(result_file footprint)
port=$((BASE_PORT + 20))
sim_port=$((BASE_PORT + 21))
url=http://127.0.0.1:$port/metrics
PATTERN='tesla_wall_connector_grid_volts'
require_free_port "$port"
require_free_port "$sim_port"
export HOME_ENERGY_EXPORTER_CDS_ARCHIVE=$WORK/cds/home-energy-exporter.jsa
mkdir -p "$WORK/cds"

{
  echo "# bench/footprint (start-up: $RUNS runs; steady RSS: ${STEADY}s of one scrape a second)"
  echo
  machine_info
} | tee "$OUT"

# start_ms NAME CMD... : milliseconds from starting CMD to the first scrape with device data.
start_ms() {
  local name=$1 t0 t1 pid
  shift
  t0=$(date +%s%N)
  start_bg "$name" "$@"
  pid=$LAST_PID
  until grep -q "$PATTERN" <<<"$(curl -s --max-time 2 "$url" 2>/dev/null)"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see its log" >&2; return 1; }
    if (( $(date +%s%N) - t0 > 60000000000 )); then echo "$name: no data within 60 s" >&2; return 1; fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  stop "$pid"
  echo $(( (t1 - t0) / 1000000 ))
}

# stats MS... : "median (min-max)".
stats() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%d (%d-%d)", m, v[1], v[NR] }'
}

# --- 1. start to first successful scrape ---
cat >"$WORK/one-wallconnector.yml" <<YAML
web:
  listen_address: "127.0.0.1:$port"
log:
  level: warn
devices:
  - name: garage
    type: wallconnector
    address: 127.0.0.1:$sim_port
YAML
start_bg wc-sim "$LAUNCHER" simulate wallconnector --port "$sim_port" --scenario charging --speed 60
wait_for "http://127.0.0.1:$sim_port/api/1/vitals" 'contactor_closed' 60
{
  echo
  echo "## Start to first scrape with device data, ms: median (min-max) of $RUNS runs"
  echo
  echo "| case | launcher, first run (no archive yet) | launcher (with AppCDS archive) | java -jar (JVM defaults) |"
  echo "|---|---:|---:|---:|"
} | tee -a "$OUT"
for case in demo one-wallconnector; do
  if [[ $case == demo ]]; then args=(demo --web.listen-address=127.0.0.1:$port --log.level=warn)
  else args=(--config.file="$WORK/one-wallconnector.yml"); fi
  rm -f "$WORK"/cds/*
  log "$case: launcher, first run"
  first=$(start_ms "$case-first" "$LAUNCHER" "${args[@]}")
  with=()
  jvm=()
  for i in $(seq "$RUNS"); do
    log "$case: run $i of $RUNS"
    with+=("$(start_ms "$case-cds-$i" "$LAUNCHER" "${args[@]}")")
    jvm+=("$(start_ms "$case-jvm-$i" java -jar "$JAR" "${args[@]}")")
  done
  archive=$( [[ -f $HOME_ENERGY_EXPORTER_CDS_ARCHIVE ]] && echo "" || echo " (no archive was made!)")
  echo "| $case | $first | $(stats "${with[@]}")$archive | $(stats "${jvm[@]}") |" | tee -a "$OUT"
done

# --- 2. steady RSS of the demo ---
{
  echo
  echo "## Demo steady state after ${STEADY}s, one scrape a second"
  echo
  echo "| JVM flags | RSS, MB | max RSS, MB | heap used / committed, MB | threads |"
  echo "|---|---:|---:|---:|---:|"
} | tee -a "$OUT"
for variant in $VARIANTS; do
  log "steady RSS: $variant, ${STEADY}s"
  exporter "$variant" demo --web.listen-address=127.0.0.1:$port --log.level=warn
  start_bg "steady-$variant" "${CMD[@]}"
  pid=$LAST_PID
  wait_for "$url" "$PATTERN" 60
  jpid=$(java_pid "$pid")
  max=0
  for s in $(seq "$STEADY"); do
    curl -s -o /dev/null "$url"
    if (( s % 5 == 0 )); then
      rss=$(rss_kb "$jpid")
      (( rss > max )) && max=$rss
    fi
    sleep 1
  done
  rss=$(rss_kb "$jpid")
  heap=$(jstat -gc "$jpid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%.0f / %.0f", ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024,
                                   ($col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]) / 1024 }')
  echo "| $variant | $((rss / 1024)) | $((max / 1024)) | $heap | $(threads "$jpid") |" | tee -a "$OUT"
  stop "$pid"
done
echo | tee -a "$OUT"
echo "Results in $OUT" >&2
