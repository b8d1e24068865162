package dev.homeenergy.cli;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.device.tesla.FleetRegion;
import dev.homeenergy.device.tesla.TeslaFamily;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tesla device that tesla-prometheus-exporter's environment variables describe, shared by
 * {@code tesla serve} and {@code tesla login}: the original's sign-in script read the same
 * variables, so one environment file serves both.
 */
final class TeslaEnvironment {
  /** The variables read, for the commands' help. */
  static final String VARIABLES =
      "TESLA_CLIENT_ID, TESLA_CLIENT_SECRET, TESLA_API_BASE, TESLA_AUTH_BASE, TESLA_TOKEN_BASE, "
          + "TESLA_REDIRECT_URI, TESLA_VEHICLE_INDEX, POLL_INTERVAL_SECONDS, "
          + "SLEEP_POLL_INTERVAL_SECONDS, WAKE_ON_POLL, TOKEN_FILE_PATH";

  private TeslaEnvironment() {}

  /**
   * The device {@code env} describes, with the original's defaults.
   *
   * @throws CommandException (exit 2) when the client credentials are missing or a number is not
   *     one
   */
  static DeviceConfig device(Map<String, String> env, NamingStyle naming) {
    String clientId = env.get("TESLA_CLIENT_ID");
    String clientSecret = env.get("TESLA_CLIENT_SECRET");
    if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
      throw CommandException.config("TESLA_CLIENT_ID and TESLA_CLIENT_SECRET must be set");
    }
    Map<String, Object> extra = new HashMap<>();
    try {
      extra.put("client_id", clientId);
      extra.put("client_secret", new Secret(clientSecret));
      extra.put(
          "auth_base",
          env.getOrDefault("TESLA_AUTH_BASE", FleetRegion.DEFAULT_AUTH_BASE.toString()));
      extra.put(
          "token_base",
          env.getOrDefault("TESLA_TOKEN_BASE", FleetRegion.DEFAULT_TOKEN_BASE.toString()));
      extra.put(
          "redirect_uri", env.getOrDefault("TESLA_REDIRECT_URI", TeslaFamily.DEFAULT_REDIRECT_URI));
      extra.put("token_file", env.getOrDefault("TOKEN_FILE_PATH", "/data/tokens/token.json"));
      extra.put("vehicle_index", Integer.parseInt(env.getOrDefault("TESLA_VEHICLE_INDEX", "0")));
      extra.put(
          "online_interval",
          Duration.ofSeconds(Long.parseLong(env.getOrDefault("POLL_INTERVAL_SECONDS", "300"))));
      extra.put(
          "asleep_interval",
          Duration.ofSeconds(
              Long.parseLong(env.getOrDefault("SLEEP_POLL_INTERVAL_SECONDS", "660"))));
      extra.put(
          "wake_on_poll",
          List.of("true", "1", "yes")
              .contains(env.getOrDefault("WAKE_ON_POLL", "false").toLowerCase(Locale.ROOT)));
      extra.put("budget_dollars", Double.parseDouble(env.getOrDefault("BUDGET_DOLLARS", "10")));
      extra.put(
          "location",
          env.getOrDefault(
                  "TESLA_SCOPES", "openid offline_access vehicle_device_data vehicle_location")
              .contains("vehicle_location"));
    } catch (NumberFormatException e) {
      throw CommandException.config(
          "a numeric environment variable is not a number: " + e.getMessage());
    }
    URI apiBase;
    try {
      apiBase = URI.create(env.getOrDefault("TESLA_API_BASE", FleetRegion.NA.apiBase().toString()));
    } catch (IllegalArgumentException e) {
      throw CommandException.config("TESLA_API_BASE is not a URL: " + e.getMessage());
    }
    return new DeviceConfig(
        TeslaFamily.TYPE,
        TeslaFamily.TYPE,
        apiBase,
        Duration.ofMinutes(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(75),
        naming,
        extra);
  }
}
