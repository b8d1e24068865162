package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.device.powerwall.TedapiData.Battery;
import dev.homeenergy.device.powerwall.TedapiData.Inverter;
import dev.homeenergy.testing.RenderedSamples;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The TEDAPI mapping over every capture: the real Powerwall 3 (basic and full
 * DeviceControllerQuery, its components) and the synthetic Powerwall 2 (shape only).
 */
class TedapiMappingTest {
  static final String PW3 = "1707000-30-L--TG12520300269B";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double KWH = 3_600_000;

  static JsonNode capture(String name) {
    try (InputStream in =
        TedapiMappingTest.class.getResourceAsStream("sim/tedapi/" + name + ".json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static TedapiData pw3(String status) {
    return TedapiParser.parse(
        capture("pw3_config"), capture(status), Map.of(PW3, capture("pw3_components")));
  }

  @Test
  void thePowerwall3SiteValues() {
    TedapiData d = pw3("pw3_status_basic");

    assertThat(d.powerWatts())
        .containsEntry("battery", 855.0)
        .containsEntry("site", 6.0)
        .containsEntry("solar_rgm", 0.0)
        .containsKeys("load", "solar", "generator", "conductor");
    assertThat(d.fullPackJoules()).isEqualTo(43200 * 3600.0);
    assertThat(d.remainingJoules()).isEqualTo(33650 * 3600.0);
    assertThat(d.chargeRatio()).isCloseTo(0.778935, within(1e-6));
    assertThat(d.gridConnected()).isTrue();
    assertThat(d.islandGridState()).isEqualTo("ISLAND_GridState_Grid_Compliant");
    assertThat(d.islandMode()).isEqualTo("BACKUP");
    assertThat(d.contactorClosed()).isTrue();
    assertThat(d.siteShutdown()).isFalse();
    assertThat(d.sitemasterRunning()).isTrue();
    assertThat(d.alerts()).containsExactly("SystemConnectedToGrid", "FWUpdateFailed");
    assertThat(d.reserveRatio()).isEqualTo(0.24);
    assertThat(d.operationMode()).isEqualTo("self_consumption");
    assertThat(d.nominalEnergyJoules()).isEqualTo(40.5 * KWH);
    assertThat(d.nominalPowerWatts()).isCloseTo(11040, within(1e-9));
    assertThat(d.blocks())
        .extracting(TedapiData.Block::role)
        .containsExactly("unit", "expansion", "expansion");
  }

  @Test
  void onlyThePhasesTheConfigUsesAreRead() {
    TedapiData d = pw3("pw3_status_basic");

    assertThat(d.island())
        .containsExactly(
            new TedapiData.Island("l1", "main", 240.5, 50.01),
            new TedapiData.Island("l1", "load", 239.5, 50.01));
    assertThat(d.meterVolts())
        .containsExactly(
            new TedapiData.MeterVolts("x", "l1", 238.53),
            new TedapiData.MeterVolts("y", "l1", 237.35));
  }

  @Test
  void onlyTheConfiguredCtsOfLiveMetersAreRead() {
    TedapiData d = pw3("pw3_status_basic");

    assertThat(d.cts()).containsExactly(new TedapiData.Ct("x", "a", -1.0, -721.0, 4.0965));
  }

  @Test
  void thePowerwall3UnitWithItsSixStrings() {
    Inverter unit = pw3("pw3_status_basic").inverters().get(0);

    assertThat(unit.id()).isEqualTo(PW3);
    assertThat(unit.strings())
        .extracting(TedapiData.PvString::name)
        .containsExactly("A", "B", "C", "D", "E", "F");
    TedapiData.PvString a = unit.strings().get(0);
    assertThat(a.volts()).isEqualTo(28.0);
    assertThat(a.amperes()).as("night noise clamped").isEqualTo(0.0);
    assertThat(a.watts()).isEqualTo(0.0);
    assertThat(a.connected()).isFalse();
    assertThat(a.state()).isEqualTo("Pv_Standby");
    assertThat(unit.pvPowerWatts()).isEqualTo(0.0);
    assertThat(unit.volts()).isEqualTo(238.4);
    assertThat(unit.hertz()).isEqualTo(50.0025);
    assertThat(unit.lineVolts()).containsOnlyKeys("an", "bn");
    assertThat(unit.states())
        .containsEntry("state", "Pch_Active")
        .containsEntry("ac_mode", "AcMode_GridFollowing")
        .containsEntry("dcdc_a", "Dcdc_Active");
    assertThat(unit.batteryPowerWatts()).isEqualTo(1020.0);
    assertThat(unit.acPowerWatts()).isEqualTo(880.0);
    assertThat(unit.packs()).containsEntry("connected", 3.0).containsEntry("expected", 3.0);
  }

  @Test
  void packsComeFromTheComponentsWithThePhantomSlotSkipped() {
    List<Battery> batteries = pw3("pw3_status_basic").batteries();

    assertThat(batteries)
        .extracting(Battery::serial)
        .containsExactly("TG1252040013Y5", "TG125214002DF3", "TG1252580009ZX");
    assertThat(batteries.get(0).fullPackJoules()).isCloseTo(14.42 * KWH, within(1e-3));
    assertThat(batteries.get(2).remainingJoules()).isCloseTo(11.27 * KWH, within(1e-3));
  }

  @Test
  void placeholderPowerwall2DevicesOfAPowerwall3AreSkipped() {
    TedapiData d = pw3("pw3_status_basic");

    assertThat(d.inverters()).hasSize(1);
    assertThat(d.batteries()).allSatisfy(b -> assertThat(b.pinvState()).isNull());
  }

  @Test
  void componentAlertsAreListedPerUnitAndGroup() {
    assertThat(pw3("pw3_status_basic").componentAlerts())
        .contains(
            new TedapiData.ComponentAlert(PW3, "pch", "PCH_a054_pwsDisabledMpptEnableLine"),
            new TedapiData.ComponentAlert(PW3, "bms", "BMS_a037_SW_NVRAM_Config_Error"),
            new TedapiData.ComponentAlert(PW3, "bms", "BMS_a083_Nvram_Filecache"));
  }

  @Test
  void theFullQueryAloneGivesPerPackEnergyAndComponentAlerts() {
    TedapiData d = TedapiParser.parse(capture("pw3_config"), capture("pw3_status_full"), Map.of());

    assertThat(d.batteries())
        .extracting(Battery::serial)
        .containsExactly("TG1252040013Y5", "TG125214002DF3", "TG1252580009ZX");
    assertThat(d.componentAlerts())
        .contains(new TedapiData.ComponentAlert("JBL24311Y2H06X", "msa", "SYNC_a001_SW_App_Boot"));
    assertThat(d.fullPackJoules()).isEqualTo(43200 * 3600.0);
  }

  @Test
  void theFullQueryAndTheComponentsDoNotRepeatAPack() {
    assertThat(pw3("pw3_status_full").batteries()).hasSize(3);
  }

  @Test
  void theSyntheticPowerwall2GivesStringsPerSolarInverterAndPacks() {
    TedapiData d =
        TedapiParser.parse(
            capture("pw2_config_SYNTHETIC"), capture("pw2_status_SYNTHETIC"), Map.of());

    assertThat(d.inverters()).isNotEmpty();
    assertThat(d.inverters().get(0).strings())
        .extracting(TedapiData.PvString::name)
        .containsExactly("A", "B", "C", "D");
    assertThat(d.batteries()).hasSize(2);
    assertThat(d.batteries()).allSatisfy(b -> assertThat(b.fullPackJoules()).isPositive());
    assertThat(TedapiParser.powerwall3Units(capture("pw2_config_SYNTHETIC"))).isEmpty();
  }

  @Test
  void nothingAtAllGivesAnEmptyReading() {
    TedapiData d = TedapiParser.parse(null, JSON.createObjectNode(), Map.of());

    assertThat(d.powerWatts()).isEmpty();
    assertThat(d.inverters()).isEmpty();
    assertThat(d.chargeRatio()).isNull();
  }

  @Test
  void nullsEverywhereAreSkipped() throws IOException {
    JsonNode status =
        JSON.readTree(
            "{\"control\":{\"meterAggregates\":[{\"location\":null,\"realPowerW\":null}],"
                + "\"systemStatus\":null,\"alerts\":{\"active\":[null]}},"
                + "\"esCan\":{\"bus\":{\"PVAC\":[null],\"THC\":[{}],\"SYNC\":null}}}");
    JsonNode components =
        JSON.readTree("{\"components\":{\"pch\":[{\"signals\":[{\"name\":null}]}],\"bms\":null}}");

    TedapiData d = TedapiParser.parse(null, status, Map.of(PW3, components));

    assertThat(d.powerWatts()).isEmpty();
    assertThat(d.alerts()).isEmpty();
    assertThat(d.batteries()).isEmpty();
    assertThat(d.inverters()).singleElement().satisfies(u -> assertThat(u.strings()).isEmpty());
  }

  @Test
  void theNativeNamesMatchTheApiFamiliesWhereTheMeaningIsTheSame() {
    TedapiReading reading =
        new TedapiReading(
            Map.of("status", new TedapiReading.QueryHealth(true, 0.25)),
            List.of(new TedapiReading.ResponseCount("status", 200, 3)),
            false,
            List.of(new TedapiReading.Rejection("components", "V2026_06", "errors", 2)),
            new TedapiReading.Info(PW3, "26.10.3 4f924de8", "4f92", "sitecontroller", "V2024_06"),
            pw3("pw3_status_basic"));
    PowerwallReading base = PowerwallReading.parse(new PowerwallResponses(Map.of(), List.of()));

    RenderedSamples s =
        RenderedSamples.render(new NativeNaming(), base.withTedapi(reading, List.of()), "pw");

    assertThat(s.value("powerwall_instant_power_watts", "device", "pw", "category", "battery"))
        .isEqualTo(855);
    assertThat(s.value("powerwall_charge_ratio", "device", "pw")).isCloseTo(0.7789, within(1e-4));
    assertThat(
            s.value(
                "powerwall_battery_full_pack_joules", "device", "pw", "serial", "TG125214002DF3"))
        .isCloseTo(14.42 * KWH, within(1e-3));
    assertThat(s.value("powerwall_pv_string_volts", "device", "pw", "inverter", PW3, "string", "C"))
        .isEqualTo(24);
    assertThat(
            s.value(
                "powerwall_pv_string_state",
                "device",
                "pw",
                "inverter",
                PW3,
                "string",
                "F",
                "state",
                "Pv_Standby"))
        .isEqualTo(1);
    assertThat(s.value("powerwall_alert_active", "device", "pw", "alert", "FWUpdateFailed"))
        .isEqualTo(1);
    assertThat(
            s.value(
                "powerwall_component_alert_active",
                "device",
                "pw",
                "inverter",
                PW3,
                "component",
                "pch",
                "alert",
                "PCH_a054_pwsDisabledMpptEnableLine"))
        .isEqualTo(1);
    assertThat(s.value("powerwall_tedapi_up", "device", "pw", "query", "status")).isEqualTo(1);
    assertThat(
            s.value(
                "powerwall_tedapi_query_rejected",
                "device",
                "pw",
                "query",
                "components",
                "query_set",
                "V2026_06",
                "reason",
                "errors"))
        .isEqualTo(2);
    assertThat(s.value("powerwall_tedapi_cooldown_active", "device", "pw")).isZero();
    assertThat(s.hasSeries("powerwall_island_volts", "device", "pw", "phase", "l2", "side", "main"))
        .isFalse();
    assertThat(s.exposedTypes())
        .contains(
            "powerwall_tedapi_responses_total counter",
            "powerwall_tedapi_info gauge",
            "powerwall_tedapi_query_rejected_total counter",
            "powerwall_battery_block_info gauge");
  }

  @Test
  void compatNamingIsUnchangedByTedapi() {
    TedapiReading reading =
        new TedapiReading(Map.of(), List.of(), false, List.of(), null, pw3("pw3_status_basic"));
    PowerwallReading base = PowerwallReading.parse(new PowerwallResponses(Map.of(), List.of()));

    RenderedSamples with =
        RenderedSamples.render(new CompatNaming(), base.withTedapi(reading, List.of()), "pw");
    RenderedSamples without = RenderedSamples.render(new CompatNaming(), base, "pw");

    assertThat(with.list()).isEqualTo(without.list());
  }
}
