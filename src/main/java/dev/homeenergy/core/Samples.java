package dev.homeenergy.core;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
  public static <R extends Reading> Samples rendered(
      Naming<R> naming, R reading, String deviceName) {
    Builder out = builder();
    naming.render(reading, deviceName, out);
    return out.build();
  }

  /**
   * Collects samples while a naming renders a reading. The first sample of a series (family name
   * and labels) wins and later ones are dropped without a word: two battery blocks, meters or PVS
   * devices can share one serial (seen in captures), and a repeated series would make an exposition
   * Prometheus rejects. An infinite value is left out as absent, like a missing field: a device
   * that sends {@code 1e400} (which JSON parsers read as infinity) or a scaled value that overflows
   * has not measured anything. NaN reaching {@link #add} stays, as the compatibility namings use it
   * for an absent field; the {@code addScaled} and {@code addIfPresent} forms, which take a
   * device's field, leave NaN out too. Not thread-safe; used by one poll.
   */
  public static final class Builder {
    private final List<Sample> samples = new ArrayList<>();
    private final Set<Series> seen = new HashSet<>();

    /**
     * Adds a sample unless its value is infinite or its series is already in; false when it was
     * dropped.
     */
    public boolean offer(Sample sample) {
      if (Double.isInfinite(sample.value())) {
        return false;
      }
      if (!seen.add(new Series(sample.family().name(), sample.labels()))) {
        return false;
      }
      samples.add(sample);
      return true;
    }

    public Builder add(MetricFamily family, Labels labels, double value) {
      offer(new Sample(family, labels, value));
      return this;
    }

    /**
     * Adds a sample carrying the device's own measurement time (Unix ms), or none when {@code
     * timestampMillis} is null.
     */
    public Builder addAt(MetricFamily family, Labels labels, double value, Long timestampMillis) {
      offer(new Sample(family, labels, value, timestampMillis));
      return this;
    }

    /** Adds {@code value × factor} only when the source field was present and a number. */
    public Builder addScaled(MetricFamily family, Labels labels, Double value, double factor) {
      if (value != null && !value.isNaN()) {
        add(family, labels, value * factor);
      }
      return this;
    }

    /** Adds a sample only when the source field was present and a number. */
    public Builder addIfPresent(MetricFamily family, Labels labels, Number value) {
      if (value != null && !Double.isNaN(value.doubleValue())) {
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

    private record Series(String familyName, Labels labels) {}
  }
}
