package dev.homeenergy.polling;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Sample;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups samples of many devices by family name (in first-seen order) into client_java snapshots. A
 * sample whose family type clashes with an earlier one, a counter sample below zero (client_java
 * rejects it while writing the scrape) or a repeat of an earlier sample's series (two compat
 * devices of one family have no label that tells them apart; the first wins, by {@link
 * Samples.Builder}'s rule) is refused, so one odd reading can never make a whole scrape fail. Not
 * thread-safe: one per scrape.
 */
public final class SnapshotBuilder {
  private final Map<String, MetricFamily> byName = new LinkedHashMap<>();
  private final Samples.Builder accepted = Samples.builder();

  /**
   * Adds a sample; false when it was refused as a type clash, a duplicate series or a negative
   * counter.
   */
  public boolean add(MetricFamily family, Labels labels, double value) {
    return add(new Sample(family, labels, value));
  }

  /** Adds a sample with an optional device timestamp (Unix ms); false when refused. */
  public boolean add(MetricFamily family, Labels labels, double value, Long timestampMillis) {
    return add(new Sample(family, labels, value, timestampMillis));
  }

  public boolean add(Sample sample) {
    MetricFamily family = sample.family();
    MetricFamily first = byName.computeIfAbsent(family.name(), n -> family);
    if (!first.type().equals(family.type())) {
      return false;
    }
    if (family.type() == MetricFamily.Type.COUNTER && sample.value() < 0) {
      return false;
    }
    return accepted.offer(sample);
  }

  public MetricSnapshots build() {
    Map<String, Family> families = new LinkedHashMap<>();
    byName.forEach((name, metadata) -> families.put(name, new Family(metadata)));
    for (Sample sample : accepted.build().list()) {
      families.get(sample.family().name()).points.add(sample);
    }
    MetricSnapshots.Builder result = MetricSnapshots.builder();
    for (Family family : families.values()) {
      result.metricSnapshot(family.snapshot());
    }
    return result.build();
  }

  private static final class Family {
    final MetricFamily metadata;
    final List<Sample> points = new ArrayList<>();

    Family(MetricFamily metadata) {
      this.metadata = metadata;
    }

    MetricSnapshot snapshot() {
      Unit unit = metadata.unit() == null ? null : new Unit(metadata.unit());
      return switch (metadata.type()) {
        case GAUGE -> {
          GaugeSnapshot.Builder b =
              GaugeSnapshot.builder().name(metadata.name()).help(metadata.help()).unit(unit);
          points.forEach(
              p ->
                  b.dataPoint(
                      withTime(
                              GaugeSnapshot.GaugeDataPointSnapshot.builder()
                                  .labels(p.labels())
                                  .value(p.value()),
                              p)
                          .build()));
          yield b.build();
        }
        case COUNTER -> {
          CounterSnapshot.Builder b =
              CounterSnapshot.builder().name(metadata.name()).help(metadata.help()).unit(unit);
          points.forEach(
              p ->
                  b.dataPoint(
                      withTime(
                              CounterSnapshot.CounterDataPointSnapshot.builder()
                                  .labels(p.labels())
                                  .value(p.value()),
                              p)
                          .build()));
          yield b.build();
        }
        case INFO -> {
          InfoSnapshot.Builder b =
              InfoSnapshot.builder().name(metadata.name()).help(metadata.help());
          points.forEach(
              p ->
                  b.dataPoint(
                      withTime(InfoSnapshot.InfoDataPointSnapshot.builder().labels(p.labels()), p)
                          .build()));
          yield b.build();
        }
      };
    }

    private static <B extends io.prometheus.metrics.model.snapshots.DataPointSnapshot.Builder<B>>
        B withTime(B builder, Sample point) {
      return point.timestampMillis() == null
          ? builder
          : builder.scrapeTimestampMillis(point.timestampMillis());
    }
  }
}
