package dev.homeenergy.cli;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigLoader;
import dev.homeenergy.config.ConfigPrinter;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.web.security.WebSecurity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Validates a config file and prints the effective config (defaults filled, secrets hidden). */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    description = {
      "Validates a config file and prints the effective configuration, with every default filled in and secrets shown as <secret> (or as their <key>_file reference).",
      "Exit code 0 when the file is valid, 2 when it is not (each problem is printed with its key and line)."
    })
public final class CheckConfigCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The YAML config file to check.")
  Path file;

  public CheckConfigCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExporterConfig config;
    try {
      config =
          new ConfigLoader(
                  context.families().specs(), context.families().checks(), context.env()::get)
              .load(file);
    } catch (ConfigException e) {
      throw new CommandException(Serving.EXIT_CONFIG, List.of(e.getMessage()));
    }
    List<String> problems = Serving.problems(config);
    if (config.web().securityFile() != null) {
      try {
        WebSecurity.load(config.web().securityFile());
      } catch (ConfigException e) {
        throw new CommandException(
            Serving.EXIT_CONFIG,
            e.getMessage().lines().map(line -> file + ": web.config_file: " + line).toList());
      }
    }
    if (!problems.isEmpty()) {
      throw new CommandException(
          Serving.EXIT_CONFIG, problems.stream().map(p -> file + ": " + p).toList());
    }
    out.print(ConfigPrinter.toYaml(config));
    out.flush();
    err.println(file + ": OK, " + config.devices().size() + " device(s)");
    err.flush();
    return Serving.EXIT_OK;
  }
}
