package dev.homeenergy.device.powerwall.sim;

/**
 * Lifetime energy counters in Wh, as {@code energy_imported}/{@code energy_exported} per aggregates
 * category: the grid ({@code site}) imports and exports, the battery imports when charging and
 * exports when discharging, the load only imports, solar exports its production and imports its
 * small night-time draw.
 */
public record SolarDayLifetime(
    double siteImportedWh,
    double siteExportedWh,
    double batteryImportedWh,
    double batteryExportedWh,
    double loadImportedWh,
    double solarImportedWh,
    double solarExportedWh) {}
