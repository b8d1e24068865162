package dev.homeenergy.device.sunpower;

import static dev.homeenergy.device.sunpower.SunpowerFixtures.dlCgi;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.dlCgiFull;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.dlCgiReading;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.Sample;
import dev.homeenergy.testing.RenderedSamples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SunpowerNativeNamingTest {
  private static final String[] SUPERVISOR = {
    "device",
    "pvs",
    "device_id",
    "ZT01234567890ABCDEF",
    "model",
    "PV Supervisor PVS6",
    "software_version",
    "2019.5, Build 4150"
  };
  private static final String[] INVERTER_1 = {
    "device",
    "pvs",
    "device_id",
    "E00000000000001",
    "description",
    "Inverter E00000000000001",
    "type",
    "SOLARBRIDGE",
    "model",
    "AC_Module_Type_E",
    "module_id",
    "P07M01234567",
    "port",
    "",
    "software_version",
    "118079776"
  };
  private static final String[] NET_METER = {
    "device",
    "pvs",
    "device_id",
    "PVS6MFAKE00001c",
    "description",
    "Power Meter PVS6MFAKE00001c",
    "type",
    "PVS5-METER-C",
    "model",
    "PVS6M0400c",
    "mode",
    "consumption",
    "port",
    "",
    "ct_rated_current",
    "100",
    "software_version",
    "3000"
  };

  private static RenderedSamples render(SunpowerReading reading) {
    return RenderedSamples.render(new NativeNaming(false), reading, "pvs");
  }

  private static String[] with(String[] labels, String... more) {
    return Stream.concat(Arrays.stream(labels), Arrays.stream(more)).toArray(String[]::new);
  }

  @Test
  void supervisorInBaseUnits() {
    RenderedSamples s = render(dlCgiReading("devicelist_2019_build4150.json"));

    assertThat(s.value("sunpower_pvs_supervisor_communication_errors", SUPERVISOR)).isEqualTo(270);
    assertThat(s.value("sunpower_pvs_supervisor_errors", SUPERVISOR)).isEqualTo(0);
    assertThat(s.value("sunpower_pvs_supervisor_skipped_scans", SUPERVISOR)).isEqualTo(0);
    assertThat(s.value("sunpower_pvs_supervisor_untransmitted_events", SUPERVISOR)).isEqualTo(57);
    assertThat(s.value("sunpower_pvs_supervisor_cpu_load_average", SUPERVISOR)).isEqualTo(0.57);
    assertThat(s.value("sunpower_pvs_supervisor_memory_used_bytes", SUPERVISOR))
        .isEqualTo(41320.0 * 1024);
    assertThat(s.value("sunpower_pvs_supervisor_flash_available_bytes", SUPERVISOR))
        .isEqualTo(86825.0 * 1024);
    assertThat(s.value("sunpower_pvs_supervisor_scan_time_seconds", SUPERVISOR)).isEqualTo(0);
    assertThat(s.value("sunpower_pvs_supervisor_uptime_seconds", SUPERVISOR)).isEqualTo(2181);
    assertThat(s.has("sunpower_pvs_supervisor_cpu_usage_ratio")).isFalse();
    assertThat(s.exposedTypes())
        .contains(
            "sunpower_pvs_supervisor_uptime_seconds gauge",
            "sunpower_pvs_supervisor_communication_errors gauge",
            "sunpower_pvs_supervisor_untransmitted_events gauge",
            "sunpower_pvs_supervisor_skipped_scans_total counter");
    assertThat(s.value("sunpower_pvs_api", "device", "pvs", "api", "dl_cgi")).isEqualTo(1);
  }

  @Test
  void inverterInWattsAndJoulesWithPreFixDcPower() {
    RenderedSamples s = render(dlCgiReading("devicelist_2019_build4150.json"));

    assertThat(s.value("sunpower_pvs_inverter_ac_power_watts", INVERTER_1)).isEqualTo(125.0);
    assertThat(s.value("sunpower_pvs_inverter_dc_power_watts", INVERTER_1))
        .isEqualTo(0.1282 * 1000);
    assertThat(s.value("sunpower_pvs_inverter_energy_joules", INVERTER_1))
        .isEqualTo(13.0464 * 3_600_000);
    assertThat(s.value("sunpower_pvs_inverter_ac_current_amperes", INVERTER_1)).isEqualTo(0.51);
    assertThat(s.value("sunpower_pvs_inverter_ac_voltage_volts", INVERTER_1)).isEqualTo(245.07);
    assertThat(s.value("sunpower_pvs_inverter_dc_current_amperes", INVERTER_1)).isEqualTo(2.47);
    assertThat(s.value("sunpower_pvs_inverter_dc_voltage_volts", INVERTER_1)).isEqualTo(51.82);
    assertThat(s.value("sunpower_pvs_inverter_operating_frequency_hertz", INVERTER_1))
        .isEqualTo(59.99);
    assertThat(s.value("sunpower_pvs_inverter_heatsink_temperature_celsius", INVERTER_1))
        .isEqualTo(29);
    assertThat(s.exposedTypes()).contains("sunpower_pvs_inverter_energy_joules_total counter");
  }

  @Test
  void dcPowerFromMppt1OnNewerFirmware() {
    RenderedSamples s = render(dlCgiReading("devicelist_2025_build61839.json"));

    assertThat(
            s.value(
                "sunpower_pvs_inverter_dc_power_watts",
                "device",
                "pvs",
                "device_id",
                "EFAKE001",
                "description",
                "Inverter EFAKE001",
                "type",
                "SOLARBRIDGE",
                "model",
                "AC_Module_Type_E",
                "module_id",
                "",
                "port",
                "",
                "software_version",
                "4.21.3"))
        .isEqualTo(0.2887 * 1000);
    assertThat(s.of("sunpower_pvs_inverter_dc_power_watts")).hasSize(30);
  }

  @Test
  void meterWithPerLegValuesAndImportExport() {
    RenderedSamples s = render(dlCgiReading("devicelist_2025_build61839.json"));

    assertThat(s.value("sunpower_pvs_power_meter_average_real_power_watts", NET_METER))
        .isEqualTo(-3.0282 * 1000);
    assertThat(
            s.value(
                "sunpower_pvs_power_meter_average_reactive_power_volt_amperes_reactive", NET_METER))
        .isEqualTo(5.4882 * 1000);
    assertThat(s.value("sunpower_pvs_power_meter_average_apparent_power_volt_amperes", NET_METER))
        .isEqualTo(6.4941 * 1000);
    assertThat(s.value("sunpower_pvs_power_meter_power_factor_ratio", NET_METER))
        .isEqualTo(-0.4696);
    assertThat(s.value("sunpower_pvs_power_meter_ac_frequency_hertz", NET_METER))
        .isEqualTo(60.1003);
    assertThat(s.value("sunpower_pvs_power_meter_ct_rated_current_amperes", NET_METER))
        .isEqualTo(100);
    assertThat(s.value("sunpower_pvs_power_meter_net_energy_joules", NET_METER))
        .isEqualTo(-1205.65 * 3_600_000);
    assertThat(s.value("sunpower_pvs_power_meter_imported_energy_joules", NET_METER))
        .isEqualTo(25996.5599 * 3_600_000);
    assertThat(s.value("sunpower_pvs_power_meter_exported_energy_joules", NET_METER))
        .isEqualTo(27202.2599 * 3_600_000);
    assertThat(s.value("sunpower_pvs_power_meter_line_voltage_volts", NET_METER))
        .isEqualTo(241.0823);
    assertThat(s.value("sunpower_pvs_power_meter_leg_current_amperes", with(NET_METER, "leg", "1")))
        .isEqualTo(22.3487);
    assertThat(s.value("sunpower_pvs_power_meter_leg_current_amperes", with(NET_METER, "leg", "2")))
        .isEqualTo(31.5151);
    assertThat(s.value("sunpower_pvs_power_meter_leg_voltage_volts", with(NET_METER, "leg", "1")))
        .isEqualTo(120.3994);
    assertThat(s.value("sunpower_pvs_power_meter_leg_voltage_volts", with(NET_METER, "leg", "2")))
        .isEqualTo(120.6842);
    assertThat(
            s.value("sunpower_pvs_power_meter_leg_real_power_watts", with(NET_METER, "leg", "1")))
        .isEqualTo(-1.8363 * 1000);
    assertThat(
            s.value("sunpower_pvs_power_meter_leg_real_power_watts", with(NET_METER, "leg", "2")))
        .isEqualTo(-1.1918 * 1000);
    assertThat(s.exposedTypes())
        .contains(
            "sunpower_pvs_power_meter_imported_energy_joules_total counter",
            "sunpower_pvs_power_meter_exported_energy_joules_total counter",
            "sunpower_pvs_power_meter_net_energy_joules gauge");
    assertThat(s.of("sunpower_pvs_power_meter_current_amperes"))
        .singleElement()
        .satisfies(x -> assertThat(x.value()).isEqualTo(37.5948));
  }

  @Test
  void absentFieldsAreLeftOutNeverNan() {
    RenderedSamples s = render(dlCgiReading("devicelist_inverter_error_no_values.json"));

    assertThat(s.list()).noneSatisfy(x -> assertThat(x.value()).isNaN());
    assertThat(s.has("sunpower_pvs_inverter_ac_power_watts")).isFalse();
    assertThat(s.has("sunpower_pvs_power_meter_leg_current_amperes")).isFalse();
  }

  @Test
  void deviceStateIsOneForEveryDeviceAndState() {
    RenderedSamples s = render(dlCgiReading("devicelist_ess_devices.json"));

    assertThat(s.of("sunpower_pvs_device_state"))
        .hasSize(21)
        .allSatisfy(x -> assertThat(x.value()).isEqualTo(1));
    assertThat(
            s.value(
                "sunpower_pvs_device_state",
                "device",
                "pvs",
                "serial",
                "M00122109A0355",
                "type",
                "Battery",
                "state",
                "error"))
        .isEqualTo(1);
    assertThat(
            s.value(
                "sunpower_pvs_device_state",
                "device",
                "pvs",
                "serial",
                "ZT21234123451234123",
                "type",
                "PVS",
                "state",
                "working"))
        .isEqualTo(1);
  }

  @Test
  void pvDisconnectVoltages() {
    RenderedSamples s = render(dlCgiReading("devicelist_ess_devices.json"));
    String[] disconnect = {
      "device",
      "pvs",
      "device_id",
      "SY01234567890ABCDEF",
      "device_type",
      "PV Disconnect",
      "model",
      "SunPower PV Disconnect Relay",
      "type",
      "PV-DISCONNECT"
    };

    assertThat(
            s.value(
                "sunpower_pvs_storage_leg_voltage_volts",
                with(disconnect, "leg", "1", "side", "grid")))
        .isEqualTo(123.1);
    assertThat(
            s.value(
                "sunpower_pvs_storage_leg_voltage_volts",
                with(disconnect, "leg", "2", "side", "pv")))
        .isEqualTo(122.5);
    assertThat(s.of("sunpower_pvs_storage_leg_voltage_volts")).hasSize(4);
  }

  @Test
  void infoMetricsAndGridProfileErrorDropsOnlyGridProfile() {
    RenderedSamples ok = render(dlCgiFull("devicelist_2019_build4150.json"));
    RenderedSamples failed =
        render(
            parse(
                dlCgi(
                    "devicelist_2019_build4150.json",
                    "get_comm.json",
                    "gridprofileget_error_mime.json")));

    assertThat(
            ok.value(
                "sunpower_pvs_grid_profile",
                "device",
                "pvs",
                "id",
                "816bf3302d337a42680b996227ddbc46abf9cd05",
                "name",
                "IEEE-1547a-2014 + 2020 CA Rule21",
                "percent",
                "100",
                "status",
                "success"))
        .isEqualTo(1);
    assertThat(
            ok.value(
                "sunpower_pvs_communication_interface",
                "device",
                "pvs",
                "interface",
                "sta0",
                "internet",
                "up",
                "sms",
                "reachable"))
        .isEqualTo(1);
    assertThat(failed.has("sunpower_pvs_grid_profile")).isFalse();
    assertThat(failed.names())
        .containsAll(
            ok.names().stream().filter(n -> !n.equals("sunpower_pvs_grid_profile")).toList());
    assertThat(failed.list()).hasSize(ok.list().size() - 1);
  }

  @Test
  void deviceTimestampsOnlyWhenAskedAndInUtc() {
    SunpowerReading reading = dlCgiReading("devicelist_2019_build4150.json");
    RenderedSamples without = render(reading);
    RenderedSamples with = RenderedSamples.render(new NativeNaming(true), reading, "pvs");

    assertThat(without.list()).allSatisfy(x -> assertThat(x.timestampMillis()).isNull());
    assertThat(with.find("sunpower_pvs_supervisor_uptime_seconds", Labels.of(SUPERVISOR)))
        .get()
        .extracting(Sample::timestampMillis)
        .isEqualTo(Instant.parse("2019-05-11T16:50:00Z").toEpochMilli());
    assertThat(with.find("sunpower_pvs_inverter_ac_power_watts", Labels.of(INVERTER_1)))
        .get()
        .extracting(Sample::timestampMillis)
        .isEqualTo(Instant.parse("2019-05-11T16:52:00Z").toEpochMilli());
    assertThat(
            with.value(
                "sunpower_pvs_device_state",
                "device",
                "pvs",
                "serial",
                "E00000000000001",
                "type",
                "Inverter",
                "state",
                "working"))
        .isEqualTo(1);
    assertThat(with.of("sunpower_pvs_device_state"))
        .allSatisfy(x -> assertThat(x.timestampMillis()).isNotNull());
    assertThat(with.of("sunpower_pvs_api"))
        .allSatisfy(x -> assertThat(x.timestampMillis()).isNull());
  }

  @Test
  void varsSupervisorSiteTotalsAndApi() {
    RenderedSamples s = render(SunpowerVarsTest.dump());
    String[] supervisor = {
      "device",
      "pvs",
      "device_id",
      "ZT0123456789A1234",
      "model",
      "PV Supervisor PVS6",
      "software_version",
      "2025.09.04.61845"
    };

    assertThat(s.value("sunpower_pvs_api", "device", "pvs", "api", "vars")).isEqualTo(1);
    assertThat(s.value("sunpower_pvs_supervisor_uptime_seconds", supervisor)).isEqualTo(31371.70);
    assertThat(s.value("sunpower_pvs_supervisor_cpu_usage_ratio", supervisor)).isEqualTo(0.07);
    assertThat(s.value("sunpower_pvs_supervisor_memory_used_ratio", supervisor)).isEqualTo(0.07);
    assertThat(s.value("sunpower_pvs_supervisor_flash_used_ratio", supervisor)).isEqualTo(0.73);
    assertThat(s.has("sunpower_pvs_supervisor_cpu_load_average")).isFalse();
    assertThat(s.has("sunpower_pvs_supervisor_memory_used_bytes")).isFalse();
    assertThat(s.value("sunpower_pvs_site_pv_power_watts", "device", "pvs"))
        .isEqualTo(1.747903 * 1000);
    assertThat(s.value("sunpower_pvs_site_net_power_watts", "device", "pvs"))
        .isEqualTo(-1.620737 * 1000);
    assertThat(s.value("sunpower_pvs_site_load_power_watts", "device", "pvs"))
        .isEqualTo(0.127166 * 1000);
    assertThat(s.value("sunpower_pvs_site_pv_energy_joules", "device", "pvs"))
        .isEqualTo(27867.650391 * 3_600_000);
    assertThat(s.value("sunpower_pvs_site_net_energy_joules", "device", "pvs"))
        .isEqualTo(14116.009766 * 3_600_000);
    assertThat(s.value("sunpower_pvs_site_load_energy_joules", "device", "pvs"))
        .isEqualTo(41983.660156 * 3_600_000);
    assertThat(s.value("sunpower_pvs_site_backup_time_remaining_seconds", "device", "pvs"))
        .isEqualTo(0);
    assertThat(s.has("sunpower_pvs_site_storage_power_watts")).isFalse();
    assertThat(s.has("sunpower_pvs_site_state_of_charge_ratio")).isFalse();
    assertThat(
            s.value(
                "sunpower_pvs_device_state",
                "device",
                "pvs",
                "serial",
                "PVS6M123456p",
                "type",
                "Power Meter",
                "state",
                "working"))
        .isEqualTo(1);
  }

  @Test
  void varsEssHealthAndSiteStorage() {
    RenderedSamples s =
        RenderedSamples.render(new NativeNaming(true), SunpowerVarsTest.withEss(), "pvs");
    String[] ess = {
      "device",
      "pvs",
      "device_id",
      "BC2222000333",
      "device_type",
      "Energy Storage System",
      "model",
      "SPWR-Equinox-model",
      "type",
      ""
    };

    assertThat(s.value("sunpower_pvs_storage_state_of_charge_ratio", ess)).isEqualTo(0.86);
    assertThat(s.value("sunpower_pvs_storage_customer_state_of_charge_ratio", ess)).isEqualTo(0.85);
    assertThat(s.value("sunpower_pvs_storage_state_of_health_ratio", ess)).isEqualTo(0.99);
    assertThat(s.value("sunpower_pvs_storage_power_watts", ess)).isEqualTo(-1250.0);
    assertThat(s.value("sunpower_pvs_storage_positive_energy_joules", ess))
        .isEqualTo(701.25 * 3_600_000);
    assertThat(s.value("sunpower_pvs_storage_negative_energy_joules", ess))
        .isEqualTo(812.5 * 3_600_000);
    assertThat(s.value("sunpower_pvs_storage_inverter_temperature_celsius", ess)).isEqualTo(31.5);
    assertThat(s.value("sunpower_pvs_storage_battery_voltage_volts", ess)).isEqualTo(52.1);
    assertThat(
            s.value(
                "sunpower_pvs_storage_battery_cell_temperature_celsius", with(ess, "bound", "max")))
        .isEqualTo(27);
    assertThat(
            s.value("sunpower_pvs_storage_battery_cell_voltage_volts", with(ess, "bound", "min")))
        .isEqualTo(3.29);
    assertThat(s.value("sunpower_pvs_storage_charge_limit_watts", ess)).isEqualTo(6800);
    assertThat(s.value("sunpower_pvs_storage_discharge_limit_watts", ess)).isEqualTo(6800);
    assertThat(
            s.value(
                "sunpower_pvs_storage_leg_voltage_volts", with(ess, "leg", "1", "side", "load")))
        .isEqualTo(121);
    assertThat(s.find("sunpower_pvs_storage_power_watts", Labels.of(ess)))
        .get()
        .extracting(Sample::timestampMillis)
        .isEqualTo(Instant.parse("2025-09-30T15:50:00Z").toEpochMilli());
    String[] hub = {
      "device",
      "pvs",
      "device_id",
      "SY0000111222",
      "device_type",
      "HUB+",
      "model",
      "SunPower MIDC",
      "type",
      ""
    };
    assertThat(s.value("sunpower_pvs_storage_temperature_celsius", hub)).isEqualTo(35);
    assertThat(s.value("sunpower_pvs_storage_supply_voltage_volts", hub)).isEqualTo(12.1);
    assertThat(
            s.value(
                "sunpower_pvs_storage_leg_voltage_volts", with(hub, "leg", "2", "side", "grid")))
        .isEqualTo(120.6);
    assertThat(s.value("sunpower_pvs_site_storage_power_watts", "device", "pvs")).isEqualTo(1186.0);
    assertThat(s.value("sunpower_pvs_site_storage_energy_joules", "device", "pvs"))
        .isEqualTo(-490.477997 * 3_600_000);
    assertThat(s.value("sunpower_pvs_site_state_of_charge_ratio", "device", "pvs")).isEqualTo(0.86);
    assertThat(s.value("sunpower_pvs_site_backup_time_remaining_seconds", "device", "pvs"))
        .isEqualTo(570 * 60);
    assertThat(s.find("sunpower_pvs_site_state_of_charge_ratio", Labels.of("device", "pvs")))
        .get()
        .extracting(Sample::timestampMillis)
        .isEqualTo(1_751_083_263_000L);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "devicelist_2019_build4150.json",
        "devicelist_2023_build61410_37inverters.json",
        "devicelist_2024_build61640.json",
        "devicelist_2025_build61839.json",
        "devicelist_2025_build61839_4devices.json",
        "devicelist_ess_devices.json",
        "devicelist_inverter_error_no_values.json",
        "devicelist_inverter_error_with_values.json"
      })
  void everyCaptureRendersWithTheDeviceLabelAndNoDuplicates(String file) {
    RenderedSamples s = render(dlCgiFull(file));

    assertThat(s.list()).allSatisfy(x -> assertThat(x.labels().get("device")).isEqualTo("pvs"));
    assertThat(s.list()).allSatisfy(x -> assertThat(x.family().name()).startsWith("sunpower_pvs_"));
    assertThat(s.text()).isNotEmpty();
  }

  @Test
  void varsDumpRendersWithoutDuplicates() {
    RenderedSamples s = render(SunpowerVarsTest.withEss());

    assertThat(s.text()).contains("sunpower_pvs_api_info{api=\"vars\",device=\"pvs\"} 1\n");
  }
}
