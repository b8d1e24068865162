package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.testing.Http;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scrape that arrives while another renders a newer answer gets the previous one instead of
 * waiting.
 */
class RenderedScrapesTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void scrapesDuringARenderingGetThePreviousAnswer() throws Exception {
    AtomicLong version = new AtomicLong();
    AtomicBoolean slow = new AtomicBoolean();
    CountDownLatch rendering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(
        (MultiCollector)
            () -> {
              if (slow.get()) {
                rendering.countDown();
                try {
                  release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return MetricSnapshots.of(
                  GaugeSnapshot.builder()
                      .name("answer_version")
                      .help("Which version rendered.")
                      .dataPoint(
                          GaugeSnapshot.GaugeDataPointSnapshot.builder()
                              .labels(Labels.EMPTY)
                              .value(version.get())
                              .build())
                      .build());
            });
    RenderedScrapes scrapes =
        new RenderedScrapes(
            PrometheusProperties.get(), registry, version::get, Duration.ofHours(1));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/metrics", exchange -> scrapes.serve(exchange, List.of()));
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");

    assertThat(Http.get(uri).body()).contains("answer_version 0.0");
    version.incrementAndGet();
    slow.set(true);
    CompletableFuture<String> renderer = CompletableFuture.supplyAsync(() -> Http.get(uri).body());
    assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(Http.get(uri).body())
        .as("served while the newer answer renders")
        .contains("answer_version 0.0");

    slow.set(false);
    release.countDown();
    assertThat(renderer.get(10, TimeUnit.SECONDS)).contains("answer_version 1.0");
    assertThat(Http.get(uri).body()).contains("answer_version 1.0");
  }

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private RenderedScrapes scrapes;
  private final AtomicInteger renders = new AtomicInteger();

  private URI serveCounted() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(
        (MultiCollector)
            () -> {
              renders.incrementAndGet();
              return MetricSnapshots.of(
                  GaugeSnapshot.builder()
                      .name("answer")
                      .help("A constant.")
                      .dataPoint(
                          GaugeSnapshot.GaugeDataPointSnapshot.builder()
                              .labels(Labels.EMPTY)
                              .value(42)
                              .build())
                      .build());
            });
    scrapes =
        new RenderedScrapes(PrometheusProperties.get(), registry, () -> 0, Duration.ofHours(1));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/metrics", exchange -> scrapes.serve(exchange, List.of()));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
  }

  private static HttpResponse<byte[]> get(URI uri, String header, String value) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(uri).header(header, value).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void gzipIsSentOnlyWhenTheClientAcceptsItWithAWeightAboveZero() throws Exception {
    URI uri = serveCounted();

    assertThat(get(uri, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding"))
        .isEmpty();
    assertThat(
            get(uri, "Accept-Encoding", "br, GZIP ; q=0.0")
                .headers()
                .firstValue("Content-Encoding"))
        .isEmpty();
    assertThat(
            get(uri, "Accept-Encoding", "*;q=1, gzip;q=0").headers().firstValue("Content-Encoding"))
        .isEmpty();
    assertThat(get(uri, "Accept-Encoding", "identity").headers().firstValue("Content-Encoding"))
        .isEmpty();
    assertThat(get(uri, "Accept-Encoding", "gzip;q=0.5").headers().firstValue("Content-Encoding"))
        .contains("gzip");
    assertThat(get(uri, "Accept-Encoding", "deflate, *").headers().firstValue("Content-Encoding"))
        .contains("gzip");
  }

  @Test
  void distinctAcceptHeadersShareTheRenderingOfTheFormatTheyGet() throws Exception {
    URI uri = serveCounted();

    for (int i = 0; i < 40; i++) {
      HttpResponse<byte[]> text = get(uri, "Accept", "text/plain;q=0." + i + ", */*;x=" + i);
      assertThat(text.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      HttpResponse<byte[]> openMetrics =
          get(uri, "Accept", "application/openmetrics-text;version=1.0.0;q=0.9, */*;n=" + i);
      assertThat(openMetrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
      assertThat(new String(openMetrics.body(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("answer 42.0")
          .endsWith("# EOF\n");
    }

    assertThat(scrapes.cachedVariants()).isEqualTo(2);
    assertThat(renders.get()).isEqualTo(2);
  }
}
