package dev.homeenergy.cli;

import dev.homeenergy.core.BuildInfo;
import java.io.PrintWriter;
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
    return commandLine;
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
