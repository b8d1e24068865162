package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.ASLEEP_VIN;
import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.AT;
import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.DOCS_VIN;
import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.HA_VEHICLE_DATA;
import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.HA_VIN;
import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.USAGE;
import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.parse;
import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.responses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeslaPayloadTest {

  @Test
  void vehicleListGivesIdVinNameAndState() {
    TeslaReading reading = TeslaPayloadFixtures.reading();

    assertThat(reading.at()).isEqualTo(AT);
    assertThat(reading.vehicles())
        .extracting(Vehicle::id, Vehicle::vin, Vehicle::displayName, Vehicle::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", HA_VIN, "Test", "online"),
            org.assertj.core.groups.Tuple.tuple("100021", DOCS_VIN, "Owned", "online"),
            org.assertj.core.groups.Tuple.tuple(
                "1492932717794313", ASLEEP_VIN, "Sleepy", "asleep"));
    assertThat(reading.vehicles().get(2).data()).isNull();
    assertThat(reading.endpointFailures()).isEmpty();
    assertThat(reading.usage()).isEqualTo(USAGE);
  }

  @Test
  void vehicleDataTypedFieldsInApiUnits() {
    VehicleData data = TeslaPayloadFixtures.reading().vehicles().get(0).data();

    assertThat(data.charge().batteryLevelPercent()).isEqualTo(77);
    assertThat(data.charge().estBatteryRangeMiles()).isEqualTo(275.04);
    assertThat(data.charge().chargingState()).isEqualTo("Stopped");
    assertThat(data.climate().insideTemp()).isEqualTo(29.8);
    assertThat(data.climate().climateOn()).isTrue();
    assertThat(data.drive().latitude()).isEqualTo(-30.222626);
    assertThat(data.drive().powerKw()).isEqualTo(-7);
    assertThat(data.drive().speedMph()).isNull();
    assertThat(data.drive().shiftState()).isNull();
    assertThat(data.status().odometerMiles()).isEqualTo(6481.019282);
    assertThat(data.status().carVersion()).isEqualTo("2023.44.30.8 06f534d46010");
    assertThat(data.status().tpmsBar()).containsEntry("front_left", 2.775);
    assertThat(data.status().doors())
        .containsOnlyKeys("driver_front", "driver_rear", "passenger_front", "passenger_rear");
    assertThat(data.raw().path("charge_state").path("battery_level").intValue()).isEqualTo(77);
  }

  @Test
  void driveStateWithoutLocationHasNoCoordinates() {
    TeslaReading reading =
        parse(
            responses(
                Map.of(HA_VIN, Fixtures.text("tesla", "teslatte__vehicle_data_2023-11-11.json"))));

    VehicleDrive drive = reading.vehicles().get(0).data().drive();
    assertThat(drive.latitude()).isNull();
    assertThat(drive.longitude()).isNull();
    assertThat(drive.powerKw()).isEqualTo(0);
  }

  @Test
  void badVehicleDataBodyFailsOnlyThatCar() {
    TeslaReading reading =
        parse(
            responses(
                Map.of(
                    HA_VIN,
                    "<html>408</html>",
                    DOCS_VIN,
                    Fixtures.text("tesla", "teslatte__tesla-docs-2023_vehicle_data.json"))));

    assertThat(reading.vehicles().get(0).data()).isNull();
    assertThat(reading.vehicles().get(1).data()).isNotNull();
    assertThat(reading.endpointFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.endpoint()).isEqualTo("vehicle_data");
              assertThat(f.reason()).isEqualTo(FailureReason.PARSE);
              assertThat(f.message()).contains(HA_VIN);
            });
  }

  @Test
  void nullOrArrayVehicleDataIsAParseFailure() {
    TeslaReading reading =
        parse(responses(Map.of(HA_VIN, "{\"response\": null}", DOCS_VIN, "[1]")));

    assertThat(reading.endpointFailures())
        .extracting(EndpointFailure::endpoint, EndpointFailure::reason)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("vehicle_data", FailureReason.PARSE));
    assertThat(reading.endpointFailures()).hasSize(2);
  }

  @Test
  void vehicleListThatIsNotJsonFailsThePoll() {
    for (String body : List.of("not json", "{\"response\": {\"vin\": \"x\"}}", "", "null")) {
      TeslaResponses responses =
          new TeslaResponses(AT, body, null, Map.of(), Map.of(), Map.of(), USAGE, List.of());
      assertThatThrownBy(() -> TeslaReading.parse(responses))
          .as(body)
          .isInstanceOfSatisfying(
              PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PARSE));
    }
  }

  @Test
  void aProductWhoseSiteIdIsNotAValueIsNoEnergySite() {
    TeslaResponses responses =
        new TeslaResponses(
            AT,
            null,
            "{\"response\": [{\"energy_site_id\": {\"id\": 1}}, {\"energy_site_id\": [2]}], \"count\": 2}",
            Map.of(),
            Map.of(),
            Map.of(),
            USAGE,
            List.of());

    TeslaReading reading = parse(responses);

    assertThat(reading.energySites()).isEmpty();
    assertThat(reading.endpointFailures()).isEmpty();
  }

  @Test
  void productsGiveCarsWhenNoListAndEnergySites() {
    TeslaResponses responses =
        new TeslaResponses(
            AT,
            null,
            Fixtures.text("tesla", "teslatte__products_2023-11-06.json"),
            Map.of("1234", Fixtures.text("tesla", HA_VEHICLE_DATA)),
            Map.of(),
            Map.of(),
            USAGE,
            List.of());

    TeslaReading reading = parse(responses);

    assertThat(reading.vehicles())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.vin()).isEqualTo("1234");
              assertThat(v.displayName()).isEqualTo("Carname");
              assertThat(v.data()).isNotNull();
            });
    assertThat(reading.energySites())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo("12345");
              assertThat(s.name()).isEqualTo("address");
              assertThat(s.resourceType()).isEqualTo("battery");
              assertThat(s.live()).isNull();
              assertThat(s.info()).isNull();
            });
  }

  @Test
  void energySiteLiveStatusAndSiteInfo() {
    EnergySite site = TeslaPayloadFixtures.reading().energySites().get(0);

    assertThat(site.live())
        .isEqualTo(
            new EnergySiteLive(
                16176.0,
                -13950.0,
                2226.0,
                0.0,
                0.0,
                90.21333866145918,
                37784.05263157895,
                41883.0,
                "Active",
                "on_grid",
                false,
                false,
                true,
                "2023-11-06T10:30:11+11:00"));
    assertThat(site.info().backupReservePercent()).isEqualTo(100);
    assertThat(site.info().defaultRealMode()).isEqualTo("self_consumption");
    assertThat(site.info().batteryCount()).isEqualTo(2);
    assertThat(site.info().version()).isEqualTo("23.4.2-1 f8e490");
  }

  @Test
  void badLiveStatusIsAnEndpointFailureOfThatSite() {
    TeslaResponses responses =
        new TeslaResponses(
            AT,
            TeslaPayloadFixtures.VEHICLES,
            Fixtures.text("tesla", "teslatte__products_2023-11-06.json"),
            Map.of(),
            Map.of("12345", "{oops"),
            Map.of(),
            USAGE,
            List.of());

    TeslaReading reading = parse(responses);

    assertThat(reading.energySites().get(0).live()).isNull();
    assertThat(reading.endpointFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.endpoint()).isEqualTo("live_status");
              assertThat(f.reason()).isEqualTo(FailureReason.PARSE);
            });
  }

  @Test
  void failuresOfTheResponsesAreKept() {
    EndpointFailure timeout = new EndpointFailure("vehicle_data", FailureReason.TIMEOUT, "408");
    TeslaResponses responses =
        new TeslaResponses(
            AT,
            TeslaPayloadFixtures.VEHICLES,
            null,
            Map.of(),
            Map.of(),
            Map.of(),
            USAGE,
            List.of(timeout));

    assertThat(parse(responses).endpointFailures()).containsExactly(timeout);
  }
}
