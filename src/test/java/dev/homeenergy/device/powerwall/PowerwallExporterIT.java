package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorFault;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.ExporterHarness;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.Promtool;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter against the simulated gateway over HTTPS on loopback, scenario by scenario. */
class PowerwallExporterIT {
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final MutableClock simulatedTime = MutableClock.at("2026-06-21T12:00:00Z");
  private ExporterHarness harness = new ExporterHarness(List.of(new PowerwallFamily()));

  @AfterEach
  void stopAll() throws Exception {
    harness.close();
  }

  private PowerwallSimulator simulator(String scenario) throws IOException {
    return harness.track(
        PowerwallSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, simulatedTime, Set.of())));
  }

  private static DeviceConfig device(
      String name, URI address, NamingStyle naming, Map<String, Object> settings) {
    Map<String, Object> extra = new HashMap<>(settings);
    extra.putIfAbsent("password", new Secret(PowerwallSimulator.DEFAULT_PASSWORD));
    return new DeviceConfig(
        name,
        PowerwallFamily.TYPE,
        address,
        INTERVAL,
        TIMEOUT,
        Duration.ofSeconds(30),
        naming,
        extra);
  }

  private static DeviceConfig device(URI address) {
    return device("home", address, NamingStyle.NATIVE, Map.of());
  }

  private static String up(String device) {
    return "home_energy_exporter_device_up{device=\"" + device + "\",type=\"powerwall\"}";
  }

  private static String errors(String device, String reason) {
    return "home_energy_exporter_device_poll_errors_total{device=\""
        + device
        + "\",reason=\""
        + reason
        + "\",type=\"powerwall\"}";
  }

  private Exposition awaitUp(String device) {
    return harness.awaitScrape(m -> m.value(up(device)).orElse(0) == 1);
  }

  private Exposition awaitScrape(Predicate<Exposition> condition) {
    return harness.awaitScrape(condition);
  }

  @Test
  void powerwall2IsReadCompletelyWithOneLogin() throws IOException {
    PowerwallSimulator gateway = simulator("powerwall2");
    harness.serve(List.of(device(gateway.baseUri())));

    awaitScrape(
        m ->
            m.value("home_energy_exporter_device_polls_total{device=\"home\",type=\"powerwall\"}")
                    .orElse(0)
                >= 3);
    Exposition metrics = awaitUp("home");

    assertThat(metrics.value("powerwall_charge_ratio{device=\"home\"}").orElseThrow())
        .isBetween(0.0, 1.0);
    assertThat(metrics.has("powerwall_instant_power_watts{category=\"site\",device=\"home\"}"))
        .isTrue();
    assertThat(metrics.has("powerwall_instant_power_watts{category=\"solar\",device=\"home\"}"))
        .isTrue();
    assertThat(
            metrics.value("powerwall_grid_status{device=\"home\",state=\"SystemGridConnected\"}"))
        .hasValue(1);
    assertThat(metrics.hasMetric("powerwall_battery_info")).isTrue();
    assertThat(metrics.hasMetric("powerwall_info")).isTrue();
    assertThat(metrics.hasMetric("home_energy_exporter_device_endpoint_errors_total")).isFalse();
    assertThat(gateway.successfulLogins()).isEqualTo(1);
    assertThat(gateway.requestCount("/api/config/completed")).isZero();
  }

  @Test
  void powerflowsBalance() throws IOException {
    PowerwallSimulator gateway = simulator("powerwall2");
    harness.serve(List.of(device(gateway.baseUri())));
    Exposition m = awaitUp("home");
    double site =
        m.value("powerwall_instant_power_watts{category=\"site\",device=\"home\"}").orElseThrow();
    double battery =
        m.value("powerwall_instant_power_watts{category=\"battery\",device=\"home\"}")
            .orElseThrow();
    double solar =
        m.value("powerwall_instant_power_watts{category=\"solar\",device=\"home\"}").orElseThrow();
    double load =
        m.value("powerwall_instant_power_watts{category=\"load\",device=\"home\"}").orElseThrow();
    assertThat(site + battery + solar).isCloseTo(load, org.assertj.core.data.Offset.offset(5.0));
  }

  @Test
  void powerwall3sMissingEndpointsAreAskedOnceAndNotCountedAsErrors() throws IOException {
    PowerwallSimulator gateway = simulator("powerwall3");
    harness.serve(List.of(device(gateway.baseUri())));

    Exposition metrics =
        awaitScrape(
            m ->
                m.value(up("home")).orElse(0) == 1
                    && m.value(
                                "home_energy_exporter_device_polls_total{device=\"home\",type=\"powerwall\"}")
                            .orElse(0)
                        >= 3);
    assertThat(metrics.has("powerwall_charge_ratio{device=\"home\"}")).isTrue();
    assertThat(metrics.has("powerwall_instant_power_watts{category=\"site\",device=\"home\"}"))
        .isTrue();
    assertThat(metrics.hasMetric("powerwall_info")).isFalse();
    assertThat(metrics.hasMetric("powerwall_operation_mode")).isFalse();
    assertThat(metrics.hasMetric("home_energy_exporter_device_endpoint_errors_total"))
        .as("a 404 is the firmware lacking the endpoint, not an error")
        .isFalse();
    assertThat(gateway.requestCount("/api/status")).isEqualTo(1);
    assertThat(gateway.requestCount("/api/operation")).isEqualTo(1);
    assertThat(gateway.requestCount("/api/system_status/soe")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aStoppedSitemasterDropsOnlyTheEndpointsThatAnswer502() throws IOException {
    PowerwallSimulator gateway = simulator("sitemaster-stopped");
    harness.serve(List.of(device(gateway.baseUri())));

    Exposition metrics =
        awaitScrape(
            m ->
                m.value(up("home")).orElse(0) == 1
                    && m.value(
                                "home_energy_exporter_device_endpoint_errors_total{device=\"home\",endpoint=\"system_status/soe\",reason=\"http_status\",type=\"powerwall\"}")
                            .orElse(0)
                        >= 1);
    assertThat(metrics.value("powerwall_sitemaster_running{device=\"home\"}")).hasValue(0);
    assertThat(metrics.hasMetric("powerwall_charge_ratio")).isFalse();
    assertThat(metrics.hasMetric("powerwall_info")).isTrue();
  }

  @Test
  void aGridOutageShowsTheIslandedState() throws IOException {
    PowerwallSimulator gateway = simulator("grid-outage");
    harness.serve(List.of(device(gateway.baseUri())));
    Exposition metrics =
        awaitScrape(
            m -> m.has("powerwall_grid_status{device=\"home\",state=\"SystemIslandedActive\"}"));
    assertThat(
            metrics
                .value("powerwall_instant_power_watts{category=\"site\",device=\"home\"}")
                .orElseThrow())
        .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void firmware23ShapesMapToTheSameMetrics() throws IOException {
    PowerwallSimulator gateway = simulator("fw23");
    harness.serve(List.of(device(gateway.baseUri())));
    Exposition metrics = awaitUp("home");
    assertThat(metrics.hasMetric("powerwall_info")).isTrue();
    assertThat(metrics.hasMetric("powerwall_network_enabled")).isTrue();
    assertThat(metrics.hasMetric("powerwall_charge_ratio")).isTrue();
  }

  @Test
  void aWrongPasswordCostsOneLoginPerBackOffNotABurst() throws IOException {
    PowerwallSimulator gateway = simulator("powerwall2");
    harness.serve(
        List.of(
            device(
                "home",
                gateway.baseUri(),
                NamingStyle.NATIVE,
                Map.of("password", new Secret("not-the-password")))));

    Exposition metrics = awaitScrape(m -> m.value(errors("home", "auth")).orElse(0) >= 3);
    assertThat(metrics.value(up("home"))).hasValue(0);
    assertThat(gateway.loginAttempts()).isEqualTo(1);
    assertThat(metrics.text()).doesNotContain("not-the-password");
  }

  @Test
  void aRestartReusesTheSavedSession(@TempDir Path state) throws Exception {
    try (PowerwallSimulator gateway =
        PowerwallSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, "powerwall2", simulatedTime, Set.of()))) {
      harness.serve(List.of(device(gateway.baseUri())), state);
      awaitUp("home");
      harness.close();
      assertThat(gateway.successfulLogins()).isEqualTo(1);
      Path session = state.resolve(".home-energy-exporter-home.session");
      assertThat(Files.getPosixFilePermissions(session))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.readString(session)).doesNotContain(PowerwallSimulator.DEFAULT_PASSWORD);

      harness = new ExporterHarness(List.of(new PowerwallFamily()));
      harness.serve(List.of(device(gateway.baseUri())), state);
      awaitScrape(
          m ->
              m.value("home_energy_exporter_device_polls_total{device=\"home\",type=\"powerwall\"}")
                          .orElse(0)
                      >= 2
                  && m.value(up("home")).orElse(0) == 1);
      assertThat(gateway.loginAttempts()).isEqualTo(1);
    }
  }

  @Test
  void aPinnedCertificateAcceptsItsGatewayAndRejectsAnother(@TempDir Path dir) throws Exception {
    PowerwallSimulator gateway = simulator("powerwall2");
    Path pinned = dir.resolve("gateway.pem");
    GatewayCertificates.writePem(FakeGateway.certificate("simulator-gateway.p12"), pinned);
    Path other = dir.resolve("other.pem");
    GatewayCertificates.writePem(FakeGateway.certificate("simulator-other-gateway.p12"), other);
    harness.serve(
        List.of(
            device(
                "trusted", gateway.baseUri(), NamingStyle.NATIVE, Map.of("tls_cert_file", pinned)),
            device(
                "impostor",
                gateway.baseUri(),
                NamingStyle.NATIVE,
                Map.of("tls_cert_file", other))));

    Exposition metrics =
        awaitScrape(
            m ->
                m.value(up("trusted")).orElse(0) == 1
                    && m.value(errors("impostor", "connect")).orElse(0) >= 1);
    assertThat(metrics.value(up("impostor"))).hasValue(0);
    assertThat(metrics.hasMetric("powerwall_charge_ratio")).isTrue();
  }

  @Test
  void aWifiDropShorterThanRetryTimeoutLeavesNoGap() throws IOException {
    PowerwallSimulator gateway = simulator("powerwall2");
    harness.serve(
        List.of(
            device(
                "home",
                gateway.baseUri(),
                NamingStyle.NATIVE,
                Map.of(
                    "retry_interval",
                    Duration.ofMillis(100),
                    "retry_timeout",
                    Duration.ofSeconds(60)))));
    awaitUp("home");

    gateway.setOffline(true);
    long before = requestsTo(gateway);
    awaitScrape(m -> requestsTo(gateway) > before + 1);
    Exposition during = harness.scrape();
    gateway.setOffline(false);
    double polls =
        during
            .value("home_energy_exporter_device_polls_total{device=\"home\",type=\"powerwall\"}")
            .orElseThrow();
    Exposition after =
        awaitScrape(
            m ->
                m.value(
                            "home_energy_exporter_device_polls_total{device=\"home\",type=\"powerwall\"}")
                        .orElse(0)
                    > polls + 1);

    assertThat(during.has("powerwall_charge_ratio{device=\"home\"}")).isTrue();
    assertThat(during.value(up("home"))).hasValue(1);
    assertThat(after.value(up("home"))).hasValue(1);
    assertThat(after.value(errors("home", "timeout"))).hasValue(0);
    assertThat(after.value(errors("home", "connect"))).hasValue(0);
  }

  /**
   * Requests to every path: a poll that the outage caught halfway retries the endpoint it was on,
   * which need not be {@code /api/status}.
   */
  private static long requestsTo(PowerwallSimulator gateway) {
    return gateway.requestCounts().values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void nativeOutputIsLintCleanAndCompatOnlyTripsOnTheSeedsOwnNames() throws Exception {
    PowerwallSimulator gateway = simulator("powerwall2");
    harness.serve(
        List.of(
            device("home", gateway.baseUri(), NamingStyle.NATIVE, Map.of()),
            device("compat", gateway.baseUri(), NamingStyle.COMPAT, Map.of())));
    Exposition metrics =
        awaitScrape(
            m -> m.value(up("home")).orElse(0) == 1 && m.value(up("compat")).orElse(0) == 1);

    Promtool.Result result = Promtool.checkMetrics(metrics.text());
    assertThat(result.exitCode()).as(result.output()).isIn(0, 3);
    assertThat(result.problems())
        .allSatisfy(
            problem ->
                assertThat(problem.split(" ")[0])
                    .isIn(
                        "powerwall_commission_count",
                        "powerwall_problems_detected_count",
                        "powerwall_uptime_seconds"));
  }

  @Test
  void aFlakyGatewayIsCountedAsTimeoutsWithoutRetries() throws IOException {
    PowerwallSimulator gateway = simulator("flaky");
    for (int i = 0; i < 400 && !gateway.isOffline(); i++) {
      simulatedTime.advance(Duration.ofSeconds(1));
    }
    assertThat(gateway.isOffline()).as("flaky gateway in an outage").isTrue();
    harness.serve(
        List.of(
            new DeviceConfig(
                "home",
                PowerwallFamily.TYPE,
                gateway.baseUri(),
                INTERVAL,
                Duration.ofMillis(300),
                Duration.ofSeconds(30),
                NamingStyle.NATIVE,
                Map.of("password", new Secret(PowerwallSimulator.DEFAULT_PASSWORD)))));

    Exposition metrics = awaitScrape(m -> m.value(errors("home", "timeout")).orElse(0) >= 1);
    assertThat(metrics.value(up("home"))).hasValue(0);
  }

  @Test
  void anEndpointThatAlwaysAnswers403IsAnEndpointFailureNotALoginLoop() throws IOException {
    PowerwallSimulator gateway = simulator("powerwall2");
    harness.serve(List.of(device(gateway.baseUri())));
    awaitUp("home");
    gateway.setFaults(Set.of(PowerwallSimulatorFault.FORBIDDEN_NETWORKS));
    String polls = "home_energy_exporter_device_polls_total{device=\"home\",type=\"powerwall\"}";
    double before = harness.scrape().value(polls).orElseThrow();

    Exposition metrics = awaitScrape(m -> m.value(polls).orElse(0) >= before + 5);

    assertThat(metrics.value(up("home"))).hasValue(1);
    assertThat(metrics.value(errors("home", "auth"))).hasValue(0);
    assertThat(
            metrics
                .value(
                    "home_energy_exporter_device_endpoint_errors_total{device=\"home\",endpoint=\"networks\",reason=\"auth\",type=\"powerwall\"}")
                .orElse(0))
        .isGreaterThanOrEqualTo(4);
    assertThat(metrics.hasMetric("powerwall_network_enabled")).isFalse();
    assertThat(metrics.has("powerwall_charge_ratio{device=\"home\"}")).isTrue();
    assertThat(metrics.has("powerwall_instant_power_watts{category=\"site\",device=\"home\"}"))
        .isTrue();
    assertThat(gateway.loginAttempts()).isEqualTo(2);
  }

  @Test
  void anExpiredTokenCostsExactlyOneNewLogin() throws IOException {
    PowerwallSimulator gateway = simulator("powerwall2");
    harness.serve(List.of(device(gateway.baseUri())));
    awaitUp("home");
    gateway.expireTokens();
    double polls =
        harness
            .scrape()
            .value("home_energy_exporter_device_polls_total{device=\"home\",type=\"powerwall\"}")
            .orElseThrow();

    Exposition metrics =
        awaitScrape(
            m ->
                m.value(
                            "home_energy_exporter_device_polls_total{device=\"home\",type=\"powerwall\"}")
                        .orElse(0)
                    >= polls + 3);
    assertThat(metrics.value(up("home"))).hasValue(1);
    assertThat(metrics.value(errors("home", "auth"))).hasValue(0);
    assertThat(gateway.successfulLogins()).isEqualTo(2);
  }
}
