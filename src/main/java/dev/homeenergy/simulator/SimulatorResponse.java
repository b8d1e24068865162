package dev.homeenergy.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer of a simulated device, decided before it is (possibly later) sent.
 *
 * @param headers extra response headers besides {@code Content-Type}
 */
public record SimulatorResponse(
    int status, String contentType, String body, Map<String, List<String>> headers) {
  public static final String JSON = "application/json";
  public static final String TEXT = "text/plain; charset=utf-8";
  public static final String HTML = "text/html; charset=utf-8";

  public SimulatorResponse {
    headers = Map.copyOf(headers);
  }

  public SimulatorResponse(int status, String contentType, String body) {
    this(status, contentType, body, Map.of());
  }

  public static SimulatorResponse json(String body) {
    return json(200, body);
  }

  public static SimulatorResponse json(int status, String body) {
    return new SimulatorResponse(status, JSON, body);
  }

  public static SimulatorResponse text(int status, String body) {
    return new SimulatorResponse(status, TEXT, body);
  }

  public SimulatorResponse withHeader(String name, List<String> values) {
    Map<String, List<String>> next = new HashMap<>(headers);
    next.put(name, List.copyOf(values));
    return new SimulatorResponse(status, contentType, body, next);
  }
}
