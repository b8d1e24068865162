package dev.homeenergy.device.wallconnector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.device.wallconnector.sim.SimulatedIdentity;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.ExporterHarness;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.Promtool;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every exposition the exporter can produce for Wall Connectors goes through {@code promtool check
 * metrics}: each firmware variant, idle and charging, failing devices, both namings.
 */
class WallConnectorPromtoolIT {
  /**
   * The seed exporter's own names that promtool's lint objects to. Compat naming must keep them
   * (dashboards query them), so these, and only these, are accepted in compat output.
   */
  static final Set<String> SEED_NAMES_PROMTOOL_DISLIKES =
      Set.of(
          "currentA_a",
          "currentB_a",
          "currentC_a",
          "currentN_a",
          "voltageA_v",
          "voltageB_v",
          "voltageC_v",
          "session_s",
          "uptime_s",
          "charging_time_s",
          "alert_count");

  private static final Pattern PROBLEM = Pattern.compile("^(\\S+) (.+)$");

  private final MutableClock simulatedTime = MutableClock.at("2026-11-24T08:00:00Z");
  private final ExporterHarness harness = new ExporterHarness(List.of(new WallConnectorFamily()));

  @AfterEach
  void stopAll() throws Exception {
    harness.close();
  }

  private WallConnectorSimulator simulator(String scenario, Firmware firmware, String... faults)
      throws Exception {
    return harness.track(
        WallConnectorSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, simulatedTime, Set.of(faults)),
            firmware,
            SimulatedIdentity.defaults()));
  }

  private String exposition(Firmware firmware, NamingStyle naming) throws Exception {
    WallConnectorSimulator idle = simulator("idle", firmware);
    WallConnectorSimulator charging = simulator("charging", firmware);
    WallConnectorSimulator broken = simulator("idle", firmware, "garbage");
    for (int i = 0; i < 5000 && charging.snapshot().vitals().evseState() != 11; i++) {
      simulatedTime.advance(Duration.ofSeconds(2));
    }
    List<DeviceConfig> devices = new ArrayList<>();
    devices.add(device("charging", charging.baseUri(), naming));
    if (naming == NamingStyle.NATIVE) {
      devices.add(device("idle", idle.baseUri(), naming));
    }
    devices.add(device("broken", broken.baseUri(), NamingStyle.NATIVE));
    harness.serve(devices);
    return harness
        .awaitScrape(
            e ->
                e.value(
                                "home_energy_exporter_device_up{device=\"charging\",type=\"wallconnector\"}")
                            .orElse(0)
                        == 1
                    && e.value(
                                "home_energy_exporter_device_poll_errors_total{device=\"broken\",reason=\"parse\",type=\"wallconnector\"}")
                            .orElse(0)
                        >= 1)
        .text();
  }

  private static DeviceConfig device(String name, URI address, NamingStyle naming) {
    return new DeviceConfig(
        name,
        WallConnectorFamily.TYPE,
        address,
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        naming,
        Map.of());
  }

  @ParameterizedTest(name = "firmware {0}")
  @EnumSource(Firmware.class)
  void nativeExpositionIsLintClean(Firmware firmware) throws Exception {
    String text = exposition(firmware, NamingStyle.NATIVE);
    assertThat(text).contains("tesla_wall_connector_power_watts{device=\"charging\"}");

    Promtool.Result result = Promtool.checkMetrics(text);

    assertThat(result.output()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @ParameterizedTest(name = "firmware {0}")
  @EnumSource(Firmware.class)
  void compatExpositionParsesAndOnlyTheSeedsOwnNamesAreLinted(Firmware firmware) throws Exception {
    String text = exposition(firmware, NamingStyle.COMPAT);
    assertThat(text).contains("\ngrid_v ");

    Promtool.Result result = Promtool.checkMetrics(text);

    assertThat(result.exitCode()).as(result.output()).isIn(0, 3);
    assertThat(result.problems())
        .isNotEmpty()
        .allSatisfy(
            problem -> {
              Matcher m = PROBLEM.matcher(problem);
              assertThat(m.matches()).as(problem).isTrue();
              assertThat(SEED_NAMES_PROMTOOL_DISLIKES).as(problem).contains(m.group(1));
            });
  }
}
