package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Native metrics of {@code /api/system_status}: site battery totals and one set per battery block
 * (label {@code serial}). A disabled pack's null fields are left out.
 */
final class NativeBatteryNaming {
  private static final double SECONDS_PER_HOUR = 3600;
  private static final String P = NativeNaming.PREFIX;

  static final MetricFamily FULL_PACK =
      MetricFamily.gauge(
          P + "full_pack_joules",
          "joules",
          "Total capacity of all batteries, Wh x 3600 (system_status.nominal_full_pack_energy).");
  static final MetricFamily REMAINING =
      MetricFamily.gauge(
          P + "remaining_joules",
          "joules",
          "Remaining charge in all batteries, Wh x 3600 (system_status.nominal_energy_remaining).");
  static final MetricFamily ISLAND_STATE =
      MetricFamily.gauge(
          P + "island_state",
          "1 for the current island state in label state (system_status.system_island_state).");
  static final MetricFamily BATTERY_INFO =
      MetricFamily.info(
          P + "battery",
          "Battery pack identity (battery_blocks[].PackageSerialNumber, PackagePartNumber, version).");
  static final MetricFamily BATTERY_FULL_PACK =
      MetricFamily.gauge(
          P + "battery_full_pack_joules",
          "joules",
          "Pack capacity, Wh x 3600 (battery_blocks[].nominal_full_pack_energy).");
  static final MetricFamily BATTERY_REMAINING =
      MetricFamily.gauge(
          P + "battery_remaining_joules",
          "joules",
          "Pack remaining charge, Wh x 3600 (battery_blocks[].nominal_energy_remaining).");
  static final MetricFamily BATTERY_VOLTS =
      MetricFamily.gauge(
          P + "battery_output_volts", "volts", "Pack output voltage (battery_blocks[].v_out).");
  static final MetricFamily BATTERY_AMPERES =
      MetricFamily.gauge(
          P + "battery_output_amperes",
          "amperes",
          "Pack output current, + = discharging (battery_blocks[].i_out).");
  static final MetricFamily BATTERY_HERTZ =
      MetricFamily.gauge(
          P + "battery_output_hertz", "hertz", "Pack output frequency (battery_blocks[].f_out).");
  static final MetricFamily BATTERY_POWER =
      MetricFamily.gauge(
          P + "battery_output_power_watts",
          "watts",
          "Pack real power output, + = discharging (battery_blocks[].p_out).");
  static final MetricFamily BATTERY_REACTIVE_POWER =
      MetricFamily.gauge(
          P + "battery_output_reactive_power_volt_amperes_reactive",
          "volt_amperes_reactive",
          "Pack reactive power output (battery_blocks[].q_out).");
  static final MetricFamily BATTERY_CHARGED =
      MetricFamily.counter(
          P + "battery_charged_joules",
          "joules",
          "Lifetime energy charged, Wh x 3600 (battery_blocks[].energy_charged).");
  static final MetricFamily BATTERY_DISCHARGED =
      MetricFamily.counter(
          P + "battery_discharged_joules",
          "joules",
          "Lifetime energy discharged, Wh x 3600 (battery_blocks[].energy_discharged).");
  static final MetricFamily BATTERY_OFF_GRID =
      MetricFamily.gauge(
          P + "battery_off_grid", "1 if the pack is off grid (battery_blocks[].off_grid).");
  static final MetricFamily BATTERY_ISLAND_STATE =
      MetricFamily.gauge(
          P + "battery_island_state",
          "1 if the pack runs islanded, voltage-frequency mode (battery_blocks[].vf_mode).");
  static final MetricFamily BATTERY_WOBBLE =
      MetricFamily.gauge(
          P + "battery_wobble_detected",
          "1 if frequency wobble is detected (battery_blocks[].wobble_detected).");
  static final MetricFamily BATTERY_CLAMPED =
      MetricFamily.gauge(
          P + "battery_charge_power_clamped",
          "1 if charging power is clamped (battery_blocks[].charge_power_clamped).");
  static final MetricFamily BATTERY_BACKUP_READY =
      MetricFamily.gauge(
          P + "battery_backup_ready",
          "1 if the pack is available for backup (battery_blocks[].backup_ready).");
  static final MetricFamily BATTERY_PINV_STATE =
      MetricFamily.gauge(
          P + "battery_pinv_state",
          "1 for the power inverter state in label state (battery_blocks[].pinv_state).");
  static final MetricFamily BATTERY_PINV_GRID_STATE =
      MetricFamily.gauge(
          P + "battery_pinv_grid_state",
          "1 for the inverter grid state in label state (battery_blocks[].pinv_grid_state).");
  static final MetricFamily BATTERY_OPSEQ_STATE =
      MetricFamily.gauge(
          P + "battery_opseq_state",
          "1 for the operation sequence state in label state (battery_blocks[].OpSeqState).");

  private NativeBatteryNaming() {}

  static void render(SystemStatus s, Labels device, Samples.Builder out) {
    out.addScaled(FULL_PACK, device, s.nominalFullPackEnergy(), SECONDS_PER_HOUR);
    out.addScaled(REMAINING, device, s.nominalEnergyRemaining(), SECONDS_PER_HOUR);
    if (s.systemIslandState() != null) {
      out.add(ISLAND_STATE, device.add("state", s.systemIslandState()), 1);
    }
    if (s.batteryBlocks() == null) {
      return;
    }
    for (BatteryBlock b : s.batteryBlocks()) {
      if (b != null) {
        renderBlock(b, device, out);
      }
    }
  }

  private static void renderBlock(BatteryBlock b, Labels device, Samples.Builder out) {
    Labels serial = device.add("serial", NativeNaming.text(b.packageSerialNumber()));
    out.add(
        BATTERY_INFO,
        serial.merge(
            Labels.of(
                "partno",
                NativeNaming.text(b.packagePartNumber()),
                "version",
                NativeNaming.text(b.version()))),
        1);
    out.addScaled(BATTERY_FULL_PACK, serial, b.nominalFullPackEnergy(), SECONDS_PER_HOUR);
    out.addScaled(BATTERY_REMAINING, serial, b.nominalEnergyRemaining(), SECONDS_PER_HOUR);
    out.addIfPresent(BATTERY_VOLTS, serial, b.vOut());
    out.addIfPresent(BATTERY_AMPERES, serial, b.iOut());
    out.addIfPresent(BATTERY_HERTZ, serial, b.fOut());
    out.addIfPresent(BATTERY_POWER, serial, b.pOut());
    out.addIfPresent(BATTERY_REACTIVE_POWER, serial, b.qOut());
    out.addScaled(BATTERY_CHARGED, serial, b.energyCharged(), SECONDS_PER_HOUR);
    out.addScaled(BATTERY_DISCHARGED, serial, b.energyDischarged(), SECONDS_PER_HOUR);
    out.addIfPresent(BATTERY_OFF_GRID, serial, b.offGrid());
    out.addIfPresent(BATTERY_ISLAND_STATE, serial, b.vfMode());
    out.addIfPresent(BATTERY_WOBBLE, serial, b.wobbleDetected());
    out.addIfPresent(BATTERY_CLAMPED, serial, b.chargePowerClamped());
    out.addIfPresent(BATTERY_BACKUP_READY, serial, b.backupReady());
    state(BATTERY_PINV_STATE, serial, b.pinvState(), out);
    state(BATTERY_PINV_GRID_STATE, serial, b.pinvGridState(), out);
    state(BATTERY_OPSEQ_STATE, serial, b.opSeqState(), out);
  }

  private static void state(MetricFamily family, Labels labels, String state, Samples.Builder out) {
    if (state != null) {
      out.add(family, labels.add("state", state), 1);
    }
  }
}
