package dev.homeenergy.core;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * HTTP clients shared by every device that needs the same one. A JDK client keeps a selector
 * thread, its buffers and a connection pool for as long as it lives, so devices whose clients would
 * be alike (same TLS trust and parameters, version, connect timeout) use one; what differs per
 * device (sessions, tokens, cookies, login gates, body caps, deadlines) stays in the device.
 */
@FunctionalInterface
public interface SharedClients {
  /**
   * The client for {@code key}, made with {@code build} when no device holds one for it any more.
   *
   * @param key what makes two clients alike; compared with {@code equals}, so a record of the
   *     settings the client is built from
   * @param build makes the client (on {@link DeviceContext#httpExecutor()})
   */
  HttpClient client(Object key, Supplier<HttpClient> build);
}
