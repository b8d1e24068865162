package dev.homeenergy.device.wallconnector;

import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.JsonBodies;
import dev.homeenergy.testing.JsonBodies.EndpointBody;
import dev.homeenergy.testing.MapperCheck;
import dev.homeenergy.testing.PropertyRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Any body on any Wall Connector endpoint: a parse failure or valid output under both namings. */
class WallConnectorMapperPropertyTest {
  private static final Map<String, List<String>> SEEDS =
      Map.of(
          WallConnectorClient.VITALS,
              List.of(
                  Captures.VITALS_FW25_IDLE,
                  Captures.VITALS_CHARGING_40A,
                  Captures.VITALS_FW21_IDLE,
                  Captures.VITALS_FW25_FAULTY),
          WallConnectorClient.LIFETIME, List.of(Captures.LIFETIME_FW25, Captures.LIFETIME_2021),
          WallConnectorClient.WIFI_STATUS, List.of(Captures.WIFI_FW25, Captures.WIFI_FW21_REDACTED),
          WallConnectorClient.VERSION, List.of(Captures.VERSION_FW25, Captures.VERSION_2021));

  @Test
  void anyBodyParsesOrFailsAsParseAndRendersValidOutput() {
    Map<String, List<String>> seeds = new java.util.HashMap<>();
    SEEDS.forEach(
        (endpoint, files) ->
            seeds.put(
                endpoint,
                files.stream().map(name -> Fixtures.text("wallconnector", name)).toList()));
    PropertyRuns.tries(1000)
        .check(
            JsonBodies.edgeCases(seeds),
            JsonBodies.perEndpoint(seeds),
            this::parsesOrFailsAsParseAndRendersValidOutput);
  }

  private void parsesOrFailsAsParseAndRendersValidOutput(EndpointBody body) {
    Map<String, String> bodies =
        new java.util.HashMap<>(
            Map.of(
                WallConnectorClient.VITALS,
                    Fixtures.text("wallconnector", Captures.VITALS_FW25_IDLE),
                WallConnectorClient.LIFETIME,
                    Fixtures.text("wallconnector", Captures.LIFETIME_FW25),
                WallConnectorClient.WIFI_STATUS, Fixtures.text("wallconnector", Captures.WIFI_FW25),
                WallConnectorClient.VERSION,
                    Fixtures.text("wallconnector", Captures.VERSION_FW25)));
    bodies.put(body.endpoint(), body.body());
    MapperCheck.check(
        new WallConnectorFamily(),
        Map.of(),
        () ->
            new WallConnectorReading(
                WallConnectorJson.parse(
                    WallConnectorClient.VITALS,
                    bodies.get(WallConnectorClient.VITALS),
                    Vitals.class),
                WallConnectorJson.parse(
                    WallConnectorClient.LIFETIME,
                    bodies.get(WallConnectorClient.LIFETIME),
                    Lifetime.class),
                WallConnectorJson.parse(
                    WallConnectorClient.WIFI_STATUS,
                    bodies.get(WallConnectorClient.WIFI_STATUS),
                    WifiStatus.class),
                WallConnectorJson.parse(
                    WallConnectorClient.VERSION,
                    bodies.get(WallConnectorClient.VERSION),
                    Version.class)));
  }
}
