package dev.homeenergy.device.tesla;

import dev.homeenergy.core.MetricFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gauge a flattened {@code vehicle_data} field becomes, with the factor to its base unit. Units
 * follow the field name only: {@code _kwh} joules, {@code _kw} watts, {@code _wh} joules, {@code
 * _range} and {@code miles} meters (from miles, {@code miles} becoming {@code range}), {@code temp}
 * celsius, {@code percent}, {@code soc} and {@code battery_level} ratio, {@code minutes} and a
 * final {@code sec} seconds; anything else keeps its API value and has no unit. So that promtool
 * accepts every name, {@code hours} becomes {@code hour}, {@code counter} {@code count}, and a name
 * ending in a suffix Prometheus reserves ({@code count}, {@code sum}, {@code bucket}, {@code
 * total}, {@code created}, {@code info}) gets {@code _value}.
 */
record FlattenedFieldName(MetricFamily family, double factor) {
  private static final Set<String> RESERVED_SUFFIXES =
      Set.of("count", "sum", "bucket", "total", "created", "info");

  /**
   * Whether the path has a letter or digit to name a metric by; a field named only by symbols has
   * none.
   */
  static boolean nameable(List<String> path) {
    return path.stream().anyMatch(p -> !snake(p).replace("_", "").isEmpty());
  }

  static FlattenedFieldName of(List<String> path, boolean isBoolean) {
    List<String> tokens = new ArrayList<>();
    path.forEach(p -> tokens.addAll(Arrays.asList(snake(p).split("_"))));
    tokens.removeIf(String::isEmpty);
    tokens.replaceAll(FlattenedFieldName::lintSafe);
    String help = "vehicle_data " + String.join(".", path);
    if (isBoolean) {
      return new FlattenedFieldName(MetricFamily.gauge(name(tokens, null), help + " (0/1)"), 1);
    }
    String last = tokens.get(tokens.size() - 1);
    if (last.equals("kwh")) {
      return converted(
          tokens.subList(0, tokens.size() - 1), "joules", 3.6e6, help + " (kWh) in joules");
    }
    if (last.equals("kw")) {
      return converted(
          tokens.subList(0, tokens.size() - 1), "watts", 1000, help + " (kW) in watts");
    }
    if (last.equals("wh")) {
      return converted(
          tokens.subList(0, tokens.size() - 1), "joules", 3600, help + " (Wh) in joules");
    }
    if (last.equals("range") || tokens.contains("miles")) {
      return converted(
          tokens.stream().map(t -> t.equals("miles") ? "range" : t).toList(),
          "meters",
          VehicleUnits.METERS_PER_MILE,
          help + " (miles) in meters");
    }
    if (last.equals("sec") || last.equals("secs")) {
      return converted(tokens.subList(0, tokens.size() - 1), "seconds", 1, help);
    }
    if (tokens.contains("temp")) {
      return converted(tokens, "celsius", 1, help);
    }
    if (tokens.contains("percent")
        || tokens.contains("soc")
        || String.join("_", tokens).endsWith("battery_level")) {
      return converted(without(tokens, "percent"), "ratio", 0.01, help + " / 100");
    }
    if (tokens.contains("minutes")) {
      return converted(without(tokens, "minutes"), "seconds", 60, help + " (minutes) in seconds");
    }
    return new FlattenedFieldName(MetricFamily.gauge(name(tokens, null), help), 1);
  }

  private static FlattenedFieldName converted(
      List<String> tokens, String unit, double factor, String help) {
    return new FlattenedFieldName(MetricFamily.gauge(name(tokens, unit), unit, help), factor);
  }

  private static List<String> without(List<String> tokens, String token) {
    return tokens.stream().filter(t -> !t.equals(token)).toList();
  }

  private static String name(List<String> tokens, String unit) {
    String base = "tesla_vehicle_" + String.join("_", tokens);
    if (unit != null) {
      return base + "_" + unit;
    }
    return RESERVED_SUFFIXES.contains(tokens.get(tokens.size() - 1)) ? base + "_value" : base;
  }

  private static String lintSafe(String token) {
    return switch (token) {
      case "hours" -> "hour";
      case "counter" -> "count";
      default -> token;
    };
  }

  /** camelCase and any other character to snake_case tokens. */
  static String snake(String field) {
    return field
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_");
  }
}
