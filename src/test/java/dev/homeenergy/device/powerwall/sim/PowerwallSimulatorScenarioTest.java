package dev.homeenergy.device.powerwall.sim;

import static dev.homeenergy.device.powerwall.sim.PowerwallSimulatorHttp.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PowerwallSimulatorScenarioTest {
  private static final List<String> STATUS_21_KEYS =
      List.of(
          "din",
          "start_time",
          "up_time_seconds",
          "is_new",
          "version",
          "git_hash",
          "commission_count",
          "device_type",
          "sync_type",
          "leader",
          "followers",
          "cellular_disabled");
  private static final List<String> STATUS_23_KEYS =
      List.of(
          "din",
          "start_time",
          "up_time_seconds",
          "is_new",
          "version",
          "git_hash",
          "commission_count",
          "device_type",
          "teg_type",
          "sync_type",
          "cellular_disabled",
          "can_reboot");
  private static final List<String> SYSTEM_STATUS_21_KEYS =
      List.of(
          "command_source",
          "battery_target_power",
          "battery_target_reactive_power",
          "nominal_full_pack_energy",
          "nominal_energy_remaining",
          "max_power_energy_remaining",
          "max_power_energy_to_be_charged",
          "max_charge_power",
          "max_discharge_power",
          "max_apparent_power",
          "instantaneous_max_discharge_power",
          "instantaneous_max_charge_power",
          "grid_services_power",
          "system_island_state",
          "available_blocks",
          "battery_blocks",
          "ffr_power_availability_high",
          "ffr_power_availability_low",
          "load_charge_constraint",
          "max_sustained_ramp_rate",
          "grid_faults",
          "can_reboot",
          "smart_inv_delta_p",
          "smart_inv_delta_q",
          "last_toggle_timestamp",
          "solar_real_power_limit",
          "score",
          "blocks_controlled",
          "primary",
          "auxiliary_load",
          "all_enable_lines_high",
          "inverter_nominal_usable_power",
          "expected_energy_remaining");
  private static final List<String> SYSTEM_STATUS_23_KEYS =
      List.of(
          "command_source",
          "battery_target_power",
          "battery_target_reactive_power",
          "nominal_full_pack_energy",
          "nominal_energy_remaining",
          "max_power_energy_remaining",
          "max_power_energy_to_be_charged",
          "max_charge_power",
          "max_discharge_power",
          "max_apparent_power",
          "instantaneous_max_discharge_power",
          "instantaneous_max_charge_power",
          "instantaneous_max_apparent_power",
          "hardware_capability_charge_power",
          "hardware_capability_discharge_power",
          "grid_services_power",
          "system_island_state",
          "available_blocks",
          "available_charger_blocks",
          "battery_blocks",
          "ffr_power_availability_high",
          "ffr_power_availability_low",
          "load_charge_constraint",
          "max_sustained_ramp_rate",
          "grid_faults",
          "can_reboot",
          "smart_inv_delta_p",
          "smart_inv_delta_q",
          "last_toggle_timestamp",
          "solar_real_power_limit",
          "score",
          "blocks_controlled",
          "primary",
          "auxiliary_load",
          "all_enable_lines_high",
          "inverter_nominal_usable_power",
          "expected_energy_remaining");
  private static final List<String> BLOCK_KEYS =
      List.of(
          "Type",
          "PackagePartNumber",
          "PackageSerialNumber",
          "disabled_reasons",
          "pinv_state",
          "pinv_grid_state",
          "nominal_energy_remaining",
          "nominal_full_pack_energy",
          "p_out",
          "q_out",
          "v_out",
          "f_out",
          "i_out",
          "energy_charged",
          "energy_discharged",
          "off_grid",
          "vf_mode",
          "wobble_detected",
          "charge_power_clamped",
          "backup_ready",
          "OpSeqState",
          "version");
  private static final List<String> AGGREGATE_KEYS =
      List.of(
          "last_communication_time",
          "instant_power",
          "instant_reactive_power",
          "instant_apparent_power",
          "frequency",
          "energy_exported",
          "energy_imported",
          "instant_average_voltage",
          "instant_average_current",
          "i_a_current",
          "i_b_current",
          "i_c_current",
          "last_phase_voltage_communication_time",
          "last_phase_power_communication_time",
          "last_phase_energy_communication_time",
          "timeout",
          "num_meters_aggregated",
          "instant_total_current");
  private static final List<String> CACHED_READING_KEYS =
      List.of(
          "last_communication_time",
          "instant_power",
          "instant_reactive_power",
          "instant_apparent_power",
          "frequency",
          "energy_exported",
          "energy_imported",
          "instant_average_voltage",
          "instant_average_current",
          "i_a_current",
          "i_b_current",
          "i_c_current",
          "last_phase_voltage_communication_time",
          "v_l1n",
          "v_l2n",
          "last_phase_power_communication_time",
          "real_power_a",
          "real_power_b",
          "reactive_power_a",
          "reactive_power_b",
          "last_phase_energy_communication_time",
          "serial_number",
          "version",
          "timeout",
          "instant_total_current");
  private static final List<String> ALL_ENDPOINTS =
      List.of(
          "status",
          "system_status/soe",
          "operation",
          "sitemaster",
          "troubleshooting/problems",
          "system_status",
          "system_status/grid_status",
          "system_status/grid_faults",
          "meters/aggregates",
          "meters/site",
          "meters/solar",
          "meters/battery",
          "meters/load",
          "networks",
          "powerwalls",
          "site_info",
          "site_info/site_name");

  private final PowerwallSimulatorHttp http = new PowerwallSimulatorHttp();

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void namesAreListedWithTheDefaultFirstAndUnknownOnesAreRejected() {
    assertThat(PowerwallSimulator.scenarioNames())
        .containsExactly(
            "powerwall2",
            "powerwall3",
            "sitemaster-stopped",
            "grid-outage",
            "flaky",
            "fw23",
            "powerwall3-tedapi",
            "powerwall2-tedapi",
            "powerwall3-tedapi-healthy");
    assertThat(PowerwallSimulator.faultNames())
        .containsExactly(
            "http_500",
            "slow",
            "forbidden_networks",
            "tedapi_429",
            "tedapi_503",
            "tedapi_forbidden",
            "rotated_keys",
            "follower_answers_leader");
    assertThatThrownBy(() -> http.start("powerwall4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("powerwall2, powerwall3");
    assertThatThrownBy(() -> http.start("powerwall2", "nan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http_500, slow, forbidden_networks");
  }

  @Test
  void powerwall2AnswersEveryEndpointInTheCapturedShapes() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);
    for (String endpoint : ALL_ENDPOINTS) {
      http.json(simulator, "/api/" + endpoint, token);
    }

    JsonNode status = http.json(simulator, "/api/status", token);
    assertThat(keys(status)).containsExactlyElementsOf(STATUS_21_KEYS);
    assertThat(status.get("version").asText()).isEqualTo("21.44 223a56cd");
    assertThat(status.get("start_time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0800");
    assertThat(status.get("up_time_seconds").asText()).isEqualTo("230h55m59.932079901s");
    http.clock.advance(Duration.ofSeconds(61));
    assertThat(http.json(simulator, "/api/status", token).get("up_time_seconds").asText())
        .isEqualTo("230h57m0.932079901s");

    JsonNode systemStatus = http.json(simulator, "/api/system_status", token);
    assertThat(keys(systemStatus)).containsExactlyElementsOf(SYSTEM_STATUS_21_KEYS);
    assertThat(systemStatus.get("battery_blocks")).hasSize(2);
    assertThat(keys(systemStatus.get("battery_blocks").get(0)))
        .containsExactlyElementsOf(BLOCK_KEYS);
    assertThat(systemStatus.get("nominal_full_pack_energy").asLong()).isEqualTo(27_000);
    assertThat(http.get(simulator, "/api/system_status", token).body())
        .contains("\"grid_services_power\":-0,");

    JsonNode aggregates = http.json(simulator, "/api/meters/aggregates", token);
    assertThat(keys(aggregates)).containsExactly("site", "battery", "load", "solar");
    assertThat(keys(aggregates.get("site"))).containsExactlyElementsOf(AGGREGATE_KEYS);
    assertThat(keys(aggregates.get("load"))).doesNotContain("num_meters_aggregated");

    JsonNode site = http.json(simulator, "/api/meters/site", token);
    assertThat(site).hasSize(1);
    assertThat(site.get(0).get("location").asText()).isEqualTo("site");
    assertThat(keys(site.get(0).get("Cached_readings")))
        .containsExactlyElementsOf(CACHED_READING_KEYS);
    JsonNode readings = site.get(0).get("Cached_readings");
    assertThat(readings.get("v_l1n").asDouble() + readings.get("v_l2n").asDouble())
        .isBetween(230.0, 250.0);
    assertThat(readings.get("real_power_a").asDouble() + readings.get("real_power_b").asDouble())
        .isEqualTo(readings.get("instant_power").asDouble());
    assertThat(http.json(simulator, "/api/meters/solar", token).get(0).get("location").asText())
        .isEqualTo("solar");
    assertThat(http.get(simulator, "/api/meters/battery", token).body()).isEqualTo("[]");
    assertThat(http.get(simulator, "/api/meters/load", token).body()).isEqualTo("[]");

    assertThat(http.get(simulator, "/api/sitemaster", token).body())
        .isEqualTo(
            "{\"status\":\"StatusUp\","
                + "\"running\":true,\"connected_to_tesla\":true,\"power_supply_mode\":false,\"can_reboot\":\"Yes\"}");
    assertThat(http.get(simulator, "/api/troubleshooting/problems", token).body())
        .isEqualTo("{\"problems\":[]}");
    assertThat(http.get(simulator, "/api/system_status/grid_faults", token).body()).isEqualTo("[]");
    assertThat(http.get(simulator, "/api/system_status/grid_status", token).body())
        .isEqualTo("{\"grid_status\":\"SystemGridConnected\",\"grid_services_active\":false}");
    assertThat(
            http.json(simulator, "/api/networks", token)
                .get(2)
                .get("iface_network_info")
                .get("ip_networks")
                .get(0)
                .get("mask")
                .asText())
        .isEqualTo("255.255.255.0");
    assertThat(http.get(simulator, "/api/site_info/site_name", token).body())
        .isEqualTo("{\"site_name\":\"Home Energy Gateway\",\"timezone\":\"America/Los_Angeles\"}");
    assertThat(http.json(simulator, "/api/powerwalls", token).get("powerwalls")).hasSize(2);
  }

  @Test
  void aggregatesBalanceAndAgreeWithSoeAndSystemStatus() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);

    for (int i = 0; i < 6; i++) {
      http.clock.advance(Duration.ofMinutes(37));
      JsonNode aggregates = http.json(simulator, "/api/meters/aggregates", token);
      double site = aggregates.get("site").get("instant_power").asDouble();
      double battery = aggregates.get("battery").get("instant_power").asDouble();
      double load = aggregates.get("load").get("instant_power").asDouble();
      double solar = aggregates.get("solar").get("instant_power").asDouble();
      assertThat(site).isEqualTo(load - solar - battery);
      assertThat(aggregates.get("battery").get("frequency").asDouble()).isCloseTo(60, within(0.1));

      double percentage =
          http.json(simulator, "/api/system_status/soe", token).get("percentage").asDouble();
      JsonNode systemStatus = http.json(simulator, "/api/system_status", token);
      assertThat(percentage).isBetween(20.0, 100.0);
      assertThat(systemStatus.get("nominal_energy_remaining").asDouble() / 27_000 * 100)
          .isCloseTo(percentage, within(0.01));
      double blockCharged = 0;
      for (JsonNode block : systemStatus.get("battery_blocks")) {
        blockCharged += block.get("energy_charged").asDouble();
      }
      assertThat(aggregates.get("battery").get("energy_imported").asDouble())
          .isCloseTo(blockCharged, within(1.0));
    }
  }

  @Test
  void powerwall3AnswersOnlyThreeEndpoints() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall3");
    String token = http.token(simulator);

    assertThat(http.json(simulator, "/api/meters/aggregates", token).has("site")).isTrue();
    assertThat(http.json(simulator, "/api/system_status/soe", token).has("percentage")).isTrue();
    assertThat(http.json(simulator, "/api/system_status/grid_status", token).has("grid_status"))
        .isTrue();
    for (String endpoint :
        List.of(
            "status",
            "operation",
            "sitemaster",
            "system_status",
            "meters/site",
            "networks",
            "powerwalls",
            "site_info",
            "config/completed")) {
      HttpResponse<String> response = http.get(simulator, "/api/" + endpoint, token);
      assertThat(response.statusCode()).as(endpoint).isEqualTo(404);
      assertThat(response.body()).isEqualTo("404 page not found\n");
    }
  }

  @Test
  void stoppedSitemasterAnswers502ForLiveDataButStatusStillWorks() throws Exception {
    PowerwallSimulator simulator = http.start("sitemaster-stopped");
    String token = http.token(simulator);

    for (String endpoint :
        List.of(
            "system_status/soe",
            "system_status",
            "system_status/grid_status",
            "system_status/grid_faults",
            "meters/aggregates")) {
      HttpResponse<String> response = http.get(simulator, "/api/" + endpoint, token);
      assertThat(response.statusCode()).as(endpoint).isEqualTo(502);
      assertThat(response.body()).isEmpty();
    }
    assertThat(http.json(simulator, "/api/status", token).get("version").asText())
        .isEqualTo("21.44 223a56cd");
    assertThat(http.get(simulator, "/api/sitemaster", token).body())
        .isEqualTo(
            "{\"status\":\"StatusDown\","
                + "\"running\":false,\"connected_to_tesla\":true,\"power_supply_mode\":false,\"can_reboot\":\"\"}");
  }

  @Test
  void gridOutageIsIslandedWithTheBatteryCoveringTheLoad() throws Exception {
    PowerwallSimulator simulator = http.start("grid-outage");
    String token = http.token(simulator);
    http.clock.advance(Duration.ofMinutes(5));

    assertThat(
            http.json(simulator, "/api/system_status/grid_status", token)
                .get("grid_status")
                .asText())
        .isEqualTo("SystemIslandedActive");
    JsonNode systemStatus = http.json(simulator, "/api/system_status", token);
    assertThat(systemStatus.get("system_island_state").asText()).isEqualTo("SystemIslandedActive");
    assertThat(systemStatus.get("battery_blocks").get(0).get("vf_mode").asBoolean()).isTrue();
    JsonNode aggregates = http.json(simulator, "/api/meters/aggregates", token);
    assertThat(aggregates.get("site").get("instant_power").asDouble()).isZero();
    assertThat(aggregates.get("battery").get("instant_power").asDouble())
        .isEqualTo(
            aggregates.get("load").get("instant_power").asDouble()
                - aggregates.get("solar").get("instant_power").asDouble());
  }

  @Test
  void fw23PrintsThe23xShapes() throws Exception {
    PowerwallSimulator simulator = http.start("fw23");
    String token = http.token(simulator);

    JsonNode status = http.json(simulator, "/api/status", token);
    assertThat(keys(status)).containsExactlyElementsOf(STATUS_23_KEYS);
    assertThat(status.get("version").asText()).isEqualTo("23.44.0 9064fc6a");
    assertThat(status.get("teg_type").asText()).isEqualTo("unknown");
    assertThat(status.get("can_reboot").isBoolean()).isTrue();
    assertThat(keys(http.json(simulator, "/api/system_status", token)))
        .containsExactlyElementsOf(SYSTEM_STATUS_23_KEYS);
    JsonNode networks = http.json(simulator, "/api/networks", token);
    assertThat(networks.get(2).get("iface_network_info").get("ip_networks").toString())
        .isEqualTo("[{\"IP\":\"\",\"Mask\":\"////AA==\"}]");
    assertThat(http.json(simulator, "/api/site_info", token).get("panel_max_current").asInt())
        .isEqualTo(100);
    assertThat(http.get(simulator, "/api/devices/vitals", token).statusCode()).isEqualTo(404);

    PowerwallSimulator older = http.start("powerwall2");
    HttpResponse<String> vitals = http.get(older, "/api/devices/vitals", http.token(older));
    assertThat(vitals.statusCode()).isEqualTo(200);
    assertThat(vitals.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
  }

  @Test
  void aDisabledPackReportsNullsAndStandby() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);

    simulator.setDisabledPack(true);
    http.clock.advance(Duration.ofMinutes(1));

    JsonNode systemStatus = http.json(simulator, "/api/system_status", token);
    JsonNode second = systemStatus.get("battery_blocks").get(1);
    assertThat(second.get("disabled_reasons").toString())
        .isEqualTo("[\"DisabledExcessiveVoltageDrop\"]");
    assertThat(second.get("OpSeqState").asText()).isEqualTo("Standby");
    assertThat(second.get("pinv_state").asText()).isEmpty();
    assertThat(second.get("pinv_grid_state").asText()).isEmpty();
    for (String field :
        List.of(
            "energy_charged", "energy_discharged", "p_out", "q_out", "v_out", "f_out", "i_out")) {
      assertThat(second.get(field).isNull()).as(field).isTrue();
    }
    assertThat(systemStatus.get("available_blocks").asInt()).isEqualTo(1);
    assertThat(systemStatus.get("nominal_full_pack_energy").asLong()).isEqualTo(13_500);
    assertThat(systemStatus.get("battery_blocks").get(0).get("OpSeqState").asText())
        .isEqualTo("Active");
  }

  @Test
  void configCompletedBumpsTheCommissionCountAndIsCounted() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);
    assertThat(http.json(simulator, "/api/status", token).get("commission_count").asLong())
        .isEqualTo(11);

    assertThat(
            http.json(simulator, "/api/config/completed", token).get("commission_count").asLong())
        .isEqualTo(12);
    assertThat(http.json(simulator, "/api/status", token).get("commission_count").asLong())
        .isEqualTo(12);
    assertThat(simulator.commissionCount()).isEqualTo(12);
    assertThat(simulator.requestCount("/api/config/completed")).isEqualTo(1);
    assertThat(simulator.requestCount("/api/status")).isEqualTo(2);
  }

  @Test
  void unknownPathsAreGo404s() throws Exception {
    PowerwallSimulator simulator = http.start("powerwall2");
    String token = http.token(simulator);

    HttpResponse<String> response = http.get(simulator, "/api/nonexistent", token);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("404 page not found\n");
    assertThat(http.get(simulator, "/api/meters/busway", null).statusCode()).isEqualTo(404);
  }
}
