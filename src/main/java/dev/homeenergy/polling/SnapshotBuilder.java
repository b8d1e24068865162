package dev.homeenergy.polling;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Sample;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups samples of many devices by family name (in first-seen order) into client_java snapshots.
 * A sample whose family type clashes with an earlier one, whose labels repeat an earlier sample's,
 * or a counter sample below zero (client_java rejects it while writing the scrape) is refused, so
 * one odd reading can never make a whole scrape fail. Not thread-safe:
 * one per scrape.
 */
public final class SnapshotBuilder {
  private final Map<String, Family> byName = new LinkedHashMap<>();

  /** Adds a sample; false when it was refused as a type clash, a duplicate series or a negative counter. */
  public boolean add(MetricFamily family, Labels labels, double value) {
    return add(family, labels, value, null);
  }

  /** Adds a sample with an optional device timestamp (Unix ms); false when refused. */
  public boolean add(MetricFamily family, Labels labels, double value, Long timestampMillis) {
    Family existing = byName.computeIfAbsent(family.name(), n -> new Family(family));
    if (!existing.metadata.type().equals(family.type())) {
      return false;
    }
    if (family.type() == MetricFamily.Type.COUNTER && value < 0) {
      return false;
    }
    if (!existing.seen.add(labels)) {
      return false;
    }
    existing.points.add(new Point(labels, value, timestampMillis));
    return true;
  }

  public boolean add(Sample sample) {
    return add(sample.family(), sample.labels(), sample.value(), sample.timestampMillis());
  }

  public MetricSnapshots build() {
    MetricSnapshots.Builder result = MetricSnapshots.builder();
    for (Family family : byName.values()) {
      result.metricSnapshot(family.snapshot());
    }
    return result.build();
  }

  private record Point(Labels labels, double value, Long timestampMillis) {}

  private static final class Family {
    final MetricFamily metadata;
    final Set<Labels> seen = new HashSet<>();
    final List<Point> points = new ArrayList<>();

    Family(MetricFamily metadata) {
      this.metadata = metadata;
    }

    MetricSnapshot snapshot() {
      Unit unit = metadata.unit() == null ? null : new Unit(metadata.unit());
      return switch (metadata.type()) {
        case GAUGE -> {
          GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(metadata.name()).help(metadata.help()).unit(unit);
          points.forEach(p -> b.dataPoint(
              withTime(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(p.labels()).value(p.value()), p).build()));
          yield b.build();
        }
        case COUNTER -> {
          CounterSnapshot.Builder b =
              CounterSnapshot.builder().name(metadata.name()).help(metadata.help()).unit(unit);
          points.forEach(p -> b.dataPoint(
              withTime(CounterSnapshot.CounterDataPointSnapshot.builder().labels(p.labels()).value(p.value()), p).build()));
          yield b.build();
        }
        case INFO -> {
          InfoSnapshot.Builder b = InfoSnapshot.builder().name(metadata.name()).help(metadata.help());
          points.forEach(p -> b.dataPoint(withTime(InfoSnapshot.InfoDataPointSnapshot.builder().labels(p.labels()), p).build()));
          yield b.build();
        }
      };
    }

    private static <B extends io.prometheus.metrics.model.snapshots.DataPointSnapshot.Builder<B>> B withTime(
        B builder, Point point) {
      return point.timestampMillis() == null ? builder : builder.scrapeTimestampMillis(point.timestampMillis());
    }
  }
}