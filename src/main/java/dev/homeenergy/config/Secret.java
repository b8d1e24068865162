package dev.homeenergy.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A password or token read from the config. It never prints its value: {@link #toString()} is
 * redacted so a secret cannot leak through a log line, an error message or check-config output. A
 * secret read from a {@code <key>_file} remembers that file, so check-config can print the
 * reference instead; two secrets are equal when their values are, wherever they came from.
 */
public final class Secret {
  private final String value;
  private final Path file;

  public Secret(String value) {
    this(value, null);
  }

  /**
   * @param file the file the value was read from, or null when it was given in the config itself
   */
  public Secret(String value, Path file) {
    this.value = java.util.Objects.requireNonNull(value, "value");
    this.file = file;
  }

  /** The file the secret was read from, if it came from one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The secret itself; call only where it is sent to the device. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "<secret>";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
