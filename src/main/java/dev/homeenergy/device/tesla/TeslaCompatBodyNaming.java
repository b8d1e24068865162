package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaCompatChargeNaming.KM_PER_MILE;
import static dev.homeenergy.device.tesla.TeslaCompatChargeNaming.g;
import static dev.homeenergy.device.tesla.VehicleUnits.times;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Map;

/** Compat drive, lock, door and software metrics. */
final class TeslaCompatBodyNaming {
  static final List<String> SHIFT_STATES = List.of("P", "D", "R", "N");

  static final MetricFamily LATITUDE =
      g("tesla_latitude", "drive_state.latitude (else active_route_latitude)");
  static final MetricFamily LONGITUDE =
      g("tesla_longitude", "drive_state.longitude (else active_route_longitude)");
  static final MetricFamily HEADING = g("tesla_heading_degrees", "drive_state.heading");
  static final MetricFamily SPEED =
      g("tesla_speed_kmh", "drive_state.speed × 1.609344 (null as 0)");
  static final MetricFamily POWER =
      g("tesla_power_watts", "drive_state.power, which is kW despite the name");
  static final MetricFamily SHIFT_STATE =
      g("tesla_shift_state", "drive_state.shift_state (null as P), 1 for the current");
  static final MetricFamily ODOMETER = g("tesla_odometer_km", "vehicle_state.odometer × 1.609344");
  static final MetricFamily LOCKED = g("tesla_locked", "vehicle_state.locked");
  static final MetricFamily SENTRY = g("tesla_sentry_mode", "vehicle_state.sentry_mode");
  static final MetricFamily VALET = g("tesla_valet_mode", "vehicle_state.valet_mode");
  static final MetricFamily USER_PRESENT = g("tesla_user_present", "vehicle_state.is_user_present");
  static final MetricFamily REMOTE_START = g("tesla_remote_start", "vehicle_state.remote_start");
  static final MetricFamily CENTER_DISPLAY =
      g("tesla_center_display_state", "vehicle_state.center_display_state");
  static final MetricFamily DOOR_OPEN = g("tesla_door_open", "vehicle_state.df/dr/pf/pr");
  static final MetricFamily TRUNK_OPEN = g("tesla_trunk_open", "vehicle_state.ft/rt");
  static final MetricFamily TPMS =
      g("tesla_tpms_pressure_bar", "vehicle_state.tpms_pressure_fl/fr/rl/rr");
  static final MetricFamily SOFTWARE_VERSION =
      MetricFamily.info("tesla_software_version", "Vehicle vehicle_state.car_version");

  private TeslaCompatBodyNaming() {}

  static void render(VehicleData data, Labels labels, Samples.Builder out) {
    VehicleDrive d = data.drive();
    if (d != null) {
      out.addIfPresent(LATITUDE, labels, d.latitude());
      out.addIfPresent(LONGITUDE, labels, d.longitude());
      out.addIfPresent(HEADING, labels, d.heading());
      out.add(SPEED, labels, d.speedMph() == null ? 0 : d.speedMph() * KM_PER_MILE);
      out.addIfPresent(POWER, labels, d.powerKw());
      String shift = d.shiftState() == null ? "P" : d.shiftState();
      for (String state : SHIFT_STATES) {
        out.add(SHIFT_STATE, labels.add("state", state), state.equals(shift) ? 1 : 0);
      }
    }
    VehicleStatus s = data.status();
    if (s != null) {
      out.addIfPresent(ODOMETER, labels, times(s.odometerMiles(), KM_PER_MILE));
      out.addIfPresent(LOCKED, labels, s.locked());
      out.addIfPresent(SENTRY, labels, s.sentryMode());
      out.addIfPresent(VALET, labels, s.valetMode());
      out.addIfPresent(USER_PRESENT, labels, s.userPresent());
      out.addIfPresent(REMOTE_START, labels, s.remoteStart());
      out.addIfPresent(CENTER_DISPLAY, labels, s.centerDisplayState());
      each(DOOR_OPEN, "door", s.doors(), labels, out);
      each(TRUNK_OPEN, "trunk", s.trunks(), labels, out);
      each(TPMS, "tire", s.tpmsBar(), labels, out);
      if (s.carVersion() != null) {
        out.info(SOFTWARE_VERSION, labels.add("version", s.carVersion()));
      }
    }
  }

  private static void each(
      MetricFamily family,
      String label,
      Map<String, Double> values,
      Labels labels,
      Samples.Builder out) {
    values.forEach((key, value) -> out.add(family, labels.add(label, key), value));
  }
}
