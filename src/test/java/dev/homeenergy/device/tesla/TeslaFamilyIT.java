package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.ExporterHarness;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.Promtool;
import dev.homeenergy.testing.TeslaSignIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured {@code tesla} device served by the exporter against the simulated Tesla cloud. */
class TeslaFamilyIT {
  private final MutableClock cloudClock = new MutableClock(Instant.now());
  private final ExporterHarness harness = new ExporterHarness(List.of(new TeslaFamily()));

  @TempDir Path dir;

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private DeviceConfig device(TeslaSimulator cloud, NamingStyle naming, Path tokenFile)
      throws Exception {
    TeslaSimulatorSettings settings = cloud.settings();
    TeslaSignIn.signIn(cloud, TeslaSignIn.SCOPES, cloudClock, tokenFile);
    return new DeviceConfig(
        "tesla",
        TeslaFamily.TYPE,
        cloud.baseUri(),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofHours(1),
        naming,
        Map.of(
            "client_id", settings.clientId(),
            "client_secret", new Secret(settings.clientSecret()),
            "auth_base", cloud.authBase().toString(),
            "token_base", cloud.tokenBase().toString(),
            "token_file", tokenFile.toString(),
            "fields", "all"));
  }

  @Test
  void carsSitesAndTheBillAreServedAndLintClean() throws Exception {
    TeslaSimulator cloud =
        harness.track(
            TeslaSimulator.start(
                new SimulatorOptions("127.0.0.1", 0, "daily", cloudClock, Set.of())));
    dev.homeenergy.app.Exporter exporter =
        harness.serve(List.of(device(cloud, NamingStyle.NATIVE, dir.resolve("token.json"))));

    Exposition metrics =
        harness.awaitScrape(
            m ->
                m.value("home_energy_exporter_device_up{device=\"tesla\",type=\"tesla\"}").orElse(0)
                    == 1);
    assertThat(metrics.hasMetric("tesla_vehicle_state")).isTrue();
    assertThat(metrics.hasMetric("tesla_energy_site_solar_power_watts")).isTrue();
    assertThat(metrics.hasMetric("tesla_fleet_api_requests_total")).isTrue();
    assertThat(metrics.hasMetric("tesla_fleet_api_budget_dollars")).isTrue();
    Promtool.Result lint = Promtool.checkMetrics(metrics.text());
    assertThat(lint.exitCode()).as(lint.output()).isZero();
    for (String vin : cloud.vins()) {
      assertThat(cloud.wakeRequests(vin)).isZero();
    }
    String landing =
        dev.homeenergy.testing.Http.get(
                java.net.URI.create("http://127.0.0.1:" + exporter.port() + "/"))
            .body();
    assertThat(landing)
        .containsPattern(
            "Fleet API: \\$0\\.\\d\\d spent since start, \\$\\d+\\.\\d\\d projected this month \\(budget \\$10\\.00\\)");
  }

  @Test
  void withoutClientCredentialsTheEntryIsRefusedNamingTheKey() {
    DeviceConfig missing =
        new DeviceConfig(
            "tesla",
            TeslaFamily.TYPE,
            FleetRegion.NA.apiBase(),
            Duration.ofMinutes(5),
            Duration.ofSeconds(10),
            Duration.ofHours(1),
            NamingStyle.NATIVE,
            Map.of());
    java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
    new TeslaFamily().validate(missing, problems::put);
    assertThat(problems).containsOnlyKeys("client_id", "client_secret");
    assertThat(problems.get("client_id")).startsWith("required");
  }
}
