package dev.homeenergy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.polling.RawLog;
import dev.homeenergy.testing.ChildExporter;
import dev.homeenergy.testing.Exposition;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw-view crash: a device that answered a valid object of almost 4 MB, and rounds of
 * concurrent {@code /devices/NAME/raw} requests, in an exporter with a 64 MiB heap. The raw view
 * keeps the body cut with a marker and renders it once, so the process survives and answers.
 */
class RawViewUnderLoadIT {
  private static final int CONCURRENT = 10;
  private static final int ROUNDS = 4;

  @TempDir Path dir;

  @Test
  void concurrentRawRequestsForAHugeBodyLeaveTheExporterAlive() throws Exception {
    byte[] body = hugeStatus().getBytes(StandardCharsets.UTF_8);
    assertThat(body.length).isBetween(3_900_000, 4 * 1024 * 1024);
    HttpServer plug =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    plug.createContext(
        "/api/status",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    plug.start();
    ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        "devices:\n  - name: plug\n    type: sixth\n    address: http://127.0.0.1:"
            + plug.getAddress().getPort()
            + "\n    interval: 5s\n    timeout: 5s\n");
    try (ChildExporter exporter =
        ChildExporter.start(
            SixthPlugExporterMain.class.getName(), config, "64m", dir.resolve("exporter.log"))) {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  new Exposition(exporter.get("/metrics").body())
                          .value("home_energy_exporter_device_up{device=\"plug\",type=\"sixth\"}")
                          .orElse(0)
                      == 1);

      for (int round = 0; round < ROUNDS; round++) {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
          Callable<HttpResponse<String>> raw = () -> exporter.get("/devices/plug/raw");
          answers.add(clients.submit(raw));
        }
        for (Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> response;
          try {
            response = answer.get(2, TimeUnit.MINUTES);
          } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(
                "a raw request failed; the exporter's output:\n" + exporter.output(), e);
          }
          assertThat(response.statusCode()).isEqualTo(200);
          JsonNode raw = new ObjectMapper().readTree(response.body());
          String kept = raw.path("exchanges").get(0).path("body").asText();
          assertThat(kept.length()).isLessThan(RawLog.MAX_BODY_CHARS + 200);
          assertThat(kept)
              .startsWith("{\"power_w\":")
              .endsWith("; the raw view keeps the first " + RawLog.MAX_BODY_CHARS + "]");
        }
        assertThat(exporter.alive()).as("alive:\n%s", exporter.output()).isTrue();
      }
      assertThat(exporter.get("/metrics").statusCode()).isEqualTo(200);
      assertThat(exporter.alive()).as("alive:\n%s", exporter.output()).isTrue();
    } finally {
      clients.shutdownNow();
      plug.stop(0);
    }
  }

  /** A valid status object of almost 4 MB: the plug's values and 3,830 padding strings. */
  private static String hugeStatus() {
    StringBuilder json =
        new StringBuilder("{\"power_w\":1520.5,\"energy_wh\":88123,\"relay_on\":true,\"log\":[");
    String entry = "\"" + "event ".repeat(170) + "\"";
    for (int i = 0; i < 3_830; i++) {
      json.append(i == 0 ? "" : ",").append(entry);
    }
    return json.append("]}").toString();
  }
}
