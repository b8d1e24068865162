package dev.homeenergy.cli;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.WebConfig;
import java.io.PrintWriter;
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
      "Serves one Tesla account like tesla-prometheus-exporter: "
          + TeslaEnvironment.VARIABLES
          + ", EXPORTER_PORT (9090), LOG_LEVEL.",
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
    NamingStyle style = NamingStyle.fromConfig(naming);
    String level =
        switch (env.getOrDefault("LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT)) {
          case "DEBUG" -> "debug";
          case "WARNING", "WARN" -> "warn";
          case "ERROR", "CRITICAL" -> "error";
          default -> "info";
        };
    int port;
    try {
      port = Integer.parseInt(env.getOrDefault("EXPORTER_PORT", "9090"));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw CommandException.config("EXPORTER_PORT must be a port number");
    }
    DeviceConfig device = TeslaEnvironment.device(env, style == null ? NamingStyle.COMPAT : style);
    ExporterConfig config =
        new ExporterConfig(
            new WebConfig(":" + port, WebConfig.DEFAULT_TELEMETRY_PATH),
            new LogConfig(level, "text"),
            List.of(device));
    return Serving.serve(config, context, out, err, null);
  }
}
