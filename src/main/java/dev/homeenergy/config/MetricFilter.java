package dev.homeenergy.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of a device's metrics an output publishes: a device's {@code mqtt: {include, exclude}}.
 * Each entry is a metric name, as {@code /metrics} shows it or as its family is named (without
 * {@code _total} or {@code _info}), where {@code *} stands for any run of characters. An empty
 * include list includes every metric; exclude wins over include.
 */
public record MetricFilter(List<String> include, List<String> exclude) {
  /** Every metric. */
  public static final MetricFilter ALL = new MetricFilter(List.of(), List.of());

  private static final Pattern ENTRY = Pattern.compile("[a-zA-Z_:*][a-zA-Z0-9_:*]*");

  public MetricFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /**
   * Whether a metric is published.
   *
   * @param familyName the family's name (counters without {@code _total})
   * @param exposedName the name {@code /metrics} shows ({@code _total} or {@code _info} added)
   */
  public boolean allows(String familyName, String exposedName) {
    boolean included =
        include.isEmpty() || matchesAny(include, familyName) || matchesAny(include, exposedName);
    return included && !matchesAny(exclude, familyName) && !matchesAny(exclude, exposedName);
  }

  /** Rejects an entry that cannot name a metric. */
  static String checkEntry(String entry) {
    if (!ENTRY.matcher(entry).matches()) {
      throw new IllegalArgumentException(
          "\"" + entry + "\" is not a metric name (letters, digits, _ and :, with * for any run)");
    }
    return entry;
  }

  private static boolean matchesAny(List<String> patterns, String name) {
    for (String pattern : patterns) {
      if (glob(pattern).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (regex.length() > 0 || pattern.startsWith("*")) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
