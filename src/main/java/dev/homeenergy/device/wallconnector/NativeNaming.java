package dev.homeenergy.device.wallconnector;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Objects;

/**
 * Prometheus-style names for a Wall Connector: prefix {@code tesla_wall_connector_}, base units
 * (joules, seconds, volts, a 0..1 ratio), lifetime totals as counters, a {@code device} label on
 * every sample. A sample is left out when its source field is absent.
 */
public final class NativeNaming implements Naming<WallConnectorReading> {
  static final String PREFIX = "tesla_wall_connector_";

  private static final double SECONDS_PER_HOUR = 3600;

  static final MetricFamily CONTACTOR_CLOSED =
      gauge(
          "contactor_closed",
          "1 while the contactor switches power to the car (vitals.contactor_closed).");
  static final MetricFamily VEHICLE_CONNECTED =
      gauge("vehicle_connected", "1 while a plug is inserted (vitals.vehicle_connected).");
  static final MetricFamily SESSION_DURATION =
      gauge(
          "session_duration_seconds",
          "seconds",
          "Time since plug-in; 0 once unplugged (vitals.session_s).");
  static final MetricFamily GRID_VOLTS =
      gauge("grid_volts", "volts", "Grid voltage (vitals.grid_v).");
  static final MetricFamily GRID_FREQUENCY =
      gauge("grid_frequency_hertz", "hertz", "Grid frequency (vitals.grid_hz).");
  static final MetricFamily VEHICLE_CURRENT =
      gauge(
          "vehicle_current_amperes",
          "amperes",
          "Current to the vehicle (vitals.vehicle_current_a).");
  static final MetricFamily PHASE_CURRENT =
      gauge(
          "phase_current_amperes",
          "amperes",
          "Current per input line; N is neutral (vitals.currentA_a .. currentN_a).");
  static final MetricFamily PHASE_VOLTAGE =
      gauge(
          "phase_voltage_volts",
          "volts",
          "Voltage per input line, measured after the contactor, so near 0 while it is open"
              + " (vitals.voltageA_v .. voltageC_v).");
  static final MetricFamily RELAY_COIL_VOLTS =
      gauge(
          "relay_coil_volts", "volts", "Relay coil voltage, older firmware (vitals.relay_coil_v).");
  static final MetricFamily RELAY_VOLTS =
      gauge(
          "relay_volts",
          "volts",
          "Relay voltage per relay, newer firmware (vitals.relay_k1_v, relay_k2_v).");
  static final MetricFamily TEMPERATURE =
      gauge(
          "temperature_celsius",
          "celsius",
          "Temperature per sensor (vitals.pcba_temp_c, handle_temp_c, mcu_temp_c).");
  static final MetricFamily UPTIME =
      gauge("uptime_seconds", "seconds", "Time since the unit last booted (vitals.uptime_s).");
  static final MetricFamily INPUT_THERMOPILE =
      gauge(
          "input_thermopile_volts",
          "volts",
          "Input wiring thermopile voltage, reported in microvolts (vitals.input_thermopile_uv).");
  static final MetricFamily PROXIMITY =
      gauge("proximity_volts", "volts", "Proximity pilot voltage (vitals.prox_v).");
  static final MetricFamily PILOT =
      gauge(
          "pilot_volts",
          "volts",
          "Control pilot voltage levels (vitals.pilot_high_v, pilot_low_v).");
  static final MetricFamily SESSION_ENERGY =
      gauge(
          "session_energy_joules",
          "joules",
          "Energy of the current or last session; resets at plug-in and is kept after unplug,"
              + " so a gauge (vitals.session_energy_wh).");
  static final MetricFamily CONFIG_STATUS =
      gauge(
          "config_status",
          "Configuration status code, meaning undocumented (vitals.config_status).");
  static final MetricFamily EVSE_STATE =
      gauge(
          "evse_state",
          "EVSE state code; the state label is Home Assistant's name for it, unknown when unmapped"
              + " (vitals.evse_state).");
  static final MetricFamily CURRENT_ALERTS =
      gauge("current_alerts", "Number of active alerts (vitals.current_alerts).");
  static final MetricFamily CURRENT_ALERT =
      gauge("current_alert", "1 per active alert, labelled with its code (vitals.current_alerts).");
  static final MetricFamily NOT_READY_REASONS =
      gauge(
          "evse_not_ready_reasons", "Number of not-ready reasons (vitals.evse_not_ready_reasons).");
  static final MetricFamily NOT_READY_REASON =
      gauge(
          "evse_not_ready_reason",
          "1 per not-ready reason, labelled with its code (vitals.evse_not_ready_reasons).");
  static final MetricFamily POWER =
      gauge(
          "power_watts",
          "watts",
          "Charging power, sum of voltage times current over lines A, B and C; forced to 0 while the"
              + " contactor is open because idle readings show phantom current and voltage"
              + " (vitals.voltageX_v, currentX_a, contactor_closed).");

  static final MetricFamily CONTACTOR_CYCLES =
      counter("contactor_cycles", null, "Contactor close cycles (lifetime.contactor_cycles).");
  static final MetricFamily CONTACTOR_CYCLES_LOADED =
      counter(
          "contactor_cycles_loaded",
          null,
          "Contactor cycles switched under load (lifetime.contactor_cycles_loaded).");
  static final MetricFamily ALERTS =
      counter("alerts", null, "Alerts raised; high on healthy units too (lifetime.alert_count).");
  static final MetricFamily THERMAL_FOLDBACKS =
      counter(
          "thermal_foldbacks",
          null,
          "Current reductions due to heat (lifetime.thermal_foldbacks).");
  static final MetricFamily CHARGE_STARTS =
      counter("charge_starts", null, "Charge starts (lifetime.charge_starts).");
  static final MetricFamily CONNECTOR_CYCLES =
      counter("connector_cycles", null, "Plug insertions (lifetime.connector_cycles).");
  static final MetricFamily ENERGY_DELIVERED =
      counter(
          "energy_delivered_joules", "joules", "Energy delivered in total (lifetime.energy_wh).");
  static final MetricFamily LIFETIME_UPTIME =
      counter("lifetime_uptime_seconds", "seconds", "Total powered-on time (lifetime.uptime_s).");
  static final MetricFamily CHARGING_TIME =
      counter(
          "charging_time_seconds", "seconds", "Total charging time (lifetime.charging_time_s).");
  static final MetricFamily AVERAGE_STARTUP_TEMPERATURE =
      gauge(
          "average_startup_temperature_celsius",
          "celsius",
          "Average temperature at start-up; absent when the device sends nan"
              + " (lifetime.avg_startup_temp).");

  static final MetricFamily WIFI_SIGNAL_STRENGTH =
      gauge(
          "wifi_signal_strength_ratio",
          "ratio",
          "Wi-Fi signal strength, 0..1 (wifi_status.wifi_signal_strength percent / 100).");
  static final MetricFamily WIFI_RSSI =
      gauge("wifi_rssi_dbm", "Wi-Fi received signal strength in dBm (wifi_status.wifi_rssi).");
  static final MetricFamily WIFI_SNR =
      gauge("wifi_snr_decibels", "Wi-Fi signal-to-noise ratio in dB (wifi_status.wifi_snr).");
  static final MetricFamily WIFI_CONNECTED =
      gauge("wifi_connected", "1 while connected to Wi-Fi (wifi_status.wifi_connected).");
  static final MetricFamily INTERNET_CONNECTED =
      gauge("internet_connected", "1 while the internet is reachable (wifi_status.internet).");
  static final MetricFamily WIFI_INFO =
      MetricFamily.info(
          PREFIX + "wifi",
          "Wi-Fi network: base64-decoded SSID, IP and MAC"
              + " (wifi_status.wifi_ssid, wifi_infra_ip, wifi_mac).");

  static final MetricFamily INFO =
      MetricFamily.info(
          "tesla_wall_connector",
          "Firmware and hardware identity (version.firmware_version, git_branch, part_number,"
              + " serial_number, web_service).");

  @Override
  public void render(WallConnectorReading reading, String deviceName, Samples.Builder out) {
    Labels device = Labels.of("device", deviceName);
    if (reading.vitals() != null) {
      renderVitals(reading.vitals(), device, out);
    }
    if (reading.lifetime() != null) {
      renderLifetime(reading.lifetime(), device, out);
    }
    if (reading.wifi() != null) {
      renderWifi(reading.wifi(), device, out);
    }
    if (reading.version() != null) {
      renderVersion(reading.version(), device, out);
    }
  }

  private static void renderVitals(Vitals v, Labels device, Samples.Builder out) {
    out.addIfPresent(CONTACTOR_CLOSED, device, v.contactorClosed());
    out.addIfPresent(VEHICLE_CONNECTED, device, v.vehicleConnected());
    out.addIfPresent(SESSION_DURATION, device, v.sessionSeconds());
    out.addIfPresent(GRID_VOLTS, device, v.gridVolts());
    out.addIfPresent(GRID_FREQUENCY, device, v.gridHertz());
    out.addIfPresent(VEHICLE_CURRENT, device, v.vehicleCurrentAmps());
    out.addIfPresent(PHASE_CURRENT, device.add("phase", "A"), v.currentAAmps());
    out.addIfPresent(PHASE_CURRENT, device.add("phase", "B"), v.currentBAmps());
    out.addIfPresent(PHASE_CURRENT, device.add("phase", "C"), v.currentCAmps());
    out.addIfPresent(PHASE_CURRENT, device.add("phase", "N"), v.currentNAmps());
    out.addIfPresent(PHASE_VOLTAGE, device.add("phase", "A"), v.voltageAVolts());
    out.addIfPresent(PHASE_VOLTAGE, device.add("phase", "B"), v.voltageBVolts());
    out.addIfPresent(PHASE_VOLTAGE, device.add("phase", "C"), v.voltageCVolts());
    out.addIfPresent(RELAY_COIL_VOLTS, device, v.relayCoilVolts());
    out.addIfPresent(RELAY_VOLTS, device.add("relay", "k1"), v.relayK1Volts());
    out.addIfPresent(RELAY_VOLTS, device.add("relay", "k2"), v.relayK2Volts());
    out.addIfPresent(TEMPERATURE, device.add("sensor", "pcba"), v.pcbaTempCelsius());
    out.addIfPresent(TEMPERATURE, device.add("sensor", "handle"), v.handleTempCelsius());
    out.addIfPresent(TEMPERATURE, device.add("sensor", "mcu"), v.mcuTempCelsius());
    out.addIfPresent(UPTIME, device, v.uptimeSeconds());
    if (v.inputThermopileMicrovolts() != null) {
      out.add(INPUT_THERMOPILE, device, v.inputThermopileMicrovolts() / 1_000_000.0);
    }
    out.addIfPresent(PROXIMITY, device, v.proxVolts());
    out.addIfPresent(PILOT, device.add("level", "high"), v.pilotHighVolts());
    out.addIfPresent(PILOT, device.add("level", "low"), v.pilotLowVolts());
    if (v.sessionEnergyWh() != null) {
      out.add(SESSION_ENERGY, device, v.sessionEnergyWh() * SECONDS_PER_HOUR);
    }
    out.addIfPresent(CONFIG_STATUS, device, v.configStatus());
    if (v.evseState() != null) {
      out.add(EVSE_STATE, device.add("state", EvseState.labelOf(v.evseState())), v.evseState());
    }
    renderList(v.currentAlerts(), CURRENT_ALERTS, CURRENT_ALERT, "alert", device, out);
    renderList(v.evseNotReadyReasons(), NOT_READY_REASONS, NOT_READY_REASON, "reason", device, out);
    Double power = power(v);
    if (power != null) {
      out.add(POWER, device, power);
    }
  }

  private static void renderList(
      List<String> elements,
      MetricFamily count,
      MetricFamily each,
      String label,
      Labels device,
      Samples.Builder out) {
    if (elements == null) {
      return;
    }
    out.add(count, device, elements.size());
    elements.stream().distinct().forEach(element -> out.add(each, device.add(label, element), 1));
  }

  /**
   * Σ voltageX_v × currentX_a over lines A, B, C with both values present; 0 while the contactor is
   * open; null when the contactor state or every line is missing.
   */
  static Double power(Vitals v) {
    if (v.contactorClosed() == null) {
      return null;
    }
    Double[][] lines = {
      {v.voltageAVolts(), v.currentAAmps()},
      {v.voltageBVolts(), v.currentBAmps()},
      {v.voltageCVolts(), v.currentCAmps()},
    };
    double sum = 0;
    boolean any = false;
    for (Double[] line : lines) {
      if (line[0] != null && line[1] != null) {
        sum += line[0] * line[1];
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    return v.contactorClosed() ? sum : 0.0;
  }

  private static void renderLifetime(Lifetime l, Labels device, Samples.Builder out) {
    out.addIfPresent(CONTACTOR_CYCLES, device, l.contactorCycles());
    out.addIfPresent(CONTACTOR_CYCLES_LOADED, device, l.contactorCyclesLoaded());
    out.addIfPresent(ALERTS, device, l.alertCount());
    out.addIfPresent(THERMAL_FOLDBACKS, device, l.thermalFoldbacks());
    out.addIfPresent(CHARGE_STARTS, device, l.chargeStarts());
    out.addIfPresent(CONNECTOR_CYCLES, device, l.connectorCycles());
    if (l.energyWh() != null) {
      out.add(ENERGY_DELIVERED, device, l.energyWh() * SECONDS_PER_HOUR);
    }
    out.addIfPresent(LIFETIME_UPTIME, device, l.uptimeSeconds());
    out.addIfPresent(CHARGING_TIME, device, l.chargingTimeSeconds());
    out.addIfPresent(AVERAGE_STARTUP_TEMPERATURE, device, l.avgStartupTempCelsius());
  }

  private static void renderWifi(WifiStatus w, Labels device, Samples.Builder out) {
    if (w.signalStrengthPercent() != null) {
      out.add(WIFI_SIGNAL_STRENGTH, device, w.signalStrengthPercent() / 100.0);
    }
    out.addIfPresent(WIFI_RSSI, device, w.rssiDbm());
    out.addIfPresent(WIFI_SNR, device, w.snrDecibels());
    out.addIfPresent(WIFI_CONNECTED, device, w.connected());
    out.addIfPresent(INTERNET_CONNECTED, device, w.internet());
    out.info(
        WIFI_INFO,
        device.merge(
            Labels.of(
                "ssid", text(w.decodedSsid()),
                "ip", text(w.infraIp()),
                "mac", text(w.mac()))));
  }

  private static void renderVersion(Version v, Labels device, Samples.Builder out) {
    out.info(
        INFO,
        device.merge(
            Labels.of(
                "firmware_version", text(v.firmwareVersion()),
                "git_branch", text(v.gitBranch()),
                "part_number", text(v.partNumber()),
                "serial_number", text(v.serialNumber()),
                "web_service", text(v.webService()))));
  }

  private static String text(String value) {
    return Objects.requireNonNullElse(value, "");
  }

  private static MetricFamily gauge(String name, String help) {
    return MetricFamily.gauge(PREFIX + name, help);
  }

  private static MetricFamily gauge(String name, String unit, String help) {
    return MetricFamily.gauge(PREFIX + name, unit, help);
  }

  private static MetricFamily counter(String name, String unit, String help) {
    return MetricFamily.counter(PREFIX + name, unit, help);
  }
}
