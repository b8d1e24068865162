package dev.homeenergy.config;

import java.time.Duration;

/**
 * How devices are polled when Prometheus reads them per target from {@code /probe?target=NAME}.
 *
 * @param onDemand false (the default): every device is polled from the start and also appears on
 *     the telemetry path; true: a device is polled only once a probe has asked for it, its metrics
 *     are served only on {@code /probe}, and the telemetry path carries just the exporter's own
 *     metrics (the set-up for sharding a fleet across exporter instances)
 * @param idleAfter with {@code onDemand}, a device no probe has asked for in this long stops being
 *     polled until the next probe
 */
public record ProbeConfig(boolean onDemand, Duration idleAfter) {
  public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(10);

  public static ProbeConfig defaults() {
    return new ProbeConfig(false, DEFAULT_IDLE_AFTER);
  }
}
