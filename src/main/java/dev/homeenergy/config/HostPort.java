package dev.homeenergy.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A split {@code host[:port]} authority, shared by {@link ListenAddress} and {@link DeviceAddress}.
 * Never resolves names: IPv6 literals are checked as literals only.
 *
 * @param host host name, IPv4 literal or IPv6 literal without brackets; empty when absent
 * @param port the port, or -1 when absent
 */
record HostPort(String host, int port) {
  private static final String LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?";
  private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")*\\.?");

  boolean hasPort() {
    return port >= 0;
  }

  boolean isIpv6() {
    return host.contains(":");
  }

  /** Host as written in a URL or address: IPv6 literals in brackets. */
  String hostForUri() {
    return isIpv6() ? "[" + host + "]" : host;
  }

  static HostPort split(String text) {
    String host;
    String portText;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing \"]\" after the IPv6 address");
      }
      host = text.substring(1, close);
      checkIpv6Literal(host);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException("unexpected \"" + rest + "\" after \"]\"");
      }
      portText = rest.isEmpty() ? null : rest.substring(1);
    } else {
      int firstColon = text.indexOf(':');
      if (firstColon != text.lastIndexOf(':')) {
        throw new IllegalArgumentException("IPv6 addresses must be in brackets, like [::1]:9000");
      }
      host = firstColon < 0 ? text : text.substring(0, firstColon);
      portText = firstColon < 0 ? null : text.substring(firstColon + 1);
      if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
        throw new IllegalArgumentException("invalid host \"" + host + "\"");
      }
    }
    return new HostPort(host, portText == null ? -1 : parsePort(portText));
  }

  private static int parsePort(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("missing port after \":\"");
    }
    if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > 65535) {
      throw new IllegalArgumentException("invalid port \"" + text + "\" (must be 0-65535)");
    }
    return Integer.parseInt(text);
  }

  private static void checkIpv6Literal(String host) {
    if (host.isEmpty() || !host.contains(":") || !host.matches("[0-9A-Fa-f:.%A-Za-z_]+")) {
      throw new IllegalArgumentException("invalid IPv6 address \"" + host + "\"");
    }
    try {
      // Bracketed input is only ever parsed as a literal, never looked up.
      InetAddress.getByName("[" + host + "]");
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("invalid IPv6 address \"" + host + "\"", e);
    }
  }
}
