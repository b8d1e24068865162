package dev.homeenergy.device.powerwall;

import static dev.homeenergy.device.powerwall.CompatValues.bool;
import static dev.homeenergy.device.powerwall.CompatValues.counterJoules;
import static dev.homeenergy.device.powerwall.CompatValues.gauge;
import static dev.homeenergy.device.powerwall.CompatValues.gaugeTimes;
import static dev.homeenergy.device.powerwall.CompatValues.text;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/** The Go exporter's {@code /api/system_status} metrics: site totals and per-pack series. */
final class CompatBatteryNaming {
  private static final String P = CompatNaming.PREFIX;
  private static final float SECONDS_PER_HOUR = 3600f;

  static final MetricFamily FULL_PACK =
      MetricFamily.gauge(P + "full_pack_joules", "Total capacity of all batteries");
  static final MetricFamily REMAINING =
      MetricFamily.gauge(P + "remaining_joules", "Remaining charge in all batteries");
  static final MetricFamily ISLAND_STATE =
      MetricFamily.gauge(
          P + "island_state", "Whether powerwall is running in island mode or connected to grid");
  static final MetricFamily BATTERY_INFO = MetricFamily.info(P + "battery", "Battery Information");
  static final MetricFamily BATTERY_FULL_PACK =
      MetricFamily.gauge(P + "battery_full_pack_joules", "Total battery capacity");
  static final MetricFamily BATTERY_REMAINING =
      MetricFamily.gauge(P + "battery_remaining_joules", "Remaining charge");
  static final MetricFamily BATTERY_VOLTS =
      MetricFamily.gauge(P + "battery_output_volts", "Battery voltage");
  static final MetricFamily BATTERY_AMPS =
      MetricFamily.gauge(
          P + "battery_output_amps",
          "Battery current flow (positive is discharging, negative is charging)");
  static final MetricFamily BATTERY_HZ =
      MetricFamily.gauge(P + "battery_output_hz", "Battery output frequency");
  static final MetricFamily BATTERY_CHARGED =
      MetricFamily.counter(
          P + "battery_charged_joules", "Total amount of energy charged over battery's lifetime");
  static final MetricFamily BATTERY_DISCHARGED =
      MetricFamily.counter(
          P + "battery_discharged_joules",
          "Total amount of energy discharged over battery's lifetime");
  static final MetricFamily BATTERY_OFF_GRID =
      MetricFamily.gauge(P + "battery_off_grid", "Is battery disconnected from the grid?");
  static final MetricFamily BATTERY_ISLAND_STATE =
      MetricFamily.gauge(P + "battery_island_state", "Is battery running in islanded state?");
  static final MetricFamily BATTERY_WOBBLE =
      MetricFamily.gauge(P + "battery_wobble_detected", "Is frequency wobble detected?");
  static final MetricFamily BATTERY_CLAMPED =
      MetricFamily.gauge(P + "battery_charge_power_clamped", "Has charging power been clamped?");
  static final MetricFamily BATTERY_BACKUP_READY =
      MetricFamily.gauge(P + "battery_backup_ready", "Is battery available for backup use?");
  static final MetricFamily BATTERY_PINV_STATE =
      MetricFamily.gauge(P + "battery_pinv_state", "Battery power inverter state");
  static final MetricFamily BATTERY_PINV_GRID_STATE =
      MetricFamily.gauge(P + "battery_pinv_grid_state", "Battery power grid state");
  static final MetricFamily BATTERY_OPSEQ_STATE =
      MetricFamily.gauge(P + "battery_opseq_state", "Battery operation sequence state");

  private CompatBatteryNaming() {}

  static void render(SystemStatus s, Samples.Builder out) {
    out.add(FULL_PACK, Labels.EMPTY, gaugeTimes(s.nominalFullPackEnergy(), SECONDS_PER_HOUR));
    out.add(REMAINING, Labels.EMPTY, gaugeTimes(s.nominalEnergyRemaining(), SECONDS_PER_HOUR));
    out.add(ISLAND_STATE, Labels.of("state", text(s.systemIslandState())), 1);
    if (s.batteryBlocks() == null) {
      return;
    }
    for (BatteryBlock b : s.batteryBlocks()) {
      if (b != null) {
        renderBlock(b, out);
      }
    }
  }

  private static void renderBlock(BatteryBlock b, Samples.Builder out) {
    String serialNumber = text(b.packageSerialNumber());
    Labels serial = Labels.of("serial", serialNumber);
    out.add(
        BATTERY_INFO,
        Labels.of(
            "serial",
            serialNumber,
            "partno",
            text(b.packagePartNumber()),
            "version",
            text(b.version())),
        1);
    out.add(BATTERY_FULL_PACK, serial, gaugeTimes(b.nominalFullPackEnergy(), SECONDS_PER_HOUR));
    out.add(BATTERY_REMAINING, serial, gaugeTimes(b.nominalEnergyRemaining(), SECONDS_PER_HOUR));
    out.add(BATTERY_VOLTS, serial, gauge(b.vOut()));
    out.add(BATTERY_AMPS, serial, gauge(b.iOut()));
    out.add(BATTERY_HZ, serial, gauge(b.fOut()));
    nonZero(BATTERY_CHARGED, serial, counterJoules(b.energyCharged()), out);
    nonZero(BATTERY_DISCHARGED, serial, counterJoules(b.energyDischarged()), out);
    out.add(BATTERY_OFF_GRID, serial, bool(b.offGrid()));
    out.add(BATTERY_ISLAND_STATE, serial, bool(b.vfMode()));
    out.add(BATTERY_WOBBLE, serial, bool(b.wobbleDetected()));
    out.add(BATTERY_CLAMPED, serial, bool(b.chargePowerClamped()));
    out.add(BATTERY_BACKUP_READY, serial, bool(b.backupReady()));
    out.add(BATTERY_PINV_STATE, Labels.of("serial", serialNumber, "state", text(b.pinvState())), 1);
    out.add(
        BATTERY_PINV_GRID_STATE,
        Labels.of("serial", serialNumber, "state", text(b.pinvGridState())),
        1);
    out.add(
        BATTERY_OPSEQ_STATE, Labels.of("serial", serialNumber, "state", text(b.opSeqState())), 1);
  }

  private static void nonZero(
      MetricFamily family, Labels labels, double value, Samples.Builder out) {
    if (value != 0) {
      out.add(family, labels, value);
    }
  }
}
