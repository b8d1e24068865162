package dev.homeenergy.polling;

import dev.homeenergy.config.DeviceConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The latest {@link DeviceStatus} and raw exchanges of every configured device. Pollers write,
 * scrapes and web pages read; a read never waits for a device. A config reload replaces the set of
 * devices ({@link #replaceDevices}) while scrapes go on.
 */
public final class SnapshotStore {
  private final AtomicReference<Map<String, Slot>> slots;
  private final AtomicLong version = new AtomicLong();
  private final StatusListener listener;

  /** One device's entry: its current status and its raw exchanges. */
  private record Slot(AtomicReference<DeviceStatus> status, RawLog raw) {
    static Slot of(DeviceConfig device, RawLog raw) {
      return new Slot(new AtomicReference<>(DeviceStatus.initial(device)), raw);
    }
  }

  public SnapshotStore(List<DeviceConfig> devices) {
    this(devices, StatusListener.NONE);
  }

  /** A store that tells {@code listener} of every status it takes in and every device it drops. */
  public SnapshotStore(List<DeviceConfig> devices, StatusListener listener) {
    this.listener = listener;
    Map<String, Slot> byName = new LinkedHashMap<>();
    for (DeviceConfig device : devices) {
      byName.put(device.name(), Slot.of(device, new RawLog()));
    }
    this.slots = new AtomicReference<>(Collections.unmodifiableMap(byName));
  }

  /**
   * Makes the store hold exactly {@code devices}, in their order. A device whose config equals the
   * one it has keeps its status (counters, last samples) and raw log; a new or changed device
   * starts from its initial status with the raw log given for it in {@code rawLogs} (or a new one);
   * every other device is dropped with its series.
   */
  public synchronized void replaceDevices(List<DeviceConfig> devices, Map<String, RawLog> rawLogs) {
    Map<String, Slot> current = slots.get();
    Map<String, Slot> next = new LinkedHashMap<>();
    for (DeviceConfig device : devices) {
      Slot kept = current.get(device.name());
      if (kept != null && kept.status().get().config().equals(device)) {
        next.put(device.name(), kept);
      } else {
        RawLog raw = rawLogs.get(device.name());
        next.put(device.name(), Slot.of(device, raw != null ? raw : new RawLog()));
      }
    }
    slots.set(Collections.unmodifiableMap(next));
    version.incrementAndGet();
    current.keySet().stream().filter(name -> !next.containsKey(name)).forEach(listener::removed);
  }

  /** Current status of every device, in configuration order. */
  public List<DeviceStatus> all() {
    Map<String, Slot> current = slots.get();
    List<DeviceStatus> list = new ArrayList<>(current.size());
    current.values().forEach(slot -> list.add(slot.status().get()));
    return list;
  }

  /** The configured devices, in configuration order. */
  public List<DeviceConfig> devices() {
    return all().stream().map(DeviceStatus::config).toList();
  }

  public Optional<DeviceStatus> get(String deviceName) {
    Slot slot = slots.get().get(deviceName);
    return slot == null ? Optional.empty() : Optional.of(slot.status().get());
  }

  public DeviceStatus update(String deviceName, UnaryOperator<DeviceStatus> change) {
    Slot slot = slots.get().get(deviceName);
    if (slot == null) {
      throw new IllegalArgumentException("unknown device " + deviceName);
    }
    DeviceStatus updated = slot.status().updateAndGet(change);
    version.incrementAndGet();
    listener.changed(updated);
    return updated;
  }

  /**
   * Marks a change to what is served beside the devices' statuses (a failed config reload's gauge),
   * so rendered caches keyed on {@link #version()} render again.
   */
  public void changedBesideDevices() {
    version.incrementAndGet();
  }

  /**
   * A number that changes whenever any device's status changes, or {@link #changedBesideDevices} is
   * called: the key of rendered caches.
   */
  public long version() {
    return version.get();
  }

  public RawLog raw(String deviceName) {
    Slot slot = slots.get().get(deviceName);
    if (slot == null) {
      throw new IllegalArgumentException("unknown device " + deviceName);
    }
    return slot.raw();
  }

  /** Whether every device has been polled at least once (readiness). */
  public boolean allPolledOnce() {
    return slots.get().values().stream().allMatch(slot -> slot.status().get().polledOnce());
  }
}
