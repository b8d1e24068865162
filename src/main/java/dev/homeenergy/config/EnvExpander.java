package dev.homeenergy.config;

import java.util.function.Function;

/**
 * Expands {@code ${NAME}} references to environment variables in config values. {@code $${}
 * stands for a literal {@code ${}; any other {@code $} is kept as is. Messages name the variable
 * but never echo the value, which may be a secret.
 */
final class EnvExpander {
  private final Function<String, String> env;

  EnvExpander(Function<String, String> env) {
    this.env = env;
  }

  /**
   * @throws IllegalArgumentException for an unset variable or a malformed reference
   */
  String expand(String text) {
    if (!text.contains("${")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    while (pos < text.length()) {
      if (text.startsWith("$${", pos)) {
        out.append("${");
        pos += 3;
      } else if (text.startsWith("${", pos)) {
        int close = text.indexOf('}', pos + 2);
        if (close < 0) {
          throw new IllegalArgumentException("\"${\" without a closing \"}\"");
        }
        String name = text.substring(pos + 2, close);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new IllegalArgumentException(
              "invalid environment variable reference: a name inside ${...} may contain only"
                  + " letters, digits and _ and must not start with a digit");
        }
        String value = env.apply(name);
        if (value == null) {
          throw new IllegalArgumentException("environment variable \"" + name + "\" is not set");
        }
        out.append(value);
        pos = close + 1;
      } else {
        out.append(text.charAt(pos));
        pos++;
      }
    }
    return out.toString();
  }
}
