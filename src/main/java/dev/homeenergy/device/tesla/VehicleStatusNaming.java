package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.VehicleUnits.METERS_PER_MILE;
import static dev.homeenergy.device.tesla.VehicleUnits.PASCALS_PER_BAR;
import static dev.homeenergy.device.tesla.VehicleUnits.times;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Map;

/** Native {@code vehicle_state} metrics. */
final class VehicleStatusNaming {
  static final MetricFamily ODOMETER =
      MetricFamily.gauge(
          "tesla_vehicle_odometer_meters",
          "meters",
          "Odometer, vehicle_state.odometer (miles) in meters");
  static final MetricFamily LOCKED =
      MetricFamily.gauge("tesla_vehicle_locked", "Locked (0/1), vehicle_state.locked");
  static final MetricFamily SENTRY =
      MetricFamily.gauge(
          "tesla_vehicle_sentry_mode", "Sentry mode on (0/1), vehicle_state.sentry_mode");
  static final MetricFamily VALET =
      MetricFamily.gauge(
          "tesla_vehicle_valet_mode", "Valet mode on (0/1), vehicle_state.valet_mode");
  static final MetricFamily USER_PRESENT =
      MetricFamily.gauge(
          "tesla_vehicle_user_present", "Driver present (0/1), vehicle_state.is_user_present");
  static final MetricFamily REMOTE_START =
      MetricFamily.gauge(
          "tesla_vehicle_remote_start", "Remote start active (0/1), vehicle_state.remote_start");
  static final MetricFamily CENTER_DISPLAY =
      MetricFamily.gauge(
          "tesla_vehicle_center_display_state",
          "Center display state code, vehicle_state.center_display_state");
  static final MetricFamily DOOR_OPEN =
      MetricFamily.gauge("tesla_vehicle_door_open", "Door open by door, vehicle_state.df/dr/pf/pr");
  static final MetricFamily TRUNK_OPEN =
      MetricFamily.gauge("tesla_vehicle_trunk_open", "Trunk open by trunk, vehicle_state.ft/rt");
  static final MetricFamily TIRE_PRESSURE =
      MetricFamily.gauge(
          "tesla_vehicle_tire_pressure_pascals",
          "pascals",
          "Tyre pressure by tire, vehicle_state.tpms_pressure_fl/fr/rl/rr (bar) in pascals");

  private VehicleStatusNaming() {}

  static void render(VehicleStatus s, Labels labels, Samples.Builder out) {
    if (s == null) {
      return;
    }
    out.addIfPresent(ODOMETER, labels, times(s.odometerMiles(), METERS_PER_MILE));
    out.addIfPresent(LOCKED, labels, s.locked());
    out.addIfPresent(SENTRY, labels, s.sentryMode());
    out.addIfPresent(VALET, labels, s.valetMode());
    out.addIfPresent(USER_PRESENT, labels, s.userPresent());
    out.addIfPresent(REMOTE_START, labels, s.remoteStart());
    out.addIfPresent(CENTER_DISPLAY, labels, s.centerDisplayState());
    each(DOOR_OPEN, "door", s.doors(), 1, labels, out);
    each(TRUNK_OPEN, "trunk", s.trunks(), 1, labels, out);
    each(TIRE_PRESSURE, "tire", s.tpmsBar(), PASCALS_PER_BAR, labels, out);
  }

  private static void each(
      MetricFamily family,
      String label,
      Map<String, Double> values,
      double factor,
      Labels labels,
      Samples.Builder out) {
    values.forEach((key, value) -> out.add(family, labels.add(label, key), value * factor));
  }
}
