package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code GET /api/system_status}: battery totals (Wh), island state and one {@link
 * BatteryBlock} per pack. {@code can_reboot} is a string as in sitemaster. Fields added on 23.x
 * ({@code instantaneous_max_apparent_power}, ...) are not read.
 */
public record SystemStatus(
    @JsonProperty("command_source") String commandSource,
    @JsonProperty("nominal_full_pack_energy") Double nominalFullPackEnergy,
    @JsonProperty("nominal_energy_remaining") Double nominalEnergyRemaining,
    @JsonProperty("max_charge_power") Double maxChargePower,
    @JsonProperty("max_discharge_power") Double maxDischargePower,
    @JsonProperty("grid_services_power") Double gridServicesPower,
    @JsonProperty("system_island_state") String systemIslandState,
    @JsonProperty("available_blocks") Integer availableBlocks,
    @JsonProperty("battery_blocks") List<BatteryBlock> batteryBlocks,
    @JsonProperty("can_reboot") String canReboot) {

  public SystemStatus {
    batteryBlocks = Lists.copyWithNulls(batteryBlocks);
  }
}
