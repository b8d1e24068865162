package dev.homeenergy.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.config.ConfigLoader;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.ProbeConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.ExternalTool;
import dev.homeenergy.testing.FakeFamily;
import dev.homeenergy.testing.Http;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharded set-up of docs/scale-out.md, for real: two exporter instances with one config ({@code
 * probe.on_demand}), Prometheus in agent mode running {@code deploy/scale-out/prometheus-agent.yml}
 * (targets from {@code /sd}, hashmod sharding onto the instances), remote-writing to a central
 * Prometheus. Every device must arrive centrally, each polled by exactly one instance.
 */
class ScaleOutIT {
  private static final List<String> SITES =
      List.of(
          "smith-garage",
          "jones-garage",
          "lee-garage",
          "patel-garage",
          "garcia-garage",
          "kim-garage");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theShippedFleetConfigLoads() throws Exception {
    ExporterConfig config =
        ConfigLoader.withSystemEnvironment(Families.all().specs())
            .parse(
                Files.readString(Path.of("deploy/scale-out/home-energy-exporter.yml"))
                    .replace("${JONES_POWERWALL_PASSWORD}", "example"),
                "home-energy-exporter.yml");
    assertThat(config.probe()).isEqualTo(new ProbeConfig(true, Duration.ofMinutes(10)));
    assertThat(config.devices()).hasSize(4);
  }

  @Test
  void prometheusAgentShardsTheFleetAcrossTwoExporters(@TempDir Path dir) throws Exception {
    Path prometheus = ExternalTool.require("prometheus");
    List<FakeFamily> families = List.of(new FakeFamily(), new FakeFamily());
    List<Exporter> exporters = new ArrayList<>();
    List<Process> servers = new ArrayList<>();
    try {
      for (FakeFamily family : families) {
        SITES.forEach(site -> family.set(site, new FakeFamily.Answer(7000)));
        ExporterConfig config =
            new ExporterConfig(
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                SITES.stream()
                    .map(
                        site ->
                            FakeFamily.device(
                                site,
                                Duration.ofSeconds(1),
                                Duration.ofMillis(500),
                                Duration.ofMinutes(5)))
                    .toList(),
                null,
                new ProbeConfig(true, Duration.ofMinutes(10)));
        exporters.add(Exporter.start(config, List.of(family), Clock.systemUTC()));
      }
      int central = freePort();
      servers.add(
          start(
              prometheus,
              dir.resolve("central"),
              central,
              "global:\n  scrape_interval: 1m\n",
              "--web.enable-remote-write-receiver"));
      String agentConfig =
          Files.readString(Path.of("deploy/scale-out/prometheus-agent.yml"))
              .replace("scrape_interval: 30s", "scrape_interval: 1s")
              .replace("scrape_timeout: 10s", "scrape_timeout: 1s")
              .replace("refresh_interval: 5m", "refresh_interval: 5s")
              .replace("exporter-0:10042", "127.0.0.1:" + exporters.get(0).port())
              .replace("exporter-1:10042", "127.0.0.1:" + exporters.get(1).port())
              .replace("central:9090", "127.0.0.1:" + central);
      int agent = freePort();
      servers.add(
          start(prometheus, dir.resolve("agent"), agent, agentConfig, "--enable-feature=agent"));

      URI api = URI.create("http://127.0.0.1:" + central + "/api/v1/query?query=");
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () ->
                  values(api, "home_energy_exporter_device_up{job=\"home-energy\"} == 1").size()
                      == SITES.size());

      Map<String, Double> up = values(api, "home_energy_exporter_device_up{job=\"home-energy\"}");
      assertThat(up.keySet()).containsExactlyInAnyOrderElementsOf(SITES);
      assertThat(
              values(api, "count by (instance) (fake_power_watts{job=\"home-energy\"})").keySet())
          .containsExactlyInAnyOrderElementsOf(SITES);
      for (String site : SITES) {
        long pollingInstances = families.stream().filter(family -> family.polls(site) > 0).count();
        assertThat(pollingInstances).as(site + " is polled by exactly one instance").isEqualTo(1);
      }
      assertThat(families.get(0).pollsTotal())
          .as("instance 0 polls part of the fleet")
          .isPositive();
      assertThat(families.get(1).pollsTotal())
          .as("instance 1 polls part of the fleet")
          .isPositive();
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  values(
                              api,
                              "sum(home_energy_exporter_probe_targets_polled{job=\"home-energy-exporter\"})")
                          .values()
                          .iterator()
                          .next()
                      == SITES.size());
    } finally {
      for (Process server : servers) {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      }
      exporters.forEach(Exporter::close);
    }
  }

  private static Process start(Path prometheus, Path dir, int port, String config, String extraFlag)
      throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config);
    boolean agent = extraFlag.contains("agent");
    return new ProcessBuilder(
            prometheus.toString(),
            "--config.file=" + file,
            (agent ? "--storage.agent.path=" : "--storage.tsdb.path=") + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--log.level=warn",
            extraFlag)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
  }

  /** The query's series, by their {@code instance} label (or "" for a label-less result). */
  private Map<String, Double> values(URI api, String query) throws Exception {
    JsonNode result =
        json.readTree(
                Http.get(URI.create(api + URLEncoder.encode(query, StandardCharsets.UTF_8))).body())
            .path("data")
            .path("result");
    Map<String, Double> values = new java.util.TreeMap<>();
    for (JsonNode series : result) {
      values.put(
          series.path("metric").path("instance").asText(""),
          series.path("value").get(1).asDouble());
    }
    return values;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
