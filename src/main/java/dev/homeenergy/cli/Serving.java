package dev.homeenergy.cli;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigLoader;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.web.WebServer;
import dev.homeenergy.web.security.WebSecurity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Validates the command-line-only settings, starts the exporter and serves until stopped. */
final class Serving {
  static final int EXIT_OK = 0;
  static final int EXIT_RUNTIME = 1;
  static final int EXIT_CONFIG = 2;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Serving.class);

  private Serving() {}

  /**
   * Problems of the config as a whole that loading a file does not report: it lists no device, or
   * its state directory is not a directory. The web and log settings check themselves when built.
   */
  static List<String> problems(ExporterConfig config) {
    List<String> problems = new ArrayList<>();
    if (config.devices().isEmpty()) {
      problems.add(
          "devices: no devices configured; list at least one (see examples/home-energy-exporter.yml)");
    }
    Path state = config.stateDirectory();
    if (state != null && !Files.isDirectory(state)) {
      problems.add(
          "state_dir: "
              + state
              + " is not a directory; create it (writable by the user the exporter runs as)"
              + " or set state_dir");
    }
    return problems;
  }

  /**
   * The families' own checks of devices a drop-in command built from its flags or file (a loaded
   * config file had them checked with their lines already), each naming device and key.
   */
  static List<String> deviceProblems(ExporterConfig config, List<DeviceFamily> families) {
    List<String> problems = new ArrayList<>();
    for (DeviceConfig device : config.devices()) {
      Optional<DeviceFamily> family =
          families.stream().filter(f -> f.type().equals(device.type())).findFirst();
      if (family.isEmpty()) {
        problems.add("devices[" + device.name() + "].type: no device family " + device.type());
        continue;
      }
      family
          .get()
          .validate(
              device,
              (key, message) ->
                  problems.add(
                      "devices["
                          + device.name()
                          + "]"
                          + (key.isEmpty() ? "" : "." + key)
                          + ": "
                          + message));
    }
    return problems;
  }

  /** {@code config}, with {@code $STATE_DIRECTORY} as its state directory when it names none. */
  static ExporterConfig withDefaultStateDirectory(ExporterConfig config, CliContext context) {
    if (config.stateDirectory() != null) {
      return config;
    }
    return config.withStateDirectory(
        ExporterConfig.defaultStateDirectory(context.env()::get, null));
  }

  /** The config file loader with the families' keys and checks and the context's environment. */
  static ConfigLoader loader(CliContext context) {
    return new ConfigLoader(
        context.families().specs(), context.families().checks(), context.env()::get);
  }

  /**
   * Reads and validates a config file with the families' keys.
   *
   * @throws CommandException printing the file's problems, each with its key and line
   */
  static ExporterConfig load(Path file, CliContext context) {
    try {
      return loader(context).load(file);
    } catch (ConfigException e) {
      throw new CommandException(EXIT_CONFIG, List.of(e.getMessage()));
    }
  }

  /**
   * Serves {@code config} until the stop signal; returns the process exit code.
   *
   * @throws CommandException when the config is refused or the exporter cannot listen
   */
  static int serve(
      ExporterConfig config,
      CliContext context,
      PrintWriter out,
      PrintWriter err,
      AutoCloseable alsoClose) {
    return serve(config, context, out, err, alsoClose, WebServer.Options.DEFAULTS);
  }

  /** As the other {@code serve}, with the web endpoint behaving as a drop-in's {@code options}. */
  static int serve(
      ExporterConfig config,
      CliContext context,
      PrintWriter out,
      PrintWriter err,
      AutoCloseable alsoClose,
      WebServer.Options options) {
    return serve(config, context, out, err, alsoClose, options, Exporter.Reloading.NONE);
  }

  /**
   * As the other {@code serve}, reloading the config from {@code reloading}'s source on SIGHUP (and
   * on {@code POST /-/reload} when its lifecycle API is on).
   */
  static int serve(
      ExporterConfig config,
      CliContext context,
      PrintWriter out,
      PrintWriter err,
      AutoCloseable alsoClose,
      WebServer.Options options,
      Exporter.Reloading reloading) {
    config = withDefaultStateDirectory(config, context);
    List<String> problems = problems(config);
    problems.addAll(deviceProblems(config, context.families().devices()));
    if (!problems.isEmpty()) {
      throw new CommandException(EXIT_CONFIG, problems.stream().map(p -> "error: " + p).toList());
    }
    WebSecurity security = null;
    if (config.web().securityFile() != null) {
      try {
        security = WebSecurity.load(config.web().securityFile());
      } catch (ConfigException e) {
        throw new CommandException(
            EXIT_CONFIG,
            e.getMessage().lines().map(line -> "error: web.config_file: " + line).toList());
      }
    }
    LoggingSetup.apply(config.log());
    Exporter exporter;
    try {
      exporter =
          Exporter.start(
              config, context.families().devices(), context.clock(), security, options, reloading);
    } catch (IOException e) {
      throw CommandException.runtime(
          "cannot listen on " + config.web().listenAddress() + ": " + e.getMessage());
    }
    try (exporter) {
      context.onHangup().accept(() -> exporter.reload("SIGHUP"));
      out.printf(
          "home-energy-exporter serving %d device(s) at %s/ (metrics: %s%s)%n",
          config.devices().size(),
          exporter.localUri(),
          exporter.localUri(),
          config.web().telemetryPath());
      out.flush();
      context.onServing().accept(exporter);
      context.stop().await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (alsoClose != null) {
        try {
          alsoClose.close();
        } catch (Exception e) {
          err.println("warning: " + e.getMessage());
        }
      }
    }
    LOG.info("home-energy-exporter stopped");
    context.stop().stopped();
    return EXIT_OK;
  }
}
