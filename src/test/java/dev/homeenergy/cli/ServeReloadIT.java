package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.testing.LogCapture;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve}'s reload in process, with the hangup signal sent by hand: the file is read again
 * with the command line's flags over it and serving's own checks.
 */
class ServeReloadIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aHangupReloadsTheFileWithTheFlagsOverItAndServingsChecks(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("exporter.yml");
    String garage = "  - {name: garage, type: wallconnector, address: \"127.0.0.1:9\"}\n";
    Files.writeString(config, "web:\n  listen_address: 127.0.0.1:0\ndevices:\n" + garage);
    CountDownLatch stop = new CountDownLatch(1);
    AtomicReference<Exporter> serving = new AtomicReference<>();
    AtomicReference<Runnable> hangup = new AtomicReference<>();
    CliContext context =
        new CliContext(
            Map.of("STATE_DIRECTORY", dir.toString()),
            Families.all(),
            Clock.systemUTC(),
            stop::await,
            serving::set,
            new BufferedReader(new StringReader("")),
            hangup::set);
    CommandLine commandLine = Commands.commandLine(context);
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> result =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute("--config.file=" + config, "--web.listen-address=127.0.0.1:0"));
    await().atMost(WAIT).until(() -> serving.get() != null && hangup.get() != null);
    Exporter exporter = serving.get();
    try (LogCapture log = LogCapture.start()) {
      Files.writeString(
          config,
          "web:\n  listen_address: 127.0.0.1:1\ndevices:\n"
              + garage
              + "  - {name: shed, type: wallconnector, address: \"127.0.0.1:9\"}\n");
      hangup.get().run();

      assertThat(exporter.store().devices())
          .extracting(DeviceConfig::name)
          .containsExactly("garage", "shed");
      assertThat(exporter.store().devices().get(1).timeout())
          .as("the family's defaults are applied as at start")
          .isEqualTo(Duration.ofSeconds(5));
      assertThat(log.events())
          .anyMatch(e -> e.contains("config reloaded: added [shed], unchanged [garage] (SIGHUP)"))
          .as("the flag still decides the listen address, so nothing waits for a restart")
          .noneMatch(e -> e.contains("web.listen_address changed"));

      Files.writeString(config, "devices: []\n");
      hangup.get().run();

      assertThat(exporter.store().devices()).hasSize(2);
      assertThat(log.events())
          .anyMatch(
              e -> e.contains("config reload: " + config + ": devices: no devices configured"));
    } finally {
      stop.countDown();
    }
    assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
  }
}
