package dev.homeenergy.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.homeenergy.core.BuildInfo;
import dev.homeenergy.polling.ExporterCollector;
import dev.homeenergy.polling.SnapshotStore;
import dev.homeenergy.web.security.RateLimiter;
import dev.homeenergy.web.security.WebSecurity;
import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The exporter's HTTP endpoint on the JDK's {@link HttpServer} (or {@link HttpsServer} when the web
 * configuration file asks for TLS): the exposition at the telemetry path, rendered by client_java
 * (text 0.0.4, OpenMetrics and protobuf negotiated from {@code Accept}) and served from {@link
 * RenderedScrapes}; {@code /probe?target=NAME} and {@code /sd} for the multi-target pattern; the
 * landing page, health and readiness, raw device responses, and 404 for everything else. With a web
 * configuration file every path but health asks for basic-auth credentials. Slow or hostile clients
 * cannot freeze it: exchanges run on {@link ExchangeThreads} (4 core threads, more only when
 * exchanges stall), up to {@link #MAX_THREADS} at once, and a connection whose exchange (TLS
 * handshake, request head, answer) is not done within {@link #EXCHANGE_DEADLINE} is closed.
 */
public final class WebServer implements AutoCloseable {
  private static final int BACKLOG = 1024;

  /**
   * How many exchanges may run at once. The JDK server holds a thread per connection while it reads
   * a request's head or writes an answer, so this is also how many slow clients it stands before it
   * starts closing new connections at once (issue 13 asks for 200).
   */
  static final int MAX_THREADS = 512;

  /**
   * How long an idle server thread (but one) waits for another exchange before it ends, so that the
   * threads a burst of slow clients made are gone soon after.
   */
  private static final Duration THREAD_KEEP_ALIVE = Duration.ofSeconds(10);

  /**
   * How long one rendering of an exposition is served at most; the store's changes invalidate it at
   * once, so this only bounds the age of the JVM and process metrics.
   */
  static final Duration MAX_RENDER_AGE = Duration.ofSeconds(1);

  /**
   * How long one exchange may take from its first byte (TLS handshake, request head, handling and
   * writing the answer) before the server closes the connection.
   */
  public static final Duration EXCHANGE_DEADLINE = Duration.ofSeconds(10);

  private final HttpServer server;
  private final ExchangeThreads executor;

  private WebServer(HttpServer server, ExchangeThreads executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * What the server serves.
   *
   * @param telemetryPath path of the exporter's own exposition
   * @param registry what the telemetry path exposes
   * @param collector the device metrics, for {@code /probe}
   * @param store the devices' statuses; its devices are also the targets of {@code /sd}
   * @param onProbe told the name of each probed target
   * @param security TLS and basic auth from the web configuration file; null for plain HTTP
   * @param healthRequiresAuth whether the health endpoints ask for credentials too
   * @param familyNames each device type's family name, for the status page
   * @param options how a drop-in's endpoint imitates the exporter it replaces
   * @param reload what {@code POST /-/reload} runs; null when the lifecycle API is not enabled
   */
  public record Site(
      String telemetryPath,
      PrometheusRegistry registry,
      ExporterCollector collector,
      SnapshotStore store,
      BuildInfo build,
      Clock clock,
      Consumer<String> onProbe,
      WebSecurity security,
      boolean healthRequiresAuth,
      Map<String, String> familyNames,
      Options options,
      ConfigReload reload) {}

  /**
   * Choices a drop-in command makes so its endpoint behaves like the exporter it replaces.
   *
   * @param accessLogAtInfo log each request at info instead of debug (twc_fetcher.py logged every
   *     request)
   * @param metricsOnEveryPath serve the metrics at {@code /} and every path the exporter does not
   *     use itself, instead of the landing page and 404 (sunpower-pvs-exporter answered metrics
   *     whatever the path)
   */
  public record Options(boolean accessLogAtInfo, boolean metricsOnEveryPath) {
    /** The exporter's own behaviour: access log at debug, landing page at {@code /}. */
    public static final Options DEFAULTS = new Options(false, false);
  }

  /**
   * Binds and starts serving.
   *
   * @throws IOException when the address cannot be bound (in use, not local)
   */
  public static WebServer start(InetSocketAddress address, Site site) throws IOException {
    HttpServer server;
    if (site.security() != null && site.security().tls()) {
      HttpsServer https = HttpsServer.create(address, BACKLOG);
      https.setHttpsConfigurator(site.security().httpsConfigurator());
      server = https;
    } else {
      server = HttpServer.create(address, BACKLOG);
    }
    ExchangeThreads executor =
        new ExchangeThreads(MAX_THREADS, EXCHANGE_DEADLINE, THREAD_KEEP_ALIVE);
    server.setExecutor(executor);
    PrometheusProperties properties = exposition();
    RenderedScrapes metrics =
        new RenderedScrapes(properties, site.registry(), site.store()::version, MAX_RENDER_AGE);
    RateLimiter limiter = new RateLimiter();
    AccessLogFilter accessLog = new AccessLogFilter(site.options().accessLogAtInfo());
    Mounter protectedPath = new Mounter(server, site.security(), true, limiter, accessLog);
    Mounter healthPath =
        new Mounter(server, site.security(), site.healthRequiresAuth(), limiter, accessLog);
    String telemetryPath = site.telemetryPath();
    if (site.options().metricsOnEveryPath()) {
      protectedPath.mount(
          "/",
          exchange -> {
            if (Responses.allowGetOrHead(exchange)) {
              metrics.serve(exchange, List.of());
            }
          });
    } else {
      protectedPath.mount(
          "/",
          new LandingPageHandler(
              site.store(),
              site.build(),
              telemetryPath,
              site.clock(),
              ZoneId.systemDefault(),
              site.familyNames()));
    }
    healthPath.mount("/-/healthy", HealthHandlers.healthy());
    healthPath.mount("/-/ready", HealthHandlers.ready(site.store()));
    protectedPath.mount(RawHandler.PREFIX, new RawHandler(site.store()));
    protectedPath.mount(
        ProbeHandler.PATH,
        new ProbeHandler(
            site.store(), site.collector(), properties, MAX_RENDER_AGE, site.onProbe()));
    protectedPath.mount(ServiceDiscoveryHandler.PATH, new ServiceDiscoveryHandler(site.store()));
    protectedPath.mount(ReloadHandler.PATH, new ReloadHandler(site.reload()));
    protectedPath.mount(
        telemetryPath,
        exchange -> {
          if (!exchange.getRequestURI().getPath().equals(telemetryPath)) {
            Responses.notFound(exchange);
          } else if (Responses.allowGetOrHead(exchange)) {
            metrics.serve(exchange, List.of());
          }
        });
    server.start();
    return new WebServer(server, executor);
  }

  /** Mounts handlers behind the access log and, with a web configuration file, its filter. */
  private record Mounter(
      HttpServer server,
      WebSecurity security,
      boolean protect,
      RateLimiter limiter,
      AccessLogFilter accessLog) {
    void mount(String path, HttpHandler handler) {
      HttpContext context = server.createContext(path, handler);
      context.getFilters().add(accessLog);
      if (security != null) {
        context.getFilters().add(security.filter(protect, limiter));
      }
    }
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

  /** The bound port (useful when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code https} when serving TLS, else {@code http}. */
  public String scheme() {
    return server instanceof HttpsServer ? "https" : "http";
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
