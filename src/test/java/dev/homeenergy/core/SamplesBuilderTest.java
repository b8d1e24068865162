package dev.homeenergy.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.Labels;
import org.junit.jupiter.api.Test;

class SamplesBuilderTest {
  private static final MetricFamily POWER =
      MetricFamily.gauge("fake_power_watts", "watts", "Power.");
  private static final MetricFamily VOLTAGE =
      MetricFamily.gauge("fake_voltage_volts", "volts", "Voltage.");
  private static final Labels BLOCK = Labels.of("serial", "TG1");

  @Test
  void theFirstSampleOfARepeatedSeriesWinsAndLaterOnesAreDropped() {
    Samples.Builder out = Samples.builder();
    out.add(POWER, BLOCK, 1).add(POWER, BLOCK, 2).addAt(POWER, BLOCK, 3, 1_795_000_000_000L);

    assertThat(out.offer(new Sample(POWER, BLOCK, 4))).isFalse();
    assertThat(out.build().list()).containsExactly(new Sample(POWER, BLOCK, 1));
  }

  @Test
  void aSeriesIsItsFamilyNameAndLabels() {
    MetricFamily samePowerOtherHelp =
        MetricFamily.gauge("fake_power_watts", "watts", "Other help.");
    Samples samples =
        Samples.builder()
            .add(POWER, BLOCK, 1)
            .add(POWER, Labels.of("serial", "TG2"), 2)
            .add(VOLTAGE, BLOCK, 3)
            .add(samePowerOtherHelp, BLOCK, 4)
            .build();

    assertThat(samples.list()).extracting(Sample::value).containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void anAbsentValueDoesNotClaimItsSeries() {
    Samples samples =
        Samples.builder()
            .addScaled(POWER, BLOCK, null, 1000)
            .addIfPresent(POWER, BLOCK, (Number) null)
            .addScaled(POWER, BLOCK, 1.5, 1000)
            .build();

    assertThat(samples.list()).containsExactly(new Sample(POWER, BLOCK, 1500));
  }

  @Test
  void aSampleKeepsItsDeviceTimeOnlyWhenGiven() {
    Samples samples =
        Samples.builder()
            .addAt(POWER, BLOCK, 1, 1_795_000_000_000L)
            .addAt(VOLTAGE, BLOCK, 2, null)
            .build();

    assertThat(samples.list())
        .extracting(Sample::timestampMillis)
        .containsExactly(1_795_000_000_000L, null);
  }

  @Test
  void anInfiniteOrNaNDeviceValueIsAbsentAndDoesNotClaimItsSeries() {
    Samples samples =
        Samples.builder()
            .add(POWER, BLOCK, Double.POSITIVE_INFINITY)
            .addAt(POWER, BLOCK, Double.NEGATIVE_INFINITY, 1_795_000_000_000L)
            .addScaled(POWER, BLOCK, 1e308, 1000)
            .addScaled(POWER, BLOCK, Double.NaN, 1000)
            .addIfPresent(POWER, BLOCK, Double.NaN)
            .addIfPresent(POWER, BLOCK, Double.parseDouble("1e400"))
            .add(POWER, BLOCK, 7)
            .build();

    assertThat(samples.list()).containsExactly(new Sample(POWER, BLOCK, 7));
  }
}
