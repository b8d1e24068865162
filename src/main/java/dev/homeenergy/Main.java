package dev.homeenergy;

import dev.homeenergy.cli.CliContext;
import dev.homeenergy.cli.Commands;
import java.time.Clock;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CliContext context = new CliContext(System.getenv(), Families.all(), Clock.systemUTC(),
        CliContext.StopSignal.untilShutdown(), exporter -> {});
    System.exit(Commands.commandLine(context).execute(args));
  }
}
