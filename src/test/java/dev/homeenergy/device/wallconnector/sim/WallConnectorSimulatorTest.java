package dev.homeenergy.device.wallconnector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.device.wallconnector.Firmware;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WallConnectorSimulatorTest {
  private static final List<String> V25_VITALS_KEYS =
      List.of(
          "contactor_closed",
          "vehicle_connected",
          "session_s",
          "grid_v",
          "grid_hz",
          "vehicle_current_a",
          "currentA_a",
          "currentB_a",
          "currentC_a",
          "currentN_a",
          "voltageA_v",
          "voltageB_v",
          "voltageC_v",
          "relay_coil_v",
          "pcba_temp_c",
          "handle_temp_c",
          "mcu_temp_c",
          "uptime_s",
          "input_thermopile_uv",
          "prox_v",
          "pilot_high_v",
          "pilot_low_v",
          "session_energy_wh",
          "config_status",
          "evse_state",
          "current_alerts",
          "evse_not_ready_reasons");
  private static final List<String> LIFETIME_KEYS =
      List.of(
          "contactor_cycles",
          "contactor_cycles_loaded",
          "alert_count",
          "thermal_foldbacks",
          "avg_startup_temp",
          "charge_starts",
          "energy_wh",
          "connector_cycles",
          "uptime_s",
          "charging_time_s");

  private final MutableClock clock = new MutableClock(Instant.parse("2025-12-23T02:54:15Z"));
  private final HttpClient http = Http.plain().client();
  private final ObjectMapper mapper = new ObjectMapper();
  private final List<WallConnectorSimulator> started = new ArrayList<>();

  @AfterEach
  void closeSimulators() {
    started.forEach(WallConnectorSimulator::close);
  }

  private WallConnectorSimulator start(String scenario, String... faults) throws IOException {
    return start(scenario, Firmware.V25, faults);
  }

  private WallConnectorSimulator start(String scenario, Firmware firmware, String... faults)
      throws IOException {
    WallConnectorSimulator simulator =
        WallConnectorSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, clock, Set.of(faults)),
            firmware,
            SimulatedIdentity.defaults());
    started.add(simulator);
    return simulator;
  }

  private HttpResponse<String> get(WallConnectorSimulator simulator, String path)
      throws IOException, InterruptedException {
    return get(simulator, path, Duration.ofSeconds(5));
  }

  private HttpResponse<String> get(WallConnectorSimulator simulator, String path, Duration timeout)
      throws IOException, InterruptedException {
    return Http.plain().exchange(simulator.baseUri().resolve(path), timeout);
  }

  private JsonNode json(WallConnectorSimulator simulator, String path) throws Exception {
    HttpResponse<String> response = get(simulator, path);
    assertThat(response.statusCode()).isEqualTo(200);
    return mapper.readTree(response.body());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void vitalsIsOneCompactLineWithRealKeyOrderAndFixedDecimals() throws Exception {
    WallConnectorSimulator simulator = start("idle");
    clock.advance(Duration.ofSeconds(30));

    HttpResponse<String> response = get(simulator, "/api/1/vitals");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    String body = response.body();
    assertThat(body).doesNotContain(" ", "\n").startsWith("{").endsWith("}");
    assertThat(keys(mapper.readTree(body))).containsExactlyElementsOf(V25_VITALS_KEYS);
    assertThat(body)
        .containsPattern("\"grid_hz\":\\d{2}\\.\\d{3},")
        .containsPattern("\"grid_v\":\\d{3}\\.\\d,")
        .containsPattern("\"session_energy_wh\":55\\.600,")
        .containsPattern("\"vehicle_current_a\":0\\.3,")
        .containsPattern("\"currentA_a\":0\\.0,")
        .containsPattern("\"voltageB_v\":5\\.4,")
        .containsPattern("\"relay_coil_v\":0\\.0,")
        .containsPattern(
            "\"pcba_temp_c\":\\d{2}\\.\\d,\"handle_temp_c\":\\d{2}\\.\\d,"
                + "\"mcu_temp_c\":\\d{2}\\.\\d,")
        .containsPattern("\"pilot_high_v\":11\\.8,")
        .contains(
            "\"config_status\":5,\"evse_state\":1,\"current_alerts\":[],"
                + "\"evse_not_ready_reasons\":[4,8]}");
    assertThat(simulator.requestCount("/api/1/vitals")).isEqualTo(1);
  }

  @Test
  void lifetimeWifiAndVersionBodiesMatchTheRealShapes() throws Exception {
    WallConnectorSimulator simulator = start("idle");

    JsonNode lifetime = json(simulator, "/api/1/lifetime");
    assertThat(keys(lifetime)).containsExactlyElementsOf(LIFETIME_KEYS);
    assertThat(get(simulator, "/api/1/lifetime").body()).contains("\"avg_startup_temp\":0.0,");
    assertThat(lifetime.get("energy_wh").isIntegralNumber()).isTrue();
    assertThat(lifetime.get("energy_wh").asLong()).isEqualTo(simulator.lifetimeEnergyWh());

    JsonNode wifi = json(simulator, "/api/1/wifi_status");
    assertThat(keys(wifi))
        .containsExactly(
            "wifi_ssid",
            "wifi_signal_strength",
            "wifi_rssi",
            "wifi_snr",
            "wifi_connected",
            "wifi_infra_ip",
            "internet",
            "wifi_mac");
    assertThat(
            new String(
                Base64.getDecoder().decode(wifi.get("wifi_ssid").asText()), StandardCharsets.UTF_8))
        .isEqualTo("HomeEnergyLab");
    assertThat(wifi.get("wifi_infra_ip").asText()).startsWith("192.0.2.");
    assertThat(wifi.get("wifi_mac").asText()).matches("([0-9A-F]{2}:){5}[0-9A-F]{2}");
    assertThat(wifi.get("wifi_signal_strength").asInt()).isBetween(50, 80);

    JsonNode version = json(simulator, "/api/1/version");
    assertThat(keys(version))
        .containsExactly(
            "firmware_version", "git_branch", "part_number", "serial_number", "web_service");
    assertThat(version.get("part_number").asText()).isEqualTo("1734412-02-D");
    assertThat(version.get("firmware_version").asText()).startsWith("25.");
  }

  @Test
  void chargingScenarioServesASplitPhaseChargeAndCountsItInLifetime() throws Exception {
    WallConnectorSimulator simulator = start("charging");
    long energyBefore = json(simulator, "/api/1/lifetime").get("energy_wh").asLong();
    ChargeModelTimings timings = ChargeModelTimings.defaults();

    clock.advance(
        Duration.ofSeconds(timings.idleSeconds() + timings.contactorCloseAtSessionS() + 600));
    String body = get(simulator, "/api/1/vitals").body();
    JsonNode vitals = mapper.readTree(body);

    assertThat(vitals.get("evse_state").asInt()).isEqualTo(11);
    assertThat(vitals.get("contactor_closed").asBoolean()).isTrue();
    assertThat(vitals.get("vehicle_current_a").asDouble()).isBetween(39.8, 40.2);
    assertThat(vitals.get("currentB_a").asDouble())
        .isEqualTo(vitals.get("vehicle_current_a").asDouble());
    assertThat(vitals.get("voltageB_v").asDouble()).isBetween(244.0, 249.0);
    assertThat(vitals.get("relay_coil_v").asDouble()).isBetween(5.7, 5.8);
    assertThat(body).containsPattern("\"session_energy_wh\":\\d+\\.\\d00,");
    double sessionWh = vitals.get("session_energy_wh").asDouble();
    assertThat(sessionWh).isBetween(1500.0, 1800.0);

    JsonNode lifetime = json(simulator, "/api/1/lifetime");
    assertThat(lifetime.get("energy_wh").asLong() - energyBefore)
        .isCloseTo(Math.round(sessionWh), org.assertj.core.data.Offset.offset(1L));
  }

  @Test
  void olderFirmwareHasNoNotReadyReasonsAndAShortVersion() throws Exception {
    WallConnectorSimulator simulator = start("idle", Firmware.V21);

    JsonNode vitals = json(simulator, "/api/1/vitals");
    List<String> expected = new ArrayList<>(V25_VITALS_KEYS);
    expected.remove("evse_not_ready_reasons");
    assertThat(keys(vitals)).containsExactlyElementsOf(expected);
    assertThat(vitals.get("relay_coil_v").asDouble()).isBetween(11.9, 12.0);
    assertThat(keys(json(simulator, "/api/1/version")))
        .containsExactly("firmware_version", "part_number", "serial_number");
  }

  @Test
  void relaySplitFirmwareReportsTwoRelayVoltagesAndCanBeSwitchedAtRunTime() throws Exception {
    WallConnectorSimulator simulator = start("idle");
    simulator.setFirmware(Firmware.RELAY_SPLIT);

    List<String> keys = keys(json(simulator, "/api/1/vitals"));
    List<String> expected = new ArrayList<>(V25_VITALS_KEYS);
    expected.addAll(expected.indexOf("relay_coil_v"), List.of("relay_k1_v", "relay_k2_v"));
    expected.remove("relay_coil_v");
    assertThat(keys).containsExactlyElementsOf(expected).hasSize(28);
  }

  @Test
  void otherApiPathsAnswer500AndEverythingElse404() throws Exception {
    WallConnectorSimulator simulator = start("idle");

    assertThat(get(simulator, "/api/1/status").statusCode()).isEqualTo(500);
    assertThat(get(simulator, "/api/2/vitals").statusCode()).isEqualTo(404);
    assertThat(get(simulator, "/").statusCode()).isEqualTo(404);
    assertThat(simulator.requestCount("/api/1/status")).isEqualTo(1);
  }

  @Test
  void nanFaultPutsABareNanTokenInLifetime() throws Exception {
    WallConnectorSimulator simulator = start("idle", "nan");

    String body = get(simulator, "/api/1/lifetime").body();

    assertThat(body).contains("\"avg_startup_temp\":nan,");
    assertThatThrownBy(() -> mapper.readTree(body)).isInstanceOf(IOException.class);
    assertThat(json(simulator, "/api/1/vitals").get("evse_state").asInt()).isEqualTo(1);
  }

  @Test
  void truncatedFaultDropsTheFinalBrace() throws Exception {
    WallConnectorSimulator simulator = start("idle");
    simulator.enable(Fault.TRUNCATED);

    for (String endpoint : List.of("vitals", "lifetime", "wifi_status", "version")) {
      String body = get(simulator, "/api/1/" + endpoint).body();
      assertThat(body).doesNotEndWith("}");
      assertThat(mapper.readTree(body + "}").isObject()).isTrue();
    }

    simulator.disable(Fault.TRUNCATED);
    assertThat(get(simulator, "/api/1/version").body()).endsWith("}");
  }

  @Test
  void http500AndGarbageFaultsReplaceTheAnswer() throws Exception {
    WallConnectorSimulator simulator = start("idle");

    simulator.setFaults(Set.of(Fault.HTTP_500));
    HttpResponse<String> error = get(simulator, "/api/1/vitals");
    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(error.body()).isNotBlank();

    simulator.setFaults(Set.of(Fault.GARBAGE));
    HttpResponse<String> portal = get(simulator, "/api/1/vitals");
    assertThat(portal.statusCode()).isEqualTo(200);
    assertThat(portal.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThatThrownBy(() -> mapper.readTree(portal.body())).isInstanceOf(IOException.class);
  }

  @Test
  void slowFaultDelaysTheAnswerWithoutBlockingOthers() throws Exception {
    WallConnectorSimulator simulator = start("idle", "slow");
    Duration delay = Duration.ofMillis(300);
    simulator.setSlowDelay(delay);

    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> first =
        http.sendAsync(
            HttpRequest.newBuilder(simulator.baseUri().resolve("/api/1/vitals")).build(),
            HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> second =
        http.sendAsync(
            HttpRequest.newBuilder(simulator.baseUri().resolve("/api/1/version")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> vitals = first.join();
    HttpResponse<String> version = second.join();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(vitals.statusCode()).isEqualTo(200);
    assertThat(version.statusCode()).isEqualTo(200);
    assertThat(elapsed)
        .isGreaterThanOrEqualTo(delay)
        .isLessThan(delay.multipliedBy(2).plusMillis(500));
  }

  @Test
  void offlineUnitAcceptsButNeverAnswersUntilBackOnline() throws Exception {
    WallConnectorSimulator simulator = start("charging");
    simulator.setOffline(true);

    assertThatThrownBy(() -> get(simulator, "/api/1/vitals", Duration.ofSeconds(1)))
        .isInstanceOf(HttpTimeoutException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> simulator.requestCount("/api/1/vitals") == 1);

    simulator.setOffline(false);
    await().atMost(Duration.ofSeconds(2)).until(() -> simulator.pendingExchanges() == 0);
    assertThat(get(simulator, "/api/1/vitals", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
  }

  @Test
  void flakyScenarioDropsOffForThirtySecondsOfEveryTwoMinutes() throws Exception {
    WallConnectorSimulator simulator = start("flaky");
    assertThat(get(simulator, "/api/1/vitals").statusCode()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(95));
    assertThat(simulator.isOffline()).isTrue();
    assertThatThrownBy(() -> get(simulator, "/api/1/lifetime", Duration.ofMillis(200)))
        .isInstanceOf(HttpTimeoutException.class);

    clock.advance(Duration.ofSeconds(30));
    assertThat(simulator.isOffline()).isFalse();
    assertThat(get(simulator, "/api/1/lifetime").statusCode()).isEqualTo(200);
  }

  @Test
  void closeReleasesHeldExchangesPromptly() throws Exception {
    WallConnectorSimulator simulator = start("idle");
    simulator.setOffline(true);
    CompletableFuture<HttpResponse<String>> held =
        http.sendAsync(
            HttpRequest.newBuilder(simulator.baseUri().resolve("/api/1/vitals"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(2)).until(() -> simulator.pendingExchanges() == 1);

    long closing = System.nanoTime();
    simulator.close();

    await().atMost(Duration.ofSeconds(2)).until(held::isDone);
    assertThat(held).isCompletedExceptionally();
    assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void closeReleasesDelayedSlowAnswersPromptly() throws Exception {
    WallConnectorSimulator simulator = start("idle", "slow");
    assertThat(simulator.slowDelay()).isEqualTo(WallConnectorSimulator.DEFAULT_SLOW_DELAY);
    CompletableFuture<HttpResponse<String>> delayed =
        http.sendAsync(
            HttpRequest.newBuilder(simulator.baseUri().resolve("/api/1/vitals"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(2)).until(() -> simulator.pendingExchanges() == 1);

    simulator.close();

    await().atMost(Duration.ofSeconds(2)).until(delayed::isDone);
    assertThat(delayed).isCompletedExceptionally();
  }

  @Test
  void unknownScenarioOrFaultNamesAreRejectedWithTheValidNames() {
    assertThatThrownBy(() -> start("driving"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idle, charging, flaky");
    assertThatThrownBy(() -> start("idle", "smoke"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nan, truncated, slow, http_500, garbage");
    assertThat(WallConnectorSimulator.scenarioNames()).containsExactly("idle", "charging", "flaky");
    assertThat(WallConnectorSimulator.faultNames())
        .containsExactly("nan", "truncated", "slow", "http_500", "garbage");
  }

  @Test
  void baseUriPointsAtTheBoundLoopbackPort() throws Exception {
    WallConnectorSimulator simulator = start("idle");

    URI base = simulator.baseUri();

    assertThat(base.getScheme()).isEqualTo("http");
    assertThat(base.getHost()).isEqualTo("127.0.0.1");
    assertThat(base.getPort()).isPositive();
  }
}
