package dev.homeenergy.device.sunpower;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds samples for one render call: with the device's own time when asked for, and only the first
 * of a series repeated with the same labels (two DeviceList entries with one serial would
 * otherwise make an exposition Prometheus rejects).
 */
final class SeriesWriter {
  private final Samples.Builder out;
  private final boolean useDeviceTimestamps;
  private final Set<List<Object>> seen = new HashSet<>();

  SeriesWriter(Samples.Builder out, boolean useDeviceTimestamps) {
    this.out = out;
    this.useDeviceTimestamps = useDeviceTimestamps;
  }

  /** Adds a sample; {@code timeMillis} (the device's DATATIME) is used only when timestamps are on. */
  void add(MetricFamily family, Labels labels, double value, Long timeMillis) {
    if (!seen.add(List.of(family.name(), labels))) {
      return;
    }
    if (useDeviceTimestamps && timeMillis != null) {
      out.addAt(family, labels, value, timeMillis);
    } else {
      out.add(family, labels, value);
    }
  }

  /** Adds {@code value × factor} when the value is present. */
  void addScaled(MetricFamily family, Labels labels, Double value, double factor, Long timeMillis) {
    if (value != null) {
      add(family, labels, value * factor, timeMillis);
    }
  }
}
