package dev.homeenergy.config;

/**
 * The exporter's own HTTP endpoint.
 *
 * @param listenAddress {@code host:port}, {@code :port} (all interfaces) or {@code [v6]:port}
 * @param telemetryPath path of the metrics endpoint, starting with {@code /}
 */
public record WebConfig(String listenAddress, String telemetryPath) {
  public static final String DEFAULT_LISTEN_ADDRESS = ":10042";
  public static final String DEFAULT_TELEMETRY_PATH = "/metrics";

  public static WebConfig defaults() {
    return new WebConfig(DEFAULT_LISTEN_ADDRESS, DEFAULT_TELEMETRY_PATH);
  }

  /**
   * Checks a telemetry path: it must start with {@code /} and contain no whitespace, {@code ?} or
   * {@code #}.
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
    return path;
  }
}
