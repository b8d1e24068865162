package dev.homeenergy.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file could not be loaded. Carries every problem found in one pass; the message has one
 * line per problem, {@code <source>:<line>: <key>: <message>}, ready to print as is.
 */
public final class ConfigException extends Exception {
  private final String source;
  private final List<ConfigProblem> problems;

  public ConfigException(String source, List<ConfigProblem> problems) {
    super(format(source, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The file name (or other source name) the problems refer to. */
  public String source() {
    return source;
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String format(String source, List<ConfigProblem> problems) {
    return problems.stream().map(p -> p.format(source)).collect(Collectors.joining("\n"));
  }
}
