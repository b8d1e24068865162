package dev.homeenergy.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.Samples;
import dev.homeenergy.testing.FakeFamily;
import dev.homeenergy.testing.MutableClock;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExporterCollectorTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final BuildInfo build = new BuildInfo("1.2.3", "abc123", "17");
  private final DeviceConfig a =
      FakeFamily.device("a", Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(50));
  private final DeviceConfig b =
      FakeFamily.device("b", Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(50));

  private static Samples watts(String device, double value) {
    return Samples.builder().add(FakeFamily.WATTS, Labels.of("device", device), value).build();
  }

  private static Optional<MetricSnapshot> family(MetricSnapshots snapshots, String name) {
    return snapshots.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
  }

  private static double gauge(MetricSnapshots snapshots, String name, Labels labels) {
    GaugeSnapshot gauge = (GaugeSnapshot) family(snapshots, name).orElseThrow();
    return gauge.getDataPoints().stream()
        .filter(p -> p.getLabels().equals(labels))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  @Test
  void beforeAnyPollDevicesAreDownWithEveryReasonAtZero() {
    SnapshotStore store = new SnapshotStore(List.of(a));
    MetricSnapshots snapshots = new ExporterCollector(store, clock, build).collect();

    assertThat(
            gauge(
                snapshots,
                "home_energy_exporter_device_up",
                Labels.of("device", "a", "type", "fake")))
        .isZero();
    CounterSnapshot errors =
        (CounterSnapshot)
            family(snapshots, "home_energy_exporter_device_poll_errors").orElseThrow();
    assertThat(errors.getDataPoints())
        .hasSize(FailureReason.values().length)
        .allSatisfy(p -> assertThat(p.getValue()).isZero());
    assertThat(errors.getDataPoints())
        .extracting(p -> p.getLabels().get("reason"))
        .contains("timeout", "connect", "http_status", "parse");
    assertThat(family(snapshots, "home_energy_exporter_device_last_success_timestamp_seconds"))
        .isEmpty();
    assertThat(family(snapshots, "fake_power_watts")).isEmpty();
    assertThat(family(snapshots, "home_energy_exporter_build").orElseThrow().getDataPoints())
        .extracting(DataPointSnapshot::getLabels)
        .containsExactly(Labels.of("java_version", "17", "revision", "abc123", "version", "1.2.3"));
  }

  @Test
  void samplesOfSeveralDevicesMergeIntoOneFamily() {
    SnapshotStore store = new SnapshotStore(List.of(a, b));
    store.update("a", s -> s.succeeded(clock.instant(), Duration.ofMillis(12), watts("a", 1)));
    store.update("b", s -> s.succeeded(clock.instant(), Duration.ofMillis(12), watts("b", 2)));

    MetricSnapshots snapshots = new ExporterCollector(store, clock, build).collect();

    assertThat(gauge(snapshots, "fake_power_watts", Labels.of("device", "a"))).isEqualTo(1);
    assertThat(gauge(snapshots, "fake_power_watts", Labels.of("device", "b"))).isEqualTo(2);
    assertThat(
            gauge(
                snapshots,
                "home_energy_exporter_device_poll_duration_seconds",
                Labels.of("device", "a", "type", "fake")))
        .isEqualTo(0.012);
    assertThat(
            gauge(
                snapshots,
                "home_energy_exporter_device_last_success_timestamp_seconds",
                Labels.of("device", "a", "type", "fake")))
        .isEqualTo(clock.instant().getEpochSecond());
  }

  @Test
  void readingsOlderThanStaleAfterAreDroppedButHealthRemains() {
    SnapshotStore store = new SnapshotStore(List.of(a, b));
    store.update("a", s -> s.succeeded(clock.instant(), Duration.ZERO, watts("a", 1)));
    store.update("b", s -> s.succeeded(clock.instant(), Duration.ZERO, watts("b", 2)));
    ExporterCollector collector = new ExporterCollector(store, clock, build);

    clock.advance(Duration.ofSeconds(20));
    store.update(
        "a",
        s -> s.failed(clock.instant(), Duration.ZERO, FailureReason.TIMEOUT, "vitals: timed out"));
    store.update("b", s -> s.succeeded(clock.instant(), Duration.ZERO, watts("b", 3)));
    clock.advance(Duration.ofSeconds(30));
    MetricSnapshots atLimit = collector.collect();
    assertThat(gauge(atLimit, "fake_power_watts", Labels.of("device", "a"))).isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    MetricSnapshots stale = collector.collect();
    assertThat(family(stale, "fake_power_watts").orElseThrow().getDataPoints())
        .extracting(DataPointSnapshot::getLabels)
        .containsExactly(Labels.of("device", "b"));
    assertThat(
            gauge(
                stale, "home_energy_exporter_device_up", Labels.of("device", "a", "type", "fake")))
        .isZero();
    CounterSnapshot errors =
        (CounterSnapshot) family(stale, "home_energy_exporter_device_poll_errors").orElseThrow();
    assertThat(errors.getDataPoints())
        .filteredOn(
            p ->
                p.getLabels().equals(Labels.of("device", "a", "type", "fake", "reason", "timeout")))
        .singleElement()
        .satisfies(p -> assertThat(p.getValue()).isEqualTo(1));
  }

  @Test
  void deviceTimestampsReachTheExposition() throws Exception {
    SnapshotStore store = new SnapshotStore(List.of(a));
    Samples timed =
        Samples.builder()
            .addAt(FakeFamily.WATTS, Labels.of("device", "a"), 5, 1_795_000_000_000L)
            .build();
    store.update("a", s -> s.succeeded(clock.instant(), Duration.ZERO, timed));

    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.builder()
        .setTimestampsInMs(true)
        .build()
        .write(out, new ExporterCollector(store, clock, build).collect());

    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("fake_power_watts{device=\"a\"} 5.0 1795000000000");
  }
}
