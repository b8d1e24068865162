package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.SelfSignedTrust;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The TLS setup every gateway connection uses: HTTP/1.1 over TLS, the server name indication
 * {@value #SERVER_NAME} (a gateway aborts the handshake for any name other than {@code powerwall},
 * {@code teg} or {@code powerpack}) and either any certificate or only the pinned one.
 *
 * <p>Found by test ({@code GatewayTlsTest}): the JDK 17 {@link HttpClient} sends these parameters'
 * SNI name only when the URL's host is an IP address; for a host name it sends that name instead.
 * {@link GatewayTransport} therefore connects to IP addresses.
 */
final class GatewayTls {
  /** The SNI name sent whatever the configured address. */
  static final String SERVER_NAME = "powerwall";

  private GatewayTls() {}

  /** An SSL context trusting {@code pinned} only, or any certificate when it is null. */
  static SSLContext context(X509Certificate pinned) {
    return SelfSignedTrust.context(
        pinned == null ? SelfSignedTrust.trustingAny() : SelfSignedTrust.pinnedTo(pinned));
  }

  /** Parameters sending the gateway's stock SNI name. */
  static SSLParameters parameters(SSLContext context) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setServerNames(List.of(new SNIHostName(SERVER_NAME)));
    return parameters;
  }

  /**
   * The client every gateway connection with the same trust ({@code pinned}, or any certificate
   * when it is null) and connect timeout shares; each gateway's session stays in its own headers.
   */
  static HttpClient sharedClient(
      X509Certificate pinned, Duration connectTimeout, DeviceContext context) {
    return context.sharedClient(
        new ClientKey(pinned, connectTimeout),
        () -> httpClient(context(pinned), connectTimeout, context.httpExecutor()));
  }

  /** What makes two gateway clients alike; a certificate equals another with the same encoding. */
  private record ClientKey(X509Certificate pinned, Duration connectTimeout) {}

  /** An HTTP/1.1 client that never follows redirects. */
  static HttpClient httpClient(
      SSLContext context, Duration connectTimeout, java.util.concurrent.Executor executor) {
    return DeviceHttp.sharing(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .sslContext(context)
                .sslParameters(parameters(context)),
            executor)
        .build();
  }
}
