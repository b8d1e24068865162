package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Map;

/**
 * Native metrics of {@code /api/meters/aggregates} (label {@code category}) and of each meter
 * device in {@code /api/meters/<category>} (prefix {@code powerwall_dev_}, labels {@code category},
 * {@code type}, {@code serial}), with per-phase readings.
 */
final class NativeMeterNaming {
  private static final double SECONDS_PER_HOUR = 3600;

  /** The families of one prefix: aggregates or meter devices. */
  private record Families(
      MetricFamily power,
      MetricFamily reactivePower,
      MetricFamily apparentPower,
      MetricFamily frequency,
      MetricFamily exported,
      MetricFamily imported,
      MetricFamily averageVolts,
      MetricFamily averageAmperes,
      MetricFamily totalAmperes,
      MetricFamily phaseCurrent,
      MetricFamily phaseVoltage,
      MetricFamily phasePower,
      MetricFamily phaseReactivePower) {

    static Families of(String prefix, String source) {
      String p = NativeNaming.PREFIX + prefix;
      return new Families(
          MetricFamily.gauge(
              p + "instant_power_watts",
              "watts",
              "Instant real power; site + = importing, battery + = discharging ("
                  + source
                  + "instant_power)."),
          MetricFamily.gauge(
              p + "instant_reactive_power_volt_amperes_reactive",
              "volt_amperes_reactive",
              "Instant reactive power (" + source + "instant_reactive_power)."),
          MetricFamily.gauge(
              p + "instant_apparent_power_volt_amperes",
              "volt_amperes",
              "Instant apparent power (" + source + "instant_apparent_power)."),
          MetricFamily.gauge(
              p + "frequency_hertz",
              "hertz",
              "AC frequency; 0 when the meter does not measure it (" + source + "frequency)."),
          MetricFamily.counter(
              p + "exported_joules",
              "joules",
              "Lifetime energy exported, Wh x 3600 (" + source + "energy_exported)."),
          MetricFamily.counter(
              p + "imported_joules",
              "joules",
              "Lifetime energy imported, Wh x 3600 (" + source + "energy_imported)."),
          MetricFamily.gauge(
              p + "instant_average_volts",
              "volts",
              "Instant average voltage (" + source + "instant_average_voltage)."),
          MetricFamily.gauge(
              p + "instant_average_amperes",
              "amperes",
              "Instant average current (" + source + "instant_average_current)."),
          MetricFamily.gauge(
              p + "instant_total_amperes",
              "amperes",
              "Instant total current (" + source + "instant_total_current)."),
          MetricFamily.gauge(
              p + "phase_current_amperes",
              "amperes",
              "Current per phase A, B, C (" + source + "i_a_current, i_b_current, i_c_current)."),
          MetricFamily.gauge(
              p + "phase_voltage_volts",
              "volts",
              "Line-to-neutral voltage per phase; phase A is line 1 ("
                  + source
                  + "v_l1n, v_l2n, v_l3n)."),
          MetricFamily.gauge(
              p + "phase_power_watts",
              "watts",
              "Real power per phase (" + source + "real_power_a, real_power_b, real_power_c)."),
          MetricFamily.gauge(
              p + "phase_reactive_power_volt_amperes_reactive",
              "volt_amperes_reactive",
              "Reactive power per phase ("
                  + source
                  + "reactive_power_a, reactive_power_b, reactive_power_c)."));
    }
  }

  static final Families AGGREGATE = Families.of("", "meters/aggregates <category>.");
  static final Families DEVICE = Families.of("dev_", "meters/<category>[].Cached_readings.");

  private NativeMeterNaming() {}

  static void renderAggregates(MeterAggregates aggregates, Labels device, Samples.Builder out) {
    for (Map.Entry<String, MeterReadings> entry : aggregates.categories().entrySet()) {
      if (entry.getValue() != null) {
        render(AGGREGATE, entry.getValue(), device.add("category", entry.getKey()), out);
      }
    }
  }

  static void renderDevices(Map<String, List<Meter>> meters, Labels device, Samples.Builder out) {
    for (Map.Entry<String, List<Meter>> entry : meters.entrySet()) {
      for (Meter meter : entry.getValue()) {
        if (meter.cachedReadings() == null) {
          continue;
        }
        Labels labels =
            device.merge(
                Labels.of(
                    "category", entry.getKey(),
                    "type", NativeNaming.text(meter.type()),
                    "serial", NativeNaming.text(meter.deviceSerial())));
        render(DEVICE, meter.cachedReadings(), labels, out);
      }
    }
  }

  private static void render(Families f, MeterReadings r, Labels labels, Samples.Builder out) {
    out.addIfPresent(f.power(), labels, r.instantPower());
    out.addIfPresent(f.reactivePower(), labels, r.instantReactivePower());
    out.addIfPresent(f.apparentPower(), labels, r.instantApparentPower());
    out.addIfPresent(f.frequency(), labels, r.frequency());
    out.addScaled(f.exported(), labels, r.energyExported(), SECONDS_PER_HOUR);
    out.addScaled(f.imported(), labels, r.energyImported(), SECONDS_PER_HOUR);
    out.addIfPresent(f.averageVolts(), labels, r.instantAverageVoltage());
    out.addIfPresent(f.averageAmperes(), labels, r.instantAverageCurrent());
    out.addIfPresent(f.totalAmperes(), labels, r.instantTotalCurrent());
    phases(f.phaseCurrent(), labels, out, r.iACurrent(), r.iBCurrent(), r.iCCurrent());
    phases(f.phaseVoltage(), labels, out, r.vL1n(), r.vL2n(), r.vL3n());
    phases(f.phasePower(), labels, out, r.realPowerA(), r.realPowerB(), r.realPowerC());
    phases(
        f.phaseReactivePower(),
        labels,
        out,
        r.reactivePowerA(),
        r.reactivePowerB(),
        r.reactivePowerC());
  }

  private static void phases(
      MetricFamily family, Labels labels, Samples.Builder out, Double a, Double b, Double c) {
    out.addIfPresent(family, labels.add("phase", "A"), a);
    out.addIfPresent(family, labels.add("phase", "B"), b);
    out.addIfPresent(family, labels.add("phase", "C"), c);
  }
}
