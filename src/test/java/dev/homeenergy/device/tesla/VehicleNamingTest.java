package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.ASLEEP_VIN;
import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.HA_VIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.RenderedSamples;
import org.junit.jupiter.api.Test;

class VehicleNamingTest {
  private static final String[] HA = {"device", "tesla", "vin", HA_VIN, "name", "Test"};

  private static RenderedSamples render() {
    return RenderedSamples.render(
        new VehicleNaming(false), TeslaPayloadFixtures.reading(), "tesla");
  }

  private static String[] with(String... more) {
    String[] all = java.util.Arrays.copyOf(HA, HA.length + more.length);
    System.arraycopy(more, 0, all, HA.length, more.length);
    return all;
  }

  @Test
  void curatedValuesInBaseUnits() {
    RenderedSamples s = render();

    assertThat(s.value("tesla_vehicle_battery_level_ratio", HA)).isEqualTo(0.77);
    assertThat(s.value("tesla_vehicle_usable_battery_level_ratio", HA)).isEqualTo(0.77);
    assertThat(s.value("tesla_vehicle_battery_range_meters", HA)).isEqualTo(266.87 * 1609.344);
    assertThat(s.value("tesla_vehicle_est_battery_range_meters", HA)).isEqualTo(275.04 * 1609.344);
    assertThat(s.value("tesla_vehicle_charge_limit_ratio", HA)).isEqualTo(0.8);
    assertThat(s.value("tesla_vehicle_charger_voltage_volts", HA)).isEqualTo(2);
    assertThat(s.value("tesla_vehicle_charging_state", with("state", "Stopped"))).isEqualTo(1);
    assertThat(s.value("tesla_vehicle_inside_temperature_celsius", HA)).isEqualTo(29.8);
    assertThat(s.value("tesla_vehicle_climate_on", HA)).isEqualTo(1);
    assertThat(s.value("tesla_vehicle_seat_heater_level", with("seat", "front_left"))).isEqualTo(0);
    assertThat(s.value("tesla_vehicle_latitude_degrees", HA)).isEqualTo(-30.222626);
    assertThat(s.value("tesla_vehicle_heading_degrees", HA)).isEqualTo(185);
    assertThat(s.value("tesla_vehicle_power_watts", HA)).isEqualTo(-7000);
    assertThat(s.value("tesla_vehicle_speed_meters_per_second", HA)).isEqualTo(0);
    assertThat(s.value("tesla_vehicle_shift_state", with("state", "P"))).isEqualTo(1);
    assertThat(s.value("tesla_vehicle_odometer_meters", HA)).isEqualTo(6481.019282 * 1609.344);
    assertThat(s.value("tesla_vehicle_locked", HA)).isEqualTo(0);
    assertThat(s.value("tesla_vehicle_door_open", with("door", "driver_front"))).isEqualTo(0);
    assertThat(s.value("tesla_vehicle_trunk_open", with("trunk", "rear"))).isEqualTo(0);
    assertThat(s.value("tesla_vehicle_tire_pressure_pascals", with("tire", "front_left")))
        .isEqualTo(2.775 * 1e5);
    assertThat(s.value("tesla_vehicle_state", with("state", "online"))).isEqualTo(1);
    assertThat(s.value("tesla_vehicle", with("car_version", "2023.44.30.8 06f534d46010")))
        .isEqualTo(1);
  }

  @Test
  void chargingSessionConversions() {
    RenderedSamples s = render();
    String[] docs = {"device", "tesla", "vin", TeslaPayloadFixtures.DOCS_VIN, "name", "Owned"};

    assertThat(s.value("tesla_vehicle_charge_energy_added_joules", docs)).isEqualTo(48.45 * 3.6e6);
    assertThat(
            s.value(
                "tesla_vehicle_charging_state",
                "device",
                "tesla",
                "vin",
                TeslaPayloadFixtures.DOCS_VIN,
                "name",
                "Owned",
                "state",
                "Disconnected"))
        .isEqualTo(1);
    assertThat(s.value("tesla_vehicle_power_watts", docs)).isEqualTo(1000);
    assertThat(s.value("tesla_vehicle_time_to_full_charge_seconds", docs)).isEqualTo(0);
    assertThat(s.family("tesla_vehicle_charge_rate_meters_per_second").unit())
        .isEqualTo("meters_per_second");
  }

  @Test
  void asleepCarHasOnlyStateAndInfo() {
    RenderedSamples s = render();

    assertThat(s.list())
        .filteredOn(x -> ASLEEP_VIN.equals(x.labels().get("vin")))
        .extracting(x -> x.family().name() + x.labels())
        .containsExactlyInAnyOrder(
            "tesla_vehicle{car_version=\"\",device=\"tesla\",name=\"Sleepy\",vin=\"5YJSA2DN0DFP21224\"}",
            "tesla_vehicle_state{device=\"tesla\",name=\"Sleepy\",state=\"asleep\",vin=\"5YJSA2DN0DFP21224\"}");
  }

  @Test
  void everySampleCarriesDeviceVinAndName() {
    RenderedSamples s =
        RenderedSamples.render(new VehicleNaming(true), TeslaPayloadFixtures.reading(), "tesla");

    assertThat(s.list())
        .allSatisfy(
            x -> {
              assertThat(x.labels().get("device")).isEqualTo("tesla");
              assertThat(x.labels().get("vin")).isNotEmpty();
              assertThat(x.labels().get("name")).isNotNull();
            });
    assertThat(s.text())
        .contains(
            "tesla_vehicle_info{car_version=\"\",device=\"tesla\",name=\"Sleepy\",vin=\"5YJSA2DN0DFP21224\"} 1");
  }
}
