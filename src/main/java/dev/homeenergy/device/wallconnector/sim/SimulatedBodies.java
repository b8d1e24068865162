package dev.homeenergy.device.wallconnector.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.homeenergy.device.wallconnector.Firmware;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Renders the simulated unit's API bodies the way the firmware prints them: one compact line, keys
 * in the real order, a fixed number of decimals per field (so {@code 50.020} and {@code 0.000} keep
 * their trailing zeros).
 */
final class SimulatedBodies {
  private final JsonFactory factory = new JsonFactory();
  private final SimulatedIdentity identity;

  SimulatedBodies(SimulatedIdentity identity) {
    this.identity = identity;
  }

  String vitals(ChargeModelVitals v, Firmware firmware) {
    return render(
        g -> {
          g.writeBooleanField("contactor_closed", v.contactorClosed());
          g.writeBooleanField("vehicle_connected", v.vehicleConnected());
          g.writeNumberField("session_s", v.sessionS());
          decimal(g, "grid_v", v.gridV(), 1);
          decimal(g, "grid_hz", v.gridHz(), 3);
          decimal(g, "vehicle_current_a", v.vehicleCurrentA(), 1);
          decimal(g, "currentA_a", v.currentAA(), 1);
          decimal(g, "currentB_a", v.currentBA(), 1);
          decimal(g, "currentC_a", v.currentCA(), 1);
          decimal(g, "currentN_a", v.currentNA(), 1);
          decimal(g, "voltageA_v", v.voltageAV(), 1);
          decimal(g, "voltageB_v", v.voltageBV(), 1);
          decimal(g, "voltageC_v", v.voltageCV(), 1);
          if (firmware.reportsSplitRelay()) {
            decimal(g, "relay_k1_v", v.relayCoilV(), 1);
            decimal(g, "relay_k2_v", v.relayCoilV(), 1);
          } else {
            double relay = firmware.idlesRelayCoilHigh() ? v.relayCoilIdleHighV() : v.relayCoilV();
            decimal(g, "relay_coil_v", relay, 1);
          }
          decimal(g, "pcba_temp_c", v.pcbaTempC(), 1);
          decimal(g, "handle_temp_c", v.handleTempC(), 1);
          decimal(g, "mcu_temp_c", v.mcuTempC(), 1);
          g.writeNumberField("uptime_s", v.uptimeS());
          g.writeNumberField("input_thermopile_uv", v.inputThermopileUv());
          decimal(g, "prox_v", v.proxV(), 1);
          decimal(g, "pilot_high_v", v.pilotHighV(), 1);
          decimal(g, "pilot_low_v", v.pilotLowV(), 1);
          g.writeFieldName("session_energy_wh");
          g.writeNumber(sessionEnergy(v.sessionEnergyWh()));
          g.writeNumberField("config_status", v.configStatus());
          g.writeNumberField("evse_state", v.evseState());
          intArray(g, "current_alerts", v.currentAlerts());
          if (firmware.reportsNotReadyReasons()) {
            intArray(g, "evse_not_ready_reasons", v.evseNotReadyReasons());
          }
        });
  }

  /**
   * @param nanStartupTemp print {@code avg_startup_temp} as the bare token {@code nan}, as some
   *     units do (the body is then not JSON)
   */
  String lifetime(ChargeModelLifetime l, boolean nanStartupTemp) {
    return render(
        g -> {
          g.writeNumberField("contactor_cycles", l.contactorCycles());
          g.writeNumberField("contactor_cycles_loaded", l.contactorCyclesLoaded());
          g.writeNumberField("alert_count", l.alertCount());
          g.writeNumberField("thermal_foldbacks", l.thermalFoldbacks());
          g.writeFieldName("avg_startup_temp");
          if (nanStartupTemp) {
            g.writeRawValue("nan");
          } else {
            g.writeNumber(fixed(l.avgStartupTemp(), 1));
          }
          g.writeNumberField("charge_starts", l.chargeStarts());
          g.writeNumberField("energy_wh", l.printedEnergyWh());
          g.writeNumberField("connector_cycles", l.connectorCycles());
          g.writeNumberField("uptime_s", l.uptimeS());
          g.writeNumberField("charging_time_s", l.chargingTimeS());
        });
  }

  String wifiStatus(int rssi) {
    return render(
        g -> {
          g.writeStringField(
              "wifi_ssid",
              Base64.getEncoder().encodeToString(identity.ssid().getBytes(StandardCharsets.UTF_8)));
          g.writeNumberField("wifi_signal_strength", Math.max(0, Math.min(100, 2 * (rssi + 90))));
          g.writeNumberField("wifi_rssi", rssi);
          g.writeNumberField("wifi_snr", rssi + 93);
          g.writeBooleanField("wifi_connected", true);
          g.writeStringField("wifi_infra_ip", identity.ipAddress());
          g.writeBooleanField("internet", true);
          g.writeStringField("wifi_mac", identity.macAddress());
        });
  }

  String version(Firmware firmware) {
    return render(
        g -> {
          g.writeStringField("firmware_version", firmware.version());
          if (firmware.reportsExtendedVersion()) {
            g.writeStringField("git_branch", "HEAD");
          }
          g.writeStringField("part_number", identity.partNumber());
          g.writeStringField("serial_number", identity.serialNumber());
          if (firmware.reportsExtendedVersion()) {
            g.writeStringField("web_service", "h3-hermes-prd.sn.tesla.services");
          }
        });
  }

  /**
   * The firmware keeps session energy at 0.1 Wh resolution in a 32-bit float and prints it with
   * three decimals, hence values such as {@code 110.100} and {@code 25164.699}.
   */
  static String sessionEnergy(double wh) {
    float stored = (float) (Math.round(wh * 10) / 10.0);
    return fixed(stored, 3);
  }

  /**
   * Fixed decimals, half-up, keeping a negative zero's sign ({@code -0.0}) as the firmware does.
   */
  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static void decimal(JsonGenerator g, String name, double value, int decimals)
      throws IOException {
    g.writeFieldName(name);
    g.writeNumber(fixed(value, decimals));
  }

  private static void intArray(JsonGenerator g, String name, List<Integer> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (int value : values) {
      g.writeNumber(value);
    }
    g.writeEndArray();
  }

  private String render(Fields fields) {
    StringWriter out = new StringWriter(600);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @FunctionalInterface
  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }
}
