package dev.homeenergy.config;

import java.util.Locale;

/**
 * Which metric names a device is exported under: our Prometheus-style names, or exactly the names
 * and labels of the exporter it replaces so existing dashboards keep working.
 */
public enum NamingStyle {
  NATIVE,
  COMPAT;

  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code native} or {@code compat}; null when the value is neither. */
  public static NamingStyle fromConfig(String value) {
    for (NamingStyle style : values()) {
      if (style.configValue().equals(value)) {
        return style;
      }
    }
    return null;
  }
}
