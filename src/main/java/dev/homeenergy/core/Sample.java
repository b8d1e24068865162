package dev.homeenergy.core;

import io.prometheus.metrics.model.snapshots.Labels;

/** One value of one family with its labels, as rendered from a reading. */
public record Sample(MetricFamily family, Labels labels, double value) {}
