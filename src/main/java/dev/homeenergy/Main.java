package dev.homeenergy;

import dev.homeenergy.app.Families;
import dev.homeenergy.cli.CliContext;
import dev.homeenergy.cli.Commands;
import java.time.Clock;

/** Entry point of the runnable jar. */
public final class Main {
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private Main() {}

  public static void main(String[] args) {
    // The JDK HTTP server otherwise waits up to 40 ms (Nagle) before sending small responses; it
    // reads this once, when its first server is created. A -D on the command line still wins.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    CliContext context =
        new CliContext(
            System.getenv(),
            Families.all(),
            Clock.systemUTC(),
            CliContext.StopSignal.untilShutdown(),
            exporter -> {});
    System.exit(Commands.commandLine(context).execute(args));
  }
}
