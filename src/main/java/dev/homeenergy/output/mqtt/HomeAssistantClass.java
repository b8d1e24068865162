package dev.homeenergy.output.mqtt;

import dev.homeenergy.core.MetricFamily;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a metric family appears in Home Assistant, decided from its name, type and unit alone so that
 * every family, present and future, is discovered without code of its own: the entity's component,
 * device class, state class and unit, and how a sample's value becomes the state Home Assistant
 * expects (joules to kWh, ratios to percent, 0/1 to ON/OFF).
 *
 * @param component {@code sensor} or {@code binary_sensor}
 * @param deviceClass Home Assistant's device class, or null
 * @param stateClass {@code measurement}, {@code total}, {@code total_increasing} or null
 * @param unit the unit of measurement, or null
 * @param value how a sample's value becomes the entity's state
 */
record HomeAssistantClass(
    String component, String deviceClass, String stateClass, String unit, ValueKind value) {

  /** How a state is written. */
  enum ValueKind {
    /** A number, multiplied by the scale of the suffix. */
    NUMBER,
    /** ON for any value but 0, else OFF. */
    ON_OFF,
    /** The sample's {@code state} label. */
    ENUM,
    /** Unix seconds written as an ISO 8601 instant. */
    TIMESTAMP
  }

  static final String SENSOR = "sensor";
  static final String BINARY_SENSOR = "binary_sensor";
  static final String MEASUREMENT = "measurement";
  static final String TOTAL = "total";
  static final String TOTAL_INCREASING = "total_increasing";

  /** The label whose value an enum sensor reports. */
  static final String STATE_LABEL = "state";

  private static final double JOULES_PER_KWH = 3_600_000;

  /** A gauge whose help says it is 0 or 1: "1 if ...", "1 while ...", "(0/1)". */
  private static final Pattern BOOLEAN_HELP =
      Pattern.compile("^1 (if|while|when|in|for the) .*|.*\\(0/1\\).*", Pattern.DOTALL);

  /** A unit suffix and what it maps to; the first suffix a name ends with wins. */
  private record Suffix(
      String suffix, String deviceClass, String unit, double scale, String counterClass) {}

  private static final List<Suffix> SUFFIXES =
      List.of(
          new Suffix("_timestamp_seconds", "timestamp", null, 1, null),
          new Suffix("_watts", "power", "W", 1, TOTAL_INCREASING),
          new Suffix("_volt_amperes_reactive", "reactive_power", "var", 1, TOTAL_INCREASING),
          new Suffix("_volt_amperes", "apparent_power", "VA", 1, TOTAL_INCREASING),
          new Suffix("_volts", "voltage", "V", 1, TOTAL_INCREASING),
          new Suffix("_amperes", "current", "A", 1, TOTAL_INCREASING),
          new Suffix("_hertz", "frequency", "Hz", 1, TOTAL_INCREASING),
          new Suffix("_celsius", "temperature", "°C", 1, TOTAL_INCREASING),
          new Suffix("_joules", "energy", "kWh", 1 / JOULES_PER_KWH, TOTAL_INCREASING),
          new Suffix("_ratio", null, "%", 100, TOTAL_INCREASING),
          new Suffix("_seconds", "duration", "s", 1, TOTAL_INCREASING),
          new Suffix("_bytes", "data_size", "B", 1, TOTAL_INCREASING),
          new Suffix("_meters_per_second", "speed", "m/s", 1, TOTAL_INCREASING),
          new Suffix("_meters", "distance", "m", 1, TOTAL_INCREASING),
          new Suffix("_pascals", "pressure", "Pa", 1, TOTAL_INCREASING),
          new Suffix("_dbm", "signal_strength", "dBm", 1, TOTAL_INCREASING),
          new Suffix("_degrees", null, "°", 1, TOTAL_INCREASING),
          new Suffix("_dollars", "monetary", "USD", 1, TOTAL));

  /**
   * The entity of a family; empty for an info family, which describes a device rather than
   * measuring anything.
   *
   * @param hasStateLabel whether the family's samples carry a {@code state} label
   */
  static Optional<HomeAssistantClass> of(MetricFamily family, boolean hasStateLabel) {
    if (family.type() == MetricFamily.Type.INFO) {
      return Optional.empty();
    }
    String name = family.name();
    boolean counter = family.type() == MetricFamily.Type.COUNTER;
    Optional<Suffix> suffix = SUFFIXES.stream().filter(s -> name.endsWith(s.suffix())).findFirst();
    if (suffix.isEmpty()) {
      if (!counter && hasStateLabel) {
        return Optional.of(new HomeAssistantClass(SENSOR, "enum", null, null, ValueKind.ENUM));
      }
      if (!counter && BOOLEAN_HELP.matcher(family.help()).matches()) {
        return Optional.of(
            new HomeAssistantClass(BINARY_SENSOR, null, null, null, ValueKind.ON_OFF));
      }
      return Optional.of(
          new HomeAssistantClass(
              SENSOR, null, counter ? TOTAL_INCREASING : MEASUREMENT, null, ValueKind.NUMBER));
    }
    Suffix s = suffix.get();
    if (s.deviceClass() != null && s.deviceClass().equals("timestamp")) {
      return Optional.of(
          new HomeAssistantClass(SENSOR, "timestamp", null, null, ValueKind.TIMESTAMP));
    }
    String deviceClass = s.deviceClass();
    String stateClass = counter ? s.counterClass() : MEASUREMENT;
    if (s.suffix().equals("_joules") && !counter) {
      deviceClass = "energy_storage";
    }
    if (s.suffix().equals("_ratio")) {
      deviceClass = ratioClass(name);
    }
    if ("monetary".equals(deviceClass) && !counter) {
      stateClass = null;
    }
    return Optional.of(
        new HomeAssistantClass(SENSOR, deviceClass, stateClass, s.unit(), ValueKind.NUMBER));
  }

  /** The factor from the family's base unit to the published unit (joules to kWh, ratio to %). */
  static double scale(MetricFamily family) {
    return SUFFIXES.stream()
        .filter(s -> family.name().endsWith(s.suffix()))
        .findFirst()
        .map(Suffix::scale)
        .orElse(1.0);
  }

  /**
   * The family's name for a state key: the unit suffix rewritten as the published unit where they
   * differ ({@code _joules} as {@code _kwh}, {@code _ratio} as {@code _percent}).
   */
  static String keyName(MetricFamily family) {
    String name = family.name();
    if (name.endsWith("_joules")) {
      return name.substring(0, name.length() - "_joules".length()) + "_kwh";
    }
    if (name.endsWith("_ratio")) {
      return name.substring(0, name.length() - "_ratio".length()) + "_percent";
    }
    return name;
  }

  /** The family's name for people: without its unit suffix. */
  static String baseName(MetricFamily family) {
    String name = family.name();
    return SUFFIXES.stream()
        .filter(s -> name.endsWith(s.suffix()))
        .findFirst()
        .map(s -> name.substring(0, name.length() - s.suffix().length()))
        .orElse(name);
  }

  /**
   * The quantity a unit suffix stands for ({@code _volts}: voltage), which a name keeps when its
   * own words do not say it; empty for units whose names already tell.
   */
  static Optional<String> quantity(MetricFamily family) {
    String name = family.name();
    for (Map.Entry<String, String> entry : QUANTITIES.entrySet()) {
      if (name.endsWith(entry.getKey())) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  private static final Map<String, String> QUANTITIES =
      orderedMap(
          "_volt_amperes_reactive", "reactive power",
          "_volt_amperes", "apparent power",
          "_watts", "power",
          "_volts", "voltage",
          "_amperes", "current",
          "_hertz", "frequency",
          "_celsius", "temperature",
          "_joules", "energy");

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  private static String ratioClass(String name) {
    if (name.endsWith("_charge_ratio") || name.endsWith("_battery_level_ratio")) {
      return "battery";
    }
    if (name.endsWith("_power_factor_ratio")) {
      return "power_factor";
    }
    return null;
  }
}
