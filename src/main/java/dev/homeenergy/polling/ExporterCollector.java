package dev.homeenergy.polling;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Sample;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds the whole exposition at scrape time from the {@link SnapshotStore}: the exporter's own
 * health metrics for every device, plus the last good samples of every device whose readings are
 * still fresh. It never talks to a device, so a scrape never waits on one.
 */
public final class ExporterCollector implements MultiCollector {
  static final String PREFIX = "home_energy_exporter_";

  static final MetricFamily BUILD_INFO =
      MetricFamily.info(
          PREFIX + "build",
          "Version and revision of home-energy-exporter and the Java runtime it runs on.");
  static final MetricFamily UP =
      MetricFamily.gauge(
          PREFIX + "device_up",
          "1 if the last poll of the device succeeded, 0 if it failed or has not happened yet.");
  static final MetricFamily POLL_DURATION =
      MetricFamily.gauge(
          PREFIX + "device_poll_duration_seconds",
          "seconds",
          "How long the last poll of the device took.");
  static final MetricFamily POLLS =
      MetricFamily.counter(PREFIX + "device_polls", "Polls of the device, successful or not.");
  static final MetricFamily POLL_ERRORS =
      MetricFamily.counter(
          PREFIX + "device_poll_errors",
          "Failed polls of the device by reason (timeout, connect, http_status, parse, auth, rate_limited, internal).");
  static final MetricFamily ENDPOINT_ERRORS =
      MetricFamily.counter(
          PREFIX + "device_endpoint_errors",
          "Endpoints that failed on their own while the rest of the poll succeeded, by endpoint and reason; "
              + "only that endpoint's metrics are missing.");
  static final MetricFamily LAST_SUCCESS =
      MetricFamily.gauge(
          PREFIX + "device_last_success_timestamp_seconds",
          "seconds",
          "Unix time of the last successful poll. Readings are polled in the background and "
              + "cached; a device's readings are dropped once this is older than its stale_after.");

  private final SnapshotStore store;
  private final Clock clock;
  private final BuildInfo build;
  private final boolean devicesOnMetrics;

  /** A collector whose {@link #collect()} carries every device. */
  public ExporterCollector(SnapshotStore store, Clock clock, BuildInfo build) {
    this(store, clock, build, true);
  }

  /**
   * @param devicesOnMetrics whether {@link #collect()} (the telemetry path) carries the devices'
   *     health and readings; false when devices are only served per target on {@code /probe}
   */
  public ExporterCollector(
      SnapshotStore store, Clock clock, BuildInfo build, boolean devicesOnMetrics) {
    this.store = store;
    this.clock = clock;
    this.build = build;
    this.devicesOnMetrics = devicesOnMetrics;
  }

  @Override
  public MetricSnapshots collect() {
    SnapshotBuilder families = new SnapshotBuilder();
    families.add(
        BUILD_INFO,
        Labels.of(
            "version",
            build.version(),
            "revision",
            build.revision(),
            "java_version",
            build.javaVersion()),
        1);
    if (devicesOnMetrics) {
      addDevices(families, store.all());
    }
    return families.build();
  }

  /**
   * One device's health and fresh readings and nothing else: the answer to {@code /probe} (the
   * exporter's own metrics stay on the telemetry path, as in the multi-target exporter pattern).
   *
   * @throws IllegalArgumentException when no device has that name
   */
  public MetricSnapshots collectDevice(String deviceName) {
    DeviceStatus status =
        store
            .get(deviceName)
            .orElseThrow(() -> new IllegalArgumentException("unknown device " + deviceName));
    SnapshotBuilder families = new SnapshotBuilder();
    addDevices(families, List.of(status));
    return families.build();
  }

  private void addDevices(SnapshotBuilder families, List<DeviceStatus> statuses) {
    Instant now = clock.instant();
    for (DeviceStatus status : statuses) {
      DeviceConfig device = status.config();
      Labels labels = Labels.of("device", device.name(), "type", device.type());
      families.add(UP, labels, status.up() ? 1 : 0);
      families.add(POLL_DURATION, labels, status.lastPollDuration().toNanos() / 1e9);
      families.add(POLLS, labels, status.polls());
      for (Map.Entry<FailureReason, Long> error : status.errors().entrySet()) {
        families.add(POLL_ERRORS, labels.add("reason", error.getKey().label()), error.getValue());
      }
      status.endpointErrors().entrySet().stream()
          .sorted(
              java.util.Comparator.comparing(
                      (Map.Entry<DeviceStatus.EndpointError, Long> e) -> e.getKey().endpoint())
                  .thenComparing(e -> e.getKey().reason()))
          .forEach(
              e ->
                  families.add(
                      ENDPOINT_ERRORS,
                      labels
                          .add("endpoint", e.getKey().endpoint())
                          .add("reason", e.getKey().reason().label()),
                      e.getValue()));
      if (status.lastSuccess() != null) {
        families.add(LAST_SUCCESS, labels, status.lastSuccess().toEpochMilli() / 1000.0);
      }
    }
    for (DeviceStatus status : statuses) {
      if (status.fresh(now)) {
        for (Sample sample : status.samples().list()) {
          families.add(sample);
        }
      }
    }
  }
}
