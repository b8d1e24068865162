package dev.homeenergy.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Logging settings, checked when built.
 *
 * @param level one of debug, info, warn, error
 * @param format one of text, logfmt, json
 * @param file append logs to this file instead of stderr, or null (set by drop-in commands whose
 *     originals had a log-file flag)
 */
public record LogConfig(String level, String format, Path file) {
  /** Valid {@code level} values, least severe first. */
  public static final List<String> LEVELS = List.of("debug", "info", "warn", "error");

  /** Valid {@code format} values. */
  public static final List<String> FORMATS = List.of("text", "logfmt", "json");

  /**
   * @throws IllegalArgumentException when the level or the format is not one of the valid values
   */
  public LogConfig {
    checkLevel(level);
    checkFormat(format);
  }

  /**
   * @return the level
   * @throws IllegalArgumentException naming the valid levels when it is not one of them
   */
  public static String checkLevel(String level) {
    return oneOf(level, "log level", LEVELS);
  }

  /**
   * @return the format
   * @throws IllegalArgumentException naming the valid formats when it is not one of them
   */
  public static String checkFormat(String format) {
    return oneOf(format, "log format", FORMATS);
  }

  private static String oneOf(String value, String what, List<String> valid) {
    if (!valid.contains(value)) {
      throw new IllegalArgumentException(
          "invalid " + what + " \"" + value + "\"; expected one of: " + String.join(", ", valid));
    }
    return value;
  }

  /** Logging to stderr. */
  public LogConfig(String level, String format) {
    this(level, format, null);
  }

  public static LogConfig defaults() {
    return new LogConfig("info", "text");
  }
}
