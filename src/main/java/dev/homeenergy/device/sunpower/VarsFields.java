package dev.homeenergy.device.sunpower;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the varserver's {@code fmt=obj} answers onto DeviceList-style device fields, the way
 * ha-esunpower and pypvs do: {@code /sys/devices/inverter/3/p3phsumKw} becomes field {@code
 * p_3phsum_kw} of the fourth inverter, meters are production or consumption by {@code prodMdlNm}
 * ending in {@code p}, {@code STATE} is always {@code working} (vars has no state), and the
 * supervisor comes from {@code /sys/info/} (plus {@code supervisor/info}'s {@code SWVER} when
 * read).
 */
final class VarsFields {
  static final String CPU_USAGE_RATIO = "cpu_usage_ratio";
  static final String MEMORY_USED_RATIO = "memory_used_ratio";
  static final String FLASH_USED_RATIO = "flash_used_ratio";

  private static final Pattern DEVICE_VAR =
      Pattern.compile("/sys/devices/([a-z_]+)/(\\d+)/([A-Za-z0-9_]+)");
  private static final String INFO = "/sys/info/";
  private static final String LIVE = "/sys/livedata/";

  private final Map<String, String> vars = new LinkedHashMap<>();

  private VarsFields() {}

  /**
   * Merges every answer into one name → value map.
   *
   * @throws PollException with reason parse when there is no answer or one is not a JSON object
   */
  static VarsFields of(Map<String, String> answers) throws PollException {
    if (answers.isEmpty()) {
      throw new PollException(FailureReason.PARSE, "vars: no answers");
    }
    VarsFields fields = new VarsFields();
    for (String prefix : SunpowerResponses.VARS_MATCHES) {
      String body = answers.get(prefix);
      if (body != null) {
        fields.vars.putAll(SunpowerJson.scalars(SunpowerJson.object("vars " + prefix, body)));
      }
    }
    for (Map.Entry<String, String> e : answers.entrySet()) {
      if (!SunpowerResponses.VARS_MATCHES.contains(e.getKey())) {
        fields.vars.putAll(
            SunpowerJson.scalars(SunpowerJson.object("vars " + e.getKey(), e.getValue())));
      }
    }
    return fields;
  }

  /** Adds the supervisor and every device to {@code out}, in index order per kind. */
  void addDevices(String supervisorInfo, DeviceFields out) {
    Map<String, String> supervisor = supervisor(supervisorInfo);
    if (supervisor != null) {
      out.add(supervisor, null);
    }
    Map<String, Map<Integer, Map<String, String>>> byKind = new LinkedHashMap<>();
    for (String kind : new String[] {"meter", "inverter", "ess", "transfer_switch"}) {
      byKind.put(kind, new TreeMap<>());
    }
    vars.forEach(
        (name, value) -> {
          Matcher m = DEVICE_VAR.matcher(name);
          if (m.matches() && m.group(2).length() < 9) {
            byKind
                .computeIfAbsent(m.group(1), k -> new TreeMap<>())
                .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new LinkedHashMap<>())
                .put(m.group(3), value);
          }
        });
    byKind.forEach(
        (kind, devices) ->
            devices
                .values()
                .forEach(
                    raw -> out.add(device(kind, raw), SunpowerJson.isoTime(raw.get("msmtEps")))));
  }

  /** The {@code /sys/livedata/} values, or null when none were read. */
  LiveData liveData() {
    if (vars.keySet().stream().noneMatch(k -> k.startsWith(LIVE))) {
      return null;
    }
    Double time = live("time");
    return new LiveData(
        time == null ? null : Math.round(time * 1000),
        live("pv_p"),
        live("pv_en"),
        live("net_p"),
        live("net_en"),
        live("site_load_p"),
        live("site_load_en"),
        live("ess_p"),
        live("ess_en"),
        live("soc"),
        live("backupTimeRemaining"));
  }

  private Double live(String field) {
    return SunpowerJson.number(vars.get(LIVE + field));
  }

  private Map<String, String> supervisor(String supervisorInfo) {
    Map<String, String> legacy = supervisorInfo(supervisorInfo);
    boolean hasInfo = vars.keySet().stream().anyMatch(k -> k.startsWith(INFO));
    if (!hasInfo && legacy.isEmpty()) {
      return null;
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("DEVICE_TYPE", "PVS");
    String serial = info("serialnum");
    f.put("SERIAL", serial.isEmpty() ? legacy.getOrDefault("SERIAL", "") : serial);
    String model = info("model").trim();
    if (model.isEmpty()) {
      model = legacy.getOrDefault("MODEL", "").trim();
    }
    f.put("MODEL", model.isEmpty() ? "" : "PV Supervisor " + model);
    f.put("STATE", DeviceIdentity.WORKING);
    f.put("SWVER", legacy.getOrDefault("SWVER", info("sw_rev")));
    f.put("HWVER", info("hwrev"));
    f.put("dl_uptime", info("uptime"));
    putPercent(f, "dl_cpu_load", "cpu_usage");
    putPercent(f, CPU_USAGE_RATIO, "cpu_usage");
    putPercent(f, MEMORY_USED_RATIO, "ram_usage");
    putPercent(f, FLASH_USED_RATIO, "flash_usage");
    return f;
  }

  private void putPercent(Map<String, String> f, String field, String var) {
    Double percent = SunpowerJson.number(vars.get(INFO + var));
    if (percent != null) {
      f.put(field, Double.toString(percent / 100));
    }
  }

  private String info(String field) {
    return vars.getOrDefault(INFO + field, "");
  }

  /**
   * The {@code supervisor} object of {@code /cgi-bin/dl_cgi/supervisor/info}; empty when absent or
   * unusable.
   */
  private static Map<String, String> supervisorInfo(String body) {
    if (body == null) {
      return Map.of();
    }
    try {
      JsonNode supervisor = SunpowerJson.object("supervisor_info", body).path("supervisor");
      return supervisor.isObject() ? SunpowerJson.scalars(supervisor) : Map.of();
    } catch (PollException e) {
      return Map.of();
    }
  }

  private static Map<String, String> device(String kind, Map<String, String> raw) {
    Map<String, String> f = new LinkedHashMap<>();
    String serial = raw.getOrDefault("sn", "");
    String model = raw.getOrDefault("prodMdlNm", "").trim();
    f.put("SERIAL", serial);
    f.put("MODEL", model);
    f.put("STATE", DeviceIdentity.WORKING);
    f.put("PORT", "");
    f.put("SWVER", "");
    switch (kind) {
      case "meter" -> {
        boolean production = model.toLowerCase(Locale.ROOT).endsWith("p");
        f.put("DEVICE_TYPE", "Power Meter");
        f.put("TYPE", production ? "PVS5-METER-P" : "PVS5-METER-C");
        f.put("DESCR", "Power Meter " + serial);
      }
      case "inverter" -> {
        f.put("DEVICE_TYPE", "Inverter");
        f.put("TYPE", "SOLARBRIDGE");
        f.put("DESCR", "Inverter " + serial);
        f.put("MOD_SN", "");
      }
      case "ess" -> {
        f.put("DEVICE_TYPE", "Energy Storage System");
        f.put("TYPE", "");
        f.put("DESCR", "Energy Storage System " + serial);
      }
      case "transfer_switch" -> {
        f.put("DEVICE_TYPE", "HUB+");
        f.put("TYPE", "");
        f.put("DESCR", "Transfer Switch " + serial);
      }
      default -> {
        f.put("DEVICE_TYPE", kind);
        f.put("TYPE", "");
        f.put("DESCR", kind + " " + serial);
      }
    }
    raw.forEach(
        (name, value) -> {
          if (!name.equals("sn") && !name.equals("prodMdlNm") && !name.equals("msmtEps")) {
            f.put(snake(name), value);
          }
        });
    return f;
  }

  /**
   * {@code p3phsumKw} → {@code p_3phsum_kw}, {@code vln3phavgV} → {@code vln_3phavg_v}, {@code
   * socVal} → {@code soc_val}.
   */
  static String snake(String camel) {
    String snake =
        camel
            .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
            .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .toLowerCase(Locale.ROOT);
    return snake.replaceAll("([a-z])3ph", "$1_3ph");
  }
}
