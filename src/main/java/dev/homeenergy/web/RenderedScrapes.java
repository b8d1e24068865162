package dev.homeenergy.web;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a registry's exposition from bytes rendered once and shared by every scrape until the
 * snapshot store changes or {@code maxAge} passes, whichever comes first.
 *
 * <p>client_java's {@link PrometheusScrapeHandler} does the rendering, so format negotiation (text,
 * OpenMetrics, protobuf, name escaping) and gzip are exactly the library's; this class only
 * remembers its answer per format, name escaping and gzip. A request's {@code Accept} is first
 * reduced to the format and escaping the library would pick for it, and {@code Accept-Encoding} to
 * whether gzip is acceptable (a q of 0 refuses it), so distinct headers share one rendering and the
 * cache stays small. N concurrent scrapes thus cost one snapshot read and one rendering between
 * them, and a scrape never waits on a device. While one scrape renders a newer answer, the others
 * are served the previous one (at most one rendering old) rather than waiting; only the very first
 * answer of a variant is waited for. Requests with query parameters of the library's own ({@code
 * name[]}, {@code debug}) are rendered afresh.
 */
final class RenderedScrapes {
  private static final Logger LOG = LoggerFactory.getLogger(RenderedScrapes.class);
  private static final int MAX_VARIANTS = 32;

  private final PrometheusScrapeHandler handler;
  private final ExpositionFormats formats;
  private final LongSupplier version;
  private final long maxAgeNanos;
  private final Map<Variant, Rendered> cache = new ConcurrentHashMap<>();
  private final Map<Variant, ReentrantLock> renderLocks = new ConcurrentHashMap<>();

  /**
   * @param version changes whenever the data behind the registry changes
   * @param maxAge the longest a rendering is served (bounds how old the exporter's JVM and process
   *     metrics, which change without the store noticing, can be)
   */
  RenderedScrapes(
      PrometheusProperties properties,
      PrometheusRegistry registry,
      LongSupplier version,
      Duration maxAge) {
    this.handler = new PrometheusScrapeHandler(properties, registry);
    this.formats = ExpositionFormats.init(properties.getExporterProperties());
    this.version = version;
    this.maxAgeNanos = maxAge.toNanos();
  }

  /** Answers a GET or HEAD of the exposition. */
  void serve(HttpExchange exchange, List<String> passThroughParameters) throws IOException {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    Variant variant = new Variant(servedAccept(accept), acceptsGzip(encoding));
    String query = exchange.getRequestURI().getRawQuery();
    Rendered rendered;
    try {
      rendered =
          hasOwnParameters(query, passThroughParameters)
              ? render(variant, query, exchange.getRequestURI().getPath())
              : current(variant, exchange.getRequestURI().getPath());
    } catch (RuntimeException e) {
      LOG.error("rendering {} failed", exchange.getRequestURI().getPath(), e);
      Responses.send(
          exchange,
          500,
          "text/plain; charset=utf-8",
          "Rendering the metrics failed; see the exporter's log\n");
      return;
    }
    rendered.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(rendered.status(), -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(
        rendered.status(), rendered.body().length == 0 ? -1 : rendered.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(rendered.body());
    }
  }

  private Rendered current(Variant variant, String path) {
    long wanted = version.getAsLong();
    Rendered cached = cache.get(variant);
    if (cached != null && cached.fresh(wanted, System.nanoTime(), maxAgeNanos)) {
      return cached;
    }
    if (cached == null && cache.size() >= MAX_VARIANTS) {
      return render(variant, null, path);
    }
    ReentrantLock lock = renderLocks.computeIfAbsent(variant, key -> new ReentrantLock());
    if (cached != null && !lock.tryLock()) {
      return cached;
    }
    if (cached == null) {
      lock.lock();
    }
    try {
      Rendered latest = cache.get(variant);
      long now = System.nanoTime();
      wanted = version.getAsLong();
      if (latest != null && latest.fresh(wanted, now, maxAgeNanos)) {
        return latest;
      }
      Rendered rendered = render(variant, null, path, wanted);
      cache.put(variant, rendered);
      return rendered;
    } finally {
      lock.unlock();
    }
  }

  private Rendered render(Variant variant, String query, String path) {
    return render(variant, query, path, version.getAsLong());
  }

  private Rendered render(Variant variant, String query, String path, long atVersion) {
    long started = System.nanoTime();
    Capture capture = new Capture(variant, query, path);
    try {
      handler.handleRequest(capture);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Rendered(
        capture.status,
        Map.copyOf(capture.headers),
        capture.body.toByteArray(),
        atVersion,
        started);
  }

  /**
   * The {@code Accept} of the format and name escaping the library picks for {@code accept}, so
   * every header that leads to the same answer is one cache entry.
   */
  String servedAccept(String accept) {
    String header = accept == null ? "" : accept;
    ExpositionFormatWriter writer = formats.findWriter(header);
    String contentType = writer.getContentType();
    EscapingScheme implied = EscapingScheme.fromAcceptHeader(contentType);
    EscapingScheme asked;
    try {
      asked = EscapingScheme.fromAcceptHeader(header);
    } catch (IllegalArgumentException unknownEscaping) {
      asked = implied;
    }
    return asked == implied ? contentType : contentType + "; escaping=" + asked.getValue();
  }

  /**
   * Whether {@code Accept-Encoding} accepts gzip: listed as {@code gzip} or {@code x-gzip}, or
   * covered by {@code *}, with a q above 0 (RFC 9110 §12.5.3).
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    Double gzip = null;
    Double any = null;
    for (String element : acceptEncoding.split(",")) {
      String[] parts = element.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = gzip == null ? q : Math.max(gzip, q);
      } else if (coding.equals("*")) {
        any = q;
      }
    }
    Double chosen = gzip != null ? gzip : any;
    return chosen != null && chosen > 0;
  }

  private static double quality(String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String[] pair = parameters[i].split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("q")) {
        try {
          double q = Double.parseDouble(pair[1].trim());
          return Double.isFinite(q) ? q : 0;
        } catch (NumberFormatException notAWeight) {
          return 0;
        }
      }
    }
    return 1;
  }

  /** How many renderings the cache holds; at most formats × escapings × 2. */
  int cachedVariants() {
    return cache.size();
  }

  private static boolean hasOwnParameters(String rawQuery, List<String> passThrough) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return false;
    }
    for (String pair : rawQuery.split("&")) {
      String name =
          java.net.URLDecoder.decode(
              pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
      if (!passThrough.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private record Variant(String accept, boolean gzip) {}

  private record Rendered(
      int status, Map<String, String> headers, byte[] body, long version, long renderedAtNanos) {
    boolean fresh(long currentVersion, long nowNanos, long maxAgeNanos) {
      return version == currentVersion && nowNanos - renderedAtNanos < maxAgeNanos;
    }
  }

  /** The library's view of a request, answered into memory. */
  private static final class Capture
      implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {
    private final Variant variant;
    private final String query;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    private int status = 200;

    Capture(Variant variant, String query, String path) {
      this.variant = variant;
      this.query = query;
      this.path = path;
    }

    @Override
    public PrometheusHttpRequest getRequest() {
      return this;
    }

    @Override
    public PrometheusHttpResponse getResponse() {
      return this;
    }

    @Override
    public void handleException(IOException e) throws IOException {
      throw e;
    }

    @Override
    public void handleException(RuntimeException e) {
      throw e;
    }

    @Override
    public void close() {}

    @Override
    public String getQueryString() {
      return query;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if (name.equalsIgnoreCase("Accept") && !variant.accept().isEmpty()) {
        return Collections.enumeration(List.of(variant.accept()));
      }
      if (name.equalsIgnoreCase("Accept-Encoding") && variant.gzip()) {
        return Collections.enumeration(List.of("gzip"));
      }
      return Collections.emptyEnumeration();
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getRequestPath() {
      return path;
    }

    @Override
    public void setHeader(String name, String value) {
      headers.put(name, value);
    }

    @Override
    public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
      status = statusCode;
      return body;
    }
  }
}
