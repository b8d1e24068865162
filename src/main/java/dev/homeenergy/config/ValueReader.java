package dev.homeenergy.config;

import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads scalar config values with {@code ${NAME}} expanded, reporting wrong kinds and expansion
 * errors against the entry's key and line.
 */
final class ValueReader {
  private final EnvExpander env;
  private final Problems problems;

  ValueReader(EnvExpander env, Problems problems) {
    this.env = env;
    this.problems = problems;
  }

  /** The entry's value as text with variables expanded; empty after reporting a problem. */
  Optional<String> text(YamlMap.Entry entry) {
    Node value = entry.value();
    if (!(value instanceof ScalarNode scalar) || YamlMap.isNull(value)) {
      problems.add(
          entry.path(), entry.line(), "expected a single value, got " + YamlMap.describe(value));
      return Optional.empty();
    }
    try {
      return Optional.of(env.expand(scalar.getValue()));
    } catch (IllegalArgumentException e) {
      problems.add(entry.path(), entry.line(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The entry's text turned into a value by {@code parser}; empty after reporting the expansion
   * error or the {@link IllegalArgumentException} the parser throws, whose message says what is
   * wrong.
   */
  <T> Optional<T> parsed(YamlMap.Entry entry, Function<String, T> parser) {
    return text(entry)
        .flatMap(
            text -> {
              try {
                return Optional.of(parser.apply(text));
              } catch (IllegalArgumentException e) {
                problems.add(entry.path(), entry.line(), e.getMessage());
                return Optional.empty();
              }
            });
  }

  /**
   * A plain (unquoted) {@code true} or {@code false}, in any case, or a {@code ${NAME}} that
   * expands to one; empty after reporting anything else ({@code yes}, {@code "true"}).
   */
  Optional<Boolean> flag(YamlMap.Entry entry) {
    Optional<String> text = text(entry);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    boolean plain = ((ScalarNode) entry.value()).isPlain();
    String value = text.get();
    if (plain && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
      return Optional.of(Boolean.parseBoolean(value));
    }
    String shown =
        value.length() <= 20 && value.matches("[A-Za-z0-9 _.-]*") ? ", got \"" + value + "\"" : "";
    problems.add(
        entry.path(),
        entry.line(),
        "expected true or false" + (plain ? "" : " without quotes") + shown);
    return Optional.empty();
  }
}
