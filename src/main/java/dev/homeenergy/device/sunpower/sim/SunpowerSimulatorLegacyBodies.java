package dev.homeenergy.device.sunpower.sim;

import static dev.homeenergy.device.sunpower.sim.SunpowerSimulatorJson.decimal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dl_cgi} bodies of the simulated PVS in the firmware's own key order and cJSON tab
 * format, numbers as strings (fields of a 2025 build 61839 PVS6; ESS devices as on a SunVault).
 */
public final class SunpowerSimulatorLegacyBodies {
  static final String FORBIDDEN =
      "{ \"status\":403, \"error\" : \"Unauthorized\", \"path\":\"\" }\n";
  static final String ACTIVE_PROFILE = "IEEE-1547a-2014 + 2020 CA Rule21";
  static final String ACTIVE_PROFILE_ID = "816bf3302d337a42680b996227ddbc46abf9cd05";
  private static final DateTimeFormatter DATATIME =
      DateTimeFormatter.ofPattern("yyyy,MM,dd,HH,mm,ss").withZone(ZoneOffset.UTC);
  private static final long PANID = 590_287_501L;
  private static final String ESS_SERIAL = "00001ABC1234_01234567890ABCDEF";

  private final SunpowerSimulatorJson json = new SunpowerSimulatorJson();
  private final SunpowerSimulatorIdentity identity;

  public SunpowerSimulatorLegacyBodies(SunpowerSimulatorIdentity identity) {
    this.identity = identity;
  }

  /** Number of devices a DeviceList lists under these conditions. */
  static int deviceCount(int inverters, boolean storage, Set<PvsFault> faults) {
    int meters = faults.contains(PvsFault.NO_PRODUCTION_METER) ? 1 : 2;
    return 1 + meters + inverters + (storage ? 7 : 0);
  }

  /**
   * The DeviceList: supervisor, meters, inverters (and ESS devices), each with a CURTIME a {@code
   * perDevice} step later than the one before, as the PVS reads them while answering.
   */
  public String deviceList(
      PvsModelSnapshot snapshot,
      Instant now,
      Duration perDevice,
      boolean storage,
      Set<PvsFault> faults) {
    List<Map<String, Object>> devices = new ArrayList<>();
    devices.add(supervisor(snapshot.supervisor()));
    if (!faults.contains(PvsFault.NO_PRODUCTION_METER)) {
      devices.add(productionMeter(snapshot));
    }
    devices.add(consumptionMeter(snapshot));
    for (PvsModelInverter inverter : snapshot.inverters()) {
      devices.add(inverter(inverter, faults.contains(PvsFault.INVERTER_ERROR)));
    }
    if (storage) {
      devices.addAll(storageDevices(snapshot.time()));
    }
    for (int i = 0; i < devices.size(); i++) {
      devices.get(i).put("CURTIME", time(now.plus(perDevice.multipliedBy(i))));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("devices", devices);
    body.put("result", "succeed");
    return json.tabbed(body);
  }

  String start() {
    Map<String, Object> supervisor = new LinkedHashMap<>();
    supervisor.put("SWVER", identity.swver());
    supervisor.put("SERIAL", identity.serial());
    supervisor.put("MODEL", "PVS6");
    supervisor.put("BUILD", identity.build());
    supervisor.put("FWVER", "1.0.0");
    supervisor.put("SCVER", 1_630_652_920L);
    supervisor.put("EASICVER", 131_329);
    supervisor.put("SCBUILD", 1_188);
    supervisor.put("WNSERIAL", 16);
    supervisor.put("WNMODEL", 400);
    supervisor.put("WNVER", 3_000);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", "succeed");
    body.put("supervisor", supervisor);
    return json.tabbed(body);
  }

  /** {@code /cgi-bin/dl_cgi/supervisor/info}, keys as in the DL_CGI interface spec. */
  String supervisorInfo() {
    Map<String, Object> supervisor = new LinkedHashMap<>();
    supervisor.put("FWVER", "1.0.0");
    supervisor.put("MODEL", "PVS6");
    supervisor.put("SERIAL", identity.serial());
    supervisor.put("SWVER", identity.swver());
    supervisor.put("SCVER", 1_630_652_920L);
    supervisor.put("EASICVER", 131_329);
    supervisor.put("WNVER", 3_000);
    supervisor.put("BUILD", identity.build());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", "succeed");
    body.put("supervisor", supervisor);
    return json.tabbed(body);
  }

  String stop() {
    return json.tabbed(Map.of("result", "succeed"));
  }

  String checkFirmware() {
    return json.tabbed(Map.of("url", "none"));
  }

  String gridProfile() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", "succeed");
    body.put("active_name", ACTIVE_PROFILE);
    body.put("active_id", ACTIVE_PROFILE_ID);
    body.put("pending_name", ACTIVE_PROFILE);
    body.put("pending_id", ACTIVE_PROFILE_ID);
    body.put("percent", 100);
    body.put("supported_by", "ALL");
    body.put("status", "success");
    return json.tabbed(body);
  }

  String gridProfileError() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", "error");
    body.put("msg", "Could not connect to mime.");
    body.put("success", false);
    return json.tabbed(body);
  }

  String unknownCommand(String command) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", "error");
    body.put("msg", "Unknown command " + command);
    return json.tabbed(body);
  }

  String comm(Instant now) {
    List<Map<String, Object>> interfaces = new ArrayList<>();
    interfaces.add(
        ordered(
            "interface",
            "wan",
            "internet",
            "down",
            "ipaddr",
            "",
            "link",
            "disconnected",
            "mode",
            "wan",
            "sms",
            "unreachable",
            "state",
            "down"));
    interfaces.add(
        ordered(
            "interface",
            "plc",
            "internet",
            "down",
            "ipaddr",
            "",
            "link",
            "disconnected",
            "pairing",
            "unpaired",
            "sms",
            "unreachable",
            "speed",
            0,
            "state",
            "down"));
    interfaces.add(
        ordered(
            "interface",
            "sta0",
            "internet",
            "up",
            "ipaddr",
            "192.168.10.239",
            "signal",
            "-48",
            "sms",
            "reachable",
            "ssid",
            "SunPower44444",
            "status",
            "connected"));
    interfaces.add(
        ordered(
            "interface",
            "cell",
            "internet",
            "down",
            "ipaddr",
            "",
            "is_alwayson",
            false,
            "is_primary",
            false,
            "link",
            "connected",
            "modem",
            "MODEM_OK",
            "provider",
            "UNKNOWN",
            "signal",
            0,
            "sim",
            "SIM_READY",
            "sms",
            "unreachable",
            "state",
            "DOWN",
            "status",
            "NOT_REGISTERED"));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("interfaces", interfaces);
    status.put("system", ordered("interface", "sta0", "internet", "up", "sms", "reachable"));
    status.put("ts", Long.toString(now.getEpochSecond()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", "succeed");
    body.put("networkstatus", status);
    return json.tabbed(body);
  }

  private Map<String, Object> supervisor(PvsModelSupervisor supervisor) {
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("DETAIL", "detail");
    device.put("STATE", "working");
    device.put("STATEDESCR", "Working");
    device.put("SERIAL", identity.serial());
    device.put("MODEL", "PV Supervisor PVS6");
    device.put("HWVER", "6.02");
    device.put("SWVER", identity.swver());
    device.put("DEVICE_TYPE", "PVS");
    device.put("DATATIME", time(supervisor.measuredAt()));
    device.put("dl_err_count", "0");
    device.put("dl_comm_err", Long.toString(supervisor.commErrors()));
    device.put("dl_skipped_scans", "0");
    device.put("dl_scan_time", Long.toString(supervisor.scanTime()));
    device.put("dl_untransmitted", Long.toString(supervisor.untransmitted()));
    device.put("dl_uptime", Long.toString(supervisor.uptimeSeconds()));
    device.put("dl_cpu_load", decimal(supervisor.cpuLoad(), 2));
    device.put("dl_mem_used", Long.toString(supervisor.memUsedKib()));
    device.put("dl_flash_avail", Long.toString(supervisor.flashAvailKib()));
    device.put("panid", PANID);
    return device;
  }

  private Map<String, Object> productionMeter(PvsModelSnapshot snapshot) {
    PvsModelMeter meter = snapshot.production();
    String serial = identity.productionMeterSerial();
    Map<String, Object> device =
        deviceHeader(
            serial,
            "PVS5-METER-P",
            "working",
            "PVS6M0400p",
            "Power Meter " + serial,
            "Power Meter");
    device.put("interface", "mime");
    device.put("production_subtype_enum", "GROSS_PRODUCTION_SITE");
    device.put("subtype", "GROSS_PRODUCTION_SITE");
    meterReadings(device, snapshot, meter, "50");
    device.put("i_a", decimal(meter.amps(), 4));
    device.put("v12_v", decimal(meter.lineVolts(), 4));
    device.put("CAL0", "50");
    trailer(device);
    return device;
  }

  /** The fields production and consumption meters share, in the order the PVS prints them. */
  private void meterReadings(
      Map<String, Object> device,
      PvsModelSnapshot snapshot,
      PvsModelMeter meter,
      String ctScaleFactor) {
    device.put("SWVER", "3000");
    device.put("PORT", "");
    device.put("DATATIME", time(snapshot.time()));
    device.put("ct_scl_fctr", ctScaleFactor);
    device.put("net_ltea_3phsum_kwh", decimal(meter.netKwh(), 4));
    device.put("p_3phsum_kw", decimal(meter.kw(), 4));
    device.put("q_3phsum_kvar", decimal(meter.kvar(), 4));
    device.put("s_3phsum_kva", decimal(meter.kva(), 4));
    device.put("tot_pf_rto", decimal(meter.powerFactor(), 4));
    device.put("freq_hz", decimal(meter.frequencyHz(), 4));
  }

  private Map<String, Object> consumptionMeter(PvsModelSnapshot snapshot) {
    PvsModelMeter meter = snapshot.consumption();
    String serial = identity.consumptionMeterSerial();
    Map<String, Object> device =
        deviceHeader(
            serial,
            "PVS5-METER-C",
            "working",
            "PVS6M0400c",
            "Power Meter " + serial,
            "Power Meter");
    device.put("interface", "mime");
    device.put("consumption_subtype_enum", "NET_CONSUMPTION_LOADSIDE");
    device.put("subtype", "NET_CONSUMPTION_LOADSIDE");
    meterReadings(device, snapshot, meter, "100");
    device.put("i1_a", decimal(meter.leg1Amps(), 4));
    device.put("i2_a", decimal(meter.leg2Amps(), 4));
    device.put("v1n_v", decimal(meter.leg1Volts(), 4));
    device.put("v2n_v", decimal(meter.leg2Volts(), 4));
    device.put("v12_v", decimal(meter.lineVolts(), 4));
    device.put("p1_kw", decimal(meter.leg1Kw(), 4));
    device.put("p2_kw", decimal(meter.leg2Kw(), 4));
    device.put("neg_ltea_3phsum_kwh", decimal(meter.negKwh(), 4));
    device.put("pos_ltea_3phsum_kwh", decimal(meter.posKwh(), 4));
    device.put("CAL0", "100");
    trailer(device);
    return device;
  }

  private Map<String, Object> inverter(PvsModelInverter inverter, boolean errorFault) {
    String serial = identity.inverterSerial(inverter.index());
    boolean error = errorFault && SunpowerSimulatorVarsNamespace.inError(inverter.index());
    boolean values = !error || SunpowerSimulatorVarsNamespace.errorKeepsValues(inverter.index());
    Map<String, Object> device =
        deviceHeader(
            serial,
            "SOLARBRIDGE",
            error ? "error" : "working",
            "AC_Module_Type_E",
            "Inverter " + serial,
            "Inverter");
    device.put("hw_version", "4405");
    device.put("interface", "mime");
    device.put("PANEL", "SPR-X22-360-E-AC");
    device.put("slave", 0);
    device.put("SWVER", "4.21.3");
    device.put("PORT", "");
    device.put("MOD_SN", "");
    device.put("NMPLT_SKU", "");
    if (values) {
      device.put("DATATIME", time(inverter.measuredAt()));
      device.put("ltea_3phsum_kwh", decimal(inverter.lifetimeKwh(), 4));
      device.put("p_3phsum_kw", decimal(inverter.acKw(), 4));
      device.put("vln_3phavg_v", decimal(inverter.acVolts(), 2));
      device.put("i_3phsum_a", decimal(inverter.acAmps(), 2));
      device.put("p_mppt1_kw", decimal(inverter.dcKw(), 4));
      device.put("v_mppt1_v", decimal(inverter.dcVolts(), 2));
      device.put("i_mppt1_a", decimal(inverter.dcAmps(), 2));
      device.put("t_htsnk_degc", decimal(inverter.heatsinkCelsius(), 0));
      device.put("freq_hz", decimal(inverter.frequencyHz(), 2));
      device.put("stat_ind", "0");
    }
    trailer(device);
    return device;
  }

  /**
   * ESS devices as a SunVault lists them: PV disconnect, gateway, hub, storage inverter, BMS,
   * battery, ESS.
   */
  private List<Map<String, Object>> storageDevices(long now) {
    String data = time(now);
    List<Map<String, Object>> devices = new ArrayList<>();
    Map<String, Object> disconnect =
        deviceHeader(
            "SY01234567890ABCDEF",
            "PV-DISCONNECT",
            "working",
            "SunPower PV Disconnect Relay",
            "PV Disconnect SY01234567890ABCDEF",
            "PV Disconnect");
    disconnect.putAll(
        ordered(
            "hw_version",
            "0.2.0",
            "interface",
            "ttymxc5",
            "slave",
            230,
            "SWVER",
            "0.2.13",
            "PORT",
            "P0, Modbus, Slave 230",
            "DATATIME",
            data,
            "event_history",
            "32",
            "fw_error",
            "0",
            "relay_mode",
            "0",
            "relay1_state",
            "1",
            "relay2_state",
            "1",
            "relay1_error",
            "0",
            "relay2_error",
            "0",
            "v1n_grid_v",
            "123.1",
            "v2n_grid_v",
            "122.5",
            "v1n_pv_v",
            "122.8",
            "v2n_pv_v",
            "122.5"));
    devices.add(trailer(disconnect));
    Map<String, Object> gateway =
        deviceHeader(
            "BC1234006789",
            "GATEWAY",
            "working",
            "SchneiderElectric-ConextGateway",
            "Gateway BC1234006789",
            "Gateway");
    gateway.putAll(
        ordered(
            "interface",
            "sunspec",
            "mac_address",
            "d8:a9:ab:cd:12:34",
            "slave",
            1,
            "SWVER",
            "V1",
            "PORT",
            "P0, SunSpec, Slave 1",
            "DATATIME",
            data));
    devices.add(trailer(gateway));
    Map<String, Object> hub =
        deviceHeader(
            "PVS6H0123456789",
            "EQUINOX-MIO",
            "working",
            "SunPower MIO",
            "ESS Hub PVS6H0123456789",
            "ESS Hub");
    hub.putAll(
        ordered(
            "interface",
            "sunspec",
            "slave",
            220,
            "SWVER",
            "1.5.0",
            "PORT",
            "P0, SunSpec, Slave 220",
            "DATATIME",
            data));
    devices.add(trailer(hub));
    Map<String, Object> inverter =
        deviceHeader(
            "00001ABC1234",
            "SCHNEIDER-XWPRO",
            "working",
            "SchneiderElectric-XW6848-21",
            "Storage Inverter 00001ABC1234",
            "Storage Inverter");
    inverter.putAll(
        ordered(
            "interface",
            "sunspec",
            "mac_address",
            "d8:a9:ab:cd:12:34",
            "parent",
            11,
            "slave",
            10,
            "SWVER",
            "V1",
            "PORT",
            "P0, SunSpec, Slave 10",
            "DATATIME",
            data));
    devices.add(trailer(inverter, ESS_SERIAL));
    Map<String, Object> bms =
        deviceHeader(
            "BC123400678933751040",
            "EQUINOX-BMS",
            "working",
            "SchneiderElectric-SP1",
            "ESS BMS BC123400678933751040",
            "ESS BMS");
    bms.putAll(
        ordered(
            "interface",
            "sunspec",
            "mac_address",
            "d8:a9:ab:cd:12:34",
            "parent",
            11,
            "slave",
            230,
            "PORT",
            "P0, SunSpec, Slave 230",
            "DATATIME",
            data));
    devices.add(trailer(bms, ESS_SERIAL));
    Map<String, Object> battery =
        deviceHeader(
            "M00122109A0355",
            "BATTERY",
            "working",
            "POWERAMP-Komodo 1.2",
            "Battery M00122109A0355",
            "Battery");
    battery.putAll(
        ordered(
            "hw_version",
            "4.34",
            "interface",
            "none",
            "parent",
            11,
            "SWVER",
            "2.8",
            "PORT",
            "P0, None, Slave -1",
            "DATATIME",
            data));
    devices.add(trailer(battery, ESS_SERIAL));
    Map<String, Object> ess =
        deviceHeader(
            ESS_SERIAL,
            "EQUINOX-ESS",
            "working",
            "SPWR-Equinox-model",
            "Energy Storage System " + ESS_SERIAL,
            "Energy Storage System");
    ess.putAll(
        ordered(
            "hw_version",
            "0",
            "interface",
            "none",
            "SWVER",
            "0",
            "PORT",
            "P0, Parent, Slave -1",
            "DATATIME",
            data));
    devices.add(trailer(ess));
    return devices;
  }

  private static Map<String, Object> deviceHeader(
      String serial,
      String type,
      String state,
      String model,
      String description,
      String deviceType) {
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("ISDETAIL", true);
    device.put("SERIAL", serial);
    device.put("TYPE", type);
    device.put("STATE", state);
    device.put("STATEDESCR", state.equals("working") ? "Working" : "Error");
    device.put("MODEL", model);
    device.put("DESCR", description);
    device.put("DEVICE_TYPE", deviceType);
    return device;
  }

  private static Map<String, Object> trailer(Map<String, Object> device) {
    device.put("origin", "data_logger");
    device.put("OPERATION", "noop");
    return device;
  }

  private static Map<String, Object> trailer(Map<String, Object> device, String parent) {
    trailer(device);
    device.put("PARENT", parent);
    return device;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static String time(long epochSecond) {
    return DATATIME.format(Instant.ofEpochSecond(epochSecond));
  }

  static String time(Instant instant) {
    return DATATIME.format(instant);
  }
}
