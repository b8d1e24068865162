package dev.homeenergy.polling;

import java.time.Duration;

/**
 * Delay before the next poll of a failing device: doubling from {@code base}, capped at {@code
 * max}, spread by ±{@code jitter} so devices that failed together do not retry in step. Polling the
 * device less while it is away spares its Wi-Fi, our sockets and the log.
 */
public record Backoff(Duration base, Duration max, double jitter) {
  /** Longest wait between two attempts at a failing device (unless its interval is longer). */
  public static final Duration DEFAULT_CAP = Duration.ofMinutes(1);

  /** A fast-polled device waits at most this many intervals between attempts. */
  public static final int MAX_INTERVALS = 10;

  public Backoff {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got " + base + ", " + max);
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
    }
  }

  /**
   * Back-off for a device polled every {@code interval}: starts at the interval and caps at ten
   * intervals or a minute, whichever is shorter (but never below the interval itself), so a device
   * that comes back is seen again within a minute.
   */
  public static Backoff forInterval(Duration interval) {
    Duration tenIntervals = interval.multipliedBy(MAX_INTERVALS);
    Duration cap = tenIntervals.compareTo(DEFAULT_CAP) < 0 ? tenIntervals : DEFAULT_CAP;
    return new Backoff(interval, cap.compareTo(interval) < 0 ? interval : cap, 0.2);
  }

  /**
   * @param consecutiveFailures failures in a row so far, at least 1
   * @param random a uniform number in [0, 1) choosing where in the jitter band the delay falls
   */
  public Duration delayAfter(int consecutiveFailures, double random) {
    int doublings = Math.max(0, Math.min(consecutiveFailures - 1, 30));
    double nanos = Math.min((double) base.toNanos() * (1L << doublings), (double) max.toNanos());
    double spread = 1 - jitter + 2 * jitter * random;
    return Duration.ofNanos((long) (nanos * spread));
  }
}
