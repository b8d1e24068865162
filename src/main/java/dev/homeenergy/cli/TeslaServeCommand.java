package dev.homeenergy.cli;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.device.tesla.FleetRegion;
import dev.homeenergy.device.tesla.TeslaFamily;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drop-in replacement for the Python {@code tesla-prometheus-exporter}: reads its environment
 * variables and its token file as they are, and serves its metric names (compat naming) on its
 * port, so its users switch without signing in again.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    description = {
      "Serves one Tesla account like tesla-prometheus-exporter: TESLA_CLIENT_ID, TESLA_CLIENT_SECRET, "
          + "TESLA_API_BASE, TESLA_AUTH_BASE, TESLA_TOKEN_BASE, TESLA_VEHICLE_INDEX, POLL_INTERVAL_SECONDS, "
          + "SLEEP_POLL_INTERVAL_SECONDS, WAKE_ON_POLL, EXPORTER_PORT (9090), TOKEN_FILE_PATH, LOG_LEVEL.",
      "Unlike it, a parked car is left alone long enough to fall asleep and the bill keeps to BUDGET_DOLLARS (10)."
    })
public final class TeslaServeCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--naming",
      defaultValue = "compat",
      description =
          "compat: tesla-prometheus-exporter's metric names; native: ours (default: ${DEFAULT-VALUE}).")
  String naming;

  public TeslaServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env = context.env();
    String clientId = env.get("TESLA_CLIENT_ID");
    String clientSecret = env.get("TESLA_CLIENT_SECRET");
    if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
      throw CommandException.config("TESLA_CLIENT_ID and TESLA_CLIENT_SECRET must be set");
    }
    NamingStyle style = NamingStyle.fromConfig(naming);
    String level =
        switch (env.getOrDefault("LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT)) {
          case "DEBUG" -> "debug";
          case "WARNING", "WARN" -> "warn";
          case "ERROR", "CRITICAL" -> "error";
          default -> "info";
        };
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
    int port;
    try {
      port = Integer.parseInt(env.getOrDefault("EXPORTER_PORT", "9090"));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw CommandException.config("EXPORTER_PORT must be a port number");
    }
    URI apiBase =
        URI.create(env.getOrDefault("TESLA_API_BASE", FleetRegion.NA.apiBase().toString()));
    DeviceConfig device =
        new DeviceConfig(
            TeslaFamily.TYPE,
            TeslaFamily.TYPE,
            apiBase,
            Duration.ofMinutes(15),
            Duration.ofSeconds(30),
            Duration.ofMinutes(75),
            style == null ? NamingStyle.COMPAT : style,
            extra);
    ExporterConfig config =
        new ExporterConfig(
            new WebConfig(":" + port, WebConfig.DEFAULT_TELEMETRY_PATH),
            new LogConfig(level, "text"),
            List.of(device));
    return Serving.serve(config, context, out, err, null);
  }
}
