package dev.homeenergy.devicehttp;

import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.RawRecorder;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * The HTTP resources an exporter's devices share, so a device costs no threads of its own: the
 * threads every device's HTTP client runs on, and one plain-HTTP client per connect timeout for the
 * families that need nothing of their own (a JDK client keeps a selector thread and a connection
 * pool, per host, for as long as it lives). Devices with their own TLS trust or cookies build their
 * own client on {@link #executor()}.
 */
public final class SharedHttp {
  private final Executor executor;
  private final ConcurrentMap<Duration, HttpClient> plainClients = new ConcurrentHashMap<>();

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
    return plainClients.computeIfAbsent(
        connectTimeout, timeout -> DeviceHttp.plainClient(timeout, executor));
  }

  /** A device context whose HTTP clients run on these threads and share these plain clients. */
  public DeviceContext context(Clock clock, RawRecorder raw, Path stateDirectory) {
    return new DeviceContext(clock, raw, stateDirectory, executor, this::plainClient);
  }

  /** A context whose HTTP clients are its own, with their own threads (tests, one-off commands). */
  public static DeviceContext unshared(Clock clock, RawRecorder raw, Path stateDirectory) {
    return new SharedHttp(null).context(clock, raw, stateDirectory);
  }
}
