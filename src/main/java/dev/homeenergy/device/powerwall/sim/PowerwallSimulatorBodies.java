package dev.homeenergy.device.powerwall.sim;

import static dev.homeenergy.device.powerwall.sim.PowerwallSimulatorJson.number;
import static dev.homeenergy.device.powerwall.sim.PowerwallSimulatorJson.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Renders the gateway's configuration and status bodies ({@code status}, {@code sitemaster}, {@code
 * operation}, {@code networks}, {@code powerwalls}, {@code site_info}, login and error bodies) in
 * the key order and value formats of the captures for the given firmware.
 */
final class PowerwallSimulatorBodies {
  private static final String SITE_CONTROLLER_RUNNING =
      "Cannot perform this action with site "
          + "controller running. From landing page, either \"STOP SYSTEM\" or \"RUN WIZARD\" to proceed.";

  private final PowerwallSimulatorJson json = new PowerwallSimulatorJson();
  private final PowerwallSimulatorIdentity identity;
  private final PowerwallSimulatorFirmware firmware;
  private final int packs;

  PowerwallSimulatorBodies(
      PowerwallSimulatorIdentity identity, PowerwallSimulatorFirmware firmware, int packs) {
    this.identity = identity;
    this.firmware = firmware;
    this.packs = packs;
  }

  String status(Instant startTime, Duration upTime, long commissionCount) {
    return json.object(
        g -> {
          g.writeStringField("din", identity.din());
          g.writeStringField("start_time", PowerwallSimulatorJson.startTime(startTime));
          g.writeStringField("up_time_seconds", PowerwallSimulatorJson.goDuration(upTime));
          g.writeBooleanField("is_new", false);
          g.writeStringField("version", firmware.version());
          g.writeStringField("git_hash", firmware.gitHash());
          g.writeNumberField("commission_count", commissionCount);
          g.writeStringField("device_type", "teg");
          if (firmware.is23()) {
            g.writeStringField("teg_type", "unknown");
            g.writeStringField("sync_type", "v2.1");
            g.writeBooleanField("cellular_disabled", false);
            g.writeBooleanField("can_reboot", true);
          } else {
            g.writeStringField("sync_type", "v2.1");
            g.writeStringField("leader", "");
            g.writeNullField("followers");
            g.writeBooleanField("cellular_disabled", false);
          }
        });
  }

  String soe(double percentage) {
    return json.object(g -> number(g, "percentage", percentage));
  }

  String operation(double backupReservePercent) {
    return json.object(
        g -> {
          g.writeStringField("real_mode", "self_consumption");
          number(g, "backup_reserve_percent", backupReservePercent);
          g.writeNumberField("freq_shift_load_shed_soe", 75);
          number(g, "freq_shift_load_shed_delta_f", -0.32);
        });
  }

  String sitemaster(boolean running) {
    return json.object(
        g -> {
          g.writeStringField("status", running ? "StatusUp" : "StatusDown");
          g.writeBooleanField("running", running);
          g.writeBooleanField("connected_to_tesla", true);
          g.writeBooleanField("power_supply_mode", false);
          g.writeStringField("can_reboot", running ? "Yes" : "");
        });
  }

  String problems() {
    return json.object(g -> strings(g, "problems", List.of()));
  }

  String gridStatus(boolean islanded) {
    return json.object(
        g -> {
          g.writeStringField(
              "grid_status", islanded ? "SystemIslandedActive" : "SystemGridConnected");
          g.writeBooleanField("grid_services_active", islanded);
        });
  }

  String emptyArray() {
    return "[]";
  }

  String siteInfo() {
    return json.object(
        g -> {
          number(g, "max_system_energy_kWh", 13.5 * packs);
          number(g, "max_system_power_kW", 5.0 * packs);
          g.writeStringField("site_name", identity.siteName());
          g.writeStringField("timezone", PowerwallSimulatorJson.SITE_ZONE.getId());
          g.writeNumberField("max_site_meter_power_kW", 1_000_000_000);
          g.writeNumberField("min_site_meter_power_kW", -1_000_000_000);
          number(g, "nominal_system_energy_kWh", 13.5 * packs);
          number(g, "nominal_system_power_kW", 5.0 * packs);
          if (firmware.is23()) {
            g.writeNumberField("panel_max_current", 100);
          }
          g.writeObjectFieldStart("grid_code");
          g.writeStringField("grid_code", "60Hz_240V_s_UL1741SA:2019_California");
          g.writeNumberField("grid_voltage_setting", 240);
          g.writeNumberField("grid_freq_setting", 60);
          g.writeStringField("grid_phase_setting", "Split");
          g.writeStringField("country", "United States");
          g.writeStringField("state", "California");
          g.writeStringField("distributor", "*");
          g.writeStringField("utility", "Pacific Gas and Electric Company");
          g.writeStringField("retailer", "CleanPowerSF (CPSF)");
          g.writeStringField("region", "UL1741SA-CA:2019");
          g.writeEndObject();
        });
  }

  String siteName() {
    return json.object(
        g -> {
          g.writeStringField("site_name", identity.siteName());
          g.writeStringField("timezone", PowerwallSimulatorJson.SITE_ZONE.getId());
        });
  }

  String networks() {
    return json.render(
        g -> {
          g.writeStartArray();
          g.writeStartObject();
          g.writeStringField("network_name", "ethernet_tesla_internal_default");
          g.writeStringField("interface", "EthType");
          enabledAndDhcp(g, true);
          g.writeArrayFieldStart("extra_ips");
          g.writeStartObject();
          g.writeStringField("ip", "192.168.90.2");
          g.writeNumberField("netmask", 24);
          g.writeEndObject();
          g.writeEndArray();
          flags(g, false, false, false);
          g.writeEndObject();

          g.writeStartObject();
          g.writeStringField("network_name", "gsm_tesla_internal_default");
          g.writeStringField("interface", "GsmType");
          enabledAndDhcp(g, null);
          flags(g, true, false, false);
          ifaceInfo(
              g,
              "gsm_tesla_internal_default",
              "GsmType",
              "10.178.39.2",
              "255.255.255.255",
              "/////w==",
              "10.178.39.1",
              71,
              "");
          g.writeEndObject();

          g.writeStartObject();
          g.writeStringField("network_name", identity.wifiSsid());
          g.writeStringField("interface", "WifiType");
          g.writeStringField("security_type", "WPA2_Personal");
          enabledAndDhcp(g, true);
          g.writeStringField("username", "");
          flags(g, true, true, true);
          ifaceInfo(
              g,
              identity.wifiSsid(),
              "WifiType",
              "192.168.1.87",
              "255.255.255.0",
              "////AA==",
              "192.168.1.1",
              59,
              identity.wifiMac());
          g.writeEndObject();
          g.writeEndArray();
        });
  }

  /** 21.44 prints {@code dhcp} before {@code enabled}, 23.x the other way round. */
  private void enabledAndDhcp(JsonGenerator g, Boolean dhcp) throws IOException {
    if (firmware.is23()) {
      g.writeBooleanField("enabled", true);
    }
    if (dhcp == null) {
      g.writeNullField("dhcp");
    } else {
      g.writeBooleanField("dhcp", dhcp);
    }
    if (!firmware.is23()) {
      g.writeBooleanField("enabled", true);
    }
  }

  private static void flags(JsonGenerator g, boolean active, boolean primary, boolean connected)
      throws IOException {
    g.writeBooleanField("active", active);
    g.writeBooleanField("primary", primary);
    g.writeBooleanField("lastTeslaConnected", connected);
    g.writeBooleanField("lastInternetConnected", connected);
  }

  private void ifaceInfo(
      JsonGenerator g,
      String name,
      String iface,
      String ip,
      String mask,
      String base64Mask,
      String gateway,
      int signal,
      String mac)
      throws IOException {
    g.writeObjectFieldStart("iface_network_info");
    g.writeStringField("network_name", name);
    g.writeArrayFieldStart("ip_networks");
    g.writeStartObject();
    if (firmware.is23()) {
      g.writeStringField("IP", "");
      g.writeStringField("Mask", base64Mask);
    } else {
      g.writeStringField("ip", ip);
      g.writeStringField("mask", mask);
    }
    g.writeEndObject();
    g.writeEndArray();
    g.writeStringField("gateway", firmware.is23() ? "" : gateway);
    g.writeStringField("interface", iface);
    g.writeStringField("state", "DeviceStateReady");
    g.writeStringField("state_reason", "DeviceStateReasonNone");
    g.writeNumberField("signal_strength", signal);
    g.writeStringField("hw_address", mac);
    g.writeEndObject();
  }

  String powerwalls(Instant now, int nanos) {
    String checkTime = PowerwallSimulatorJson.rfc3339(now, nanos);
    return json.object(
        g -> {
          g.writeBooleanField("enumerating", false);
          g.writeBooleanField("updating", false);
          g.writeBooleanField("checking_if_offgrid", false);
          g.writeBooleanField("running_phase_detection", false);
          g.writeStringField("phase_detection_last_error", "no phase information");
          g.writeBooleanField("bubble_shedding", false);
          g.writeStringField("on_grid_check_error", "run sitemanager flag enabled");
          g.writeBooleanField("grid_qualifying", false);
          g.writeBooleanField("grid_code_validating", false);
          g.writeBooleanField("phase_detection_not_available", true);
          g.writeArrayFieldStart("powerwalls");
          for (int pack = 0; pack < packs; pack++) {
            g.writeStartObject();
            g.writeStringField("Type", "");
            g.writeStringField("PackagePartNumber", identity.packPartNumber(pack));
            g.writeStringField("PackageSerialNumber", identity.packSerial(pack));
            g.writeStringField("type", "ACPW");
            g.writeStringField("grid_state", "Grid_Uncompliant");
            g.writeNumberField("grid_reconnection_time_seconds", 0);
            g.writeBooleanField("under_phase_detection", false);
            g.writeBooleanField("updating", false);
            diagnostic(
                g,
                "commissioning_diagnostic",
                "Commissioning",
                false,
                checkTime,
                List.of(
                    "CAN connectivity",
                    "Enable switch",
                    "Internal communications",
                    "Firmware up-to-date"));
            diagnostic(
                g,
                "update_diagnostic",
                "Firmware Update",
                true,
                null,
                List.of(
                    "Powerwall firmware", "Battery firmware", "Inverter firmware", "Grid code"));
            g.writeNullField("bc_type");
            g.writeBooleanField("in_config", true);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeStringField("gateway_din", identity.din());
          g.writeObjectFieldStart("sync");
          g.writeBooleanField("updating", false);
          diagnostic(
              g,
              "commissioning_diagnostic",
              "Commissioning",
              false,
              checkTime,
              List.of("CAN connectivity", "Firmware up-to-date"));
          diagnostic(
              g,
              "update_diagnostic",
              "Firmware Update",
              true,
              null,
              List.of("Synchronizer firmware", "Islanding configuration", "Grid code"));
          g.writeEndObject();
          g.writeNullField("msa");
          g.writeNullField("states");
        });
  }

  /** A diagnostic whose checks all failed at {@code failedAt}, or were not run when it is null. */
  private static void diagnostic(
      JsonGenerator g,
      String field,
      String name,
      boolean disruptive,
      String failedAt,
      List<String> checks)
      throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("name", name);
    g.writeStringField("category", "InternalComms");
    g.writeBooleanField("disruptive", disruptive);
    g.writeNullField("inputs");
    g.writeArrayFieldStart("checks");
    for (String check : checks) {
      g.writeStartObject();
      g.writeStringField("name", check);
      if (failedAt != null) {
        g.writeStringField("status", "fail");
        g.writeStringField("start_time", failedAt);
        g.writeStringField("end_time", failedAt);
        g.writeStringField("message", SITE_CONTROLLER_RUNNING);
        g.writeObjectFieldStart("results");
        g.writeEndObject();
        g.writeObjectFieldStart("debug");
        g.writeEndObject();
      } else {
        g.writeStringField("status", "not_run");
        g.writeNullField("start_time");
        g.writeNullField("end_time");
        g.writeNumberField("progress", 0);
        g.writeNullField("results");
        g.writeNullField("debug");
      }
      g.writeNullField("checks");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("alert", false);
    g.writeEndObject();
  }

  String login(String email, String token, String loginTime) {
    return json.object(
        g -> {
          g.writeStringField("email", email);
          g.writeStringField("firstname", "Tesla");
          g.writeStringField("lastname", "Energy");
          strings(g, "roles", List.of("Home_Owner"));
          g.writeStringField("token", token);
          g.writeStringField("provider", "Basic");
          g.writeStringField("loginTime", loginTime);
        });
  }

  /** The gateway's {@code {"code","error","message"}} error shape. */
  String error(int code, String error, String message) {
    return json.object(
        g -> {
          g.writeNumberField("code", code);
          g.writeStringField("error", error);
          g.writeStringField("message", message);
        });
  }
}
