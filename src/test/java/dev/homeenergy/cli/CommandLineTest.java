package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {

  /** One in-process run of the command line, with captured output and a stop button. */
  static final class Run {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CountDownLatch stop = new CountDownLatch(1);
    final AtomicReference<Exporter> serving = new AtomicReference<>();
    final CommandLine commandLine;

    Run(Map<String, String> env) {
      this(env, Families.all());
    }

    Run(Map<String, String> env, Families families) {
      CliContext context =
          new CliContext(env, families, Clock.systemUTC(), stop::await, serving::set);
      commandLine = Commands.commandLine(context);
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
    }

    int execute(String... args) {
      return commandLine.execute(args);
    }

    CompletableFuture<Integer> executeInBackground(String... args) {
      return CompletableFuture.supplyAsync(() -> commandLine.execute(args));
    }
  }

  @ParameterizedTest(name = "help for {0}")
  @ValueSource(
      strings = {
        "",
        "demo",
        "simulate",
        "check-config",
        "doctor",
        "wallconnector",
        "powerwall",
        "powerwall fetchcert",
        "sunpower",
        "tesla",
        "tesla login",
        "tesla keygen",
        "tesla register",
        "tesla serve"
      })
  void everyCommandHasHelp(String command) {
    Run run = new Run(Map.of());
    List<String> args =
        new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add("--help");
    int code = run.execute(args.toArray(String[]::new));
    assertThat(code).isZero();
    assertThat(run.out.toString())
        .startsWith("Usage: home-energy-exporter" + (command.isEmpty() ? "" : " " + command));
  }

  @Test
  void serveWithoutAConfigFileExplainsWhatToDo() {
    Run run = new Run(Map.of());
    assertThat(run.execute()).isEqualTo(2);
    assertThat(run.err.toString()).contains("--config.file").contains("demo");
    assertThat(run.serving.get()).isNull();
  }

  @Test
  void aBadConfigIsRefusedBeforeServingWithTheKeyAndLine(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.yml");
    Files.writeString(
        config,
        """
        devices:
          - name: garage
            type: wallconnector
            address: 192.0.2.10
            intervall: 10s
        """);
    Run run = new Run(Map.of());
    assertThat(run.execute("--config.file=" + config)).isEqualTo(2);
    assertThat(run.err.toString()).contains("bad.yml:5").contains("devices[0].intervall");
    assertThat(run.serving.get()).isNull();
  }

  @Test
  void checkConfigPrintsTheEffectiveConfig(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("ok.yml");
    Files.writeString(
        config,
        """
        devices:
          - name: garage
            type: wallconnector
            address: 192.0.2.10
        """);
    Run run = new Run(Map.of());
    assertThat(run.execute("check-config", config.toString())).isZero();
    assertThat(run.out.toString())
        .contains("listen_address: :10042")
        .contains("address: http://192.0.2.10:80")
        .contains("interval: 10s")
        .contains("timeout: 5s")
        .contains("stale_after: 50s")
        .contains("naming: native");
  }

  @Test
  void checkConfigExitsTwoOnABadFile(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.yml");
    Files.writeString(
        config, "devices:\n  - name: garage\n    type: toaster\n    address: 192.0.2.10\n");
    Run run = new Run(Map.of());
    assertThat(run.execute("check-config", config.toString())).isEqualTo(2);
    assertThat(run.err.toString()).contains("devices[0].type").contains("wallconnector");
  }

  @Test
  void flagsOverrideTheFileAndAreValidated(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("ok.yml");
    Files.writeString(config, "web:\n  telemetry_path: /metrics\n");
    Run run = new Run(Map.of());
    assertThat(run.execute("--config.file=" + config, "--web.telemetry-path=/-/ready"))
        .isEqualTo(2);
    assertThat(run.err.toString())
        .contains("--web.telemetry-path")
        .contains("used by the exporter itself");
    Run levels = new Run(Map.of());
    assertThat(levels.execute("--config.file=" + config, "--log.level=loud")).isEqualTo(2);
    assertThat(levels.err.toString())
        .contains("--log.level")
        .contains("invalid log level \"loud\"");
  }

  @Test
  void simulateRejectsUnknownScenariosAndFaults() {
    Run run = new Run(Map.of());
    assertThat(run.execute("simulate", "wallconnector", "--scenario=party")).isEqualTo(2);
    assertThat(run.err.toString()).contains("idle, charging, flaky");
    Run faults = new Run(Map.of());
    assertThat(faults.execute("simulate", "wallconnector", "--fault=fire")).isEqualTo(2);
    assertThat(faults.err.toString()).contains("nan").contains("truncated");
    Run type = new Run(Map.of());
    assertThat(type.execute("simulate", "toaster")).isEqualTo(2);
  }

  @Test
  void simulatePowerwallServesHttpsWithLogin() throws Exception {
    Run run = new Run(Map.of());
    CompletableFuture<Integer> result =
        run.executeInBackground("simulate", "powerwall", "--scenario=powerwall3");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> run.out.toString().contains("https://127.0.0.1:"));
    assertThat(run.out.toString()).contains("Tesla Powerwall");
    run.stop.countDown();
    assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void simulateServesUntilStopped() throws Exception {
    Run run = new Run(Map.of());
    CompletableFuture<Integer> result =
        run.executeInBackground("simulate", "wallconnector", "--scenario=charging", "--speed=60");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> run.out.toString().contains("http://127.0.0.1:"));
    String url = run.out.toString().replaceAll("(?s).*(http://127\\.0\\.0\\.1:\\d+).*", "$1");
    assertThat(Http.get(URI.create(url + "/api/1/vitals")).body())
        .startsWith("{\"contactor_closed\":");
    run.stop.countDown();
    assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void dropInServesTheSeedNamesFromArguments() throws Exception {
    try (WallConnectorSimulator device =
        WallConnectorSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "idle", MutableClock.at("2026-11-24T08:00:00Z"), Set.of()))) {
      Run run = new Run(Map.of());
      CompletableFuture<Integer> result =
          run.executeInBackground(
              "wallconnector",
              device.baseUri().getAuthority(),
              "-p",
              "0",
              "-b",
              "127.0.0.1",
              "-i",
              "1");
      Exporter exporter =
          await().atMost(Duration.ofSeconds(10)).until(run.serving::get, e -> e != null);
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
      Exposition exposition =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> new Exposition(Http.get(metrics).body()),
                  e -> e.value("grid_v").isPresent());
      assertThat(exposition.value("energy_wh")).isPresent();
      assertThat(exposition.hasMetric("tesla_wall_connector_grid_volts")).isFalse();
      assertThat(Http.get(URI.create("http://127.0.0.1:" + exporter.port() + "/")).body())
          .contains("/metrics");
      run.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void dropInReadsTheSeedsEnvironmentVariables() throws Exception {
    try (WallConnectorSimulator device =
        WallConnectorSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "idle", MutableClock.at("2026-11-24T08:00:00Z"), Set.of()))) {
      Run run =
          new Run(
              Map.of(
                  "TWC_ADDRESS",
                  device.baseUri().getAuthority(),
                  "TWC_PORT",
                  "0",
                  "TWC_INTERVAL",
                  "1",
                  "TWC_BIND",
                  "127.0.0.1"));
      CompletableFuture<Integer> result =
          run.executeInBackground("wallconnector", "--naming=native");
      Exporter exporter =
          await().atMost(Duration.ofSeconds(10)).until(run.serving::get, e -> e != null);
      assertThat(exporter.localUri().getHost()).isEqualTo("127.0.0.1");
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  new Exposition(Http.get(metrics).body())
                      .has("tesla_wall_connector_grid_volts{device=\"wallconnector\"}"));
      run.stop.countDown();
      assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void dropInDefaultsMatchTheSeed() {
    Run run = new Run(Map.of());
    CommandLine.ParseResult parsed = run.commandLine.parseArgs("wallconnector");
    WallConnectorCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
    assertThat(command.address).isEqualTo("twc.local");
    assertThat(command.port).isEqualTo(56852);
    assertThat(command.intervalSeconds).isEqualTo(10);
    assertThat(command.bind).isEmpty();
    assertThat(command.naming).isEqualTo("compat");
    assertThat(WallConnectorCommand.listenAddress("", 56852)).isEqualTo(":56852");
    assertThat(WallConnectorCommand.listenAddress("::1", 9225)).isEqualTo("[::1]:9225");
  }

  @Test
  void dropInRejectsABadEnvironmentValue() {
    Run run = new Run(Map.of("TWC_PORT", "http"));
    assertThat(run.execute("wallconnector")).isEqualTo(2);
    assertThat(run.err.toString()).contains("--port").contains("http");
  }

  @Test
  void aTakenPortIsARuntimeErrorWithAClearMessage() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run run = new Run(Map.of());
      int code =
          run.execute(
              "wallconnector",
              "127.0.0.1:9",
              "-p",
              String.valueOf(taken.getLocalPort()),
              "-b",
              "127.0.0.1");
      assertThat(code).isEqualTo(1);
      assertThat(run.err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(run.serving.get()).isNull();
    }
  }

  @Test
  void theShippedExampleConfigIsValidForTheRealFamilies() {
    Run run = new Run(Map.of());
    assertThat(run.execute("check-config", "examples/home-energy-exporter.yml")).isZero();
    assertThat(run.out.toString())
        .contains("type: wallconnector")
        .contains("address: http://192.168.1.50:80");
  }

  @Test
  void simulateHelpNamesEveryFamilysScenariosAsTheFamiliesDo() {
    Run run = new Run(Map.of());
    run.execute("simulate", "--help");
    String help = run.out.toString().replaceAll("\\s+", " ");
    for (dev.homeenergy.app.Family family : Families.all().list()) {
      assertThat(help)
          .contains(family.type() + ": " + String.join(", ", family.simulator().scenarios()));
      if (!family.simulator().faults().isEmpty()) {
        assertThat(help)
            .contains(family.type() + ": " + String.join(", ", family.simulator().faults()));
      }
    }
  }

  @Test
  void serveHelpNamesEveryFamilyAsTheFamiliesDo() {
    Run run = new Run(Map.of());
    run.execute("--help");
    String help = run.out.toString().replaceAll("\\s+", " ");
    for (dev.homeenergy.app.Family family : Families.all().list()) {
      assertThat(help).contains(family.displayName());
    }
  }

  @Test
  void simulateHelpDescribesEachKnobForTheFamiliesThatTakeIt() {
    Run run = new Run(Map.of());
    run.execute("simulate", "--help");
    String help = run.out.toString().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--inverters=N sunpower only: microinverters on the site, 1..500")
        .contains("--device-latency=DURATION sunpower only:");
  }

  @Test
  void aTeslaEntryShowsTheApiBaseItTalksToAsItsAddress(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("tesla.yml");
    Files.writeString(
        config,
        """
        devices:
          - name: cars
            type: tesla
            client_id: abc
            client_secret: s3cret
            api_base: http://127.0.0.1:9443
        """);
    Run run = new Run(Map.of());
    assertThat(run.execute("check-config", config.toString())).isZero();
    assertThat(run.out.toString())
        .contains("address: http://127.0.0.1:9443\n")
        .doesNotContain("tesla.com:443");
  }

  @Test
  void checkConfigRefusesAnIntervalTooLongToPrintAtItsKey(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("long.yml");
    Files.writeString(
        config, "devices:\n  - {name: g, type: wallconnector, address: h, interval: 2562047h}\n");
    Run run = new Run(Map.of());
    assertThat(run.execute("check-config", config.toString())).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("devices[0].interval: duration \"2562047h\" is longer than the maximum")
        .doesNotContain("Exception");
  }

  @Test
  void checkConfigPrintsTheLongestAcceptedInterval(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("long.yml");
    Files.writeString(
        config, "devices:\n  - {name: g, type: wallconnector, address: h, interval: 8760h}\n");
    Run run = new Run(Map.of());
    assertThat(run.execute("check-config", config.toString())).isZero();
    assertThat(run.out.toString()).contains("stale_after: 8760h0m0s");
  }

  @Test
  void aTeslaEntryNeedsNoAddressButItsClientCredentials(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("tesla.yml");
    Files.writeString(
        config,
        """
        devices:
          - name: cars
            type: tesla
            client_id: abc
            client_secret: ${TESLA_SECRET}
            region: eu
        """);
    Run run = new Run(Map.of("TESLA_SECRET", "s3cret"));
    assertThat(run.execute("check-config", config.toString())).isZero();
    assertThat(run.out.toString())
        .contains("address: https://fleet-api.prd.eu.vn.cloud.tesla.com:443")
        .contains("client_secret: <secret>")
        .doesNotContain("s3cret")
        .contains("region: eu")
        .contains("budget_dollars: 10.0")
        .contains("fields: default")
        .contains("token_base: https://fleet-auth.prd.vn.cloud.tesla.com");
    Files.writeString(config, "devices:\n  - name: cars\n    type: tesla\n");
    Run missing = new Run(Map.of());
    assertThat(missing.execute("check-config", config.toString())).isEqualTo(2);
    assertThat(missing.err.toString())
        .contains("tesla.yml:2: devices[0].client_id: required")
        .contains("tesla.yml:2: devices[0].client_secret: required");
  }
}
