package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One car of the account.
 *
 * @param id the API's vehicle id (the {@code id} of the list entry)
 * @param vin vehicle identification number
 * @param displayName the name the owner gave it, or empty
 * @param state {@code online}, {@code asleep} or {@code offline} as listed (empty when null)
 * @param data its {@code vehicle_data} read this poll, or null (asleep, not polled, failed)
 */
public record Vehicle(String id, String vin, String displayName, String state, VehicleData data) {

  static Vehicle listed(JsonNode item) {
    return new Vehicle(
        nonNull(TeslaReading.text(item, "id")),
        nonNull(TeslaReading.text(item, "vin")),
        nonNull(TeslaReading.text(item, "display_name")),
        nonNull(TeslaReading.text(item, "state")),
        null);
  }

  Vehicle withData(VehicleData vehicleData) {
    String name =
        displayName.isEmpty() && vehicleData.displayName() != null
            ? vehicleData.displayName()
            : displayName;
    return new Vehicle(id, vin, name, state, vehicleData);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
