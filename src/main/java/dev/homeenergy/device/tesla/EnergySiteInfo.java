package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaReading.number;
import static dev.homeenergy.device.tesla.TeslaReading.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A site's {@code site_info} configuration; each field null when absent.
 *
 * @param nameplatePowerW {@code nameplate_power} (W)
 * @param nameplateEnergyWh {@code nameplate_energy} (Wh)
 */
public record EnergySiteInfo(
    Double backupReservePercent,
    String defaultRealMode,
    Double batteryCount,
    Double nameplatePowerW,
    Double nameplateEnergyWh,
    String version) {

  static EnergySiteInfo of(JsonNode n) {
    return new EnergySiteInfo(
        number(n, "backup_reserve_percent"),
        text(n, "default_real_mode"),
        number(n, "battery_count"),
        number(n, "nameplate_power"),
        number(n, "nameplate_energy"),
        text(n, "version"));
  }
}
