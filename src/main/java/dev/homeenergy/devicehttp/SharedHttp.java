package dev.homeenergy.devicehttp;

import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.RawRecorder;
import java.lang.ref.WeakReference;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The HTTP resources an exporter's devices share, so a device costs no threads of its own: the
 * threads every device's HTTP client runs on, and one client per distinct setting (plain HTTP per
 * connect timeout; a family's TLS trust, parameters and version under a key of its own), built when
 * the first device needs it. A JDK client keeps a selector thread, buffers and a connection pool
 * (per host) for as long as it lives; sharing makes that a cost per kind of client rather than per
 * device.
 *
 * <p>Clients are held weakly: the devices using a client keep it alive, and once a config reload
 * has removed every one of them the client is collected and its selector thread ends (the JDK's
 * client stops when nothing references it), so removing every device of a kind leaks nothing. The
 * next device with that setting gets a new client.
 */
public final class SharedHttp {
  private final Executor executor;
  private final Map<Object, WeakReference<HttpClient>> clients = new HashMap<>();

  /**
   * @param executor the threads the clients run on, or null for each client's own
   */
  public SharedHttp(Executor executor) {
    this.executor = executor;
  }

  /** The threads device HTTP clients run on, or null for each client's own. */
  public Executor executor() {
    return executor;
  }

  /**
   * The shared client for plain-HTTP LAN devices with this connect timeout ({@link
   * DeviceHttp#plainClient}).
   */
  public HttpClient plainClient(Duration connectTimeout) {
    return client(
        new PlainKey(connectTimeout), () -> DeviceHttp.plainClient(connectTimeout, executor));
  }

  /**
   * The client for {@code key}: the one a device still holds, else a new one from {@code build}.
   *
   * @param key the settings the client is built from, compared with {@code equals}
   */
  public synchronized HttpClient client(Object key, Supplier<HttpClient> build) {
    clients.values().removeIf(held -> held.get() == null);
    WeakReference<HttpClient> held = clients.get(key);
    HttpClient client = held == null ? null : held.get();
    if (client == null) {
      client = build.get();
      clients.put(key, new WeakReference<>(client));
    }
    return client;
  }

  /** How many shared clients some device still holds. */
  public synchronized int liveClients() {
    return (int) clients.values().stream().filter(held -> held.get() != null).count();
  }

  /** A device context whose HTTP clients run on these threads and are shared through this. */
  public DeviceContext context(Clock clock, RawRecorder raw, Path stateDirectory) {
    return new DeviceContext(clock, raw, stateDirectory, executor, this::plainClient, this::client);
  }

  /**
   * A context whose HTTP clients run on their own threads and are shared only among the devices
   * made with this one context (tests, one-off commands).
   */
  public static DeviceContext unshared(Clock clock, RawRecorder raw, Path stateDirectory) {
    return new SharedHttp(null).context(clock, raw, stateDirectory);
  }

  private record PlainKey(Duration connectTimeout) {}
}
