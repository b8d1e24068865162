package dev.homeenergy.core;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.List;

/** The immutable samples a naming rendered from one reading. */
public record Samples(List<Sample> list) {

  public Samples {
    list = List.copyOf(list);
  }

  public static Samples empty() {
    return new Samples(List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What {@code naming} renders from {@code reading} for the device named {@code deviceName}. */
  public static <R extends Reading> Samples rendered(Naming<R> naming, R reading, String deviceName) {
    Builder out = builder();
    naming.render(reading, deviceName, out);
    return out.build();
  }

  /** Collects samples while a naming renders a reading. Not thread-safe; used by one poll. */
  public static final class Builder {
    private final List<Sample> samples = new ArrayList<>();

    public Builder add(MetricFamily family, Labels labels, double value) {
      samples.add(new Sample(family, labels, value));
      return this;
    }

    /** Adds a sample carrying the device's own measurement time (Unix ms). */
    public Builder addAt(MetricFamily family, Labels labels, double value, long timestampMillis) {
      samples.add(new Sample(family, labels, value, timestampMillis));
      return this;
    }

    /** Adds a sample only when the source field was present. */
    public Builder addIfPresent(MetricFamily family, Labels labels, Number value) {
      if (value != null) {
        add(family, labels, value.doubleValue());
      }
      return this;
    }

    /** Adds a 0/1 sample only when the source field was present. */
    public Builder addIfPresent(MetricFamily family, Labels labels, Boolean value) {
      if (value != null) {
        add(family, labels, value ? 1 : 0);
      }
      return this;
    }

    /** Adds an info sample (value 1) whose labels carry the text values. */
    public Builder info(MetricFamily family, Labels labels) {
      return add(family, labels, 1);
    }

    public Samples build() {
      return new Samples(samples);
    }
  }
}
