package dev.homeenergy.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.app.Demo;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.ExternalTool;
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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every recording rule and every panel query of every shipped dashboard, against a real Prometheus
 * scraping the demo with the shipped recording rules loaded: a query that returns nothing means a
 * dashboard that shows nothing.
 */
class DashboardQueriesIT {
  private final ObjectMapper json = new ObjectMapper();

  /** Panels that show an event, so they are empty until it happens (no 429 in the demo). */
  private static final java.util.Set<String> EVENT_PANELS =
      java.util.Set.of("tesla.json / Rate limited until");

  /** Grafana's variables, as the dashboards use them, for a Prometheus that only ran a minute. */
  private static String substitute(String expr) {
    return expr.replace("\"$device\"", "\".+\"")
        .replace("\"$vin\"", "\".+\"")
        .replace("$__rate_interval", "1m")
        .replace("$__range", "5m")
        .replace("$__interval", "15s");
  }

  private List<String[]> panelQueries() throws Exception {
    List<String[]> queries = new ArrayList<>();
    JsonNode rules =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(Path.of("deploy/prometheus/recording-rules.yml").toFile());
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("record")) {
          queries.add(
              new String[] {
                "recording rule " + rule.get("record").asText(), rule.get("expr").asText()
              });
        }
      }
    }
    try (Stream<Path> files = Files.list(Path.of("deploy/grafana/dashboards"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        collect(json.readTree(file.toFile()), file.getFileName().toString(), queries);
      }
    }
    return queries;
  }

  private static void collect(JsonNode node, String file, List<String[]> out) {
    if (node.isObject()) {
      if (node.has("targets")) {
        for (JsonNode target : node.get("targets")) {
          if (target.hasNonNull("expr")) {
            out.add(
                new String[] {
                  file + " / " + node.path("title").asText(),
                  substitute(target.get("expr").asText())
                });
          }
        }
      }
      node.fields().forEachRemaining(e -> collect(e.getValue(), file, out));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, file, out));
    }
  }

  private int resultCount(URI api, String query) throws Exception {
    String body =
        Http.get(URI.create(api + URLEncoder.encode(query, StandardCharsets.UTF_8))).body();
    JsonNode response = json.readTree(body);
    if (!"success".equals(response.path("status").asText())) {
      throw new AssertionError(query + ": " + body);
    }
    return response.path("data").path("result").size();
  }

  @Test
  void everyPanelOfEveryDashboardShowsData(@TempDir Path dir) throws Exception {
    Path prometheus = ExternalTool.require("prometheus");
    try (Demo demo =
            Demo.start(
                Families.all(),
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                Clock.systemUTC());
        Exporter exporter =
            Exporter.start(demo.config(), Families.all().devices(), Clock.systemUTC())) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      // The daily groups evaluate every few minutes; here every second, so a short run sees them
      // all.
      Files.writeString(
          dir.resolve("recording-rules.yml"),
          Files.readString(Path.of("deploy/prometheus/recording-rules.yml"))
              .replaceAll("(?m)^(\\s+interval:)\\s*\\S+", "$1 1s"));
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(
          config,
          """
          global:
            scrape_interval: 1s
            scrape_timeout: 1s
            evaluation_interval: 1s
          rule_files: ['recording-rules.yml']
          scrape_configs:
            - job_name: home-energy
              static_configs:
                - targets: ['127.0.0.1:%d']
          """
              .formatted(exporter.port()));
      Process server =
          new ProcessBuilder(
                  prometheus.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=warn")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      try {
        URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");
        List<String[]> queries = panelQueries();
        assertThat(queries).hasSizeGreaterThan(50);
        TreeMap<String, String> empty = new TreeMap<>();
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(2))
            .ignoreExceptions()
            .until(
                () -> {
                  empty.clear();
                  for (String[] q : queries) {
                    if (!EVENT_PANELS.contains(q[0]) && resultCount(api, q[1]) == 0) {
                      empty.put(q[0], q[1]);
                    }
                  }
                  return empty.isEmpty();
                });
        assertThat(empty).as("panels whose query returns nothing").isEmpty();
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError(
            "panels still empty after 90 s: " + lastEmpty(api(port), queries()), e);
      } finally {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      }
    }
  }

  private static URI api(int port) {
    return URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");
  }

  private List<String[]> queries() throws Exception {
    return panelQueries();
  }

  private String lastEmpty(URI api, List<String[]> queries) {
    StringBuilder out = new StringBuilder();
    for (String[] q : queries) {
      try {
        if (!EVENT_PANELS.contains(q[0]) && resultCount(api, q[1]) == 0) {
          out.append("\n  ").append(q[0]).append(": ").append(q[1]);
        }
      } catch (Exception e) {
        out.append("\n  ").append(q[0]).append(": ").append(e.getMessage());
      }
    }
    return out.toString();
  }
}
