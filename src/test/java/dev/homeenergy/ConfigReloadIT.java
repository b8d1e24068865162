package dev.homeenergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.ChildJava;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.Promtool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a real process reloading its config as Prometheus does: on SIGHUP, and on
 * {@code POST /-/reload} with {@code --web.enable-lifecycle}, behind the web config's basic auth.
 * The devices are simulated Wall Connectors on loopback.
 */
class ConfigReloadIT {
  private static final Path JAR = Path.of("target/home-energy-exporter.jar");
  private static final Pattern SERVING = Pattern.compile("serving .* at (http://\\S+)/ ");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String USER = "prometheus";
  private static final String PASSWORD = "reload-it-password";

  @TempDir Path dir;
  private final List<AutoCloseable> running = new ArrayList<>();

  /** The exporter process, its base URL and its log. */
  private record Exporter(Process process, URI base, Path log) {
    String logText() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable closeable : running) {
      closeable.close();
    }
  }

  private WallConnectorSimulator simulator() throws IOException {
    WallConnectorSimulator simulator =
        WallConnectorSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, "idle", Clock.systemUTC(), Set.of()));
    running.add(simulator);
    return simulator;
  }

  private static String device(String name, WallConnectorSimulator simulator, String more) {
    return "  - {name: "
        + name
        + ", type: wallconnector, address: \""
        + simulator.baseUri()
        + "\", interval: 1s"
        + more
        + "}\n";
  }

  private Path writeConfig(String devices) throws IOException {
    return Files.writeString(
        dir.resolve("home-energy-exporter.yml"),
        "web:\n  listen_address: 127.0.0.1:0\ndevices:\n" + devices);
  }

  private Exporter start(Path config, String... flags) throws Exception {
    return start(config, List.of(), flags);
  }

  private Exporter start(Path config, List<String> ignoredSignals, String... flags)
      throws Exception {
    assertThat(JAR).as("the IT tier runs after package").exists();
    Path log = dir.resolve("exporter.log");
    List<String> arguments = new ArrayList<>(List.of("-jar", JAR.toString()));
    arguments.add("--config.file=" + config);
    arguments.addAll(List.of(flags));
    Process process =
        new ProcessBuilder(ChildJava.command(arguments, ignoredSignals))
            .redirectError(log.toFile())
            .start();
    running.add(
        () -> {
          process.destroy();
          if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        });
    URI base =
        CompletableFuture.supplyAsync(() -> servingAt(process))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return new Exporter(process, base, log);
  }

  private static URI servingAt(Process process) {
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher matcher = SERVING.matcher(line);
        if (matcher.find()) {
          return URI.create(matcher.group(1));
        }
      }
      throw new AssertionError("the exporter ended without serving");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Exposition scrape(Exporter exporter, String... headers) {
    HttpResponse<String> response = Http.get(exporter.base().resolve("/metrics"), headers);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new Exposition(response.body());
  }

  private static String series(String metric, String device) {
    return metric + "{device=\"" + device + "\",type=\"wallconnector\"}";
  }

  private static double value(Exposition metrics, String series) {
    return metrics.value(series).orElse(-1);
  }

  private static void hangUp(Exporter exporter) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-HUP", Long.toString(exporter.process().pid())).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private static void awaitLog(Exporter exporter, String text) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> exporter.logText().contains(text) || !exporter.process().isAlive());
    assertThat(exporter.process().isAlive())
        .as("still running after the reload; log:%n%s", exporter.logText())
        .isTrue();
    assertThat(exporter.logText()).contains(text);
  }

  @Test
  void sighupAppliesAValidConfigDeviceByDeviceAndKeepsTheRunningOneWhenTheFileIsInvalid()
      throws Exception {
    WallConnectorSimulator kept = simulator();
    WallConnectorSimulator changed = simulator();
    WallConnectorSimulator removed = simulator();
    WallConnectorSimulator added = simulator();
    Path config =
        writeConfig(
            device("kept", kept, "")
                + device("changed", changed, "")
                + device("removed", removed, ""));
    Exporter exporter = start(config);
    String up = "home_energy_exporter_device_up";
    String polls = "home_energy_exporter_device_polls_total";
    await()
        .atMost(WAIT)
        .until(
            () -> scrape(exporter),
            m ->
                value(m, series(up, "changed")) == 1
                    && value(m, series(up, "removed")) == 1
                    && value(m, series(polls, "kept")) >= 2);
    double keptPolls = value(scrape(exporter), series(polls, "kept"));
    double startedAt =
        scrape(exporter)
            .value("home_energy_exporter_config_last_reload_success_timestamp_seconds")
            .orElseThrow();
    assertThat(kept.requestCount("/api/1/version")).isEqualTo(1);
    assertThat(changed.requestCount("/api/1/version")).isEqualTo(1);

    writeConfig(
        device("added", added, "")
            + device("kept", kept, "")
            + device("changed", changed, ", naming: compat"));
    hangUp(exporter);

    awaitLog(
        exporter,
        "config reloaded: added [added], removed [removed], changed [changed], unchanged [kept]");
    Exposition after =
        await()
            .atMost(WAIT)
            .until(
                () -> scrape(exporter),
                m ->
                    value(m, series(up, "added")) == 1 && m.value("vehicle_connected").isPresent());
    assertThat(value(after, series(polls, "kept")))
        .as("the unchanged device's counter did not reset")
        .isGreaterThanOrEqualTo(keptPolls);
    assertThat(after.text()).doesNotContain("device=\"removed\"");
    assertThat(after.has("tesla_wall_connector_vehicle_connected{device=\"changed\"}"))
        .as("the changed device's old series are gone")
        .isFalse();
    assertThat(after.value("home_energy_exporter_config_last_reload_successful")).hasValue(1);
    String reloadMetrics =
        after
            .text()
            .lines()
            .filter(line -> line.matches("(# (HELP|TYPE) )?home_energy_exporter_config_.*"))
            .map(line -> line + "\n")
            .collect(java.util.stream.Collectors.joining());
    assertThat(reloadMetrics.lines()).hasSize(6);
    Promtool.Result lint = Promtool.checkMetrics(reloadMetrics);
    assertThat(lint.output()).isEmpty();
    assertThat(lint.exitCode()).isZero();
    assertThat(
            after
                .value("home_energy_exporter_config_last_reload_success_timestamp_seconds")
                .orElseThrow())
        .isGreaterThan(startedAt);
    assertThat(kept.requestCount("/api/1/version"))
        .as("the unchanged device kept its client and poller")
        .isEqualTo(1);
    String sinceReload =
        exporter.logText().substring(exporter.logText().indexOf("config reloaded: added"));
    assertThat(sinceReload)
        .as("no new poller for the unchanged device")
        .doesNotContain("device kept answered its first poll");
    assertThat(changed.requestCount("/api/1/version"))
        .as("the changed device has a new client")
        .isEqualTo(2);
    long removedRequests = removed.requestCount("/api/1/vitals");
    await().atMost(WAIT).until(() -> added.requestCount("/api/1/vitals") >= 3);
    assertThat(removed.requestCount("/api/1/vitals"))
        .as("the removed device is no longer polled")
        .isLessThanOrEqualTo(removedRequests + 1);

    String valid = Files.readString(config);
    Files.writeString(config, valid.replace("interval: 1s, naming: compat", "interval: often"));
    hangUp(exporter);

    awaitLog(exporter, "config reload (SIGHUP) failed with 1 problem(s); the running config stays");
    assertThat(exporter.logText()).contains(config + ":6: devices[2].interval:");
    await()
        .atMost(WAIT)
        .until(
            () ->
                scrape(exporter)
                    .value("home_energy_exporter_config_last_reload_successful")
                    .orElse(-1),
            value -> value == 0);
    double keptBefore = value(scrape(exporter), series(polls, "kept"));
    await().atMost(WAIT).until(() -> value(scrape(exporter), series(polls, "kept")) > keptBefore);
    Exposition stillRunning = scrape(exporter);
    assertThat(value(stillRunning, series(up, "changed"))).isEqualTo(1);
    assertThat(stillRunning.has("vehicle_connected")).isTrue();
    assertThat(Http.get(exporter.base().resolve("/-/healthy")).statusCode()).isEqualTo(200);
    assertThat(changed.requestCount("/api/1/version")).isEqualTo(2);

    Files.writeString(config, valid);
    hangUp(exporter);
    awaitLog(exporter, "config reloaded: unchanged [added, kept, changed]");
    await()
        .atMost(WAIT)
        .until(
            () ->
                scrape(exporter)
                    .value("home_energy_exporter_config_last_reload_successful")
                    .orElse(-1),
            value -> value == 1);
  }

  private Path webConfig() throws IOException {
    return Files.writeString(
        dir.resolve("web.yml"),
        "basic_auth_users:\n  "
            + USER
            + ": "
            + BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray())
            + "\n");
  }

  private static HttpResponse<String> post(Exporter exporter, String... headers) {
    return Http.send(
        Http.request(exporter.base().resolve("/-/reload"), WAIT, headers)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static String[] credentials() {
    return new String[] {"Authorization", "Basic " + Http.basicCredentials(USER, PASSWORD)};
  }

  @Test
  void postReloadNeedsTheLifecycleFlagAndTheSameCredentialsAsTheMetrics() throws Exception {
    WallConnectorSimulator kept = simulator();
    WallConnectorSimulator added = simulator();
    Path config = writeConfig(device("kept", kept, ""));
    Exporter exporter = start(config, "--web.config.file=" + webConfig(), "--web.enable-lifecycle");
    writeConfig(device("kept", kept, "") + device("added", added, ""));

    HttpResponse<String> anonymous = post(exporter);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(Http.get(exporter.base().resolve("/-/reload"), credentials()).statusCode())
        .isEqualTo(405);
    assertThat(scrape(exporter, credentials()).text()).doesNotContain("device=\"added\"");

    HttpResponse<String> reloaded = post(exporter, credentials());
    assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
    assertThat(reloaded.body()).contains("added [added]", "unchanged [kept]");
    await()
        .atMost(WAIT)
        .until(
            () -> scrape(exporter, credentials()),
            m -> value(m, series("home_energy_exporter_device_up", "added")) == 1);

    Files.writeString(config, "devices:\n  - {name: broken, type: toaster}\n");
    HttpResponse<String> refused = post(exporter, credentials());
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).startsWith("failed to reload config:").contains(config + ":2:");
    assertThat(scrape(exporter, credentials()).text()).contains("device=\"added\"");
    assertThat(kept.requestCount("/api/1/version")).isEqualTo(1);
  }

  @Test
  void withoutTheLifecycleFlagPostReloadIsForbiddenButSighupStillReloads() throws Exception {
    WallConnectorSimulator kept = simulator();
    WallConnectorSimulator added = simulator();
    Path config = writeConfig(device("kept", kept, ""));
    Exporter exporter = start(config, "--web.config.file=" + webConfig());
    writeConfig(device("kept", kept, "") + device("added", added, ""));

    assertThat(post(exporter).statusCode()).isEqualTo(401);
    HttpResponse<String> forbidden = post(exporter, credentials());
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("Lifecycle API is not enabled");
    assertThat(scrape(exporter, credentials()).text()).doesNotContain("device=\"added\"");

    hangUp(exporter);
    awaitLog(exporter, "config reloaded: added [added], unchanged [kept]");
  }

  @Test
  void startedUnderNohupItSaysSighupCannotReloadAndPostReloadStillDoes() throws Exception {
    WallConnectorSimulator kept = simulator();
    WallConnectorSimulator added = simulator();
    Path config = writeConfig(device("kept", kept, ""));
    Exporter exporter = start(config, List.of("HUP"), "--web.enable-lifecycle");
    writeConfig(device("kept", kept, "") + device("added", added, ""));

    awaitLog(exporter, "SIGHUP is ignored in this process (started under nohup?)");
    hangUp(exporter);
    HttpResponse<String> reloaded = post(exporter);
    assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
    assertThat(reloaded.body()).contains("added [added]", "unchanged [kept]");
    assertThat(exporter.process().isAlive()).isTrue();
  }
}
