package dev.homeenergy.cli;

import dev.homeenergy.app.ConfigSource;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigProblem;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.web.WebServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root command: serves the devices of a YAML config file. */
@Command(
    name = "home-energy-exporter",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    modelTransformer = FamilyHelp.class,
    description = {
      "Prometheus exporter for home energy devices: ${bundle:" + FamilyHelp.DISPLAY_NAMES + "}.",
      "Without a subcommand it serves the devices of --config.file.",
      "Exit codes: 0 stopped cleanly, 1 runtime error (e.g. the port is taken), 2 bad command line or config."
    },
    subcommands = {
      DemoCommand.class,
      SimulateCommand.class,
      CheckConfigCommand.class,
      DoctorCommand.class,
      WallConnectorCommand.class,
      PowerwallCommand.class,
      SunpowerCommand.class,
      TeslaCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
public final class ServeCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--config.file",
      paramLabel = "FILE",
      description = "YAML config file listing the devices (see examples/home-energy-exporter.yml).")
  Path configFile;

  @Option(
      names = "--web.enable-lifecycle",
      description =
          "Allow POST /-/reload to reload the config file, as SIGHUP does (behind the same auth as"
              + " the metrics; without this flag it answers 403).")
  boolean enableLifecycle;

  @Mixin WebOptions web;
  @Mixin LogOptions log;

  public ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (configFile == null) {
      throw new CommandException(
          Serving.EXIT_CONFIG,
          List.of(
              "error: no devices to serve: pass --config.file=FILE "
                  + "(see examples/home-energy-exporter.yml), or try `home-energy-exporter demo`.",
              "Run `home-energy-exporter --help` for all commands."));
    }
    ExporterConfig config = withFlags(Serving.load(configFile, context));
    ConfigSource source = this::reloadConfig;
    return Serving.serve(
        config,
        context,
        out,
        err,
        null,
        WebServer.Options.DEFAULTS,
        new Exporter.Reloading(source, enableLifecycle));
  }

  private ExporterConfig withFlags(ExporterConfig config) {
    return config.withWeb(web.over(config.web())).withLog(log.over(config.log()));
  }

  /**
   * The config file read again as at start: its problems with their lines, the flags over it, and
   * the checks serving makes of the whole.
   */
  private ExporterConfig reloadConfig() throws ConfigException {
    ExporterConfig config =
        Serving.withDefaultStateDirectory(
            withFlags(Serving.loader(context).load(configFile)), context);
    List<String> problems = Serving.problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(
          configFile.toString(),
          problems.stream().map(problem -> new ConfigProblem("", 0, problem)).toList());
    }
    return config;
  }
}
