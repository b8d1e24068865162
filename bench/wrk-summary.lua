-- Prints one machine-readable line after a wrk run, read by bench/lib.sh wrk_run:
-- WRK_RESULT requests/s p50_ms p99_ms max_ms socket_errors non_2xx_3xx
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("WRK_RESULT %.0f %.3f %.3f %.3f %d %d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
