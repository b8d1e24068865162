package dev.homeenergy.device.powerwall;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One answer of the simulated gateway, decided before it is (possibly later) sent. */
record PowerwallSimulatorResponse(int status, String contentType, String body,
    Map<String, List<String>> headers) {

  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";
  static final String NOT_FOUND_BODY = "404 page not found\n";

  PowerwallSimulatorResponse {
    headers = Map.copyOf(headers);
  }

  static PowerwallSimulatorResponse json(String body) {
    return json(200, body);
  }

  static PowerwallSimulatorResponse json(int status, String body) {
    return new PowerwallSimulatorResponse(status, JSON, body, Map.of());
  }

  static PowerwallSimulatorResponse text(int status, String body) {
    return new PowerwallSimulatorResponse(status, TEXT, body, Map.of());
  }

  /** Go's {@code http.NotFound}. */
  static PowerwallSimulatorResponse notFound() {
    return text(404, NOT_FOUND_BODY);
  }

  /** What the gateway answers while its sitemaster is stopped. */
  static PowerwallSimulatorResponse badGateway() {
    return text(502, "");
  }

  PowerwallSimulatorResponse withHeader(String name, List<String> values) {
    Map<String, List<String>> next = new HashMap<>(headers);
    next.put(name, List.copyOf(values));
    return new PowerwallSimulatorResponse(status, contentType, body, next);
  }
}
