package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.app.Family;
import dev.homeenergy.device.sixth.SixthFamily;
import dev.homeenergy.device.sixth.sim.SixthFamilySimulator;
import dev.homeenergy.simulator.ScaledClock;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.Http;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a family is one package (with its {@code sim} package) plus one line of the family list:
 * the test-only {@link SixthFamily}, added with {@link Families#with}, is configured, simulated,
 * demonstrated and served without any other change.
 */
class SixthFamilyTest {
  private static final Families SIX =
      Families.all().with(new Family(new SixthFamily(), new SixthFamilySimulator()));
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  void checkConfigAcceptsASixthEntryAndRefusesAnUnknownKeyWithItsLine(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("sixth.yml");
    Files.writeString(
        config, "devices:\n  - name: plug\n    type: sixth\n    address: 192.0.2.6\n");
    CommandLineTest.Run ok = new CommandLineTest.Run(Map.of(), SIX);
    assertThat(ok.execute("check-config", config.toString())).isZero();
    assertThat(ok.out.toString())
        .contains("type: sixth")
        .contains("address: http://192.0.2.6:80")
        .contains("interval: 10s");

    Files.writeString(
        config,
        "devices:\n  - name: plug\n    type: sixth\n    address: 192.0.2.6\n    colour: red\n");
    CommandLineTest.Run refused = new CommandLineTest.Run(Map.of(), SIX);
    assertThat(refused.execute("check-config", config.toString())).isEqualTo(2);
    assertThat(refused.err.toString()).contains("sixth.yml:5").contains("devices[0].colour");
  }

  @Test
  void simulateHelpNamesItsScenariosAndFault() {
    for (String[] args : new String[][] {{"simulate", "--help"}, {"simulate", "sixth", "--help"}}) {
      CommandLineTest.Run run = new CommandLineTest.Run(Map.of(), SIX);
      assertThat(run.execute(args)).isZero();
      String help = run.out.toString().replaceAll("\\s+", " ");
      assertThat(help).contains("sixth: steady, off").contains("sixth: http_500");
    }
  }

  @Test
  void serveHelpNamesIt() {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of(), SIX);
    run.execute("--help");
    assertThat(run.out.toString().replaceAll("\\s+", " ")).contains("Sixth Plug (example family)");
  }

  @Test
  void theDemoStartsItsDemoDevice() throws Exception {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of(), SIX);
    CompletableFuture<Integer> result =
        run.executeInBackground("demo", "--web.listen-address=127.0.0.1:0");
    Exporter exporter = await().atMost(PATIENCE).until(run.serving::get, e -> e != null);
    assertThat(run.out.toString()).contains("sixth-plug").contains("Sixth Plug (example family)");
    URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                new Exposition(Http.get(metrics).body())
                        .value("sixth_power_watts{device=\"sixth-plug\"}")
                        .orElse(-1)
                    == 1200);
    run.stop.countDown();
    assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void servingExposesItsReadingsInBothNamingsAndItsHealth(@TempDir Path dir) throws Exception {
    try (Simulator plug =
        new SixthFamilySimulator()
            .start(
                new SimulatorOptions(
                    "127.0.0.1",
                    0,
                    "steady",
                    new ScaledClock(Clock.systemUTC(), 3600),
                    Set.of()))) {
      Path config = dir.resolve("sixth.yml");
      Files.writeString(
          config,
          """
          devices:
            - name: native-plug
              type: sixth
              address: %1$s
            - name: compat-plug
              type: sixth
              address: %1$s
              naming: compat
          """
              .formatted(plug.baseUri()));
      CommandLineTest.Run run = new CommandLineTest.Run(Map.of(), SIX);
      CompletableFuture<Integer> result =
          run.executeInBackground("--config.file=" + config, "--web.listen-address=127.0.0.1:0");
      Exporter exporter = await().atMost(PATIENCE).until(run.serving::get, e -> e != null);
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");

      Exposition exposition =
          await()
              .atMost(PATIENCE)
              .until(
                  () -> new Exposition(Http.get(metrics).body()),
                  e -> e.has("sixth_power_watts{device=\"native-plug\"}") && e.has("plug_power_w"));
      assertThat(exposition.value("sixth_power_watts{device=\"native-plug\"}")).hasValue(1200);
      assertThat(exposition.value("sixth_relay_on{device=\"native-plug\"}")).hasValue(1);
      assertThat(exposition.hasMetric("sixth_energy_watt_hours_total")).isTrue();
      assertThat(exposition.value("plug_power_w")).hasValue(1200);
      assertThat(exposition.hasMetric("plug_energy_wh")).isTrue();
      assertThat(
              exposition.value(
                  "home_energy_exporter_device_up{device=\"native-plug\",type=\"sixth\"}"))
          .hasValue(1);
      assertThat(
              exposition.value(
                  "home_energy_exporter_device_up{device=\"compat-plug\",type=\"sixth\"}"))
          .hasValue(1);

      run.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void doctorChecksItThroughTheSeamsDefaultOnePoll(@TempDir Path dir) throws Exception {
    for (String fault : new String[] {"", "http_500"}) {
      try (Simulator plug =
          new SixthFamilySimulator()
              .start(
                  new SimulatorOptions(
                      "127.0.0.1",
                      0,
                      "steady",
                      Clock.systemUTC(),
                      fault.isEmpty() ? Set.of() : Set.of(fault)))) {
        Path config = dir.resolve("sixth.yml");
        Files.writeString(
            config,
            "devices:\n  - name: plug\n    type: sixth\n    address: " + plug.baseUri() + "\n");
        CommandLineTest.Run run = new CommandLineTest.Run(Map.of(), SIX);
        int exitCode = run.execute("doctor", "--config.file=" + config);

        assertThat(run.out.toString()).contains("plug (sixth) at ").contains("✓ TCP connect");
        if (fault.isEmpty()) {
          assertThat(exitCode).isZero();
          assertThat(run.out.toString()).containsPattern("✓ read +").doesNotContain("✗");
        } else {
          assertThat(exitCode).isEqualTo(1);
          assertThat(run.out.toString()).containsPattern("✗ read +http_status: ");
        }
      }
    }
  }
}
