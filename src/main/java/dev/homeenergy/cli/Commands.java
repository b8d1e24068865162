package dev.homeenergy.cli;

import dev.homeenergy.core.BuildInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Builds the picocli command tree with every command bound to one {@link CliContext}. */
public final class Commands {
  private Commands() {}

  public static CommandLine commandLine(CliContext context) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            try {
              return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
              return defaults.create(type);
            }
          }
        };
    CommandLine commandLine = new CommandLine(ServeCommand.class, factory);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExitCodeExceptionMapper(
        e ->
            e instanceof CommandLine.ParameterException
                ? Serving.EXIT_CONFIG
                : Serving.EXIT_RUNTIME);
    commandLine.setExecutionExceptionHandler(Commands::report);
    CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
    commandLine.setExecutionStrategy(
        parsed -> {
          List<String> refused = flagsBeforeASubcommand(parsed);
          if (refused.isEmpty()) {
            return runLast.execute(parsed);
          }
          PrintWriter err = parsed.commandSpec().commandLine().getErr();
          refused.forEach(err::println);
          err.flush();
          return Serving.EXIT_CONFIG;
        });
    return commandLine;
  }

  /**
   * Refuses the root's own flags (--config.file, --web.*, --log.*) when a subcommand follows them:
   * picocli would parse them and then run the subcommand without them, silently dropping a security
   * flag such as --web.config.file.
   */
  static List<String> flagsBeforeASubcommand(CommandLine.ParseResult parsed) {
    if (!parsed.hasSubcommand()) {
      return List.of();
    }
    CommandLine.ParseResult last = parsed;
    List<String> path = new ArrayList<>();
    while (last.hasSubcommand()) {
      last = last.subcommand();
      path.add(last.commandSpec().name());
    }
    String subcommand = String.join(" ", path);
    List<String> lines = new ArrayList<>();
    for (CommandLine.Model.OptionSpec option : parsed.matchedOptions()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      String name = option.longestName();
      lines.add(
          last.commandSpec().findOption(name) != null
              ? "error: "
                  + name
                  + " goes after the subcommand: home-energy-exporter "
                  + subcommand
                  + " "
                  + name
                  + "=..."
              : "error: "
                  + name
                  + " is a flag of home-energy-exporter itself, which `"
                  + subcommand
                  + "` does not take; run `home-energy-exporter "
                  + subcommand
                  + " --help` for its flags");
    }
    return lines;
  }

  /**
   * Prints a command's {@link CommandException} and returns its exit code; anything else is a
   * defect.
   */
  private static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (!(e instanceof CommandException stopped)) {
      throw e;
    }
    PrintWriter err = command.getErr();
    stopped.lines().forEach(err::println);
    err.flush();
    return stopped.exitCode();
  }

  /** {@code --version} text. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo build = BuildInfo.load();
      return new String[] {
        "home-energy-exporter "
            + build.version()
            + " (revision "
            + build.revision()
            + ", Java "
            + build.javaVersion()
            + ")"
      };
    }
  }
}
