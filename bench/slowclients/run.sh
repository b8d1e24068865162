#!/usr/bin/env bash
# Slow clients against the web server (issue 13), for the two designs:
#   jdk    the exporter as built: the JDK HttpServer on ExchangeThreads (threads on demand, 10 s
#          exchange deadline)
#   jetty  the same exporter plus a Jetty 12 server set up as the exporter would use it
#          (src/test/java/dev/homeenergy/web/JettyFrontBench.java), serving the exporter's bytes
# For each: the demo's footprint at idle (RSS, threads, loaded classes after STEADY seconds of one
# scrape every 5 s), then SlowClientsBench (src/test/java/dev/homeenergy/testing/): sequential
# well-behaved scrapes for PHASE seconds without and then with SLOW slow connections held
# (partial heads, pipelined requests never read, idle), p50/p99/max, the process's peak RSS and
# threads while they are held, and how long after opening the server cut each kind.
# Env: SLOW (default 200), PHASE (default 20), STEADY (default 30), DESIGNS (default "jdk jetty"),
#      MAVEN_ARGS (e.g. -o). MALLOC_ARENA_MAX is 2 as the launcher sets it. Takes about
#      2 × (STEADY + 2 × PHASE + 60) s.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

SLOW=${SLOW:-200}
PHASE=${PHASE:-20}
STEADY=${STEADY:-30}
DESIGNS=${DESIGNS:-jdk jetty}
OUT=$(result_file slowclients)
port=$BASE_PORT
jetty_port=$((BASE_PORT + 1))
require_free_port "$port"
require_free_port "$jetty_port"

cd "$ROOT"
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
TEST_CP="target/test-classes:$(cat target/bench-classpath.txt)"
JETTY_JARS=$(tr ':' '\n' <target/bench-classpath.txt |
  grep -E '/jetty-(server|http|io|util)-12[^/]*\.jar$' | paste -sd: -)
jetty_kb=$(tr ':' '\n' <<<"$JETTY_JARS" | xargs du -k | awk '{ s += $1 } END { print s }')
# The launcher's default JVM flags, without its AppCDS archive, for both designs alike.
JVM_OPTS=(-XX:+UseSerialGC -Xms16m -Xmx128m -XX:MaxMetaspaceSize=96m)
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
DEMO=(demo "--web.listen-address=127.0.0.1:$port" --log.level=warn)

{
  echo "# bench/slowclients"
  echo
  machine_info
  echo "- slow connections: $SLOW; scrape phases: ${PHASE}s each; idle footprint after ${STEADY}s"
  echo "- jar: $(du -k "$JAR" | cut -f1) KB; Jetty 12 core jars (server, http, io, util): ${jetty_kb} KB"
} | tee "$OUT"

classes() { jstat -class "$1" | awk 'NR == 2 { print $1 }'; }

for design in $DESIGNS; do
  case $design in
    jdk)
      CMD=(java "${JVM_OPTS[@]}" -cp "$JAR" dev.homeenergy.Main "${DEMO[@]}")
      url=http://127.0.0.1:$port/metrics ;;
    jetty)
      CMD=(java "${JVM_OPTS[@]}" "-Dbench.source=http://127.0.0.1:$port/metrics"
        -cp "$JAR:target/test-classes:$JETTY_JARS" dev.homeenergy.web.JettyFrontBench
        "$jetty_port" "${DEMO[@]}")
      url=http://127.0.0.1:$jetty_port/metrics ;;
    *) echo "unknown design $design (jdk, jetty)" >&2; exit 2 ;;
  esac
  log "$design: idle footprint, ${STEADY}s"
  start_bg "exporter-$design" "${CMD[@]}"
  pid=$LAST_PID
  wait_for "http://127.0.0.1:$port/metrics" 'home_energy_exporter_device_up' 60
  wait_for "$url" 'home_energy_exporter_device_up' 60
  for s in $(seq "$STEADY"); do
    if (( s % 5 == 0 )); then curl -s -o /dev/null "$url"; fi
    sleep 1
  done
  {
    echo
    echo "## $design"
    echo
    echo "Idle: RSS $(( $(rss_kb "$pid") / 1024 )) MB, $(threads "$pid") threads," \
      "$(classes "$pid") classes loaded."
    echo
  } | tee -a "$OUT"

  log "$design: scrapes with and without $SLOW slow connections"
  java -cp "$JAR:$TEST_CP" dev.homeenergy.testing.SlowClientsBench "$url" "$SLOW" "$PHASE" \
    >"$WORK/bench-$design.md" &
  bench=$!
  peak_rss=0
  peak_threads=0
  while kill -0 "$bench" 2>/dev/null; do
    rss=$(rss_kb "$pid")
    t=$(threads "$pid")
    (( rss > peak_rss )) && peak_rss=$rss
    (( t > peak_threads )) && peak_threads=$t
    sleep 1
  done
  wait "$bench"
  after_rss=$(rss_kb "$pid")
  after_threads=$(threads "$pid")
  sleep 15
  tee -a "$OUT" <"$WORK/bench-$design.md"
  {
    echo
    echo "Under load: peak RSS $((peak_rss / 1024)) MB, peak threads $peak_threads; once every" \
      "slow connection is closed: RSS $((after_rss / 1024)) MB, $after_threads threads; 15 s" \
      "later: RSS $(( $(rss_kb "$pid") / 1024 )) MB, $(threads "$pid") threads, heap used /" \
      "committed $(heap_after_gc "$pid" | awk '{ printf "%d / %d", $1 / 1024, $2 / 1024 }') MB" \
      "after a full GC."
  } | tee -a "$OUT"
  stop "$pid"
done
echo | tee -a "$OUT"
echo "Results in $OUT" >&2
