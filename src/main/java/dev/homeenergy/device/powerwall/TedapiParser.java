package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.homeenergy.device.powerwall.TedapiData.Battery;
import dev.homeenergy.device.powerwall.TedapiData.Block;
import dev.homeenergy.device.powerwall.TedapiData.ComponentAlert;
import dev.homeenergy.device.powerwall.TedapiData.Ct;
import dev.homeenergy.device.powerwall.TedapiData.Inverter;
import dev.homeenergy.device.powerwall.TedapiData.Island;
import dev.homeenergy.device.powerwall.TedapiData.MeterVolts;
import dev.homeenergy.device.powerwall.TedapiData.NeurioCt;
import dev.homeenergy.device.powerwall.TedapiData.PvString;
import dev.homeenergy.device.powerwall.TedapiData.RemoteMeterCt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the JSON inside TEDAPI answers (config.json, the DeviceControllerQuery result and each
 * Powerwall 3's components result) onto {@link TedapiData}. Every path is optional; placeholder
 * devices (missing in action, or without a serial) are skipped, and only the phases the config uses
 * are read, as unused phases report noise.
 */
final class TedapiParser {
  private static final double JOULES_PER_WH = 3600;
  private static final double JOULES_PER_KWH = 3_600_000;
  private static final double COULOMBS_PER_AH = 3600;
  private static final Set<String> PACK_COUNTERS =
      Set.of(
          "BMS_kwhDischargeTotal",
          "BMS_LOG_ahDischargeTotal",
          "BMS_LOG_numFullBattCycles",
          "BMS_LOG_tempOutOfBounds",
          "BMS_LOG_tempOutOfBoundsCharge");
  private static final List<String> PW3_STRINGS = List.of("A", "B", "C", "D", "E", "F");
  private static final List<String> PVAC_STRINGS = List.of("A", "B", "C", "D");
  private static final List<String> CTS = List.of("A", "B", "C");
  private static final List<String> COMPONENT_GROUPS = List.of("pws", "pch", "bms", "hvp", "baggr");

  private TedapiParser() {}

  /**
   * @param config config.json, or null
   * @param status the DeviceControllerQuery result, or null
   * @param components each Powerwall 3's components result by its DIN, or empty
   */
  static TedapiData parse(JsonNode config, JsonNode status, Map<String, JsonNode> components) {
    JsonNode c = config == null ? MissingNode.getInstance() : config;
    JsonNode s = status == null ? MissingNode.getInstance() : status;
    Set<Integer> phases = phases(c);
    List<Inverter> inverters = new ArrayList<>();
    Map<String, Battery> batteries = new LinkedHashMap<>();
    List<ComponentAlert> alerts = new ArrayList<>();
    components.forEach((din, result) -> unit(din, result, inverters, batteries, alerts));
    powerwallPlus(s, inverters, alerts);
    powerwall2(s, batteries, alerts);
    msaComponents(s, batteries, alerts);
    JsonNode control = s.path("control");
    JsonNode islanding = control.path("islanding");
    JsonNode siteInfo = c.path("site_info");
    List<String> siteAlerts = texts(control.path("alerts").path("active"));
    Double reserve = number(siteInfo.path("backup_reserve_percent"));
    return new TedapiData(
        aggregates(control.path("meterAggregates")),
        scaled(number(control.path("systemStatus").path("nominalFullPackEnergyWh")), JOULES_PER_WH),
        scaled(
            number(control.path("systemStatus").path("nominalEnergyRemainingWh")), JOULES_PER_WH),
        gridConnected(s, siteAlerts),
        text(islander(s).path("ISLAND_AcMeasurements").path("ISLAND_GridState")),
        text(islanding.path("customerIslandMode")),
        bool(islanding.path("contactorClosed")),
        bool(islanding.path("gridOK")),
        bool(islanding.path("microGridOK")),
        bool(control.path("siteShutdown").path("isShutDown")),
        bool(s.path("system").path("sitemanagerStatus").path("isRunning")),
        siteAlerts,
        island(s, phases),
        cts(s, c),
        meterVolts(s, phases),
        neurioCts(s, c),
        remoteMeterCts(s),
        inverters,
        List.copyOf(batteries.values()),
        alerts,
        blocks(c),
        reserve == null ? null : reserve / 100,
        text(c.path("default_real_mode")),
        scaled(number(siteInfo.path("nominal_system_energy_ac")), JOULES_PER_KWH),
        scaled(number(siteInfo.path("nominal_system_power_ac")), 1000.0));
  }

  /** The DINs of the config's Powerwall 3 units, in config order. */
  static List<String> powerwall3Units(JsonNode config) {
    List<String> units = new ArrayList<>();
    if (config == null) {
      return units;
    }
    for (JsonNode block : config.path("battery_blocks")) {
      String din = text(block.path("vin"));
      String type = text(block.path("type"));
      if (din != null && !din.isEmpty() && type != null && type.contains("Powerwall3")) {
        units.add(din);
      }
    }
    return units;
  }

  /**
   * The unit each expansion pack of the config belongs to, by the pack's serial (the part of its
   * DIN after {@code --} or {@code #}).
   */
  static Map<String, String> expansionOwners(JsonNode config) {
    Map<String, String> owners = new LinkedHashMap<>();
    if (config == null) {
      return owners;
    }
    for (JsonNode block : config.path("battery_blocks")) {
      String unit = text(block.path("vin"));
      if (unit == null || unit.isEmpty()) {
        continue;
      }
      for (JsonNode expansion : block.path("battery_expansions")) {
        String serial = serialOf(text(expansion.path("din")));
        if (serial != null) {
          owners.putIfAbsent(serial, unit);
        }
      }
    }
    return owners;
  }

  /**
   * A unit's components result with the pack counters of its ComplianceQuery result added to its
   * {@code bms[]} entries by position (the ComplianceQuery names no serials; both list the unit's
   * packs through the same filter).
   */
  static JsonNode withPackCounters(JsonNode components, JsonNode compliance) {
    JsonNode extra = compliance == null ? null : compliance.path("components").path("bms");
    if (extra == null || !extra.isArray() || extra.isEmpty()) {
      return components;
    }
    JsonNode merged = components.deepCopy();
    JsonNode bms = merged.path("components").path("bms");
    for (int i = 0; i < bms.size() && i < extra.size(); i++) {
      if (bms.path(i).path("signals")
          instanceof com.fasterxml.jackson.databind.node.ArrayNode signals) {
        for (JsonNode signal : extra.path(i).path("signals")) {
          String name = text(signal.path("name"));
          if (name != null && PACK_COUNTERS.contains(name)) {
            signals.add(signal);
          }
        }
      }
    }
    return merged;
  }

  /** The pack serials ({@code hvp[].serialNumber}) a components result names. */
  static List<String> packSerials(JsonNode result) {
    List<String> serials = new ArrayList<>();
    for (JsonNode hvp : result.path("components").path("hvp")) {
      String serial = text(hvp.path("serialNumber"));
      if (serial != null && !serial.isEmpty()) {
        serials.add(serial);
      }
    }
    return serials;
  }

  /** The serial part of a DIN ({@code <part>--<serial>} or {@code <part>#<serial>}), or null. */
  static String serialOf(String din) {
    if (din == null) {
      return null;
    }
    int dashes = din.lastIndexOf("--");
    int hash = din.lastIndexOf('#');
    String serial =
        dashes >= 0 ? din.substring(dashes + 2) : hash >= 0 ? din.substring(hash + 1) : din;
    return serial.isEmpty() ? null : serial;
  }

  private static Map<String, Double> aggregates(JsonNode list) {
    Map<String, Double> power = new LinkedHashMap<>();
    for (JsonNode meter : list) {
      String location = text(meter.path("location"));
      Double watts = number(meter.path("realPowerW"));
      if (location != null && !location.isEmpty() && watts != null) {
        power.putIfAbsent(location.toLowerCase(Locale.ROOT), watts);
      }
    }
    return power;
  }

  private static Boolean gridConnected(JsonNode status, List<String> siteAlerts) {
    JsonNode connected =
        islander(status).path("ISLAND_GridConnection").path("ISLAND_GridConnected");
    if (connected.isBoolean()) {
      return connected.booleanValue();
    }
    if (connected.isTextual()) {
      return connected.textValue().endsWith("_Connected");
    }
    if (siteAlerts.contains("SystemConnectedToGrid")) {
      return true;
    }
    return null;
  }

  private static JsonNode islander(JsonNode status) {
    return first(status.path("esCan").path("bus").path("ISLANDER"));
  }

  /** Phases 1..3 in use: from the config's phase usages, else all three. */
  private static Set<Integer> phases(JsonNode config) {
    JsonNode usages = config.path("site_info").path("phase_usages");
    Set<Integer> used = new LinkedHashSet<>();
    for (int phase = 1; phase <= 3; phase++) {
      String usage = text(usages.path("phase" + phase));
      if (!usages.isObject() || (usage != null && !usage.equals("NotConfigured"))) {
        used.add(phase);
      }
    }
    return used;
  }

  private static List<Island> island(JsonNode status, Set<Integer> phases) {
    JsonNode ac = islander(status).path("ISLAND_AcMeasurements");
    List<Island> island = new ArrayList<>();
    if (bool(ac.path("isMIA")) == Boolean.TRUE) {
      return island;
    }
    for (int phase : phases) {
      for (String side : List.of("Main", "Load")) {
        Double volts = number(ac.path("ISLAND_VL" + phase + "N_" + side));
        Double hertz = number(ac.path("ISLAND_FreqL" + phase + "_" + side));
        if (volts != null || hertz != null) {
          island.add(new Island("l" + phase, side.toLowerCase(Locale.ROOT), volts, hertz));
        }
      }
    }
    return island;
  }

  /** Measurements of meters x and y (synchrometer) and z (backup switch), by meter letter. */
  private static Map<String, JsonNode> meters(JsonNode status) {
    Map<String, JsonNode> meters = new LinkedHashMap<>();
    JsonNode bus = status.path("esCan").path("bus");
    JsonNode sync = first(bus.path("SYNC"));
    for (String meter : List.of("X", "Y")) {
      JsonNode ac = sync.path("METER_" + meter + "_AcMeasurements");
      if (ac.isObject() && bool(ac.path("isMIA")) != Boolean.TRUE) {
        meters.put(meter, ac);
      }
    }
    JsonNode z = first(bus.path("MSA")).path("METER_Z_AcMeasurements");
    if (z.isObject() && bool(z.path("isMIA")) != Boolean.TRUE) {
      meters.put("Z", z);
    } else {
      for (JsonNode component : status.path("components").path("msa")) {
        JsonNode signals = signals(component);
        if (signals.hasNonNull("METER_Z_CTA_InstRealPower")) {
          meters.put("Z", signals);
          break;
        }
      }
    }
    return meters;
  }

  private static List<Ct> cts(JsonNode status, JsonNode config) {
    Map<String, JsonNode> enabled = new HashMap<>();
    for (JsonNode meter : config.path("meters")) {
      String type = text(meter.path("type"));
      if (type != null && type.startsWith("synchrometer") && meter.path("cts").isArray()) {
        enabled.put(type.substring("synchrometer".length()), meter.path("cts"));
      }
    }
    List<Ct> cts = new ArrayList<>();
    meters(status)
        .forEach(
            (meter, ac) -> {
              for (int i = 0; i < CTS.size(); i++) {
                JsonNode flags = enabled.get(meter);
                if (flags != null && !flags.path(i).asBoolean(false)) {
                  continue;
                }
                String prefix = "METER_" + meter + "_CT" + CTS.get(i) + "_";
                Double watts = number(ac.path(prefix + "InstRealPower"));
                Double reactive = number(ac.path(prefix + "InstReactivePower"));
                Double amperes = number(ac.path(prefix + "I"));
                if (watts != null || reactive != null || amperes != null) {
                  cts.add(
                      new Ct(
                          meter.toLowerCase(Locale.ROOT),
                          CTS.get(i).toLowerCase(Locale.ROOT),
                          watts,
                          reactive,
                          amperes));
                }
              }
            });
    return cts;
  }

  private static List<MeterVolts> meterVolts(JsonNode status, Set<Integer> phases) {
    List<MeterVolts> volts = new ArrayList<>();
    meters(status)
        .forEach(
            (meter, ac) -> {
              for (int phase : phases) {
                String suffix = meter.equals("Z") ? "G" : "N";
                Double value = number(ac.path("METER_" + meter + "_VL" + phase + suffix));
                if (value != null) {
                  volts.add(new MeterVolts(meter.toLowerCase(Locale.ROOT), "l" + phase, value));
                }
              }
            });
    return volts;
  }

  /**
   * The Neurio meters' CTs: each reading's CT at position i, when a config entry of the same serial
   * enables it (its location and scale factor then apply); all of them when no entry of that serial
   * lists its CTs.
   */
  private static List<NeurioCt> neurioCts(JsonNode status, JsonNode config) {
    List<NeurioCt> cts = new ArrayList<>();
    for (JsonNode reading : status.path("neurio").path("readings")) {
      String serial = text(reading.path("serial"));
      if (serial == null || serial.isEmpty()) {
        continue;
      }
      List<JsonNode> entries = new ArrayList<>();
      for (JsonNode meter : config.path("meters")) {
        if (serial.equals(text(meter.path("connection").path("device_serial")))) {
          entries.add(meter);
        }
      }
      boolean listed = entries.stream().anyMatch(meter -> meter.path("cts").isArray());
      JsonNode values = reading.path("dataRead");
      for (int i = 0; i < values.size(); i++) {
        int index = i;
        JsonNode entry =
            listed
                ? entries.stream()
                    .filter(meter -> meter.path("cts").path(index).asBoolean(false))
                    .findFirst()
                    .orElse(null)
                : entries.stream().findFirst().orElse(MissingNode.getInstance());
        if (entry == null) {
          continue;
        }
        JsonNode ct = values.path(i);
        Double scale = number(entry.path("real_power_scale_factor"));
        Double watts = number(ct.path("realPowerW"));
        Double reactive = number(ct.path("reactivePowerVAR"));
        Double volts = number(ct.path("voltageV"));
        Double amperes = number(ct.path("currentA"));
        if (watts == null && reactive == null && volts == null && amperes == null) {
          continue;
        }
        String location = text(entry.path("location"));
        cts.add(
            new NeurioCt(
                serial,
                Integer.toString(i + 1),
                location == null ? "" : location,
                scale == null ? watts : scaled(watts, scale),
                reactive,
                volts,
                amperes));
      }
    }
    return cts;
  }

  /** The Tesla Remote Meters' CTs, with their lifetime energy in watt-seconds (joules). */
  private static List<RemoteMeterCt> remoteMeterCts(JsonNode status) {
    List<RemoteMeterCt> cts = new ArrayList<>();
    for (JsonNode meter : status.path("teslaRemoteMeter").path("meters")) {
      String din = text(meter.path("din"));
      if (din == null || din.isEmpty()) {
        continue;
      }
      JsonNode readings = meter.path("reading").path("ctReadings");
      for (int i = 0; i < readings.size(); i++) {
        JsonNode ct = readings.path(i);
        RemoteMeterCt read =
            new RemoteMeterCt(
                din,
                Integer.toString(i + 1),
                number(ct.path("realPowerW")),
                number(ct.path("reactivePowerVAR")),
                number(ct.path("voltageV")),
                number(ct.path("currentA")),
                number(ct.path("energyExportedWs")),
                number(ct.path("energyImportedWs")));
        if (read.watts() != null
            || read.voltAmperesReactive() != null
            || read.volts() != null
            || read.amperes() != null
            || read.exportedJoules() != null
            || read.importedJoules() != null) {
          cts.add(read);
        }
      }
    }
    return cts;
  }

  private static Map<String, Double> overTemperatureEvents(JsonNode signals) {
    Map<String, Double> events = new LinkedHashMap<>();
    putIfPresent(events, "discharge", number(signals.path("BMS_LOG_tempOutOfBounds")));
    putIfPresent(events, "charge", number(signals.path("BMS_LOG_tempOutOfBoundsCharge")));
    return events;
  }

  /** One Powerwall 3's components result: its inverter, strings, packs and alerts. */
  private static void unit(
      String din,
      JsonNode result,
      List<Inverter> inverters,
      Map<String, Battery> batteries,
      List<ComponentAlert> alerts) {
    JsonNode groups = result.path("components");
    JsonNode pch = signals(first(groups.path("pch")));
    List<PvString> strings = new ArrayList<>();
    for (String name : PW3_STRINGS) {
      Double volts = number(pch.path("PCH_PvVoltage" + name));
      Double amperes = number(pch.path("PCH_PvCurrent" + name));
      String state = text(pch.path("PCH_PvState_" + name));
      if (volts != null || amperes != null || state != null) {
        strings.add(
            new PvString(
                name,
                volts,
                amperes == null ? null : Math.max(0, amperes),
                state == null ? null : state.contains("Pv_Active"),
                state));
      }
    }
    Map<String, Double> lineVolts = new LinkedHashMap<>();
    putIfPresent(lineVolts, "an", number(pch.path("PCH_AcVoltageAN")));
    putIfPresent(lineVolts, "bn", number(pch.path("PCH_AcVoltageBN")));
    putIfPresent(lineVolts, "cn", number(pch.path("PCH_AcVoltageCN")));
    Map<String, String> states = new LinkedHashMap<>();
    putIfPresent(states, "state", text(pch.path("PCH_State")));
    putIfPresent(states, "ac_mode", text(pch.path("PCH_AcMode")));
    putIfPresent(states, "dcdc_a", text(pch.path("PCH_DcdcState_A")));
    putIfPresent(states, "dcdc_b", text(pch.path("PCH_DcdcState_B")));
    Map<String, Double> fans = new LinkedHashMap<>();
    putIfPresent(fans, "a", number(pch.path("PCH_FanSpeed_A")));
    putIfPresent(fans, "b", number(pch.path("PCH_FanSpeed_B")));
    Map<String, Double> duty = new LinkedHashMap<>();
    putIfPresent(duty, "a", scaled(number(pch.path("PCH_FanDuty_A")), 0.01));
    putIfPresent(duty, "b", scaled(number(pch.path("PCH_FanDuty_B")), 0.01));
    JsonNode baggr = signals(first(groups.path("baggr")));
    Map<String, Double> packs = new LinkedHashMap<>();
    putIfPresent(packs, "connected", number(baggr.path("BAGGR_NumBatteriesConnected")));
    putIfPresent(packs, "present", number(baggr.path("BAGGR_NumBatteriesPresent")));
    putIfPresent(packs, "expected", number(baggr.path("BAGGR_NumBatteriesExpected")));
    Double acPower = number(pch.path("PCH_AcRealPowerAB"));
    inverters.add(
        new Inverter(
            din,
            strings,
            number(pch.path("PCH_SlowPvPowerSum")),
            number(pch.path("PCH_AcVoltageAB")),
            number(pch.path("PCH_AcFrequency")),
            lineVolts,
            states,
            number(pch.path("PCH_BatteryPower")),
            acPower != null ? acPower : number(pch.path("PCH_AcRealPowerSum")),
            fans,
            duty,
            number(pch.path("PCH_AmbientTemp")),
            packs));
    JsonNode bms = groups.path("bms");
    JsonNode hvp = groups.path("hvp");
    for (int i = 0; i < bms.size(); i++) {
      JsonNode pack = signals(bms.path(i));
      JsonNode hv = hvp.path(i);
      String serial = text(hv.path("serialNumber"));
      Double full = scaled(number(pack.path("BMS_nominalFullPackEnergy")), JOULES_PER_KWH);
      Double remaining = scaled(number(pack.path("BMS_nominalEnergyRemaining")), JOULES_PER_KWH);
      if (serial == null || serial.isEmpty() || (full == null && remaining == null)) {
        continue;
      }
      JsonNode hvSignals = signals(hv);
      Map<String, Double> temperatures = new LinkedHashMap<>();
      putIfPresent(temperatures, "pack_max", number(hvSignals.path("HVP_PackTempMax")));
      putIfPresent(temperatures, "pack_min", number(hvSignals.path("HVP_PackTempMin")));
      putIfPresent(temperatures, "shunt", number(hvSignals.path("HVP_ShuntTemperature")));
      batteries.putIfAbsent(
          serial,
          new Battery(
              serial,
              full,
              remaining,
              temperatures,
              null,
              null,
              null,
              null,
              null,
              scaled(number(pack.path("BMS_kwhDischargeTotal")), JOULES_PER_KWH),
              number(pack.path("BMS_LOG_numFullBattCycles")),
              scaled(number(pack.path("BMS_LOG_ahDischargeTotal")), COULOMBS_PER_AH),
              overTemperatureEvents(pack)));
    }
    for (String group : COMPONENT_GROUPS) {
      for (JsonNode component : groups.path(group)) {
        for (String alert : alertNames(component.path("activeAlerts"))) {
          alerts.add(new ComponentAlert(din, group, alert));
        }
      }
    }
  }

  /** Powerwall+ solar inverters (PVAC) with their string switch (PVS) at the same index. */
  private static void powerwallPlus(
      JsonNode status, List<Inverter> inverters, List<ComponentAlert> alerts) {
    JsonNode bus = status.path("esCan").path("bus");
    JsonNode pvacs = bus.path("PVAC");
    for (int i = 0; i < pvacs.size(); i++) {
      JsonNode pvac = pvacs.path(i);
      String serial = text(pvac.path("packageSerialNumber"));
      JsonNode st = pvac.path("PVAC_Status");
      if (serial == null || serial.isEmpty() || bool(st.path("isMIA")) == Boolean.TRUE) {
        continue;
      }
      JsonNode log = pvac.path("PVAC_Logging");
      JsonNode pvs = bus.path("PVS").path(i);
      JsonNode pvsStatus = pvs.path("PVS_Status");
      boolean pvsLive = bool(pvsStatus.path("isMIA")) != Boolean.TRUE;
      List<PvString> strings = new ArrayList<>();
      if (bool(log.path("isMIA")) != Boolean.TRUE) {
        for (String name : PVAC_STRINGS) {
          Double volts = number(log.path("PVAC_PVMeasuredVoltage_" + name));
          Double amperes = number(log.path("PVAC_PVCurrent_" + name));
          Boolean connected =
              pvsLive ? bool(pvsStatus.path("PVS_String" + name + "_Connected")) : null;
          if (volts != null || amperes != null || connected != null) {
            strings.add(
                new PvString(
                    name, volts, amperes == null ? null : Math.max(0, amperes), connected, null));
          }
        }
      }
      Map<String, Double> lineVolts = new LinkedHashMap<>();
      putIfPresent(lineVolts, "l1g", number(log.path("PVAC_VL1Ground")));
      putIfPresent(lineVolts, "l2g", number(log.path("PVAC_VL2Ground")));
      Map<String, String> states = new LinkedHashMap<>();
      putIfPresent(states, "state", text(st.path("PVAC_State")));
      if (pvsLive) {
        putIfPresent(states, "pvs", text(pvsStatus.path("PVS_State")));
      }
      Map<String, Double> fans = new LinkedHashMap<>();
      putIfPresent(fans, "actual", number(log.path("PVAC_Fan_Speed_Actual_RPM")));
      putIfPresent(fans, "target", number(log.path("PVAC_Fan_Speed_Target_RPM")));
      inverters.add(
          new Inverter(
              serial,
              strings,
              number(st.path("PVAC_Pout")),
              number(st.path("PVAC_Vout")),
              number(st.path("PVAC_Fout")),
              lineVolts,
              states,
              null,
              null,
              fans,
              Map.of(),
              null,
              Map.of()));
      busAlerts(serial, "pvac", pvac, alerts);
      busAlerts(serial, "pvs", pvs, alerts);
    }
  }

  /** Powerwall 2 packs: controller (THC), pack (POD) and inverter (PINV) at the same index. */
  private static void powerwall2(
      JsonNode status, Map<String, Battery> batteries, List<ComponentAlert> alerts) {
    JsonNode bus = status.path("esCan").path("bus");
    JsonNode thcs = bus.path("THC");
    for (int i = 0; i < thcs.size(); i++) {
      JsonNode thc = thcs.path(i);
      String serial = text(thc.path("packageSerialNumber"));
      if (serial == null || serial.isEmpty()) {
        continue;
      }
      JsonNode pod = bus.path("POD").path(i).path("POD_EnergyStatus");
      boolean podLive = bool(pod.path("isMIA")) != Boolean.TRUE;
      JsonNode pinvEntry = bus.path("PINV").path(i);
      JsonNode pinv = pinvEntry.path("PINV_Status");
      boolean pinvLive = bool(pinv.path("isMIA")) != Boolean.TRUE;
      batteries.putIfAbsent(
          serial,
          new Battery(
              serial,
              podLive ? scaled(number(pod.path("POD_nom_full_pack_energy")), JOULES_PER_WH) : null,
              podLive ? scaled(number(pod.path("POD_nom_energy_remaining")), JOULES_PER_WH) : null,
              Map.of(),
              pinvLive ? scaled(number(pinv.path("PINV_Pout")), 1000.0) : null,
              pinvLive ? number(pinv.path("PINV_Vout")) : null,
              pinvLive ? number(pinv.path("PINV_Fout")) : null,
              pinvLive ? text(pinv.path("PINV_State")) : null,
              pinvLive ? text(pinv.path("PINV_GridState")) : null,
              null,
              null,
              null,
              Map.of()));
      busAlerts(serial, "thc", thc, alerts);
      busAlerts(serial, "pinv", pinvEntry, alerts);
    }
  }

  /**
   * The full DeviceControllerQuery's component list: Powerwall 2 temperatures by THC serial, BMS
   * packs the leader reports when asked, and each component's active alerts.
   */
  private static void msaComponents(
      JsonNode status, Map<String, Battery> batteries, List<ComponentAlert> alerts) {
    for (JsonNode component : status.path("components").path("msa")) {
      String serial = text(component.path("serialNumber"));
      if (serial == null || serial.isEmpty()) {
        continue;
      }
      JsonNode signals = signals(component);
      Double ambient = number(signals.path("THC_AmbientTemp"));
      Battery known = batteries.get(serial);
      if (known != null && ambient != null) {
        Map<String, Double> temperatures = new LinkedHashMap<>(known.temperaturesCelsius());
        temperatures.put("ambient", ambient);
        batteries.put(
            serial,
            new Battery(
                serial,
                known.fullPackJoules(),
                known.remainingJoules(),
                temperatures,
                known.outputWatts(),
                known.outputVolts(),
                known.outputHertz(),
                known.pinvState(),
                known.pinvGridState(),
                known.dischargedJoules(),
                known.fullCycles(),
                known.dischargedCoulombs(),
                known.overTemperatureEvents()));
      }
      Double full = scaled(number(signals.path("BMS_nominalFullPackEnergy")), JOULES_PER_KWH);
      Double remaining = scaled(number(signals.path("BMS_nominalEnergyRemaining")), JOULES_PER_KWH);
      if (known == null && (full != null || remaining != null)) {
        batteries.put(
            serial,
            new Battery(
                serial,
                full,
                remaining,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                scaled(number(signals.path("BMS_kwhDischargeTotal")), JOULES_PER_KWH),
                number(signals.path("BMS_LOG_numFullBattCycles")),
                scaled(number(signals.path("BMS_LOG_ahDischargeTotal")), COULOMBS_PER_AH),
                overTemperatureEvents(signals)));
      }
      for (String alert : alertNames(component.path("activeAlerts"))) {
        alerts.add(new ComponentAlert(serial, "msa", alert));
      }
    }
  }

  private static List<Block> blocks(JsonNode config) {
    List<Block> blocks = new ArrayList<>();
    for (JsonNode block : config.path("battery_blocks")) {
      String din = text(block.path("vin"));
      if (din == null || din.isEmpty()) {
        continue;
      }
      String type = text(block.path("type"));
      blocks.add(new Block(din, type == null ? "" : type, "unit"));
      for (JsonNode expansion : block.path("battery_expansions")) {
        String pack = text(expansion.path("din"));
        if (pack != null && !pack.isEmpty()) {
          blocks.add(new Block(pack, "", "expansion"));
        }
      }
    }
    return blocks;
  }

  private static void busAlerts(
      String unit, String component, JsonNode entry, List<ComponentAlert> alerts) {
    for (String alert : texts(entry.path("alerts").path("active"))) {
      alerts.add(new ComponentAlert(unit, component, alert));
    }
  }

  /** A component's signals as one object: name to its value, text or flag. */
  static JsonNode signals(JsonNode component) {
    com.fasterxml.jackson.databind.node.ObjectNode out =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (JsonNode signal : component.path("signals")) {
      String name = text(signal.path("name"));
      if (name == null) {
        continue;
      }
      for (String field : List.of("value", "textValue", "boolValue")) {
        JsonNode value = signal.path(field);
        if (!value.isMissingNode() && !value.isNull()) {
          out.set(name, value);
          break;
        }
      }
      if (!out.has(name)) {
        out.putNull(name);
      }
    }
    return out;
  }

  private static List<String> alertNames(JsonNode list) {
    List<String> names = new ArrayList<>();
    for (JsonNode alert : list) {
      String name = alert.isTextual() ? alert.textValue() : text(alert.path("name"));
      if (name != null && !name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : list) {
      if (item.isTextual() && !item.textValue().isEmpty()) {
        texts.add(item.textValue());
      }
    }
    return texts;
  }

  private static JsonNode first(JsonNode node) {
    return node.isArray() ? node.path(0) : node;
  }

  private static <V> void putIfPresent(Map<String, V> map, String key, V value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static Double scaled(Double value, double factor) {
    return value == null ? null : value * factor;
  }

  static Double number(JsonNode node) {
    if (node.isNumber()) {
      double value = node.doubleValue();
      return Double.isFinite(value) ? value : null;
    }
    return null;
  }

  static String text(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return null;
  }

  static Boolean bool(JsonNode node) {
    return node.isBoolean() ? node.booleanValue() : null;
  }
}
