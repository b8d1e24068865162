package dev.homeenergy.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;

/**
 * Names the config key a YAML syntax error is at, for files that do not parse into a tree: the
 * {@code key:} that starts the error's line, if any. Only known key names are reported, so a value
 * that merely looks like a key (a secret on a broken line) is never echoed.
 */
final class KeyNearLine {
  private static final Pattern KEY =
      Pattern.compile("^[ \\t]*(?:-[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*:(?:[ \\t]|$)");

  private KeyNearLine() {}

  /**
   * @param text the whole file
   * @param problem where the parser gave up
   * @param context where the construct it was reading began, or null; used when the parser gave up
   *     only at the end of the file (an unclosed bracket or quote)
   * @param known every key name the config may contain
   */
  static Optional<String> find(String text, Mark problem, Mark context, Set<String> known) {
    List<String> lines = text.lines().toList();
    Mark at =
        problem != null && problem.getLine() >= lines.size() && context != null ? context : problem;
    if (at == null || at.getLine() >= lines.size()) {
      return Optional.empty();
    }
    Matcher matcher = KEY.matcher(lines.get(at.getLine()));
    return matcher.find() && known.contains(matcher.group(1))
        ? Optional.of(matcher.group(1))
        : Optional.empty();
  }
}
