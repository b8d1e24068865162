package dev.homeenergy.device.sunpower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the device model from one device's fields under DeviceList names, whichever API they came
 * from, and collects the devices of one poll. Not thread-safe; used by one parse.
 */
final class DeviceFields {
  /** Numeric-looking fields of storage devices that are addresses or versions, not measurements. */
  private static final Set<String> NOT_VALUES =
      Set.of(
          "slave",
          "parent",
          "panid",
          "hw_version",
          "interface",
          "origin",
          "mac_address",
          "op_mode");

  private Supervisor supervisor;
  private final List<PowerMeter> meters = new ArrayList<>();
  private final List<Inverter> inverters = new ArrayList<>();
  private final List<StorageDevice> storage = new ArrayList<>();

  /** Adds one device; a second PVS entry (never seen) is kept as a storage-style device. */
  void add(Map<String, String> f, Long dataTimeMillis) {
    DeviceIdentity id =
        new DeviceIdentity(
            text(f, "DEVICE_TYPE"),
            text(f, "SERIAL"),
            text(f, "MODEL"),
            text(f, "TYPE"),
            text(f, "STATE"),
            text(f, "DESCR"),
            text(f, "PORT"),
            text(f, "SWVER"),
            dataTimeMillis);
    switch (id.deviceType()) {
      case "PVS" -> {
        if (supervisor == null) {
          supervisor = supervisor(id, f);
        } else {
          storage.add(storage(id, f));
        }
      }
      case "Power Meter" -> meters.add(meter(id, f));
      case "Inverter" -> inverters.add(inverter(id, f));
      default -> storage.add(storage(id, f));
    }
  }

  Supervisor supervisor() {
    return supervisor;
  }

  List<PowerMeter> meters() {
    return meters;
  }

  List<Inverter> inverters() {
    return inverters;
  }

  List<StorageDevice> storage() {
    return storage;
  }

  private static Supervisor supervisor(DeviceIdentity id, Map<String, String> f) {
    return new Supervisor(
        id,
        text(f, "HWVER"),
        num(f, "dl_comm_err"),
        num(f, "dl_cpu_load"),
        num(f, "dl_err_count"),
        num(f, "dl_flash_avail"),
        num(f, "dl_mem_used"),
        num(f, "dl_scan_time"),
        num(f, "dl_skipped_scans"),
        num(f, "dl_untransmitted"),
        num(f, "dl_uptime"),
        num(f, VarsFields.CPU_USAGE_RATIO),
        num(f, VarsFields.MEMORY_USED_RATIO),
        num(f, VarsFields.FLASH_USED_RATIO));
  }

  private static PowerMeter meter(DeviceIdentity id, Map<String, String> f) {
    return new PowerMeter(
        id,
        text(f, "CAL0"),
        num(f, "ct_scl_fctr"),
        num(f, "freq_hz"),
        num(f, "net_ltea_3phsum_kwh"),
        num(f, "neg_ltea_3phsum_kwh"),
        num(f, "pos_ltea_3phsum_kwh"),
        num(f, "p_3phsum_kw"),
        num(f, "q_3phsum_kvar"),
        num(f, "s_3phsum_kva"),
        num(f, "tot_pf_rto"),
        num(f, "i_a"),
        num(f, "i1_a"),
        num(f, "i2_a"),
        num(f, "v12_v"),
        num(f, "v1n_v"),
        num(f, "v2n_v"),
        num(f, "p1_kw"),
        num(f, "p2_kw"));
  }

  private static Inverter inverter(DeviceIdentity id, Map<String, String> f) {
    return new Inverter(
        id,
        text(f, "MOD_SN"),
        num(f, "ltea_3phsum_kwh"),
        num(f, "p_3phsum_kw"),
        num(f, "vln_3phavg_v"),
        num(f, "i_3phsum_a"),
        num(f, "p_mppt1_kw"),
        num(f, "p_mpptsum_kw"),
        num(f, "v_mppt1_v"),
        num(f, "i_mppt1_a"),
        num(f, "t_htsnk_degc"),
        num(f, "freq_hz"));
  }

  private static StorageDevice storage(DeviceIdentity id, Map<String, String> f) {
    Map<String, Double> values = new LinkedHashMap<>();
    f.forEach(
        (key, value) -> {
          boolean identity = key.equals(key.toUpperCase(Locale.ROOT));
          Double number = SunpowerJson.number(value);
          if (!identity && !NOT_VALUES.contains(key) && number != null) {
            values.put(key, number);
          }
        });
    return new StorageDevice(id, values, text(f, "op_mode"));
  }

  private static String text(Map<String, String> f, String key) {
    return f.getOrDefault(key, "");
  }

  private static Double num(Map<String, String> f, String key) {
    return SunpowerJson.number(f.get(key));
  }
}
