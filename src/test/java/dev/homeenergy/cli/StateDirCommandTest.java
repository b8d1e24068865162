package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Families;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.tesla.TeslaFamily;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state directory as the commands use it: printed, checked, and where files are written. */
class StateDirCommandTest {
  private static final String ONE_DEVICE =
      "devices:\n  - {name: garage, type: wallconnector, address: 192.0.2.10}\n";

  @Test
  void checkConfigPrintsTheStateDirectory(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("c.yml"), ONE_DEVICE);
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of("STATE_DIRECTORY", dir.toString()));
    assertThat(run.execute("check-config", config.toString())).as(run.err.toString()).isZero();
    assertThat(run.out.toString()).contains("state_dir: " + dir);
  }

  @Test
  void aStateDirectoryThatIsNotADirectoryIsExitTwo(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("c.yml"), "state_dir: missing\n" + ONE_DEVICE);
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    assertThat(run.execute("check-config", config.toString())).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("state_dir: " + dir.resolve("missing") + " is not a directory");
    assertThat(run.execute("--config.file=" + config)).isEqualTo(2);
  }

  @Test
  void theTeslaTokenFileDefaultsToTheStateDirectory(@TempDir Path dir) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("c.yml"),
            "devices:\n  - {name: car, type: tesla, client_id: id, client_secret: s}\n");
    Path state = Files.createDirectories(dir.resolve("state"));
    CliContext context =
        new CliContext(
            Map.of("STATE_DIRECTORY", state.toString()),
            Families.all(),
            Clock.systemUTC(),
            () -> {},
            exporter -> {});
    ExporterConfig loaded = Serving.load(config, context);

    assertThat(
            TeslaFamily.settings(loaded.devices().get(0), loaded.stateDirectory())
                .fleet()
                .tokenFile())
        .isEqualTo(state.resolve("tesla-token.json"));
  }

  /** The Go exporter's config is mounted read-only; the session goes to $STATE_DIRECTORY. */
  @Test
  void thePowerwallDropInKeepsItsSessionInTheStateDirectory(@TempDir Path dir) throws Exception {
    Path configDir = Files.createDirectories(dir.resolve("etc"));
    Path state = Files.createDirectories(dir.resolve("state"));
    try (PowerwallSimulator gateway =
        PowerwallSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "powerwall2", MutableClock.at("2026-06-21T12:00:00Z"), Set.of()))) {
      Path config =
          Files.writeString(
              configDir.resolve("powerwall_exporter.yaml"),
              """
              web:
                listen_address: 127.0.0.1:0
              device:
                gateway_address: %s
                login_password: %s
              """
                  .formatted(
                      gateway.baseUri().getAuthority(), PowerwallSimulator.DEFAULT_PASSWORD));
      CommandLineTest.Run run =
          new CommandLineTest.Run(Map.of("STATE_DIRECTORY", state.toString()));
      CompletableFuture<Integer> result =
          run.executeInBackground("powerwall", "--config.file=" + config);
      await().atMost(Duration.ofSeconds(20)).until(() -> sessionFiles(state) > 0);
      run.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
      assertThat(sessionFiles(configDir)).isZero();
    }
  }

  private static long sessionFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".session")).count();
    }
  }
}
