package dev.homeenergy.core;

import java.util.Objects;

/**
 * A metric family's identity and metadata: everything but its samples.
 *
 * <p>Counters are named without {@code _total} (the exposition adds it). When {@code unit} is set,
 * the name must end in {@code _<unit>}, as client_java requires.
 *
 * @param name metric name
 * @param type gauge, counter or info ({@code _info} is added to an info family's name on output)
 * @param help HELP text; names the source field so a reader can trace the metric back
 * @param unit base unit ({@code volts}, {@code seconds}, ...) or null
 */
public record MetricFamily(String name, Type type, String help, String unit) {

  /** The metric types a device reading can produce. */
  public enum Type {
    GAUGE,
    COUNTER,
    INFO
  }

  public MetricFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    if (unit != null && !name.endsWith("_" + unit)) {
      throw new IllegalArgumentException(name + " must end in _" + unit);
    }
  }

  public static MetricFamily gauge(String name, String help) {
    return new MetricFamily(name, Type.GAUGE, help, null);
  }

  public static MetricFamily gauge(String name, String unit, String help) {
    return new MetricFamily(name, Type.GAUGE, help, unit);
  }

  public static MetricFamily counter(String name, String help) {
    return new MetricFamily(name, Type.COUNTER, help, null);
  }

  public static MetricFamily counter(String name, String unit, String help) {
    return new MetricFamily(name, Type.COUNTER, help, unit);
  }

  /** An info family; {@code name} is given without the {@code _info} suffix. */
  public static MetricFamily info(String name, String help) {
    return new MetricFamily(name, Type.INFO, help, null);
  }
}
