package dev.homeenergy.config;

/**
 * Logging settings.
 *
 * @param level one of debug, info, warn, error
 * @param format one of text, logfmt, json
 */
public record LogConfig(String level, String format) {
  public static LogConfig defaults() {
    return new LogConfig("info", "text");
  }
}
