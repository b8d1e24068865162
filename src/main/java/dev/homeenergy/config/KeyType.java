package dev.homeenergy.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The type of a family-specific config key: how its text is read and checked, and what Java type
 * its value has in {@link DeviceConfig#extra()}. Every family key is read by the same walker as the
 * generic keys, so each problem is reported with its path and line.
 */
public sealed interface KeyType {

  /** Any single value; a {@link String}. */
  record Text() implements KeyType {}

  /**
   * A password or token; a {@link Secret}. It may also be given as {@code <key>_file} (a file
   * holding it) or as {@code ${ENV}}.
   */
  record SecretText() implements KeyType {}

  /** Plain {@code true} or {@code false} (not quoted, not {@code yes}); a {@link Boolean}. */
  record Flag() implements KeyType {}

  /** A Go-style duration of at least {@code minimum}; a {@link Duration}. */
  record GoDuration(Duration minimum) implements KeyType {}

  /** A decimal integer within {@code [min, max]}; a {@link Long}. */
  record WholeNumber(long min, long max) implements KeyType {}

  /** A decimal number within {@code [min, max]}; a {@link Double}. */
  record Number(double min, double max) implements KeyType {}

  /**
   * One of {@code values}, matched ignoring case; the listed value, a {@link String}. An alias (a
   * region's base URL, say) is accepted as the value it maps to without being listed in messages.
   */
  record OneOf(List<String> values, Map<String, String> aliases) implements KeyType {
    public OneOf {
      values = List.copyOf(values);
      aliases = Map.copyOf(aliases);
    }
  }

  /**
   * An http or https URL with a host and no credentials; a {@link java.net.URI}. Problems never
   * repeat the value, which could hold a password.
   */
  record Url() implements KeyType {}

  /** A YAML list of values, or one comma-separated value; a {@code List<String>}. */
  record TextList() implements KeyType {}

  /**
   * A path relative to the config file's directory, naming a readable regular file; a {@link
   * java.nio.file.Path}.
   */
  record ReadableFile() implements KeyType {}

  static KeyType text() {
    return new Text();
  }

  static KeyType secret() {
    return new SecretText();
  }

  static KeyType flag() {
    return new Flag();
  }

  /** A duration, zero allowed. */
  static KeyType duration() {
    return new GoDuration(Duration.ZERO);
  }

  static KeyType duration(Duration minimum) {
    return new GoDuration(minimum);
  }

  static KeyType wholeNumber(long min, long max) {
    return new WholeNumber(min, max);
  }

  static KeyType number(double min, double max) {
    return new Number(min, max);
  }

  static KeyType oneOf(String... values) {
    return new OneOf(List.of(values), Map.of());
  }

  static KeyType url() {
    return new Url();
  }

  static KeyType textList() {
    return new TextList();
  }

  static KeyType readableFile() {
    return new ReadableFile();
  }
}
