package dev.homeenergy.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.homeenergy.polling.ExporterCollector;
import dev.homeenergy.polling.SnapshotStore;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code /probe?target=NAME}: one configured device's health and readings, for Prometheus's
 * multi-target pattern (the target moves into a URL parameter by relabelling, as with the blackbox
 * and SNMP exporters). Targets are names from the exporter's own config, never addresses, so the
 * exporter cannot be used as a relay, and credentials stay in its config.
 */
final class ProbeHandler implements HttpHandler {
  static final String PATH = "/probe";

  private final SnapshotStore store;
  private final ExporterCollector collector;
  private final PrometheusProperties properties;
  private final Duration maxAge;
  private final Consumer<String> onProbe;
  private final Map<String, RenderedScrapes> byTarget = new ConcurrentHashMap<>();

  /**
   * @param onProbe told the name of every target probed (starts on-demand polling)
   */
  ProbeHandler(
      SnapshotStore store,
      ExporterCollector collector,
      PrometheusProperties properties,
      Duration maxAge,
      Consumer<String> onProbe) {
    this.store = store;
    this.collector = collector;
    this.properties = properties;
    this.maxAge = maxAge;
    this.onProbe = onProbe;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(PATH)) {
      Responses.notFound(exchange);
      return;
    }
    if (!Responses.allowGetOrHead(exchange)) {
      return;
    }
    List<String> targets = parameter(exchange.getRequestURI().getRawQuery(), "target");
    if (targets.size() != 1 || targets.get(0).isEmpty()) {
      Responses.send(
          exchange,
          400,
          "text/plain; charset=utf-8",
          "Give exactly one target: /probe?target=NAME, NAME a device of the config\n");
      return;
    }
    String target = targets.get(0);
    if (store.get(target).isEmpty()) {
      Responses.send(
          exchange,
          404,
          "text/plain; charset=utf-8",
          "Unknown target; see /sd for the configured ones\n");
      return;
    }
    onProbe.accept(target);
    byTarget.computeIfAbsent(target, this::scrapesOf).serve(exchange, List.of("target"));
  }

  private RenderedScrapes scrapesOf(String target) {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register((MultiCollector) () -> collector.collectDevice(target));
    return new RenderedScrapes(properties, registry, store::version, maxAge);
  }

  static List<String> parameter(String rawQuery, String name) {
    List<String> values = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      String[] parts = pair.split("=", 2);
      if (URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(name)) {
        values.add(parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
