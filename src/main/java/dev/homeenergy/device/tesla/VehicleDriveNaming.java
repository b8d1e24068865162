package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.VehicleUnits.METERS_PER_SECOND_PER_MPH;
import static dev.homeenergy.device.tesla.VehicleUnits.times;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Native {@code drive_state} metrics. Parked (null speed, null shift state) is 0 m/s and {@code P}.
 */
final class VehicleDriveNaming {
  static final MetricFamily LATITUDE =
      MetricFamily.gauge(
          "tesla_vehicle_latitude_degrees",
          "degrees",
          "Latitude, drive_state.latitude (else active_route_latitude)");
  static final MetricFamily LONGITUDE =
      MetricFamily.gauge(
          "tesla_vehicle_longitude_degrees",
          "degrees",
          "Longitude, drive_state.longitude (else active_route_longitude)");
  static final MetricFamily HEADING =
      MetricFamily.gauge(
          "tesla_vehicle_heading_degrees", "degrees", "Heading, drive_state.heading");
  static final MetricFamily SPEED =
      MetricFamily.gauge(
          "tesla_vehicle_speed_meters_per_second",
          "meters_per_second",
          "Speed, drive_state.speed (mph) in m/s; 0 when parked");
  static final MetricFamily POWER =
      MetricFamily.gauge(
          "tesla_vehicle_power_watts",
          "watts",
          "Drive power, drive_state.power (kW) in watts; negative when charging or regenerating");
  static final MetricFamily SHIFT_STATE =
      MetricFamily.gauge(
          "tesla_vehicle_shift_state",
          "Gear, drive_state.shift_state (P when null), 1 for the current");

  private VehicleDriveNaming() {}

  static void render(VehicleDrive d, Labels labels, Samples.Builder out) {
    if (d == null) {
      return;
    }
    out.addIfPresent(LATITUDE, labels, d.latitude());
    out.addIfPresent(LONGITUDE, labels, d.longitude());
    out.addIfPresent(HEADING, labels, d.heading());
    out.add(SPEED, labels, d.speedMph() == null ? 0 : d.speedMph() * METERS_PER_SECOND_PER_MPH);
    out.addIfPresent(POWER, labels, times(d.powerKw(), 1000));
    out.add(SHIFT_STATE, labels.add("state", d.shiftState() == null ? "P" : d.shiftState()), 1);
  }
}
