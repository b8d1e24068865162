package dev.homeenergy.device.powerwall.sim;

import static dev.homeenergy.device.powerwall.sim.PowerwallSimulatorJson.booleans;
import static dev.homeenergy.device.powerwall.sim.PowerwallSimulatorJson.nullableNumber;
import static dev.homeenergy.device.powerwall.sim.PowerwallSimulatorJson.number;
import static dev.homeenergy.device.powerwall.sim.PowerwallSimulatorJson.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Renders the live-data bodies ({@code meters/aggregates}, {@code meters/site}, {@code
 * meters/solar}, {@code system_status}) from a {@link SolarDaySnapshot}, in the key order and
 * formats of the 21.44 captures (synchrometer meters) plus the 23.x additions. The solar meter is
 * assumed to be the synchrometer's second CT pair (no capture of a synchrometer solar meter
 * exists).
 */
final class PowerwallSimulatorMeterBodies {
  private static final double SQRT3 = Math.sqrt(3);
  private static final long METER_TIMEOUT_NS = 1_500_000_000L;
  private static final double PACK_POWER_W = 5_000;

  private final PowerwallSimulatorJson json = new PowerwallSimulatorJson();
  private final PowerwallSimulatorIdentity identity;
  private final PowerwallSimulatorFirmware firmware;
  private final Instant lastToggle;

  PowerwallSimulatorMeterBodies(
      PowerwallSimulatorIdentity identity,
      PowerwallSimulatorFirmware firmware,
      Instant lastToggle) {
    this.identity = identity;
    this.firmware = firmware;
    this.lastToggle = lastToggle;
  }

  /** One category's readings; per-phase values are null for categories without a phase meter. */
  private record Category(
      double powerW,
      double reactiveVar,
      double frequencyHz,
      double exportedWh,
      double importedWh,
      double averageVoltage,
      double averageCurrent,
      double phaseAW,
      double phaseBW,
      double phaseAVar,
      double phaseBVar,
      Integer metersAggregated) {}

  String aggregates(SolarDaySnapshot s) {
    String time = PowerwallSimulatorJson.rfc3339(s.time(), s.nanos());
    return json.object(
        g -> {
          g.writeObjectFieldStart("site");
          aggregate(g, s, site(s), time);
          g.writeObjectFieldStart("battery");
          aggregate(g, s, battery(s), time);
          g.writeObjectFieldStart("load");
          aggregate(g, s, load(s), time);
          g.writeObjectFieldStart("solar");
          aggregate(g, s, solar(s), time);
        });
  }

  String siteMeters(SolarDaySnapshot s) {
    return meters(s, 0, "site", site(s), true, true, false, false);
  }

  String solarMeters(SolarDaySnapshot s) {
    return meters(s, 1, "solar", solar(s), false, false, true, true);
  }

  private Category site(SolarDaySnapshot s) {
    double share = 0.56;
    double voltage = averageVoltage(s);
    return new Category(
        s.siteW(),
        s.siteReactiveVar(),
        0,
        s.lifetime().siteExportedWh(),
        s.lifetime().siteImportedWh(),
        voltage,
        Math.abs(s.siteW()) / s.voltageLineToLine(),
        s.siteW() * share,
        s.siteW() * (1 - share),
        s.siteReactiveVar() * 0.6,
        s.siteReactiveVar() * 0.4,
        1);
  }

  private Category solar(SolarDaySnapshot s) {
    return new Category(
        s.solarW(),
        s.solarReactiveVar(),
        0,
        s.lifetime().solarExportedWh(),
        s.lifetime().solarImportedWh(),
        averageVoltage(s) - 1.48,
        Math.abs(s.solarW()) / s.voltageLineToLine(),
        s.solarW() / 2,
        s.solarW() / 2,
        s.solarReactiveVar() / 2,
        s.solarReactiveVar() / 2,
        1);
  }

  private static Category battery(SolarDaySnapshot s) {
    int active = (int) s.packs().stream().filter(p -> !p.disabled()).count();
    double voltage = s.packs().get(0).voltageV();
    return new Category(
        s.batteryW(),
        s.batteryReactiveVar(),
        round(s.frequencyHz(), 3),
        s.lifetime().batteryExportedWh(),
        s.lifetime().batteryImportedWh(),
        round(voltage, 1),
        0,
        0,
        0,
        0,
        0,
        active);
  }

  private static Category load(SolarDaySnapshot s) {
    double voltage = averageVoltage(s);
    return new Category(
        s.loadW(),
        s.loadReactiveVar(),
        0,
        0,
        s.lifetime().loadImportedWh(),
        voltage,
        s.loadW() / voltage,
        0,
        0,
        0,
        0,
        null);
  }

  /** The synchrometer prints the mean line-to-neutral voltage times √3. */
  private static double averageVoltage(SolarDaySnapshot s) {
    return (s.voltageL1() + s.voltageL2()) / 2 * SQRT3;
  }

  private void aggregate(JsonGenerator g, SolarDaySnapshot s, Category c, String time)
      throws IOException {
    g.writeStringField("last_communication_time", time);
    powerFields(g, c);
    number(g, "i_a_current", 0);
    number(g, "i_b_current", 0);
    number(g, "i_c_current", 0);
    g.writeStringField("last_phase_voltage_communication_time", PowerwallSimulatorJson.ZERO_TIME);
    g.writeStringField("last_phase_power_communication_time", PowerwallSimulatorJson.ZERO_TIME);
    g.writeStringField("last_phase_energy_communication_time", PowerwallSimulatorJson.ZERO_TIME);
    g.writeNumberField("timeout", METER_TIMEOUT_NS);
    if (c.metersAggregated() != null) {
      g.writeNumberField("num_meters_aggregated", c.metersAggregated());
    }
    number(g, "instant_total_current", c.averageCurrent());
    g.writeEndObject();
  }

  private static void powerFields(JsonGenerator g, Category c) throws IOException {
    number(g, "instant_power", c.powerW());
    number(g, "instant_reactive_power", c.reactiveVar());
    number(g, "instant_apparent_power", Math.hypot(c.powerW(), c.reactiveVar()));
    number(g, "frequency", c.frequencyHz());
    number(g, "energy_exported", c.exportedWh());
    number(g, "energy_imported", c.importedWh());
    number(g, "instant_average_voltage", c.averageVoltage());
    number(g, "instant_average_current", c.averageCurrent());
  }

  private String meters(SolarDaySnapshot s, int id, String location, Category c, boolean... cts) {
    String time = PowerwallSimulatorJson.rfc3339(s.time(), s.nanos());
    String phaseTime =
        PowerwallSimulatorJson.rfc3339(s.time(), Math.max(0, s.nanos() - 100_426_023));
    return json.render(
        g -> {
          g.writeStartArray();
          g.writeStartObject();
          g.writeNumberField("id", id);
          g.writeStringField("location", location);
          g.writeStringField("type", "synchrometerX");
          booleans(g, "cts", cts);
          booleans(g, "inverted", false, false, false, false);
          g.writeObjectFieldStart("connection");
          g.writeStringField("short_id", identity.din());
          g.writeStringField("device_serial", identity.meterSerial() + "synchrometerX");
          g.writeObjectFieldStart("https_conf");
          g.writeEndObject();
          g.writeEndObject();
          g.writeObjectFieldStart("Cached_readings");
          g.writeStringField("last_communication_time", time);
          powerFields(g, c);
          number(g, "i_a_current", Math.abs(c.phaseAW()) / s.voltageL1());
          number(g, "i_b_current", Math.abs(c.phaseBW()) / s.voltageL2());
          number(g, "i_c_current", 0);
          g.writeStringField("last_phase_voltage_communication_time", phaseTime);
          number(g, "v_l1n", round(s.voltageL1(), 2));
          number(g, "v_l2n", round(s.voltageL2(), 2));
          g.writeStringField("last_phase_power_communication_time", time);
          number(g, "real_power_a", Math.round(c.phaseAW()));
          number(g, "real_power_b", c.powerW() - Math.round(c.phaseAW()));
          number(g, "reactive_power_a", Math.round(c.phaseAVar()));
          number(g, "reactive_power_b", c.reactiveVar() - Math.round(c.phaseAVar()));
          g.writeStringField(
              "last_phase_energy_communication_time", PowerwallSimulatorJson.ZERO_TIME);
          g.writeStringField("serial_number", identity.meterSerial());
          g.writeStringField("version", "fa0c1ad02efda3");
          g.writeNumberField("timeout", METER_TIMEOUT_NS);
          number(g, "instant_total_current", c.averageCurrent());
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndArray();
        });
  }

  String systemStatus(SolarDaySnapshot s) {
    List<SolarDayPack> packs = s.packs();
    int active = (int) packs.stream().filter(p -> !p.disabled()).count();
    boolean is23 = firmware.is23();
    return json.object(
        g -> {
          g.writeStringField("command_source", "Configuration");
          number(g, "battery_target_power", s.batteryW());
          g.writeNumberField("battery_target_reactive_power", 0);
          g.writeNumberField("nominal_full_pack_energy", Math.round(s.fullPackWh()));
          g.writeNumberField("nominal_energy_remaining", Math.round(s.remainingWh()));
          g.writeNumberField("max_power_energy_remaining", 0);
          g.writeNumberField("max_power_energy_to_be_charged", 0);
          number(g, "max_charge_power", PACK_POWER_W * active);
          number(g, "max_discharge_power", PACK_POWER_W * active);
          number(g, "max_apparent_power", PACK_POWER_W * active);
          g.writeNumberField("instantaneous_max_discharge_power", 12_000 * active);
          g.writeNumberField("instantaneous_max_charge_power", 5_290 * active);
          if (is23) {
            g.writeNumberField("instantaneous_max_apparent_power", 5_760 * active);
            g.writeNumberField("hardware_capability_charge_power", 0);
            g.writeNumberField("hardware_capability_discharge_power", 0);
          }
          number(g, "grid_services_power", -0.0);
          g.writeStringField(
              "system_island_state", s.islanded() ? "SystemIslandedActive" : "SystemGridConnected");
          g.writeNumberField("available_blocks", active);
          if (is23) {
            g.writeNumberField("available_charger_blocks", 0);
          }
          g.writeArrayFieldStart("battery_blocks");
          for (int i = 0; i < packs.size(); i++) {
            block(g, i, packs.get(i), s.islanded());
          }
          g.writeEndArray();
          g.writeNumberField("ffr_power_availability_high", 5_800 * active);
          g.writeNumberField("ffr_power_availability_low", 5_290 * active);
          g.writeNumberField("load_charge_constraint", 0);
          g.writeNumberField("max_sustained_ramp_rate", 1_250_000 * active);
          strings(g, "grid_faults", List.of());
          g.writeStringField("can_reboot", "Yes");
          g.writeNumberField("smart_inv_delta_p", 0);
          g.writeNumberField("smart_inv_delta_q", 0);
          g.writeStringField(
              "last_toggle_timestamp", PowerwallSimulatorJson.rfc3339(lastToggle, 683_707_425));
          g.writeNumberField("solar_real_power_limit", -1);
          g.writeNumberField("score", 10_000);
          g.writeNumberField("blocks_controlled", active);
          g.writeBooleanField("primary", true);
          g.writeNumberField("auxiliary_load", 0);
          g.writeBooleanField("all_enable_lines_high", true);
          g.writeNumberField("inverter_nominal_usable_power", 5_800 * active);
          g.writeNumberField("expected_energy_remaining", 0);
        });
  }

  private void block(JsonGenerator g, int index, SolarDayPack pack, boolean islanded)
      throws IOException {
    boolean off = pack.disabled();
    g.writeStartObject();
    g.writeStringField("Type", "");
    g.writeStringField("PackagePartNumber", identity.packPartNumber(index));
    g.writeStringField("PackageSerialNumber", identity.packSerial(index));
    strings(g, "disabled_reasons", off ? List.of("DisabledExcessiveVoltageDrop") : List.of());
    g.writeStringField(
        "pinv_state", off ? "" : islanded ? "PINV_GridForming" : "PINV_GridFollowing");
    g.writeStringField("pinv_grid_state", off ? "" : "Grid_Compliant");
    g.writeNumberField("nominal_energy_remaining", off ? 0 : Math.round(pack.remainingWh()));
    g.writeNumberField("nominal_full_pack_energy", Math.round(pack.fullPackWh()));
    nullableNumber(g, "p_out", off ? null : (double) Math.round(pack.powerW() / 10) * 10);
    nullableNumber(g, "q_out", off ? null : pack.reactiveVar());
    nullableNumber(g, "v_out", off ? null : round(pack.voltageV(), 1));
    nullableNumber(g, "f_out", off ? null : round(pack.frequencyHz(), 3));
    nullableNumber(g, "i_out", off ? null : round(pack.currentA(), 1));
    nullableNumber(g, "energy_charged", off ? null : (double) Math.round(pack.chargedWh()));
    nullableNumber(g, "energy_discharged", off ? null : (double) Math.round(pack.dischargedWh()));
    g.writeBooleanField("off_grid", false);
    g.writeBooleanField("vf_mode", islanded && !off);
    g.writeBooleanField("wobble_detected", false);
    g.writeBooleanField("charge_power_clamped", false);
    g.writeBooleanField("backup_ready", !off);
    g.writeStringField("OpSeqState", off ? "Standby" : "Active");
    g.writeStringField("version", firmware.blockVersion());
    g.writeEndObject();
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
