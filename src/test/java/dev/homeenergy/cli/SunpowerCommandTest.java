package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code sunpower} drop-in for the Python sunpower-pvs-exporter. */
class SunpowerCommandTest {

  @Test
  void defaultsMatchTheSeed() {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    CommandLine.ParseResult parsed = run.commandLine.parseArgs("sunpower");
    SunpowerCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
    assertThat(command.hostname).isEqualTo("sunpowerconsole.com");
    assertThat(command.port).isEqualTo(80);
    assertThat(command.listenOn).isEqualTo(9110);
    assertThat(command.timeoutSeconds).isEqualTo(10);
    assertThat(command.useTls).isFalse();
    assertThat(command.useDeviceDataTimestamp).isFalse();
    assertThat(command.logLevel).isEqualTo("INFO");
  }

  @Test
  void aBadLogLevelIsRefused() {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("sunpower", "--log-level", "LOUD")).isEqualTo(2);
    assertThat(run.err.toString()).contains("--log-level");
  }

  @Test
  void servesTheSeedNamesOnEveryPathAndLogsToTheFile(@TempDir Path dir) throws Exception {
    try (SunpowerSimulator pvs =
        SunpowerSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "legacy", MutableClock.at("2026-06-21T19:00:00Z"), Set.of()),
            SunpowerSimulatorSettings.defaults().withPerDeviceLatency(Duration.ZERO))) {
      Path log = dir.resolve("exporter.log");
      CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
      CompletableFuture<Integer> result =
          run.executeInBackground(
              "sunpower",
              "--hostname",
              "127.0.0.1",
              "--port",
              String.valueOf(pvs.baseUri().getPort()),
              "--listen-on",
              "0",
              "--log-file",
              log.toString());
      Exporter exporter =
          await().atMost(Duration.ofSeconds(10)).until(run.serving::get, e -> e != null);
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
      Exposition exposition =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> new Exposition(Http.get(metrics).body()),
                  e -> e.hasMetric("sunpower_pvs_inverter_ac_power_watts"));
      assertThat(exposition.sampleLines())
          .filteredOn(l -> l.startsWith("sunpower_pvs_"))
          .noneMatch(l -> l.contains("device=\"sunpower\""));
      for (String path : List.of("/", "/anything")) {
        assertThat(
                new Exposition(
                    Http.get(URI.create("http://127.0.0.1:" + exporter.port() + path)).body()))
            .as(path)
            .matches(e -> e.hasMetric("sunpower_pvs_inverter_ac_power_watts"));
      }
      assertThat(Http.get(URI.create("http://127.0.0.1:" + exporter.port() + "/-/healthy")).body())
          .doesNotContain("sunpower_pvs_");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Files.exists(log) && Files.readString(log).contains("sunpower"));
      run.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }
  }
}
