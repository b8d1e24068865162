package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.RenderedSamples;
import dev.homeenergy.testing.VisibleOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the TEDAPI scenarios' simulated sites look like to the client: strings that each produce
 * their own share, inverter AC power that follows the day, the Tesla Remote Meter of the Powerwall
 * 3 site, and the healthy site the demo runs.
 */
class TedapiSimulatedSiteTest {
  /** 12:00 site time: the strings produce. */
  private final MutableClock simClock = MutableClock.at("2026-06-21T20:00:00Z");

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final VisibleOutput visible = new VisibleOutput();
  private PowerwallSimulator simulator;
  private PowerwallClient client;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private void start(String scenario) throws IOException {
    simulator =
        PowerwallSimulator.start(
            new SimulatorOptions("127.0.0.1", 0, scenario, simClock, Set.of()));
    DeviceConfig config =
        new DeviceConfig(
            "pw",
            "powerwall",
            simulator.baseUri(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5),
            NamingStyle.NATIVE,
            Map.of(
                "gateway_password",
                new Secret(simulator.gatewayPassword()),
                "tedapi_address",
                simulator.baseUri().getAuthority()));
    client = new PowerwallClient(config, SharedHttp.unshared(clock, visible.recorder(), null));
  }

  private TedapiData poll() throws Exception {
    return client.poll().tedapi().data();
  }

  private void nightFalls() {
    simClock.advance(Duration.ofHours(10));
    clock.advance(Duration.ofSeconds(15));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"powerwall3-tedapi", "powerwall2-tedapi"})
  void eachStringOfAnInverterProducesItsOwnShareOfTheInvertersPvPower(String scenario)
      throws Exception {
    start(scenario);

    TedapiData data = poll();

    assertThat(data.inverters()).isNotEmpty();
    Set<List<Double>> roofs = new HashSet<>();
    for (TedapiData.Inverter inverter : data.inverters()) {
      List<Double> watts = inverter.strings().stream().map(TedapiData.PvString::watts).toList();
      assertThat(watts).allSatisfy(w -> assertThat(w).isPositive());
      assertThat(new HashSet<>(watts)).as("each string its own power").hasSameSizeAs(watts);
      assertThat(watts.stream().mapToDouble(Double::doubleValue).sum())
          .as("the strings add up to the inverter's PV power")
          .isCloseTo(inverter.pvPowerWatts(), within(0.01));
      assertThat(inverter.strings()).allSatisfy(s -> assertThat(s.volts()).isBetween(250.0, 450.0));
      roofs.add(watts);
    }
    assertThat(roofs).as("no two inverters share a roof").hasSameSizeAs(data.inverters());
  }

  @Test
  void theSameUnitHasTheSameStringsEveryTime() throws Exception {
    start("powerwall3-tedapi");
    List<Double> first = volts(poll().inverters().get(1));
    stop();

    start("powerwall3-tedapi");

    assertThat(volts(poll().inverters().get(1))).isEqualTo(first);
  }

  private static List<Double> volts(TedapiData.Inverter inverter) {
    return inverter.strings().stream().map(TedapiData.PvString::volts).toList();
  }

  @Test
  void aPowerwall3UnitsAcPowerIsItsPvAndBatteryPowerLessTheConversionLosses() throws Exception {
    start("powerwall3-tedapi");

    TedapiData.Inverter day = poll().inverters().get(0);
    nightFalls();
    TedapiData.Inverter night = poll().inverters().get(0);

    for (TedapiData.Inverter unit : List.of(day, night)) {
      double dc = unit.pvPowerWatts() + unit.batteryPowerWatts();
      assertThat(unit.acPowerWatts()).isCloseTo(dc > 0 ? dc * 0.97 : dc / 0.97, within(0.01));
    }
    assertThat(day.acPowerWatts()).isNotEqualTo(night.acPowerWatts());
  }

  @Test
  void thePowerwall3SiteHasATeslaRemoteMeterWithOneCtOnItsSinglePhase() throws Exception {
    start("powerwall3-tedapi");

    RenderedSamples s = RenderedSamples.render(new NativeNaming(), client.poll(), "pw");

    String din = PowerwallSimulator.remoteMeterDin();
    String[] ct = {"device", "pw", "din", din, "ct", "1"};
    assertThat(s.value("powerwall_remote_meter_ct_volts", ct)).isBetween(230.0, 250.0);
    assertThat(s.value("powerwall_remote_meter_ct_power_watts", ct))
        .isEqualTo(s.value("powerwall_instant_power_watts", "device", "pw", "category", "site"));
    assertThat(s.hasSeries("powerwall_remote_meter_ct_volts", "din", din, "ct", "2")).isFalse();
  }

  @Test
  void theHealthyPowerwall3SiteRaisesNoComponentAlertByDayOrNight() throws Exception {
    start("powerwall3-tedapi-healthy");

    TedapiData day = poll();
    nightFalls();
    TedapiData night = poll();

    for (TedapiData data : List.of(day, night)) {
      assertThat(data.componentAlerts()).isEmpty();
      assertThat(data.alerts()).containsExactly("SystemConnectedToGrid");
      assertThat(data.inverters()).hasSize(2);
    }
    assertThat(night.inverters().get(0).strings().get(0).state()).isEqualTo("Pv_Standby");
  }

  @Test
  void theCapturedPowerwall3SiteKeepsTheCapturedBatteryAlertsOnEachUnit() throws Exception {
    start("powerwall3-tedapi");

    TedapiData data = poll();

    for (String unit : List.of(simulator.tedapiDin(), PowerwallSimulator.followerDin())) {
      assertThat(data.componentAlerts())
          .contains(
              new TedapiData.ComponentAlert(unit, "bms", "BMS_a037_SW_NVRAM_Config_Error"),
              new TedapiData.ComponentAlert(unit, "bms", "BMS_a048_SW_HVP_HVI_Comms"),
              new TedapiData.ComponentAlert(unit, "bms", "BMS_a083_Nvram_Filecache"));
    }
  }
}
