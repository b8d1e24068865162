package dev.homeenergy.device.tesla.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Billed Fleet API requests by kind at the pay-per-use prices of fleet.md §9: {@code data} 500/$1,
 * {@code wake} 50/$1, {@code command} 1,000/$1, {@code streaming_signal} 150,000/$1. As Tesla bills
 * every answer with status below 500, 408 and 429 answers cost money too; 5xx answers and the auth
 * endpoints do not. The monthly $10 discount is not applied.
 */
public final class FleetSimulatorBilling {
  public static final String DATA = "data";
  public static final String WAKE = "wake";
  public static final String COMMAND = "command";
  public static final String STREAMING_SIGNAL = "streaming_signal";

  private static final Map<String, BigDecimal> PRICES =
      Map.of(
          DATA, BigDecimal.ONE.divide(BigDecimal.valueOf(500)),
          WAKE, BigDecimal.ONE.divide(BigDecimal.valueOf(50)),
          COMMAND, BigDecimal.ONE.divide(BigDecimal.valueOf(1_000)),
          STREAMING_SIGNAL,
              BigDecimal.ONE.divide(BigDecimal.valueOf(150_000), 12, RoundingMode.HALF_UP));

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  /** Bills one request of {@code kind} if {@code status} is billable (below 500). */
  public void bill(String kind, int status) {
    if (!PRICES.containsKey(kind)) {
      throw new IllegalArgumentException("unknown billing kind " + kind);
    }
    if (status < 500) {
      counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }
  }

  public long requests(String kind) {
    AtomicLong count = counts.get(kind);
    return count == null ? 0 : count.get();
  }

  /** Billed requests per kind, sorted by kind. */
  public Map<String, Long> all() {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((kind, count) -> sorted.put(kind, count.get()));
    return sorted;
  }

  /** The spend so far in dollars, unrounded. */
  public double dollars() {
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, AtomicLong> entry : counts.entrySet()) {
      total =
          total.add(
              PRICES.get(entry.getKey()).multiply(BigDecimal.valueOf(entry.getValue().get())));
    }
    return total.doubleValue();
  }
}
