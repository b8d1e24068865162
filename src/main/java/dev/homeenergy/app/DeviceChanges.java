package dev.homeenergy.app;

import dev.homeenergy.config.DeviceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a config reload changes in the device list, by device name: a device is unchanged when its
 * effective config (every default and secret resolved) is equal, changed when its name stays but
 * anything else differs, and added or removed otherwise. Each list keeps the order of the config it
 * comes from (removed: the old one; the rest: the new one).
 */
public record DeviceChanges(
    List<DeviceConfig> added,
    List<DeviceConfig> removed,
    List<DeviceConfig> changed,
    List<DeviceConfig> unchanged) {

  public DeviceChanges {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
  }

  /** The changes from the {@code before} device list to the {@code after} one. */
  public static DeviceChanges between(List<DeviceConfig> before, List<DeviceConfig> after) {
    Map<String, DeviceConfig> old = new LinkedHashMap<>();
    before.forEach(device -> old.put(device.name(), device));
    Set<String> kept = after.stream().map(DeviceConfig::name).collect(Collectors.toSet());
    List<DeviceConfig> added = new ArrayList<>();
    List<DeviceConfig> changed = new ArrayList<>();
    List<DeviceConfig> unchanged = new ArrayList<>();
    for (DeviceConfig device : after) {
      DeviceConfig previous = old.get(device.name());
      if (previous == null) {
        added.add(device);
      } else if (previous.equals(device)) {
        unchanged.add(device);
      } else {
        changed.add(device);
      }
    }
    List<DeviceConfig> removed =
        before.stream().filter(device -> !kept.contains(device.name())).toList();
    return new DeviceChanges(added, removed, changed, unchanged);
  }

  /** The devices that need a new client and poller: the added and the changed ones. */
  public List<DeviceConfig> starting() {
    List<DeviceConfig> starting = new ArrayList<>(added);
    starting.addAll(changed);
    return starting;
  }

  /** Whether the device list stays exactly as it was (order aside). */
  public boolean none() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /**
   * For the log: {@code added [a], removed [b], changed [c], unchanged [d]}, empty lists left out.
   */
  public String summary() {
    List<String> parts = new ArrayList<>();
    part(parts, "added", added);
    part(parts, "removed", removed);
    part(parts, "changed", changed);
    part(parts, "unchanged", unchanged);
    return parts.isEmpty() ? "no devices" : String.join(", ", parts);
  }

  private static void part(List<String> parts, String what, List<DeviceConfig> devices) {
    if (!devices.isEmpty()) {
      parts.add(what + " " + devices.stream().map(DeviceConfig::name).toList());
    }
  }
}
