package dev.homeenergy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.polling.SnapshotStore;
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
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SnapshotStore store;

  /**
   * @param store whose devices are the targets, read at each request so a config reload shows
   */
  ServiceDiscoveryHandler(SnapshotStore store) {
    this.store = store;
  }

  private static byte[] targetGroups(List<DeviceConfig> devices) {
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
      return MAPPER.writeValueAsBytes(groups);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the target list", e);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(PATH)) {
      Responses.notFound(exchange);
    } else if (Responses.allowGetOrHead(exchange)) {
      Responses.send(
          exchange, 200, "application/json; charset=utf-8", targetGroups(store.devices()));
    }
  }
}
