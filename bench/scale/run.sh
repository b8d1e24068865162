#!/usr/bin/env bash
# How the exporter's cost grows with the devices it serves: 1, 10, 100 simulated Wall Connectors
# (one `simulate wallconnector --count N` process), then one PVS with 10, 100, 500 inverters
# (`simulate sunpower --inverters N --device-latency 0s`). For each size, once every device is up:
# the /metrics text size, scrape latency and requests/s with wrk at one connection, the Java heap
# used right after a full GC (jcmd GC.run, then jstat), RSS and threads. Then a least-squares fit
# cost = a + b x count per series, with R^2, says whether the cost is linear in the device count.
# Env: DURATION (30s) of each wrk run, WALLCONNECTORS ("1 10 100"), INVERTERS ("10 100 500"),
#      VARIANT (launcher; see bench/lib.sh exporter), BASE_PORT (19400; uses BASE_PORT+10..+111).
# Takes about 6 x (DURATION + ~15 s): ~5 min with the defaults.
source "$(dirname "$0")/../lib.sh"

WALLCONNECTORS=${WALLCONNECTORS:-1 10 100}
INVERTERS=${INVERTERS:-10 100 500}
VARIANT=${VARIANT:-launcher}
OUT=$(result_file scale)
exporter_port=$((BASE_PORT + 10))
sim_port=$((BASE_PORT + 12))
url=http://127.0.0.1:$exporter_port/metrics
require_free_port "$exporter_port"
ROWS=$WORK/rows.tsv

{
  echo "# bench/scale ($DURATION of wrk at one connection per size; JVM flags: $VARIANT)"
  echo
  machine_info
  echo
  echo "| series | count | bytes | samples | p50 ms | p99 ms | requests/s | heap after GC, KB | RSS, MB | threads |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$OUT"

# measure SERIES COUNT EXPORTER_PID : one table row, also kept in $ROWS for the fit.
measure() {
  local series=$1 count=$2 pid bytes samples rps p50 p99 max errors non2xx heap rss
  pid=$(java_pid "$3")
  bytes=$(body_bytes "$url" "$ACCEPT_TEXT")
  samples=$(curl -s "$url" | grep -vc '^#')
  read -r rps p50 p99 max errors non2xx < <(wrk_run "$url" 1 "$DURATION")
  read -r heap _ < <(heap_after_gc "$pid")
  rss=$(rss_kb "$pid")
  echo "| $series | $count | $bytes | $samples | $p50 | $p99 | $rps | $heap | $((rss / 1024)) | $(threads "$pid") |" |
    tee -a "$OUT"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$series" "$count" "$bytes" "$p50" "$heap" "$rss" >>"$ROWS"
}

# wait_all N : waits until N devices are up (at most 120 s).
wait_all() {
  local n=$1 deadline=$(( $(date +%s) + 120 ))
  wait_for "$url" 'home_energy_exporter_device_up' 60
  until (( $(devices_up "$url") >= n )); do
    if (( $(date +%s) > deadline )); then
      echo "only $(devices_up "$url") of $n devices came up" >&2
      return 1
    fi
    sleep 1
  done
}

header() {
  cat <<YAML
web:
  listen_address: "127.0.0.1:$exporter_port"
log:
  level: warn
devices:
YAML
}

for n in $WALLCONNECTORS; do
  log "Wall Connectors: $n"
  start_bg "wc-sim-$n" "$LAUNCHER" simulate wallconnector --count "$n" --port "$sim_port" --scenario charging --speed 60
  sim=$LAST_PID
  {
    header
    for i in $(seq 0 $((n - 1))); do
      printf '  - name: wc%03d\n    type: wallconnector\n    address: 127.0.0.1:%d\n' "$i" $((sim_port + i))
    done
  } >"$WORK/wc-$n.yml"
  wait_for "http://127.0.0.1:$((sim_port + n - 1))/api/1/vitals" 'contactor_closed' 60
  exporter "$VARIANT" --config.file="$WORK/wc-$n.yml"
  start_bg "wc-exporter-$n" "${CMD[@]}"
  pid=$LAST_PID
  wait_all "$n"
  wrk_run "$url" 1 "$WARMUP" >/dev/null
  measure wallconnector "$n" "$pid"
  stop "$pid"
  stop "$sim"
done

for n in $INVERTERS; do
  log "PVS inverters: $n"
  start_bg "pvs-sim-$n" "$LAUNCHER" simulate sunpower --inverters "$n" --device-latency 0s --scenario legacy \
    --port "$sim_port" --speed 60
  sim=$LAST_PID
  { header; printf '  - name: roof\n    type: sunpower\n    address: 127.0.0.1:%d\n    interval: 30s\n    timeout: 20s\n' "$sim_port"; } \
    >"$WORK/pvs-$n.yml"
  wait_for "http://127.0.0.1:$sim_port/cgi-bin/dl_cgi/supervisor/info" '.' 60
  exporter "$VARIANT" --config.file="$WORK/pvs-$n.yml"
  start_bg "pvs-exporter-$n" "${CMD[@]}"
  pid=$LAST_PID
  wait_all 1
  wrk_run "$url" 1 "$WARMUP" >/dev/null
  measure pvs-inverters "$n" "$pid"
  stop "$pid"
  stop "$sim"
done

# Least-squares fit per series and metric: y = a + b x count; R^2 near 1 means linear.
{
  echo
  echo "Fit of cost = a + b x count (b is the cost of one more device or inverter; R^2 near 1 = linear;"
  echo "\"ratio\" compares b over the lower and the upper step, ~1 = linear, > 1 = growing faster):"
  echo
  echo "| series | metric | a (fixed) | b (per device) | R^2 | ratio |"
  echo "|---|---|---:|---:|---:|---:|"
  for series in wallconnector pvs-inverters; do
    for col in 3:bytes 4:p50_ms 5:heap_kb 6:rss_kb; do
      awk -F'\t' -v s="$series" -v c="${col%%:*}" -v name="${col#*:}" '
        $1 == s { n++; x[n] = $2; y[n] = $c; sx += $2; sy += $c; sxx += $2 * $2; sxy += $2 * $c }
        END {
          if (n < 2) exit
          b = (n * sxy - sx * sy) / (n * sxx - sx * sx); a = (sy - b * sx) / n
          my = sy / n; for (i = 1; i <= n; i++) { ss += (y[i] - my) ^ 2; r += (y[i] - a - b * x[i]) ^ 2 }
          r2 = ss == 0 ? 1 : 1 - r / ss
          ratio = "-"
          if (n >= 3 && x[2] != x[1] && x[3] != x[2]) {
            lo = (y[2] - y[1]) / (x[2] - x[1]); hi = (y[3] - y[2]) / (x[3] - x[2])
            if (lo != 0) ratio = sprintf("%.2f", hi / lo)
          }
          printf "| %s | %s | %.1f | %.4g | %.3f | %s |\n", s, name, a, b, r2, ratio
        }' "$ROWS"
    done
  done
} | tee -a "$OUT"
echo "Results in $OUT" >&2
