package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.device.tesla.sim.FleetFault;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.RenderedSamples;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fleet API polling loop against the simulated Tesla cloud over loopback: sign-in,
 * sleep-friendly polling, the budget over a simulated month, token rotation while polling, 429
 * handling.
 */
class FleetClientIT {
  private static final String REDIRECT = "https://localhost/callback";

  private final MutableClock clock = MutableClock.at("2026-11-02T03:00:00Z");
  private TeslaSimulator cloud;

  @TempDir Path dir;

  @AfterEach
  void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  private TeslaSimulator start(String scenario, TeslaSimulatorSettings settings) throws Exception {
    cloud =
        TeslaSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, clock, Set.of()), settings);
    return cloud;
  }

  private OAuthClient oauth(TeslaSimulatorSettings settings) {
    return oauth(settings, "openid offline_access vehicle_device_data energy_device_data");
  }

  private OAuthClient oauth(TeslaSimulatorSettings settings, String scopes) {
    return new OAuthClient(
        new OAuthClient.Settings(
            cloud.authBase(),
            cloud.tokenBase(),
            cloud.baseUri(),
            settings.clientId(),
            new Secret(settings.clientSecret()),
            REDIRECT,
            scopes,
            Duration.ofSeconds(5)),
        HttpClient.newHttpClient(),
        clock);
  }

  /** The whole sign-in: authorize (the simulator approves), paste the redirect, exchange, save. */
  private TokenFile signIn(OAuthClient oauth) throws Exception {
    OAuthClient.AuthorizationRequest request = oauth.authorizationRequest();
    HttpResponse<Void> redirect =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(request.url()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(redirect.statusCode()).isEqualTo(302);
    String pasted = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(pasted).startsWith(REDIRECT);
    TokenFile file = TokenFile.at(dir.resolve("token.json"));
    file.write(oauth.exchangeCode(OAuthClient.codeFromRedirect(pasted, request.state())));
    return file;
  }

  private FleetClient client(TokenManager tokens, FleetBudget budget) {
    TeslaSettings settings =
        new TeslaSettings(
            dir.resolve("token.json"),
            List.of("all"),
            List.of("all"),
            budget.monthlyDollars(),
            false,
            VehicleSleepPolicy.Settings.defaults());
    return new FleetClient(
        "tesla",
        cloud.baseUri(),
        new DeviceHttp(
            DeviceHttp.plainClient(Duration.ofSeconds(5)), clock, RawRecorder.discarding()),
        tokens,
        budget,
        settings,
        clock,
        Duration.ofSeconds(10));
  }

  @Test
  void parkedCarsAreLeftToSleepAndNeverWoken() throws Exception {
    TeslaSimulatorSettings settings = TeslaSimulatorSettings.defaults();
    start("parked", settings);
    OAuthClient oauth = oauth(settings);
    FleetClient client =
        client(new TokenManager(signIn(oauth), oauth, clock), new FleetBudget(100, clock));

    Instant end = clock.instant().plus(Duration.ofHours(2));
    while (clock.instant().isBefore(end)) {
      clock.advance(client.poll().nextPollIn());
    }

    for (String vin : cloud.vins()) {
      assertThat(cloud.wakeRequests(vin)).as(vin).isZero();
      assertThat(cloud.vehicleState(vin)).as(vin).isIn("asleep", "offline");
    }
    assertThat(cloud.timesKeptAwake()).isZero();
  }

  @Test
  void theBudgetIsNeverExceededOverASimulatedMonth() throws Exception {
    TeslaSimulatorSettings settings = TeslaSimulatorSettings.defaults().withBillListRequests(true);
    start("daily", settings);
    OAuthClient oauth = oauth(settings);
    FleetBudget budget = new FleetBudget(0.5, clock);
    FleetClient client = client(new TokenManager(signIn(oauth), oauth, clock), budget);

    Instant monthEnd = Instant.parse("2026-12-01T00:00:00Z");
    while (clock.instant().isBefore(monthEnd)) {
      clock.advance(client.poll().nextPollIn());
      assertThat(cloud.billedDollars()).isLessThanOrEqualTo(0.5 + 1e-9);
    }
    assertThat(cloud.billedDollars()).isGreaterThan(0.3);
  }

  @Test
  void tokensRotateWhilePollingAndTheRotatedOneIsOnDisk() throws Exception {
    TeslaSimulatorSettings settings =
        TeslaSimulatorSettings.defaults().withAccessTokenLifetime(Duration.ofMinutes(10));
    start("daily", settings);
    OAuthClient oauth = oauth(settings);
    TokenFile file = signIn(oauth);
    FleetClient client = client(new TokenManager(file, oauth, clock), new FleetBudget(100, clock));

    Instant end = clock.instant().plus(Duration.ofHours(1));
    while (clock.instant().isBefore(end)) {
      clock.advance(client.poll().nextPollIn());
    }
    assertThat(cloud.tokenRequests("refresh_token")).isGreaterThanOrEqualTo(4);
    TeslaTokens saved = file.read().orElseThrow();
    TeslaTokens refreshed = oauth.refresh(saved.refresh());
    assertThat(refreshed.access().reveal()).isNotEmpty();
  }

  @Test
  void a429StopsAllCallsUntilItsRetryAfter() throws Exception {
    TeslaSimulatorSettings settings =
        TeslaSimulatorSettings.defaults().withRetryAfter(Duration.ofHours(2));
    start("daily", settings);
    OAuthClient oauth = oauth(settings);
    FleetClient client =
        client(new TokenManager(signIn(oauth), oauth, clock), new FleetBudget(100, clock));
    cloud.setFaults(Set.of(FleetFault.RATE_LIMITED));

    assertThatThrownBy(client::poll)
        .isInstanceOfSatisfying(
            PollException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofHours(2));
            });
    long calls = cloud.requestCount("/api/1/vehicles");
    clock.advance(Duration.ofHours(1));
    assertThatThrownBy(client::poll)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    assertThat(cloud.requestCount("/api/1/vehicles")).isEqualTo(calls);
  }

  @Test
  void energySitesAreReadAndRendered() throws Exception {
    TeslaSimulatorSettings settings = TeslaSimulatorSettings.defaults();
    start("daily", settings);
    OAuthClient oauth = oauth(settings);
    FleetClient client =
        client(new TokenManager(signIn(oauth), oauth, clock), new FleetBudget(100, clock));

    TeslaReading reading = TeslaReading.parse(client.poll().responses());
    RenderedSamples samples =
        RenderedSamples.render(new TeslaNativeNaming(false), reading, "tesla");

    assertThat(reading.energySites()).isNotEmpty();
    assertThat(samples.has("tesla_energy_site_solar_power_watts")).isTrue();
    assertThat(samples.has("tesla_vehicle_state")).isTrue();
    assertThat(samples.has("tesla_fleet_api_cost_dollars")).isTrue();
  }

  @Test
  void onTheOwnerApiCarsAreListedThroughProducts() throws Exception {
    TeslaSimulatorSettings settings = TeslaSimulatorSettings.defaults();
    start("daily", settings);
    OAuthClient oauth = oauth(settings);
    FleetClient client =
        client(new TokenManager(signIn(oauth), oauth, clock), new FleetBudget(100, clock));
    cloud.setFaults(Set.of(FleetFault.OWNER_API));

    TeslaReading reading = TeslaReading.parse(client.poll().responses());
    assertThat(reading.vehicles())
        .extracting(Vehicle::vin)
        .containsExactlyInAnyOrderElementsOf(cloud.vins());
    TeslaReading again = TeslaReading.parse(client.poll().responses());
    assertThat(again.vehicles()).hasSize(cloud.vins().size());
    assertThat(cloud.requestCount("/api/1/vehicles")).isEqualTo(1);
  }

  @Test
  void a408MeansTheCarJustFellAsleepAndCostsNoFailure() throws Exception {
    TeslaSimulatorSettings settings = TeslaSimulatorSettings.defaults();
    start("daily", settings);
    clock.set(Instant.parse("2026-11-03T01:30:00Z")); // 17:30 site time: both cars drive home
    OAuthClient oauth = oauth(settings);
    FleetClient client =
        client(new TokenManager(signIn(oauth), oauth, clock), new FleetBudget(100, clock));
    cloud.setFaults(Set.of(FleetFault.ASLEEP_DATA));

    FleetClient.Poll poll = client.poll();
    assertThat(poll.responses().failures()).isEmpty();
    assertThat(poll.responses().vehicleData()).isEmpty();
    assertThat(cloud.requestCount("/api/1/vehicles/" + cloud.vins().get(0) + "/vehicle_data"))
        .isEqualTo(1);
    assertThat(poll.nextPollIn()).isEqualTo(VehicleSleepPolicy.Settings.defaults().asleep());
  }

  @Test
  void onlyTheSelectedCarsAreReported() throws Exception {
    TeslaSimulatorSettings settings = TeslaSimulatorSettings.defaults();
    start("daily", settings);
    OAuthClient oauth = oauth(settings);
    String wanted = cloud.vins().get(1);
    TeslaSettings only =
        new TeslaSettings(
            dir.resolve("token.json"),
            List.of(wanted),
            List.of(),
            100,
            false,
            VehicleSleepPolicy.Settings.defaults());
    TokenManager tokens = new TokenManager(signIn(oauth), oauth, clock);
    FleetClient client =
        new FleetClient(
            "tesla",
            cloud.baseUri(),
            new DeviceHttp(
                DeviceHttp.plainClient(Duration.ofSeconds(5)), clock, RawRecorder.discarding()),
            tokens,
            new FleetBudget(100, clock),
            only,
            clock,
            Duration.ofSeconds(10));

    TeslaReading reading = TeslaReading.parse(client.poll().responses());
    assertThat(reading.vehicles()).extracting(Vehicle::vin).containsExactly(wanted);
    assertThat(reading.energySites()).isEmpty();
  }

  @Test
  void locationIsAskedForOnlyWhenTheTokenGrantsIt() throws Exception {
    TeslaSimulatorSettings settings = TeslaSimulatorSettings.defaults();
    start("daily", settings);
    clock.set(Instant.parse("2026-11-03T01:30:00Z")); // 17:30 site time: both cars drive home
    OAuthClient withLocation =
        oauth(settings, "openid offline_access vehicle_device_data vehicle_location");
    FleetClient located =
        client(
            new TokenManager(signIn(withLocation), withLocation, clock),
            new FleetBudget(100, clock));
    assertThat(located.poll().responses().vehicleData().values())
        .isNotEmpty()
        .allSatisfy(body -> assertThat(body).contains("\"latitude\""));

    OAuthClient without = oauth(settings);
    FleetClient plain =
        client(new TokenManager(signIn(without), without, clock), new FleetBudget(100, clock));
    assertThat(plain.poll().responses().vehicleData().values())
        .isNotEmpty()
        .allSatisfy(body -> assertThat(body).doesNotContain("\"latitude\""));
  }
}
