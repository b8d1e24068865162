package dev.homeenergy.device.tesla;

import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.devicehttp.DeviceHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client for Tesla's cloud (the sign-in, token and Fleet API hosts), which since June 2026
 * demand TLS 1.3 and HTTP/2 from many clients. Over TLS it offers HTTP/2 by ALPN and falls back to
 * HTTP/1.1 with a server that only speaks that; a plain {@code http://} base (the simulator, a
 * local proxy) is spoken to in HTTP/1.1, without an h2c upgrade attempt. LAN devices keep the
 * HTTP/1.1 client of {@link DeviceHttp#plainClient}.
 */
public final class TeslaHttp {
  private TeslaHttp() {}

  /**
   * A client for Tesla's hosts with the JVM's default trust.
   *
   * @param executor the threads it runs on (the exporter's shared ones), or null for its own
   */
  public static HttpClient client(Duration connectTimeout, Executor executor) {
    return client(connectTimeout, executor, null);
  }

  /**
   * The client every Tesla device with this connect timeout and trust shares (the tokens, budget
   * and sign-in of each stay in the device).
   */
  static HttpClient sharedClient(Duration connectTimeout, DeviceContext context, SSLContext tls) {
    return context.sharedClient(
        new ClientKey(connectTimeout, tls),
        () -> client(connectTimeout, context.httpExecutor(), tls));
  }

  /** What makes two clients alike; the trust is that of a test's server, or null. */
  private record ClientKey(Duration connectTimeout, SSLContext tls) {}

  /**
   * As {@link #client(Duration, Executor)}, trusting {@code tls} instead of the JVM default unless
   * it is null: tests give the trust of their self-signed server this way.
   */
  static HttpClient client(Duration connectTimeout, Executor executor, SSLContext tls) {
    HttpClient.Builder builder =
        DeviceHttp.sharing(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout),
            executor);
    if (tls != null) {
      builder.sslContext(tls);
    }
    return builder.build();
  }

  /** The version to ask for at {@code uri}: HTTP/2 over TLS, HTTP/1.1 in plain HTTP. */
  static HttpClient.Version version(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme())
        ? HttpClient.Version.HTTP_2
        : HttpClient.Version.HTTP_1_1;
  }
}
