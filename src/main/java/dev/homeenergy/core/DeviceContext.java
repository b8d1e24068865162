package dev.homeenergy.core;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the engine hands a family when it creates a device. It carries only JDK types and seam
 * types, so the seam does not depend on the device HTTP helpers that build it.
 *
 * @param clock the time source (a fast or manual clock in tests)
 * @param raw where the device records its exchanges for troubleshooting
 * @param stateDirectory where the device may keep state across restarts, or null when nothing may
 *     be persisted
 * @param httpExecutor the threads every device's HTTP client runs on, or null for each client's own
 * @param plainClients the shared plain-HTTP client for a connect timeout
 * @param sharedClients the clients devices with the same TLS and HTTP settings share
 */
public record DeviceContext(
    Clock clock,
    RawRecorder raw,
    Path stateDirectory,
    Executor httpExecutor,
    Function<Duration, HttpClient> plainClients,
    SharedClients sharedClients) {

  /** The shared client for plain-HTTP LAN devices with this connect timeout. */
  public HttpClient plainClient(Duration connectTimeout) {
    return plainClients.apply(connectTimeout);
  }

  /**
   * The client every device built with settings equal to {@code key} shares ({@link
   * SharedClients#client}).
   */
  public HttpClient sharedClient(Object key, Supplier<HttpClient> build) {
    return sharedClients.client(key, build);
  }
}
