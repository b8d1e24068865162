package dev.homeenergy.device.wallconnector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Sample;
import dev.homeenergy.testing.RenderedSamples;
import dev.homeenergy.testing.TextExposition;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatNamingTest {
  /** The 44 names of twc_fetcher.py, in its order: vitals, wifi_status, lifetime. */
  private static final List<String> SEED_NAMES =
      List.of(
          "contactor_closed",
          "vehicle_connected",
          "session_s",
          "grid_v",
          "grid_hz",
          "vehicle_current_a",
          "currentA_a",
          "currentB_a",
          "currentC_a",
          "currentN_a",
          "voltageA_v",
          "voltageB_v",
          "voltageC_v",
          "relay_coil_v",
          "pcba_temp_c",
          "handle_temp_c",
          "mcu_temp_c",
          "uptime_s",
          "input_thermopile_uv",
          "prox_v",
          "pilot_high_v",
          "pilot_low_v",
          "session_energy_wh",
          "config_status",
          "evse_state",
          "current_alerts",
          "evse_not_ready_reasons",
          "wifi_ssid",
          "wifi_signal_strength",
          "wifi_rssi",
          "wifi_snr",
          "wifi_connected",
          "wifi_infra_ip",
          "internet",
          "wifi_mac",
          "contactor_cycles",
          "contactor_cycles_loaded",
          "alert_count",
          "thermal_foldbacks",
          "charge_starts",
          "energy_wh",
          "connector_cycles",
          "uptime_all",
          "charging_time_s");

  private static RenderedSamples render(WallConnectorReading reading) {
    return RenderedSamples.render(new CompatNaming(), reading, "garage");
  }

  @Test
  void fw25CaptureSetGivesExactlyThe44SeedMetrics() {
    RenderedSamples s = render(Captures.fw25Reading());

    assertThat(s.list()).hasSize(44);
    assertThat(s.names()).containsExactlyElementsOf(SEED_NAMES);
    assertThat(s.list())
        .extracting(Sample::family)
        .allSatisfy(
            f -> {
              assertThat(f.type()).isEqualTo(MetricFamily.Type.GAUGE);
              assertThat(f.unit()).isNull();
            });
  }

  @Test
  void noDeviceLabelAndOnlyTheSeedsLabels() {
    RenderedSamples s = render(Captures.fw25Reading());

    assertThat(s.list()).allSatisfy(sample -> assertThat(sample.labels().get("device")).isNull());
    assertThat(s.list().stream().filter(x -> !x.labels().isEmpty()))
        .extracting(x -> x.family().name() + x.labels())
        .containsExactly(
            "current_alerts{values=\"\"}",
            "evse_not_ready_reasons{values=\"4,8\"}",
            "wifi_ssid{value=\"U1NJT1JCSQ==\"}",
            "wifi_infra_ip{value=\"192.168.1.221\"}",
            "wifi_mac{value=\"54:F8:F0:0A:30:AA\"}");
  }

  @Test
  void valuesAreTheRawFieldValues() {
    RenderedSamples s = render(Captures.reading(Captures.VITALS_CHARGING_40A));

    assertThat(s.value("contactor_closed")).isEqualTo(1);
    assertThat(s.value("vehicle_connected")).isEqualTo(1);
    assertThat(s.value("session_s")).isEqualTo(55);
    assertThat(s.value("grid_v")).isEqualTo(252.4);
    assertThat(s.value("grid_hz")).isEqualTo(59.873);
    assertThat(s.value("vehicle_current_a")).isEqualTo(40.1);
    assertThat(s.value("currentA_a")).isEqualTo(0.0);
    assertThat(s.value("currentB_a")).isEqualTo(40.1);
    assertThat(s.value("currentN_a")).isEqualTo(40.1);
    assertThat(s.value("voltageA_v")).isEqualTo(118.8);
    assertThat(s.value("voltageB_v")).isEqualTo(246.5);
    assertThat(s.value("voltageC_v")).isEqualTo(118.5);
    assertThat(s.value("relay_coil_v")).isEqualTo(5.8);
    assertThat(s.value("pcba_temp_c")).isEqualTo(20.7);
    assertThat(s.value("handle_temp_c")).isEqualTo(17.4);
    assertThat(s.value("mcu_temp_c")).isEqualTo(25.2);
    assertThat(s.value("uptime_s")).isEqualTo(2671494);
    assertThat(s.value("input_thermopile_uv")).isEqualTo(-122);
    assertThat(s.value("prox_v")).isEqualTo(1.5);
    assertThat(s.value("pilot_high_v")).isEqualTo(-0.0);
    assertThat(s.value("pilot_low_v")).isEqualTo(4.4);
    assertThat(s.value("session_energy_wh")).isEqualTo(49.4);
    assertThat(s.value("config_status")).isEqualTo(5);
    assertThat(s.value("evse_state")).isEqualTo(11);
    assertThat(s.value("current_alerts", "values", "")).isEqualTo(0);
    assertThat(s.value("evse_not_ready_reasons", "values", "1")).isEqualTo(1);
    assertThat(s.value("wifi_ssid", "value", "U1NJT1JCSQ==")).isEqualTo(1);
    assertThat(s.value("wifi_signal_strength")).isEqualTo(64);
    assertThat(s.value("wifi_rssi")).isEqualTo(-58);
    assertThat(s.value("wifi_snr")).isEqualTo(35);
    assertThat(s.value("wifi_connected")).isEqualTo(1);
    assertThat(s.value("internet")).isEqualTo(1);
    assertThat(s.value("contactor_cycles")).isEqualTo(1054);
    assertThat(s.value("contactor_cycles_loaded")).isEqualTo(66);
    assertThat(s.value("alert_count")).isEqualTo(2243);
    assertThat(s.value("thermal_foldbacks")).isEqualTo(0);
    assertThat(s.value("charge_starts")).isEqualTo(1054);
    assertThat(s.value("energy_wh")).isEqualTo(5276620);
    assertThat(s.value("connector_cycles")).isEqualTo(483);
    assertThat(s.value("uptime_all")).isEqualTo(50804115);
    assertThat(s.value("charging_time_s")).isEqualTo(3938097);
  }

  @Test
  void arraysAreCountedAndCommaJoined() {
    RenderedSamples s = render(Captures.reading(Captures.VITALS_FW25_FACTORY_RESET));

    assertThat(s.value("evse_not_ready_reasons", "values", "2,4,8")).isEqualTo(3);
    assertThat(s.value("current_alerts", "values", "")).isEqualTo(0);
  }

  @Test
  void oldFirmwareWithoutNotReadyReasonsShowsAnEmptyList() {
    RenderedSamples s = render(Captures.reading(Captures.VITALS_FW21_IDLE));

    assertThat(s.list()).hasSize(44);
    assertThat(s.value("evse_not_ready_reasons", "values", "")).isEqualTo(0);
    assertThat(s.value("relay_coil_v")).isEqualTo(12.0);
  }

  @Test
  void relayK1K2AreNotSeedMetricsAndAbsentRelayCoilIsZeroAsTheSeedShowsIt() {
    RenderedSamples s = render(Captures.reading(Captures.VITALS_RELAY_K1_K2));

    assertThat(s.list()).hasSize(44);
    assertThat(s.value("relay_coil_v")).isZero();
    assertThat(s.has("relay_k1_v")).isFalse();
    assertThat(s.has("relay_k2_v")).isFalse();
  }

  @Test
  void nanLifetimeFieldsAreZeroAndAvgStartupTempNeverExported() {
    Lifetime l = Captures.parse(Captures.LIFETIME_BARE_NAN, Lifetime.class);
    RenderedSamples s = render(new WallConnectorReading(null, l, null, null));

    assertThat(s.names())
        .containsExactly(
            "contactor_cycles",
            "contactor_cycles_loaded",
            "alert_count",
            "thermal_foldbacks",
            "charge_starts",
            "energy_wh",
            "connector_cycles",
            "uptime_all",
            "charging_time_s");
    assertThat(s.value("contactor_cycles_loaded")).isZero();
    assertThat(s.value("alert_count")).isZero();
    assertThat(s.value("contactor_cycles")).isEqualTo(450);
  }

  @Test
  void labelValuesAreEscapedByClientJava() {
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
            List.of("a\"b", "c\\d"),
            List.of());
    WifiStatus w = new WifiStatus("line\nbreak", null, null, null, null, null, null, null);
    RenderedSamples s = render(new WallConnectorReading(v, null, w, null));

    assertThat(s.find("current_alerts", Labels.of("values", "a\"b,c\\d"))).isPresent();
    assertThat(TextExposition.render(s.list()))
        .contains("current_alerts{values=\"a\\\"b,c\\\\d\"} 2.0")
        .contains("evse_not_ready_reasons{values=\"\"} 0.0")
        .contains("wifi_ssid{value=\"line\\nbreak\"} 1.0");
  }

  @Test
  void clientJavaAcceptsTheCamelCaseNames() {
    String text = TextExposition.render(render(Captures.fw25Reading()).list());

    assertThat(text)
        .contains("# TYPE currentA_a gauge\ncurrentA_a 0.0")
        .contains("# TYPE voltageA_v gauge\nvoltageA_v 0.2")
        .contains("uptime_all 5.0804115E7")
        .contains("energy_wh 5276620.0")
        .contains("evse_not_ready_reasons{values=\"4,8\"} 2.0")
        .doesNotContain("_total")
        .doesNotContain("device=");
  }
}
