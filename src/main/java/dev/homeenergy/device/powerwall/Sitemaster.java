package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code GET /api/sitemaster}. {@code can_reboot} is {@code "Yes"}, a reason the
 * sitemaster is busy ({@code "Power flow is too high"}), {@code ""} while stopped, or absent on
 * older firmware, which may also lack {@code power_supply_mode}.
 */
public record Sitemaster(
    @JsonProperty("status") String status,
    @JsonProperty("running") Boolean running,
    @JsonProperty("connected_to_tesla") Boolean connectedToTesla,
    @JsonProperty("power_supply_mode") Boolean powerSupplyMode,
    @JsonProperty("can_reboot") String canReboot) {}
