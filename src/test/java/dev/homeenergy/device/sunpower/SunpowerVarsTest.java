package dev.homeenergy.device.sunpower;

import static dev.homeenergy.device.sunpower.SunpowerFixtures.varsBodies;
import static dev.homeenergy.device.sunpower.SunpowerFixtures.varsReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.testing.Fixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SunpowerVarsTest {
  private static final long MSMT_EPS = Instant.parse("2025-09-30T15:50:00Z").toEpochMilli();

  /**
   * Synthetic ESS and transfer-switch bodies (no public capture exists); names and value formats as
   * the vendor's variable list (research notes §3.3-3.4).
   */
  static final String ESS_BODY =
      """
      { "/sys/devices/ess/0/sn":"BC2222000333","/sys/devices/ess/0/prodMdlNm":"SPWR-Equinox-model",\
      "/sys/devices/ess/0/msmtEps":"2025-09-30T15:50:00Z","/sys/devices/ess/0/opMode":"SELF_CONSUMPTION",\
      "/sys/devices/ess/0/p3phsumKw":"-1.250000","/sys/devices/ess/0/negLtea3phsumKwh":"812.500000",\
      "/sys/devices/ess/0/posLtea3phsumKwh":"701.250000","/sys/devices/ess/0/socVal":"0.860000",\
      "/sys/devices/ess/0/customerSocVal":"0.850000","/sys/devices/ess/0/sohVal":"0.990000",\
      "/sys/devices/ess/0/tInvtrDegc":"31.500000","/sys/devices/ess/0/vBattV":"52.100000",\
      "/sys/devices/ess/0/v1nV":"121.000000","/sys/devices/ess/0/v2nV":"120.500000",\
      "/sys/devices/ess/0/chrgLimitPmaxKw":"6.800000","/sys/devices/ess/0/dischrgLimPmaxKw":"6.800000",\
      "/sys/devices/ess/0/maxTBattCellDegc":"27.000000","/sys/devices/ess/0/minTBattCellDegc":"25.000000",\
      "/sys/devices/ess/0/maxVBattCellV":"3.310000","/sys/devices/ess/0/minVBattCellV":"3.290000"}
      """;

  static final String TRANSFER_SWITCH_BODY =
      """
      { "/sys/devices/transfer_switch/0/sn":"SY0000111222","/sys/devices/transfer_switch/0/prodMdlNm":"SunPower MIDC",\
      "/sys/devices/transfer_switch/0/msmtEps":"2025-09-30T15:50:00Z","/sys/devices/transfer_switch/0/midStEnum":"1",\
      "/sys/devices/transfer_switch/0/pvd1StEnum":"1","/sys/devices/transfer_switch/0/tDegc":"35.000000",\
      "/sys/devices/transfer_switch/0/v1nGridV":"121.100000","/sys/devices/transfer_switch/0/v1nV":"121.000000",\
      "/sys/devices/transfer_switch/0/v2nGridV":"120.600000","/sys/devices/transfer_switch/0/v2nV":"120.500000",\
      "/sys/devices/transfer_switch/0/vSpplyV":"12.100000"}
      """;

  static SunpowerReading dump() {
    return varsReading(varsBodies("vars_dump_build61845.json"), null);
  }

  static SunpowerReading withEss() {
    Map<String, String> bodies =
        new LinkedHashMap<>(
            varsBodies("vars_dump_build61845.json", "vars_livedata_with_battery.json"));
    bodies.put("/sys/devices/ess/", ESS_BODY);
    bodies.put("/sys/devices/transfer_switch/", TRANSFER_SWITCH_BODY);
    return varsReading(bodies, null);
  }

  @Test
  void supervisorComesFromSysInfo() {
    Supervisor s = dump().supervisor();

    assertThat(s.id())
        .isEqualTo(
            new DeviceIdentity(
                "PVS",
                "ZT0123456789A1234",
                "PV Supervisor PVS6",
                "",
                "working",
                "",
                "",
                "2025.09.04.61845",
                null));
    assertThat(s.hardwareVersion()).isEqualTo("6.02");
    assertThat(s.dlUptime()).isEqualTo(31371.70);
    assertThat(s.dlCpuLoad()).isEqualTo(0.07);
    assertThat(List.of(s.cpuUsageRatio(), s.memoryUsedRatio(), s.flashUsedRatio()))
        .containsExactly(0.07, 0.07, 0.73);
    assertThat(
            new Object[] {
              s.dlCommErr(),
              s.dlErrCount(),
              s.dlFlashAvail(),
              s.dlMemUsed(),
              s.dlScanTime(),
              s.dlSkippedScans(),
              s.dlUntransmitted()
            })
        .containsOnlyNulls();
  }

  @Test
  void supervisorInfoGivesTheDeviceListStyleSoftwareVersion() {
    SunpowerReading r =
        varsReading(
            varsBodies("vars_dump_build61845.json"),
            Fixtures.text("sunpower", "start_build61839.json"));

    assertThat(r.supervisor().id().softwareVersion()).isEqualTo("2025.06, Build 61839");
    assertThat(r.supervisor().id().serial()).isEqualTo("ZT0123456789A1234");
  }

  @Test
  void supervisorInfoAloneGivesTheSupervisor() {
    Map<String, String> bodies = new LinkedHashMap<>(varsBodies("vars_dump_build61845.json"));
    bodies.put("/sys/info/", "{}");

    Supervisor s =
        varsReading(bodies, Fixtures.text("sunpower", "start_build61839.json")).supervisor();

    assertThat(List.of(s.id().serial(), s.id().model()))
        .containsExactly("ZT214285000549A0621", "PV Supervisor PVS6");
    assertThat(s.dlUptime()).isNull();
  }

  @Test
  void metersAreProductionOrConsumptionByModelName() {
    SunpowerReading r = dump();

    assertThat(r.meters()).hasSize(2);
    PowerMeter p = r.meters().get(0);
    assertThat(p.id())
        .isEqualTo(
            new DeviceIdentity(
                "Power Meter",
                "PVS6M123456p",
                "PVS6M0400p",
                "PVS5-METER-P",
                "working",
                "Power Meter PVS6M123456p",
                "",
                "",
                MSMT_EPS));
    assertThat(p.mode()).isEqualTo("production");
    assertThat(
            List.of(
                p.p3phsumKw(), p.netLtea3phsumKwh(), p.ctSclFctr(), p.v12V(), p.i1A(), p.p1Kw()))
        .containsExactly(1.971925, 27867.380859, 50.0, 207.579468, 0.0, 0.0);
    assertThat(p.ctRatedCurrent()).isEmpty();
    PowerMeter c = r.meters().get(1);
    assertThat(c.mode()).isEqualTo("consumption");
    assertThat(
            List.of(
                c.p3phsumKw(),
                c.p1Kw(),
                c.p2Kw(),
                c.i1A(),
                c.i2A(),
                c.v1nV(),
                c.v2nV(),
                c.posLtea3phsumKwh(),
                c.negLtea3phsumKwh(),
                c.netLtea3phsumKwh(),
                c.totPfRto(),
                c.q3phsumKvar(),
                c.s3phsumKva(),
                c.freqHz()))
        .containsExactly(
            -1.835679,
            -1.023084,
            -0.812595,
            8.877744,
            9.78898,
            120.727631,
            117.815918,
            33277.058594,
            19160.759766,
            14116.269531,
            -0.819772,
            -0.509961,
            2.225091,
            60.022362);
  }

  @Test
  void invertersInNumericIndexOrderWithWorkingState() {
    SunpowerReading r = dump();

    assertThat(r.inverters())
        .extracting(Inverter::ltea3phsumKwh)
        .containsExactly(
            1915.253174,
            2732.301025,
            2720.510254,
            2244.361816,
            2241.922852,
            2234.004883,
            2836.639404,
            4.3547,
            4.5421,
            4.7014,
            4.7946,
            4.7733);
    Inverter first = r.inverters().get(0);
    assertThat(first.id())
        .isEqualTo(
            new DeviceIdentity(
                "Inverter",
                "E00123456789",
                "AC_Module_Type_E",
                "SOLARBRIDGE",
                "working",
                "Inverter E00123456789",
                "",
                "",
                MSMT_EPS));
    assertThat(
            List.of(
                first.p3phsumKw(),
                first.pMppt1Kw(),
                first.vMppt1V(),
                first.iMppt1A(),
                first.i3phsumA(),
                first.vln3phavgV(),
                first.tHtsnkDegc(),
                first.freqHz()))
        .containsExactly(0.15404, 0.16516, 54.779999, 3.01, 0.73, 208.770004, 38.0, 60.009998);
    assertThat(first.pMpptsumKw()).isNull();
    assertThat(first.moduleId()).isEmpty();
    assertThat(r.storageDevices()).isEmpty();
    assertThat(r.api()).isEqualTo(SunpowerApi.VARS);
  }

  @Test
  void liveDataWithoutBatteryHasNoStorageFields() {
    LiveData d = dump().liveData();

    assertThat(d)
        .isEqualTo(
            new LiveData(
                1_759_247_902_000L,
                1.747903,
                27867.650391,
                -1.620737,
                14116.009766,
                0.127166,
                41983.660156,
                null,
                null,
                null,
                0.0));
  }

  @Test
  void liveDataWithBattery() {
    Map<String, String> bodies = varsBodies("vars_livedata_with_battery.json");

    LiveData d = varsReading(bodies, null).liveData();

    assertThat(d)
        .isEqualTo(
            new LiveData(
                1_751_083_263_000L,
                0.015622,
                40747.871094,
                0.674694,
                6121.310059,
                1.876316,
                46378.703125,
                1.186,
                -490.477997,
                0.86,
                570.0));
  }

  @Test
  void singleInverterAnswerAtAnyIndex() {
    SunpowerReading r = varsReading(varsBodies("vars_inverter20_build61845.json"), null);

    assertThat(r.supervisor()).isNull();
    assertThat(r.liveData()).isNull();
    assertThat(r.inverters())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id().model()).isEqualTo("AC_Module_Type_G");
              assertThat(i.id().serial()).isEqualTo("<redacted>");
              assertThat(i.id().dataTimeMillis())
                  .isEqualTo(Instant.parse("2025-10-01T16:15:00Z").toEpochMilli());
              assertThat(i.p3phsumKw()).isEqualTo(0.2303);
              assertThat(i.tHtsnkDegc()).isEqualTo(45.0);
            });
  }

  @Test
  void essAndTransferSwitchVariablesBecomeStorageDevices() {
    SunpowerReading r = withEss();

    assertThat(r.storageDevices()).hasSize(2);
    StorageDevice ess = r.storageDevices().get(0);
    assertThat(ess.id())
        .isEqualTo(
            new DeviceIdentity(
                "Energy Storage System",
                "BC2222000333",
                "SPWR-Equinox-model",
                "",
                "working",
                "Energy Storage System BC2222000333",
                "",
                "",
                MSMT_EPS));
    assertThat(ess.operatingMode()).isEqualTo("SELF_CONSUMPTION");
    assertThat(ess.values())
        .containsOnlyKeys(
            "p_3phsum_kw",
            "neg_ltea_3phsum_kwh",
            "pos_ltea_3phsum_kwh",
            "soc_val",
            "customer_soc_val",
            "soh_val",
            "t_invtr_degc",
            "v_batt_v",
            "v1n_v",
            "v2n_v",
            "chrg_limit_pmax_kw",
            "dischrg_lim_pmax_kw",
            "max_t_batt_cell_degc",
            "min_t_batt_cell_degc",
            "max_v_batt_cell_v",
            "min_v_batt_cell_v");
    assertThat(ess.value("soh_val")).isEqualTo(0.99);
    assertThat(ess.value("max_t_batt_cell_degc")).isEqualTo(27.0);
    StorageDevice ts = r.storageDevices().get(1);
    assertThat(ts.id().deviceType()).isEqualTo("HUB+");
    assertThat(ts.values())
        .containsOnlyKeys(
            "mid_st_enum",
            "pvd1_st_enum",
            "t_degc",
            "v1n_grid_v",
            "v1n_v",
            "v2n_grid_v",
            "v2n_v",
            "v_spply_v");
    assertThat(r.liveData().soc()).isEqualTo(0.86);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "p3phsumKw, p_3phsum_kw",
    "vln3phavgV, vln_3phavg_v",
    "i3phsumA, i_3phsum_a",
    "ltea3phsumKwh, ltea_3phsum_kwh",
    "negLtea3phsumKwh, neg_ltea_3phsum_kwh",
    "iMppt1A, i_mppt1_a",
    "tHtsnkDegc, t_htsnk_degc",
    "v12V, v12_v",
    "v1nV, v1n_v",
    "i1A, i1_a",
    "ctSclFctr, ct_scl_fctr",
    "totPfRto, tot_pf_rto",
    "maxTBattCellDegc, max_t_batt_cell_degc",
    "v1nGridV, v1n_grid_v",
    "socVal, soc_val",
  })
  void varsNamesMapToDeviceListNames(String vars, String deviceList) {
    assertThat(VarsFields.snake(vars)).isEqualTo(deviceList);
  }

  @Test
  void emptyPrefixesGiveNoDevices() {
    Map<String, String> bodies = new LinkedHashMap<>();
    SunpowerResponses.VARS_MATCHES.forEach(p -> bodies.put(p, "{}"));

    SunpowerReading r = varsReading(bodies, null);

    assertThat(r.devices()).isEmpty();
    assertThat(r.liveData()).isNull();
  }

  @Test
  void noAnswersFailThePoll() {
    assertThatThrownBy(
            () ->
                SunpowerReading.parse(
                    new SunpowerResponses(
                        SunpowerApi.VARS, null, null, null, Map.of(), null, List.of())))
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PARSE))
        .hasMessage("vars: no answers");
  }

  @Test
  void bodyThatIsNotAJsonObjectFailsThePoll() {
    Map<String, String> bodies = new LinkedHashMap<>(varsBodies("vars_dump_build61845.json"));
    bodies.put("/sys/devices/meter/", "{\"status\": 401, \"description\" : \"Unauthorized\"");

    assertThatThrownBy(
            () ->
                SunpowerReading.parse(
                    new SunpowerResponses(
                        SunpowerApi.VARS, null, null, null, bodies, null, List.of())))
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PARSE))
        .hasMessageStartingWith("vars /sys/devices/meter/: the JSON answer ends early");
  }
}
