package dev.homeenergy.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a child JVM of the tests' own Java with the stop and reload signals at
 * their default handling.
 *
 * <p>A JVM never handles a signal it was started with ignored, and a child inherits what its parent
 * ignores: a test runner started under {@code nohup} ignores SIGHUP, and a background job of a
 * non-interactive shell ignores SIGINT. Tests that send those signals would then test the runner's
 * environment instead of the exporter, so their children start through {@code env
 * --default-signal}.
 */
public final class ChildJava {
  private ChildJava() {}

  /** {@code java} with {@code arguments}, with SIGHUP, SIGINT and SIGTERM at their defaults. */
  public static List<String> command(List<String> arguments) {
    return command(arguments, List.of());
  }

  /** As {@link #command(List)}, but with {@code ignored} signals ignored, as {@code nohup} does. */
  public static List<String> command(List<String> arguments, List<String> ignored) {
    List<String> command = new ArrayList<>();
    command.add("env");
    command.add("--default-signal=HUP,INT,TERM");
    if (!ignored.isEmpty()) {
      command.add("--ignore-signal=" + String.join(",", ignored));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    return command;
  }
}
