package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /api/site_info}: site name, time zone, system size (kWh, kW) and grid
 * code. {@code panel_max_current} is 23.x only.
 */
public record SiteInfo(
    @JsonProperty("site_name") String siteName,
    @JsonProperty("timezone") String timezone,
    @JsonProperty("max_system_energy_kWh") Double maxSystemEnergyKwh,
    @JsonProperty("max_system_power_kW") Double maxSystemPowerKw,
    @JsonProperty("nominal_system_energy_kWh") Double nominalSystemEnergyKwh,
    @JsonProperty("nominal_system_power_kW") Double nominalSystemPowerKw,
    @JsonProperty("max_site_meter_power_kW") Double maxSiteMeterPowerKw,
    @JsonProperty("min_site_meter_power_kW") Double minSiteMeterPowerKw,
    @JsonProperty("panel_max_current") Double panelMaxCurrent,
    @JsonProperty("grid_code") GridCode gridCode) {}
