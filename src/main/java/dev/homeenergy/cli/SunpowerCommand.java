package dev.homeenergy.cli;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.device.sunpower.SunpowerFamily;
import dev.homeenergy.web.WebServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drop-in replacement for the Python {@code sunpower-pvs-exporter}: same flags and defaults, same
 * port, same metric names (compat naming), so its Prometheus job and Grafana dashboards keep
 * working.
 */
@Command(
    name = "sunpower",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    sortOptions = false,
    description = {
      "Serves one SunPower PVS5 / PVS6 like sunpower-pvs-exporter: same flags, same defaults, same metric names.",
      "Unlike it, the PVS is polled in the background every 120 s (never faster than 30 s) instead of on every "
          + "scrape, and the 2025 firmware's /vars API is used automatically when dl_cgi is locked."
    })
public final class SunpowerCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--hostname",
      defaultValue = "sunpowerconsole.com",
      description = "PVS host name or address (default: ${DEFAULT-VALUE}).")
  String hostname;

  @Option(
      names = "--port",
      defaultValue = "80",
      description = "PVS port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--use-tls",
      description = "Talk HTTPS to the PVS (its self-signed certificate is accepted).")
  boolean useTls;

  @Option(
      names = "--listen-on",
      defaultValue = "9110",
      description = "Port to serve the metrics on, all interfaces (default: ${DEFAULT-VALUE}).")
  int listenOn;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      description =
          "Seconds to wait for the PVS (default: ${DEFAULT-VALUE}; a large DeviceList can take longer).")
  int timeoutSeconds;

  @Option(
      names = "--use-device-data-timestamp",
      description = "Give samples the time the PVS measured them (DATATIME, read as UTC).")
  boolean useDeviceDataTimestamp;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description = "Append logs to this file instead of stderr.")
  Path logFile;

  @Option(
      names = "--log-level",
      defaultValue = "INFO",
      description = "ERROR, WARNING, INFO or DEBUG (default: ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(
      names = "--naming",
      defaultValue = "compat",
      description =
          "compat: sunpower-pvs-exporter's metric names; native: ours (default: ${DEFAULT-VALUE}).")
  String naming;

  public SunpowerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String level =
        switch (logLevel.toUpperCase(Locale.ROOT)) {
          case "ERROR" -> "error";
          case "WARNING", "WARN" -> "warn";
          case "INFO" -> "info";
          case "DEBUG" -> "debug";
          default -> null;
        };
    NamingStyle style = NamingStyle.fromConfig(naming);
    String problem =
        level == null
            ? "--log-level: must be ERROR, WARNING, INFO or DEBUG, got \"" + logLevel + "\""
            : style == null
                ? "--naming: must be compat or native, got \"" + naming + "\""
                : port < 1 || port > 65535
                    ? "--port: must be between 1 and 65535, got " + port
                    : listenOn < 0 || listenOn > 65535
                        ? "--listen-on: must be between 0 and 65535, got " + listenOn
                        : timeoutSeconds < 1
                            ? "--timeout: must be at least 1 second, got " + timeoutSeconds
                            : null;
    if (problem != null) {
      throw CommandException.config(problem);
    }
    DeviceTypeSpec typeSpec =
        context.families().byType(SunpowerFamily.TYPE).orElseThrow().device().spec();
    int portInHostname = hostname.lastIndexOf(':');
    if (portInHostname > 0
        && hostname.indexOf(':') == portInHostname
        && hostname.substring(portInHostname + 1).matches("\\d+")) {
      throw CommandException.config(
          "--hostname: give the port with --port (--hostname "
              + hostname.substring(0, portInHostname)
              + " --port "
              + hostname.substring(portInHostname + 1)
              + ")");
    }
    if (hostname.contains("://")) {
      throw CommandException.config(
          "--hostname: give the host name alone, without a scheme (use --use-tls for https)");
    }
    URI address;
    try {
      String host =
          hostname.contains(":") && !hostname.startsWith("[") ? "[" + hostname + "]" : hostname;
      address = URI.create((useTls ? "https" : "http") + "://" + host + ":" + port);
      if (address.getHost() == null) {
        throw new IllegalArgumentException("not a host name: " + hostname);
      }
    } catch (IllegalArgumentException e) {
      throw CommandException.config("--hostname: " + hostname + " is not a host name or address");
    }
    Duration interval = typeSpec.defaultInterval();
    Duration timeout = Duration.ofSeconds(Math.min(timeoutSeconds, interval.getSeconds()));
    DeviceConfig device =
        new DeviceConfig(
            SunpowerFamily.TYPE,
            SunpowerFamily.TYPE,
            address,
            interval,
            timeout,
            interval.multipliedBy(DeviceConfig.DEFAULT_STALE_AFTER_INTERVALS),
            style,
            Map.of("use_tls", useTls, "use_device_data_timestamp", useDeviceDataTimestamp));
    ExporterConfig config =
        new ExporterConfig(
            new WebConfig(":" + listenOn, WebConfig.DEFAULT_TELEMETRY_PATH),
            new LogConfig(level, "text", logFile),
            List.of(device));
    return Serving.serve(config, context, out, err, null, new WebServer.Options(false, true));
  }
}
