package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.ProbeConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.FakeFamily;
import dev.homeenergy.testing.Http;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /probe}, {@code /sd}, on-demand polling and the rendered-scrape cache, over real HTTP. */
class ProbeAndScrapeCacheIT {
  private final FakeFamily family = new FakeFamily();
  private Exporter exporter;
  private URI base;

  private void start(ProbeConfig probe) throws Exception {
    family.set("kitchen", new FakeFamily.Answer(230));
    family.set("garage", new FakeFamily.Answer(7400));
    ExporterConfig config =
        new ExporterConfig(
            new WebConfig("127.0.0.1:0", "/metrics"),
            LogConfig.defaults(),
            List.of(
                FakeFamily.device(
                    "kitchen",
                    Duration.ofMillis(200),
                    Duration.ofMillis(100),
                    Duration.ofMinutes(5)),
                FakeFamily.device(
                    "garage",
                    Duration.ofMillis(200),
                    Duration.ofMillis(100),
                    Duration.ofMinutes(5))),
            null,
            probe);
    exporter = Exporter.start(config, List.of(family), Clock.systemUTC());
    base = URI.create("http://127.0.0.1:" + exporter.port());
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.close();
    }
  }

  private String get(String path) {
    HttpResponse<String> response = Http.get(base.resolve(path));
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  @Test
  void probeServesOneDeviceAndNoExporterMetrics() throws Exception {
    start(ProbeConfig.defaults());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> get("/metrics").contains("fake_power_watts{device=\"garage\""));
    String kitchen = get("/probe?target=kitchen");
    assertThat(kitchen)
        .contains("home_energy_exporter_device_up{device=\"kitchen\",type=\"fake\"} 1")
        .contains("fake_power_watts{device=\"kitchen\"")
        .doesNotContain("garage")
        .doesNotContain("jvm_")
        .doesNotContain("home_energy_exporter_build_info");
    assertThat(get("/metrics"))
        .contains("device=\"kitchen\"")
        .contains("device=\"garage\"")
        .contains("jvm_");
  }

  @Test
  void probeRejectsMissingUnknownAndRepeatedTargets() throws Exception {
    start(ProbeConfig.defaults());
    assertThat(Http.get(base.resolve("/probe")).statusCode()).isEqualTo(400);
    assertThat(Http.get(base.resolve("/probe?target=")).statusCode()).isEqualTo(400);
    assertThat(Http.get(base.resolve("/probe?target=kitchen&target=garage")).statusCode())
        .isEqualTo(400);
    HttpResponse<String> unknown = Http.get(base.resolve("/probe?target=192.168.1.1%3A80"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("192.168");
  }

  @Test
  void serviceDiscoveryListsTheConfiguredTargets() throws Exception {
    start(ProbeConfig.defaults());
    HttpResponse<String> response = Http.get(base.resolve("/sd"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode groups = new ObjectMapper().readTree(response.body());
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0).get("targets").get(0).asText()).isEqualTo("kitchen");
    assertThat(groups.get(1).get("targets").get(0).asText()).isEqualTo("garage");
    assertThat(groups.get(0).get("labels").get("__meta_home_energy_device_type").asText())
        .isEqualTo("fake");
    assertThat(groups.get(0).get("labels").get("__meta_home_energy_naming").asText())
        .isEqualTo("native");
  }

  @Test
  void onDemandPollsOnlyProbedDevicesAndPausesIdleOnes() throws Exception {
    start(new ProbeConfig(true, Duration.ofSeconds(2)));
    String metrics = get("/metrics");
    assertThat(metrics)
        .contains("home_energy_exporter_probe_targets_polled 0")
        .doesNotContain("device=\"kitchen\"");
    assertThat(family.polls("kitchen")).isZero();

    get("/probe?target=kitchen");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                get("/probe?target=kitchen")
                    .contains(
                        "home_energy_exporter_device_up{device=\"kitchen\",type=\"fake\"} 1"));
    assertThat(get("/metrics"))
        .contains("home_energy_exporter_probe_targets_polled 1")
        .doesNotContain("fake_power_watts");
    assertThat(family.polls("garage")).isZero();
    assertThat(get("/probe?target=garage"))
        .contains("home_energy_exporter_device_up{device=\"garage\",type=\"fake\"}");
    await().atMost(Duration.ofSeconds(10)).until(() -> family.polls("garage") > 0);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> get("/metrics").contains("home_energy_exporter_probe_targets_polled 0"));
    int pausedAt = family.polls("kitchen");
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(3))
        .until(() -> family.polls("kitchen") <= pausedAt + 1);
  }

  @Test
  void concurrentScrapesShareOneRendering() throws Exception {
    start(ProbeConfig.defaults());
    AtomicInteger collects = new AtomicInteger();
    exporter
        .registry()
        .register(
            (MultiCollector)
                () -> {
                  collects.incrementAndGet();
                  return MetricSnapshots.of();
                });
    family.set("kitchen", new FakeFamily.Answer(230, Duration.ofHours(1)));
    family.set("garage", new FakeFamily.Answer(7400, Duration.ofHours(1)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> family.polls("garage") > 0 && family.polls("kitchen") > 0);
    get("/metrics");
    int before = collects.get();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> bodies = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        bodies.add(pool.submit(() -> get("/metrics")));
      }
      List<String> distinct = new ArrayList<>();
      for (Future<String> body : bodies) {
        String text = body.get();
        if (!distinct.contains(text)) {
          distinct.add(text);
        }
      }
      assertThat(collects.get() - before).as("renderings for 64 scrapes").isLessThan(10);
      assertThat(distinct.size()).isLessThan(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCollectorDefectAnswers500AndTheNextGoodScrapeWorks() throws Exception {
    start(ProbeConfig.defaults());
    java.util.concurrent.atomic.AtomicBoolean broken =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    exporter
        .registry()
        .register(
            (MultiCollector)
                () -> {
                  if (broken.get()) {
                    throw new IllegalStateException("defect");
                  }
                  return MetricSnapshots.of();
                });
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Http.get(base.resolve("/metrics")).statusCode() == 500);
    broken.set(false);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Http.get(base.resolve("/metrics")).statusCode() == 200);
  }

  @Test
  void cachedRenderingsKeepFormatsGzipAndFilters() throws Exception {
    start(ProbeConfig.defaults());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> get("/metrics").contains("fake_power_watts{device=\"garage\""));
    HttpResponse<String> openMetrics =
        Http.get(
            base.resolve("/metrics"),
            "Accept",
            "application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(openMetrics.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(openMetrics.body()).endsWith("# EOF\n");
    HttpResponse<byte[]> protobuf =
        Http.getBytes(
            base.resolve("/metrics"),
            "Accept",
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");
    assertThat(protobuf.headers().firstValue("Content-Type").orElseThrow()).contains("protobuf");
    HttpResponse<byte[]> gzip = Http.getBytes(base.resolve("/metrics"), "Accept-Encoding", "gzip");
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String unzipped =
        new String(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes());
    assertThat(unzipped).contains("fake_power_watts{device=\"garage\"");
    String filtered = get("/metrics?name[]=fake_power_watts");
    assertThat(filtered)
        .contains("fake_power_watts")
        .doesNotContain("jvm_")
        .doesNotContain("device_up");
    assertThat(
            Http.send(
                    java.net.http.HttpRequest.newBuilder(base.resolve("/metrics"))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode())
        .isEqualTo(200);
  }
}
