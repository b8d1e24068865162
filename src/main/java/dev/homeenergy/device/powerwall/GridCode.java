package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The grid settings of {@code /api/site_info}: nested under {@code grid_code} since 2021, flat at
 * the top level before (normalised by {@link PowerwallJson#siteInfo}). Some keys may be absent.
 */
public record GridCode(
    @JsonProperty("grid_code") String gridCode,
    @JsonProperty("grid_voltage_setting") Double gridVoltageSetting,
    @JsonProperty("grid_freq_setting") Double gridFreqSetting,
    @JsonProperty("grid_phase_setting") String gridPhaseSetting,
    @JsonProperty("country") String country,
    @JsonProperty("state") String state,
    @JsonProperty("distributor") String distributor,
    @JsonProperty("utility") String utility,
    @JsonProperty("retailer") String retailer,
    @JsonProperty("region") String region) {}
