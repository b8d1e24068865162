package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.RenderedSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatNamingTest {
  /**
   * Every family collector.go declares, as exposed, with its exposed type: 53 (the reference notes
   * say 54, but their own table and collector.go's 53 newDesc calls list 53).
   */
  private static final List<String> GO_FAMILIES =
      List.of(
          "powerwall_info gauge",
          "powerwall_uptime_seconds gauge",
          "powerwall_commission_count gauge",
          "powerwall_charge_ratio gauge",
          "powerwall_operation_mode gauge",
          "powerwall_reserve_ratio gauge",
          "powerwall_sitemaster_running gauge",
          "powerwall_sitemaster_connected gauge",
          "powerwall_power_supply_mode gauge",
          "powerwall_sitemaster_busy gauge",
          "powerwall_problems_detected_count gauge",
          "powerwall_full_pack_joules gauge",
          "powerwall_remaining_joules gauge",
          "powerwall_island_state gauge",
          "powerwall_battery_info gauge",
          "powerwall_battery_full_pack_joules gauge",
          "powerwall_battery_remaining_joules gauge",
          "powerwall_battery_output_volts gauge",
          "powerwall_battery_output_amps gauge",
          "powerwall_battery_output_hz gauge",
          "powerwall_battery_charged_joules_total counter",
          "powerwall_battery_discharged_joules_total counter",
          "powerwall_battery_off_grid gauge",
          "powerwall_battery_island_state gauge",
          "powerwall_battery_wobble_detected gauge",
          "powerwall_battery_charge_power_clamped gauge",
          "powerwall_battery_backup_ready gauge",
          "powerwall_battery_pinv_state gauge",
          "powerwall_battery_pinv_grid_state gauge",
          "powerwall_battery_opseq_state gauge",
          "powerwall_instant_power_watts gauge",
          "powerwall_instant_reactive_power_watts gauge",
          "powerwall_instant_apparent_power_watts gauge",
          "powerwall_frequency_hz gauge",
          "powerwall_exported_joules_total counter",
          "powerwall_imported_joules_total counter",
          "powerwall_instant_average_volts gauge",
          "powerwall_instant_average_amps gauge",
          "powerwall_instant_total_amps gauge",
          "powerwall_dev_instant_power_watts gauge",
          "powerwall_dev_instant_reactive_power_watts gauge",
          "powerwall_dev_instant_apparent_power_watts gauge",
          "powerwall_dev_frequency_hz gauge",
          "powerwall_dev_exported_joules_total counter",
          "powerwall_dev_imported_joules_total counter",
          "powerwall_dev_instant_average_volts gauge",
          "powerwall_dev_instant_average_amps gauge",
          "powerwall_dev_instant_total_amps gauge",
          "powerwall_network_enabled gauge",
          "powerwall_network_active gauge",
          "powerwall_network_primary gauge",
          "powerwall_network_state gauge",
          "powerwall_network_signal_strength gauge");

  private static RenderedSamples render(PowerwallReading reading) {
    return RenderedSamples.render(new CompatNaming(), reading, "gw");
  }

  /** fw21.44 running with the stopped sitemaster, so sitemaster_busy appears too. */
  private static PowerwallReading allEndpoints() {
    return PayloadFixtures.fw2144RunningWith("sitemaster", "sitemaster_fw21.44_stopped.json");
  }

  @Test
  void allEndpointsGiveExactlyTheGoFamilies() {
    RenderedSamples s = render(allEndpoints());

    assertThat(GO_FAMILIES).hasSize(53);
    assertThat(s.exposedTypes()).containsExactlyInAnyOrderElementsOf(GO_FAMILIES);
  }

  @Test
  void noDeviceLabelAndValuesThroughFloat32() {
    RenderedSamples s = render(allEndpoints());

    assertThat(s.list()).allSatisfy(x -> assertThat(x.labels().get("device")).isNull());
    assertThat(s.value("powerwall_charge_ratio"))
        .isEqualTo((double) ((float) 42.415190953701725 / 100f));
    assertThat(s.value("powerwall_charge_ratio")).isNotEqualTo(0.42415190953701725);
    assertThat(s.value("powerwall_reserve_ratio")).isEqualTo((double) (30f / 100f));
    assertThat(s.value("powerwall_uptime_seconds")).isEqualTo(230 * 3600 + 55 * 60 + 59.932079901);
    assertThat(s.value("powerwall_commission_count")).isEqualTo(11);
    assertThat(
            s.value(
                "powerwall",
                "version",
                "21.44 223a56cd",
                "git_hash",
                "223a56cd575b7b19bad7e12a4ebad0eb52d1f50a"))
        .isEqualTo(1);
    assertThat(s.value("powerwall_full_pack_joules")).isEqualTo(14061.0 * 3600);
    assertThat(s.value("powerwall_battery_output_hz", "serial", "<<BATTERY_SERIAL>>"))
        .isEqualTo((double) (float) 60.007000000000005);
    assertThat(s.value("powerwall_battery_charged_joules", "serial", "<<BATTERY_SERIAL>>"))
        .isEqualTo(642500.0 * 3600);
    assertThat(s.value("powerwall_exported_joules", "category", "site"))
        .isEqualTo((double) (float) 348463.5610710742 * 3600);
    assertThat(s.value("powerwall_instant_apparent_power_watts", "category", "site"))
        .isEqualTo((double) (float) 336.7862823809782);
  }

  @Test
  void zeroCountersAndZeroFrequencyAreLeftOut() {
    RenderedSamples s = render(allEndpoints());

    assertThat(s.hasSeries("powerwall_exported_joules", "category", "load")).isFalse();
    assertThat(s.hasSeries("powerwall_imported_joules", "category", "load")).isTrue();
    assertThat(s.hasSeries("powerwall_frequency_hz", "category", "site")).isFalse();
    assertThat(s.value("powerwall_frequency_hz", "category", "battery"))
        .isEqualTo((double) (float) 60.007000000000005);
  }

  @Test
  void devMetricsCarryTheTyoeLabel() {
    RenderedSamples s = render(allEndpoints());

    assertThat(
            s.value(
                "powerwall_dev_instant_power_watts",
                "category",
                "site",
                "tyoe",
                "neurio_tcp",
                "serial",
                "OBB1234567890"))
        .isEqualTo((double) (float) -18.00000076368451);
    assertThat(
            s.value(
                "powerwall_dev_frequency_hz",
                "category",
                "solar",
                "tyoe",
                "neurio_tcp",
                "serial",
                "OBB1234567890"))
        .isEqualTo((double) (float) 49.95000076293945);
    assertThat(s.text())
        .contains(
            "powerwall_dev_imported_joules_total{category=\"site\",serial=\"OBB1234567890\",tyoe=\"neurio_tcp\"}");
  }

  @Test
  void sitemasterBusyOnlyWhenNotYes() {
    assertThat(render(allEndpoints()).value("powerwall_sitemaster_busy", "reason", ""))
        .isEqualTo(1);
    assertThat(render(allEndpoints()).value("powerwall_sitemaster_running")).isEqualTo(0);
    assertThat(
            render(PayloadFixtures.fw2144RunningWith())
                .hasSeries("powerwall_sitemaster_busy", "reason", ""))
        .isFalse();
    assertThat(
            render(PayloadFixtures.fw2144RunningWith("sitemaster", "sitemaster_no_can_reboot.json"))
                .value("powerwall_sitemaster_busy", "reason", ""))
        .isEqualTo(1);
  }

  @Test
  void networksAsTheGoExporterShowsThem() {
    RenderedSamples s =
        render(PayloadFixtures.fw2144RunningWith("networks", "networks_ethernet_primary.json"));

    assertThat(
            s.value(
                "powerwall_network_signal_strength", "type", "WifiType", "name", "<<WIFI_SSID>>"))
        .isEqualTo(62);
    assertThat(
            s.hasSeries(
                "powerwall_network_signal_strength", "type", "EthType", "name", "connman_eth"))
        .isFalse();
    assertThat(
            s.value(
                "powerwall_network_state",
                "type",
                "EthType",
                "name",
                "connman_eth",
                "state",
                "DeviceStateReady",
                "reason",
                "DeviceStateReasonNone"))
        .isEqualTo(1);
    RenderedSamples noInfo = render(PayloadFixtures.fw2144RunningWith());
    assertThat(noInfo.of("powerwall_network_state")).hasSize(2);
    assertThat(
            noInfo.value(
                "powerwall_network_enabled",
                "type",
                "EthType",
                "name",
                "ethernet_tesla_internal_default"))
        .isEqualTo(1);
  }

  @Test
  void disabledPackShowsGoZeroValuesAndDuplicateSerialsAreKeptOnce() {
    RenderedSamples s =
        render(
            PayloadFixtures.fw2144RunningWith(
                "system_status", "system_status_3_blocks_one_disabled.json"));

    assertThat(s.value("powerwall_battery_output_volts", "serial", "XXX")).isEqualTo(0);
    assertThat(s.hasSeries("powerwall_battery_charged_joules", "serial", "XXX")).isFalse();
    assertThat(s.value("powerwall_battery_pinv_state", "serial", "XXX", "state", "")).isEqualTo(1);
    assertThat(s.value("powerwall_battery_output_volts", "serial", "TGXXX"))
        .isEqualTo((double) (float) 226.60000000000002);
    assertThat(s.of("powerwall_battery_output_volts")).hasSize(2);
    assertThat(s.of("powerwall_battery")).hasSize(2);
    assertThat(s.text())
        .contains(
            "powerwall_battery_info{partno=\"XXX-G\",serial=\"TGXXX\",version=\"67f943cb05d12d\"} 1");
  }

  @Test
  void operationModeUsesRealModeOnly() throws Exception {
    Operation o2018 =
        PowerwallJson.parse(
            "operation", "{\"mode\":\"backup\",\"backup_reserve_percent\":5}", Operation.class);
    PowerwallReading base = PayloadFixtures.fw2144RunningWith();
    PowerwallReading r =
        new PowerwallReading(
            base.status(),
            base.soe(),
            o2018,
            base.sitemaster(),
            base.problems(),
            base.systemStatus(),
            base.gridStatus(),
            base.aggregates(),
            base.meters(),
            base.networks(),
            base.powerwalls(),
            base.siteInfo(),
            base.endpointFailures(),
            null);

    assertThat(render(r).value("powerwall_operation_mode", "mode", "")).isEqualTo(1);
  }
}
