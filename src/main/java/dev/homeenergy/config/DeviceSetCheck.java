package dev.homeenergy.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules across devices: unique names, and at most one {@code naming: compat} device per type
 * (compat names carry no device label, so two such devices would export identical series).
 */
final class DeviceSetCheck {
  private DeviceSetCheck() {}

  static void check(List<DeviceEntry> devices, Problems problems) {
    Map<String, DeviceEntry> byName = new HashMap<>();
    Map<String, DeviceEntry> compatByType = new HashMap<>();
    for (DeviceEntry device : devices) {
      if (device.name() != null) {
        DeviceEntry first = byName.putIfAbsent(device.name(), device);
        if (first != null) {
          problems.add(
              device.path() + ".name",
              device.nameLine(),
              "duplicate device name \""
                  + device.name()
                  + "\" (first used at line "
                  + first.nameLine()
                  + ")");
        }
      }
      if (device.type() != null && device.naming() == NamingStyle.COMPAT) {
        DeviceEntry first = compatByType.putIfAbsent(device.type(), device);
        if (first != null) {
          problems.add(
              device.path() + ".naming",
              device.namingLine(),
              "only one "
                  + device.type()
                  + " device may use naming: compat, and "
                  + describe(first)
                  + " already does: compat names carry no device label, so"
                  + " both devices would export identical series; use naming: native for this"
                  + " one");
        }
      }
    }
  }

  private static String describe(DeviceEntry device) {
    String who = device.name() == null ? device.path() : "\"" + device.name() + "\"";
    return who + " (line " + device.namingLine() + ")";
  }
}
