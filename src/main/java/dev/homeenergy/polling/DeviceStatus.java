package dev.homeenergy.polling;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one device after its latest poll: the last good samples and its health.
 * Immutable; the poller replaces it after each poll and scrapes read whichever is current.
 *
 * @param config the device's configuration
 * @param samples samples rendered from the last successful poll (empty before the first)
 * @param lastSuccess when the last successful poll finished, or null
 * @param lastAttempt when the last poll finished, or null before the first
 * @param lastPollDuration how long the last poll took
 * @param up whether the last poll succeeded
 * @param lastError message of the most recent failure, or null if it never failed
 * @param lastErrorAt when that failure happened, or null
 * @param polls number of polls made
 * @param errors failed polls by reason; every reason is present
 * @param consecutiveFailures failures since the last success
 * @param endpointErrors failures of single endpoints within successful polls, by endpoint and
 *     reason
 * @param summary the last successful reading's line for the landing page, or null
 * @param highlights the last successful reading's values for the status page's summary
 */
public record DeviceStatus(
    DeviceConfig config,
    Samples samples,
    Instant lastSuccess,
    Instant lastAttempt,
    Duration lastPollDuration,
    boolean up,
    String lastError,
    Instant lastErrorAt,
    long polls,
    Map<FailureReason, Long> errors,
    int consecutiveFailures,
    Map<EndpointError, Long> endpointErrors,
    String summary,
    Highlights highlights) {

  /** Key of {@link #endpointErrors()}. */
  public record EndpointError(String endpoint, FailureReason reason) {}

  public DeviceStatus {
    errors = Map.copyOf(errors);
    endpointErrors = Map.copyOf(endpointErrors);
  }

  /** The status of a device that has not been polled yet. */
  public static DeviceStatus initial(DeviceConfig config) {
    Map<FailureReason, Long> zero = new EnumMap<>(FailureReason.class);
    for (FailureReason reason : FailureReason.values()) {
      zero.put(reason, 0L);
    }
    return new DeviceStatus(
        config,
        Samples.empty(),
        null,
        null,
        Duration.ZERO,
        false,
        null,
        null,
        0,
        zero,
        0,
        Map.of(),
        null,
        Highlights.NONE);
  }

  public DeviceStatus succeeded(Instant at, Duration took, Samples newSamples) {
    return succeeded(at, took, newSamples, List.of(), null);
  }

  /** A successful poll in which the given endpoints failed on their own. */
  public DeviceStatus succeeded(
      Instant at,
      Duration took,
      Samples newSamples,
      List<EndpointFailure> endpointFailures,
      String newSummary) {
    return succeeded(at, took, newSamples, endpointFailures, newSummary, Highlights.NONE);
  }

  /** A successful poll, with the reading's line and highlights for the status page. */
  public DeviceStatus succeeded(
      Instant at,
      Duration took,
      Samples newSamples,
      List<EndpointFailure> endpointFailures,
      String newSummary,
      Highlights newHighlights) {
    Map<EndpointError, Long> counted = endpointErrors;
    if (!endpointFailures.isEmpty()) {
      counted = new java.util.HashMap<>(endpointErrors);
      for (EndpointFailure failure : endpointFailures) {
        counted.merge(new EndpointError(failure.endpoint(), failure.reason()), 1L, Long::sum);
      }
    }
    return new DeviceStatus(
        config,
        newSamples,
        at,
        at,
        took,
        true,
        lastError,
        lastErrorAt,
        polls + 1,
        errors,
        0,
        counted,
        newSummary,
        newHighlights);
  }

  public DeviceStatus failed(Instant at, Duration took, FailureReason reason, String message) {
    Map<FailureReason, Long> counted = new EnumMap<>(errors);
    counted.merge(reason, 1L, Long::sum);
    return new DeviceStatus(
        config,
        samples,
        lastSuccess,
        at,
        took,
        false,
        message,
        at,
        polls + 1,
        counted,
        consecutiveFailures + 1,
        endpointErrors,
        summary,
        highlights);
  }

  /** Whether the device has been polled at least once, successfully or not. */
  public boolean polledOnce() {
    return lastAttempt != null;
  }

  /** Whether the last good samples are recent enough to export at {@code now}. */
  public boolean fresh(Instant now) {
    return lastSuccess != null && !now.isAfter(lastSuccess.plus(config.staleAfter()));
  }
}
