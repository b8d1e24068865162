package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds samples to a builder, keeping only the first of any series repeated with the same family
 * and labels. Two battery blocks or meters can share one serial (seen in captures), which would
 * otherwise make an exposition Prometheus rejects. Used by one render call.
 */
final class UniqueSamples {
  private final Samples.Builder out;
  private final Set<List<Object>> seen = new HashSet<>();

  UniqueSamples(Samples.Builder out) {
    this.out = out;
  }

  void add(MetricFamily family, Labels labels, double value) {
    if (seen.add(List.of(family.name(), labels))) {
      out.add(family, labels, value);
    }
  }

  void addIfPresent(MetricFamily family, Labels labels, Double value) {
    if (value != null) {
      add(family, labels, value);
    }
  }

  void addIfPresent(MetricFamily family, Labels labels, Boolean value) {
    if (value != null) {
      add(family, labels, value ? 1 : 0);
    }
  }

  /** Adds {@code value × factor} when the value is present. */
  void addScaled(MetricFamily family, Labels labels, Double value, double factor) {
    if (value != null) {
      add(family, labels, value * factor);
    }
  }
}
