package dev.homeenergy.device.powerwall;

import static dev.homeenergy.device.powerwall.TedapiMappingTest.PW3;
import static dev.homeenergy.device.powerwall.TedapiMappingTest.capture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.device.powerwall.TedapiData.Battery;
import dev.homeenergy.device.powerwall.TedapiData.NeurioCt;
import dev.homeenergy.device.powerwall.TedapiData.RemoteMeterCt;
import dev.homeenergy.testing.RenderedSamples;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The TEDAPI meters beside the synchrometer (Neurio and Tesla Remote Meter CTs) and the packs'
 * lifetime counters, over the captures and over small documents where no capture carries them.
 */
class TedapiMeterMappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRM = "1622423-00-B--TG1234567RM1";

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static RenderedSamples render(TedapiData data) {
    TedapiReading reading = new TedapiReading(Map.of(), List.of(), false, List.of(), null, data);
    PowerwallReading base = PowerwallReading.parse(new PowerwallResponses(Map.of(), List.of()));
    return RenderedSamples.render(new NativeNaming(), base.withTedapi(reading, List.of()), "pw");
  }

  @Test
  void theSyntheticPowerwall2NeurioMeterGivesItsCtWithTheConfigsLocation() {
    TedapiData d =
        TedapiParser.parse(
            capture("pw2_config_SYNTHETIC"), capture("pw2_status_SYNTHETIC"), Map.of());

    assertThat(d.neurioCts())
        .containsExactly(new NeurioCt("V1234567890", "1", "solar", 6500.0, -100.0, 240.5, 27.1));
  }

  @Test
  void thePowerwall3CapturesCarryNoNeurioOrRemoteMeterReadings() {
    for (String status : List.of("pw3_status_basic", "pw3_status_full")) {
      TedapiData d =
          TedapiParser.parse(
              capture("pw3_config"), capture(status), Map.of(PW3, capture("pw3_components")));

      assertThat(d.neurioCts()).as(status).isEmpty();
      assertThat(d.remoteMeterCts()).as(status).isEmpty();
    }
  }

  @Test
  void onlyTheNeurioCtsAConfigEntryEnablesAreReadWithThatEntrysLocationAndScale() {
    JsonNode config =
        json(
            "{'meters':["
                + "{'type':'neurio_w2_tcp','location':'site','cts':[true,true,false,false],"
                + "'connection':{'device_serial':'N1'}},"
                + "{'type':'neurio_w2_tcp','location':'solar','cts':[false,false,true,false],"
                + "'real_power_scale_factor':2,'connection':{'device_serial':'N1'}}]}");
    JsonNode status =
        json(
            "{'neurio':{'readings':[{'serial':'N1','dataRead':["
                + "{'voltageV':120.1,'realPowerW':-500,'reactivePowerVAR':30,'currentA':4.2},"
                + "{'voltageV':120.2,'realPowerW':-510,'reactivePowerVAR':31,'currentA':4.3},"
                + "{'voltageV':120.3,'realPowerW':1000,'reactivePowerVAR':null,'currentA':8.4},"
                + "{'voltageV':0.4,'realPowerW':7,'reactivePowerVAR':0,'currentA':0.1}]},"
                + "{'serial':'','dataRead':[{'realPowerW':1}]}]}}");

    TedapiData d = TedapiParser.parse(config, status, Map.of());

    assertThat(d.neurioCts())
        .containsExactly(
            new NeurioCt("N1", "1", "site", -500.0, 30.0, 120.1, 4.2),
            new NeurioCt("N1", "2", "site", -510.0, 31.0, 120.2, 4.3),
            new NeurioCt("N1", "3", "solar", 2000.0, null, 120.3, 8.4));
  }

  @Test
  void aNeurioMeterTheConfigDoesNotNameIsReadWhole() {
    JsonNode status =
        json("{'neurio':{'readings':[{'serial':'N9','dataRead':[{'realPowerW':5},{}]}]}}");

    TedapiData d = TedapiParser.parse(json("{}"), status, Map.of());

    assertThat(d.neurioCts()).containsExactly(new NeurioCt("N9", "1", "", 5.0, null, null, null));
  }

  @Test
  void theRemoteMeterGivesEachCtWithItsLifetimeEnergyInJoules() {
    JsonNode status =
        json(
            "{'teslaRemoteMeter':{'detectedWired':[],'meters':[{'din':'"
                + TRM
                + "','reading':{'timestamp':null,'rssiDb':null,'ctReadings':["
                + "{'voltageV':121.5,'realPowerW':-1200.5,'reactivePowerVAR':45,"
                + "'energyExportedWs':7.2e9,'energyImportedWs':3.6e9,'currentA':9.9},"
                + "{'voltageV':null,'realPowerW':null,'reactivePowerVAR':null,"
                + "'energyExportedWs':null,'energyImportedWs':null,'currentA':null}]}},"
                + "{'din':null,'reading':{'ctReadings':[{'realPowerW':1}]}}]}}");

    TedapiData d = TedapiParser.parse(null, status, Map.of());

    assertThat(d.remoteMeterCts())
        .containsExactly(new RemoteMeterCt(TRM, "1", -1200.5, 45.0, 121.5, 9.9, 7.2e9, 3.6e9));
    RenderedSamples s = render(d);
    assertThat(
            s.value("powerwall_remote_meter_ct_power_watts", "device", "pw", "din", TRM, "ct", "1"))
        .isEqualTo(-1200.5);
    assertThat(
            s.value(
                "powerwall_remote_meter_ct_exported_joules", "device", "pw", "din", TRM, "ct", "1"))
        .isEqualTo(7.2e9);
    assertThat(s.exposedTypes())
        .contains(
            "powerwall_remote_meter_ct_exported_joules_total counter",
            "powerwall_remote_meter_ct_imported_joules_total counter",
            "powerwall_remote_meter_ct_reactive_power_volt_amperes_reactive gauge",
            "powerwall_remote_meter_ct_volts gauge",
            "powerwall_remote_meter_ct_current_amperes gauge");
  }

  @Test
  void theNeurioCtsAreRenderedWithSerialCtAndLocation() {
    TedapiData d =
        TedapiParser.parse(
            capture("pw2_config_SYNTHETIC"), capture("pw2_status_SYNTHETIC"), Map.of());

    RenderedSamples s = render(d);

    String[] labels = {"device", "pw", "serial", "V1234567890", "ct", "1", "location", "solar"};
    assertThat(s.value("powerwall_neurio_ct_power_watts", labels)).isEqualTo(6500);
    assertThat(s.value("powerwall_neurio_ct_reactive_power_volt_amperes_reactive", labels))
        .isEqualTo(-100);
    assertThat(s.value("powerwall_neurio_ct_volts", labels)).isEqualTo(240.5);
    assertThat(s.value("powerwall_neurio_ct_current_amperes", labels)).isEqualTo(27.1);
  }

  @Test
  void thePacksLifetimeCountersComeFromTheComponentsWhenTheGatewayAnswersThem() {
    ObjectNode components = (ObjectNode) capture("pw3_components").deepCopy();
    ArrayNode signals =
        (ArrayNode) components.path("components").path("bms").path(0).path("signals");
    signals.add(json("{'name':'BMS_LOG_ahDischargeTotal','value':100}"));
    signals.add(json("{'name':'BMS_LOG_tempOutOfBounds','value':2}"));
    signals.add(json("{'name':'BMS_LOG_tempOutOfBoundsCharge','value':3}"));
    signals.add(json("{'name':'BMS_kwhDischargeTotal','value':1.5}"));

    TedapiData d =
        TedapiParser.parse(
            capture("pw3_config"), capture("pw3_status_basic"), Map.of(PW3, components));

    Battery first = d.batteries().get(0);
    assertThat(first.dischargedCoulombs()).isEqualTo(360_000.0);
    assertThat(first.overTemperatureEvents())
        .containsExactlyInAnyOrderEntriesOf(Map.of("discharge", 2.0, "charge", 3.0));
    assertThat(first.dischargedJoules()).isCloseTo(5.4e6, within(1e-6));
    Battery second = d.batteries().get(1);
    assertThat(second.dischargedCoulombs()).as("not answered").isNull();
    assertThat(second.overTemperatureEvents()).isEmpty();
    RenderedSamples s = render(d);
    String serial = first.serial();
    assertThat(
            s.value(
                "powerwall_battery_over_temperature_events",
                "device",
                "pw",
                "serial",
                serial,
                "phase",
                "charge"))
        .isEqualTo(3);
    assertThat(s.value("powerwall_battery_discharged_coulombs", "device", "pw", "serial", serial))
        .isEqualTo(360_000);
    assertThat(s.exposedTypes())
        .contains(
            "powerwall_battery_over_temperature_events_total counter",
            "powerwall_battery_discharged_coulombs_total counter");
    assertThat(
            s.hasSeries(
                "powerwall_battery_discharged_coulombs", "device", "pw", "serial", second.serial()))
        .isFalse();
  }

  @Test
  void theComplianceQuerysCountersJoinThePacksByPositionAndNothingElseJoins() {
    JsonNode compliance =
        json(
            "{'components':{'bms':["
                + "{'signals':[{'name':'BMS_LOG_tempOutOfBounds','value':4},"
                + "{'name':'BMS_nominalFullPackEnergy','value':99}]},"
                + "{'signals':[{'name':'BMS_LOG_ahDischargeTotal','value':10}]}]}}");

    JsonNode merged = TedapiParser.withPackCounters(capture("pw3_components"), compliance);
    TedapiData d = TedapiParser.parse(capture("pw3_config"), null, Map.of(PW3, merged));

    assertThat(d.batteries().get(0).overTemperatureEvents()).containsEntry("discharge", 4.0);
    assertThat(d.batteries().get(0).fullPackJoules())
        .as("energy stays the components' own")
        .isCloseTo(14.42 * 3_600_000, within(1e-3));
    assertThat(d.batteries().get(1).dischargedCoulombs()).isEqualTo(36_000.0);
    assertThat(TedapiParser.withPackCounters(capture("pw3_components"), null))
        .isEqualTo(capture("pw3_components"));
  }

  @Test
  void theV2024SetAsksTheComponentsForThePacksLifetimeCounters() {
    String variables = TedapiQuerySet.load(TedapiQuerySet.V2024_06).components().variables();

    assertThat(variables)
        .contains(
            "BMS_LOG_ahDischargeTotal", "BMS_LOG_tempOutOfBounds", "BMS_LOG_tempOutOfBoundsCharge");
  }
}
