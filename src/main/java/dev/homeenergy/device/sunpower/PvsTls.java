package dev.homeenergy.device.sunpower;

import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.SelfSignedTrust;
import java.net.CookieHandler;
import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The HTTP client a PVS is read with: HTTP/1.1, no redirects, and for HTTPS any server certificate
 * without a host-name check (the PVS certificate is self-signed and names no host).
 */
final class PvsTls {
  private PvsTls() {}

  static HttpClient httpClient(
      Duration connectTimeout, CookieHandler cookies, java.util.concurrent.Executor executor) {
    return DeviceHttp.sharing(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .cookieHandler(cookies)
                .sslContext(trustingAny()),
            executor)
        .build();
  }

  static SSLContext trustingAny() {
    return SelfSignedTrust.context(SelfSignedTrust.trustingAny());
  }
}
