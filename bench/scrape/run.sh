#!/usr/bin/env bash
# Scrape throughput and latency of /metrics under wrk, at 1, 16 and 64 connections:
#  1. the demo (every family simulated in-process) in text 0.0.4, OpenMetrics and protobuf;
#  2. one Wall Connector: the exporter with a one-device config polling one `simulate
#     wallconnector` process, under each JVM flag variant of VARIANTS (see bench/lib.sh exporter),
#     checked against the targets: >= 30,000 requests/s at 16 and 64 connections, p99 < 5 ms,
#     no socket errors.
# Env: DURATION (30s) per wrk run, WARMUP (10s) of wrk before measuring, CONNECTIONS ("1 16 64"),
#      VARIANTS ("launcher launcher-c2"), BASE_PORT (19400).
# Takes about (9 + 3 x variants) x DURATION + warm-ups: ~8 min with the defaults.
source "$(dirname "$0")/../lib.sh"

CONNECTIONS=${CONNECTIONS:-1 16 64}
VARIANTS=${VARIANTS:-launcher launcher-c2}
TARGET_RPS=30000
TARGET_P99_MS=5
OUT=$(result_file scrape)

demo_port=$BASE_PORT
wc_sim_port=$((BASE_PORT + 1))
wc_port=$((BASE_PORT + 2))
for p in $demo_port $wc_sim_port $wc_port; do require_free_port "$p"; done

{
  echo "# bench/scrape ($DURATION per run, wrk warm-up $WARMUP)"
  echo
  machine_info
} | tee "$OUT"

# --- 1. the demo ---
url=http://127.0.0.1:$demo_port/metrics
log "demo: starting the exporter with the launcher's defaults"
exporter launcher demo --web.listen-address=127.0.0.1:$demo_port --log.level=warn
start_bg demo "${CMD[@]}"
demo_pid=$LAST_PID
wait_for "$url" 'tesla_wall_connector_grid_volts' 60
# Every device up (the flaky Wall Connector may take a while), for at most 30 s.
for _ in $(seq 30); do
  (( $(devices_up "$url") >= 7 )) && break
  sleep 1
done
log "demo: warm-up $WARMUP"
wrk_run "$url" 16 "$WARMUP" >/dev/null
{
  echo
  echo "## Demo ($(devices_up "$url") of 7 devices up; launcher defaults)"
  echo
  echo "| format | bytes | connections | requests/s | p50 ms | p99 ms | max ms | socket errors | non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee -a "$OUT"
for format in text openmetrics protobuf; do
  case $format in
    text) accept=$ACCEPT_TEXT ;;
    openmetrics) accept=$ACCEPT_OPENMETRICS ;;
    protobuf) accept=$ACCEPT_PROTOBUF ;;
  esac
  bytes=$(body_bytes "$url" "$accept")
  for c in $CONNECTIONS; do
    log "demo: $format, $c connections, $DURATION"
    read -r rps p50 p99 max errors non2xx < <(wrk_run "$url" "$c" "$DURATION" "$accept")
    echo "| $format | $bytes | $c | $rps | $p50 | $p99 | $max | $errors | $non2xx |" | tee -a "$OUT"
  done
done
echo | tee -a "$OUT"
echo "Demo RSS after the runs: $(( $(rss_kb "$(java_pid "$demo_pid")") / 1024 )) MB" | tee -a "$OUT"
stop "$demo_pid"

# --- 2. one Wall Connector ---
cat >"$WORK/one-wallconnector.yml" <<YAML
web:
  listen_address: "127.0.0.1:$wc_port"
log:
  level: warn
devices:
  - name: garage
    type: wallconnector
    address: 127.0.0.1:$wc_sim_port
YAML
log "one Wall Connector: starting the simulator"
start_bg wc-sim "$LAUNCHER" simulate wallconnector --port "$wc_sim_port" --scenario charging --speed 60
url=http://127.0.0.1:$wc_port/metrics
{
  echo
  echo "## One Wall Connector (text format; targets: >= $TARGET_RPS requests/s at 16 and 64" \
    "connections, p99 < $TARGET_P99_MS ms, no socket errors)"
  echo
  echo "| JVM flags | bytes | connections | requests/s | p50 ms | p99 ms | max ms | socket errors | non-2xx | RSS after, MB | target |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} | tee -a "$OUT"
for variant in $VARIANTS; do
  log "one Wall Connector: exporter ($variant)"
  exporter "$variant" --config.file="$WORK/one-wallconnector.yml"
  start_bg "wc-$variant" "${CMD[@]}"
  pid=$LAST_PID
  wait_for "$url" 'tesla_wall_connector_grid_volts' 60
  wrk_run "$url" 16 "$WARMUP" >/dev/null
  bytes=$(body_bytes "$url" "$ACCEPT_TEXT")
  for c in $CONNECTIONS; do
    log "one Wall Connector ($variant): $c connections, $DURATION"
    read -r rps p50 p99 max errors non2xx < <(wrk_run "$url" "$c" "$DURATION")
    verdict=-
    if (( c >= 16 )); then
      verdict=met
      (( rps >= TARGET_RPS )) || verdict="missed (requests/s)"
      awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { exit !(p < t) }' || verdict="missed"
      (( errors == 0 )) || verdict="missed"
    fi
    rss=$(( $(rss_kb "$(java_pid "$pid")") / 1024 ))
    echo "| $variant | $bytes | $c | $rps | $p50 | $p99 | $max | $errors | $non2xx | $rss | $verdict |" | tee -a "$OUT"
  done
  stop "$pid"
done
echo | tee -a "$OUT"
echo "Results in $OUT" >&2
