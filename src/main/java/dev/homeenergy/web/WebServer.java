package dev.homeenergy.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.core.SnapshotStore;
import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exporter's HTTP endpoint on the JDK's {@link HttpServer}: client_java's {@link
 * MetricsHandler} at the telemetry path (text 0.0.4, OpenMetrics and protobuf negotiated from
 * {@code Accept}), the landing page, health and readiness, raw device responses, and 404 for
 * everything else. Every request is access-logged.
 */
public final class WebServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private WebServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts serving.
   *
   * @throws IOException when the address cannot be bound (in use, not local)
   */
  public static WebServer start(
      InetSocketAddress address,
      String telemetryPath,
      PrometheusRegistry registry,
      SnapshotStore store,
      BuildInfo build,
      Clock clock)
      throws IOException {
    HttpServer server = HttpServer.create(address, 64);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    MetricsHandler metrics = new MetricsHandler(exposition(), registry);
    mount(server, "/", new LandingPageHandler(store, build, telemetryPath, clock));
    mount(server, "/-/healthy", HealthHandlers.healthy());
    mount(server, "/-/ready", HealthHandlers.ready(store));
    mount(server, RawHandler.PREFIX, new RawHandler(store));
    mount(server, telemetryPath, exchange -> {
      if (!exchange.getRequestURI().getPath().equals(telemetryPath)) {
        Responses.notFound(exchange);
      } else if (Responses.allowGetOrHead(exchange)) {
        metrics.handle(exchange);
      }
    });
    server.start();
    return new WebServer(server, executor);
  }

  /**
   * client_java 1.5.0 writes sample timestamps of the text format in seconds unless told otherwise;
   * Prometheus expects milliseconds there and rejects the scrape, so ask for milliseconds.
   */
  private static PrometheusProperties exposition() {
    return PrometheusProperties.builder()
        .exporterProperties(ExporterProperties.builder().prometheusTimestampsInMs(true).build())
        .build();
  }

  private static void mount(HttpServer server, String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, handler);
    context.getFilters().add(new AccessLogFilter());
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
