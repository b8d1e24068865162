package dev.homeenergy.cli;

import dev.homeenergy.config.DeviceAddress;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.Durations;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.web.WebServer;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Drop-in replacement for {@code twc_fetcher.py}: same arguments, environment variables and
 * defaults, and (with the default compat naming) the same metric names and labels, so a Prometheus
 * job and dashboard built on it keep working.
 */
@Command(
    name = "wallconnector",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    sortOptions = false,
    defaultValueProvider = WallConnectorCommand.Environment.class,
    description = {
      "Serves one Tesla Wall Connector Gen 3 like twc_fetcher.py: same arguments, same TWC_* environment "
          + "variables, same defaults and (unless --naming=native) the same metric names.",
      "Example: home-energy-exporter wallconnector 192.168.1.100 -p 9225 -i 15 -b 0.0.0.0"
    })
public final class WallConnectorCommand implements Callable<Integer> {
  static final String TYPE = "wallconnector";
  private static final Duration SEED_TIMEOUT = Duration.ofSeconds(5);

  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "wallconnector",
      description =
          "Wall Connector hostname or IP address, optionally with :port (env TWC_ADDRESS, default: twc.local).")
  String address;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      description = "HTTP server port for the metrics endpoint (env TWC_PORT, default: 56852).")
  int port;

  @Option(
      names = {"-i", "--interval"},
      paramLabel = "INTERVAL",
      description = "Update interval in seconds (env TWC_INTERVAL, default: 10).")
  double intervalSeconds;

  @Option(
      names = {"-b", "--bind"},
      paramLabel = "BIND",
      description = "Bind address for the HTTP server (env TWC_BIND, default: all interfaces).")
  String bind;

  @Option(
      names = "--naming",
      paramLabel = "NAMING",
      defaultValue = "compat",
      description =
          "compat: twc_fetcher.py's metric names; native: tesla_wall_connector_* names (default: ${DEFAULT-VALUE}).")
  String naming;

  @Mixin LogOptions log;

  public WallConnectorCommand(CliContext context) {
    this.context = context;
  }

  /** Supplies defaults from the TWC_* environment variables, as twc_fetcher.py does. */
  public static final class Environment implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> env;

    public Environment(CliContext context) {
      this.env = context.env();
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
      String key =
          argSpec instanceof OptionSpec option ? option.longestName() : argSpec.paramLabel();
      return switch (key) {
        case "wallconnector" -> env.getOrDefault("TWC_ADDRESS", "twc.local");
        case "--port" -> env.getOrDefault("TWC_PORT", "56852");
        case "--interval" -> env.getOrDefault("TWC_INTERVAL", "10");
        case "--bind" -> env.getOrDefault("TWC_BIND", "");
        default -> argSpec.defaultValue();
      };
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> problems = new java.util.ArrayList<>();
    NamingStyle style = NamingStyle.fromConfig(naming);
    if (style == null) {
      problems.add("--naming: must be compat or native, got \"" + naming + "\"");
    }
    if (port < 0 || port > 65535) {
      problems.add("--port: must be between 0 and 65535, got " + port);
    }
    DeviceTypeSpec typeSpec = context.families().byType(TYPE).orElseThrow().device().spec();
    if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
      problems.add("--interval: must be a positive number of seconds, got " + intervalSeconds);
    } else if (intervalSeconds * 1e9 < typeSpec.minimumInterval().toNanos()) {
      problems.add(
          "--interval: "
              + intervalSeconds
              + " s is below the minimum of "
              + Durations.format(typeSpec.minimumInterval())
              + " for a Wall Connector: "
              + typeSpec.minimumIntervalReason());
    }
    URI uri = null;
    try {
      uri = DeviceAddress.parse(address, typeSpec.defaultScheme(), typeSpec.defaultPort());
    } catch (IllegalArgumentException e) {
      problems.add("wallconnector address: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new CommandException(
          Serving.EXIT_CONFIG, problems.stream().map(p -> "error: " + p).toList());
    }
    Duration interval = Duration.ofNanos(Math.round(intervalSeconds * 1e9));
    Duration timeout = SEED_TIMEOUT.compareTo(interval) < 0 ? SEED_TIMEOUT : interval;
    DeviceConfig device =
        new DeviceConfig(
            TYPE, TYPE, uri, interval, timeout, interval.multipliedBy(5), style, Map.of());
    checkBind(bind);
    WebConfig web;
    try {
      web = new WebConfig(listenAddress(bind, port), WebConfig.DEFAULT_TELEMETRY_PATH);
    } catch (IllegalArgumentException e) {
      throw CommandException.config("--bind: " + e.getMessage());
    }
    ExporterConfig config =
        new ExporterConfig(web, log.over(LogConfig.defaults()), List.of(device));
    return Serving.serve(config, context, out, err, null, new WebServer.Options(true, false));
  }

  /** Refuses a bind address that is not an address of this machine's kind: exit 2, in words. */
  static void checkBind(String bind) {
    if (bind == null || bind.isBlank()) {
      return;
    }
    String host =
        bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
    if (host.matches("[0-9.]+") && !isIpv4(host)) {
      throw CommandException.config(
          "--bind: "
              + bind
              + " is not an IP address (four numbers from 0 to 255, such as 127.0.0.1)");
    }
    try {
      java.net.InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      throw CommandException.config("--bind: no such host " + host);
    }
  }

  private static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  static String listenAddress(String bind, int port) {
    if (bind == null || bind.isBlank()) {
      return ":" + port;
    }
    return (bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind) + ":" + port;
  }
}
