package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Sample;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders samples to the Prometheus text format through client_java, the way the exporter will, so
 * tests prove client_java accepts our names, units and label values. Test-only stand-in for the
 * core's exposition.
 */
final class NamingExposition {
  private NamingExposition() {}

  static String render(List<Sample> samples) {
    Map<MetricFamily, List<Sample>> byFamily = new LinkedHashMap<>();
    for (Sample sample : samples) {
      byFamily.computeIfAbsent(sample.family(), f -> new java.util.ArrayList<>()).add(sample);
    }
    MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
    byFamily.forEach((family, list) -> snapshots.metricSnapshot(snapshot(family, list)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PrometheusTextFormatWriter(false).write(out, snapshots.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static MetricSnapshot snapshot(MetricFamily family, List<Sample> samples) {
    Unit unit = family.unit() == null ? null : new Unit(family.unit());
    return switch (family.type()) {
      case GAUGE -> {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family.name()).help(family.help()).unit(unit);
        samples.forEach(
            s -> b.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(s.labels()).value(s.value()).build()));
        yield b.build();
      }
      case COUNTER -> {
        CounterSnapshot.Builder b =
            CounterSnapshot.builder().name(family.name()).help(family.help()).unit(unit);
        samples.forEach(
            s -> b.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder().labels(s.labels()).value(s.value()).build()));
        yield b.build();
      }
      case INFO -> {
        InfoSnapshot.Builder b = InfoSnapshot.builder().name(family.name()).help(family.help());
        samples.forEach(
            s -> b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(s.labels()).build()));
        yield b.build();
      }
    };
  }
}
