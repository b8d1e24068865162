package dev.homeenergy.config;

import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads scalar config values with {@code ${NAME}} expanded, reporting wrong kinds and expansion
 * errors against the entry's key and line.
 */
final class ValueReader {
  private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

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
   * A family-specific value: plain decimal integers become {@link Long}, plain decimals {@link
   * Double}, plain true/false {@link Boolean}; everything else (and anything quoted) a String.
   */
  Optional<Object> typed(YamlMap.Entry entry) {
    Optional<String> text = text(entry);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Tag tag = entry.value().getTag();
    String raw = ((ScalarNode) entry.value()).getValue();
    if (Tag.INT.equals(tag) && DECIMAL_INTEGER.matcher(raw).matches()) {
      try {
        return Optional.of(Long.parseLong(raw));
      } catch (NumberFormatException e) {
        return Optional.of(raw);
      }
    }
    if (Tag.FLOAT.equals(tag) && DECIMAL_FLOAT.matcher(raw).matches()) {
      return Optional.of(Double.parseDouble(raw));
    }
    if (Tag.BOOL.equals(tag) && (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false"))) {
      return Optional.of(Boolean.parseBoolean(raw));
    }
    return Optional.of(text.get());
  }
}
