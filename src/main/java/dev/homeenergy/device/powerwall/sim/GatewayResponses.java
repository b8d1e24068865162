package dev.homeenergy.device.powerwall.sim;

import dev.homeenergy.simulator.SimulatorResponse;
import java.util.List;

/**
 * Answers the simulated gateway gives the way the real one does (Go's error pages, its headers).
 */
final class GatewayResponses {
  static final String NOT_FOUND_BODY = "404 page not found\n";

  private GatewayResponses() {}

  /** Go's {@code http.NotFound}. */
  static SimulatorResponse notFound() {
    return SimulatorResponse.text(404, NOT_FOUND_BODY);
  }

  /** What the gateway answers while its sitemaster is stopped. */
  static SimulatorResponse badGateway() {
    return SimulatorResponse.text(502, "");
  }

  /** The headers every gateway answer carries. */
  static SimulatorResponse withGatewayHeaders(SimulatorResponse response) {
    return response
        .withHeader("Cache-Control", List.of("no-cache, no-store"))
        .withHeader("X-Content-Type-Options", List.of("nosniff"));
  }
}
