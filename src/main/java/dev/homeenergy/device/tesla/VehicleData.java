package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One car's {@code vehicle_data}: typed views of the fields the curated metrics use, in the API's
 * units (miles, mph, kW, kWh, bar, percent), and the raw object for flattening every field.
 *
 * @param displayName {@code display_name} of the body, or null
 * @param charge {@code charge_state}, or null when absent
 * @param climate {@code climate_state}, or null
 * @param drive {@code drive_state}, or null
 * @param status {@code vehicle_state}, or null
 * @param raw the {@code response} object as sent
 */
public record VehicleData(
    String displayName,
    VehicleCharge charge,
    VehicleClimate climate,
    VehicleDrive drive,
    VehicleStatus status,
    JsonNode raw) {

  static VehicleData of(JsonNode response) {
    return new VehicleData(
        TeslaReading.text(response, "display_name"),
        section(response, "charge_state") == null
            ? null
            : VehicleCharge.of(section(response, "charge_state")),
        section(response, "climate_state") == null
            ? null
            : VehicleClimate.of(section(response, "climate_state")),
        section(response, "drive_state") == null
            ? null
            : VehicleDrive.of(section(response, "drive_state")),
        section(response, "vehicle_state") == null
            ? null
            : VehicleStatus.of(section(response, "vehicle_state")),
        response.deepCopy());
  }

  private static JsonNode section(JsonNode response, String name) {
    JsonNode node = response.get(name);
    return node != null && node.isObject() ? node : null;
  }
}
