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
}
