package dev.homeenergy.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests a simulator received per path, answered or not, for tests and benchmarks to assert on.
 */
public final class RequestCounter {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  public void count(String path) {
    counts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
  }

  public long of(String path) {
    AtomicLong count = counts.get(path);
    return count == null ? 0 : count.get();
  }

  /** Every path's count, sorted by path. */
  public Map<String, Long> all() {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((path, count) -> sorted.put(path, count.get()));
    return sorted;
  }
}
