package dev.homeenergy.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, fast enough for property tests: every line
 * is a comment, a HELP or TYPE line, or a sample whose name, labels (with only {@code \\}, {@code
 * \"} and {@code \n} escapes), value and optional timestamp are well formed; no family is typed
 * twice and no series appears twice.
 */
public final class ExpositionSyntax {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern VALUE =
      Pattern.compile(
          "[+-]?(\\d+(\\.\\d*)?([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|Inf|inf|NaN|nan)");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d+");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private ExpositionSyntax() {}

  /** What is wrong with {@code text}, one entry per problem; empty when it is valid. */
  public static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    Set<String> typed = new HashSet<>();
    Set<String> series = new HashSet<>();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      problems.add("the exposition does not end with a newline");
    }
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isEmpty()) {
        continue;
      }
      String problem = line.startsWith("#") ? comment(line, typed) : sample(line, series);
      if (problem != null) {
        problems.add("line " + number + ": " + problem + ": " + line);
      }
    }
    return problems;
  }

  /** Fails unless {@code text} is a valid exposition. */
  public static void assertValid(String text) {
    List<String> problems = problems(text);
    if (!problems.isEmpty()) {
      throw new AssertionError("invalid exposition:\n" + String.join("\n", problems));
    }
  }

  private static String comment(String line, Set<String> typed) {
    String[] parts = line.split(" ", 4);
    if (parts.length < 3
        || !parts[0].equals("#")
        || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
      return null;
    }
    if (!METRIC_NAME.matcher(parts[2]).matches()) {
      return "bad metric name in " + parts[1];
    }
    if (parts[1].equals("HELP")) {
      return parts.length == 4 ? badEscapes(parts[3], false) : null;
    }
    if (parts.length != 4 || !TYPES.contains(parts[3])) {
      return "bad type";
    }
    return typed.add(parts[2]) ? null : "second TYPE for " + parts[2];
  }

  private static String sample(String line, Set<String> series) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!METRIC_NAME.matcher(name).matches()) {
      return "bad metric name";
    }
    TreeMap<String, String> labels = new TreeMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (i < line.length() && line.charAt(i) != '}') {
        int equals = line.indexOf('=', i);
        if (equals < 0) {
          return "label without =";
        }
        String label = line.substring(i, equals);
        if (!LABEL_NAME.matcher(label).matches()) {
          return "bad label name '" + label + "'";
        }
        if (equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
          return "label value not quoted";
        }
        StringBuilder value = new StringBuilder();
        int j = equals + 2;
        for (; j < line.length() && line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            if (j + 1 >= line.length() || "\\\"n".indexOf(line.charAt(j + 1)) < 0) {
              return "bad escape in label " + label;
            }
            j++;
          }
          value.append(c);
        }
        if (j >= line.length()) {
          return "unterminated label value";
        }
        if (!wellFormed(value)) {
          return "invalid UTF-16 in label " + label;
        }
        if (labels.put(label, value.toString()) != null) {
          return "label " + label + " twice";
        }
        i = j + 1;
        if (i < line.length() && line.charAt(i) == ',') {
          i++;
        }
      }
      if (i >= line.length()) {
        return "unterminated label set";
      }
      i++;
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      return "no space before the value";
    }
    String[] rest = line.substring(i + 1).split(" ", -1);
    if (rest.length > 2 || !VALUE.matcher(rest[0]).matches()) {
      return "bad value";
    }
    if (rest.length == 2 && !TIMESTAMP.matcher(rest[1]).matches()) {
      return "bad timestamp";
    }
    return series.add(name + labels) ? null : "duplicate series";
  }

  private static boolean wellFormed(CharSequence text) {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (Character.isHighSurrogate(c)
          && k + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(k + 1))) {
        k++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static String badEscapes(String text, boolean quotesAllowed) {
    for (int j = 0; j < text.length(); j++) {
      if (text.charAt(j) == '\\') {
        if (j + 1 >= text.length()
            || (text.charAt(j + 1) != '\\'
                && text.charAt(j + 1) != 'n'
                && !(quotesAllowed && text.charAt(j + 1) == '"'))) {
          return "bad escape in HELP";
        }
        j++;
      }
    }
    return null;
  }
}
