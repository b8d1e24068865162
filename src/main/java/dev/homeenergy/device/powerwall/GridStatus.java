package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /api/system_status/grid_status}: {@code SystemGridConnected}, {@code
 * SystemIslandedActive}, {@code SystemTransitionToGrid} and a few more, and whether grid services
 * (e.g. a utility programme) are active.
 */
public record GridStatus(
    @JsonProperty("grid_status") String gridStatus,
    @JsonProperty("grid_services_active") Boolean gridServicesActive) {}
