package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of {@code powerwalls} in {@code GET /api/powerwalls}: a Powerwall as the gateway
 * enumerated it. Both a capitalised {@code Type} (empty) and a lower-case {@code type} ({@code
 * ACPW}, {@code SolarPowerwall}) are sent.
 */
public record PowerwallUnit(
    @JsonProperty("Type") String packageType,
    @JsonProperty("PackagePartNumber") String packagePartNumber,
    @JsonProperty("PackageSerialNumber") String packageSerialNumber,
    @JsonProperty("type") String type,
    @JsonProperty("grid_state") String gridState,
    @JsonProperty("grid_reconnection_time_seconds") Double gridReconnectionTimeSeconds,
    @JsonProperty("under_phase_detection") Boolean underPhaseDetection,
    @JsonProperty("updating") Boolean updating,
    @JsonProperty("in_config") Boolean inConfig) {}
