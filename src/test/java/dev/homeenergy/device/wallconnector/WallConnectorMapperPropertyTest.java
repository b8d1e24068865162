package dev.homeenergy.device.wallconnector;

import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.JsonBodies;
import dev.homeenergy.testing.MapperCheck;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Any body on any Wall Connector endpoint: a parse failure or valid output under both namings. */
class WallConnectorMapperPropertyTest {
  private static final Map<String, List<String>> SEEDS = Map.of(
      WallConnectorClient.VITALS, List.of(Captures.VITALS_FW25_IDLE, Captures.VITALS_CHARGING_40A,
          Captures.VITALS_FW21_IDLE, Captures.VITALS_FW25_FAULTY),
      WallConnectorClient.LIFETIME, List.of(Captures.LIFETIME_FW25, Captures.LIFETIME_2021),
      WallConnectorClient.WIFI_STATUS, List.of(Captures.WIFI_FW25, Captures.WIFI_FW21_REDACTED),
      WallConnectorClient.VERSION, List.of(Captures.VERSION_FW25, Captures.VERSION_2021));

  @Provide
  Arbitrary<Tuple2<String, String>> endpointBodies() {
    return Arbitraries.of(SEEDS.keySet().stream().sorted().toList()).flatMap(endpoint ->
        JsonBodies.from(SEEDS.get(endpoint).stream().map(name -> Fixtures.text("wallconnector", name)).toList())
            .map(b -> Tuple.of(endpoint, b)));
  }

  @Property(tries = 1000)
  void anyBodyParsesOrFailsAsParseAndRendersValidOutput(@ForAll("endpointBodies") Tuple2<String, String> body) {
    Map<String, String> bodies = new java.util.HashMap<>(Map.of(
        WallConnectorClient.VITALS, Fixtures.text("wallconnector", Captures.VITALS_FW25_IDLE),
        WallConnectorClient.LIFETIME, Fixtures.text("wallconnector", Captures.LIFETIME_FW25),
        WallConnectorClient.WIFI_STATUS, Fixtures.text("wallconnector", Captures.WIFI_FW25),
        WallConnectorClient.VERSION, Fixtures.text("wallconnector", Captures.VERSION_FW25)));
    bodies.put(body.get1(), body.get2());
    MapperCheck.check(new WallConnectorFamily(), Map.of(), () -> new WallConnectorReading(
        WallConnectorJson.parse(WallConnectorClient.VITALS, bodies.get(WallConnectorClient.VITALS), Vitals.class),
        WallConnectorJson.parse(WallConnectorClient.LIFETIME, bodies.get(WallConnectorClient.LIFETIME), Lifetime.class),
        WallConnectorJson.parse(WallConnectorClient.WIFI_STATUS, bodies.get(WallConnectorClient.WIFI_STATUS),
            WifiStatus.class),
        WallConnectorJson.parse(WallConnectorClient.VERSION, bodies.get(WallConnectorClient.VERSION), Version.class)));
  }
}
