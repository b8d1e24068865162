package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaReading.bool;
import static dev.homeenergy.device.tesla.TeslaReading.number;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code climate_state} fields the curated metrics use (°C); null when absent. */
public record VehicleClimate(
    Double insideTemp,
    Double outsideTemp,
    Double driverTempSetting,
    Double passengerTempSetting,
    Boolean climateOn,
    Boolean preconditioning,
    Double fanStatus,
    Double defrostMode,
    Double seatHeaterLeft,
    Double seatHeaterRight) {

  static VehicleClimate of(JsonNode n) {
    return new VehicleClimate(
        number(n, "inside_temp"),
        number(n, "outside_temp"),
        number(n, "driver_temp_setting"),
        number(n, "passenger_temp_setting"),
        bool(n, "is_climate_on"),
        bool(n, "is_preconditioning"),
        number(n, "fan_status"),
        number(n, "defrost_mode"),
        number(n, "seat_heater_left"),
        number(n, "seat_heater_right"));
  }
}
