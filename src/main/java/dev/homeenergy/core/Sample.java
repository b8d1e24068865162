package dev.homeenergy.core;

import io.prometheus.metrics.model.snapshots.Labels;

/**
 * One value of one family with its labels, as rendered from a reading.
 *
 * @param timestampMillis when the device measured it (Unix ms), or null to let Prometheus use the
 *     scrape time; only set when a user asked for device timestamps
 */
public record Sample(MetricFamily family, Labels labels, double value, Long timestampMillis) {

  public Sample(MetricFamily family, Labels labels, double value) {
    this(family, labels, value, null);
  }
}
