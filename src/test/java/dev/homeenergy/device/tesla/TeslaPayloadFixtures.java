package dev.homeenergy.device.tesla;

import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fixture bodies from src/test/resources/tesla and readings built from them. */
public final class TeslaPayloadFixtures {
  static final Instant AT = Instant.parse("2026-11-24T12:00:00.250Z");
  public static final String HA_VIN = "LRWXF7EK4KC700000";
  public static final String DOCS_VIN = "TEST00000000VIN01";
  static final String ASLEEP_VIN = "5YJSA2DN0DFP21224";
  public static final String HA_VEHICLE_DATA = "home-assistant-core__tesla_fleet_vehicle_data.json";
  public static final String DOCS_VEHICLE_DATA = "teslatte__tesla-docs-2023_vehicle_data.json";

  /** A vehicle list as /api/1/vehicles sends it: two cars online, one asleep. */
  static final String VEHICLES =
      """
      {"response": [
        {"id": 1, "vehicle_id": 11, "vin": "LRWXF7EK4KC700000", "display_name": "Test", "state": "online"},
        {"id": 100021, "vehicle_id": 99999, "vin": "TEST00000000VIN01", "display_name": "Owned", "state": "online"},
        {"id": 1492932717794313, "vehicle_id": 415321864, "vin": "5YJSA2DN0DFP21224", "display_name": "Sleepy",
         "state": "asleep"}
      ], "count": 3}""";

  static final TeslaResponses.FleetUsage USAGE =
      new TeslaResponses.FleetUsage(
          Map.of("data", 120L, "wake", 2L),
          0.28,
          8.64,
          10.0,
          Instant.parse("2026-11-24T12:05:00.500Z"));

  private TeslaPayloadFixtures() {}

  public static TeslaResponses responses(Map<String, String> vehicleData) {
    return new TeslaResponses(
        AT,
        VEHICLES,
        Fixtures.text("tesla", "teslatte__products_2023-11-06.json"),
        vehicleData,
        Map.of("12345", Fixtures.text("tesla", "teslatte__live_status_plugged_in_2023-11-06.json")),
        Map.of("12345", Fixtures.text("tesla", "tesla-api__site_info_solar_powerwall.json")),
        USAGE,
        List.of());
  }

  /** The three cars (HA and docs bodies read), the products site with live_status and site_info. */
  static TeslaReading reading() {
    return parse(
        responses(
            Map.of(
                HA_VIN,
                Fixtures.text("tesla", HA_VEHICLE_DATA),
                DOCS_VIN,
                Fixtures.text("tesla", DOCS_VEHICLE_DATA))));
  }

  public static TeslaReading parse(TeslaResponses responses) {
    try {
      return TeslaReading.parse(responses);
    } catch (PollException e) {
      throw new AssertionError(e);
    }
  }
}
