package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorFault;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.RenderedSamples;
import dev.homeenergy.testing.VisibleOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TEDAPI client over HTTPS against the gateway simulator's TEDAPI scenarios and faults. Both
 * clocks are driven by hand, so cooldowns and back-offs take no real time.
 */
class PowerwallTedapiTest {
  private static final String FOLLOWER = PowerwallSimulator.followerDin();

  private final MutableClock simClock = MutableClock.at("2026-06-21T20:00:00Z");
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final VisibleOutput visible = new VisibleOutput();
  private PowerwallSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private PowerwallSimulator start(String scenario) throws IOException {
    simulator =
        PowerwallSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, simClock, Set.of()));
    return simulator;
  }

  /** The four-line config: name, type, address and the gateway password only. */
  private PowerwallClient client(String gatewayPassword) {
    return client(gatewayPassword, Map.of());
  }

  private PowerwallClient client(String gatewayPassword, Map<String, Object> more) {
    Map<String, Object> extra = new HashMap<>(more);
    extra.put("gateway_password", new Secret(gatewayPassword));
    extra.put("tedapi_address", simulator.baseUri().getAuthority());
    DeviceConfig config =
        new DeviceConfig(
            "pw",
            "powerwall",
            simulator.baseUri(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5),
            NamingStyle.NATIVE,
            extra);
    return new PowerwallClient(config, SharedHttp.unshared(clock, visible.recorder(), null));
  }

  private long tedapiRequests() {
    return simulator.requestCounts().entrySet().stream()
        .filter(e -> e.getKey().startsWith("/tedapi/"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static RenderedSamples render(PowerwallReading reading) {
    return RenderedSamples.render(new NativeNaming(), reading, "pw");
  }

  private static List<String> failures(PowerwallReading reading) {
    return reading.endpointFailures().stream().map(EndpointFailure::endpoint).toList();
  }

  /** The TEDAPI failures only: a Powerwall 3's {@code /api} answers 404 to most endpoints. */
  private static List<EndpointFailure> tedapiFailures(PowerwallReading reading) {
    return reading.endpointFailures().stream()
        .filter(f -> f.endpoint().startsWith("tedapi"))
        .toList();
  }

  @Test
  void aRefusedCustomerLoginStillServesTheTedapiDataWithTheApiFailureNamed() throws Exception {
    start("powerwall3-tedapi");
    simulator.setPassword("another-customer-password");
    PowerwallClient client = client(simulator.gatewayPassword());

    PowerwallReading reading = client.poll();

    assertThat(reading.aggregates()).isNull();
    assertThat(reading.tedapi().data().inverters()).hasSize(2);
    assertThat(reading.endpointFailures())
        .anySatisfy(
            f -> {
              assertThat(f.endpoint()).isEqualTo("api");
              assertThat(f.reason()).isEqualTo(FailureReason.AUTH);
            });
    assertThat(render(reading).value("powerwall_charge_ratio", "device", "pw")).isPositive();
  }

  @Test
  void theRawViewShowsEachTedapiExchangesRealDurationAndTheFirmwareAsJson() throws Exception {
    start("powerwall3-tedapi-healthy");
    PowerwallClient client = client(simulator.gatewayPassword());

    client.poll();

    Map<String, RawExchange> latest = new HashMap<>();
    visible.raw().forEach(exchange -> latest.put(exchange.endpoint(), exchange));
    assertThat(latest.keySet())
        .contains("tedapi/din", "tedapi/config", "tedapi/firmware", "tedapi/status");
    latest.values().stream()
        .filter(exchange -> exchange.endpoint().startsWith("tedapi/"))
        .forEach(exchange -> assertThat(exchange.took()).as(exchange.endpoint()).isPositive());
    JsonNode firmware = new ObjectMapper().readTree(latest.get("tedapi/firmware").body());
    assertThat(firmware.path("version").asText()).isEqualTo("26.10.3 4f924de8");
    assertThat(firmware.path("din").asText()).isEqualTo(simulator.tedapiDin());
    assertThat(firmware.path("device_type").asText()).isNotEmpty();
  }

  @Test
  void aPowerwall3GivesBasicDataAndPerUnitStringsPacksAndAlertsOverGzip() throws Exception {
    start("powerwall3-tedapi");
    PowerwallClient client = client(simulator.gatewayPassword());

    PowerwallReading reading = client.poll();

    assertThat(reading.aggregates()).as("the /api data").isNotNull();
    assertThat(tedapiFailures(reading)).isEmpty();
    TedapiData data = reading.tedapi().data();
    assertThat(data.inverters())
        .extracting(TedapiData.Inverter::id)
        .containsExactly(simulator.tedapiDin(), FOLLOWER);
    assertThat(data.inverters().get(0).strings()).hasSize(6);
    assertThat(data.inverters().get(0).strings().get(0).state()).isEqualTo("Pv_Active");
    assertThat(data.batteries())
        .extracting(TedapiData.Battery::serial)
        .contains("TG1252040013Y5", "TG12520300FW1");
    assertThat(simulator.requestCount("/tedapi/device/" + FOLLOWER + "/v1")).isEqualTo(1);
    assertThat(reading.tedapi().info().version()).isEqualTo("26.10.3 4f924de8");
    RenderedSamples s = render(reading);
    assertThat(s.value("powerwall_tedapi_up", "device", "pw", "query", "status")).isEqualTo(1);
    assertThat(s.value("powerwall_tedapi_up", "device", "pw", "query", "components")).isEqualTo(1);
    assertThat(
            s.value(
                "powerwall_pv_string_volts", "device", "pw", "inverter", FOLLOWER, "string", "A"))
        .isPositive();
    assertThat(
            s.hasSeries(
                "powerwall_battery_remaining_joules", "device", "pw", "serial", "TG12520300FW2"))
        .isTrue();
    assertThat(
            s.value(
                "powerwall_battery_temperature_celsius",
                "device",
                "pw",
                "serial",
                "TG1252040013Y5",
                "sensor",
                "pack_max"))
        .as("asked for in the unsigned variables")
        .isPositive();
    assertThat(
            s.hasSeries(
                "powerwall_inverter_temperature_celsius",
                "device",
                "pw",
                "inverter",
                FOLLOWER,
                "sensor",
                "ambient"))
        .isTrue();
  }

  @Test
  void theAlertOfIdleStringsIsRaisedAtNightAndClearedByDay() throws Exception {
    start("powerwall3-tedapi");
    PowerwallClient client = client(simulator.gatewayPassword());
    assertThat(client.poll().tedapi().data().componentAlerts())
        .noneMatch(a -> a.alert().equals("PCH_a054_pwsDisabledMpptEnableLine"));

    simClock.advance(Duration.ofHours(10));
    clock.advance(Duration.ofSeconds(15));
    PowerwallReading night = client.poll();

    assertThat(night.tedapi().data().componentAlerts())
        .contains(
            new TedapiData.ComponentAlert(
                simulator.tedapiDin(), "pch", "PCH_a054_pwsDisabledMpptEnableLine"));
    assertThat(night.tedapi().data().inverters().get(0).strings().get(0).state())
        .isEqualTo("Pv_Standby");
  }

  @Test
  void aPowerwall2GivesPowerwallPlusStringsAndPacksWithoutComponentQueries() throws Exception {
    start("powerwall2-tedapi");
    PowerwallClient client = client(simulator.gatewayPassword());

    PowerwallReading reading = client.poll();

    assertThat(reading.endpointFailures()).isEmpty();
    TedapiData data = reading.tedapi().data();
    assertThat(data.inverters()).isNotEmpty();
    assertThat(data.inverters().get(0).strings()).hasSize(4);
    assertThat(data.batteries()).hasSize(2);
    assertThat(simulator.requestCount("/tedapi/v1")).isEqualTo(3);
  }

  @Test
  void aPowerwall2SiteGivesItsNeurioAndRemoteMeterCtsMovingWithTheDay() throws Exception {
    start("powerwall2-tedapi");
    PowerwallClient client = client(simulator.gatewayPassword());

    RenderedSamples day = render(client.poll());
    simClock.advance(Duration.ofHours(10));
    clock.advance(Duration.ofSeconds(15));
    RenderedSamples night = render(client.poll());

    String[] neurio = {"device", "pw", "serial", "V1234567890", "ct", "1", "location", "solar"};
    assertThat(day.value("powerwall_neurio_ct_power_watts", neurio)).isPositive();
    assertThat(night.value("powerwall_neurio_ct_power_watts", neurio)).isLessThan(50);
    assertThat(day.value("powerwall_neurio_ct_volts", neurio)).isGreaterThan(200);
    String remote = PowerwallSimulator.remoteMeterDin();
    for (String ct : List.of("1", "2")) {
      String[] labels = {"device", "pw", "din", remote, "ct", ct};
      assertThat(day.value("powerwall_remote_meter_ct_volts", labels)).isGreaterThan(100);
      assertThat(day.hasSeries("powerwall_remote_meter_ct_power_watts", labels)).isTrue();
      assertThat(day.hasSeries("powerwall_remote_meter_ct_current_amperes", labels)).isTrue();
      assertThat(
              day.hasSeries(
                  "powerwall_remote_meter_ct_reactive_power_volt_amperes_reactive", labels))
          .isTrue();
      assertThat(night.value("powerwall_remote_meter_ct_imported_joules", labels))
          .isGreaterThanOrEqualTo(day.value("powerwall_remote_meter_ct_imported_joules", labels));
      assertThat(night.value("powerwall_remote_meter_ct_exported_joules", labels))
          .isGreaterThanOrEqualTo(day.value("powerwall_remote_meter_ct_exported_joules", labels))
          .isPositive();
    }
  }

  @Test
  void aPowerwall3GivesThePacksLifetimeCountersAskedForInTheVariables() throws Exception {
    start("powerwall3-tedapi");
    PowerwallClient client = client(simulator.gatewayPassword());

    RenderedSamples s = render(client.poll());

    for (String serial : List.of("TG1252040013Y5", "TG12520300FW1")) {
      assertThat(s.value("powerwall_battery_discharged_coulombs", "device", "pw", "serial", serial))
          .isPositive();
      assertThat(
              s.hasSeries("powerwall_battery_discharged_joules", "device", "pw", "serial", serial))
          .isTrue();
      assertThat(s.hasSeries("powerwall_battery_full_cycles", "device", "pw", "serial", serial))
          .isTrue();
      for (String phase : List.of("discharge", "charge")) {
        assertThat(
                s.hasSeries(
                    "powerwall_battery_over_temperature_events",
                    "device",
                    "pw",
                    "serial",
                    serial,
                    "phase",
                    phase))
            .isTrue();
      }
    }
  }

  @Test
  void theV2026SetReadsThePacksLifetimeCountersThroughComplianceQueryHourly() throws Exception {
    start("powerwall3-tedapi");
    PowerwallClient client =
        client(simulator.gatewayPassword(), Map.of("tedapi_query_set", "V2026_06"));
    String follower = "/tedapi/device/" + FOLLOWER + "/v1";

    RenderedSamples first = render(client.poll());
    long afterFirst = simulator.requestCount(follower);
    clock.advance(Duration.ofSeconds(15));
    RenderedSamples second = render(client.poll());
    long afterSecond = simulator.requestCount(follower);
    clock.advance(Duration.ofHours(1));
    client.poll();

    assertThat(afterFirst).as("components and compliance").isEqualTo(2);
    assertThat(afterSecond).as("the counters kept for an hour").isEqualTo(3);
    assertThat(simulator.requestCount(follower)).isEqualTo(5);
    assertThat(first.value("powerwall_tedapi_up", "device", "pw", "query", "compliance"))
        .isEqualTo(1);
    for (RenderedSamples s : List.of(first, second)) {
      for (String serial : List.of("TG1252040013Y5", "TG12520300FW1")) {
        assertThat(
                s.value("powerwall_battery_discharged_coulombs", "device", "pw", "serial", serial))
            .isPositive();
        assertThat(
                s.hasSeries(
                    "powerwall_battery_over_temperature_events",
                    "device",
                    "pw",
                    "serial",
                    serial,
                    "phase",
                    "charge"))
            .isTrue();
      }
    }
  }

  @Test
  void tedapiIsReadAtItsOwnIntervalAndOneRequestAtATime() throws Exception {
    start("powerwall3-tedapi");
    PowerwallClient client = client(simulator.gatewayPassword());
    client.poll();
    long first = tedapiRequests();

    clock.advance(Duration.ofSeconds(5));
    PowerwallReading between = client.poll();

    assertThat(tedapiRequests()).isEqualTo(first);
    assertThat(between.tedapi().data()).as("the last answers served again").isNotNull();
    clock.advance(Duration.ofSeconds(10));
    client.poll();
    assertThat(tedapiRequests())
        .as("DIN and config cached: only the status and two components queries")
        .isEqualTo(first + 3);
  }

  @Test
  void a429PausesEveryTedapiCallForFiveMinutesWhileTheApiDataFlows() throws Exception {
    start("powerwall3-tedapi");
    PowerwallClient client = client(simulator.gatewayPassword());
    client.poll();
    simulator.setFaults(Set.of(PowerwallSimulatorFault.TEDAPI_429));
    clock.advance(Duration.ofSeconds(15));

    PowerwallReading limited = client.poll();
    long afterLimit = tedapiRequests();

    assertThat(limited.aggregates()).isNotNull();
    assertThat(tedapiFailures(limited))
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo(FailureReason.RATE_LIMITED));
    RenderedSamples s = render(limited);
    assertThat(s.value("powerwall_tedapi_cooldown_active", "device", "pw")).isEqualTo(1);
    assertThat(
            s.value("powerwall_tedapi_responses", "device", "pw", "query", "status", "code", "429"))
        .isEqualTo(1);
    simulator.setFaults(Set.of());
    for (int i = 0; i < 19; i++) {
      clock.advance(Duration.ofSeconds(15));
      PowerwallReading during = client.poll();
      assertThat(during.aggregates()).isNotNull();
      assertThat(during.tedapi().cooldown()).isTrue();
    }
    assertThat(tedapiRequests()).as("no TEDAPI request during the cooldown").isEqualTo(afterLimit);

    clock.advance(Duration.ofSeconds(15));
    PowerwallReading after = client.poll();

    assertThat(tedapiRequests()).isGreaterThan(afterLimit);
    assertThat(after.tedapi().cooldown()).isFalse();
    assertThat(after.tedapi().data()).isNotNull();
  }

  @Test
  void a503PausesLikeA429() throws Exception {
    start("powerwall2-tedapi");
    simulator.setFaults(Set.of(PowerwallSimulatorFault.TEDAPI_503));
    PowerwallClient client = client(simulator.gatewayPassword());

    PowerwallReading reading = client.poll();
    clock.advance(Duration.ofMinutes(4));
    client.poll();

    assertThat(reading.tedapi().cooldown()).isTrue();
    assertThat(tedapiRequests()).isEqualTo(1);
  }

  @Test
  void a403BacksOffWithAtMostOneAttemptPerPeriodAndSaysWhy() throws Exception {
    start("powerwall3-tedapi");
    simulator.setFaults(Set.of(PowerwallSimulatorFault.TEDAPI_FORBIDDEN));
    PowerwallClient client = client(simulator.gatewayPassword());

    PowerwallReading first = client.poll();

    assertThat(first.aggregates()).as("the /api data").isNotNull();
    EndpointFailure failure = tedapiFailures(first).get(0);
    assertThat(failure.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(failure.message())
        .contains("HTTP 403", "gateway_password is wrong", "firmware 25.10", "home LAN")
        .doesNotContain(simulator.gatewayPassword());
    assertThat(tedapiRequests()).isEqualTo(1);
    for (int i = 0; i < 7; i++) {
      clock.advance(Duration.ofSeconds(15));
      client.poll();
    }
    assertThat(tedapiRequests()).as("within the first 2 minutes").isEqualTo(1);
    clock.advance(Duration.ofSeconds(15));
    client.poll();
    assertThat(tedapiRequests()).as("one attempt after 2 minutes").isEqualTo(2);
    for (int i = 0; i < 15; i++) {
      clock.advance(Duration.ofSeconds(15));
      client.poll();
    }
    assertThat(tedapiRequests()).as("the back-off doubled to 4 minutes").isEqualTo(2);
    clock.advance(Duration.ofSeconds(15));
    client.poll();
    assertThat(tedapiRequests()).isEqualTo(3);
  }

  @Test
  void aWrongGatewayPasswordIsRefusedAndNeverShown() throws Exception {
    start("powerwall2-tedapi");
    PowerwallClient client = client("WRONG4X7QZ");

    PowerwallReading reading = client.poll();

    assertThat(reading.aggregates()).as("the customer password still matches").isNotNull();
    assertThat(tedapiFailures(reading).get(0).message()).contains("403");
    assertThat(visible.text()).noneMatch(text -> text.contains("WRONG4X7QZ"));
  }

  @Test
  void aFollowerAnswerAboutTheLeaderIsRefusedForTheFollowerAndNeverLabelledWithItsDin()
      throws Exception {
    start("powerwall3-tedapi");
    simulator.setFaults(Set.of(PowerwallSimulatorFault.FOLLOWER_ANSWERS_LEADER));
    PowerwallClient client = client(simulator.gatewayPassword());

    PowerwallReading reading = client.poll();

    TedapiData data = reading.tedapi().data();
    assertThat(data.inverters())
        .extracting(TedapiData.Inverter::id)
        .containsExactly(simulator.tedapiDin());
    assertThat(data.batteries())
        .extracting(TedapiData.Battery::serial)
        .contains("TG1252040013Y5")
        .noneMatch(serial -> serial.startsWith("TG12520300FW"));
    assertThat(data.componentAlerts()).noneMatch(a -> a.unit().equals(FOLLOWER));
    assertThat(tedapiFailures(reading))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.endpoint()).isEqualTo("tedapi/components");
              assertThat(f.message())
                  .contains("the answer for unit " + FOLLOWER + " is about another unit")
                  .contains("belongs to " + simulator.tedapiDin());
            });
    RenderedSamples s = render(reading);
    assertThat(
            s.hasSeries(
                "powerwall_pv_string_volts", "device", "pw", "inverter", FOLLOWER, "string", "A"))
        .isFalse();
    assertThat(
            s.value(
                "powerwall_tedapi_query_rejected",
                "device",
                "pw",
                "query",
                "components",
                "query_set",
                "V2024_06",
                "reason",
                "other_unit"))
        .isEqualTo(1);
    assertThat(s.value("powerwall_tedapi_up", "device", "pw", "query", "components")).isZero();
    assertThat(s.value("powerwall_tedapi_up", "device", "pw", "query", "status")).isEqualTo(1);
    assertThat(reading.tedapi().info().querySet())
        .as("not a signing problem")
        .isEqualTo("V2024_06");
  }

  @Test
  void rotatedKeysLeaveTheBasicDataAndCountTheRejectionPerQueryAndSet() throws Exception {
    start("powerwall3-tedapi");
    simulator.setFaults(Set.of(PowerwallSimulatorFault.ROTATED_KEYS));
    PowerwallClient client = client(simulator.gatewayPassword());

    PowerwallReading first = client.poll();
    clock.advance(Duration.ofSeconds(15));
    PowerwallReading second = client.poll();

    assertThat(second.aggregates()).isNotNull();
    assertThat(failures(second)).contains("tedapi/status", "tedapi/components");
    RenderedSamples s = render(second);
    assertThat(s.value("powerwall_tedapi_up", "device", "pw", "query", "status")).isZero();
    assertThat(s.value("powerwall_tedapi_up", "device", "pw", "query", "components")).isZero();
    assertThat(s.value("powerwall_tedapi_up", "device", "pw", "query", "config")).isEqualTo(1);
    assertThat(
            s.value(
                "powerwall_tedapi_query_rejected",
                "device",
                "pw",
                "query",
                "status",
                "query_set",
                "V2024_06",
                "reason",
                "errors"))
        .isEqualTo(1);
    assertThat(
            s.value(
                "powerwall_tedapi_query_rejected",
                "device",
                "pw",
                "query",
                "status",
                "query_set",
                "V2026_06",
                "reason",
                "errors"))
        .as("auto fell back to the other set")
        .isEqualTo(1);
    assertThat(first.tedapi().data().blocks()).as("the config still read").isNotEmpty();
    assertThat(
            tedapiFailures(first).stream()
                .filter(f -> f.endpoint().equals("tedapi/status"))
                .findFirst()
                .orElseThrow()
                .message())
        .contains("rotated its signing keys", "trying set V2026_06 next");
  }

  @Test
  void aSetAcceptedAgainAfterAFallbackServesData() throws Exception {
    start("powerwall3-tedapi");
    simulator.setFaults(Set.of(PowerwallSimulatorFault.ROTATED_KEYS));
    PowerwallClient client = client(simulator.gatewayPassword());
    client.poll();
    simulator.setFaults(Set.of());
    clock.advance(Duration.ofSeconds(15));

    PowerwallReading reading = client.poll();

    assertThat(reading.tedapi().info().querySet()).isEqualTo("V2026_06");
    assertThat(reading.tedapi().data().inverters()).hasSize(2);
    assertThat(reading.tedapi().queries().get("status").up()).isTrue();
  }
}
