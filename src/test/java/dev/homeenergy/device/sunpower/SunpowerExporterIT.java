package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.ExporterHarness;
import dev.homeenergy.testing.Exposition;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.Promtool;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exporter against the simulated PVS over loopback HTTP: both firmware modes and every fault.
 */
class SunpowerExporterIT {
  private static final Duration INTERVAL = Duration.ofMillis(200);

  private final MutableClock simulatedTime = MutableClock.at("2026-06-21T19:00:00Z");
  private final ExporterHarness harness = new ExporterHarness(List.of(new SunpowerFamily()));

  @AfterEach
  void stopAll() throws Exception {
    harness.close();
  }

  private SunpowerSimulator pvs(String scenario, String... faults) throws IOException {
    return harness.track(
        SunpowerSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, simulatedTime, Set.of(faults)),
            SunpowerSimulatorSettings.defaults().withPerDeviceLatency(Duration.ZERO)));
  }

  private static DeviceConfig device(
      URI address, NamingStyle naming, Duration timeout, Map<String, Object> extra) {
    return new DeviceConfig(
        "roof",
        SunpowerFamily.TYPE,
        address,
        INTERVAL,
        timeout,
        Duration.ofSeconds(30),
        naming,
        extra);
  }

  private static DeviceConfig device(URI address) {
    return device(address, NamingStyle.NATIVE, Duration.ofSeconds(5), Map.of());
  }

  private static final String UP =
      "home_energy_exporter_device_up{device=\"roof\",type=\"sunpower\"}";
  private static final String POLLS =
      "home_energy_exporter_device_polls_total{device=\"roof\",type=\"sunpower\"}";

  private static String errors(String reason) {
    return "home_energy_exporter_device_poll_errors_total{device=\"roof\",reason=\""
        + reason
        + "\",type=\"sunpower\"}";
  }

  private static long series(Exposition metrics, String name) {
    return metrics.sampleLines().stream().filter(l -> l.startsWith(name + "{")).count();
  }

  private Exposition awaitUp() {
    return harness.awaitScrape(m -> m.value(UP).orElse(0) == 1);
  }

  @Test
  void legacyFirmwareIsReadThroughDeviceList() throws IOException {
    SunpowerSimulator sim = pvs("legacy");
    harness.serve(List.of(device(sim.baseUri())));

    Exposition metrics = awaitUp();
    assertThat(metrics.value("sunpower_pvs_api_info{api=\"dl_cgi\",device=\"roof\"}")).hasValue(1);
    assertThat(series(metrics, "sunpower_pvs_inverter_ac_power_watts")).isEqualTo(12);
    assertThat(series(metrics, "sunpower_pvs_power_meter_average_real_power_watts")).isEqualTo(2);
    assertThat(metrics.hasMetric("sunpower_pvs_supervisor_uptime_seconds")).isTrue();
    assertThat(metrics.hasMetric("sunpower_pvs_grid_profile_info")).isTrue();
    assertThat(sim.commandCount("Start")).isZero();
  }

  @Test
  void lockedFirmwareIsDetectedAndReadThroughVarsWithOneLogin() throws IOException {
    SunpowerSimulator sim = pvs("locked");
    harness.serve(List.of(device(sim.baseUri())));

    Exposition metrics =
        harness.awaitScrape(m -> m.value(UP).orElse(0) == 1 && m.value(POLLS).orElse(0) >= 3);
    assertThat(metrics.value("sunpower_pvs_api_info{api=\"vars\",device=\"roof\"}")).hasValue(1);
    assertThat(series(metrics, "sunpower_pvs_inverter_ac_power_watts")).isEqualTo(12);
    assertThat(metrics.hasMetric("sunpower_pvs_site_pv_power_watts")).isTrue();
    assertThat(sim.logins()).isEqualTo(1);
  }

  @Test
  void aSessionThatExpiresMidRunCostsOneNewLogin() throws IOException {
    SunpowerSimulator sim = pvs("locked");
    harness.serve(List.of(device(sim.baseUri())));
    double polls = awaitUp().value(POLLS).orElseThrow();

    sim.expireSessions();
    Exposition metrics = harness.awaitScrape(m -> m.value(POLLS).orElse(0) >= polls + 3);
    assertThat(metrics.value(UP)).hasValue(1);
    assertThat(metrics.value(errors("auth"))).hasValue(0);
    assertThat(sim.logins()).isEqualTo(2);
  }

  @Test
  void aDeviceListSlowerThanTheTimeoutIsATimeout() throws IOException {
    SunpowerSimulator sim = pvs("legacy", "slow");
    sim.setSlowDelay(Duration.ofSeconds(3));
    harness.serve(
        List.of(device(sim.baseUri(), NamingStyle.NATIVE, Duration.ofMillis(500), Map.of())));

    Exposition metrics = harness.awaitScrape(m -> m.value(errors("timeout")).orElse(0) >= 1);
    assertThat(metrics.value(UP)).hasValue(0);
  }

  @Test
  void aGridProfileErrorDropsOnlyTheGridProfile() throws IOException {
    SunpowerSimulator sim = pvs("legacy", "grid_profile_error");
    harness.serve(List.of(device(sim.baseUri())));

    Exposition metrics =
        harness.awaitScrape(
            m ->
                m.value(UP).orElse(0) == 1
                    && m.value(
                                "home_energy_exporter_device_endpoint_errors_total{device=\"roof\",endpoint=\"GridProfileGet\",reason=\"parse\",type=\"sunpower\"}")
                            .orElse(0)
                        >= 1);
    assertThat(metrics.hasMetric("sunpower_pvs_grid_profile_info")).isFalse();
    assertThat(series(metrics, "sunpower_pvs_inverter_ac_power_watts")).isEqualTo(12);
  }

  @Test
  void serverErrorsFailThePoll() throws IOException {
    SunpowerSimulator sim = pvs("legacy", "http_500");
    harness.serve(List.of(device(sim.baseUri())));
    Exposition metrics = harness.awaitScrape(m -> m.value(errors("http_status")).orElse(0) >= 1);
    assertThat(metrics.value(UP)).hasValue(0);
  }

  @Test
  void invertersInErrorAreShownWithTheirState() throws IOException {
    SunpowerSimulator sim = pvs("legacy", "inverter_error");
    harness.serve(List.of(device(sim.baseUri())));
    Exposition metrics = awaitUp();
    assertThat(metrics.sampleLines())
        .anyMatch(l -> l.startsWith("sunpower_pvs_device_state{") && l.contains("state=\"error\""));
    assertThat(metrics.sampleLines())
        .anyMatch(
            l -> l.startsWith("sunpower_pvs_device_state{") && l.contains("state=\"working\""));
  }

  @Test
  void aMissingProductionMeterLeavesTheConsumptionMeter() throws IOException {
    SunpowerSimulator sim = pvs("legacy", "no_production_meter");
    harness.serve(List.of(device(sim.baseUri())));
    Exposition metrics = awaitUp();
    assertThat(series(metrics, "sunpower_pvs_power_meter_average_real_power_watts")).isEqualTo(1);
  }

  @Test
  void storageDevicesAreExportedOnBothFirmwares() throws IOException {
    for (String scenario : List.of("storage", "storage-locked")) {
      SunpowerSimulator sim = pvs(scenario);
      try (ExporterHarness own = new ExporterHarness(List.of(new SunpowerFamily()))) {
        own.serve(List.of(device(sim.baseUri())));
        Exposition metrics = own.awaitScrape(m -> m.value(UP).orElse(0) == 1);
        assertThat(metrics.metricNames())
            .as(scenario)
            .anyMatch(n -> n.startsWith("sunpower_pvs_storage_"));
      } catch (Exception e) {
        throw new AssertionError(scenario, e);
      }
    }
  }

  @Test
  void deviceTimestampsAreMillisecondsThatPrometheusAccepts() throws Exception {
    SunpowerSimulator sim = pvs("legacy");
    harness.serve(
        List.of(
            device(
                sim.baseUri(),
                NamingStyle.NATIVE,
                Duration.ofSeconds(5),
                Map.of("use_device_data_timestamp", true))));
    Exposition metrics = awaitUp();

    String line =
        metrics.sampleLines().stream()
            .filter(l -> l.startsWith("sunpower_pvs_inverter_ac_power_watts{"))
            .findFirst()
            .orElseThrow();
    assertThat(line).matches(".* \\S+ \\d{13}");
    long stamp = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    assertThat(Math.abs(stamp - simulatedTime.millis()))
        .isLessThan(Duration.ofMinutes(10).toMillis());
    Promtool.Result result = Promtool.checkMetrics(metrics.text());
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void nativeIsLintCleanAndCompatOnlyTripsOnTheSeedsOwnNames() throws Exception {
    SunpowerSimulator sim = pvs("legacy");
    harness.serve(
        List.of(device(sim.baseUri(), NamingStyle.COMPAT, Duration.ofSeconds(5), Map.of())));
    Exposition compat = awaitUp();
    assertThat(compat.hasMetric("sunpower_pvs_inverter_ac_power_watts")).isTrue();
    Promtool.Result result = Promtool.checkMetrics(compat.text());
    assertThat(result.exitCode()).as(result.output()).isIn(0, 3);
    assertThat(result.problems())
        .allSatisfy(p -> assertThat(p.split(" ")[0]).endsWith("_watt_hours"));
  }
}
