package dev.homeenergy.device.tesla;

import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.JsonBodies;
import dev.homeenergy.testing.JsonBodies.EndpointBody;
import dev.homeenergy.testing.MapperCheck;
import dev.homeenergy.testing.PropertyRuns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Any body on any Fleet API endpoint: a parse failure or valid output under both namings (native
 * with the default and with all fields).
 */
class TeslaMapperPropertyTest {
  private static final String SITE = "12345";
  private static final Map<String, List<String>> SEEDS =
      Map.of(
          TeslaReading.VEHICLES,
              List.of(
                  TeslaPayloadFixtures.VEHICLES,
                  Fixtures.text("tesla", "tesla-api__vehicles_list_ownerapi.json")),
          TeslaReading.PRODUCTS,
              List.of(
                  Fixtures.text("tesla", "teslatte__products_2023-11-06.json"),
                  Fixtures.text("tesla", "teslatte__products_2024-08-14_asleep.json")),
          TeslaReading.VEHICLE_DATA,
              List.of(
                  Fixtures.text("tesla", TeslaPayloadFixtures.HA_VEHICLE_DATA),
                  Fixtures.text("tesla", TeslaPayloadFixtures.DOCS_VEHICLE_DATA),
                  Fixtures.text("tesla", "teslatte__vehicle_data_2023-11-11.json"),
                  Fixtures.text("tesla", "tesla-api__vehicle_data_ownerapi_2020.json")),
          TeslaReading.LIVE_STATUS,
              List.of(Fixtures.text("tesla", "teslatte__live_status_plugged_in_2023-11-06.json")),
          TeslaReading.SITE_INFO,
              List.of(Fixtures.text("tesla", "tesla-api__site_info_solar_powerwall.json")));

  /** A body on one endpoint, rendered with {@code fields: all} or with the default fields. */
  private record Case(EndpointBody body, boolean allFields) {}

  @Test
  void anyBodyParsesOrFailsAsParseAndRendersValidOutput() {
    List<Case> edgeCases =
        JsonBodies.edgeCases(SEEDS).stream()
            .flatMap(body -> Stream.of(new Case(body, false), new Case(body, true)))
            .toList();
    PropertyRuns.Generator<EndpointBody> bodies = JsonBodies.perEndpoint(SEEDS);
    PropertyRuns.tries(1000)
        .check(
            edgeCases,
            random -> new Case(bodies.next(random), random.nextBoolean()),
            c -> parsesOrFailsAsParseAndRendersValidOutput(c.body(), c.allFields()));
  }

  private void parsesOrFailsAsParseAndRendersValidOutput(EndpointBody body, boolean allFields) {
    String vehicles = TeslaPayloadFixtures.VEHICLES;
    String products = Fixtures.text("tesla", "teslatte__products_2023-11-06.json");
    Map<String, String> vehicleData =
        new HashMap<>(
            Map.of(
                TeslaPayloadFixtures.HA_VIN,
                    Fixtures.text("tesla", TeslaPayloadFixtures.HA_VEHICLE_DATA),
                TeslaPayloadFixtures.DOCS_VIN,
                    Fixtures.text("tesla", TeslaPayloadFixtures.DOCS_VEHICLE_DATA)));
    Map<String, String> liveStatus =
        new HashMap<>(
            Map.of(
                SITE, Fixtures.text("tesla", "teslatte__live_status_plugged_in_2023-11-06.json")));
    Map<String, String> siteInfo =
        new HashMap<>(
            Map.of(SITE, Fixtures.text("tesla", "tesla-api__site_info_solar_powerwall.json")));
    switch (body.endpoint()) {
      case TeslaReading.VEHICLES -> vehicles = body.body();
      case TeslaReading.PRODUCTS -> products = body.body();
      case TeslaReading.VEHICLE_DATA -> vehicleData.put(TeslaPayloadFixtures.HA_VIN, body.body());
      case TeslaReading.LIVE_STATUS -> liveStatus.put(SITE, body.body());
      default -> siteInfo.put(SITE, body.body());
    }
    TeslaResponses responses =
        new TeslaResponses(
            TeslaPayloadFixtures.AT,
            vehicles,
            products,
            vehicleData,
            liveStatus,
            siteInfo,
            TeslaPayloadFixtures.USAGE,
            List.of());
    MapperCheck.check(
        new TeslaFamily(),
        Map.of("fields", allFields ? "all" : "default"),
        () -> TeslaReading.parse(responses));
  }
}
