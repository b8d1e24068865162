package dev.homeenergy.device.sunpower;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Adds samples for one render call with the device's own time (DATATIME) when the user asked for
 * device timestamps, and without it otherwise. Repeated series are dropped by {@link
 * Samples.Builder}.
 */
final class TimedSamples {
  private final Samples.Builder out;
  private final boolean useDeviceTimestamps;

  TimedSamples(Samples.Builder out, boolean useDeviceTimestamps) {
    this.out = out;
    this.useDeviceTimestamps = useDeviceTimestamps;
  }

  /**
   * Adds a sample; {@code timeMillis} (the device's DATATIME) is used only when timestamps are on.
   */
  void add(MetricFamily family, Labels labels, double value, Long timeMillis) {
    out.addAt(family, labels, value, useDeviceTimestamps ? timeMillis : null);
  }

  /** Adds {@code value × factor} when the value is present. */
  void addScaled(MetricFamily family, Labels labels, Double value, double factor, Long timeMillis) {
    if (value != null) {
      add(family, labels, value * factor, timeMillis);
    }
  }
}
