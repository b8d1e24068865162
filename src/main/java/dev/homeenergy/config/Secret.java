package dev.homeenergy.config;

/**
 * A password or token read from the config. It never prints its value: {@link #toString()} is
 * redacted so a secret cannot leak through a log line, an error message or check-config output.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = java.util.Objects.requireNonNull(value, "value");
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
