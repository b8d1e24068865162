package dev.homeenergy.device.wallconnector;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;

/**
 * The metrics of the {@code twc_fetcher.py} exporter this one replaces, so its dashboards keep
 * working: its fixed set of 44 names (the raw JSON field names, no prefix; lifetime {@code
 * uptime_s} as {@code uptime_all}), every metric a gauge, no {@code device} label, booleans as 1/0,
 * arrays as their element count with the elements comma-joined in a {@code values} label, strings
 * as 1 with the text in a {@code value} label (the SSID stays base64, as that exporter sends it).
 * Like the original, which reads each field with a default, an absent number or boolean is 0, an
 * absent array is empty ({@code values=""} 0) and an absent string is {@code value=""} 1, so the
 * same 44 series exist on every firmware; fields outside its set ({@code relay_k1_v}, {@code
 * relay_k2_v}, {@code avg_startup_temp}, version) are not exported.
 */
public final class CompatNaming implements Naming<WallConnectorReading> {

  static final MetricFamily CONTACTOR_CLOSED = gauge("contactor_closed", "Contactor state (0/1)");
  static final MetricFamily VEHICLE_CONNECTED =
      gauge("vehicle_connected", "Vehicle connection state (0/1)");
  static final MetricFamily SESSION_S =
      gauge("session_s", "Current charging session duration (seconds)");
  static final MetricFamily GRID_V = gauge("grid_v", "Grid voltage (V)");
  static final MetricFamily GRID_HZ = gauge("grid_hz", "Grid frequency (Hz)");
  static final MetricFamily VEHICLE_CURRENT_A =
      gauge("vehicle_current_a", "Current delivered to vehicle (A)");
  static final MetricFamily CURRENT_A_A = gauge("currentA_a", "Phase A current (A)");
  static final MetricFamily CURRENT_B_A = gauge("currentB_a", "Phase B current (A)");
  static final MetricFamily CURRENT_C_A = gauge("currentC_a", "Phase C current (A)");
  static final MetricFamily CURRENT_N_A = gauge("currentN_a", "Neutral current (A)");
  static final MetricFamily VOLTAGE_A_V = gauge("voltageA_v", "Phase A voltage (V)");
  static final MetricFamily VOLTAGE_B_V = gauge("voltageB_v", "Phase B voltage (V)");
  static final MetricFamily VOLTAGE_C_V = gauge("voltageC_v", "Phase C voltage (V)");
  static final MetricFamily RELAY_COIL_V = gauge("relay_coil_v", "Relay coil voltage (V)");
  static final MetricFamily PCBA_TEMP_C = gauge("pcba_temp_c", "PCBA temperature (°C)");
  static final MetricFamily HANDLE_TEMP_C = gauge("handle_temp_c", "Handle temperature (°C)");
  static final MetricFamily MCU_TEMP_C = gauge("mcu_temp_c", "MCU temperature (°C)");
  static final MetricFamily UPTIME_S = gauge("uptime_s", "Current uptime (seconds)");
  static final MetricFamily INPUT_THERMOPILE_UV =
      gauge("input_thermopile_uv", "Thermopile reading (µV)");
  static final MetricFamily PROX_V = gauge("prox_v", "Proximity voltage (V)");
  static final MetricFamily PILOT_HIGH_V = gauge("pilot_high_v", "Pilot signal high voltage (V)");
  static final MetricFamily PILOT_LOW_V = gauge("pilot_low_v", "Pilot signal low voltage (V)");
  static final MetricFamily SESSION_ENERGY_WH =
      gauge("session_energy_wh", "Energy delivered in current session (Wh)");
  static final MetricFamily CONFIG_STATUS = gauge("config_status", "Configuration status");
  static final MetricFamily EVSE_STATE = gauge("evse_state", "EVSE state code");
  static final MetricFamily CURRENT_ALERTS =
      gauge("current_alerts", "Current alerts (count and comma-separated list)");
  static final MetricFamily EVSE_NOT_READY_REASONS =
      gauge("evse_not_ready_reasons", "EVSE not ready reasons (count and list)");

  static final MetricFamily WIFI_SIGNAL_STRENGTH =
      gauge("wifi_signal_strength", "WiFi signal strength (%)");
  static final MetricFamily WIFI_RSSI = gauge("wifi_rssi", "WiFi RSSI (dBm)");
  static final MetricFamily WIFI_SNR = gauge("wifi_snr", "WiFi signal-to-noise ratio (dB)");
  static final MetricFamily WIFI_CONNECTED = gauge("wifi_connected", "WiFi connection state (0/1)");
  static final MetricFamily INTERNET = gauge("internet", "Internet connectivity state (0/1)");
  static final MetricFamily WIFI_SSID = gauge("wifi_ssid", "WiFi SSID (as label)");
  static final MetricFamily WIFI_MAC = gauge("wifi_mac", "WiFi MAC address (as label)");
  static final MetricFamily WIFI_INFRA_IP = gauge("wifi_infra_ip", "WiFi IP address (as label)");

  static final MetricFamily CONTACTOR_CYCLES =
      gauge("contactor_cycles", "Contactor cycle count (total)");
  static final MetricFamily CONTACTOR_CYCLES_LOADED =
      gauge("contactor_cycles_loaded", "Contactor cycle count (loaded)");
  static final MetricFamily ALERT_COUNT = gauge("alert_count", "Alert count");
  static final MetricFamily THERMAL_FOLDBACKS =
      gauge("thermal_foldbacks", "Thermal foldback events");
  static final MetricFamily CHARGE_STARTS =
      gauge("charge_starts", "Total number of charging sessions");
  static final MetricFamily ENERGY_WH = gauge("energy_wh", "Total energy delivered (Wh)");
  static final MetricFamily CONNECTOR_CYCLES =
      gauge("connector_cycles", "Connector insertion count");
  static final MetricFamily UPTIME_ALL = gauge("uptime_all", "Total uptime (seconds)");
  static final MetricFamily CHARGING_TIME_S =
      gauge("charging_time_s", "Total charging time (seconds)");

  @Override
  public void render(WallConnectorReading reading, String deviceName, Samples.Builder out) {
    Labels none = Labels.EMPTY;
    Vitals v = reading.vitals();
    if (v != null) {
      out.add(CONTACTOR_CLOSED, none, orZero(v.contactorClosed()));
      out.add(VEHICLE_CONNECTED, none, orZero(v.vehicleConnected()));
      out.add(SESSION_S, none, orZero(v.sessionSeconds()));
      out.add(GRID_V, none, orZero(v.gridVolts()));
      out.add(GRID_HZ, none, orZero(v.gridHertz()));
      out.add(VEHICLE_CURRENT_A, none, orZero(v.vehicleCurrentAmps()));
      out.add(CURRENT_A_A, none, orZero(v.currentAAmps()));
      out.add(CURRENT_B_A, none, orZero(v.currentBAmps()));
      out.add(CURRENT_C_A, none, orZero(v.currentCAmps()));
      out.add(CURRENT_N_A, none, orZero(v.currentNAmps()));
      out.add(VOLTAGE_A_V, none, orZero(v.voltageAVolts()));
      out.add(VOLTAGE_B_V, none, orZero(v.voltageBVolts()));
      out.add(VOLTAGE_C_V, none, orZero(v.voltageCVolts()));
      out.add(RELAY_COIL_V, none, orZero(v.relayCoilVolts()));
      out.add(PCBA_TEMP_C, none, orZero(v.pcbaTempCelsius()));
      out.add(HANDLE_TEMP_C, none, orZero(v.handleTempCelsius()));
      out.add(MCU_TEMP_C, none, orZero(v.mcuTempCelsius()));
      out.add(UPTIME_S, none, orZero(v.uptimeSeconds()));
      out.add(INPUT_THERMOPILE_UV, none, orZero(v.inputThermopileMicrovolts()));
      out.add(PROX_V, none, orZero(v.proxVolts()));
      out.add(PILOT_HIGH_V, none, orZero(v.pilotHighVolts()));
      out.add(PILOT_LOW_V, none, orZero(v.pilotLowVolts()));
      out.add(SESSION_ENERGY_WH, none, orZero(v.sessionEnergyWh()));
      out.add(CONFIG_STATUS, none, orZero(v.configStatus()));
      out.add(EVSE_STATE, none, orZero(v.evseState()));
      addList(CURRENT_ALERTS, v.currentAlerts(), out);
      addList(EVSE_NOT_READY_REASONS, v.evseNotReadyReasons(), out);
    }
    WifiStatus w = reading.wifi();
    if (w != null) {
      addText(WIFI_SSID, w.ssid(), out);
      out.add(WIFI_SIGNAL_STRENGTH, none, orZero(w.signalStrengthPercent()));
      out.add(WIFI_RSSI, none, orZero(w.rssiDbm()));
      out.add(WIFI_SNR, none, orZero(w.snrDecibels()));
      out.add(WIFI_CONNECTED, none, orZero(w.connected()));
      addText(WIFI_INFRA_IP, w.infraIp(), out);
      out.add(INTERNET, none, orZero(w.internet()));
      addText(WIFI_MAC, w.mac(), out);
    }
    Lifetime l = reading.lifetime();
    if (l != null) {
      out.add(CONTACTOR_CYCLES, none, orZero(l.contactorCycles()));
      out.add(CONTACTOR_CYCLES_LOADED, none, orZero(l.contactorCyclesLoaded()));
      out.add(ALERT_COUNT, none, orZero(l.alertCount()));
      out.add(THERMAL_FOLDBACKS, none, orZero(l.thermalFoldbacks()));
      out.add(CHARGE_STARTS, none, orZero(l.chargeStarts()));
      out.add(ENERGY_WH, none, orZero(l.energyWh()));
      out.add(CONNECTOR_CYCLES, none, orZero(l.connectorCycles()));
      out.add(UPTIME_ALL, none, orZero(l.uptimeSeconds()));
      out.add(CHARGING_TIME_S, none, orZero(l.chargingTimeSeconds()));
    }
  }

  private static void addList(MetricFamily family, List<String> elements, Samples.Builder out) {
    List<String> present = elements == null ? List.of() : elements;
    out.add(family, Labels.of("values", String.join(",", present)), present.size());
  }

  private static void addText(MetricFamily family, String value, Samples.Builder out) {
    out.add(family, Labels.of("value", value == null ? "" : value), 1);
  }

  private static double orZero(Number value) {
    return value == null ? 0 : value.doubleValue();
  }

  private static double orZero(Boolean value) {
    return value != null && value ? 1 : 0;
  }

  private static MetricFamily gauge(String name, String help) {
    return MetricFamily.gauge(name, help);
  }
}
