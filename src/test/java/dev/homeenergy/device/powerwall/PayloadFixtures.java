package dev.homeenergy.device.powerwall;

import dev.homeenergy.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gateway readings built from the captures under {@code src/test/resources/powerwall/}. */
public final class PayloadFixtures {
  private PayloadFixtures() {}

  /** Endpoint → fixture file, for building responses. */
  static Map<String, String> fw2144Running() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("status", "status_fw21.44_running.json");
    files.put("system_status/soe", "soe_fw21.44_running.json");
    files.put("operation", "operation_fw21.44_running.json");
    files.put("sitemaster", "sitemaster_fw21.44_running.json");
    files.put("troubleshooting/problems", "problems_fw21.44_running.json");
    files.put("system_status", "system_status_fw21.44_running.json");
    files.put("system_status/grid_status", "grid_status_fw21.44_running.json");
    files.put("meters/aggregates", "meters_aggregates_fw21.44_running.json");
    files.put("meters/site", "meters_site_neurio_2023.json");
    files.put("meters/solar", "meters_solar_neurio_2023.json");
    files.put("networks", "networks_fw21.44_running.json");
    files.put("powerwalls", "powerwalls_fw21.44_running.json");
    files.put("site_info", "site_info_fw21.44_running.json");
    return files;
  }

  static PowerwallReading reading(Map<String, String> files) {
    Map<String, String> bodies = new LinkedHashMap<>();
    files.forEach((endpoint, file) -> bodies.put(endpoint, Fixtures.text("powerwall", file)));
    return PowerwallReading.parse(new PowerwallResponses(bodies, List.of()));
  }

  /** The fw21.44 running set with some endpoints replaced. */
  public static PowerwallReading fw2144RunningWith(String... endpointFilePairs) {
    Map<String, String> files = fw2144Running();
    for (int i = 0; i < endpointFilePairs.length; i += 2) {
      files.put(endpointFilePairs[i], endpointFilePairs[i + 1]);
    }
    return reading(files);
  }
}
