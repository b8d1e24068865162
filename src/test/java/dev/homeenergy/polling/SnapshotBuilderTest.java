package dev.homeenergy.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.testing.ExpositionSyntax;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {
  private static final MetricFamily ENERGY = MetricFamily.counter("fake_energy_joules", "Energy.");

  /**
   * Found by the mapper property tests: one device's negative counter made client_java fail the
   * whole scrape.
   */
  @Test
  void aNegativeCounterIsRefusedAndTheRestIsWritten() throws IOException {
    SnapshotBuilder builder = new SnapshotBuilder();
    assertThat(builder.add(ENERGY, Labels.of("device", "a"), -1.5)).isFalse();
    assertThat(builder.add(ENERGY, Labels.of("device", "b"), 7)).isTrue();
    assertThat(builder.add(ENERGY, Labels.of("device", "c"), Double.NaN)).isTrue();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusTextFormatWriter(false).write(out, builder.build());
    String text = out.toString(StandardCharsets.UTF_8);
    ExpositionSyntax.assertValid(text);
    assertThat(text)
        .contains("fake_energy_joules_total{device=\"b\"} 7.0")
        .doesNotContain("device=\"a\"");
  }

  @Test
  void aTypeClashOrARepeatedSeriesAcrossDevicesIsRefusedAndTheFirstWins() {
    SnapshotBuilder builder = new SnapshotBuilder();
    MetricFamily energyAsGauge = MetricFamily.gauge("fake_energy_joules", "Energy.");
    assertThat(builder.add(ENERGY, Labels.EMPTY, 5)).isTrue();
    assertThat(builder.add(ENERGY, Labels.EMPTY, 6)).isFalse();
    assertThat(builder.add(energyAsGauge, Labels.of("device", "b"), 7)).isFalse();

    String text = render(builder);
    assertThat(text)
        .contains("fake_energy_joules_total 5.0")
        .doesNotContain("6.0")
        .doesNotContain("7.0");
  }

  @Test
  void aRefusedNegativeCounterDoesNotClaimItsSeries() {
    SnapshotBuilder builder = new SnapshotBuilder();
    assertThat(builder.add(ENERGY, Labels.of("device", "a"), -1)).isFalse();
    assertThat(builder.add(ENERGY, Labels.of("device", "a"), 3)).isTrue();

    assertThat(render(builder)).contains("fake_energy_joules_total{device=\"a\"} 3.0");
  }

  private static String render(SnapshotBuilder builder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PrometheusTextFormatWriter(false).write(out, builder.build());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
