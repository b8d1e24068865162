package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DoctorStep;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The doctor's TEDAPI step: one {@code GET /tedapi/din} with the gateway password, said in plain
 * words: the password works, the gateway refused the password, or it refused this host's network.
 * Both refusals are an HTTP 403; what tells them apart is where this host reaches the gateway from:
 * a host on the gateway's own Wi-Fi ({@code 192.168.91.0/24}) is refused only for its password,
 * while firmware 25.10 and later refuse every request routed from the home LAN, whatever the
 * password.
 */
final class TedapiDoctorStep {
  static final String NAME = "TEDAPI";

  private static final byte[] GATEWAY_WIFI = {(byte) 192, (byte) 168, 91};

  private final TedapiSettings settings;
  private final Duration timeout;
  private final DeviceContext context;
  private final Function<URI, Optional<InetAddress>> localAddress;

  /**
   * @param localAddress the address this host sends from to reach a URI's host, when known
   */
  TedapiDoctorStep(
      TedapiSettings settings,
      Duration timeout,
      DeviceContext context,
      Function<URI, Optional<InetAddress>> localAddress) {
    this.settings = settings;
    this.timeout = timeout;
    this.context = context;
    this.localAddress = localAddress;
  }

  DoctorStep check() {
    URI address = settings.address();
    TedapiHttp http =
        new TedapiHttp(
            GatewayTls.httpClient(GatewayTls.context(null), timeout, context.httpExecutor()),
            address,
            settings.gatewayPassword(),
            context.clock(),
            context.raw());
    Optional<InetAddress> from = localAddress.apply(address);
    String where = address.getHost() + ":" + port(address);
    try {
      byte[] body = http.get(TedapiClient.DIN, "/tedapi/din", Deadline.after(timeout)).body();
      String din = new String(body, StandardCharsets.UTF_8).strip();
      if (din.length() < 16 || !din.contains("--")) {
        return DoctorStep.failed(
            NAME,
            where + " answered /tedapi/din, but not with a DIN",
            List.of("check that tedapi_address is the Tesla gateway (or the Powerwall 3 itself)"));
      }
      return DoctorStep.passed(
          NAME, "the gateway password works: " + where + " answered with its DIN " + din);
    } catch (PollException e) {
      return failed(e, where, from);
    }
  }

  private DoctorStep failed(PollException e, String where, Optional<InetAddress> from) {
    int status = e.httpStatus();
    if (e.reason() == FailureReason.AUTH) {
      if (from.isPresent() && onGatewayWifi(from.get())) {
        return DoctorStep.failed(
            NAME,
            "the gateway refused the gateway password (HTTP "
                + status
                + " from "
                + where
                + "; this host is on the gateway's own Wi-Fi as "
                + from.get().getHostAddress()
                + ")",
            List.of(
                "gateway_password is the full password printed on the gateway's sticker (10"
                    + " characters; on a Powerwall 3 the label under the glass cover of the leader"
                    + " unit), the same one that joins its Wi-Fi, not the customer password",
                "one firmware (26.2.1 with a Backup Gateway 2) was reported to refuse TEDAPI even"
                    + " on its own Wi-Fi"));
      }
      return DoctorStep.failed(
          NAME,
          "the gateway refused this host's network (HTTP "
              + status
              + " from "
              + where
              + " to a request from "
              + from.map(InetAddress::getHostAddress).orElse("an unknown address")
              + ", which is not on the gateway's own Wi-Fi, 192.168.91.0/24): firmware 25.10 and"
              + " later refuse TEDAPI requests routed from the home LAN, and answer them just as"
              + " they answer a wrong password",
          List.of(
              "connect this host (or a bridge it routes through with NAT) to the gateway's own"
                  + " Wi-Fi (TeslaPW_... on a Powerwall 3, TEG-... on a gateway) and reach "
                  + TedapiSettings.DEFAULT_ADDRESS
                  + " directly; a route to it through the gateway's home-network address no"
                  + " longer works",
              "some Powerwall 3 units answer TEDAPI at their own home-network address: try it as"
                  + " tedapi_address",
              "if this host is on that Wi-Fi after all, check gateway_password: the full password"
                  + " on the gateway's sticker"));
    }
    if (e.reason() == FailureReason.RATE_LIMITED || status == 503) {
      return DoctorStep.failed(
          NAME,
          "the gateway is busy (HTTP " + status + " from " + where + ")",
          List.of(
              "the exporter pauses every TEDAPI call for 5 minutes after this; stop other TEDAPI"
                  + " readers of the same gateway (pypowerwall, Powerwall-Dashboard, Home"
                  + " Assistant) or raise tedapi_interval"));
    }
    if ((e.reason() == FailureReason.CONNECT || e.reason() == FailureReason.TIMEOUT)
        && settings.address().getHost().equals(TedapiSettings.DEFAULT_ADDRESS)) {
      return DoctorStep.failed(
          NAME,
          e,
          List.of(
              TedapiSettings.DEFAULT_ADDRESS
                  + " exists only on the gateway's own Wi-Fi (TeslaPW_... or TEG-...): connect"
                  + " this host to it, or set tedapi_address to where TEDAPI answers"));
    }
    return DoctorStep.failed(NAME, e, DeviceDoctor.hintsFor(e));
  }

  /** Whether an address is on the gateway's own Wi-Fi, 192.168.91.0/24. */
  static boolean onGatewayWifi(InetAddress address) {
    byte[] bytes = address.getAddress();
    return address instanceof Inet4Address
        && bytes[0] == GATEWAY_WIFI[0]
        && bytes[1] == GATEWAY_WIFI[1]
        && bytes[2] == GATEWAY_WIFI[2];
  }

  /**
   * The address this host's routing table picks to reach a URI's host (a UDP socket is connected,
   * which sends nothing), or empty when it has no route or the host does not resolve.
   */
  static Optional<InetAddress> routeFrom(URI address) {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getByName(address.getHost()), port(address)));
      InetAddress local = socket.getLocalAddress();
      return local == null || local.isAnyLocalAddress() ? Optional.empty() : Optional.of(local);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static int port(URI address) {
    return address.getPort() < 0 ? 443 : address.getPort();
  }
}
