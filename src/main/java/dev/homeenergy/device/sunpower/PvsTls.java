package dev.homeenergy.device.sunpower;

import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.SelfSignedTrust;
import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client a PVS is read with: HTTP/1.1, no redirects, and for HTTPS any server certificate
 * without a host-name check (the PVS certificate is self-signed and names no host). Every PVS with
 * the same connect timeout shares one; a PVS's session travels in its own request headers.
 */
final class PvsTls {
  private PvsTls() {}

  /** The client every PVS with this connect timeout shares. */
  static HttpClient sharedClient(Duration connectTimeout, DeviceContext context) {
    return context.sharedClient(
        new ClientKey(connectTimeout), () -> httpClient(connectTimeout, context.httpExecutor()));
  }

  static HttpClient httpClient(Duration connectTimeout, java.util.concurrent.Executor executor) {
    return DeviceHttp.sharing(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .sslContext(trustingAny()),
            executor)
        .build();
  }

  static SSLContext trustingAny() {
    return SelfSignedTrust.context(SelfSignedTrust.trustingAny());
  }

  private record ClientKey(Duration connectTimeout) {}
}
