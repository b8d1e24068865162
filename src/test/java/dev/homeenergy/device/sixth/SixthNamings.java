package dev.homeenergy.device.sixth;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Namings;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The sixth plug's two namings: native Prometheus names with a {@code device} label, and compat,
 * the names of the (imagined) {@code plug_exporter} it replaces, without labels.
 */
final class SixthNamings {
  static final MetricFamily POWER =
      MetricFamily.gauge("sixth_power_watts", "watts", "Power through the plug (power_w).");
  static final MetricFamily ENERGY =
      MetricFamily.counter(
          "sixth_energy_watt_hours",
          "watt_hours",
          "Energy through the plug since it was made (energy_wh).");
  static final MetricFamily RELAY_ON =
      MetricFamily.gauge("sixth_relay_on", "1 when the relay is closed (relay_on).");

  static final MetricFamily COMPAT_POWER = MetricFamily.gauge("plug_power_w", "Power (W)");
  static final MetricFamily COMPAT_ENERGY = MetricFamily.gauge("plug_energy_wh", "Energy (Wh)");

  static final Naming<SixthReading> NATIVE =
      (reading, device, out) -> {
        Labels labels = Labels.of("device", device);
        out.add(POWER, labels, reading.powerWatts());
        out.add(ENERGY, labels, reading.energyWattHours());
        out.add(RELAY_ON, labels, reading.relayOn() ? 1 : 0);
      };

  static final Naming<SixthReading> COMPAT =
      (reading, device, out) -> {
        out.add(COMPAT_POWER, Labels.EMPTY, reading.powerWatts());
        out.add(COMPAT_ENERGY, Labels.EMPTY, reading.energyWattHours());
      };

  static final Namings<SixthReading> BOTH =
      Namings.of(SixthReading.class, config -> NATIVE, config -> COMPAT);

  private SixthNamings() {}
}
