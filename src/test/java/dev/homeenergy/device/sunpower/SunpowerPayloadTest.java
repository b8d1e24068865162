package dev.homeenergy.device.sunpower;

import static dev.homeenergy.device.sunpower.SunpowerFixtures.dlCgi;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.dlCgiReading;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SunpowerPayloadTest {

  private static long utc(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void deviceList2019HasSupervisorMetersAndPreFixDcPower() {
    SunpowerReading r = dlCgiReading("devicelist_2019_build4150.json");

    assertThat(r.api()).isEqualTo(SunpowerApi.DL_CGI);
    Supervisor s = r.supervisor();
    assertThat(s.id())
        .isEqualTo(
            new DeviceIdentity(
                "PVS",
                "ZT01234567890ABCDEF",
                "PV Supervisor PVS6",
                "",
                "working",
                "",
                "",
                "2019.5, Build 4150",
                utc("2019-05-11T16:50:00Z")));
    assertThat(s.hardwareVersion()).isEqualTo("6.0");
    assertThat(
            List.of(
                s.dlCommErr(),
                s.dlCpuLoad(),
                s.dlErrCount(),
                s.dlFlashAvail(),
                s.dlMemUsed(),
                s.dlScanTime(),
                s.dlSkippedScans(),
                s.dlUntransmitted(),
                s.dlUptime()))
        .containsExactly(270.0, 0.57, 0.0, 86825.0, 41320.0, 0.0, 0.0, 57.0, 2181.0);
    assertThat(s.cpuUsageRatio()).isNull();

    assertThat(r.meters()).hasSize(2);
    PowerMeter production = r.meters().get(0);
    assertThat(production.mode()).isEqualTo("production");
    assertThat(production.ctRatedCurrent()).isEqualTo("50");
    assertThat(production.p3phsumKw()).isEqualTo(1.9867);
    assertThat(production.netLtea3phsumKwh()).isEqualTo(198.92);
    assertThat(production.iA()).isNull();
    assertThat(production.v12V()).isNull();
    PowerMeter consumption = r.meters().get(1);
    assertThat(consumption.mode()).isEqualTo("consumption");
    assertThat(consumption.netLtea3phsumKwh()).isEqualTo(-65.65);
    assertThat(consumption.id().dataTimeMillis()).isEqualTo(utc("2019-05-11T16:53:45Z"));

    assertThat(r.inverters()).hasSize(3);
    Inverter first = r.inverters().get(0);
    assertThat(first.moduleId()).isEqualTo("P07M01234567");
    assertThat(first.pMpptsumKw()).isEqualTo(0.1282);
    assertThat(first.pMppt1Kw()).isNull();
    assertThat(first.dcPowerKw()).isEqualTo(0.1282);
    assertThat(first.tHtsnkDegc()).isEqualTo(29.0);
    assertThat(first.id().description()).isEqualTo("Inverter E00000000000001");
    assertThat(r.storageDevices()).isEmpty();
    assertThat(r.liveData()).isNull();
    assertThat(r.gridProfile()).isNull();
    assertThat(r.interfaces()).isEmpty();
    assertThat(r.devices()).hasSize(6);
  }

  @Test
  void inverterInErrorWithoutValuesParsesWithEveryFieldAbsent() {
    Inverter i = dlCgiReading("devicelist_inverter_error_no_values.json").inverters().get(0);

    assertThat(i.id().state()).isEqualTo("error");
    assertThat(i.id().working()).isFalse();
    assertThat(i.id().dataTimeMillis()).isNull();
    assertThat(List.of(i.moduleId(), i.id().serial()))
        .containsExactly("P07M00000001", "E00000000000001");
    assertThat(
            new Object[] {
              i.ltea3phsumKwh(),
              i.p3phsumKw(),
              i.vln3phavgV(),
              i.i3phsumA(),
              i.pMppt1Kw(),
              i.pMpptsumKw(),
              i.vMppt1V(),
              i.iMppt1A(),
              i.tHtsnkDegc(),
              i.freqHz()
            })
        .containsOnlyNulls();
  }

  @Test
  void inverterInErrorWithValuesKeepsThem() {
    Inverter i = dlCgiReading("devicelist_inverter_error_with_values.json").inverters().get(0);

    assertThat(i.id().state()).isEqualTo("error");
    assertThat(i.p3phsumKw()).isEqualTo(0.0174);
    assertThat(i.pMpptsumKw()).isEqualTo(0.0179);
    assertThat(i.ltea3phsumKwh()).isEqualTo(19.3057);
    assertThat(i.freqHz()).isEqualTo(60.02);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "devicelist_2023_build61410_37inverters.json, 40, 37, E00122208056231, 0.0237, 2023-08-23T11:35:20Z, working",
    "devicelist_2024_build61640.json,             23, 20, E00202040020677, 0.0006, 2024-04-16T23:27:43Z, error",
    "devicelist_2025_build61839.json,             33, 30, EFAKE030,        0.2898, 2025-07-20T18:02:54Z, working",
    "devicelist_2025_build61839_4devices.json,     4,  1, E00123456789,    0.0012, 2025-09-12T21:12:42Z, error",
  })
  void newerDeviceListsUseMppt1(
      String file,
      int devices,
      int inverters,
      String lastSerial,
      double lastMppt1Kw,
      String lastDataTime,
      String lastState) {
    SunpowerReading r = dlCgiReading(file);

    assertThat(r.devices()).hasSize(devices);
    assertThat(r.meters())
        .extracting(PowerMeter::mode)
        .containsExactly("production", "consumption");
    assertThat(r.inverters()).hasSize(inverters);
    Inverter last = r.inverters().get(inverters - 1);
    assertThat(last.id().serial()).isEqualTo(lastSerial);
    assertThat(last.pMppt1Kw()).isEqualTo(lastMppt1Kw);
    assertThat(last.pMpptsumKw()).isNull();
    assertThat(last.dcPowerKw()).isEqualTo(lastMppt1Kw);
    assertThat(last.moduleId()).isEmpty();
    assertThat(last.id().state()).isEqualTo(lastState);
    assertThat(last.id().dataTimeMillis()).isEqualTo(utc(lastDataTime));
  }

  @Test
  void netMeterCarriesPerLegAndImportExportFields() {
    PowerMeter c = dlCgiReading("devicelist_2025_build61839.json").meters().get(1);

    assertThat(c.id().type()).isEqualTo("PVS5-METER-C");
    assertThat(
            List.of(
                c.p3phsumKw(), c.p1Kw(), c.p2Kw(), c.i1A(), c.i2A(), c.v1nV(), c.v2nV(), c.v12V()))
        .containsExactly(-3.0282, -1.8363, -1.1918, 22.3487, 31.5151, 120.3994, 120.6842, 241.0823);
    assertThat(List.of(c.netLtea3phsumKwh(), c.posLtea3phsumKwh(), c.negLtea3phsumKwh()))
        .containsExactly(-1205.65, 25996.5599, 27202.2599);
    assertThat(List.of(c.ctSclFctr(), c.freqHz(), c.totPfRto(), c.q3phsumKvar(), c.s3phsumKva()))
        .containsExactly(100.0, 60.1003, -0.4696, 5.4882, 6.4941);
    assertThat(c.ctRatedCurrent()).isEqualTo("100");
  }

  @Test
  void essDevicesBecomeStorageDevicesWithTheirStatesAndValues() {
    SunpowerReading r = dlCgiReading("devicelist_ess_devices.json");

    assertThat(r.inverters()).hasSize(12);
    assertThat(r.storageDevices())
        .extracting(d -> d.id().deviceType() + "/" + d.id().type() + "/" + d.id().state())
        .containsExactly(
            "PV Disconnect/PV-DISCONNECT/working",
            "Gateway/GATEWAY/error",
            "Storage Inverter/SCHNEIDER-XWPRO/error",
            "ESS BMS/EQUINOX-BMS/error",
            "Battery/BATTERY/error",
            "Energy Storage System/EQUINOX-ESS/error");
    StorageDevice disconnect = r.storageDevices().get(0);
    assertThat(disconnect.values())
        .containsExactly(
            java.util.Map.entry("event_history", 32.0),
            java.util.Map.entry("fw_error", 0.0),
            java.util.Map.entry("relay_mode", 0.0),
            java.util.Map.entry("relay1_state", 1.0),
            java.util.Map.entry("relay2_state", 1.0),
            java.util.Map.entry("relay1_error", 0.0),
            java.util.Map.entry("relay2_error", 0.0),
            java.util.Map.entry("v1n_grid_v", 123.1),
            java.util.Map.entry("v2n_grid_v", 122.5),
            java.util.Map.entry("v1n_pv_v", 122.8),
            java.util.Map.entry("v2n_pv_v", 122.5));
    assertThat(disconnect.id().dataTimeMillis()).isEqualTo(utc("2022-05-26T14:50:30Z"));
    StorageDevice bms = r.storageDevices().get(3);
    assertThat(bms.values()).isEmpty();
    assertThat(bms.id().softwareVersion()).isEmpty();
    assertThat(bms.id().dataTimeMillis()).isNull();
    assertThat(r.devices()).hasSize(21);
  }

  @Test
  void getCommAndGridProfileAreRead() {
    SunpowerReading r =
        parse(dlCgi("devicelist_2019_build4150.json", "get_comm_2019.json", "gridprofileget.json"));

    assertThat(r.interfaces())
        .containsExactly(
            new CommInterface("wan", "up", "reachable"),
                new CommInterface("plc", "down", "unreachable"),
            new CommInterface("sta0", "down", "unreachable"),
                new CommInterface("cell", "down", "unreachable"));
    assertThat(r.gridProfile())
        .isEqualTo(
            new GridProfile(
                "816bf3302d337a42680b996227ddbc46abf9cd05",
                "IEEE-1547a-2014 + 2020 CA Rule21",
                "100",
                "success"));
    assertThat(r.endpointFailures()).isEmpty();
  }

  @Test
  void gridProfileErrorBodyIsAnEndpointFailureOnly() {
    SunpowerReading r =
        parse(
            dlCgi(
                "devicelist_2019_build4150.json",
                "get_comm.json",
                "gridprofileget_error_mime.json"));

    assertThat(r.gridProfile()).isNull();
    assertThat(r.interfaces()).hasSize(4);
    assertThat(r.devices()).hasSize(6);
    assertThat(r.endpointFailures())
        .containsExactly(
            new EndpointFailure(
                "GridProfileGet",
                FailureReason.PARSE,
                "GridProfileGet: no active_id (Could not connect to mime.)"));
  }

  @ParameterizedTest(name = "get_comm body {0}")
  @ValueSource(strings = {"<html>502</html>", "{\"result\":\"succeed\"}", "[]", ""})
  void badGetCommBodyIsAnEndpointFailureOnly(String body) {
    SunpowerReading r =
        parse(
            new SunpowerResponses(
                SunpowerApi.DL_CGI,
                Fixtures.text("sunpower", "devicelist_2019_build4150.json"),
                body,
                Fixtures.text("sunpower", "gridprofileget.json"),
                null,
                null,
                List.of()));

    assertThat(r.interfaces()).isEmpty();
    assertThat(r.gridProfile()).isNotNull();
    assertThat(r.endpointFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.endpoint()).isEqualTo("Get_Comm");
              assertThat(f.reason()).isEqualTo(FailureReason.PARSE);
            });
  }

  @Test
  void clientFailuresAreKeptBeforeParseFailures() {
    EndpointFailure timeout =
        new EndpointFailure("Get_Comm", FailureReason.TIMEOUT, "read timed out");
    SunpowerReading r =
        parse(
            new SunpowerResponses(
                SunpowerApi.DL_CGI,
                Fixtures.text("sunpower", "devicelist_2019_build4150.json"),
                null,
                Fixtures.text("sunpower", "gridprofileget_error_mime.json"),
                null,
                null,
                List.of(timeout)));

    assertThat(r.endpointFailures())
        .extracting(EndpointFailure::endpoint)
        .containsExactly("Get_Comm", "GridProfileGet");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dl_cgi_403_body.json", "gridprofileget_error_mime.json"})
  void deviceListWithoutDevicesFailsThePoll(String file) {
    assertThatThrownBy(() -> SunpowerReading.parse(dlCgi(file, null, null)))
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PARSE))
        .hasMessage("device_list: no devices array");
  }

  @ParameterizedTest(name = "body {0}")
  @ValueSource(strings = {"{\"devices\": [", "<html>Internal Server Error</html>", "", "null"})
  void deviceListThatIsNotJsonFailsThePoll(String body) {
    SunpowerResponses responses =
        new SunpowerResponses(SunpowerApi.DL_CGI, body, null, null, null, null, List.of());

    assertThatThrownBy(() -> SunpowerReading.parse(responses))
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PARSE))
        .hasMessageStartingWith("device_list: ");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "'2019,05,14,04,05,00', 2019-05-14T04:05:00Z",
    "'2025,06,21,23,24,05', 2025-06-21T23:24:05Z",
  })
  void dataTimeIsUtc(String dataTime, String iso) {
    assertThat(SunpowerJson.dataTime(dataTime)).isEqualTo(utc(iso));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "2025,13,01,00,00,00", "2025-06-21 23:24:05", "2025,06,21"})
  void malformedDataTimeIsAbsent(String dataTime) {
    assertThat(SunpowerJson.dataTime(dataTime)).isNull();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "'0.0081', 0.0081",
    "'-103.5', -103.5",
    "'60', 60",
    "' 0.230300', 0.2303",
    "'1e3', 1000"
  })
  void numbersAreReadFromStrings(String text, double value) {
    assertThat(SunpowerJson.number(text)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nan", "NaN", "inf", "", "60f", "0x0b", "N/A"})
  void nonNumbersAreAbsent(String text) {
    assertThat(SunpowerJson.number(text)).isNull();
  }
}
