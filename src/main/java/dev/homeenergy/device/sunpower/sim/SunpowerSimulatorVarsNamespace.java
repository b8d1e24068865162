package dev.homeenergy.device.sunpower.sim;

import static dev.homeenergy.device.sunpower.sim.SunpowerSimulatorJson.sixDecimals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every varserver variable of the simulated PVS6 (public list of build 61845) with its current
 * value string: {@code /sys/livedata/} live, device variables as measured at the last 5-minute
 * {@code msmtEps} boundary, ESS values {@code "nan"} on a PV-only site.
 */
final class SunpowerSimulatorVarsNamespace {
  /** Variables the PVS serves without a session. */
  static final Set<String> OPEN =
      Set.of("/sys/info/sw_rev", "/sys/info/serialnum", "/sys/info/ssid", "/sys/info/lmac");

  /**
   * Variables a {@code set=} may change, with their initial values (ESS ones only on storage
   * sites).
   */
  static final Map<String, String> WRITABLE_DEFAULTS =
      Map.of(
          "/sys/telemetryws/enable", "0",
          "/ess/config/dcm/mode_param/control_mode", "SELF_CONSUMPTION",
          "/ess/config/dcm/control_param/min_customer_soc", "0.200000");

  private static final double STORAGE_SOC = 0.86;

  private SunpowerSimulatorVarsNamespace() {}

  /** Whether the {@code inverter_error} fault puts this inverter in error: every fourth one. */
  static boolean inError(int index) {
    return index % 4 == 3;
  }

  /** Whether an inverter in error still reports (stale) values: every other one of them. */
  static boolean errorKeepsValues(int index) {
    return (index / 4) % 2 == 0;
  }

  static Map<String, String> variables(
      SunpowerSimulatorIdentity identity,
      PvsModelSnapshot live,
      PvsModelSnapshot measured,
      Instant now,
      boolean storage,
      Set<PvsFault> faults,
      Map<String, String> written) {
    Map<String, String> vars = new LinkedHashMap<>();
    PvsModelSupervisor supervisor = live.supervisor();
    double uptime =
        supervisor.uptimeSeconds() + Math.max(0, now.getEpochSecond() - supervisor.measuredAt());
    vars.put("/sys/info/serialnum", identity.serial());
    vars.put("/sys/info/model", "PVS6");
    vars.put("/sys/info/hwrev", "6.02");
    vars.put("/sys/info/uptime", String.format(java.util.Locale.ROOT, "%.2f", uptime));
    vars.put("/sys/info/fwrev", " Major 2, Revision 0x6131c9f8, Build 1188");
    vars.put("/sys/info/boardtype", "A0K LIB 1.0 PSoC5");
    vars.put("/sys/info/sw_rev", SunpowerSimulatorIdentity.LOCKED_SW_REV);
    vars.put("/sys/info/ssid", "SunPower44444");
    vars.put("/sys/info/wpa_key", "DDDDDDDDD");
    vars.put("/sys/info/lmac", "00:22:F2:13:85:54");
    vars.put("/sys/info/sys_type", storage ? "Storage" : "PV-only");
    vars.put("/sys/info/finance_type", "UNKNOWN");
    vars.put("/sys/info/active_interface", "sta0");
    vars.put("/sys/info/active_interface_mac", "00:22:F2:13:85:55");
    vars.put("/sys/info/ram_usage", Long.toString(supervisor.memUsedKib() * 100 / 1_048_576 + 1));
    vars.put("/sys/info/flash_usage", "73");
    vars.put("/sys/info/cpu_usage", Long.toString(Math.round(supervisor.cpuLoad() * 10)));
    vars.put("/net/wwan0/state", "N/A");
    vars.put("/net/wan0/state", "N/A");
    vars.put("/net/wan1/state", "N/A");
    vars.put("/net/sta0/state", "online");
    vars.put("/sys/pvs/flashwear_type_b", "0x0b");
    vars.put("/sys/pvs/usb_erase_count", "0");
    vars.put("/sys/telemetryws/enable", written.get("/sys/telemetryws/enable"));
    livedata(vars, live, now, storage);
    int meter = 0;
    if (!faults.contains(PvsFault.NO_PRODUCTION_METER)) {
      meter(
          vars,
          "/sys/devices/meter/" + meter++ + "/",
          measured.production(),
          measured.time(),
          identity.productionMeterSerial(),
          "PVS6M0400p",
          50);
    }
    meter(
        vars,
        "/sys/devices/meter/" + meter + "/",
        measured.consumption(),
        measured.time(),
        identity.consumptionMeterSerial(),
        "PVS6M0400c",
        100);
    int listed = 0;
    for (PvsModelInverter inverter : measured.inverters()) {
      boolean hidden =
          faults.contains(PvsFault.INVERTER_ERROR)
              && inError(inverter.index())
              && !errorKeepsValues(inverter.index());
      if (!hidden) {
        inverter(
            vars,
            "/sys/devices/inverter/" + listed++ + "/",
            inverter,
            measured.time(),
            identity.inverterSerial(inverter.index()));
      }
    }
    if (storage) {
      storage(vars, measured, written);
    }
    return vars;
  }

  static String msmtEps(long epochSecond) {
    long boundary =
        Math.floorDiv(epochSecond, PvsModel.MEASUREMENT_PERIOD.getSeconds())
            * PvsModel.MEASUREMENT_PERIOD.getSeconds();
    return Instant.ofEpochSecond(boundary).toString();
  }

  private static void livedata(
      Map<String, String> vars, PvsModelSnapshot live, Instant now, boolean storage) {
    vars.put("/sys/livedata/time", Long.toString(now.getEpochSecond()));
    vars.put("/sys/livedata/pv_p", sixDecimals(live.production().kw()));
    vars.put("/sys/livedata/pv_en", sixDecimals(live.production().netKwh()));
    vars.put("/sys/livedata/net_p", sixDecimals(live.consumption().kw()));
    vars.put("/sys/livedata/net_en", sixDecimals(live.consumption().netKwh()));
    vars.put("/sys/livedata/site_load_p", sixDecimals(live.loadKw()));
    vars.put("/sys/livedata/site_load_en", sixDecimals(live.siteLoadKwh()));
    vars.put("/sys/livedata/ess_en", storage ? sixDecimals(-490.463989) : "nan");
    vars.put("/sys/livedata/ess_p", storage ? sixDecimals(0) : "nan");
    vars.put("/sys/livedata/soc", storage ? sixDecimals(STORAGE_SOC) : "nan");
    vars.put("/sys/livedata/backupTimeRemaining", storage ? "555" : "0");
    vars.put("/sys/livedata/midstate", storage ? "2" : "0");
  }

  private static void meter(
      Map<String, String> vars,
      String prefix,
      PvsModelMeter meter,
      long time,
      String serial,
      String model,
      int ctScale) {
    vars.put(prefix + "ctSclFctr", Integer.toString(ctScale));
    vars.put(prefix + "freqHz", sixDecimals(meter.frequencyHz()));
    vars.put(prefix + "i1A", sixDecimals(meter.leg1Amps()));
    vars.put(prefix + "i2A", sixDecimals(meter.leg2Amps()));
    vars.put(prefix + "msmtEps", msmtEps(time));
    vars.put(prefix + "negLtea3phsumKwh", sixDecimals(meter.negKwh()));
    vars.put(prefix + "netLtea3phsumKwh", sixDecimals(meter.netKwh()));
    vars.put(prefix + "p1Kw", sixDecimals(meter.leg1Kw()));
    vars.put(prefix + "p2Kw", sixDecimals(meter.leg2Kw()));
    vars.put(prefix + "p3phsumKw", sixDecimals(meter.kw()));
    vars.put(prefix + "posLtea3phsumKwh", sixDecimals(meter.posKwh()));
    vars.put(prefix + "prodMdlNm", model);
    vars.put(prefix + "q3phsumKvar", sixDecimals(meter.kvar()));
    vars.put(prefix + "s3phsumKva", sixDecimals(meter.kva()));
    vars.put(prefix + "sn", serial);
    vars.put(prefix + "totPfRto", sixDecimals(meter.powerFactor()));
    vars.put(prefix + "v12V", sixDecimals(meter.lineVolts()));
    vars.put(prefix + "v1nV", sixDecimals(meter.leg1Volts()));
    vars.put(prefix + "v2nV", sixDecimals(meter.leg2Volts()));
  }

  private static void inverter(
      Map<String, String> vars,
      String prefix,
      PvsModelInverter inverter,
      long time,
      String serial) {
    vars.put(prefix + "freqHz", sixDecimals(inverter.frequencyHz()));
    vars.put(prefix + "i3phsumA", sixDecimals(inverter.acAmps()));
    vars.put(prefix + "iMppt1A", sixDecimals(inverter.dcAmps()));
    vars.put(prefix + "ltea3phsumKwh", sixDecimals(inverter.lifetimeKwh()));
    vars.put(prefix + "msmtEps", msmtEps(time));
    vars.put(prefix + "p3phsumKw", sixDecimals(inverter.acKw()));
    vars.put(prefix + "pMppt1Kw", sixDecimals(inverter.dcKw()));
    vars.put(prefix + "prodMdlNm", "AC_Module_Type_E");
    vars.put(prefix + "sn", serial);
    vars.put(prefix + "tHtsnkDegc", Long.toString(Math.round(inverter.heatsinkCelsius())));
    vars.put(prefix + "vMppt1V", sixDecimals(inverter.dcVolts()));
    vars.put(prefix + "vln3phavgV", sixDecimals(inverter.acVolts()));
  }

  private static void storage(
      Map<String, String> vars, PvsModelSnapshot measured, Map<String, String> written) {
    String ess = "/sys/devices/ess/0/";
    double lineVolts = measured.production().lineVolts();
    vars.put(ess + "chrgLimitPmaxKw", sixDecimals(6.8));
    vars.put(ess + "customerSocVal", sixDecimals(STORAGE_SOC));
    vars.put(ess + "dischrgLimPmaxKw", sixDecimals(6.8));
    vars.put(ess + "maxTBattCellDegc", sixDecimals(27));
    vars.put(ess + "maxVBattCellV", sixDecimals(3.331));
    vars.put(ess + "minTBattCellDegc", sixDecimals(25));
    vars.put(ess + "minVBattCellV", sixDecimals(3.322));
    vars.put(ess + "msmtEps", msmtEps(measured.time()));
    vars.put(ess + "negLtea3phsumKwh", sixDecimals(2_105.42));
    vars.put(ess + "opMode", written.get("/ess/config/dcm/mode_param/control_mode"));
    vars.put(ess + "p3phsumKw", sixDecimals(0));
    vars.put(ess + "posLtea3phsumKwh", sixDecimals(1_614.96));
    vars.put(ess + "prodMdlNm", "SPWR-Equinox-model");
    vars.put(ess + "sn", "00001ABC1234_01234567890ABCDEF");
    vars.put(ess + "socVal", sixDecimals(STORAGE_SOC));
    vars.put(ess + "sohVal", sixDecimals(0.98));
    vars.put(ess + "tInvtrDegc", sixDecimals(31));
    vars.put(ess + "v1nV", sixDecimals(lineVolts / 2));
    vars.put(ess + "v2nV", sixDecimals(lineVolts / 2));
    vars.put(ess + "vBattV", sixDecimals(53.2));
    String transfer = "/sys/devices/transfer_switch/0/";
    vars.put(transfer + "midStEnum", "1");
    vars.put(transfer + "msmtEps", msmtEps(measured.time()));
    vars.put(transfer + "prodMdlNm", "SunPower MIDC");
    vars.put(transfer + "pvd1StEnum", "1");
    vars.put(transfer + "sn", "SY01234567890ABCDEF");
    vars.put(transfer + "tDegc", sixDecimals(29));
    vars.put(transfer + "v1nGridV", sixDecimals(lineVolts / 2));
    vars.put(transfer + "v1nV", sixDecimals(lineVolts / 2));
    vars.put(transfer + "v2nGridV", sixDecimals(lineVolts / 2));
    vars.put(transfer + "v2nV", sixDecimals(lineVolts / 2));
    vars.put(transfer + "vSpplyV", sixDecimals(12.1));
    vars.put(
        "/ess/config/dcm/mode_param/control_mode",
        written.get("/ess/config/dcm/mode_param/control_mode"));
    vars.put(
        "/ess/config/dcm/control_param/min_customer_soc",
        written.get("/ess/config/dcm/control_param/min_customer_soc"));
  }
}
