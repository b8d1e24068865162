package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import dev.homeenergy.device.powerwall.TedapiData.Battery;
import dev.homeenergy.device.powerwall.TedapiData.Inverter;
import dev.homeenergy.device.powerwall.TedapiData.PvString;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Map;

/**
 * Native metrics of the TEDAPI reading. Where a value means the same as one of the {@code /api}
 * families (site power, charge, per-pack energy, reserve, operation mode) it uses that name, so one
 * dashboard serves Powerwall 2 and 3; when both sources give the same series the {@code /api} one,
 * rendered first, is kept.
 */
final class TedapiNaming {
  private static final String P = NativeNaming.PREFIX;

  static final MetricFamily UP =
      MetricFamily.gauge(
          P + "tedapi_up", "1 if the last TEDAPI request of this kind was answered and parsed.");
  static final MetricFamily DURATION =
      MetricFamily.gauge(
          P + "tedapi_request_duration_seconds",
          "seconds",
          "Duration of the last TEDAPI request of this kind.");
  static final MetricFamily RESPONSES =
      MetricFamily.counter(
          P + "tedapi_responses", "TEDAPI answers by request kind and HTTP status.");
  static final MetricFamily COOLDOWN =
      MetricFamily.gauge(
          P + "tedapi_cooldown_active",
          "1 while every TEDAPI call is paused (5 minutes after a 429 or 503).");
  static final MetricFamily REJECTED =
      MetricFamily.counter(
          P + "tedapi_query_rejected",
          "Signed queries the gateway refused, by query, query set and reason.");
  static final MetricFamily INFO =
      MetricFamily.info(
          P + "tedapi",
          "Gateway DIN, firmware, git hash and device type (system info), and the query set used.");
  static final MetricFamily POWER =
      MetricFamily.gauge(
          P + "instant_power_watts",
          "watts",
          "Instant real power; site + = importing, battery + = discharging"
              + " (TEDAPI control.meterAggregates[].realPowerW).");
  static final MetricFamily GRID_CONNECTED =
      MetricFamily.gauge(
          P + "grid_connected",
          "1 while the site is connected to the grid (ISLANDER ISLAND_GridConnected).");
  static final MetricFamily ISLAND_GRID_STATE =
      MetricFamily.gauge(
          P + "island_grid_state", "1 for the islander's grid state in label state.");
  static final MetricFamily ISLAND_MODE =
      MetricFamily.gauge(
          P + "island_mode", "1 for the customer island mode in label mode (control.islanding).");
  static final MetricFamily CONTACTOR_CLOSED =
      MetricFamily.gauge(P + "island_contactor_closed", "1 while the island contactor is closed.");
  static final MetricFamily GRID_OK =
      MetricFamily.gauge(P + "grid_ok", "1 while the islander finds the grid OK.");
  static final MetricFamily MICROGRID_OK =
      MetricFamily.gauge(P + "microgrid_ok", "1 while the islander finds the microgrid OK.");
  static final MetricFamily SHUTDOWN =
      MetricFamily.gauge(P + "site_shutdown", "1 while the site is shut down.");
  static final MetricFamily ALERT =
      MetricFamily.gauge(P + "alert_active", "1 for each active site alert in label alert.");
  static final MetricFamily ISLAND_VOLTS =
      MetricFamily.gauge(
          P + "island_volts", "volts", "Voltage per phase, grid (main) or load side.");
  static final MetricFamily ISLAND_HERTZ =
      MetricFamily.gauge(
          P + "island_frequency_hertz", "hertz", "Frequency per phase, grid (main) or load side.");
  static final MetricFamily CT_POWER =
      MetricFamily.gauge(P + "ct_power_watts", "watts", "Real power per meter CT.");
  static final MetricFamily CT_REACTIVE =
      MetricFamily.gauge(
          P + "ct_reactive_power_volt_amperes_reactive",
          "volt_amperes_reactive",
          "Reactive power per meter CT.");
  static final MetricFamily CT_AMPERES =
      MetricFamily.gauge(P + "ct_current_amperes", "amperes", "Current per meter CT (magnitude).");
  static final MetricFamily CT_VOLTS =
      MetricFamily.gauge(P + "ct_volts", "volts", "Voltage per phase at a meter.");
  static final MetricFamily NEURIO_POWER =
      MetricFamily.gauge(
          P + "neurio_ct_power_watts",
          "watts",
          "Real power per Neurio meter CT, times the meter's real_power_scale_factor.");
  static final MetricFamily NEURIO_REACTIVE =
      MetricFamily.gauge(
          P + "neurio_ct_reactive_power_volt_amperes_reactive",
          "volt_amperes_reactive",
          "Reactive power per Neurio meter CT.");
  static final MetricFamily NEURIO_VOLTS =
      MetricFamily.gauge(P + "neurio_ct_volts", "volts", "Voltage per Neurio meter CT.");
  static final MetricFamily NEURIO_AMPERES =
      MetricFamily.gauge(
          P + "neurio_ct_current_amperes", "amperes", "Current per Neurio meter CT.");
  static final MetricFamily REMOTE_POWER =
      MetricFamily.gauge(
          P + "remote_meter_ct_power_watts", "watts", "Real power per Tesla Remote Meter CT.");
  static final MetricFamily REMOTE_REACTIVE =
      MetricFamily.gauge(
          P + "remote_meter_ct_reactive_power_volt_amperes_reactive",
          "volt_amperes_reactive",
          "Reactive power per Tesla Remote Meter CT.");
  static final MetricFamily REMOTE_VOLTS =
      MetricFamily.gauge(
          P + "remote_meter_ct_volts", "volts", "Voltage per Tesla Remote Meter CT.");
  static final MetricFamily REMOTE_AMPERES =
      MetricFamily.gauge(
          P + "remote_meter_ct_current_amperes", "amperes", "Current per Tesla Remote Meter CT.");
  static final MetricFamily REMOTE_EXPORTED =
      MetricFamily.counter(
          P + "remote_meter_ct_exported_joules",
          "joules",
          "Lifetime energy exported per Tesla Remote Meter CT (energyExportedWs).");
  static final MetricFamily REMOTE_IMPORTED =
      MetricFamily.counter(
          P + "remote_meter_ct_imported_joules",
          "joules",
          "Lifetime energy imported per Tesla Remote Meter CT (energyImportedWs).");
  static final MetricFamily STRING_VOLTS =
      MetricFamily.gauge(P + "pv_string_volts", "volts", "PV input voltage per inverter string.");
  static final MetricFamily STRING_AMPERES =
      MetricFamily.gauge(
          P + "pv_string_amperes", "amperes", "PV input current per string, negatives as 0.");
  static final MetricFamily STRING_POWER =
      MetricFamily.gauge(
          P + "pv_string_power_watts",
          "watts",
          "PV power per string, volts x amperes (no measured string power exists).");
  static final MetricFamily STRING_CONNECTED =
      MetricFamily.gauge(P + "pv_string_connected", "1 if the string is connected or active.");
  static final MetricFamily STRING_STATE =
      MetricFamily.gauge(P + "pv_string_state", "1 for the string's state in label state.");
  static final MetricFamily PV_POWER =
      MetricFamily.gauge(P + "pv_power_watts", "watts", "PV power of an inverter.");
  static final MetricFamily INVERTER_VOLTS =
      MetricFamily.gauge(P + "inverter_volts", "volts", "AC output voltage of an inverter.");
  static final MetricFamily INVERTER_HERTZ =
      MetricFamily.gauge(
          P + "inverter_frequency_hertz", "hertz", "AC output frequency of an inverter.");
  static final MetricFamily INVERTER_LINE_VOLTS =
      MetricFamily.gauge(
          P + "inverter_line_volts", "volts", "AC voltage of one line of an inverter.");
  static final MetricFamily INVERTER_STATE =
      MetricFamily.gauge(
          P + "inverter_state", "1 for each state of an inverter, by kind, in label state.");
  static final MetricFamily INVERTER_BATTERY_POWER =
      MetricFamily.gauge(
          P + "inverter_battery_power_watts",
          "watts",
          "Battery power of a Powerwall 3 unit, + = discharging.");
  static final MetricFamily INVERTER_AC_POWER =
      MetricFamily.gauge(
          P + "inverter_ac_power_watts", "watts", "AC real power of a Powerwall 3 unit.");
  static final MetricFamily FAN_RPM =
      MetricFamily.gauge(P + "inverter_fan_rpm", "Fan speed of an inverter, rpm.");
  static final MetricFamily FAN_DUTY =
      MetricFamily.gauge(P + "inverter_fan_duty_ratio", "ratio", "Fan duty of an inverter, 0..1.");
  static final MetricFamily INVERTER_TEMPERATURE =
      MetricFamily.gauge(
          P + "inverter_temperature_celsius", "celsius", "Ambient temperature of an inverter.");
  static final MetricFamily PACKS =
      MetricFamily.gauge(
          P + "battery_packs",
          "Battery packs of a Powerwall 3 unit: connected, present, expected.");
  static final MetricFamily BATTERY_TEMPERATURE =
      MetricFamily.gauge(
          P + "battery_temperature_celsius", "celsius", "Temperature of a battery pack by sensor.");
  static final MetricFamily BATTERY_CYCLES =
      MetricFamily.counter(P + "battery_full_cycles", "Full charge cycles of a battery pack.");
  static final MetricFamily BATTERY_DISCHARGED_CHARGE =
      MetricFamily.counter(
          P + "battery_discharged_coulombs",
          "coulombs",
          "Lifetime charge discharged by a battery pack, Ah x 3600 (BMS_LOG_ahDischargeTotal).");
  static final MetricFamily BATTERY_OVER_TEMPERATURE =
      MetricFamily.counter(
          P + "battery_over_temperature_events",
          "Over-temperature events of a battery pack while discharging or charging"
              + " (BMS_LOG_tempOutOfBounds, BMS_LOG_tempOutOfBoundsCharge).");
  static final MetricFamily COMPONENT_ALERT =
      MetricFamily.gauge(
          P + "component_alert_active", "1 for each active alert of a component of a unit.");
  static final MetricFamily BLOCK_INFO =
      MetricFamily.info(
          P + "battery_block", "A battery block of the gateway's config: unit or expansion pack.");

  private TedapiNaming() {}

  static void render(TedapiReading reading, Labels device, Samples.Builder out) {
    reading
        .queries()
        .forEach(
            (query, health) -> {
              Labels labels = device.add("query", query);
              out.add(UP, labels, health.up() ? 1 : 0);
              out.add(DURATION, labels, health.seconds());
            });
    for (TedapiReading.ResponseCount count : reading.responses()) {
      out.add(
          RESPONSES,
          device.merge(Labels.of("query", count.query(), "code", Integer.toString(count.code()))),
          count.count());
    }
    out.add(COOLDOWN, device, reading.cooldown() ? 1 : 0);
    for (TedapiReading.Rejection r : reading.rejections()) {
      out.add(
          REJECTED,
          device.merge(
              Labels.of("query", r.query(), "query_set", r.querySet(), "reason", r.reason())),
          r.count());
    }
    TedapiReading.Info info = reading.info();
    if (info != null) {
      out.add(
          INFO,
          device.merge(
              Labels.of(
                  "din", NativeNaming.text(info.din()),
                  "version", NativeNaming.text(info.version()),
                  "githash", NativeNaming.text(info.githash()),
                  "device_type", NativeNaming.text(info.deviceType()),
                  "query_set", NativeNaming.text(info.querySet()))),
          1);
    }
    if (reading.data() != null) {
      renderData(reading.data(), device, out);
    }
  }

  private static void renderData(TedapiData d, Labels device, Samples.Builder out) {
    d.powerWatts()
        .forEach((category, watts) -> out.add(POWER, device.add("category", category), watts));
    out.addIfPresent(NativeBatteryNaming.FULL_PACK, device, d.fullPackJoules());
    out.addIfPresent(NativeBatteryNaming.REMAINING, device, d.remainingJoules());
    out.addIfPresent(NativeNaming.CHARGE, device, d.chargeRatio());
    out.addIfPresent(GRID_CONNECTED, device, d.gridConnected());
    if (d.islandGridState() != null) {
      out.add(ISLAND_GRID_STATE, device.add("state", d.islandGridState()), 1);
    }
    if (d.islandMode() != null) {
      out.add(ISLAND_MODE, device.add("mode", d.islandMode()), 1);
    }
    out.addIfPresent(CONTACTOR_CLOSED, device, d.contactorClosed());
    out.addIfPresent(GRID_OK, device, d.gridOk());
    out.addIfPresent(MICROGRID_OK, device, d.microGridOk());
    out.addIfPresent(SHUTDOWN, device, d.siteShutdown());
    out.addIfPresent(NativeNaming.SITEMASTER_RUNNING, device, d.sitemasterRunning());
    d.alerts().forEach(alert -> out.add(ALERT, device.add("alert", alert), 1));
    for (TedapiData.Island i : d.island()) {
      Labels labels = device.merge(Labels.of("phase", i.phase(), "side", i.side()));
      out.addIfPresent(ISLAND_VOLTS, labels, i.volts());
      out.addIfPresent(ISLAND_HERTZ, labels, i.hertz());
    }
    for (TedapiData.Ct ct : d.cts()) {
      Labels labels = device.merge(Labels.of("meter", ct.meter(), "ct", ct.ct()));
      out.addIfPresent(CT_POWER, labels, ct.watts());
      out.addIfPresent(CT_REACTIVE, labels, ct.voltAmperesReactive());
      out.addIfPresent(CT_AMPERES, labels, ct.amperes());
    }
    for (TedapiData.MeterVolts v : d.meterVolts()) {
      out.addIfPresent(
          CT_VOLTS, device.merge(Labels.of("meter", v.meter(), "phase", v.phase())), v.volts());
    }
    for (TedapiData.NeurioCt ct : d.neurioCts()) {
      Labels labels =
          device.merge(Labels.of("serial", ct.serial(), "ct", ct.ct(), "location", ct.location()));
      out.addIfPresent(NEURIO_POWER, labels, ct.watts());
      out.addIfPresent(NEURIO_REACTIVE, labels, ct.voltAmperesReactive());
      out.addIfPresent(NEURIO_VOLTS, labels, ct.volts());
      out.addIfPresent(NEURIO_AMPERES, labels, ct.amperes());
    }
    for (TedapiData.RemoteMeterCt ct : d.remoteMeterCts()) {
      Labels labels = device.merge(Labels.of("din", ct.din(), "ct", ct.ct()));
      out.addIfPresent(REMOTE_POWER, labels, ct.watts());
      out.addIfPresent(REMOTE_REACTIVE, labels, ct.voltAmperesReactive());
      out.addIfPresent(REMOTE_VOLTS, labels, ct.volts());
      out.addIfPresent(REMOTE_AMPERES, labels, ct.amperes());
      out.addIfPresent(REMOTE_EXPORTED, labels, ct.exportedJoules());
      out.addIfPresent(REMOTE_IMPORTED, labels, ct.importedJoules());
    }
    d.inverters().forEach(inverter -> renderInverter(inverter, device, out));
    d.batteries().forEach(battery -> renderBattery(battery, device, out));
    for (TedapiData.ComponentAlert a : d.componentAlerts()) {
      out.add(
          COMPONENT_ALERT,
          device.merge(
              Labels.of("inverter", a.unit(), "component", a.component(), "alert", a.alert())),
          1);
    }
    for (TedapiData.Block b : d.blocks()) {
      out.add(
          BLOCK_INFO,
          device.merge(Labels.of("din", b.din(), "type", b.type(), "role", b.role())),
          1);
    }
    out.addIfPresent(NativeNaming.RESERVE, device, d.reserveRatio());
    if (d.operationMode() != null) {
      out.add(NativeNaming.OPERATION_MODE, device.add("mode", d.operationMode()), 1);
    }
    out.addIfPresent(NativeNaming.SITE_ENERGY, device, d.nominalEnergyJoules());
    out.addIfPresent(NativeNaming.SITE_POWER, device, d.nominalPowerWatts());
  }

  private static void renderInverter(Inverter inverter, Labels device, Samples.Builder out) {
    Labels unit = device.add("inverter", inverter.id());
    for (PvString s : inverter.strings()) {
      Labels labels = unit.add("string", s.name());
      out.addIfPresent(STRING_VOLTS, labels, s.volts());
      out.addIfPresent(STRING_AMPERES, labels, s.amperes());
      out.addIfPresent(STRING_POWER, labels, s.watts());
      out.addIfPresent(STRING_CONNECTED, labels, s.connected());
      if (s.state() != null) {
        out.add(STRING_STATE, labels.add("state", s.state()), 1);
      }
    }
    out.addIfPresent(PV_POWER, unit, inverter.pvPowerWatts());
    out.addIfPresent(INVERTER_VOLTS, unit, inverter.volts());
    out.addIfPresent(INVERTER_HERTZ, unit, inverter.hertz());
    inverter
        .lineVolts()
        .forEach((line, volts) -> out.add(INVERTER_LINE_VOLTS, unit.add("line", line), volts));
    inverter
        .states()
        .forEach(
            (kind, state) ->
                out.add(INVERTER_STATE, unit.merge(Labels.of("kind", kind, "state", state)), 1));
    out.addIfPresent(INVERTER_BATTERY_POWER, unit, inverter.batteryPowerWatts());
    out.addIfPresent(INVERTER_AC_POWER, unit, inverter.acPowerWatts());
    inverter.fanRpm().forEach((fan, rpm) -> out.add(FAN_RPM, unit.add("fan", fan), rpm));
    inverter.fanDutyRatio().forEach((fan, duty) -> out.add(FAN_DUTY, unit.add("fan", fan), duty));
    if (inverter.ambientCelsius() != null) {
      out.add(INVERTER_TEMPERATURE, unit.add("sensor", "ambient"), inverter.ambientCelsius());
    }
    for (Map.Entry<String, Double> packs : inverter.packs().entrySet()) {
      out.add(PACKS, unit.add("state", packs.getKey()), packs.getValue());
    }
  }

  private static void renderBattery(Battery b, Labels device, Samples.Builder out) {
    Labels pack = device.add("serial", b.serial());
    out.addIfPresent(NativeBatteryNaming.BATTERY_FULL_PACK, pack, b.fullPackJoules());
    out.addIfPresent(NativeBatteryNaming.BATTERY_REMAINING, pack, b.remainingJoules());
    b.temperaturesCelsius()
        .forEach(
            (sensor, celsius) -> out.add(BATTERY_TEMPERATURE, pack.add("sensor", sensor), celsius));
    out.addIfPresent(NativeBatteryNaming.BATTERY_POWER, pack, b.outputWatts());
    out.addIfPresent(NativeBatteryNaming.BATTERY_VOLTS, pack, b.outputVolts());
    out.addIfPresent(NativeBatteryNaming.BATTERY_HERTZ, pack, b.outputHertz());
    if (b.pinvState() != null) {
      out.add(NativeBatteryNaming.BATTERY_PINV_STATE, pack.add("state", b.pinvState()), 1);
    }
    if (b.pinvGridState() != null) {
      out.add(NativeBatteryNaming.BATTERY_PINV_GRID_STATE, pack.add("state", b.pinvGridState()), 1);
    }
    out.addIfPresent(NativeBatteryNaming.BATTERY_DISCHARGED, pack, b.dischargedJoules());
    out.addIfPresent(BATTERY_CYCLES, pack, b.fullCycles());
    out.addIfPresent(BATTERY_DISCHARGED_CHARGE, pack, b.dischargedCoulombs());
    b.overTemperatureEvents()
        .forEach(
            (phase, events) -> out.add(BATTERY_OVER_TEMPERATURE, pack.add("phase", phase), events));
  }
}
