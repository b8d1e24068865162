package dev.homeenergy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns a device's {@code address} into its base URI {@code scheme://host:port[/path]}. Accepts a
 * host, {@code host:port}, {@code [v6]:port} or an http(s) URL. Credentials in the address are
 * rejected without echoing them: secrets belong in {@code password} or {@code password_file}.
 */
public final class DeviceAddress {
  private DeviceAddress() {}

  /**
   * Parses a device address.
   *
   * @param text the address as configured
   * @param defaultScheme scheme when the address has none
   * @param defaultPort port when the address has none and its scheme is {@code defaultScheme}; an
   *     explicit other scheme gets its standard port (80 for http, 443 for https)
   * @return {@code scheme://host:port} plus the URL's path without trailing slash, if any
   * @throws IllegalArgumentException when the address is invalid
   */
  public static URI parse(String text, String defaultScheme, int defaultPort) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("address is empty");
    }
    if (text.contains("@")) {
      throw new IllegalArgumentException(
          "credentials in the address are not allowed; put them in the device's own keys");
    }
    String scheme = defaultScheme;
    String rest = text;
    int schemeEnd = text.indexOf("://");
    if (schemeEnd >= 0) {
      scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      rest = text.substring(schemeEnd + 3);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw invalid(text, "scheme must be http or https");
      }
    }
    if (rest.contains("?") || rest.contains("#")) {
      throw invalid(text, "query strings and fragments are not allowed");
    }
    int pathStart = rest.indexOf('/');
    String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
    String path = pathStart < 0 ? "" : stripTrailingSlashes(rest.substring(pathStart));
    if (authority.isEmpty()) {
      throw invalid(text, "missing host");
    }
    HostPort hostPort;
    try {
      hostPort = HostPort.split(authority);
    } catch (IllegalArgumentException e) {
      throw invalid(text, e.getMessage());
    }
    if (hostPort.host().isEmpty()) {
      throw invalid(text, "missing host");
    }
    if (hostPort.port() == 0) {
      throw invalid(text, "port must be 1-65535");
    }
    int port = hostPort.hasPort() ? hostPort.port() : portFor(scheme, defaultScheme, defaultPort);
    try {
      String pathOrNull = path.isEmpty() ? null : path;
      URI uri = new URI(scheme, null, hostPort.host(), port, pathOrNull, null, null);
      return new URI(uri.toASCIIString());
    } catch (URISyntaxException e) {
      throw invalid(text, e.getReason());
    }
  }

  private static int portFor(String scheme, String defaultScheme, int defaultPort) {
    if (scheme.equals(defaultScheme)) {
      return defaultPort;
    }
    return scheme.equals("https") ? 443 : 80;
  }

  private static String stripTrailingSlashes(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid address \"" + text + "\": " + reason);
  }
}
