package dev.homeenergy.app;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.polling.Backoff;
import dev.homeenergy.polling.OnDemandPolling;
import dev.homeenergy.polling.Poller;
import dev.homeenergy.polling.RawLog;
import dev.homeenergy.polling.SnapshotStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The configured devices' clients and pollers, and how a reloaded device list replaces them: new
 * and changed devices get a new client and poller, removed and changed ones have theirs closed, and
 * an unchanged device keeps its client (sessions, tokens, login back-off), its poller (schedule,
 * back-off) and its status in the store (counters).
 */
final class DevicePollers implements AutoCloseable {
  private final Map<String, DeviceFamily> families;
  private final SnapshotStore store;
  private final SharedHttp http;
  private final Clock clock;
  private final Path stateDirectory;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final Object lock = new Object();
  private Map<String, Running> running = Map.of();
  private OnDemandPolling onDemand;
  private boolean started;
  private boolean closed;

  /** One device as it runs. */
  private record Running(DeviceConfig config, Poller poller) {}

  /** A device's new client and poller, not yet polling. */
  private record Prepared(DeviceConfig config, Poller poller) {}

  /**
   * @param families the device families by type
   * @param stateDirectory where devices keep state across restarts (fixed at start)
   */
  DevicePollers(
      Map<String, DeviceFamily> families,
      SnapshotStore store,
      SharedHttp http,
      Clock clock,
      Path stateDirectory,
      ScheduledExecutorService scheduler,
      ExecutorService workers) {
    this.families = Map.copyOf(families);
    this.store = store;
    this.http = http;
    this.clock = clock;
    this.stateDirectory = stateDirectory;
    this.scheduler = scheduler;
    this.workers = workers;
  }

  /**
   * Creates the client and poller of every device in the store, without polling yet.
   *
   * @throws IllegalArgumentException when a device's type has no family
   * @throws RuntimeException whatever a family's client creation throws; nothing is left open
   */
  /** Tells the rendered caches that something beside the devices changed (a failed reload). */
  void changedBesideDevices() {
    store.changedBesideDevices();
  }

  void prepare() {
    Map<String, RawLog> raw = new HashMap<>();
    store.devices().forEach(device -> raw.put(device.name(), store.raw(device.name())));
    Map<String, Running> created = new LinkedHashMap<>();
    for (Prepared prepared : create(store.devices(), raw)) {
      created.put(prepared.config().name(), new Running(prepared.config(), prepared.poller()));
    }
    synchronized (lock) {
      running = created;
    }
  }

  /** The pollers by device name, in config order. */
  Map<String, Poller> pollers() {
    synchronized (lock) {
      Map<String, Poller> pollers = new LinkedHashMap<>();
      running.forEach((name, device) -> pollers.put(name, device.poller()));
      return pollers;
    }
  }

  /**
   * Starts polling every device at once, or, with {@code onDemand}, leaves polling to the probes it
   * is told about.
   */
  void start(OnDemandPolling onDemandPolling) {
    synchronized (lock) {
      onDemand = onDemandPolling;
      started = true;
      if (onDemand == null) {
        running.values().forEach(device -> device.poller().start());
      }
    }
  }

  /**
   * Runs {@code devices} from now on. Clients of new and changed devices are created first; if one
   * cannot be, nothing changes.
   *
   * @return what changed
   * @throws IllegalArgumentException when a device's type has no family
   * @throws IllegalStateException when the exporter is closing
   * @throws RuntimeException whatever a family's client creation throws; nothing is changed
   */
  DeviceChanges apply(List<DeviceConfig> devices) {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the exporter is stopping");
      }
      DeviceChanges changes =
          DeviceChanges.between(running.values().stream().map(Running::config).toList(), devices);
      Map<String, RawLog> raw = new HashMap<>();
      changes.starting().forEach(device -> raw.put(device.name(), new RawLog()));
      List<Prepared> prepared = create(changes.starting(), raw);
      changes.removed().forEach(device -> running.get(device.name()).poller().close());
      changes.changed().forEach(device -> running.get(device.name()).poller().close());
      store.replaceDevices(devices, raw);
      Map<String, Poller> fresh = new HashMap<>();
      prepared.forEach(p -> fresh.put(p.config().name(), p.poller()));
      Map<String, Running> next = new LinkedHashMap<>();
      for (DeviceConfig device : devices) {
        Poller poller = fresh.get(device.name());
        next.put(
            device.name(),
            poller != null ? new Running(device, poller) : running.get(device.name()));
      }
      running = next;
      if (started) {
        if (onDemand != null) {
          onDemand.replacePollers(pollers());
        } else {
          fresh.values().forEach(Poller::start);
        }
      }
      return changes;
    }
  }

  private List<Prepared> create(List<DeviceConfig> devices, Map<String, RawLog> raw) {
    List<Prepared> created = new ArrayList<>();
    try {
      for (DeviceConfig device : devices) {
        DeviceFamily family = families.get(device.type());
        if (family == null) {
          throw new IllegalArgumentException("no device family for type " + device.type());
        }
        Device client =
            family.create(device, http.context(clock, raw.get(device.name()), stateDirectory));
        created.add(
            new Prepared(
                device,
                new Poller(
                    device,
                    family,
                    client,
                    store,
                    clock,
                    scheduler,
                    workers,
                    Backoff.forInterval(device.interval()),
                    () -> ThreadLocalRandom.current().nextDouble())));
      }
    } catch (RuntimeException e) {
      created.forEach(p -> p.poller().close());
      throw e;
    }
    return created;
  }

  /** Stops every poller and closes every client. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      running.values().forEach(device -> device.poller().close());
    }
  }
}
