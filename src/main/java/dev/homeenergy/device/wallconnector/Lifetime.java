package dev.homeenergy.device.wallconnector;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /api/1/lifetime}: totals since manufacture. A field the device sent as a
 * bare {@code nan} (seen for {@code avg_startup_temp}) is null, like an absent one.
 */
public record Lifetime(
    @JsonProperty("contactor_cycles") Long contactorCycles,
    @JsonProperty("contactor_cycles_loaded") Long contactorCyclesLoaded,
    @JsonProperty("alert_count") Long alertCount,
    @JsonProperty("thermal_foldbacks") Long thermalFoldbacks,
    @JsonProperty("avg_startup_temp") Double avgStartupTempCelsius,
    @JsonProperty("charge_starts") Long chargeStarts,
    @JsonProperty("energy_wh") Long energyWh,
    @JsonProperty("connector_cycles") Long connectorCycles,
    @JsonProperty("uptime_s") Long uptimeSeconds,
    @JsonProperty("charging_time_s") Long chargingTimeSeconds) {}
