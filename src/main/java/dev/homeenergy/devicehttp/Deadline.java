package dev.homeenergy.devicehttp;

import java.time.Duration;

/**
 * A point in real (monotonic) time by which a poll must be done. Simulated clocks never shorten or
 * stretch a deadline.
 */
public record Deadline(long nanoTime) {

  public static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
  }

  public boolean expired() {
    return System.nanoTime() - nanoTime >= 0;
  }
}
