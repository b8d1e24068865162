package dev.homeenergy.device.tesla.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.device.tesla.sim.FleetVehicleModelDay.Activity;
import dev.homeenergy.simulator.SimulatorResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * JSON bodies of the simulated Fleet API for vehicles and errors, shaped like the fixtures in
 * {@code fixtures/fleet/} (vehicles list and products entries, {@code vehicle_data} of a 2023 Fleet
 * capture, the {@code {"response":null,"error":…,"error_description":""}} error envelope).
 */
public final class FleetSimulatorBodies {
  static final ObjectMapper JSON = new ObjectMapper();

  /** All sections {@code vehicle_data} serves when {@code endpoints} is absent (no location). */
  static final List<String> DEFAULT_SECTIONS =
      List.of(
          "charge_state",
          "climate_state",
          "drive_state",
          "gui_settings",
          "vehicle_config",
          "vehicle_state");

  private static final double HOME_LATITUDE = 37.4292;
  private static final double HOME_LONGITUDE = -122.1381;
  private static final double RATED_MILES_PER_PERCENT = 3.1;

  private FleetSimulatorBodies() {}

  /** {@code {"response":null,"error":<error>,"error_description":""}} with {@code status}. */
  public static SimulatorResponse error(int status, String error) {
    ObjectNode body = JSON.createObjectNode();
    body.putNull("response");
    body.put("error", error);
    body.put("error_description", "");
    return SimulatorResponse.json(status, body.toString());
  }

  /** {@code {"response": <value>}}, plus {@code count} for arrays. */
  public static SimulatorResponse wrap(com.fasterxml.jackson.databind.JsonNode value) {
    ObjectNode body = JSON.createObjectNode();
    body.set("response", value);
    if (value.isArray()) {
      body.put("count", value.size());
    }
    return SimulatorResponse.json(body.toString());
  }

  /** One car's identity. */
  public record Car(int index, long id, long vehicleId, String vin, String displayName) {
    public static Car of(int index) {
      return new Car(
          index,
          1_492_932_717_794_313L + index,
          415_321_864L + index,
          String.format("5YJ3E1EA0PF%06d", index + 1),
          "Simulated Car " + (index + 1));
    }
  }

  /** A vehicles-list / products / wake_up entry with {@code state}. */
  public static ObjectNode vehicle(Car car, String state) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", car.id());
    node.put("user_id", 219_663);
    node.put("vehicle_id", car.vehicleId());
    node.put("vin", car.vin());
    node.putNull("color");
    node.put("access_type", "OWNER");
    node.put("display_name", car.displayName());
    node.putNull("option_codes");
    node.putObject("granular_access").put("hide_private", false);
    node.putNull("tokens");
    node.put("state", state);
    node.put("in_service", false);
    node.put("id_s", Long.toString(car.id()));
    node.put("calendar_enabled", true);
    node.put("api_version", 71);
    node.putNull("backseat_token");
    node.putNull("backseat_token_updated_at");
    node.put("ble_autopair_enrolled", false);
    node.put("command_signing", "required");
    node.put("release_notes_supported", true);
    return node;
  }

  /**
   * A {@code vehicle_data} response object with the requested sections; {@code location_data} adds
   * coordinates to {@code drive_state} only when the token has {@code vehicle_location}.
   */
  public static ObjectNode vehicleData(
      Car car,
      FleetVehicleModelDay day,
      Instant now,
      Set<String> sections,
      boolean locationAllowed) {
    ObjectNode node = vehicle(car, "online");
    long millis = now.toEpochMilli();
    Activity activity = day.activity(now);
    double level = day.batteryLevel(now);
    if (sections.contains("charge_state")) {
      node.set("charge_state", chargeState(day, now, activity, level, millis));
    }
    if (sections.contains("climate_state")) {
      ObjectNode climate = node.putObject("climate_state");
      boolean driving = activity == Activity.DRIVING;
      climate.put("inside_temp", driving ? 21.5 : 17.0);
      climate.put("outside_temp", 14.5);
      climate.put("driver_temp_setting", 21.0);
      climate.put("passenger_temp_setting", 21.0);
      climate.put("is_climate_on", driving);
      climate.put("is_preconditioning", false);
      climate.put("is_auto_conditioning_on", driving);
      climate.put("fan_status", driving ? 3 : 0);
      climate.put("battery_heater", false);
      climate.put("cabin_overheat_protection", "On");
      climate.put("climate_keeper_mode", "off");
      climate.put("timestamp", millis);
    }
    if (sections.contains("drive_state")) {
      node.set(
          "drive_state",
          driveState(car, activity, now, sections.contains("location_data") && locationAllowed));
    }
    if (sections.contains("gui_settings")) {
      ObjectNode gui = node.putObject("gui_settings");
      gui.put("gui_24_hour_time", true);
      gui.put("gui_charge_rate_units", "km/hr");
      gui.put("gui_distance_units", "km/hr");
      gui.put("gui_range_display", "Rated");
      gui.put("gui_temperature_units", "C");
      gui.put("gui_tirepressure_units", "Psi");
      gui.put("show_range_units", false);
      gui.put("timestamp", millis);
    }
    if (sections.contains("vehicle_config")) {
      ObjectNode config = node.putObject("vehicle_config");
      config.put("car_type", "model3");
      config.put("car_special_type", "base");
      config.put("charge_port_type", "US");
      config.put("exterior_color", "MidnightSilver");
      config.put("trim_badging", "74d");
      config.put("wheel_type", "Pinwheel18CapKit");
      config.put("spoiler_type", "None");
      config.put("eu_vehicle", false);
      config.put("rhd", false);
      config.put("utc_offset", 0);
      config.put("timestamp", millis);
    }
    if (sections.contains("vehicle_state")) {
      ObjectNode state = node.putObject("vehicle_state");
      state.put("api_version", 71);
      state.put("car_version", "2024.32.7 12345abcdef0");
      state.put("locked", activity != Activity.DRIVING);
      state.put("sentry_mode", false);
      state.put("is_user_present", activity == Activity.DRIVING);
      state.put("odometer", round(day.odometer(now), 6));
      for (String flag :
          List.of(
              "df",
              "dr",
              "pf",
              "pr",
              "ft",
              "rt",
              "fd_window",
              "fp_window",
              "rd_window",
              "rp_window")) {
        state.put(flag, 0);
      }
      state.put("center_display_state", activity == Activity.DRIVING ? 2 : 0);
      state.put("tpms_pressure_fl", 2.9);
      state.put("tpms_pressure_fr", 2.9);
      state.put("tpms_pressure_rl", 2.95);
      state.put("tpms_pressure_rr", 2.95);
      ObjectNode update = state.putObject("software_update");
      update.put("download_perc", 0);
      update.put("expected_duration_sec", 2700);
      update.put("install_perc", 1);
      update.put("status", "");
      update.put("version", " ");
      state.put("vehicle_name", car.displayName());
      state.put("timestamp", millis);
    }
    return node;
  }

  private static ObjectNode chargeState(
      FleetVehicleModelDay day, Instant now, Activity activity, double level, long millis) {
    boolean charging = activity == Activity.CHARGING;
    boolean plugged = day.pluggedIn(now);
    ObjectNode charge = JSON.createObjectNode();
    charge.put("battery_level", (int) Math.round(level));
    charge.put("usable_battery_level", (int) Math.round(level) - 1);
    charge.put("battery_range", round(level * RATED_MILES_PER_PERCENT, 2));
    charge.put("est_battery_range", round(level * RATED_MILES_PER_PERCENT * 0.9, 2));
    charge.put("ideal_battery_range", round(level * RATED_MILES_PER_PERCENT, 2));
    charge.put("charge_limit_soc", (int) Math.round(day.chargeLimit()));
    charge.put("charging_state", charging ? "Charging" : plugged ? "Complete" : "Disconnected");
    charge.put("charge_port_door_open", plugged);
    charge.put("conn_charge_cable", plugged ? "SAE" : "<invalid>");
    if (charging) {
      int amps = day.habits().chargerAmps();
      charge.put("charger_power", (int) Math.round(amps * 240 / 1000.0));
      charge.put("charger_voltage", 240);
      charge.put("charger_actual_current", amps);
      charge.put("charger_phases", 1);
      charge.put("charge_rate", round(amps * 30.0 / 48, 1));
      double perMinute =
          (day.chargeLimit() - day.habits().plugInLevel()) / day.habits().chargeMinutes();
      charge.put(
          "minutes_to_full_charge", (int) Math.ceil((day.chargeLimit() - level) / perMinute));
    } else {
      charge.put("charger_power", 0);
      charge.put("charger_voltage", plugged ? 2 : 0);
      charge.put("charger_actual_current", 0);
      charge.putNull("charger_phases");
      charge.put("charge_rate", 0.0);
      charge.put("minutes_to_full_charge", 0);
    }
    charge.put("charge_current_request", day.habits().chargerAmps());
    charge.put("charge_current_request_max", day.habits().chargerAmps());
    charge.put(
        "charge_energy_added",
        charging || plugged ? round((level - day.habits().plugInLevel()) * 0.75, 2) : 0.0);
    charge.put("scheduled_charging_pending", false);
    charge.putNull("scheduled_charging_start_time");
    charge.put("timestamp", millis);
    return charge;
  }

  private static ObjectNode driveState(Car car, Activity activity, Instant now, boolean location) {
    ObjectNode drive = JSON.createObjectNode();
    boolean driving = activity == Activity.DRIVING;
    if (location) {
      double offset = driving ? 0.01 * ((now.getEpochSecond() / 60) % 10) : 0;
      drive.put("latitude", round(HOME_LATITUDE + car.index() * 0.001 + offset, 6));
      drive.put("longitude", round(HOME_LONGITUDE + offset, 6));
      drive.put("native_latitude", round(HOME_LATITUDE + car.index() * 0.001 + offset, 6));
      drive.put("native_longitude", round(HOME_LONGITUDE + offset, 6));
      drive.put("native_location_supported", 1);
      drive.put("native_type", "wgs");
      drive.put("heading", driving ? 90 : 0);
      drive.put("gps_as_of", now.getEpochSecond());
    }
    drive.put(
        "power",
        switch (activity) {
          case DRIVING -> 15;
          case CHARGING -> -11;
          case PARKED -> 0;
        });
    if (driving) {
      drive.put("shift_state", "D");
      drive.put("speed", 38);
    } else {
      drive.putNull("shift_state");
      drive.putNull("speed");
    }
    drive.put("timestamp", now.toEpochMilli());
    return drive;
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
