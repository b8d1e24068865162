package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerwallPayloadTest {

  private static <T> T parse(String file, Class<T> type) throws PollException {
    return PowerwallJson.parse(file, Fixtures.text("powerwall", file), type);
  }

  @Test
  void statusFw2144ParsesTheGoDurationUptime() throws Exception {
    Status s = parse("status_fw21.44_running.json", Status.class);

    assertThat(s.uptimeSeconds()).isEqualTo(230 * 3600 + 55 * 60 + 59.932079901);
    assertThat(s.upTime()).isEqualTo("230h55m59.932079901s");
    assertThat(s.startTime()).isEqualTo("2021-12-16 22:13:25 +0800");
    assertThat(s.version()).isEqualTo("21.44 223a56cd");
    assertThat(s.gitHash()).isEqualTo("223a56cd575b7b19bad7e12a4ebad0eb52d1f50a");
    assertThat(s.commissionCount()).isEqualTo(11L);
    assertThat(s.deviceType()).isEqualTo("teg");
    assertThat(s.canReboot()).isNull();
    assertThat(parse("status_fw21.44_stopped.json", Status.class).uptimeSeconds())
        .isEqualTo(230 * 3600 + 56 * 60 + 10.039547701);
  }

  @Test
  void status23xHasBooleanCanRebootAndTegType() throws Exception {
    Status s = parse("status_fw23.44.json", Status.class);

    assertThat(s.canReboot()).isTrue();
    assertThat(s.tegType()).isEqualTo("unknown");
    assertThat(s.commissionCount()).isZero();
    assertThat(s.uptimeSeconds()).isEqualTo(127 * 3600 + 34 * 60 + 16.275122187);
  }

  @Test
  void gateway1StatusLacksDin() throws Exception {
    Status s = parse("status_gw1_hec_1.50.1.json", Status.class);

    assertThat(s.din()).isNull();
    assertThat(s.deviceType()).isEqualTo("hec");
    assertThat(s.uptimeSeconds()).isEqualTo(17 * 3600 + 11 * 60 + 31.214751424);
  }

  @Test
  void unparsableUptimeIsNull() throws Exception {
    assertThat(
            PowerwallJson.parse("status", "{\"up_time_seconds\":\"802459s,\"}", Status.class)
                .uptimeSeconds())
        .isNull();
  }

  @Test
  void soeAndOperation() throws Exception {
    assertThat(parse("soe_fw21.44_running.json", Soe.class).percentage())
        .isEqualTo(42.415190953701725);
    assertThat(parse("soe_fw23.28.json", Soe.class).percentage()).isEqualTo(20.109166592431226);
    assertThat(parse("operation_fw21.44_running.json", Operation.class))
        .isEqualTo(new Operation("autonomous", null, 30.0, 75.0, -0.32));
    assertThat(parse("operation_fw23.28.json", Operation.class).effectiveMode())
        .isEqualTo("self_consumption");
  }

  @Test
  void operation2018UsesMode() throws Exception {
    Operation o =
        PowerwallJson.parse(
            "operation",
            "{\"mode\":\"self_consumption\",\"backup_reserve_percent\":5}",
            Operation.class);

    assertThat(o.realMode()).isNull();
    assertThat(o.effectiveMode()).isEqualTo("self_consumption");
  }

  @Test
  void sitemasterVariants() throws Exception {
    assertThat(parse("sitemaster_fw21.44_running.json", Sitemaster.class))
        .isEqualTo(new Sitemaster("StatusUp", true, true, false, "Yes"));
    assertThat(parse("sitemaster_fw21.44_stopped.json", Sitemaster.class))
        .isEqualTo(new Sitemaster("StatusDown", false, true, false, ""));
    assertThat(parse("sitemaster_minimal_2020.json", Sitemaster.class))
        .isEqualTo(new Sitemaster("StatusUp", true, true, null, null));
    assertThat(parse("sitemaster_no_can_reboot.json", Sitemaster.class))
        .isEqualTo(new Sitemaster("StatusUp", true, true, false, null));
  }

  @Test
  void problemsAndGridStatus() throws Exception {
    assertThat(parse("problems_fw21.44_running.json", Problems.class).problems()).isEmpty();
    assertThat(parse("grid_status_fw21.44_running.json", GridStatus.class))
        .isEqualTo(new GridStatus("SystemGridConnected", false));
    assertThat(parse("grid_status_islanded.json", GridStatus.class))
        .isEqualTo(new GridStatus("SystemIslandedActive", true));
  }

  @Test
  void systemStatusFw2144KeepsEveryBlockField() throws Exception {
    SystemStatus s = parse("system_status_fw21.44_running.json", SystemStatus.class);

    assertThat(s.nominalFullPackEnergy()).isEqualTo(14061.0);
    assertThat(s.nominalEnergyRemaining()).isEqualTo(5964.0);
    assertThat(s.systemIslandState()).isEqualTo("SystemGridConnected");
    assertThat(s.canReboot()).isEqualTo("Yes");
    assertThat(s.gridServicesPower()).isEqualTo(-0.0);
    assertThat(s.batteryBlocks())
        .containsExactly(
            new BatteryBlock(
                "",
                "3012170-05-B",
                "<<BATTERY_SERIAL>>",
                List.of(),
                "PINV_GridFollowing",
                "Grid_Compliant",
                5964.0,
                14061.0,
                -70.0,
                30.0,
                246.9,
                60.007000000000005,
                1.1,
                642500.0,
                567740.0,
                false,
                false,
                false,
                false,
                true,
                "Active",
                "223a56cd575b7b"));
  }

  @Test
  void disabledBlockHasNulls() throws Exception {
    SystemStatus s = parse("system_status_3_blocks_one_disabled.json", SystemStatus.class);

    assertThat(s.batteryBlocks()).hasSize(3);
    BatteryBlock disabled = s.batteryBlocks().get(2);
    assertThat(disabled.disabledReasons()).containsExactly("DisabledExcessiveVoltageDrop");
    assertThat(disabled.opSeqState()).isEqualTo("Standby");
    assertThat(disabled.pinvState()).isEmpty();
    assertThat(disabled.energyCharged()).isNull();
    assertThat(disabled.energyDischarged()).isNull();
    assertThat(disabled.pOut()).isNull();
    assertThat(disabled.qOut()).isNull();
    assertThat(disabled.vOut()).isNull();
    assertThat(disabled.fOut()).isNull();
    assertThat(disabled.iOut()).isNull();
    assertThat(disabled.nominalEnergyRemaining()).isZero();
    assertThat(s.batteryBlocks().get(0).packageSerialNumber())
        .isEqualTo(s.batteryBlocks().get(1).packageSerialNumber())
        .isEqualTo("TGXXX");
  }

  @Test
  void systemStatus23xWithTwoBlocksSharingASerial() throws Exception {
    SystemStatus s = parse("system_status_fw23.28_two_blocks_one_serial.json", SystemStatus.class);

    assertThat(s.batteryBlocks())
        .extracting(BatteryBlock::packagePartNumber)
        .containsExactly("2012170-25-E", "3012170-05-B");
    assertThat(s.batteryBlocks())
        .extracting(BatteryBlock::packageSerialNumber)
        .containsExactly("TG123456789012", "TG123456789012");
    assertThat(parse("system_status_2021_can_reboot_busy.json", SystemStatus.class).canReboot())
        .isEqualTo("Power flow is too high");
  }

  @Test
  void aggregatesKeepCategoryOrder() throws Exception {
    MeterAggregates a =
        PowerwallJson.aggregates(
            "a", Fixtures.text("powerwall", "meters_aggregates_fw21.44_running.json"));

    assertThat(a.categories().keySet()).containsExactly("site", "battery", "load", "solar");
    MeterReadings site = a.categories().get("site");
    assertThat(site.instantPower()).isEqualTo(72.0);
    assertThat(site.instantReactivePower()).isEqualTo(-329.0);
    assertThat(site.energyExported()).isEqualTo(348463.5610710742);
    assertThat(site.numMetersAggregated()).isEqualTo(2);
    assertThat(a.categories().get("load").numMetersAggregated()).isNull();

    MeterAggregates old =
        PowerwallJson.aggregates("a", Fixtures.text("powerwall", "meters_aggregates_2018.json"));
    assertThat(old.categories().keySet())
        .containsExactly("site", "battery", "load", "solar", "busway", "frequency", "generator");
    assertThat(old.categories().get("site").instantAverageCurrent()).isNull();
    assertThat(old.categories().get("site").frequency()).isEqualTo(60.060001373291016);

    MeterAggregates y2020 =
        PowerwallJson.aggregates(
            "a", Fixtures.text("powerwall", "meters_aggregates_50hz_2020.json"));
    assertThat(y2020.categories().get("battery").frequency()).isEqualTo(49.995000000000005);
    assertThat(
            PowerwallJson.aggregates(
                    "a", Fixtures.text("powerwall", "meters_aggregates_fw23.28.json"))
                .categories()
                .get("solar")
                .frequency())
        .isEqualTo(60.016000000000005);
  }

  @Test
  void meterDevicesWithCachedReadingsAndPhases() throws Exception {
    List<Meter> site =
        PowerwallJson.meters(
            "meters/site", Fixtures.text("powerwall", "meters_site_neurio_2023.json"));

    assertThat(site).hasSize(1);
    Meter m = site.get(0);
    assertThat(m.type()).isEqualTo("neurio_tcp");
    assertThat(m.location()).isEqualTo("site");
    assertThat(m.deviceSerial()).isEqualTo("OBB1234567890");
    assertThat(m.connection().ipAddress()).isEqualTo("PWRview-12345");
    MeterReadings r = m.cachedReadings();
    assertThat(r.vL1n()).isEqualTo(247.55999755859375);
    assertThat(r.vL2n()).isEqualTo(0.20000000298023224);
    assertThat(r.vL3n()).isNull();
    assertThat(r.realPowerA()).isEqualTo(-17.950000762939453);
    assertThat(r.reactivePowerB()).isEqualTo(-0.10999999940395355);
    assertThat(r.energyImported()).isEqualTo(15614764.694437858);
    assertThat(r.serialNumber()).isEqualTo("OBB1234567890");

    Meter old =
        PowerwallJson.meters("m", Fixtures.text("powerwall", "meters_site_neurio_2018.json"))
            .get(0);
    assertThat(old.deviceSerial()).isEqualTo("OBB3364102752");
    assertThat(old.cachedReadings().realPowerA()).isNull();

    Meter sync =
        PowerwallJson.meters(
                "m", Fixtures.text("powerwall", "meters_site_fw23.28_synchrometer.json"))
            .get(0);
    assertThat(sync.type()).isEqualTo("synchrometerX");
    assertThat(sync.deviceSerial()).isEqualTo("JBL12345Y1F012synchrometerX");
    assertThat(sync.cachedReadings().iACurrent()).isEqualTo(13.3045);
    assertThat(
            PowerwallJson.meters("m", Fixtures.text("powerwall", "meters_solar_neurio_2023.json"))
                .get(0)
                .cachedReadings()
                .realPowerA())
        .isEqualTo(2867.159912109375);
  }

  @Test
  void solarMetersNullIsAnEmptyList() throws Exception {
    assertThat(
            PowerwallJson.meters(
                "meters/solar", Fixtures.text("powerwall", "meters_solar_fw23.28_null.json")))
        .isEmpty();
  }

  /**
   * Found by the mapper property test: a null element threw NullPointerException (an internal
   * error).
   */
  @Test
  void aNullNetworkElementIsKeptAndSkippedWhenRendering() throws Exception {
    List<Network> n =
        PowerwallJson.parseList(
            "networks", "[null, {\"network_name\": \"wifi\", \"enabled\": true}]", Network.class);
    assertThat(n).hasSize(2).containsNull();
  }

  @Test
  void networksFw2144() throws Exception {
    List<Network> n =
        PowerwallJson.parseList(
            "networks", Fixtures.text("powerwall", "networks_fw21.44_running.json"), Network.class);

    assertThat(n)
        .extracting(Network::networkName)
        .containsExactly(
            "ethernet_tesla_internal_default", "gsm_tesla_internal_default", "<<WIFI_SSID>>");
    assertThat(n.get(0).ifaceNetworkInfo()).isNull();
    assertThat(n.get(1).dhcp()).isNull();
    assertThat(n.get(1).ifaceNetworkInfo().signalStrength()).isEqualTo(71.0);
    assertThat(n.get(2).iface()).isEqualTo("WifiType");
    assertThat(n.get(2).primary()).isTrue();
    assertThat(n.get(2).ifaceNetworkInfo().ipNetworks())
        .containsExactly(new IpNetwork("<<IP_ADDR>>", "255.255.255.0"));
    assertThat(n.get(2).ifaceNetworkInfo().ipNetworks().get(0).dottedMask())
        .isEqualTo("255.255.255.0");
    assertThat(
            PowerwallJson.parseList(
                "n", Fixtures.text("powerwall", "networks_ethernet_primary.json"), Network.class))
        .extracting(x -> x.ifaceNetworkInfo().signalStrength())
        .containsExactly(0.0, 62.0, 42.0);
  }

  @Test
  void networks23xUseCapitalisedBase64Masks() throws Exception {
    List<Network> n =
        PowerwallJson.parseList(
            "networks",
            Fixtures.text("powerwall", "networks_fw23.28_base64_mask.json"),
            Network.class);

    assertThat(n.get(0).ifaceNetworkInfo().ipNetworks())
        .containsExactly(new IpNetwork("", "////AA=="));
    assertThat(n.get(0).ifaceNetworkInfo().ipNetworks().get(0).dottedMask())
        .isEqualTo("255.255.255.0");
    assertThat(n.get(1).ifaceNetworkInfo().ipNetworks().get(0).dottedMask())
        .isEqualTo("255.255.255.255");
  }

  @Test
  void powerwalls() throws Exception {
    Powerwalls p = parse("powerwalls_fw21.44_running.json", Powerwalls.class);

    assertThat(p.gatewayDin()).isEqualTo("1232100-00-E--<<GATEWAY_TSN>>");
    assertThat(p.phaseDetectionLastError()).isEqualTo("no phase information");
    assertThat(p.powerwalls())
        .containsExactly(
            new PowerwallUnit(
                "",
                "3012170-05-B",
                "<<BATTERY_SERIAL>>",
                "ACPW",
                "Grid_Uncompliant",
                0.0,
                false,
                false,
                true));
    assertThat(parse("powerwalls_fw23.28.json", Powerwalls.class).powerwalls().get(0).type())
        .isEqualTo("SolarPowerwall");
  }

  @Test
  void siteInfoNested() throws Exception {
    SiteInfo s =
        PowerwallJson.siteInfo(
            "site_info", Fixtures.text("powerwall", "site_info_fw21.44_running.json"));

    assertThat(s.siteName()).isEqualTo("Home Energy Gateway");
    assertThat(s.timezone()).isEqualTo("America/Los_Angeles");
    assertThat(s.nominalSystemEnergyKwh()).isEqualTo(13.5);
    assertThat(s.nominalSystemPowerKw()).isEqualTo(5.0);
    assertThat(s.gridCode())
        .isEqualTo(
            new GridCode(
                "60Hz_240V_s_UL1741SA:2019_California",
                240.0,
                60.0,
                "Split",
                "United States",
                "California",
                "*",
                "Pacific Gas and Electric Company",
                "CleanPowerSF (CPSF)",
                "UL1741SA-CA:2019"));
    SiteInfo v23 =
        PowerwallJson.siteInfo("site_info", Fixtures.text("powerwall", "site_info_fw23.28.json"));
    assertThat(v23.panelMaxCurrent()).isEqualTo(100.0);
    assertThat(v23.gridCode().region()).isNull();
  }

  @Test
  void siteInfoFlatPre2021IsNormalised() throws Exception {
    SiteInfo s =
        PowerwallJson.siteInfo(
            "site_info", Fixtures.text("powerwall", "site_info_flat_pre2021.json"));

    assertThat(s.siteName()).isEqualTo("MySite");
    assertThat(s.nominalSystemEnergyKwh()).isEqualTo(13.5);
    assertThat(s.gridCode())
        .isEqualTo(
            new GridCode(
                "60Hz_240V_s_IEEE1547a_2014",
                240.0,
                60.0,
                "Split",
                "United States",
                "Somewhere",
                "*",
                "Wom Energy",
                "*",
                "IEEE1547a:2014"));
  }

  @Test
  void badBodiesAreParseFailures() {
    assertThatThrownBy(() -> PowerwallJson.parse("soe", "", Soe.class))
        .isInstanceOf(PollException.class)
        .hasMessage("soe: empty body");
    assertThatThrownBy(() -> PowerwallJson.parse("soe", "null", Soe.class))
        .isInstanceOf(PollException.class)
        .hasMessage("soe: null body");
    assertThatThrownBy(() -> PowerwallJson.parse("soe", "{\"percentage\":4", Soe.class))
        .isInstanceOf(PollException.class)
        .hasMessageStartingWith("soe: the JSON answer ends early");
    assertThatThrownBy(() -> PowerwallJson.parse("soe", "[1]", Soe.class))
        .isInstanceOf(PollException.class)
        .hasMessageStartingWith("soe: the JSON answer does not have the expected shape");
    assertThatThrownBy(() -> PowerwallJson.parse("soe", "{\"percentage\":\"lots\"}", Soe.class))
        .isInstanceOf(PollException.class)
        .hasMessage("soe: the JSON field percentage does not hold the expected kind of value");
  }

  @Test
  void readingParsesEveryEndpointOfTheFw2144Set() {
    PowerwallReading r = PayloadFixtures.reading(PayloadFixtures.fw2144Running());

    assertThat(r.endpointFailures()).isEmpty();
    assertThat(r).hasNoNullFieldsOrPropertiesExcept("tedapi");
    assertThat(r.meters().keySet()).containsExactly("site", "solar");
    assertThat(r.networks()).hasSize(3);
  }

  @Test
  void readingKeepsResponseFailuresAndAddsParseFailures() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("status", "null");
    bodies.put("system_status/soe", "{\"percentage\":");
    bodies.put("meters/aggregates", Fixtures.text("powerwall", "meters_aggregates_fw23.28.json"));
    bodies.put("meters/solar", Fixtures.text("powerwall", "meters_solar_fw23.28_null.json"));
    bodies.put("meters/site", Fixtures.text("powerwall", "meters_site_fw23.28_synchrometer.json"));
    EndpointFailure stopped =
        new EndpointFailure("system_status", FailureReason.HTTP_STATUS, "system_status: HTTP 502");

    PowerwallReading r = PowerwallReading.parse(new PowerwallResponses(bodies, List.of(stopped)));

    assertThat(r.status()).isNull();
    assertThat(r.soe()).isNull();
    assertThat(r.systemStatus()).isNull();
    assertThat(r.aggregates()).isNotNull();
    assertThat(r.meters()).containsEntry("solar", List.of());
    assertThat(r.meters().keySet()).containsExactly("site", "solar");
    assertThat(r.endpointFailures()).hasSize(3);
    assertThat(r.endpointFailures().get(0)).isEqualTo(stopped);
    assertThat(r.endpointFailures().get(1))
        .isEqualTo(new EndpointFailure("status", FailureReason.PARSE, "status: null body"));
    assertThat(r.endpointFailures().get(2).endpoint()).isEqualTo("system_status/soe");
    assertThat(r.endpointFailures().get(2).reason()).isEqualTo(FailureReason.PARSE);
  }
}
