package dev.homeenergy.device.tesla.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Request parsing for the Tesla simulator: query strings, form-encoded and JSON bodies. */
final class TeslaSimulatorRequests {
  private TeslaSimulatorRequests() {}

  /** The decoded query parameters (first value wins). */
  static Map<String, String> query(HttpExchange exchange) {
    return form(exchange.getRequestURI().getRawQuery());
  }

  /** The body's parameters, JSON object or form-encoded, by {@code Content-Type} (or by shape). */
  static Map<String, String> bodyParameters(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    boolean json =
        (contentType != null && contentType.contains("json")) || body.trim().startsWith("{");
    if (!json) {
      return form(body);
    }
    Map<String, String> params = new HashMap<>();
    JsonNode node = FleetSimulatorBodies.JSON.readTree(body.isBlank() ? "{}" : body);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isNull()) {
        params.put(
            field.getKey(),
            field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
      }
    }
    return params;
  }

  static Map<String, String> form(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
    return params;
  }
}
