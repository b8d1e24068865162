package dev.homeenergy.device.sunpower;

import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.PollException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The body of an endpoint read only now and then (Get_Comm, GridProfileGet, supervisor/info): read
 * at the first poll and then once per {@code maxAge}, its last good body reused in between. A read
 * that fails becomes an {@link EndpointFailure} and is not retried before {@code maxAge} has passed
 * unless the caller forces it.
 */
final class RefreshedBody {
  /** Reads the endpoint once. */
  @FunctionalInterface
  interface Source {
    String read() throws PollException;
  }

  private final String endpoint;
  private final Duration maxAge;
  private Instant attemptedAt;
  private String lastGood;

  RefreshedBody(String endpoint, Duration maxAge) {
    this.endpoint = endpoint;
    this.maxAge = maxAge;
  }

  /**
   * Reads the endpoint when it is due (or {@code force}), noting a failure in {@code failures}, and
   * returns the last good body, or null when there never was one.
   */
  String refresh(Instant now, Source source, List<EndpointFailure> failures, boolean force) {
    if (force || attemptedAt == null || Duration.between(attemptedAt, now).compareTo(maxAge) >= 0) {
      attemptedAt = now;
      try {
        lastGood = source.read();
      } catch (PollException e) {
        failures.add(new EndpointFailure(endpoint, e.reason(), e.getMessage()));
      }
    }
    return lastGood;
  }
}
