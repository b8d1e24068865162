package dev.homeenergy.cli;

import dev.homeenergy.Exporter;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.ListenAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validates the command-line-only settings, starts the exporter and serves until stopped. */
final class Serving {
  static final int EXIT_OK = 0;
  static final int EXIT_RUNTIME = 1;
  static final int EXIT_CONFIG = 2;
  private static final Set<String> RESERVED_PATHS = Set.of("/", "/-/healthy", "/-/ready");

  private Serving() {}

  /** Problems with settings that flags may have changed after the file was validated. */
  static List<String> problems(ExporterConfig config) {
    List<String> problems = new ArrayList<>();
    try {
      ListenAddress.parse(config.web().listenAddress());
    } catch (IllegalArgumentException e) {
      problems.add("web.listen_address: " + e.getMessage());
    }
    String path = config.web().telemetryPath();
    if (path == null || !path.startsWith("/")) {
      problems.add("web.telemetry_path: must start with /, got \"" + path + "\"");
    } else if (RESERVED_PATHS.contains(path) || path.startsWith("/devices/")) {
      problems.add("web.telemetry_path: " + path + " is used by the exporter itself; pick another path such as /metrics");
    }
    if (!LoggingSetup.LEVELS.contains(config.log().level())) {
      problems.add("log.level: must be one of debug, info, warn, error, got \"" + config.log().level() + "\"");
    }
    if (!LoggingSetup.FORMATS.contains(config.log().format())) {
      problems.add("log.format: must be one of text, logfmt, json, got \"" + config.log().format() + "\"");
    }
    return problems;
  }

  /** Serves {@code config} until the stop signal; returns the process exit code. */
  static int serve(ExporterConfig config, CliContext context, PrintWriter out, PrintWriter err,
      AutoCloseable alsoClose) {
    List<String> problems = problems(config);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("error: " + p));
      err.flush();
      return EXIT_CONFIG;
    }
    LoggingSetup.apply(config.log());
    Exporter exporter;
    try {
      exporter = Exporter.start(config, context.families(), context.clock());
    } catch (IOException e) {
      err.println("error: cannot listen on " + config.web().listenAddress() + ": " + e.getMessage());
      err.flush();
      return EXIT_RUNTIME;
    }
    try (exporter) {
      out.printf("home-energy-exporter serving %d device(s) at %s/ (metrics: %s%s)%n",
          config.devices().size(), exporter.localUri(), exporter.localUri(), config.web().telemetryPath());
      out.flush();
      context.onServing().accept(exporter);
      context.stop().await();
      return EXIT_OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_OK;
    } finally {
      if (alsoClose != null) {
        try {
          alsoClose.close();
        } catch (Exception e) {
          err.println("warning: " + e.getMessage());
        }
      }
      context.stop().stopped();
    }
  }
}
