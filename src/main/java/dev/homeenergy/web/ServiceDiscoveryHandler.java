package dev.homeenergy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.homeenergy.config.DeviceConfig;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sd}: the configured devices as Prometheus {@code http_sd_config} target groups, one per
 * device, so a {@code /probe} job needs no list of its own. Each group's target is the device name,
 * with {@code __meta_home_energy_device_type} and {@code __meta_home_energy_naming} labels.
 */
final class ServiceDiscoveryHandler implements HttpHandler {
  static final String PATH = "/sd";

  private final byte[] body;

  ServiceDiscoveryHandler(List<DeviceConfig> devices) {
    List<Map<String, Object>> groups =
        devices.stream()
            .map(
                device -> {
                  Map<String, Object> group = new LinkedHashMap<>();
                  group.put("targets", List.of(device.name()));
                  group.put(
                      "labels",
                      Map.of(
                          "__meta_home_energy_device_type", device.type(),
                          "__meta_home_energy_naming",
                              device.naming().name().toLowerCase(java.util.Locale.ROOT)));
                  return group;
                })
            .toList();
    try {
      this.body = new ObjectMapper().writeValueAsBytes(groups);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the target list", e);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(PATH)) {
      Responses.notFound(exchange);
    } else if (Responses.allowGetOrHead(exchange)) {
      Responses.send(exchange, 200, "application/json; charset=utf-8", body);
    }
  }
}
