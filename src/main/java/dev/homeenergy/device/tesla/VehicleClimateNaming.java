package dev.homeenergy.device.tesla;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/** Native {@code climate_state} metrics. */
final class VehicleClimateNaming {
  static final MetricFamily INSIDE =
      MetricFamily.gauge(
          "tesla_vehicle_inside_temperature_celsius",
          "celsius",
          "Cabin temperature, climate_state.inside_temp");
  static final MetricFamily OUTSIDE =
      MetricFamily.gauge(
          "tesla_vehicle_outside_temperature_celsius",
          "celsius",
          "Outside temperature, climate_state.outside_temp");
  static final MetricFamily DRIVER_SETTING =
      MetricFamily.gauge(
          "tesla_vehicle_driver_temperature_setting_celsius",
          "celsius",
          "Driver set point, climate_state.driver_temp_setting");
  static final MetricFamily PASSENGER_SETTING =
      MetricFamily.gauge(
          "tesla_vehicle_passenger_temperature_setting_celsius",
          "celsius",
          "Passenger set point, climate_state.passenger_temp_setting");
  static final MetricFamily CLIMATE_ON =
      MetricFamily.gauge(
          "tesla_vehicle_climate_on", "Climate on (0/1), climate_state.is_climate_on");
  static final MetricFamily PRECONDITIONING =
      MetricFamily.gauge(
          "tesla_vehicle_preconditioning",
          "Preconditioning (0/1), climate_state.is_preconditioning");
  static final MetricFamily FAN_STATUS =
      MetricFamily.gauge("tesla_vehicle_fan_status", "Fan speed step, climate_state.fan_status");
  static final MetricFamily DEFROST_MODE =
      MetricFamily.gauge("tesla_vehicle_defrost_mode", "Defrost mode, climate_state.defrost_mode");
  static final MetricFamily SEAT_HEATER =
      MetricFamily.gauge(
          "tesla_vehicle_seat_heater_level",
          "Seat heater level by seat, climate_state.seat_heater_left/right");

  private VehicleClimateNaming() {}

  static void render(VehicleClimate c, Labels labels, Samples.Builder out) {
    if (c == null) {
      return;
    }
    out.addIfPresent(INSIDE, labels, c.insideTemp());
    out.addIfPresent(OUTSIDE, labels, c.outsideTemp());
    out.addIfPresent(DRIVER_SETTING, labels, c.driverTempSetting());
    out.addIfPresent(PASSENGER_SETTING, labels, c.passengerTempSetting());
    out.addIfPresent(CLIMATE_ON, labels, c.climateOn());
    out.addIfPresent(PRECONDITIONING, labels, c.preconditioning());
    out.addIfPresent(FAN_STATUS, labels, c.fanStatus());
    out.addIfPresent(DEFROST_MODE, labels, c.defrostMode());
    out.addIfPresent(SEAT_HEATER, labels.add("seat", "front_left"), c.seatHeaterLeft());
    out.addIfPresent(SEAT_HEATER, labels.add("seat", "front_right"), c.seatHeaterRight());
  }
}
