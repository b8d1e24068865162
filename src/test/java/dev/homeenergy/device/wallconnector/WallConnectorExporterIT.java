package dev.homeenergy.device.wallconnector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.device.wallconnector.sim.Fault;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.ExporterHarness;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exporter against simulated Wall Connectors over loopback HTTP: every scenario and fault,
 * asserting what a Prometheus scrape of {@code /metrics} shows.
 */
class WallConnectorExporterIT {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration TIMEOUT = Duration.ofMillis(400);
  private static final Duration STALE_AFTER = Duration.ofMillis(1500);

  private final MutableClock simulatedTime = MutableClock.at("2026-11-24T08:00:00Z");
  private final ExporterHarness harness = new ExporterHarness(List.of(new WallConnectorFamily()));

  @AfterEach
  void stopAll() throws Exception {
    harness.close();
  }

  private WallConnectorSimulator simulator(String scenario, String... faults) throws IOException {
    return harness.track(
        WallConnectorSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, simulatedTime, Set.of(faults))));
  }

  private static DeviceConfig device(String name, URI address, NamingStyle naming) {
    return new DeviceConfig(
        name, WallConnectorFamily.TYPE, address, INTERVAL, TIMEOUT, STALE_AFTER, naming, Map.of());
  }

  private void serve(DeviceConfig... devices) throws IOException {
    harness.serve(List.of(devices));
  }

  private Exposition scrape() {
    return harness.scrape();
  }

  private Exposition awaitScrape(Predicate<Exposition> condition) {
    return harness.awaitScrape(condition);
  }

  private static String up(String device) {
    return "home_energy_exporter_device_up{device=\"" + device + "\",type=\"wallconnector\"}";
  }

  private static String errors(String device, String reason) {
    return "home_energy_exporter_device_poll_errors_total{device=\""
        + device
        + "\",reason=\""
        + reason
        + "\",type=\"wallconnector\"}";
  }

  private static double value(Exposition exposition, String series) {
    return exposition.value(series).orElseThrow(() -> new AssertionError("no sample " + series));
  }

  @Test
  void idleUnitIsUpWithEveryEndpointExported() throws IOException {
    WallConnectorSimulator simulator = simulator("idle");
    serve(device("garage", simulator.baseUri(), NamingStyle.NATIVE));

    Exposition metrics = awaitScrape(m -> m.value(up("garage")).orElse(0) == 1);

    assertThat(value(metrics, "tesla_wall_connector_grid_volts{device=\"garage\"}"))
        .isBetween(200.0, 270.0);
    assertThat(
            value(
                metrics,
                "tesla_wall_connector_evse_state{device=\"garage\",state=\"not_connected\"}"))
        .isEqualTo(1);
    assertThat(value(metrics, "tesla_wall_connector_vehicle_connected{device=\"garage\"}"))
        .isZero();
    assertThat(value(metrics, "tesla_wall_connector_power_watts{device=\"garage\"}")).isZero();
    assertThat(value(metrics, "tesla_wall_connector_wifi_connected{device=\"garage\"}"))
        .isEqualTo(1);
    assertThat(metrics.line("tesla_wall_connector_info{device=\"garage\"")).isEmpty();
    assertThat(metrics.sampleLines())
        .anyMatch(
            l ->
                l.startsWith("tesla_wall_connector_info{device=\"garage\",firmware_version=\"25."));
    assertThat(
            value(metrics, "tesla_wall_connector_energy_delivered_joules_total{device=\"garage\"}"))
        .isEqualTo(simulator.lifetimeEnergyWh() * 3600.0);
    assertThat(simulator.requestCount("/api/1/version")).isEqualTo(1);
  }

  @Test
  void chargingCycleIsFollowedFromPlugInToUnplug() throws IOException {
    WallConnectorSimulator simulator = simulator("charging");
    serve(device("garage", simulator.baseUri(), NamingStyle.NATIVE));
    awaitScrape(m -> m.value(up("garage")).orElse(0) == 1);
    double lifetimeBefore =
        value(scrape(), "tesla_wall_connector_energy_delivered_joules_total{device=\"garage\"}");

    advanceUntil(
        simulator,
        s -> s.snapshot().vitals().evseState() == 11 && s.snapshot().vitals().currentBA() > 39);
    Exposition charging =
        awaitScrape(
            m ->
                m.has("tesla_wall_connector_evse_state{device=\"garage\",state=\"charging\"}")
                    && m.value("tesla_wall_connector_power_watts{device=\"garage\"}").orElse(0)
                        > 9000);
    assertThat(value(charging, "tesla_wall_connector_contactor_closed{device=\"garage\"}"))
        .isEqualTo(1);
    assertThat(
            value(
                charging,
                "tesla_wall_connector_phase_current_amperes{device=\"garage\",phase=\"B\"}"))
        .isGreaterThan(39);
    assertThat(harness.landingPage()).containsPattern("<dd>charging at \\d+\\.\\d A, \\d+ V");

    advanceUntil(
        simulator,
        s ->
            s.snapshot().vitals().vehicleConnected()
                && !s.snapshot().vitals().contactorClosed()
                && s.snapshot().vitals().sessionEnergyWh() > 1000);
    advanceUntil(simulator, s -> !s.snapshot().vitals().vehicleConnected());
    double sessionWh = simulator.snapshot().vitals().sessionEnergyWh();
    Exposition unplugged =
        awaitScrape(
            m ->
                m.value("tesla_wall_connector_vehicle_connected{device=\"garage\"}").orElse(1) == 0
                    && m.value("tesla_wall_connector_session_energy_joules{device=\"garage\"}")
                            .orElse(0)
                        > 0);

    assertThat(value(unplugged, "tesla_wall_connector_session_duration_seconds{device=\"garage\"}"))
        .isZero();
    assertThat(value(unplugged, "tesla_wall_connector_session_energy_joules{device=\"garage\"}"))
        .isCloseTo(sessionWh * 3600, org.assertj.core.data.Offset.offset(3600.0));
    assertThat(
            value(
                    unplugged,
                    "tesla_wall_connector_energy_delivered_joules_total{device=\"garage\"}")
                - lifetimeBefore)
        .isCloseTo(sessionWh * 3600, org.assertj.core.data.Offset.offset(2 * 3600.0));
    assertThat(value(unplugged, "tesla_wall_connector_power_watts{device=\"garage\"}")).isZero();
  }

  private void advanceUntil(
      WallConnectorSimulator simulator, Predicate<WallConnectorSimulator> condition) {
    for (int i = 0; i < 20_000 && !condition.test(simulator); i++) {
      simulatedTime.advance(Duration.ofSeconds(2));
    }
    assertThat(condition.test(simulator)).as("simulated state reached").isTrue();
  }

  @Test
  void aUnitThatDropsOffTheNetworkTimesOutGoesStaleAndRecovers() throws IOException {
    WallConnectorSimulator simulator = simulator("idle");
    serve(device("garage", simulator.baseUri(), NamingStyle.NATIVE));
    awaitScrape(m -> m.value(up("garage")).orElse(0) == 1);

    simulator.setOffline(true);
    Exposition down = awaitScrape(m -> m.value(up("garage")).orElse(1) == 0);
    assertThat(value(down, errors("garage", "timeout"))).isGreaterThanOrEqualTo(1);

    Exposition stale = awaitScrape(m -> !m.hasMetric("tesla_wall_connector_grid_volts"));
    assertThat(stale.has(up("garage"))).isTrue();
    assertThat(stale.hasMetric("home_energy_exporter_device_last_success_timestamp_seconds"))
        .isTrue();
    assertThat(stale.hasMetric("tesla_wall_connector_info")).isFalse();

    simulator.setOffline(false);
    Exposition back = awaitScrape(m -> m.value(up("garage")).orElse(0) == 1);
    assertThat(back.has("tesla_wall_connector_grid_volts{device=\"garage\"}")).isTrue();
  }

  @Test
  void flakyScenarioIsCountedAsTimeouts() throws IOException {
    WallConnectorSimulator simulator = simulator("flaky");
    serve(device("carport", simulator.baseUri(), NamingStyle.NATIVE));
    for (int i = 0; i < 200 && !simulator.isOffline(); i++) {
      simulatedTime.advance(Duration.ofSeconds(1));
    }
    assertThat(simulator.isOffline()).as("flaky unit is in an outage").isTrue();
    Exposition metrics = awaitScrape(m -> m.value(errors("carport", "timeout")).orElse(0) >= 1);
    assertThat(value(metrics, up("carport"))).isZero();
  }

  @Test
  void bareNanInLifetimeIsTolerated() throws IOException {
    WallConnectorSimulator simulator = simulator("idle", "nan");
    serve(device("garage", simulator.baseUri(), NamingStyle.NATIVE));

    Exposition metrics = awaitScrape(m -> m.value(up("garage")).orElse(0) == 1);
    assertThat(metrics.hasMetric("tesla_wall_connector_average_startup_temperature_celsius"))
        .isFalse();
    assertThat(metrics.has("tesla_wall_connector_charge_starts_total{device=\"garage\"}")).isTrue();
    assertThat(value(metrics, errors("garage", "parse"))).isZero();
  }

  @Test
  void truncatedBodiesAreParseErrors() throws IOException {
    assertFaultCountsAs("truncated", "parse");
  }

  @Test
  void garbageBodiesAreParseErrors() throws IOException {
    assertFaultCountsAs("garbage", "parse");
  }

  @Test
  void serverErrorsAreHttpStatusErrors() throws IOException {
    assertFaultCountsAs("http_500", "http_status");
  }

  @Test
  void slowAnswersAreTimeouts() throws IOException {
    WallConnectorSimulator simulator = simulator("idle", "slow");
    simulator.setSlowDelay(Duration.ofSeconds(2));
    serve(device("garage", simulator.baseUri(), NamingStyle.NATIVE));
    Exposition metrics = awaitScrape(m -> m.value(errors("garage", "timeout")).orElse(0) >= 1);
    assertThat(value(metrics, up("garage"))).isZero();

    simulator.disable(Fault.SLOW);
    awaitScrape(m -> m.value(up("garage")).orElse(0) == 1);
  }

  @Test
  void nothingListeningIsAConnectError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    serve(device("ghost", URI.create("http://127.0.0.1:" + closedPort), NamingStyle.NATIVE));
    Exposition metrics = awaitScrape(m -> m.value(errors("ghost", "connect")).orElse(0) >= 1);
    assertThat(value(metrics, up("ghost"))).isZero();
  }

  private void assertFaultCountsAs(String fault, String reason) throws IOException {
    WallConnectorSimulator simulator = simulator("idle", fault);
    serve(device("garage", simulator.baseUri(), NamingStyle.NATIVE));
    Exposition metrics = awaitScrape(m -> m.value(errors("garage", reason)).orElse(0) >= 1);
    assertThat(value(metrics, up("garage"))).isZero();
    assertThat(metrics.hasMetric("tesla_wall_connector_grid_volts")).isFalse();

    simulator.setFaults(Set.of());
    Exposition recovered = awaitScrape(m -> m.value(up("garage")).orElse(0) == 1);
    assertThat(recovered.has("tesla_wall_connector_grid_volts{device=\"garage\"}")).isTrue();
  }

  @Test
  void aFailingDeviceNeverBlanksTheOthers() throws IOException {
    WallConnectorSimulator healthy = simulator("idle");
    WallConnectorSimulator broken = simulator("idle", "garbage");
    WallConnectorSimulator hanging = simulator("idle");
    hanging.setOffline(true);
    serve(
        device("good", healthy.baseUri(), NamingStyle.NATIVE),
        device("bad", broken.baseUri(), NamingStyle.NATIVE),
        device("hung", hanging.baseUri(), NamingStyle.NATIVE));

    Exposition metrics =
        awaitScrape(
            m ->
                m.value(up("good")).orElse(0) == 1
                    && m.value(errors("bad", "parse")).orElse(0) >= 1
                    && m.value(errors("hung", "timeout")).orElse(0) >= 1);
    assertThat(metrics.has("tesla_wall_connector_grid_volts{device=\"good\"}")).isTrue();
    assertThat(metrics.has("tesla_wall_connector_grid_volts{device=\"bad\"}")).isFalse();
    assertThat(value(metrics, up("bad"))).isZero();
    assertThat(value(metrics, up("hung"))).isZero();
  }

  @Test
  void compatNamingServesTheSeedNamesWithoutADeviceLabel() throws IOException {
    WallConnectorSimulator simulator = simulator("idle");
    serve(device("garage", simulator.baseUri(), NamingStyle.COMPAT));

    Exposition metrics = awaitScrape(m -> m.value(up("garage")).orElse(0) == 1);
    assertThat(metrics.value("grid_v")).isPresent();
    assertThat(metrics.value("uptime_all")).isPresent();
    assertThat(metrics.value("currentA_a")).isPresent();
    assertThat(metrics.sampleLines())
        .anyMatch(l -> l.matches("wifi_ssid\\{value=\"[A-Za-z0-9+/=]+\"} 1\\.0"));
    assertThat(metrics.sampleLines())
        .anyMatch(l -> l.startsWith("evse_not_ready_reasons{values=\""));
    assertThat(metrics.hasMetric("tesla_wall_connector_grid_volts")).isFalse();
  }
}
