package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.TeslaSignIn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tesla serve}: the drop-in for tesla-prometheus-exporter, from its environment and token
 * file.
 */
class TeslaServeCommandTest {

  @Test
  void servesTheSeedNamesFromItsEnvironmentAndTokenFile(@TempDir Path dir) throws Exception {
    MutableClock cloudClock = MutableClock.at("2026-11-24T20:00:00Z");
    try (TeslaSimulator cloud =
        TeslaSimulator.start(new SimulatorOptions("127.0.0.1", 0, "daily", cloudClock, Set.of()))) {
      Path tokenFile = dir.resolve("token.json");
      TeslaSignIn.signIn(
          cloud,
          "openid offline_access vehicle_device_data",
          java.time.Clock.systemUTC(),
          tokenFile);

      CommandLineTest.Run run =
          new CommandLineTest.Run(
              Map.of(
                  "TESLA_CLIENT_ID", cloud.settings().clientId(),
                  "TESLA_CLIENT_SECRET", cloud.settings().clientSecret(),
                  "TESLA_API_BASE", cloud.baseUri().toString(),
                  "TESLA_AUTH_BASE", cloud.authBase().toString(),
                  "TESLA_TOKEN_BASE", cloud.tokenBase().toString(),
                  "TOKEN_FILE_PATH", tokenFile.toString(),
                  "EXPORTER_PORT", "0"));
      CompletableFuture<Integer> result = run.executeInBackground("tesla", "serve");
      Exporter exporter =
          await().atMost(Duration.ofSeconds(10)).until(run.serving::get, e -> e != null);
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
      Exposition exposition =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> new Exposition(Http.get(metrics).body()),
                  e -> e.hasMetric("tesla_exporter_up"));
      assertThat(exposition.hasMetric("tesla_vehicle_state")).isFalse();
      assertThat(run.err.toString()).doesNotContain(cloud.settings().clientSecret());
      run.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void withoutClientCredentialsItExplains() {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("tesla", "serve")).isEqualTo(2);
    assertThat(run.err.toString()).contains("TESLA_CLIENT_ID");
  }
}
