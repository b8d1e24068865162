package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.FakeFamily;
import dev.homeenergy.testing.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WebServerIT {
  private final FakeFamily family = new FakeFamily();
  private Exporter exporter;
  private URI base;
  private ListAppender<ILoggingEvent> accessLog;

  @BeforeEach
  void start() throws Exception {
    accessLog = new ListAppender<>();
    accessLog.start();
    ((Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME)).addAppender(accessLog);
    ((Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.DEBUG);
    family.set("slowpoke", new FakeFamily.Hang(Duration.ofSeconds(30)));
    ExporterConfig config =
        new ExporterConfig(
            new WebConfig("127.0.0.1:0", "/metrics"),
            LogConfig.defaults(),
            List.of(
                FakeFamily.device(
                    "kitchen",
                    Duration.ofSeconds(30),
                    Duration.ofMillis(200),
                    Duration.ofMinutes(5)),
                FakeFamily.device(
                    "slowpoke",
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(5))));
    exporter = Exporter.start(config, List.of(family), Clock.systemUTC());
    base = URI.create("http://127.0.0.1:" + exporter.port());
  }

  @AfterEach
  void stop() {
    exporter.close();
    ((Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME)).detachAppender(accessLog);
    ((Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME)).setLevel(null);
  }

  private void awaitReady() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Http.get(base.resolve("/-/ready")).statusCode() == 200);
  }

  @Test
  void readinessWaitsForTheFirstPollOfEveryDevice() {
    HttpResponse<String> early = Http.get(base.resolve("/-/ready"));
    assertThat(early.statusCode()).isEqualTo(503);
    assertThat(early.body()).contains("slowpoke");
    awaitReady();
    assertThat(Http.get(base.resolve("/-/healthy")).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAreNegotiatedInTextOpenMetricsAndProtobuf() {
    awaitReady();
    HttpResponse<String> text = Http.get(base.resolve("/metrics"));
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(text.body())
        .contains("home_energy_exporter_device_up{device=\"kitchen\",type=\"fake\"} 1.0")
        .contains("home_energy_exporter_device_up{device=\"slowpoke\",type=\"fake\"} 0.0")
        .contains(
            "home_energy_exporter_device_poll_errors_total{device=\"slowpoke\",reason=\"timeout\",type=\"fake\"} 1.0")
        .contains("fake_power_watts{device=\"kitchen\"} 1.0")
        .contains("# HELP home_energy_exporter_build_info ")
        .contains("jvm_memory_used_bytes");

    HttpResponse<String> openMetrics =
        Http.get(
            base.resolve("/metrics"),
            "Accept",
            "application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(openMetrics.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(openMetrics.body()).contains("# UNIT fake_power_watts watts").endsWith("# EOF\n");

    HttpResponse<byte[]> protobuf =
        Http.getBytes(
            base.resolve("/metrics"),
            "Accept",
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");
    assertThat(protobuf.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/vnd.google.protobuf");
    assertThat(new String(protobuf.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("fake_power_watts");
  }

  @Test
  void landingPageListsDevicesWithTheirHealthAndLinks() {
    awaitReady();
    HttpResponse<String> page = Http.get(base.resolve("/"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("<a href=\"/metrics\">Metrics</a>")
        .contains("<a class=\"name\" href=\"/devices/kitchen/raw\">kitchen</a>")
        .contains("<meta name=\"viewport\"")
        .contains("<div class=\"family\">Fake device</div>")
        .contains("class=\"badge up\">up<")
        .contains("class=\"badge down\">down<")
        .contains("did not finish within");
  }

  @Test
  void rawResponsesOfADeviceAreServedAsJson() throws Exception {
    awaitReady();
    HttpResponse<String> raw = Http.get(base.resolve("/devices/kitchen/raw"));
    assertThat(raw.statusCode()).isEqualTo(200);
    JsonNode json = new ObjectMapper().readTree(raw.body());
    assertThat(json.path("device").asText()).isEqualTo("kitchen");
    assertThat(json.path("exchanges").get(0).path("endpoint").asText()).isEqualTo("status");
    assertThat(json.path("exchanges").get(0).path("body").path("watts").asInt()).isEqualTo(1);
    assertThat(Http.get(base.resolve("/devices/nobody/raw")).statusCode()).isEqualTo(404);
  }

  @Test
  void everythingElseIsNotFoundAndOnlyGetIsAllowed() {
    assertThat(Http.get(base.resolve("/favicon.ico")).statusCode()).isEqualTo(404);
    assertThat(Http.get(base.resolve("/metricsfoo")).statusCode()).isEqualTo(404);
    assertThat(Http.get(base.resolve("/metrics/extra")).statusCode()).isEqualTo(404);
    assertThat(Http.get(base.resolve("/-/healthy/x")).statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        Http.send(
            HttpRequest.newBuilder(base.resolve("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
  }

  @Test
  void everyRequestIsAccessLogged() {
    Http.get(base.resolve("/-/healthy"));
    Http.get(base.resolve("/nope"));
    await().atMost(Duration.ofSeconds(5)).until(() -> accessLog.list.size() >= 2);
    assertThat(accessLog.list)
        .anySatisfy(
            e -> {
              assertThat(e.getFormattedMessage()).startsWith("127.0.0.1 GET /-/healthy 200 ");
              assertThat(e.getKeyValuePairs())
                  .extracting(kv -> kv.key)
                  .containsExactly("client", "method", "path", "status", "duration_seconds");
            });
    assertThat(accessLog.list)
        .anySatisfy(
            e -> assertThat(e.getFormattedMessage()).startsWith("127.0.0.1 GET /nope 404 "));
  }
}
