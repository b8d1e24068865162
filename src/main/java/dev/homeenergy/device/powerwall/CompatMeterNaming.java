package dev.homeenergy.device.powerwall;

import static dev.homeenergy.device.powerwall.CompatValues.counterJoules;
import static dev.homeenergy.device.powerwall.CompatValues.f32;
import static dev.homeenergy.device.powerwall.CompatValues.gauge;
import static dev.homeenergy.device.powerwall.CompatValues.text;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Map;

/**
 * The Go exporter's aggregate metrics (label {@code category}) and {@code dev_} meter metrics
 * (labels {@code category}, {@code tyoe} [sic], {@code serial}): frequency and energy counters left
 * out when 0, energy counters named {@code ..._joules_total} on output.
 */
final class CompatMeterNaming {

  /** The nine families of one prefix. */
  private record Families(
      MetricFamily power,
      MetricFamily reactivePower,
      MetricFamily apparentPower,
      MetricFamily frequency,
      MetricFamily exported,
      MetricFamily imported,
      MetricFamily averageVolts,
      MetricFamily averageAmps,
      MetricFamily totalAmps) {

    static Families of(String prefix) {
      String p = CompatNaming.PREFIX + prefix;
      return new Families(
          MetricFamily.gauge(p + "instant_power_watts", "Instant Power (W)"),
          MetricFamily.gauge(p + "instant_reactive_power_watts", "Instant Reactive Power (W)"),
          MetricFamily.gauge(p + "instant_apparent_power_watts", "Instant Apparent Power (W)"),
          MetricFamily.gauge(p + "frequency_hz", "AC Frequency (Hz)"),
          MetricFamily.counter(p + "exported_joules", "Energy Exported"),
          MetricFamily.counter(p + "imported_joules", "Energy Imported"),
          MetricFamily.gauge(p + "instant_average_volts", "Instant Average Voltage"),
          MetricFamily.gauge(p + "instant_average_amps", "Instant Average Current"),
          MetricFamily.gauge(p + "instant_total_amps", "Instant Total Current"));
    }
  }

  static final Families AGGREGATE = Families.of("");
  static final Families DEVICE = Families.of("dev_");

  private CompatMeterNaming() {}

  /**
   * Aggregates, each category followed by its meter devices, as the Go collector interleaves them.
   */
  static void render(
      MeterAggregates aggregates, Map<String, List<Meter>> meters, Samples.Builder out) {
    for (Map.Entry<String, MeterReadings> entry : aggregates.categories().entrySet()) {
      String category = entry.getKey();
      render(AGGREGATE, entry.getValue(), Labels.of("category", category), out);
      for (Meter meter : meters.getOrDefault(category, List.of())) {
        Labels labels =
            Labels.of(
                "category",
                category,
                "tyoe",
                text(meter.type()),
                "serial",
                text(meter.deviceSerial()));
        render(DEVICE, meter.cachedReadings(), labels, out);
      }
    }
  }

  private static void render(Families f, MeterReadings r, Labels labels, Samples.Builder out) {
    MeterReadings data = r == null ? CompatValues.NO_READINGS : r;
    out.add(f.power(), labels, gauge(data.instantPower()));
    out.add(f.reactivePower(), labels, gauge(data.instantReactivePower()));
    out.add(f.apparentPower(), labels, gauge(data.instantApparentPower()));
    if (f32(data.frequency()) != 0) {
      out.add(f.frequency(), labels, gauge(data.frequency()));
    }
    nonZero(f.exported(), labels, counterJoules(data.energyExported()), out);
    nonZero(f.imported(), labels, counterJoules(data.energyImported()), out);
    out.add(f.averageVolts(), labels, gauge(data.instantAverageVoltage()));
    out.add(f.averageAmps(), labels, gauge(data.instantAverageCurrent()));
    out.add(f.totalAmps(), labels, gauge(data.instantTotalCurrent()));
  }

  private static void nonZero(
      MetricFamily family, Labels labels, double value, Samples.Builder out) {
    if (value != 0) {
      out.add(family, labels, value);
    }
  }
}
