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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
}
