package dev.homeenergy.cli;

import java.util.List;

/**
 * Why a command stops early: the lines to print on stderr and the process exit code. Commands throw
 * it; {@link Commands} prints it and returns its exit code in one place, so no command prints an
 * error and picks an exit code by itself.
 */
final class CommandException extends RuntimeException {
  private final int exitCode;
  private final List<String> lines;

  /**
   * @param exitCode {@link Serving#EXIT_CONFIG} or {@link Serving#EXIT_RUNTIME}
   * @param lines printed to stderr as they are, one per line
   */
  CommandException(int exitCode, List<String> lines) {
    super(String.join("\n", lines), null, false, false);
    this.exitCode = exitCode;
    this.lines = List.copyOf(lines);
  }

  /** A bad command line, config or environment: prints {@code error: <problem>}, exits 2. */
  static CommandException config(String problem) {
    return new CommandException(Serving.EXIT_CONFIG, List.of("error: " + problem));
  }

  /**
   * A failure while doing what was asked (a taken port, say): prints {@code error: <problem>},
   * exits 1.
   */
  static CommandException runtime(String problem) {
    return new CommandException(Serving.EXIT_RUNTIME, List.of("error: " + problem));
  }

  int exitCode() {
    return exitCode;
  }

  List<String> lines() {
    return lines;
  }
}
