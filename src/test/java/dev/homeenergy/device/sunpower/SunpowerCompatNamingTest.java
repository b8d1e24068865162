package dev.homeenergy.device.sunpower;

import static dev.homeenergy.device.sunpower.SunpowerFixtures.dlCgi;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.dlCgiFull;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.dlCgiReading;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.Sample;
import dev.homeenergy.testing.RenderedSamples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SunpowerCompatNamingTest {
  /**
   * The Python exporter's 28 families as exposed in the text format, with their types (research
   * notes §1.4).
   */
  private static final List<String> PYTHON_FAMILIES =
      List.of(
          "sunpower_pvs_communication_interface_info gauge",
          "sunpower_pvs_grid_profile_info gauge",
          "sunpower_pvs_supervisor_communication_errors_total counter",
          "sunpower_pvs_supervisor_cpu_loadavg gauge",
          "sunpower_pvs_supervisor_errors_total counter",
          "sunpower_pvs_supervisor_flash_storage_available_bytes gauge",
          "sunpower_pvs_supervisor_mem_used_bytes gauge",
          "sunpower_pvs_supervisor_scan_time_seconds gauge",
          "sunpower_pvs_supervisor_skipped_scans_total counter",
          "sunpower_pvs_supervisor_untransmitted_events_total counter",
          "sunpower_pvs_supervisor_uptime_seconds_total counter",
          "sunpower_pvs_power_meter_ct_rated_current_amperes gauge",
          "sunpower_pvs_power_meter_ac_frequency_hertz gauge",
          "sunpower_pvs_power_meter_net_energy_watt_hours gauge",
          "sunpower_pvs_power_meter_average_real_power_watts gauge",
          "sunpower_pvs_power_meter_average_reactive_power_volt_amperes_reactive gauge",
          "sunpower_pvs_power_meter_average_apparent_power_volt_amperes_reactive gauge",
          "sunpower_pvs_power_meter_power_factor_real_power_per_apparent_power gauge",
          "sunpower_pvs_inverter_ac_current_amperes gauge",
          "sunpower_pvs_inverter_ac_power_watts gauge",
          "sunpower_pvs_inverter_ac_voltage_volts gauge",
          "sunpower_pvs_inverter_dc_current_amperes gauge",
          "sunpower_pvs_inverter_dc_power_watts gauge",
          "sunpower_pvs_inverter_dc_voltage_volts gauge",
          "sunpower_pvs_inverter_operating_frequency_hertz gauge",
          "sunpower_pvs_inverter_energy_total_watt_hours gauge",
          "sunpower_pvs_inverter_heatsink_temperature_celsius gauge",
          "sunpower_pvs_device_state gauge");

  private static final String[] SUPERVISOR = {
    "device_id",
    "ZT01234567890ABCDEF",
    "model",
    "PV Supervisor PVS6",
    "software_version",
    "2019.5, Build 4150"
  };
  private static final String[] PRODUCTION_METER = {
    "device_id",
    "PVS6M01234567p",
    "description",
    "Power Meter PVS6M01234567p",
    "type",
    "PVS5-METER-P",
    "model",
    "PVS6M0400p",
    "mode",
    "production",
    "port",
    "",
    "ct_rated_current",
    "50",
    "software_version",
    "3000"
  };
  private static final String[] CONSUMPTION_METER = {
    "device_id",
    "PVS6M01234567c",
    "description",
    "Power Meter PVS6M01234567c",
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
  private static final String[] INVERTER_1 = {
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

  private static RenderedSamples render(SunpowerReading reading) {
    return RenderedSamples.render(new CompatNaming(false), reading, "pvs");
  }

  private static SunpowerReading full2019() {
    return parse(
        dlCgi("devicelist_2019_build4150.json", "get_comm_2019.json", "gridprofileget.json"));
  }

  @Test
  void fullPollGivesExactlyThePythonFamilies() {
    RenderedSamples s = render(full2019());

    assertThat(PYTHON_FAMILIES).hasSize(28);
    assertThat(s.exposedTypes()).containsExactlyInAnyOrderElementsOf(PYTHON_FAMILIES);
    assertThat(CompatNaming.FAMILIES).hasSize(28);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "devicelist_2023_build61410_37inverters.json",
        "devicelist_2024_build61640.json",
        "devicelist_2025_build61839.json",
        "devicelist_2025_build61839_4devices.json",
        "devicelist_ess_devices.json",
        "devicelist_inverter_error_no_values.json"
      })
  void everyCaptureGivesThePythonFamiliesAndNoDeviceLabel(String file) {
    RenderedSamples s = render(dlCgiFull(file));

    assertThat(s.exposedTypes()).containsExactlyInAnyOrderElementsOf(PYTHON_FAMILIES);
    assertThat(s.list()).allSatisfy(x -> assertThat(x.labels().get("device")).isNull());
    assertThat(s.list()).allSatisfy(x -> assertThat(x.timestampMillis()).isNull());
  }

  @Test
  void supervisorValuesAsThePythonExporter() {
    RenderedSamples s = render(full2019());

    assertThat(s.value("sunpower_pvs_supervisor_communication_errors", SUPERVISOR)).isEqualTo(270);
    assertThat(s.value("sunpower_pvs_supervisor_cpu_loadavg", SUPERVISOR)).isEqualTo(0.57);
    assertThat(s.value("sunpower_pvs_supervisor_errors", SUPERVISOR)).isEqualTo(0);
    assertThat(s.value("sunpower_pvs_supervisor_flash_storage_available_bytes", SUPERVISOR))
        .isEqualTo(86825.0 * 1024);
    assertThat(s.value("sunpower_pvs_supervisor_mem_used_bytes", SUPERVISOR))
        .isEqualTo(41320.0 * 1024);
    assertThat(s.value("sunpower_pvs_supervisor_scan_time_seconds", SUPERVISOR)).isEqualTo(0);
    assertThat(s.value("sunpower_pvs_supervisor_skipped_scans", SUPERVISOR)).isEqualTo(0);
    assertThat(s.value("sunpower_pvs_supervisor_untransmitted_events", SUPERVISOR)).isEqualTo(57);
    assertThat(s.value("sunpower_pvs_supervisor_uptime_seconds", SUPERVISOR)).isEqualTo(2181);
    assertThat(s.text())
        .contains(
            "sunpower_pvs_supervisor_uptime_seconds_total{device_id=\"ZT01234567890ABCDEF\","
                + "model=\"PV Supervisor PVS6\",software_version=\"2019.5, Build 4150\"} 2181.0\n");
  }

  @Test
  void meterValuesInWattsAndWattHours() {
    RenderedSamples s = render(full2019());

    assertThat(s.value("sunpower_pvs_power_meter_ct_rated_current_amperes", PRODUCTION_METER))
        .isEqualTo(50);
    assertThat(s.value("sunpower_pvs_power_meter_ac_frequency_hertz", PRODUCTION_METER))
        .isEqualTo(60.0859);
    assertThat(s.value("sunpower_pvs_power_meter_net_energy_watt_hours", PRODUCTION_METER))
        .isEqualTo(198.92 * 1000);
    assertThat(s.value("sunpower_pvs_power_meter_average_real_power_watts", PRODUCTION_METER))
        .isEqualTo(1.9867 * 1000);
    assertThat(
            s.value(
                "sunpower_pvs_power_meter_average_reactive_power_volt_amperes_reactive",
                PRODUCTION_METER))
        .isEqualTo(0.3025 * 1000);
    assertThat(
            s.value(
                "sunpower_pvs_power_meter_average_apparent_power_volt_amperes_reactive",
                PRODUCTION_METER))
        .isEqualTo(2.013 * 1000);
    assertThat(
            s.value(
                "sunpower_pvs_power_meter_power_factor_real_power_per_apparent_power",
                PRODUCTION_METER))
        .isEqualTo(0.9882);
    assertThat(s.value("sunpower_pvs_power_meter_net_energy_watt_hours", CONSUMPTION_METER))
        .isEqualTo(-65650.0);
    assertThat(s.value("sunpower_pvs_power_meter_average_real_power_watts", CONSUMPTION_METER))
        .isEqualTo(-1550.0);
  }

  @Test
  void inverterValuesIncludingPreFixDcPower() {
    RenderedSamples s = render(full2019());

    assertThat(s.value("sunpower_pvs_inverter_ac_current_amperes", INVERTER_1)).isEqualTo(0.51);
    assertThat(s.value("sunpower_pvs_inverter_ac_power_watts", INVERTER_1)).isEqualTo(125.0);
    assertThat(s.value("sunpower_pvs_inverter_ac_voltage_volts", INVERTER_1)).isEqualTo(245.07);
    assertThat(s.value("sunpower_pvs_inverter_dc_current_amperes", INVERTER_1)).isEqualTo(2.47);
    assertThat(s.value("sunpower_pvs_inverter_dc_power_watts", INVERTER_1))
        .isEqualTo(0.1282 * 1000);
    assertThat(s.value("sunpower_pvs_inverter_dc_voltage_volts", INVERTER_1)).isEqualTo(51.82);
    assertThat(s.value("sunpower_pvs_inverter_operating_frequency_hertz", INVERTER_1))
        .isEqualTo(59.99);
    assertThat(s.value("sunpower_pvs_inverter_energy_total_watt_hours", INVERTER_1))
        .isEqualTo(13.0464 * 1000);
    assertThat(s.value("sunpower_pvs_inverter_heatsink_temperature_celsius", INVERTER_1))
        .isEqualTo(29);
  }

  @Test
  void dcPowerIsNanOnFirmwareWithoutMpptsumAsInThePythonExporter() {
    RenderedSamples s = render(dlCgiReading("devicelist_2025_build61839.json"));

    assertThat(s.of("sunpower_pvs_inverter_dc_power_watts"))
        .hasSize(30)
        .allSatisfy(x -> assertThat(x.value()).isNaN());
    assertThat(s.of("sunpower_pvs_inverter_ac_power_watts"))
        .noneSatisfy(x -> assertThat(x.value()).isNaN());
  }

  @Test
  void inverterInErrorWithoutValuesGivesNanAndStateZero() {
    RenderedSamples s = render(dlCgiReading("devicelist_inverter_error_no_values.json"));
    String[] inverter = {
      "device_id",
      "E00000000000001",
      "description",
      "Inverter E00000000000001",
      "type",
      "SOLARBRIDGE",
      "model",
      "AC_Module_Type_E",
      "module_id",
      "P07M00000001",
      "port",
      "",
      "software_version",
      "118079776"
    };

    assertThat(s.value("sunpower_pvs_inverter_ac_power_watts", inverter)).isNaN();
    assertThat(s.value("sunpower_pvs_inverter_heatsink_temperature_celsius", inverter)).isNaN();
    assertThat(
            s.value(
                "sunpower_pvs_device_state",
                "device_id",
                "E00000000000001",
                "device_type",
                "Inverter",
                "model",
                "AC_Module_Type_E",
                "state",
                "error",
                "software_version",
                "118079776",
                "type",
                "SOLARBRIDGE"))
        .isEqualTo(0);
  }

  @Test
  void inverterInErrorWithValuesKeepsThem() {
    RenderedSamples s = render(dlCgiReading("devicelist_inverter_error_with_values.json"));

    assertThat(s.of("sunpower_pvs_inverter_ac_power_watts"))
        .singleElement()
        .satisfies(x -> assertThat(x.value()).isEqualTo(17.4));
  }

  @Test
  void essDevicesGetOnlyTheirStateAndPvsHasEmptyType() {
    RenderedSamples s = render(dlCgiReading("devicelist_ess_devices.json"));

    assertThat(s.of("sunpower_pvs_device_state")).hasSize(21);
    assertThat(
            s.value(
                "sunpower_pvs_device_state",
                "device_id",
                "BC123400678933751040",
                "device_type",
                "ESS BMS",
                "model",
                "SchneiderElectric-SP1",
                "state",
                "error",
                "software_version",
                "",
                "type",
                "EQUINOX-BMS"))
        .isEqualTo(0);
    assertThat(
            s.value(
                "sunpower_pvs_device_state",
                "device_id",
                "SY01234567890ABCDEF",
                "device_type",
                "PV Disconnect",
                "model",
                "SunPower PV Disconnect Relay",
                "state",
                "working",
                "software_version",
                "0.2.13",
                "type",
                "PV-DISCONNECT"))
        .isEqualTo(1);
    assertThat(
            s.value(
                "sunpower_pvs_device_state",
                "device_id",
                "ZT21234123451234123",
                "device_type",
                "PVS",
                "model",
                "PV Supervisor PVS6",
                "state",
                "working",
                "software_version",
                "2025.06, Build 61839",
                "type",
                ""))
        .isEqualTo(1);
    assertThat(s.of("sunpower_pvs_inverter_ac_power_watts")).hasSize(12);
  }

  @Test
  void interfacesAndGridProfileInfo() {
    RenderedSamples s = render(full2019());

    assertThat(s.of("sunpower_pvs_communication_interface"))
        .extracting(Sample::labels)
        .extracting(Object::toString)
        .containsExactly(
            "{interface=\"wan\",internet=\"up\",sms=\"reachable\"}",
            "{interface=\"plc\",internet=\"down\",sms=\"unreachable\"}",
            "{interface=\"sta0\",internet=\"down\",sms=\"unreachable\"}",
            "{interface=\"cell\",internet=\"down\",sms=\"unreachable\"}");
    assertThat(s.text())
        .contains(
            "sunpower_pvs_grid_profile_info{id=\"816bf3302d337a42680b996227ddbc46abf9cd05\","
                + "name=\"IEEE-1547a-2014 + 2020 CA Rule21\",percent=\"100\",status=\"success\"} 1\n");
  }

  @Test
  void gridProfileErrorDropsOnlyTheGridProfile() {
    RenderedSamples s =
        render(
            parse(
                dlCgi(
                    "devicelist_2019_build4150.json",
                    "get_comm_2019.json",
                    "gridprofileget_error_mime.json")));

    assertThat(s.has("sunpower_pvs_grid_profile")).isFalse();
    assertThat(s.of("sunpower_pvs_communication_interface")).hasSize(4);
    assertThat(s.of("sunpower_pvs_device_state")).hasSize(6);
  }

  @Test
  void deviceTimestampsAreDataTimeInUtc() {
    RenderedSamples s = RenderedSamples.render(new CompatNaming(true), full2019(), "pvs");

    long supervisorTime = Instant.parse("2019-05-11T16:50:00Z").toEpochMilli();
    assertThat(
            s.find(
                "sunpower_pvs_supervisor_uptime_seconds",
                io.prometheus.metrics.model.snapshots.Labels.of(SUPERVISOR)))
        .get()
        .extracting(Sample::timestampMillis)
        .isEqualTo(supervisorTime);
    assertThat(
            s.find(
                "sunpower_pvs_inverter_ac_power_watts",
                io.prometheus.metrics.model.snapshots.Labels.of(INVERTER_1)))
        .get()
        .extracting(Sample::timestampMillis)
        .isEqualTo(Instant.parse("2019-05-11T16:52:00Z").toEpochMilli());
    assertThat(s.of("sunpower_pvs_device_state"))
        .allSatisfy(x -> assertThat(x.timestampMillis()).isNotNull());
    assertThat(s.of("sunpower_pvs_grid_profile"))
        .allSatisfy(x -> assertThat(x.timestampMillis()).isNull());
    assertThat(s.text())
        .contains("software_version=\"2019.5, Build 4150\"} 2181.0 1557593400.000\n");
  }

  @Test
  void varsReadingGivesTheSameFamiliesWithWorkingStates() {
    RenderedSamples s = render(SunpowerVarsTest.dump());

    assertThat(s.names())
        .doesNotContain("sunpower_pvs_communication_interface", "sunpower_pvs_grid_profile");
    assertThat(
            s.value(
                "sunpower_pvs_supervisor_uptime_seconds",
                "device_id",
                "ZT0123456789A1234",
                "model",
                "PV Supervisor PVS6",
                "software_version",
                "2025.09.04.61845"))
        .isEqualTo(31371.70);
    assertThat(
            s.value(
                "sunpower_pvs_supervisor_cpu_loadavg",
                "device_id",
                "ZT0123456789A1234",
                "model",
                "PV Supervisor PVS6",
                "software_version",
                "2025.09.04.61845"))
        .isEqualTo(0.07);
    assertThat(
            s.value(
                "sunpower_pvs_supervisor_mem_used_bytes",
                "device_id",
                "ZT0123456789A1234",
                "model",
                "PV Supervisor PVS6",
                "software_version",
                "2025.09.04.61845"))
        .isNaN();
    assertThat(
            s.value(
                "sunpower_pvs_power_meter_average_real_power_watts",
                "device_id",
                "PVS6M123456c",
                "description",
                "Power Meter PVS6M123456c",
                "type",
                "PVS5-METER-C",
                "model",
                "PVS6M0400c",
                "mode",
                "consumption",
                "port",
                "",
                "ct_rated_current",
                "",
                "software_version",
                ""))
        .isEqualTo(-1.835679 * 1000);
    assertThat(s.of("sunpower_pvs_device_state"))
        .allSatisfy(
            x -> {
              assertThat(x.value()).isEqualTo(1);
              assertThat(x.labels().get("state")).isEqualTo("working");
            });
    // the anonymised dump repeats one serial on 11 inverters: one series each is kept
    assertThat(s.of("sunpower_pvs_inverter_ac_power_watts")).hasSize(2);
  }
}
