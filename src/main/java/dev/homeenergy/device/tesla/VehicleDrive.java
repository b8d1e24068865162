package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaReading.number;
import static dev.homeenergy.device.tesla.TeslaReading.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code drive_state} fields the curated metrics use; null when absent.
 *
 * @param latitude {@code latitude}, else {@code active_route_latitude}
 * @param longitude {@code longitude}, else {@code active_route_longitude}
 * @param speedMph null when parked
 * @param powerKw kW, negative when charging or regenerating
 * @param shiftState null when parked
 */
public record VehicleDrive(
    Double latitude,
    Double longitude,
    Double heading,
    Double speedMph,
    Double powerKw,
    String shiftState) {

  static VehicleDrive of(JsonNode n) {
    return new VehicleDrive(
        firstOf(number(n, "latitude"), number(n, "active_route_latitude")),
        firstOf(number(n, "longitude"), number(n, "active_route_longitude")),
        number(n, "heading"),
        number(n, "speed"),
        number(n, "power"),
        text(n, "shift_state"));
  }

  private static Double firstOf(Double value, Double fallback) {
    return value != null ? value : fallback;
  }
}
