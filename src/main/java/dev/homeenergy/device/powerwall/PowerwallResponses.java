package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.EndpointFailure;
import java.util.List;
import java.util.Map;

/**
 * What one poll of the gateway brought back, before parsing: the body of every endpoint that
 * answered 2xx, by endpoint name, and the endpoints that failed on their own (404 on firmware that
 * lacks them, 502 while the sitemaster is stopped). Endpoint names are the API paths after {@code
 * /api/}: {@code status}, {@code system_status/soe}, {@code operation}, {@code sitemaster}, {@code
 * troubleshooting/problems}, {@code system_status}, {@code system_status/grid_status}, {@code
 * meters/aggregates}, {@code meters/<category>} (one per aggregates category), {@code networks},
 * {@code powerwalls}, {@code site_info}. Endpoints that are read less often than every poll carry
 * their last good body.
 */
public record PowerwallResponses(Map<String, String> bodies, List<EndpointFailure> failures) {
  public PowerwallResponses {
    bodies = Map.copyOf(bodies);
    failures = List.copyOf(failures);
  }
}
