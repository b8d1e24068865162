#!/usr/bin/env bash
# JMH micro-benchmark of the 500-inverter PVS: parsing a DeviceList body, mapping it to samples,
# and writing the text exposition (src/test/java/dev/homeenergy/device/sunpower/PvsRenderBenchmark.java).
# Target: rendering 500 inverters (poll to samples, and writing the text) under 1 ms each.
# Env: JMH_ARGS (extra JMH options, e.g. "-wi 2 -i 3 -r 1s -w 1s" for a quick run, or
#      "-p inverters=10,100,500"), MAVEN_ARGS (e.g. -o for offline).
# Takes about 6 benchmarks x 10 s + a JVM fork each: ~2 min with the defaults.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
OUT_DIR=${OUT_DIR:-$BENCH_DIR/out}
OUT=$OUT_DIR/jmh-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p "$OUT_DIR"
cd "$ROOT"

# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
{
  echo "# bench/jmh: PvsRenderBenchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "# $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(java -version 2>&1 | head -2 | tail -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
# shellcheck disable=SC2086 # JMH_ARGS is a list of options
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  PvsRenderBenchmark ${JMH_ARGS:-} | tee -a "$OUT"
echo "Results in $OUT" >&2
