package dev.homeenergy.device.wallconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Sample;
import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.RenderedSamples;
import dev.homeenergy.testing.TextExposition;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeNamingTest {
  private static final String P = "tesla_wall_connector_";
  private static final String DEVICE = "garage";

  private static RenderedSamples render(WallConnectorReading reading) {
    return RenderedSamples.render(new NativeNaming(), reading, DEVICE);
  }

  private static RenderedSamples renderVitals(String fixture) {
    return render(Captures.reading(fixture));
  }

  @Test
  void familyNamesForTheFw25CaptureSet() {
    RenderedSamples s = render(Captures.fw25Reading());

    assertThat(s.names())
        .containsExactly(
            P + "contactor_closed",
            P + "vehicle_connected",
            P + "session_duration_seconds",
            P + "grid_volts",
            P + "grid_frequency_hertz",
            P + "vehicle_current_amperes",
            P + "phase_current_amperes",
            P + "phase_voltage_volts",
            P + "relay_coil_volts",
            P + "temperature_celsius",
            P + "uptime_seconds",
            P + "input_thermopile_volts",
            P + "proximity_volts",
            P + "pilot_volts",
            P + "session_energy_joules",
            P + "config_status",
            P + "evse_state",
            P + "current_alerts",
            P + "evse_not_ready_reasons",
            P + "evse_not_ready_reason",
            P + "power_watts",
            P + "contactor_cycles",
            P + "contactor_cycles_loaded",
            P + "alerts",
            P + "thermal_foldbacks",
            P + "charge_starts",
            P + "connector_cycles",
            P + "energy_delivered_joules",
            P + "lifetime_uptime_seconds",
            P + "charging_time_seconds",
            P + "average_startup_temperature_celsius",
            P + "wifi_signal_strength_ratio",
            P + "wifi_rssi_dbm",
            P + "wifi_snr_decibels",
            P + "wifi_connected",
            P + "internet_connected",
            P + "wifi",
            "tesla_wall_connector");
  }

  @Test
  void everySampleCarriesTheDeviceLabelAndIsUnique() {
    RenderedSamples s = render(Captures.fw25Reading());

    assertThat(s.list())
        .allSatisfy(sample -> assertThat(sample.labels().get("device")).isEqualTo(DEVICE));
    assertThat(s.list().stream().map(x -> x.family().name() + x.labels()).distinct().count())
        .isEqualTo(s.list().size());
  }

  @Test
  void chargingAt40AmperesSplitPhase() {
    RenderedSamples s = renderVitals(Captures.VITALS_CHARGING_40A);

    assertThat(s.value(P + "power_watts", "device", DEVICE))
        .isCloseTo(118.8 * 0.0 + 246.5 * 40.1 + 118.5 * 0.0, within(1e-9))
        .isCloseTo(9884.65, within(1e-6));
    assertThat(s.value(P + "contactor_closed", "device", DEVICE)).isEqualTo(1);
    assertThat(s.value(P + "vehicle_connected", "device", DEVICE)).isEqualTo(1);
    assertThat(s.value(P + "session_duration_seconds", "device", DEVICE)).isEqualTo(55);
    assertThat(s.value(P + "grid_volts", "device", DEVICE)).isEqualTo(252.4);
    assertThat(s.value(P + "grid_frequency_hertz", "device", DEVICE)).isEqualTo(59.873);
    assertThat(s.value(P + "vehicle_current_amperes", "device", DEVICE)).isEqualTo(40.1);
    assertThat(s.value(P + "phase_current_amperes", "device", DEVICE, "phase", "A")).isEqualTo(0.0);
    assertThat(s.value(P + "phase_current_amperes", "device", DEVICE, "phase", "B"))
        .isEqualTo(40.1);
    assertThat(s.value(P + "phase_current_amperes", "device", DEVICE, "phase", "C")).isEqualTo(0.0);
    assertThat(s.value(P + "phase_current_amperes", "device", DEVICE, "phase", "N"))
        .isEqualTo(40.1);
    assertThat(s.value(P + "phase_voltage_volts", "device", DEVICE, "phase", "A")).isEqualTo(118.8);
    assertThat(s.value(P + "phase_voltage_volts", "device", DEVICE, "phase", "B")).isEqualTo(246.5);
    assertThat(s.value(P + "phase_voltage_volts", "device", DEVICE, "phase", "C")).isEqualTo(118.5);
    assertThat(s.value(P + "relay_coil_volts", "device", DEVICE)).isEqualTo(5.8);
    assertThat(s.value(P + "temperature_celsius", "device", DEVICE, "sensor", "pcba"))
        .isEqualTo(20.7);
    assertThat(s.value(P + "temperature_celsius", "device", DEVICE, "sensor", "handle"))
        .isEqualTo(17.4);
    assertThat(s.value(P + "temperature_celsius", "device", DEVICE, "sensor", "mcu"))
        .isEqualTo(25.2);
    assertThat(s.value(P + "uptime_seconds", "device", DEVICE)).isEqualTo(2671494);
    assertThat(s.value(P + "input_thermopile_volts", "device", DEVICE)).isEqualTo(-0.000122);
    assertThat(s.value(P + "proximity_volts", "device", DEVICE)).isEqualTo(1.5);
    assertThat(s.value(P + "pilot_volts", "device", DEVICE, "level", "high")).isEqualTo(-0.0);
    assertThat(s.value(P + "pilot_volts", "device", DEVICE, "level", "low")).isEqualTo(4.4);
    assertThat(s.value(P + "session_energy_joules", "device", DEVICE))
        .isCloseTo(177_840, within(1e-6));
    assertThat(s.value(P + "config_status", "device", DEVICE)).isEqualTo(5);
    assertThat(s.value(P + "evse_state", "device", DEVICE, "state", "charging")).isEqualTo(11);
    assertThat(s.of(P + "evse_state")).hasSize(1);
    assertThat(s.value(P + "current_alerts", "device", DEVICE)).isEqualTo(0);
    assertThat(s.has(P + "current_alert")).isFalse();
    assertThat(s.value(P + "evse_not_ready_reasons", "device", DEVICE)).isEqualTo(1);
    assertThat(s.value(P + "evse_not_ready_reason", "device", DEVICE, "reason", "1")).isEqualTo(1);
    assertThat(s.of(P + "evse_not_ready_reason")).hasSize(1);
  }

  @Test
  void idlePhantomReadingsGiveZeroPower() {
    RenderedSamples s = renderVitals(Captures.VITALS_FW21_IDLE);

    assertThat(s.value(P + "phase_current_amperes", "device", DEVICE, "phase", "B")).isEqualTo(0.4);
    assertThat(s.value(P + "phase_voltage_volts", "device", DEVICE, "phase", "B")).isEqualTo(4.9);
    assertThat(s.value(P + "power_watts", "device", DEVICE)).isEqualTo(0.0);
    assertThat(s.family(P + "power_watts").help()).contains("contactor", "0");
  }

  @Test
  void faultyUnitWithClosedContactorAndNoCurrentHasZeroPower() {
    RenderedSamples s = renderVitals(Captures.VITALS_FW25_FAULTY);

    assertThat(s.value(P + "contactor_closed", "device", DEVICE)).isEqualTo(1);
    assertThat(s.value(P + "power_watts", "device", DEVICE)).isEqualTo(0.0);
  }

  @Test
  void powerIsZeroWhenOpenAndPositiveOnlyWhileClosedAcrossTheWholeSession() throws Exception {
    for (String line : Fixtures.text("wallconnector", Captures.SESSION_TRACE).lines().toList()) {
      Vitals v = WallConnectorJson.parse("vitals", line.substring(line.indexOf('{')), Vitals.class);
      RenderedSamples s = render(new WallConnectorReading(v, null, null, null));
      double power = s.value(P + "power_watts", "device", DEVICE);
      if (v.contactorClosed()) {
        assertThat(power).isBetween(0.0, 11_000.0);
      } else {
        assertThat(power).as(line).isEqualTo(0.0);
      }
    }
  }

  @Test
  void unmappedStateCodesAreUnknown() {
    assertThat(
            renderVitals(Captures.VITALS_STATE3)
                .value(P + "evse_state", "device", DEVICE, "state", "unknown"))
        .isEqualTo(3);
    assertThat(
            renderVitals(Captures.VITALS_STATE7)
                .value(P + "evse_state", "device", DEVICE, "state", "error"))
        .isEqualTo(7);
    assertThat(
            renderVitals(Captures.VITALS_BEFORE_CHARGE)
                .value(P + "evse_state", "device", DEVICE, "state", "waiting_car"))
        .isEqualTo(9);
    assertThat(
            renderVitals(Captures.VITALS_FW25_PLUGGED)
                .value(P + "evse_state", "device", DEVICE, "state", "connected"))
        .isEqualTo(2);
    assertThat(EvseState.labelOf(12)).isEqualTo("unknown");
    assertThat(EvseState.labelOf(0)).isEqualTo("booting");
    assertThat(EvseState.labelOf(4)).isEqualTo("ready");
  }

  @Test
  void notReadyReasonsOnePerElement() {
    RenderedSamples s = renderVitals(Captures.VITALS_FW25_FACTORY_RESET);

    assertThat(s.value(P + "evse_not_ready_reasons", "device", DEVICE)).isEqualTo(3);
    assertThat(s.of(P + "evse_not_ready_reason"))
        .extracting(x -> x.labels().get("reason"))
        .containsExactly("2", "4", "8");
  }

  @Test
  void alertsOnePerElement() {
    Vitals v =
        new Vitals(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("17", "thermal"),
            null);
    RenderedSamples s = render(new WallConnectorReading(v, null, null, null));

    assertThat(s.value(P + "current_alerts", "device", DEVICE)).isEqualTo(2);
    assertThat(s.value(P + "current_alert", "device", DEVICE, "alert", "17")).isEqualTo(1);
    assertThat(s.value(P + "current_alert", "device", DEVICE, "alert", "thermal")).isEqualTo(1);
    assertThat(s.list()).hasSize(3);
  }

  @Test
  void oldFirmwareHasNoNotReadyReasonSamples() {
    RenderedSamples s = renderVitals(Captures.VITALS_FW21_IDLE);

    assertThat(s.has(P + "evse_not_ready_reasons")).isFalse();
    assertThat(s.has(P + "evse_not_ready_reason")).isFalse();
    assertThat(s.value(P + "relay_coil_volts", "device", DEVICE)).isEqualTo(12.0);
    assertThat(s.value(P + "grid_frequency_hertz", "device", DEVICE)).isEqualTo(50.02);
  }

  @Test
  void relayK1K2OnNewerFirmware() {
    RenderedSamples s = renderVitals(Captures.VITALS_RELAY_K1_K2);

    assertThat(s.has(P + "relay_coil_volts")).isFalse();
    assertThat(s.value(P + "relay_volts", "device", DEVICE, "relay", "k1")).isEqualTo(12.0);
    assertThat(s.value(P + "relay_volts", "device", DEVICE, "relay", "k2")).isEqualTo(0.0);
  }

  @Test
  void sessionEnergyIsKeptAfterUnplug() {
    RenderedSamples s = renderVitals(Captures.VITALS_UNPLUGGED_RETAINED);

    assertThat(s.value(P + "session_duration_seconds", "device", DEVICE)).isEqualTo(0);
    assertThat(s.value(P + "session_energy_joules", "device", DEVICE))
        .isCloseTo(110.1 * 3600, within(1e-6));
    assertThat(s.family(P + "session_energy_joules").type()).isEqualTo(MetricFamily.Type.GAUGE);
  }

  @Test
  void lifetimeCountersInBaseUnits() {
    RenderedSamples s = render(Captures.fw25Reading());

    assertThat(s.value(P + "energy_delivered_joules", "device", DEVICE)).isEqualTo(1.8995832e10);
    assertThat(s.value(P + "contactor_cycles", "device", DEVICE)).isEqualTo(1054);
    assertThat(s.value(P + "contactor_cycles_loaded", "device", DEVICE)).isEqualTo(66);
    assertThat(s.value(P + "alerts", "device", DEVICE)).isEqualTo(2243);
    assertThat(s.value(P + "thermal_foldbacks", "device", DEVICE)).isEqualTo(0);
    assertThat(s.value(P + "charge_starts", "device", DEVICE)).isEqualTo(1054);
    assertThat(s.value(P + "connector_cycles", "device", DEVICE)).isEqualTo(483);
    assertThat(s.value(P + "lifetime_uptime_seconds", "device", DEVICE)).isEqualTo(50804115);
    assertThat(s.value(P + "charging_time_seconds", "device", DEVICE)).isEqualTo(3938097);
    assertThat(s.value(P + "average_startup_temperature_celsius", "device", DEVICE)).isEqualTo(0.0);
    assertThat(s.family(P + "energy_delivered_joules"))
        .isEqualTo(
            new MetricFamily(
                P + "energy_delivered_joules",
                MetricFamily.Type.COUNTER,
                s.family(P + "energy_delivered_joules").help(),
                "joules"));
    assertThat(s.family(P + "lifetime_uptime_seconds").unit()).isEqualTo("seconds");
    assertThat(s.family(P + "charging_time_seconds").unit()).isEqualTo("seconds");
    assertThat(
            s.list().stream()
                .map(Sample::family)
                .filter(f -> f.type() == MetricFamily.Type.COUNTER))
        .extracting(MetricFamily::name)
        .containsExactly(
            P + "contactor_cycles",
            P + "contactor_cycles_loaded",
            P + "alerts",
            P + "thermal_foldbacks",
            P + "charge_starts",
            P + "connector_cycles",
            P + "energy_delivered_joules",
            P + "lifetime_uptime_seconds",
            P + "charging_time_seconds");
  }

  @Test
  void nanLifetimeFieldsAreOmitted() {
    Lifetime l = Captures.parse(Captures.LIFETIME_BARE_NAN, Lifetime.class);
    RenderedSamples s = render(new WallConnectorReading(null, l, null, null));

    assertThat(s.has(P + "average_startup_temperature_celsius")).isFalse();
    assertThat(s.has(P + "alerts")).isFalse();
    assertThat(s.has(P + "contactor_cycles_loaded")).isFalse();
    assertThat(s.value(P + "contactor_cycles", "device", DEVICE)).isEqualTo(450);
    assertThat(s.value(P + "energy_delivered_joules", "device", DEVICE))
        .isEqualTo(2566837.0 * 3600);
    assertThat(
            render(
                    new WallConnectorReading(
                        null, Captures.parse(Captures.LIFETIME_2021, Lifetime.class), null, null))
                .value(P + "average_startup_temperature_celsius", "device", DEVICE))
        .isEqualTo(27.8);
  }

  @Test
  void anOverflowingLifetimeValueIsOmittedLikeNan() throws Exception {
    Lifetime l =
        WallConnectorJson.parse(
            "lifetime",
            "{\"alert_count\": nan, \"avg_startup_temp\": 1e400," + " \"charge_starts\": 450}",
            Lifetime.class);
    RenderedSamples s = render(new WallConnectorReading(null, l, null, null));

    assertThat(s.has(P + "alerts")).isFalse();
    assertThat(s.has(P + "average_startup_temperature_celsius")).isFalse();
    assertThat(s.value(P + "charge_starts", "device", DEVICE)).isEqualTo(450);
  }

  @Test
  void wifiWithDecodedSsid() {
    RenderedSamples s = render(Captures.fw25Reading());

    assertThat(s.value(P + "wifi_signal_strength_ratio", "device", DEVICE)).isEqualTo(0.64);
    assertThat(s.value(P + "wifi_rssi_dbm", "device", DEVICE)).isEqualTo(-58);
    assertThat(s.value(P + "wifi_snr_decibels", "device", DEVICE)).isEqualTo(35);
    assertThat(s.value(P + "wifi_connected", "device", DEVICE)).isEqualTo(1);
    assertThat(s.value(P + "internet_connected", "device", DEVICE)).isEqualTo(1);
    assertThat(s.family(P + "wifi").type()).isEqualTo(MetricFamily.Type.INFO);
    assertThat(
            s.value(
                P + "wifi",
                "device",
                DEVICE,
                "ssid",
                "SSIORBI",
                "ip",
                "192.168.1.221",
                "mac",
                "54:F8:F0:0A:30:AA"))
        .isEqualTo(1);
  }

  @Test
  void redactedSsidIsShownAsSent() {
    WifiStatus w = Captures.parse(Captures.WIFI_FW21_REDACTED, WifiStatus.class);
    RenderedSamples s = render(new WallConnectorReading(null, null, w, null));

    assertThat(s.of(P + "wifi"))
        .singleElement()
        .extracting(Sample::labels)
        .isEqualTo(
            Labels.of(
                "device",
                DEVICE,
                "ssid",
                "redacted",
                "ip",
                "192.168.xxx.xx",
                "mac",
                "xx:xx:xx:xx:xx:xx"));
  }

  @Test
  void versionInfoKeepsAFixedLabelSet() {
    RenderedSamples fw25 = render(Captures.fw25Reading());
    assertThat(
            fw25.value(
                "tesla_wall_connector",
                "device",
                DEVICE,
                "firmware_version",
                "25.34.1+ge48cc9be91ebc7",
                "git_branch",
                "HEAD",
                "part_number",
                "1734412-02-D",
                "serial_number",
                "B7S24024J01612",
                "web_service",
                "h3-hermes-prd.sn.tesla.services"))
        .isEqualTo(1);
    assertThat(fw25.family("tesla_wall_connector").type()).isEqualTo(MetricFamily.Type.INFO);

    Version old = Captures.parse(Captures.VERSION_2021, Version.class);
    RenderedSamples s = render(new WallConnectorReading(null, null, null, old));
    assertThat(
            s.value(
                "tesla_wall_connector",
                "device",
                DEVICE,
                "firmware_version",
                "21.29.1+g4152353e50f744",
                "git_branch",
                "",
                "part_number",
                "1529455-02-D",
                "serial_number",
                "ACB12345678901",
                "web_service",
                ""))
        .isEqualTo(1);
  }

  @Test
  void absentFieldsAreOmitted() throws Exception {
    Vitals v = WallConnectorJson.parse("vitals", "{\"grid_v\":230.1}", Vitals.class);
    RenderedSamples s = render(new WallConnectorReading(v, null, null, null));

    assertThat(s.list()).extracting(x -> x.family().name()).containsExactly(P + "grid_volts");
  }

  @Test
  void clientJavaExposesTheExpectedNames() {
    String text = TextExposition.render(render(Captures.fw25Reading()).list());

    assertThat(text)
        .contains(
            "tesla_wall_connector_energy_delivered_joules_total{device=\"garage\"} 1.8995832E10")
        .contains("# TYPE tesla_wall_connector_contactor_cycles_total counter")
        .contains("tesla_wall_connector_contactor_cycles_total{device=\"garage\"} 1054.0")
        .contains("tesla_wall_connector_alerts_total{device=\"garage\"} 2243.0")
        .contains("tesla_wall_connector_lifetime_uptime_seconds_total{device=\"garage\"}")
        .contains(
            "tesla_wall_connector_wifi_info{device=\"garage\",ip=\"192.168.1.221\",mac=\"54:F8:F0:0A:30:AA\",ssid=\"SSIORBI\"} 1")
        .contains(
            "tesla_wall_connector_info{device=\"garage\",firmware_version=\"25.34.1+ge48cc9be91ebc7\"")
        .contains("tesla_wall_connector_power_watts{device=\"garage\"} 0.0")
        .contains("tesla_wall_connector_evse_state{device=\"garage\",state=\"not_connected\"} 1.0")
        .contains("tesla_wall_connector_phase_current_amperes{device=\"garage\",phase=\"N\"} 0.0");
  }
}
