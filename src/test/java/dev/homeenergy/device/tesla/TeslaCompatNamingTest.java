package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.RenderedSamples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeslaCompatNamingTest {
  private static final String[] HA = {"vehicle_name", "Test"};

  private static RenderedSamples render(TeslaReading reading) {
    return RenderedSamples.render(new TeslaCompatNaming(), reading, "tesla");
  }

  @Test
  void theSeedsFamiliesExactly() {
    RenderedSamples s = render(TeslaPayloadFixtures.reading());

    assertThat(s.exposedTypes())
        .containsExactlyInAnyOrderElementsOf(
            List.of(
                "tesla_exporter_up gauge",
                "tesla_exporter_vehicle_reachable gauge",
                "tesla_exporter_last_successful_poll_timestamp_seconds gauge",
                "tesla_battery_level_percent gauge",
                "tesla_battery_usable_level_percent gauge",
                "tesla_battery_range_km gauge",
                "tesla_battery_ideal_range_km gauge",
                "tesla_battery_estimated_range_km gauge",
                "tesla_charge_limit_percent gauge",
                "tesla_charge_energy_added_kwh gauge",
                "tesla_charge_rate_kmh gauge",
                "tesla_charger_power_kw gauge",
                "tesla_charger_voltage_volts gauge",
                "tesla_charger_actual_current_amps gauge",
                "tesla_charge_time_remaining_hours gauge",
                "tesla_charge_port_door_open gauge",
                "tesla_battery_heater_on gauge",
                "tesla_scheduled_charging_pending gauge",
                "tesla_charging_state gauge",
                "tesla_inside_temperature_celsius gauge",
                "tesla_outside_temperature_celsius gauge",
                "tesla_driver_temperature_setting_celsius gauge",
                "tesla_passenger_temperature_setting_celsius gauge",
                "tesla_climate_on gauge",
                "tesla_preconditioning gauge",
                "tesla_fan_status gauge",
                "tesla_defrost_mode gauge",
                "tesla_seat_heater_level gauge",
                "tesla_latitude gauge",
                "tesla_longitude gauge",
                "tesla_heading_degrees gauge",
                "tesla_speed_kmh gauge",
                "tesla_power_watts gauge",
                "tesla_shift_state gauge",
                "tesla_odometer_km gauge",
                "tesla_locked gauge",
                "tesla_sentry_mode gauge",
                "tesla_valet_mode gauge",
                "tesla_user_present gauge",
                "tesla_remote_start gauge",
                "tesla_center_display_state gauge",
                "tesla_door_open gauge",
                "tesla_trunk_open gauge",
                "tesla_tpms_pressure_bar gauge",
                "tesla_software_version_info gauge"));
  }

  @Test
  void everySampleHasOnlyTheVehicleNameAndItsOwnLabel() {
    RenderedSamples s = render(TeslaPayloadFixtures.reading());

    assertThat(s.list()).allSatisfy(x -> assertThat(x.labels().get("vehicle_name")).isNotNull());
    assertThat(s.list()).allSatisfy(x -> assertThat(x.labels().size()).isLessThanOrEqualTo(2));
  }

  @Test
  void seedUnitsIncludingTheRawKilowattsInPowerWatts() {
    RenderedSamples s = render(TeslaPayloadFixtures.reading());
    String[] docs = {"vehicle_name", "Owned"};

    assertThat(s.value("tesla_battery_level_percent", HA)).isEqualTo(77);
    assertThat(s.value("tesla_battery_range_km", HA)).isEqualTo(266.87 * 1.609344);
    assertThat(s.value("tesla_battery_estimated_range_km", HA)).isEqualTo(275.04 * 1.609344);
    assertThat(s.value("tesla_odometer_km", HA)).isEqualTo(6481.019282 * 1.609344);
    assertThat(s.value("tesla_power_watts", HA)).isEqualTo(-7);
    assertThat(s.value("tesla_speed_kmh", HA)).isEqualTo(0);
    assertThat(s.value("tesla_tpms_pressure_bar", "vehicle_name", "Test", "tire", "front_left"))
        .isEqualTo(2.775);
    assertThat(s.value("tesla_charge_energy_added_kwh", docs)).isEqualTo(48.45);
    assertThat(s.value("tesla_seat_heater_level", "vehicle_name", "Test", "seat", "front_right"))
        .isEqualTo(0);
    assertThat(s.value("tesla_door_open", "vehicle_name", "Test", "door", "passenger_rear"))
        .isEqualTo(0);
    assertThat(s.value("tesla_trunk_open", "vehicle_name", "Test", "trunk", "front")).isEqualTo(0);
    assertThat(
            s.value(
                "tesla_software_version",
                "vehicle_name",
                "Test",
                "version",
                "2023.44.30.8 06f534d46010"))
        .isEqualTo(1);
  }

  @Test
  void oneSeriesPerChargingAndShiftState() {
    RenderedSamples s = render(TeslaPayloadFixtures.reading());

    assertThat(s.of("tesla_charging_state"))
        .filteredOn(x -> x.labels().get("vehicle_name").equals("Test"))
        .extracting(x -> x.labels().get("state") + "=" + x.value())
        .containsExactly(
            "Charging=0.0", "Complete=0.0", "Disconnected=0.0", "Stopped=1.0", "NoPower=0.0");
    assertThat(s.of("tesla_shift_state"))
        .filteredOn(x -> x.labels().get("vehicle_name").equals("Test"))
        .extracting(x -> x.labels().get("state") + "=" + x.value())
        .containsExactly("P=1.0", "D=0.0", "R=0.0", "N=0.0");
  }

  @Test
  void healthFromTheReading() {
    RenderedSamples s = render(TeslaPayloadFixtures.reading());

    assertThat(s.value("tesla_exporter_up", HA)).isEqualTo(1);
    assertThat(s.value("tesla_exporter_vehicle_reachable", HA)).isEqualTo(1);
    assertThat(s.value("tesla_exporter_vehicle_reachable", "vehicle_name", "Sleepy")).isEqualTo(0);
    assertThat(s.value("tesla_exporter_last_successful_poll_timestamp_seconds", HA))
        .as("the time the car reported the data it was last read with (charge_state.timestamp)")
        .isEqualTo(1_705_707_520_649L / 1000.0);
    assertThat(
            s.hasSeries(
                "tesla_exporter_last_successful_poll_timestamp_seconds", "vehicle_name", "Sleepy"))
        .isFalse();
    assertThat(s.list())
        .filteredOn(x -> "Sleepy".equals(x.labels().get("vehicle_name")))
        .extracting(x -> x.family().name())
        .containsExactlyInAnyOrder("tesla_exporter_up", "tesla_exporter_vehicle_reachable");
  }

  @Test
  void everySeedDataMetricHasANativeCounterpart() {
    Map<String, String> nativeByCompat = new java.util.LinkedHashMap<>();
    String[] pairs = {
      "tesla_battery_level_percent", "tesla_vehicle_battery_level_ratio",
      "tesla_battery_usable_level_percent", "tesla_vehicle_usable_battery_level_ratio",
      "tesla_battery_range_km", "tesla_vehicle_battery_range_meters",
      "tesla_battery_ideal_range_km", "tesla_vehicle_ideal_battery_range_meters",
      "tesla_battery_estimated_range_km", "tesla_vehicle_est_battery_range_meters",
      "tesla_charge_limit_percent", "tesla_vehicle_charge_limit_ratio",
      "tesla_charge_energy_added_kwh", "tesla_vehicle_charge_energy_added_joules",
      "tesla_charge_rate_kmh", "tesla_vehicle_charge_rate_meters_per_second",
      "tesla_charger_power_kw", "tesla_vehicle_charger_power_watts",
      "tesla_charger_voltage_volts", "tesla_vehicle_charger_voltage_volts",
      "tesla_charger_actual_current_amps", "tesla_vehicle_charger_actual_current_amperes",
      "tesla_charge_time_remaining_hours", "tesla_vehicle_time_to_full_charge_seconds",
      "tesla_charge_port_door_open", "tesla_vehicle_charge_port_door_open",
      "tesla_battery_heater_on", "tesla_vehicle_battery_heater_on",
      "tesla_scheduled_charging_pending", "tesla_vehicle_scheduled_charging_pending",
      "tesla_charging_state", "tesla_vehicle_charging_state",
      "tesla_inside_temperature_celsius", "tesla_vehicle_inside_temperature_celsius",
      "tesla_outside_temperature_celsius", "tesla_vehicle_outside_temperature_celsius",
      "tesla_driver_temperature_setting_celsius",
          "tesla_vehicle_driver_temperature_setting_celsius",
      "tesla_passenger_temperature_setting_celsius",
          "tesla_vehicle_passenger_temperature_setting_celsius",
      "tesla_climate_on", "tesla_vehicle_climate_on",
      "tesla_preconditioning", "tesla_vehicle_preconditioning",
      "tesla_fan_status", "tesla_vehicle_fan_status",
      "tesla_defrost_mode", "tesla_vehicle_defrost_mode",
      "tesla_seat_heater_level", "tesla_vehicle_seat_heater_level",
      "tesla_latitude", "tesla_vehicle_latitude_degrees",
      "tesla_longitude", "tesla_vehicle_longitude_degrees",
      "tesla_heading_degrees", "tesla_vehicle_heading_degrees",
      "tesla_speed_kmh", "tesla_vehicle_speed_meters_per_second",
      "tesla_power_watts", "tesla_vehicle_power_watts",
      "tesla_shift_state", "tesla_vehicle_shift_state",
      "tesla_odometer_km", "tesla_vehicle_odometer_meters",
      "tesla_locked", "tesla_vehicle_locked",
      "tesla_sentry_mode", "tesla_vehicle_sentry_mode",
      "tesla_valet_mode", "tesla_vehicle_valet_mode",
      "tesla_user_present", "tesla_vehicle_user_present",
      "tesla_remote_start", "tesla_vehicle_remote_start",
      "tesla_center_display_state", "tesla_vehicle_center_display_state",
      "tesla_door_open", "tesla_vehicle_door_open",
      "tesla_trunk_open", "tesla_vehicle_trunk_open",
      "tesla_tpms_pressure_bar", "tesla_vehicle_tire_pressure_pascals",
      "tesla_software_version", "tesla_vehicle"
    };
    for (int i = 0; i < pairs.length; i += 2) {
      nativeByCompat.put(pairs[i], pairs[i + 1]);
    }
    RenderedSamples compat = render(TeslaPayloadFixtures.reading());
    RenderedSamples nativeSamples =
        RenderedSamples.render(new VehicleNaming(false), TeslaPayloadFixtures.reading(), "tesla");

    assertThat(nativeByCompat).hasSize(42);
    assertThat(compat.names())
        .filteredOn(n -> !n.startsWith("tesla_exporter_"))
        .containsExactlyInAnyOrderElementsOf(nativeByCompat.keySet());
    assertThat(nativeSamples.names()).containsAll(nativeByCompat.values());
  }

  @Test
  void noCarsIsDown() {
    TeslaReading empty =
        TeslaPayloadFixtures.parse(
            new TeslaResponses(
                AT,
                "{\"response\": [], \"count\": 0}",
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                TeslaPayloadFixtures.USAGE,
                List.of()));

    RenderedSamples s = render(empty);

    assertThat(s.value("tesla_exporter_up", "vehicle_name", "")).isEqualTo(0);
    assertThat(s.list()).hasSize(1);
  }

  @Test
  void pollErrorsAreCountedByTheSeedsErrorTypes() {
    TeslaReading reading =
        new TeslaReading(
            TeslaPayloadFixtures.AT,
            List.of(),
            List.of(),
            TeslaPayloadFixtures.USAGE.withPollErrors(
                Map.of("vehicle_data_failed", 3L, "unexpected_error", 0L)),
            List.of());
    RenderedSamples s = render(reading);
    assertThat(s.value("tesla_exporter_poll_errors", "error_type", "vehicle_data_failed"))
        .isEqualTo(3);
    assertThat(s.value("tesla_exporter_poll_errors", "error_type", "unexpected_error")).isZero();
    assertThat(s.text())
        .contains("tesla_exporter_poll_errors_total{error_type=\"vehicle_data_failed\"} 3.0");
  }
}
