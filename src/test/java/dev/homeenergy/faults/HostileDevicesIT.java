package dev.homeenergy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.testing.ChildExporter;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.FaultServer;
import dev.homeenergy.testing.FaultServer.Fault;
import dev.homeenergy.testing.Promtool;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty hostile devices of three families at once (each answering a node bomb just under the 4 MiB
 * cap, or deeply nested JSON) in one exporter with a 64 MiB heap, beside a good Wall Connector: the
 * hostile ones only mark themselves down as {@code parse}, the good one keeps its data, and the
 * process survives with a valid exposition.
 */
class HostileDevicesIT {
  private static final String HEAP = "64m";
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  @TempDir Path dir;

  /** A hostile device: its name, type and the fault server it polls. */
  private record Hostile(String name, String type, URI address) {}

  @Test
  void twentyHostileDevicesOnlyMarkThemselvesDown() throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      FaultTargets.WallConnector wallConnector = new FaultTargets.WallConnector();
      Simulator charger = track(resources, wallConnector.simulator());
      Simulator pvs = track(resources, new FaultTargets.Sunpower("legacy").simulator());
      FaultTargets.Powerwall powerwall = new FaultTargets.Powerwall();
      Simulator gateway = track(resources, powerwall.simulator());

      Map<String, URI> servers = new LinkedHashMap<>();
      for (Fault fault : List.of(Fault.NODE_BOMB, Fault.DEEP_NESTING)) {
        servers.put("wc-" + fault, faulty(resources, charger.baseUri(), null, fault));
        servers.put("pvs-" + fault, faulty(resources, pvs.baseUri(), null, fault));
        servers.put("pw-" + fault, faulty(resources, gateway.baseUri(), powerwall.tls(), fault));
      }
      List<Hostile> hostile = new ArrayList<>();
      int[] counts = {4, 3, 3};
      String[] types = {"wallconnector", "sunpower", "powerwall"};
      String[] prefixes = {"wc-", "pvs-", "pw-"};
      for (Fault fault : List.of(Fault.NODE_BOMB, Fault.DEEP_NESTING)) {
        for (int family = 0; family < types.length; family++) {
          for (int i = 1; i <= counts[family]; i++) {
            String name = prefixes[family] + fault.name().toLowerCase().replace('_', '-') + "-" + i;
            hostile.add(new Hostile(name, types[family], servers.get(prefixes[family] + fault)));
          }
        }
      }
      assertThat(hostile).hasSize(20);

      Files.createDirectories(dir.resolve("state"));
      Path config = dir.resolve("config.yml");
      Files.writeString(config, config(hostile, charger.baseUri()));
      try (ChildExporter exporter =
          ChildExporter.start("dev.homeenergy.Main", config, HEAP, dir.resolve("exporter.log"))) {
        Predicate<Exposition> allHostileDown =
            m ->
                hostile.stream()
                        .allMatch(
                            h ->
                                m.value(up(h)).orElse(1) == 0
                                    && m.value(parseErrors(h)).orElse(0)
                                        >= (h.type().equals("sunpower") ? 1 : 2))
                    && m.value(
                                "home_energy_exporter_device_up{device=\"good\",type=\"wallconnector\"}")
                            .orElse(0)
                        == 1
                    && hasGoodData(m);
        Exposition during = awaitScrape(exporter, allHostileDown);

        assertThat(exporter.alive()).as("the exporter survives:\n%s", exporter.output()).isTrue();
        Exposition later = awaitScrape(exporter, m -> polls(m) > polls(during) + 2);
        assertThat(hasGoodData(later)).as("the good device keeps its data").isTrue();
        assertThat(Promtool.checkMetrics(later.text()).exitCode())
            .as("promtool: %s", Promtool.checkMetrics(later.text()).output())
            .isZero();
        assertThat(exporter.get("/").body())
            .as("the status page names the bounds broken")
            .containsPattern("exceeded \\d+ bytes")
            .contains("nests deeper than " + DeviceJson.MAX_NESTING_DEPTH + " levels");
        assertThat(exporter.alive()).as("the exporter survives:\n%s", exporter.output()).isTrue();
      }
    } finally {
      for (AutoCloseable resource : resources) {
        resource.close();
      }
    }
  }

  private static <T extends AutoCloseable> T track(List<AutoCloseable> resources, T resource) {
    resources.add(resource);
    return resource;
  }

  private static URI faulty(
      List<AutoCloseable> resources, URI upstream, javax.net.ssl.SSLContext tls, Fault fault)
      throws Exception {
    FaultServer server = track(resources, FaultServer.start(upstream, tls, path -> false));
    server.set(fault);
    return server.baseUri();
  }

  private String config(List<Hostile> hostile, URI charger) {
    StringBuilder yaml =
        new StringBuilder("state_dir: " + dir.resolve("state") + "\ndevices:\n")
            .append("  - name: good\n    type: wallconnector\n    address: ")
            .append(charger)
            .append("\n    interval: 1s\n    timeout: 1s\n");
    for (Hostile device : hostile) {
      yaml.append("  - name: ")
          .append(device.name())
          .append("\n    type: ")
          .append(device.type())
          .append("\n    address: ")
          .append(device.address())
          .append('\n');
      switch (device.type()) {
        case "wallconnector" -> yaml.append("    interval: 1s\n    timeout: 1s\n");
        case "powerwall" ->
            yaml.append("    interval: 5s\n    timeout: 5s\n    password: ")
                .append(PowerwallSimulator.DEFAULT_PASSWORD)
                .append('\n');
        default -> yaml.append("    interval: 30s\n    timeout: 10s\n");
      }
    }
    return yaml.toString();
  }

  private static Exposition awaitScrape(ChildExporter exporter, Predicate<Exposition> condition) {
    Exposition[] last = {null};
    try {
      await()
          .atMost(DEADLINE)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                assertThat(exporter.alive())
                    .as("the exporter survives:\n%s", exporter.output())
                    .isTrue();
                HttpResponse<String> response = exporter.get("/metrics");
                assertThat(response.statusCode()).isEqualTo(200);
                last[0] = new Exposition(response.body());
                return condition.test(last[0]);
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "condition not met; last scrape's device series:\n"
              + (last[0] == null
                  ? "(none)"
                  : String.join(
                      "\n",
                      last[0].sampleLines().stream()
                          .filter(l -> l.startsWith("home_energy_exporter_device_"))
                          .filter(l -> l.contains("_up{") || l.contains("poll_errors_total{"))
                          .filter(l -> !l.endsWith(" 0.0"))
                          .toList())),
          e);
    }
    return last[0];
  }

  private static String up(Hostile h) {
    return "home_energy_exporter_device_up{device=\"" + h.name() + "\",type=\"" + h.type() + "\"}";
  }

  private static String parseErrors(Hostile h) {
    return "home_energy_exporter_device_poll_errors_total{device=\""
        + h.name()
        + "\",reason=\"parse\",type=\""
        + h.type()
        + "\"}";
  }

  private static double polls(Exposition m) {
    return m.value(
            "home_energy_exporter_device_polls_total{device=\"good\",type=\"wallconnector\"}")
        .orElse(0);
  }

  private static boolean hasGoodData(Exposition m) {
    return m.sampleLines().stream()
        .anyMatch(
            l -> l.startsWith("tesla_wall_connector_grid_volts{") && l.contains("device=\"good\""));
  }
}
