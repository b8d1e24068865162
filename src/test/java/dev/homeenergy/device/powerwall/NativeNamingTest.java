package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.RenderedSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeNamingTest {
  private static final String D = "gw";

  private static RenderedSamples render(PowerwallReading reading) {
    return RenderedSamples.render(new NativeNaming(), reading, D);
  }

  @Test
  void exposedFamiliesForTheFw2144Set() {
    RenderedSamples s = render(PayloadFixtures.fw2144RunningWith());

    assertThat(s.exposedTypes())
        .containsExactlyInAnyOrderElementsOf(
            List.of(
                "powerwall_info gauge",
                "powerwall_uptime_seconds gauge",
                "powerwall_commissions_total counter",
                "powerwall_charge_ratio gauge",
                "powerwall_operation_mode gauge",
                "powerwall_reserve_ratio gauge",
                "powerwall_sitemaster_running gauge",
                "powerwall_sitemaster_connected gauge",
                "powerwall_power_supply_mode gauge",
                "powerwall_sitemaster_busy gauge",
                "powerwall_problems_detected gauge",
                "powerwall_full_pack_joules gauge",
                "powerwall_remaining_joules gauge",
                "powerwall_island_state gauge",
                "powerwall_battery_info gauge",
                "powerwall_battery_full_pack_joules gauge",
                "powerwall_battery_remaining_joules gauge",
                "powerwall_battery_output_volts gauge",
                "powerwall_battery_output_amperes gauge",
                "powerwall_battery_output_hertz gauge",
                "powerwall_battery_output_power_watts gauge",
                "powerwall_battery_output_reactive_power_volt_amperes_reactive gauge",
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
                "powerwall_grid_status gauge",
                "powerwall_grid_services_active gauge",
                "powerwall_instant_power_watts gauge",
                "powerwall_instant_reactive_power_volt_amperes_reactive gauge",
                "powerwall_instant_apparent_power_volt_amperes gauge",
                "powerwall_frequency_hertz gauge",
                "powerwall_exported_joules_total counter",
                "powerwall_imported_joules_total counter",
                "powerwall_instant_average_volts gauge",
                "powerwall_instant_average_amperes gauge",
                "powerwall_instant_total_amperes gauge",
                "powerwall_phase_current_amperes gauge",
                "powerwall_dev_instant_power_watts gauge",
                "powerwall_dev_instant_reactive_power_volt_amperes_reactive gauge",
                "powerwall_dev_instant_apparent_power_volt_amperes gauge",
                "powerwall_dev_frequency_hertz gauge",
                "powerwall_dev_exported_joules_total counter",
                "powerwall_dev_imported_joules_total counter",
                "powerwall_dev_instant_average_volts gauge",
                "powerwall_dev_instant_average_amperes gauge",
                "powerwall_dev_instant_total_amperes gauge",
                "powerwall_dev_phase_current_amperes gauge",
                "powerwall_dev_phase_voltage_volts gauge",
                "powerwall_dev_phase_power_watts gauge",
                "powerwall_dev_phase_reactive_power_volt_amperes_reactive gauge",
                "powerwall_network_enabled gauge",
                "powerwall_network_active gauge",
                "powerwall_network_primary gauge",
                "powerwall_network_state gauge",
                "powerwall_network_signal_strength_ratio gauge",
                "powerwall_site_info gauge",
                "powerwall_site_nominal_system_energy_joules gauge",
                "powerwall_site_nominal_system_power_watts gauge"));
  }

  @Test
  void everySampleCarriesTheDeviceLabel() {
    RenderedSamples s = render(PayloadFixtures.fw2144RunningWith());

    assertThat(s.list()).allSatisfy(x -> assertThat(x.labels().get("device")).isEqualTo(D));
  }

  @Test
  void exactValuesWithoutFloat32() {
    RenderedSamples s = render(PayloadFixtures.fw2144RunningWith());

    assertThat(s.value("powerwall_charge_ratio", "device", D)).isEqualTo(42.415190953701725 / 100);
    assertThat(s.value("powerwall_charge_ratio", "device", D)).isEqualTo(0.42415190953701725);
    assertThat(s.value("powerwall_reserve_ratio", "device", D)).isEqualTo(0.3);
    assertThat(s.value("powerwall_uptime_seconds", "device", D))
        .isEqualTo(230 * 3600 + 55 * 60 + 59.932079901);
    assertThat(s.value("powerwall_commissions", "device", D)).isEqualTo(11);
    assertThat(s.value("powerwall_exported_joules", "device", D, "category", "site"))
        .isEqualTo(348463.5610710742 * 3600);
    assertThat(
            s.value(
                "powerwall_battery_charged_joules", "device", D, "serial", "<<BATTERY_SERIAL>>"))
        .isEqualTo(642500.0 * 3600);
    assertThat(
            s.value("powerwall_battery_output_hertz", "device", D, "serial", "<<BATTERY_SERIAL>>"))
        .isEqualTo(60.007000000000005);
    assertThat(
            s.value(
                "powerwall_battery_output_power_watts",
                "device",
                D,
                "serial",
                "<<BATTERY_SERIAL>>"))
        .isEqualTo(-70);
    assertThat(
            s.value(
                "powerwall_battery_output_reactive_power_volt_amperes_reactive",
                "device",
                D,
                "serial",
                "<<BATTERY_SERIAL>>"))
        .isEqualTo(30);
    assertThat(
            s.value(
                "powerwall_instant_apparent_power_volt_amperes", "device", D, "category", "site"))
        .isEqualTo(336.7862823809782);
    assertThat(s.value("powerwall_sitemaster_busy", "device", D, "reason", "")).isEqualTo(0);
    assertThat(s.value("powerwall_grid_status", "device", D, "state", "SystemGridConnected"))
        .isEqualTo(1);
    assertThat(s.value("powerwall_grid_services_active", "device", D)).isEqualTo(0);
    assertThat(
            s.value(
                "powerwall_network_signal_strength_ratio",
                "device",
                D,
                "type",
                "GsmType",
                "name",
                "gsm_tesla_internal_default"))
        .isEqualTo(0.71);
    assertThat(s.value("powerwall_site_nominal_system_energy_joules", "device", D))
        .isEqualTo(13.5 * 3_600_000);
    assertThat(s.value("powerwall_site_nominal_system_power_watts", "device", D)).isEqualTo(5000);
  }

  @Test
  void zeroValuesAreKept() {
    RenderedSamples s =
        render(PayloadFixtures.fw2144RunningWith("networks", "networks_ethernet_primary.json"));

    assertThat(s.value("powerwall_exported_joules", "device", D, "category", "load")).isEqualTo(0);
    assertThat(s.value("powerwall_frequency_hertz", "device", D, "category", "site")).isEqualTo(0);
    assertThat(
            s.value(
                "powerwall_network_signal_strength_ratio",
                "device",
                D,
                "type",
                "EthType",
                "name",
                "connman_eth"))
        .isEqualTo(0);
  }

  @Test
  void meterDevicesUseTypeLabelAndPhases() {
    RenderedSamples s = render(PayloadFixtures.fw2144RunningWith());
    String[] site = {
      "device", D, "category", "site", "type", "neurio_tcp", "serial", "OBB1234567890"
    };

    assertThat(s.value("powerwall_dev_imported_joules", site)).isEqualTo(15614764.694437858 * 3600);
    assertThat(s.value("powerwall_dev_phase_voltage_volts", with(site, "phase", "A")))
        .isEqualTo(247.55999755859375);
    assertThat(s.value("powerwall_dev_phase_voltage_volts", with(site, "phase", "B")))
        .isEqualTo(0.20000000298023224);
    assertThat(s.hasSeries("powerwall_dev_phase_voltage_volts", with(site, "phase", "C")))
        .isFalse();
    assertThat(s.value("powerwall_dev_phase_power_watts", with(site, "phase", "A")))
        .isEqualTo(-17.950000762939453);
    assertThat(
            s.value(
                "powerwall_phase_current_amperes", "device", D, "category", "load", "phase", "C"))
        .isEqualTo(0);
    assertThat(s.text())
        .contains(
            "powerwall_dev_instant_power_watts{category=\"site\",device=\"gw\","
                + "serial=\"OBB1234567890\",type=\"neurio_tcp\"} -18.00000076368451");
    assertThat(s.text()).doesNotContain("tyoe");
  }

  @Test
  void siteInfoLabelsFromNestedAndFlatForms() {
    RenderedSamples nested = render(PayloadFixtures.fw2144RunningWith());
    RenderedSamples flat =
        render(PayloadFixtures.fw2144RunningWith("site_info", "site_info_flat_pre2021.json"));

    assertThat(nested.text())
        .contains(
            "powerwall_site_info{country=\"United States\",device=\"gw\","
                + "distributor=\"*\",grid_code=\"60Hz_240V_s_UL1741SA:2019_California\",grid_freq_setting=\"60\","
                + "grid_phase_setting=\"Split\",grid_voltage_setting=\"240\",region=\"UL1741SA-CA:2019\","
                + "retailer=\"CleanPowerSF (CPSF)\",site_name=\"Home Energy Gateway\",state=\"California\","
                + "timezone=\"America/Los_Angeles\",utility=\"Pacific Gas and Electric Company\"} 1");
    assertThat(flat.text())
        .contains(
            "grid_code=\"60Hz_240V_s_IEEE1547a_2014\"",
            "site_name=\"MySite\"",
            "timezone=\"America/Chicago\"");
  }

  @Test
  void disabledPackFieldsAreOmittedAndSharedSerialsKeptOnce() {
    RenderedSamples s =
        render(
            PayloadFixtures.fw2144RunningWith(
                "system_status", "system_status_3_blocks_one_disabled.json"));

    assertThat(s.hasSeries("powerwall_battery_output_volts", "device", D, "serial", "XXX"))
        .isFalse();
    assertThat(s.hasSeries("powerwall_battery_charged_joules", "device", D, "serial", "XXX"))
        .isFalse();
    assertThat(s.value("powerwall_battery_full_pack_joules", "device", D, "serial", "XXX"))
        .isEqualTo(14714.0 * 3600);
    assertThat(s.value("powerwall_battery_output_volts", "device", D, "serial", "TGXXX"))
        .isEqualTo(226.60000000000002);
    assertThat(s.of("powerwall_battery_output_volts")).hasSize(1);
    assertThat(
            s.value(
                "powerwall_battery_opseq_state", "device", D, "serial", "XXX", "state", "Standby"))
        .isEqualTo(1);
  }

  @Test
  void mode2018AndStoppedSitemaster() throws Exception {
    RenderedSamples stopped =
        render(PayloadFixtures.fw2144RunningWith("sitemaster", "sitemaster_fw21.44_stopped.json"));
    assertThat(stopped.value("powerwall_sitemaster_busy", "device", D, "reason", "")).isEqualTo(1);
    assertThat(stopped.value("powerwall_sitemaster_running", "device", D)).isEqualTo(0);

    Operation o2018 = PowerwallJson.parse("operation", "{\"mode\":\"backup\"}", Operation.class);
    PowerwallReading r =
        new PowerwallReading(
            null,
            null,
            o2018,
            null,
            null,
            null,
            null,
            null,
            java.util.Map.of(),
            null,
            null,
            null,
            List.of(),
            null);
    assertThat(render(r).value("powerwall_operation_mode", "device", D, "mode", "backup"))
        .isEqualTo(1);
  }

  private static String[] with(String[] pairs, String name, String value) {
    String[] out = java.util.Arrays.copyOf(pairs, pairs.length + 2);
    out[pairs.length] = name;
    out[pairs.length + 1] = value;
    return out;
  }
}
