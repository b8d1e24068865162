package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * The gateway's base URI with its host name resolved to an IP address, looked up at every request.
 * The JDK 17 HTTP client replaces the configured SNI name with the URL's host name when the URL
 * names a host, and a gateway aborts the handshake for names other than {@code powerwall}, {@code
 * teg} and {@code powerpack}; for an IP address the client keeps the configured SNI name {@value
 * GatewayTls#SERVER_NAME}. Both the {@code /api} and the TEDAPI requests go through here.
 */
final class GatewayAddress {
  private GatewayAddress() {}

  /**
   * {@code https://IP:PORT/} of {@code address} (port 443 unless it names one).
   *
   * @param endpoint the endpoint a failure is reported against
   * @throws PollException connect when the host does not resolve
   */
  static URI resolved(URI address, String endpoint) throws PollException {
    String host = address.getHost();
    try {
      String ip = InetAddress.getByName(host).getHostAddress();
      return new URI(
          "https", null, ip, address.getPort() < 0 ? 443 : address.getPort(), "/", null, null);
    } catch (UnknownHostException e) {
      throw new PollException(FailureReason.CONNECT, endpoint + ": cannot resolve " + host);
    } catch (URISyntaxException e) {
      throw new PollException(FailureReason.INTERNAL, endpoint + ": " + e.getMessage(), e);
    }
  }
}
