package dev.homeenergy;

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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded demo scraped by a real Prometheus server (Debian's package): after two scrapes,
 * {@code up} and a Wall Connector reading are read back through Prometheus's HTTP API.
 */
class PrometheusEndToEndIT {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void prometheusScrapesTheDemo(@TempDir Path dir) throws Exception {
    Path prometheus = ExternalTool.require("prometheus");
    try (Demo demo =
            Demo.start(
                Families.all(),
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                Clock.systemUTC());
        Exporter exporter =
            Exporter.start(demo.config(), Families.all().devices(), Clock.systemUTC())) {
      int prometheusPort = freePort();
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(
          config,
          """
          global:
            scrape_interval: 1s
            scrape_timeout: 1s
          scrape_configs:
            - job_name: home-energy
              static_configs:
                - targets: ['127.0.0.1:%d']
          """
              .formatted(exporter.port()));
      Path log = dir.resolve("prometheus.log");
      Process server =
          new ProcessBuilder(
                  prometheus.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + prometheusPort,
                  "--log.level=warn")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        URI api = URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=");
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptions()
            .until(() -> scalar(api, "count_over_time(up{job=\"home-energy\"}[5m])") >= 2);

        assertThat(scalar(api, "up{job=\"home-energy\"}")).isEqualTo(1);
        double volts =
            await()
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                    () -> scalar(api, "tesla_wall_connector_grid_volts{device=\"garage\"}"),
                    v -> v > 0);
        assertThat(volts).isBetween(200.0, 270.0);
        assertThat(
                scalar(
                    api,
                    "home_energy_exporter_device_up{device=\"garage\",type=\"wallconnector\"}"))
            .isEqualTo(1);
      } finally {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      }
    }
  }

  private double scalar(URI api, String query) throws Exception {
    HttpResponse<String> response =
        Http.get(URI.create(api + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    JsonNode result = json.readTree(response.body()).path("data").path("result");
    if (result.size() != 1) {
      throw new IllegalStateException(
          query + " returned " + result.size() + " series: " + response.body());
    }
    return Double.parseDouble(result.get(0).path("value").get(1).asText());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
