package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaReading.bool;
import static dev.homeenergy.device.tesla.TeslaReading.number;
import static dev.homeenergy.device.tesla.TeslaReading.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code vehicle_state} fields the curated metrics use; null when absent.
 *
 * @param doors door flags by door ({@code driver_front}... from {@code df dr pf pr}), present ones
 *     only
 * @param trunks trunk flags by trunk ({@code front}, {@code rear} from {@code ft rt})
 * @param tpmsBar tyre pressures in bar by tyre ({@code front_left}... from {@code
 *     tpms_pressure_fl}...)
 */
public record VehicleStatus(
    Double odometerMiles,
    Boolean locked,
    Boolean sentryMode,
    Boolean valetMode,
    Boolean userPresent,
    Boolean remoteStart,
    Double centerDisplayState,
    Map<String, Double> doors,
    Map<String, Double> trunks,
    Map<String, Double> tpmsBar,
    String carVersion) {

  public VehicleStatus {
    doors = Collections.unmodifiableMap(new LinkedHashMap<>(doors));
    trunks = Collections.unmodifiableMap(new LinkedHashMap<>(trunks));
    tpmsBar = Collections.unmodifiableMap(new LinkedHashMap<>(tpmsBar));
  }

  static VehicleStatus of(JsonNode n) {
    return new VehicleStatus(
        number(n, "odometer"),
        bool(n, "locked"),
        bool(n, "sentry_mode"),
        bool(n, "valet_mode"),
        bool(n, "is_user_present"),
        bool(n, "remote_start"),
        number(n, "center_display_state"),
        present(
            n,
            "df",
            "driver_front",
            "dr",
            "driver_rear",
            "pf",
            "passenger_front",
            "pr",
            "passenger_rear"),
        present(n, "ft", "front", "rt", "rear"),
        present(
            n,
            "tpms_pressure_fl",
            "front_left",
            "tpms_pressure_fr",
            "front_right",
            "tpms_pressure_rl",
            "rear_left",
            "tpms_pressure_rr",
            "rear_right"),
        text(n, "car_version"));
  }

  private static Map<String, Double> present(JsonNode n, String... fieldKeyPairs) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < fieldKeyPairs.length; i += 2) {
      Double value = number(n, fieldKeyPairs[i]);
      if (value != null) {
        values.put(fieldKeyPairs[i + 1], value);
      }
    }
    return values;
  }
}
