package dev.homeenergy.config;

import java.net.InetSocketAddress;

/**
 * Parses the exporter's listen address: {@code host:port}, {@code :port} for all interfaces, or
 * {@code [v6]:port}; the port may be 0 (any free port).
 */
public final class ListenAddress {
  private ListenAddress() {}

  /**
   * Parses a listen address. {@code :port} gives the wildcard address; a host name is handled the
   * way {@link InetSocketAddress#InetSocketAddress(String, int)} handles it.
   *
   * @throws IllegalArgumentException when the text is not a valid listen address
   */
  public static InetSocketAddress parse(String text) {
    HostPort hostPort = check(text);
    return hostPort.host().isEmpty()
        ? new InetSocketAddress(hostPort.port())
        : new InetSocketAddress(hostPort.host(), hostPort.port());
  }

  /**
   * Validates the syntax like {@link #parse} without looking up host names.
   *
   * @return the text
   * @throws IllegalArgumentException when the text is not a valid listen address
   */
  public static String requireValid(String text) {
    check(text);
    return text;
  }

  /** Validates the syntax like {@link #parse} without looking up host names. */
  static HostPort check(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("listen address is empty; expected host:port or :port");
    }
    HostPort hostPort;
    try {
      hostPort = HostPort.split(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid listen address \"" + text + "\": " + e.getMessage(), e);
    }
    if (!hostPort.hasPort()) {
      throw new IllegalArgumentException(
          "invalid listen address \"" + text + "\": missing port; expected host:port or :port");
    }
    return hostPort;
  }
}
