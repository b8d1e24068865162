package dev.homeenergy;

import dev.homeenergy.app.Families;
import dev.homeenergy.cli.CliContext;
import dev.homeenergy.cli.Commands;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

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
            exporter -> {},
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            Main::onHangup);
    System.exit(Commands.commandLine(context).execute(args));
  }

  /**
   * Runs {@code action} on each SIGHUP instead of the JVM's default (a shutdown), as Prometheus
   * reloads its config on one. Where the platform has no SIGHUP (Windows) nothing is installed. A
   * JVM started with SIGHUP ignored (under {@code nohup}) keeps ignoring it whatever is installed,
   * so that is said once, with the other way to reload.
   */
  private static void onHangup(Runnable action) {
    try {
      SignalHandler previous = Signal.handle(new Signal("HUP"), signal -> action.run());
      if (previous == SignalHandler.SIG_IGN) {
        LoggerFactory.getLogger(Main.class)
            .warn(
                "SIGHUP is ignored in this process (started under nohup?), so it cannot reload"
                    + " the config; start it without nohup, or reload with POST /-/reload and"
                    + " --web.enable-lifecycle");
      }
    } catch (IllegalArgumentException e) {
      LoggerFactory.getLogger(Main.class).debug("no SIGHUP on this platform: {}", e.getMessage());
    }
  }
}
