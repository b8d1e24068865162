package dev.homeenergy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one family key of a device entry as its {@link KeyType} says, reporting each problem with
 * the key's path and line. Messages repeat a value only when it cannot be a secret.
 */
final class FamilyKeyReader {
  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

  private final ValueReader values;
  private final SecretResolver secrets;
  private final Path baseDirectory;

  FamilyKeyReader(ValueReader values, SecretResolver secrets, Path baseDirectory) {
    this.values = values;
    this.secrets = secrets;
    this.baseDirectory = baseDirectory;
  }

  /**
   * The typed value of {@code key} in {@code map}; empty when absent or after reporting a problem.
   */
  Optional<Object> read(YamlMap map, FamilyKey key) {
    if (key.type() instanceof KeyType.SecretText) {
      return secrets.resolve(map, key.name()).map(Object.class::cast);
    }
    Optional<YamlMap.Entry> found = map.get(key.name());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    YamlMap.Entry entry = found.get();
    if (key.type() instanceof KeyType.Flag) {
      return values.flag(entry).map(Object.class::cast);
    }
    if (key.type() instanceof KeyType.TextList) {
      return list(entry).map(Object.class::cast);
    }
    return values.parsed(entry, text -> parse(key.type(), text));
  }

  /** Whether a required key is missing: absent, or (as text) blank. */
  static boolean missing(YamlMap map, FamilyKey key, Optional<Object> value) {
    if (key.type() instanceof KeyType.SecretText) {
      return map.get(key.name()).isEmpty()
          && map.get(key.name() + SecretResolver.FILE_SUFFIX).isEmpty();
    }
    return map.get(key.name()).isEmpty()
        || value.filter(v -> v instanceof String s && s.isBlank()).isPresent();
  }

  private Object parse(KeyType type, String text) {
    if (type instanceof KeyType.Text) {
      return text;
    }
    if (type instanceof KeyType.GoDuration duration) {
      return atLeast(Durations.parseSetting(text), duration.minimum());
    }
    if (type instanceof KeyType.WholeNumber whole) {
      return wholeNumber(text, whole);
    }
    if (type instanceof KeyType.Number number) {
      return number(text, number);
    }
    if (type instanceof KeyType.OneOf oneOf) {
      return oneOf(text, oneOf);
    }
    if (type instanceof KeyType.Url) {
      return url(text);
    }
    if (type instanceof KeyType.ReadableFile) {
      return readableFile(text);
    }
    throw new IllegalStateException("unhandled key type " + type);
  }

  private static Duration atLeast(Duration duration, Duration minimum) {
    if (duration.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(
          "must be at least " + Durations.format(minimum) + ", got " + Durations.format(duration));
    }
    return duration;
  }

  private static Long wholeNumber(String text, KeyType.WholeNumber range) {
    long value;
    try {
      if (!WHOLE.matcher(text).matches()) {
        throw new NumberFormatException();
      }
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number" + got(text));
    }
    if (value < range.min() || value > range.max()) {
      throw new IllegalArgumentException(
          "must be "
              + range(range.min(), range.max(), Long.MIN_VALUE, Long.MAX_VALUE)
              + ", got "
              + value);
    }
    return value;
  }

  private static Double number(String text, KeyType.Number range) {
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("expected a number" + got(text));
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value) || value < range.min() || value > range.max()) {
      throw new IllegalArgumentException(
          "must be "
              + range(range.min(), range.max(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
              + ", got "
              + text);
    }
    return value;
  }

  private static <T extends Comparable<T>> String range(T min, T max, T lowest, T highest) {
    if (max.equals(highest)) {
      return "at least " + plain(min);
    }
    if (min.equals(lowest)) {
      return "at most " + plain(max);
    }
    return "between " + plain(min) + " and " + plain(max);
  }

  private static String plain(Object number) {
    return number instanceof Double d && d == Math.rint(d)
        ? String.valueOf(d.longValue())
        : String.valueOf(number);
  }

  private static String oneOf(String text, KeyType.OneOf oneOf) {
    for (String value : oneOf.values()) {
      if (value.equalsIgnoreCase(text.strip())) {
        return value;
      }
    }
    String withoutSlash = text.strip().replaceAll("/+$", "");
    for (var alias : oneOf.aliases().entrySet()) {
      if (alias.getKey().replaceAll("/+$", "").equalsIgnoreCase(withoutSlash)) {
        return alias.getValue();
      }
    }
    throw new IllegalArgumentException(
        "expected one of: " + String.join(", ", oneOf.values()) + got(text));
  }

  /** An http(s) URL; never repeated, as it might carry credentials. */
  private static URI url(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "credentials in the URL are not allowed; secrets belong in their own"
              + " keys (ideally <key>_file)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "expected an http or https URL with a host, like https://example.com");
    }
    return uri;
  }

  private Path readableFile(String text) {
    Path path;
    try {
      path = baseDirectory.resolve(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid path" + got(text));
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("cannot read \"" + path + "\": no such file");
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("cannot read \"" + path + "\": permission denied");
    }
    return path;
  }

  private Optional<List<String>> list(YamlMap.Entry entry) {
    Node node = entry.value();
    if (node instanceof SequenceNode sequence) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < sequence.getValue().size(); i++) {
        Node item = sequence.getValue().get(i);
        Optional<String> text =
            values.text(
                new YamlMap.Entry(
                    entry.key(), entry.path() + "[" + i + "]", Problems.line(item), item));
        if (text.isEmpty()) {
          return Optional.empty();
        }
        items.add(text.get().strip());
      }
      return Optional.of(List.copyOf(items));
    }
    if (node instanceof ScalarNode) {
      return values
          .text(entry)
          .map(
              text ->
                  Arrays.stream(text.split(","))
                      .map(String::strip)
                      .filter(s -> !s.isEmpty())
                      .toList());
    }
    return values.text(entry).map(List::of);
  }

  /** {@code , got "text"} when the text is short and plain enough to be no secret, else nothing. */
  private static String got(String text) {
    return ECHOABLE.matcher(text).matches() ? ", got \"" + text + "\"" : "";
  }
}
