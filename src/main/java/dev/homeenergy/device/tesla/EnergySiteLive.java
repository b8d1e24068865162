package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaReading.bool;
import static dev.homeenergy.device.tesla.TeslaReading.number;
import static dev.homeenergy.device.tesla.TeslaReading.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A site's {@code live_status}; each field null when absent. Powers in W ({@code battery_power}
 * &gt; 0 discharging, {@code grid_power} &gt; 0 importing), energies in Wh.
 *
 * @param timestamp the site's ISO-8601 time with offset, as sent
 */
public record EnergySiteLive(
    Double solarPower,
    Double batteryPower,
    Double loadPower,
    Double gridPower,
    Double generatorPower,
    Double percentageCharged,
    Double energyLeftWh,
    Double totalPackEnergyWh,
    String gridStatus,
    String islandStatus,
    Boolean stormModeActive,
    Boolean gridServicesActive,
    Boolean backupCapable,
    String timestamp) {

  static EnergySiteLive of(JsonNode n) {
    return new EnergySiteLive(
        number(n, "solar_power"),
        number(n, "battery_power"),
        number(n, "load_power"),
        number(n, "grid_power"),
        number(n, "generator_power"),
        number(n, "percentage_charged"),
        number(n, "energy_left"),
        number(n, "total_pack_energy"),
        text(n, "grid_status"),
        text(n, "island_status"),
        bool(n, "storm_mode_active"),
        bool(n, "grid_services_active"),
        bool(n, "backup_capable"),
        text(n, "timestamp"));
  }
}
