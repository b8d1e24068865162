#!/usr/bin/env bash
# Runs every bench in turn: scrape, scale, footprint, jmh, slowclients. Each writes its tables to
# bench/out/.
# Needs target/home-energy-exporter.jar (mvn -B -DskipTests package), wrk, curl, jcmd and jstat.
# Env: DURATION (30s; e.g. DURATION=5s WARMUP=2s RUNS=2 STEADY=10 for a quick check), and each
#      bench's own variables (see their headers). Takes about 25 min with the defaults.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
for bench in scrape scale footprint jmh slowclients; do
  echo "=== bench/$bench ===" >&2
  "$dir/$bench/run.sh"
done
echo "All results in ${OUT_DIR:-$dir/out}/" >&2
