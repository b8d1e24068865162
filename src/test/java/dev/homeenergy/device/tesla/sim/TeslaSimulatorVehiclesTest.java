package dev.homeenergy.device.tesla.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeenergy.simulator.SiteTime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeslaSimulatorVehiclesTest {
  private static final String UNAVAILABLE =
      "{\"response\":null,\"error\":\"vehicle unavailable: vehicle is offline or asleep\",\"error_description\":\"\"}";

  private final TeslaSimulatorHttp http = new TeslaSimulatorHttp();

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void carLeftAloneSleepsAfterTheQuietPeriodAndWakesAfterTheLatency() throws IOException {
    TeslaSimulator simulator = http.start("daily", TeslaSimulatorSettings.defaults());
    String token = http.userToken(simulator);
    String vin = simulator.vins().get(0);
    URI data = http.api(simulator, "/api/1/vehicles/" + vin + "/vehicle_data");

    http.clock.advance(Duration.ofMinutes(14));
    assertThat(listedState(simulator, token, 0)).isEqualTo("online");
    http.clock.advance(Duration.ofMinutes(1));
    assertThat(listedState(simulator, token, 0)).isEqualTo("asleep");
    HttpResponse<String> asleep = http.get(data, token);

    assertThat(asleep.statusCode()).isEqualTo(408);
    assertThat(asleep.body()).isEqualTo(UNAVAILABLE);
    assertThat(simulator.awakeSeconds(vin)).isEqualTo(15 * 60);

    HttpResponse<String> wake =
        http.post(http.api(simulator, "/api/1/vehicles/" + vin + "/wake_up"), token, "");
    assertThat(http.json(wake).at("/response/state").asText()).isEqualTo("asleep");
    http.clock.advance(Duration.ofSeconds(19));
    assertThat(http.get(data, token).statusCode()).isEqualTo(408);
    http.clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> awake = http.get(data, token);

    assertThat(awake.statusCode()).isEqualTo(200);
    assertThat(http.json(awake).at("/response/charge_state/battery_level").asInt())
        .as("04:15 at the site: parked at its limit, before the morning drive")
        .isEqualTo(80);
    assertThat(simulator.wakeUps(vin)).isEqualTo(1);
    assertThat(simulator.wakeRequests(vin)).isEqualTo(1);
    assertThat(simulator.timesKeptAwake(vin)).isZero();
    assertThat(simulator.billedRequests(FleetSimulatorBilling.DATA)).isEqualTo(3);
    assertThat(simulator.billedRequests(FleetSimulatorBilling.WAKE)).isEqualTo(1);
    assertThat(simulator.billedDollars()).isCloseTo(3 * 0.002 + 0.02, within(1e-9));
  }

  @Test
  void carPolledEveryMinuteNeverSleeps() throws IOException {
    TeslaSimulator simulator = http.start("daily", TeslaSimulatorSettings.defaults());
    String token = http.userToken(simulator);
    String polled = simulator.vins().get(0);
    String alone = simulator.vins().get(1);
    URI data = http.api(simulator, "/api/1/vehicles/" + polled + "/vehicle_data");

    for (int minute = 1; minute <= 60; minute++) {
      http.clock.advance(Duration.ofMinutes(1));
      assertThat(http.get(data, token).statusCode()).isEqualTo(200);
    }

    assertThat(simulator.vehicleState(polled)).isEqualTo("online");
    assertThat(simulator.vehicleState(alone)).isEqualTo("asleep");
    assertThat(simulator.awakeSeconds(polled)).isEqualTo(3600);
    assertThat(simulator.awakeSeconds(alone)).isEqualTo(900);
    assertThat(simulator.timesKeptAwake(polled)).isEqualTo(4);
    assertThat(simulator.timesKeptAwake(alone)).isZero();
    assertThat(simulator.timesKeptAwake()).isEqualTo(4);
    assertThat(simulator.billedRequests(FleetSimulatorBilling.DATA)).isEqualTo(60);
    assertThat(simulator.billedDollars()).isCloseTo(0.12, within(1e-9));
  }

  @Test
  void sleepingCarWakesByItselfToDriveAndChargesInTheEvening() throws IOException {
    TeslaSimulator simulator = http.start("daily", TeslaSimulatorSettings.defaults());
    String vin = simulator.vins().get(0);
    URI data = http.api(simulator, "/api/1/vehicles/" + vin + "/vehicle_data");

    // site time (UTC-8): started 04:00, asleep 04:15, woken by the 07:30 drive, asleep 08:15,
    // woken by the 17:00 drive, asleep 17:55, woken by the 19:00 charge, asleep 22:15
    http.clock.set(siteTime("2026-06-21T17:10:00"));
    JsonNode driving = http.json(http.get(data, http.userToken(simulator))).get("response");
    http.clock.set(siteTime("2026-06-21T19:30:00"));
    JsonNode charging = http.json(http.get(data, http.userToken(simulator))).get("response");
    http.clock.set(siteTime("2026-06-21T22:20:00"));

    assertThat(driving.at("/drive_state/shift_state").asText()).isEqualTo("D");
    assertThat(charging.at("/charge_state/charging_state").asText()).isEqualTo("Charging");
    assertThat(charging.at("/drive_state/power").asInt()).isNegative();
    assertThat(simulator.vehicleState(vin)).isEqualTo("asleep");
    assertThat(simulator.wakeUps(vin)).isEqualTo(3);
    assertThat(simulator.awakeSeconds(vin)).isEqualTo((15 + 45 + 55 + 195) * 60);
  }

  private static Instant siteTime(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).toInstant(SiteTime.OFFSET);
  }

  @Test
  void offlineSleepersReportOffline() throws IOException {
    TeslaSimulator simulator = http.start("offline_sleepers", TeslaSimulatorSettings.defaults());

    http.clock.advance(Duration.ofMinutes(16));

    assertThat(simulator.vehicleState(simulator.vins().get(0))).isEqualTo("offline");
  }

  @Test
  void locationDataNeedsTheVehicleLocationScope() throws IOException {
    TeslaSimulator simulator = http.start("parked", TeslaSimulatorSettings.defaults());
    String vin = simulator.vins().get(0);
    URI data =
        http.api(
            simulator,
            "/api/1/vehicles/"
                + vin
                + "/vehicle_data?endpoints="
                + TeslaSimulatorHttp.encode("drive_state;location_data;charge_state"));
    String withLocation = http.userToken(simulator);
    String withoutLocation =
        http.userTokens(simulator, "openid offline_access vehicle_device_data")
            .get("access_token")
            .asText();

    JsonNode located = http.json(http.get(data, withLocation)).get("response");
    JsonNode unlocated = http.json(http.get(data, withoutLocation)).get("response");

    assertThat(located.at("/drive_state/latitude").isNumber()).isTrue();
    assertThat(located.has("climate_state")).isFalse();
    assertThat(unlocated.at("/drive_state").has("latitude")).isFalse();
    assertThat(unlocated.at("/charge_state/charging_state").asText()).isEqualTo("Disconnected");
  }

  @Test
  void listReadsAreFreeByDefaultAndEnergyReadsBillAsData() throws IOException {
    TeslaSimulator simulator = http.start("daily", TeslaSimulatorSettings.defaults());
    http.clock.set(siteTime("2026-06-21T12:00:00"));
    String token = http.userToken(simulator);
    long siteId = simulator.energySiteIds().get(0);

    JsonNode products = http.json(http.get(http.api(simulator, "/api/1/products"), token));
    http.get(http.api(simulator, "/api/1/vehicles"), token);
    JsonNode live =
        http.json(
                http.get(
                    http.api(simulator, "/api/1/energy_sites/" + siteId + "/live_status"), token))
            .get("response");
    JsonNode info =
        http.json(
            http.get(http.api(simulator, "/api/1/energy_sites/" + siteId + "/site_info"), token));

    assertThat(products.get("count").asInt()).isEqualTo(3);
    assertThat(products.at("/response/2/energy_site_id").asLong()).isEqualTo(siteId);
    assertThat(live.get("load_power").asLong())
        .isEqualTo(
            live.get("solar_power").asLong()
                + live.get("battery_power").asLong()
                + live.get("grid_power").asLong()
                + live.get("generator_power").asLong());
    assertThat(live.get("solar_power").asLong()).isPositive();
    assertThat(info.at("/response/components/battery").asBoolean()).isTrue();
    assertThat(simulator.billedRequests(FleetSimulatorBilling.DATA)).isEqualTo(2);

    TeslaSimulator billingLists =
        http.start("daily", TeslaSimulatorSettings.defaults().withBillListRequests(true));
    http.get(http.api(billingLists, "/api/1/vehicles"), http.userToken(billingLists));
    assertThat(billingLists.billedRequests(FleetSimulatorBilling.DATA)).isEqualTo(1);
  }

  @Test
  void rateLimitedAnswers429WithRetryAfterAndIsBilled() throws IOException {
    TeslaSimulator simulator =
        http.start(
            "daily",
            TeslaSimulatorSettings.defaults().withRetryAfter(Duration.ofHours(6)),
            "rate_limited");
    String token = http.userToken(simulator);
    URI data = http.api(simulator, "/api/1/vehicles/" + simulator.vins().get(0) + "/vehicle_data");

    HttpResponse<String> limited = http.get(data, token);
    simulator.setFaults(Set.of(FleetFault.SERVER_ERROR));
    HttpResponse<String> failed = http.get(data, token);
    simulator.setFaults(Set.of());

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("21600");
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(http.get(data, token).statusCode()).isEqualTo(200);
    assertThat(simulator.billedRequests(FleetSimulatorBilling.DATA)).isEqualTo(2);
  }

  @Test
  void moreThanThreeWakesAMinuteAnswer429UntilTheMinuteEnds() throws IOException {
    TeslaSimulator simulator = http.start("parked", TeslaSimulatorSettings.defaults());
    String token = http.userToken(simulator);
    URI wake = http.api(simulator, "/api/1/vehicles/" + simulator.vins().get(0) + "/wake_up");
    http.clock.advance(Duration.ofSeconds(20));

    for (int i = 0; i < 3; i++) {
      assertThat(http.post(wake, token, "").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = http.post(wake, token, "");
    http.clock.advance(Duration.ofSeconds(40));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("40");
    assertThat(http.post(wake, token, "").statusCode()).isEqualTo(200);
    assertThat(simulator.billedRequests(FleetSimulatorBilling.WAKE)).isEqualTo(5);
  }

  @Test
  void namesComeFromTheEnums() {
    assertThat(TeslaSimulator.scenarioNames())
        .containsExactly("daily", "parked", "offline_sleepers");
    assertThat(TeslaSimulator.faultNames())
        .containsExactly("rate_limited", "server_error", "owner_api", "asleep_data");
  }

  private String listedState(TeslaSimulator simulator, String token, int index) {
    return http.json(http.get(http.api(simulator, "/api/1/vehicles"), token))
        .at("/response/" + index + "/state")
        .asText();
  }
}
