package dev.homeenergy.config;

import java.util.List;

/**
 * Logging settings.
 *
 * @param level one of debug, info, warn, error
 * @param format one of text, logfmt, json
 */
public record LogConfig(String level, String format) {
  /** Valid {@code level} values, least severe first. */
  public static final List<String> LEVELS = List.of("debug", "info", "warn", "error");

  /** Valid {@code format} values. */
  public static final List<String> FORMATS = List.of("text", "logfmt", "json");

  public static LogConfig defaults() {
    return new LogConfig("info", "text");
  }
}
