package dev.homeenergy.cli;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.device.powerwall.PowerwallFamily;
import dev.homeenergy.device.powerwall.SeedConfigFile;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drop-in replacement for the Go {@code powerwall_exporter}: reads its config file format, takes
 * its flags and serves its metric names (compat naming), so its users swap the binary and keep
 * their file, Prometheus job and dashboards.
 */
@Command(
    name = "powerwall",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    sortOptions = false,
    subcommands = PowerwallFetchCertCommand.class,
    description = {
      "Serves one Tesla Powerwall / Energy Gateway like powerwall_exporter: same config file "
          + "(web.listen_address, web.metrics_path, device.gateway_address, login_email, login_password, "
          + "tls_cert_file, retry_interval, retry_timeout), same flags, same metric names.",
      "Without --config.file it reads " + SeedConfigFile.DEFAULT_FILE_NAME + " beside the jar."
    })
public final class PowerwallCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--config.file",
      paramLabel = "FILE",
      description =
          "powerwall_exporter config file (default: "
              + SeedConfigFile.DEFAULT_FILE_NAME
              + " beside the jar).")
  Path configFile;

  @Option(names = "--debug", description = "Log at debug level.")
  boolean debug;

  @Option(
      names = "--log.style",
      paramLabel = "STYLE",
      defaultValue = "text",
      description = "Log style: text, logfmt or json (default: ${DEFAULT-VALUE}).")
  String logStyle;

  @Option(
      names = "--fetchcert",
      description =
          "Instead of serving, fetch the gateway's TLS certificate, write it to device.tls_cert_file and exit.")
  boolean fetchCert;

  @Option(
      names = "--naming",
      paramLabel = "NAMING",
      defaultValue = "compat",
      description =
          "compat: powerwall_exporter's metric names; native: ours (default: ${DEFAULT-VALUE}).")
  String naming;

  public PowerwallCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!LogConfig.FORMATS.contains(logStyle)) {
      throw CommandException.config(
          "--log.style: must be one of text, logfmt, json, got \"" + logStyle + "\"");
    }
    NamingStyle style = NamingStyle.fromConfig(naming);
    if (style == null) {
      throw CommandException.config("--naming: must be compat or native, got \"" + naming + "\"");
    }
    DeviceTypeSpec typeSpec =
        context.families().byType(PowerwallFamily.TYPE).orElseThrow().device().spec();
    Path file = configFile != null ? configFile : besideTheJar();
    ExporterConfig config;
    try {
      config = SeedConfigFile.read(file, typeSpec);
    } catch (ConfigException e) {
      throw new CommandException(Serving.EXIT_CONFIG, List.of(e.getMessage()));
    }
    config =
        config
            .withLog(new LogConfig(debug ? "debug" : "info", logStyle))
            .withStateDirectory(
                ExporterConfig.defaultStateDirectory(context.env()::get, config.stateDirectory()));
    if (style != NamingStyle.COMPAT) {
      config = config.withDevices(config.devices().stream().map(d -> d.withNaming(style)).toList());
    }
    if (fetchCert) {
      return fetchCertificate(config, out);
    }
    return Serving.serve(config, context, out, err, null);
  }

  private int fetchCertificate(ExporterConfig config, PrintWriter out) {
    Object target = config.devices().get(0).extra().get("tls_cert_file");
    if (target == null) {
      throw CommandException.config("device.tls_cert_file not specified in config file");
    }
    URI address = config.devices().get(0).address();
    return PowerwallFetchCertCommand.fetchAndWrite(
        address.getHost(), address.getPort(), Path.of(target.toString()), out);
  }

  private static Path besideTheJar() {
    try {
      Path location =
          Path.of(
              PowerwallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path directory = location.getParent() == null ? Path.of("") : location.getParent();
      return directory.resolve(SeedConfigFile.DEFAULT_FILE_NAME);
    } catch (Exception e) {
      return Path.of(SeedConfigFile.DEFAULT_FILE_NAME);
    }
  }
}
