package dev.homeenergy.polling;

import dev.homeenergy.config.DeviceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The latest {@link DeviceStatus} and raw exchanges of every configured device. Pollers write,
 * scrapes and web pages read; a read never waits for a device.
 */
public final class SnapshotStore {
  private final Map<String, AtomicReference<DeviceStatus>> statuses;
  private final Map<String, RawLog> rawLogs;
  private final AtomicLong version = new AtomicLong();
  private final StatusListener listener;

  public SnapshotStore(List<DeviceConfig> devices) {
    this(devices, StatusListener.NONE);
  }

  /** A store that tells {@code listener} of every status it takes in. */
  public SnapshotStore(List<DeviceConfig> devices, StatusListener listener) {
    this.listener = listener;
    Map<String, AtomicReference<DeviceStatus>> byName = new LinkedHashMap<>();
    Map<String, RawLog> raw = new LinkedHashMap<>();
    for (DeviceConfig device : devices) {
      byName.put(device.name(), new AtomicReference<>(DeviceStatus.initial(device)));
      raw.put(device.name(), new RawLog());
    }
    this.statuses = java.util.Collections.unmodifiableMap(byName);
    this.rawLogs = java.util.Collections.unmodifiableMap(raw);
  }

  /** Current status of every device, in configuration order. */
  public List<DeviceStatus> all() {
    List<DeviceStatus> list = new ArrayList<>(statuses.size());
    statuses.values().forEach(ref -> list.add(ref.get()));
    return list;
  }

  public Optional<DeviceStatus> get(String deviceName) {
    AtomicReference<DeviceStatus> ref = statuses.get(deviceName);
    return ref == null ? Optional.empty() : Optional.of(ref.get());
  }

  public DeviceStatus update(String deviceName, UnaryOperator<DeviceStatus> change) {
    AtomicReference<DeviceStatus> ref = statuses.get(deviceName);
    if (ref == null) {
      throw new IllegalArgumentException("unknown device " + deviceName);
    }
    DeviceStatus updated = ref.updateAndGet(change);
    version.incrementAndGet();
    listener.changed(updated);
    return updated;
  }

  /** A number that changes whenever any device's status changes: the key of rendered caches. */
  public long version() {
    return version.get();
  }

  public RawLog raw(String deviceName) {
    RawLog log = rawLogs.get(deviceName);
    if (log == null) {
      throw new IllegalArgumentException("unknown device " + deviceName);
    }
    return log;
  }

  /** Whether every device has been polled at least once (readiness). */
  public boolean allPolledOnce() {
    return statuses.values().stream().allMatch(ref -> ref.get().polledOnce());
  }
}
