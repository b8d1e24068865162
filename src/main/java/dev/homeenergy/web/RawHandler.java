package dev.homeenergy.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.polling.DeviceStatus;
import dev.homeenergy.polling.SnapshotStore;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * {@code /devices/NAME/raw}: the last response of each endpoint of a device as JSON, bodies
 * embedded as JSON when they parse and as text when they do not — what a user would otherwise fetch
 * by hand with curl to see why a metric looks wrong. Each stored body is parsed and rendered once,
 * when first asked for, and the rendering reused until the endpoint answers again, so concurrent
 * requests cost a copy of the rendered text, never a parse.
 */
final class RawHandler implements HttpHandler {
  static final String PREFIX = "/devices/";
  private final SnapshotStore store;
  private final Map<RawExchange, String> rendered =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final ObjectMapper json =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  RawHandler(SnapshotStore store) {
    this.store = store;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.startsWith(PREFIX) || !path.endsWith("/raw")) {
      Responses.notFound(exchange);
      return;
    }
    String name = path.substring(PREFIX.length(), path.length() - "/raw".length());
    Optional<DeviceStatus> status = store.get(name);
    if (status.isEmpty()) {
      Responses.notFound(exchange);
      return;
    }
    if (Responses.allowGetOrHead(exchange)) {
      Responses.send(exchange, 200, "application/json; charset=utf-8", render(status.get()));
    }
  }

  private String render(DeviceStatus status) throws JsonProcessingException {
    ObjectNode root = json.createObjectNode();
    root.put("device", status.config().name());
    root.put("type", status.config().type());
    root.put("address", status.config().address().toString());
    root.put("up", status.up());
    ArrayNode exchanges = root.putArray("exchanges");
    for (RawExchange exchange : store.raw(status.config().name()).latest()) {
      ObjectNode node = exchanges.addObject();
      node.put("endpoint", exchange.endpoint());
      node.put("url", exchange.url());
      node.put("status", exchange.status());
      node.put("at", exchange.at().toString());
      node.put("duration_seconds", exchange.took().toNanos() / 1e9);
      if (exchange.error() != null) {
        node.put("error", exchange.error());
      }
      if (exchange.body() != null) {
        node.putRawValue("body", new RawValue(renderedBody(exchange)));
      }
    }
    return json.writeValueAsString(root) + "\n";
  }

  /**
   * The body of {@code exchange} rendered as JSON, once: the rendering is kept while the raw log
   * still holds the exchange (weakly, so a replaced or removed exchange takes it along).
   */
  private String renderedBody(RawExchange exchange) {
    return rendered.computeIfAbsent(exchange, stored -> render(stored.body()));
  }

  private String render(String body) {
    try {
      return json.writeValueAsString(bodyNode(body));
    } catch (JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode bodyNode(String body) {
    try {
      JsonNode parsed = json.readTree(body);
      if (parsed != null && parsed.isContainerNode()) {
        return parsed;
      }
    } catch (JsonProcessingException e) {
      // not JSON: shown verbatim below
    }
    return json.getNodeFactory().textNode(body);
  }
}
