#!/usr/bin/env bash
# Start-up time and memory under the launcher's default JVM flags, against the alternatives:
#  1. start-to-first-successful-scrape: from starting the process to the first /metrics answer
#     holding device data (tesla_wall_connector_grid_volts), for the demo and for one Wall
#     Connector (the exporter alone, its simulator already running); RUNS times each, for the
#     launcher's very first run (no AppCDS archive yet), the launcher with its archive, and plain
#     java -jar (target: under 2 s);
#  2. steady RSS of the demo: STEADY of one scrape a second, under each of VARIANTS; RSS sampled
#     every 5 s (target: under 64 MB);
#  3. one process against the four it replaces: the exporter serving one device of each family
#     (4 devices), then five of each (20), each family's simulators in a process of their own;
#     after STEADY of one scrape every 15 s (as Prometheus), its RSS, threads, loaded classes, and
#     its CPU time over IDLE seconds scaled to a minute (/proc/PID/stat ticks), under each of
#     FLEET_VARIANTS (target: at most the four seed exporters' sum, 90 MB; bench/RESULTS.md).
# The AppCDS archive lives in a temporary directory, so the bench never touches the real one.
# Env: RUNS (5), STEADY (60 s), VARIANTS ("launcher launcher-c2 jvm"), FLEET_VARIANTS
#      ("launcher launcher-c2"), PER_FAMILY ("1 5": devices of each family), IDLE (60 s), PARTS
#      ("startup steady fleet": which of the three to run), BASE_PORT (19400).
# Takes about 3 x STEADY + 2 x (2 x RUNS + 1) x ~3 s + 10 s for parts 1 and 2 and
# 4 x (STEADY + IDLE + ~20 s) for part 3: ~15 min with the defaults.
source "$(dirname "$0")/../lib.sh"

RUNS=${RUNS:-5}
STEADY=${STEADY:-60}
VARIANTS=${VARIANTS:-launcher launcher-c2 jvm}
FLEET_VARIANTS=${FLEET_VARIANTS:-launcher launcher-c2}
PER_FAMILY=${PER_FAMILY:-1 5}
IDLE=${IDLE:-60}
PARTS=${PARTS:-startup steady fleet}
OUT=$(result_file footprint)
port=$((BASE_PORT + 20))
sim_port=$((BASE_PORT + 21))
url=http://127.0.0.1:$port/metrics
PATTERN='tesla_wall_connector_grid_volts'
require_free_port "$port"
require_free_port "$sim_port"
export HOME_ENERGY_EXPORTER_CDS_ARCHIVE=$WORK/cds/home-energy-exporter.jsa
mkdir -p "$WORK/cds"

wants() { [[ " $PARTS " == *" $1 "* ]]; }

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
if wants startup; then
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
wc_sim=$LAST_PID
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
stop "$wc_sim"
fi

# heap_mb PID : "used / committed" MB of the Java heap (jstat).
heap_mb() {
  jstat -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%.0f / %.0f", ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024,
                                   ($col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]) / 1024 }'
}

# --- 2. steady RSS of the demo ---
if wants steady; then
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
  echo "| $variant | $((rss / 1024)) | $((max / 1024)) | $(heap_mb "$jpid") | $(threads "$jpid") |" | tee -a "$OUT"
  stop "$pid"
done
fi

# --- 3. one process against the four it replaces ---
# Ports: the exporter at +40, then five per family: Wall Connectors +41.., gateways +46..,
# PVSs +51.., Fleet API clouds +56.., and the Tesla sign-ins' listeners +61...
fleet_port=$((BASE_PORT + 40))
fleet_url=http://127.0.0.1:$fleet_port/metrics
families=(wallconnector powerwall sunpower tesla)
# The simulators run apart from the exporter, with small JVMs, so they take little of the CPU.
SIM_JAVA=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -jar "$JAR")

# cpu_ticks PID : user + system clock ticks the process has used (/proc/PID/stat fields 14, 15).
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# fleet_config PER : a config of PER devices of each family, the simulators at their ports.
fleet_config() {
  local per=$1 i
  echo "web:"
  echo "  listen_address: \"127.0.0.1:$fleet_port\""
  echo "log:"
  echo "  level: warn"
  echo "devices:"
  for ((i = 0; i < per; i++)); do
    cat <<YAML
  - name: garage-$i
    type: wallconnector
    address: 127.0.0.1:$((BASE_PORT + 41 + i))
  - name: battery-$i
    type: powerwall
    address: 127.0.0.1:$((BASE_PORT + 46 + i))
    password: simulated-password
  - name: roof-$i
    type: sunpower
    address: 127.0.0.1:$((BASE_PORT + 51 + i))
  - name: cars-$i
    type: tesla
    client_id: simulated-client-id
    client_secret: simulated-client-secret
    api_base: http://127.0.0.1:$((BASE_PORT + 56 + i))
    auth_base: http://127.0.0.1:$((BASE_PORT + 56 + i))
    token_base: http://127.0.0.1:$((BASE_PORT + 56 + i))
    token_file: $WORK/tesla-token-$i.json
YAML
  done
}

# tesla_login I : signs in to the I-th simulated cloud (it approves at once) with `tesla login`.
tesla_login() {
  local i=$1 cloud=http://127.0.0.1:$((BASE_PORT + 56 + i)) listen=$((BASE_PORT + 61 + i)) pid url
  start_bg "tesla-login-$i" env TESLA_CLIENT_ID=simulated-client-id \
    TESLA_CLIENT_SECRET=simulated-client-secret TESLA_API_BASE="$cloud" TESLA_AUTH_BASE="$cloud" \
    TESLA_TOKEN_BASE="$cloud" TESLA_REDIRECT_URI="http://localhost:$listen/callback" \
    TOKEN_FILE_PATH="$WORK/tesla-token-$i.json" "${SIM_JAVA[@]}" tesla login --listen "$listen"
  pid=$LAST_PID
  for _ in $(seq 300); do
    url=$(grep -Eo "$cloud/oauth2/v3/authorize[^ ]*" "$WORK/tesla-login-$i.log" || true)
    [[ -n $url ]] && break
    sleep 0.1
  done
  curl -s -L -o /dev/null --max-time 30 "$url"
  wait "$pid"
}

if wants fleet; then
  {
    echo
    echo "## One process against the four it replaces: after ${STEADY}s of one scrape every 15 s"
    echo
    echo "Each family's simulators run in a process of their own; CPU is the exporter's, over ${IDLE}s"
    echo "of the same scraping, in CPU seconds per minute."
    echo
    echo "| devices | JVM flags | devices up | RSS, MB | max RSS, MB | heap used / committed, MB | threads | classes loaded | CPU s per minute |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  } | tee -a "$OUT"
  require_free_port "$fleet_port"
  for per in $PER_FAMILY; do
    total=$((per * 4))
    sims=()
    for f in "${!families[@]}"; do
      start_bg "sim-${families[$f]}-$per" "${SIM_JAVA[@]}" simulate "${families[$f]}" \
        --port $((BASE_PORT + 41 + 5 * f)) --count "$per"
      sims+=("$LAST_PID")
    done
    for ((i = 0; i < per; i++)); do
      wait_for "http://127.0.0.1:$((BASE_PORT + 41 + i))/api/1/vitals" 'contactor_closed' 60
      wait_for "http://127.0.0.1:$((BASE_PORT + 51 + i))/cgi-bin/dl_cgi?Command=DeviceList" 'devices' 60
      wait_for "http://127.0.0.1:$((BASE_PORT + 56 + i))/api/1/vehicles" '.' 60
      tesla_login "$i"
    done
    fleet_config "$per" >"$WORK/fleet-$per.yml"
    # The launcher's AppCDS archive of this config, made by a first run, as a service would have it.
    export HOME_ENERGY_EXPORTER_CDS_ARCHIVE=$WORK/cds/fleet-$per.jsa
    for variant in $FLEET_VARIANTS; do
      for run in archive measure; do
        [[ $run == archive && ( $variant == jvm || -f $HOME_ENERGY_EXPORTER_CDS_ARCHIVE ) ]] && continue
        log "one process, $total devices: $variant, $run run"
        exporter "$variant" --config.file="$WORK/fleet-$per.yml"
        start_bg "fleet-$total-$variant-$run" "${CMD[@]}"
        pid=$LAST_PID
        deadline=$(( $(date +%s) + 120 ))
        until (( $(devices_up "$fleet_url") == total )) || (( $(date +%s) > deadline )); do sleep 1; done
        [[ $run == measure ]] && break
        stop "$pid"
      done
      jpid=$(java_pid "$pid")
      max=0
      for s in $(seq "$((STEADY + IDLE))"); do
        (( s % 15 == 1 )) && curl -s -o /dev/null "$fleet_url"
        (( s == STEADY + 1 )) && t0=$(cpu_ticks "$jpid")
        if (( s % 5 == 0 )); then
          rss=$(rss_kb "$jpid")
          (( rss > max )) && max=$rss
        fi
        sleep 1
      done
      t1=$(cpu_ticks "$jpid")
      cpu=$(awk -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" -v s="$IDLE" \
        'BEGIN { printf "%.2f", t / hz * 60 / s }')
      up=$(devices_up "$fleet_url")
      classes=$(jstat -class "$jpid" | awk 'NR == 2 { print $1 }')
      rss=$(rss_kb "$jpid")
      echo "| $total | $variant | $up | $((rss / 1024)) | $((max / 1024)) | $(heap_mb "$jpid") |" \
        "$(threads "$jpid") | $classes | $cpu |" | tee -a "$OUT"
      stop "$pid"
    done
    for sim in "${sims[@]}"; do stop "$sim"; done
  done
fi
echo | tee -a "$OUT"
echo "Results in $OUT" >&2
