package dev.homeenergy.config;

import java.nio.file.Path;

/**
 * The exporter's own HTTP endpoint. It checks its listen address and telemetry path when built, so
 * a config that exists is servable and nothing downstream checks them again.
 *
 * @param listenAddress {@code host:port}, {@code :port} (all interfaces) or {@code [v6]:port}
 * @param telemetryPath path of the metrics endpoint, starting with {@code /}
 * @param securityFile the exporter-toolkit web configuration file (TLS, basic auth); null for plain
 *     HTTP without authentication
 * @param healthRequiresAuth whether {@code /-/healthy} and {@code /-/ready} ask for the basic-auth
 *     credentials too (by default they stay open for container and service-manager health checks)
 */
public record WebConfig(
    String listenAddress, String telemetryPath, Path securityFile, boolean healthRequiresAuth) {
  public static final String DEFAULT_LISTEN_ADDRESS = ":10042";
  public static final String DEFAULT_TELEMETRY_PATH = "/metrics";

  /**
   * @throws IllegalArgumentException when the listen address or the telemetry path is invalid
   */
  public WebConfig {
    ListenAddress.check(listenAddress);
    checkTelemetryPath(telemetryPath);
  }

  /** Plain HTTP, no authentication. */
  public WebConfig(String listenAddress, String telemetryPath) {
    this(listenAddress, telemetryPath, null, false);
  }

  public static WebConfig defaults() {
    return new WebConfig(DEFAULT_LISTEN_ADDRESS, DEFAULT_TELEMETRY_PATH);
  }

  public WebConfig withSecurityFile(Path file) {
    return new WebConfig(listenAddress, telemetryPath, file, healthRequiresAuth);
  }

  /**
   * Checks a telemetry path: it must start with {@code /}, contain no whitespace, {@code ?} or
   * {@code #}, and not be one of the exporter's own pages ({@code /}, {@code /-/healthy}, {@code
   * /-/ready}, {@code /-/reload}, {@code /probe}, {@code /sd}, {@code /devices/...}).
   *
   * @return the path
   * @throws IllegalArgumentException with the reason when it is invalid
   */
  public static String checkTelemetryPath(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("telemetry path \"" + path + "\" must start with /");
    }
    if (!path.matches("[^\\s?#]+")) {
      throw new IllegalArgumentException(
          "telemetry path \"" + path + "\" must not contain whitespace, ? or #");
    }
    if (path.equals("/")
        || path.equals("/-/healthy")
        || path.equals("/-/ready")
        || path.equals("/-/reload")
        || path.equals("/probe")
        || path.equals("/sd")
        || path.startsWith("/devices/")) {
      throw new IllegalArgumentException(
          "telemetry path \""
              + path
              + "\" is used by the exporter itself; pick another, such as /metrics");
    }
    return path;
  }
}
