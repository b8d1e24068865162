package dev.homeenergy.device.powerwall;

import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.JsonBodies;
import dev.homeenergy.testing.JsonBodies.EndpointBody;
import dev.homeenergy.testing.MapperCheck;
import dev.homeenergy.testing.PropertyRuns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Any body on any gateway endpoint: valid output under both namings (a bad body only drops its
 * endpoint).
 */
class PowerwallMapperPropertyTest {
  private static final Map<String, List<String>> SEEDS = new LinkedHashMap<>();

  static {
    PayloadFixtures.fw2144Running().forEach((endpoint, file) -> SEEDS.put(endpoint, List.of(file)));
    SEEDS.put(
        "status",
        List.of(
            "status_fw21.44_running.json", "status_fw23.44.json", "status_gw1_hec_1.50.1.json"));
    SEEDS.put(
        "system_status",
        List.of(
            "system_status_fw21.44_running.json",
            "system_status_3_blocks_one_disabled.json",
            "system_status_fw23.28_two_blocks_one_serial.json"));
    SEEDS.put(
        "meters/aggregates",
        List.of(
            "meters_aggregates_fw21.44_running.json",
            "meters_aggregates_2018.json",
            "meters_aggregates_fw23.28.json"));
    SEEDS.put(
        "meters/site",
        List.of("meters_site_neurio_2023.json", "meters_site_fw23.28_synchrometer.json"));
    SEEDS.put(
        "networks", List.of("networks_fw21.44_running.json", "networks_fw23.28_base64_mask.json"));
    SEEDS.put(
        "site_info", List.of("site_info_fw21.44_running.json", "site_info_flat_pre2021.json"));
  }

  @Test
  void anyBodyRendersValidOutput() {
    Map<String, List<String>> seeds = new LinkedHashMap<>();
    SEEDS.forEach(
        (endpoint, files) ->
            seeds.put(
                endpoint, files.stream().map(name -> Fixtures.text("powerwall", name)).toList()));
    PropertyRuns.tries(1000)
        .check(
            JsonBodies.edgeCases(seeds), JsonBodies.perEndpoint(seeds), this::rendersValidOutput);
  }

  private void rendersValidOutput(EndpointBody body) {
    Map<String, String> bodies = new LinkedHashMap<>();
    PayloadFixtures.fw2144Running()
        .forEach((endpoint, file) -> bodies.put(endpoint, Fixtures.text("powerwall", file)));
    bodies.put(body.endpoint(), body.body());
    MapperCheck.check(
        new PowerwallFamily(),
        Map.of(),
        () -> PowerwallReading.parse(new PowerwallResponses(bodies, List.of())));
  }
}
