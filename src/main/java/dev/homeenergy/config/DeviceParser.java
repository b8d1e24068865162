package dev.homeenergy.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/** Validates one {@code devices:} entry against its type's {@link DeviceTypeSpec}. */
final class DeviceParser {
  static final List<String> COMMON_KEYS =
      List.of("name", "type", "address", "interval", "timeout", "stale_after", "naming", "mqtt");
  static final List<String> REQUIRED_KEYS = List.of("name", "type", "address");

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final String FALLBACK_SCHEME = "http";
  private static final int FALLBACK_PORT = 80;

  private record Timings(Duration interval, Duration timeout, Duration staleAfter) {}

  private final Map<String, DeviceTypeSpec> types;
  private final ValueReader values;
  private final FamilyKeyReader familyKeys;
  private final DeviceCheck check;
  private final Problems problems;

  DeviceParser(
      Map<String, DeviceTypeSpec> types,
      ValueReader values,
      FamilyKeyReader familyKeys,
      DeviceCheck check,
      Problems problems) {
    this.types = types;
    this.values = values;
    this.familyKeys = familyKeys;
    this.check = check;
    this.problems = problems;
  }

  DeviceEntry parse(Node node, String path) {
    int line = Problems.line(node);
    Optional<YamlMap> read = YamlMap.read(node, path, line, problems);
    if (read.isEmpty()) {
      return new DeviceEntry(path, line, null, line, null, null, line, null);
    }
    YamlMap map = read.get();
    int problemsBefore = problems.count();

    DeviceTypeSpec spec = map.get("type").flatMap(this::spec).orElse(null);
    boolean addressOptional = spec != null && spec.defaultAddress() != null;
    List<String> missing =
        REQUIRED_KEYS.stream()
            .filter(key -> map.get(key).isEmpty())
            .filter(key -> !(addressOptional && key.equals("address")))
            .toList();
    if (!missing.isEmpty()) {
      problems.add(path, line, "missing required " + describeKeys(missing));
    }
    String name = map.get("name").flatMap(this::name).orElse(null);
    int nameLine = map.get("name").map(YamlMap.Entry::line).orElse(line);
    if (spec != null) {
      map.rejectUnknownKeys(allowedKeys(spec));
    } else if (map.get("type").isEmpty()) {
      map.rejectUnknownKeys(allKnownKeys());
    }

    String scheme = spec == null ? FALLBACK_SCHEME : spec.defaultScheme();
    int port = spec == null ? FALLBACK_PORT : spec.defaultPort();
    URI address =
        map.get("address")
            .flatMap(e -> values.parsed(e, text -> DeviceAddress.parse(text, scheme, port)))
            .orElse(
                addressOptional && map.get("address").isEmpty()
                    ? normalized(spec, URI.create(spec.defaultAddress()))
                    : null);
    Optional<Timings> timings = timings(map, spec);
    Optional<YamlMap.Entry> namingEntry = map.get("naming");
    NamingStyle naming =
        namingEntry.isEmpty()
            ? NamingStyle.NATIVE
            : namingEntry.flatMap(e -> values.text(e).flatMap(t -> naming(e, t))).orElse(null);
    int namingLine = namingEntry.map(YamlMap.Entry::line).orElse(line);
    Map<String, Object> extra = spec == null ? Map.of() : extras(map, spec, line);
    MetricFilter mqtt =
        map.get("mqtt")
            .flatMap(new MqttConfigReader(familyKeys, values, problems)::filter)
            .orElse(MetricFilter.ALL);
    if (spec != null && address != null) {
      address = addressFromKeys(map, spec, extra, address);
    }

    boolean valid = problems.count() == problemsBefore;
    DeviceConfig config =
        valid
            ? new DeviceConfig(
                name,
                spec.type(),
                address,
                timings.get().interval(),
                timings.get().timeout(),
                timings.get().staleAfter(),
                naming,
                extra,
                mqtt)
            : null;
    if (config != null) {
      check.check(config, (key, message) -> reportFamilyProblem(map, line, key, message));
    }
    return new DeviceEntry(
        path, line, name, nameLine, spec == null ? null : spec.type(), naming, namingLine, config);
  }

  /** The effective timings; empty when the type is unknown or a given duration is invalid. */
  private Optional<Timings> timings(YamlMap map, DeviceTypeSpec spec) {
    Optional<Duration> givenInterval = positiveDuration(map, "interval");
    Optional<Duration> givenTimeout = positiveDuration(map, "timeout");
    Optional<Duration> givenStaleAfter = positiveDuration(map, "stale_after");
    boolean allParsed =
        givenOrAbsent(map, "interval", givenInterval)
            && givenOrAbsent(map, "timeout", givenTimeout)
            && givenOrAbsent(map, "stale_after", givenStaleAfter);
    if (spec == null || !allParsed) {
      return Optional.empty();
    }
    Duration interval = givenInterval.orElse(spec.defaultInterval());
    // Like Prometheus's scrape_timeout: the family's default, but never longer than the interval.
    Duration timeout = givenTimeout.orElse(min(spec.defaultTimeout(), interval));
    Duration staleAfter =
        givenStaleAfter.orElse(
            min(
                interval.multipliedBy(DeviceConfig.DEFAULT_STALE_AFTER_INTERVALS),
                Durations.MAX_SETTING));
    checkTimings(map, interval, timeout, staleAfter);
    if (interval.compareTo(spec.minimumInterval()) < 0) {
      problems.add(
          map.path() + ".interval",
          map.get("interval").map(YamlMap.Entry::line).orElse(0),
          "interval "
              + Durations.format(interval)
              + " is below the minimum of "
              + Durations.format(spec.minimumInterval())
              + " for "
              + spec.type()
              + ": "
              + spec.minimumIntervalReason());
    }
    return Optional.of(new Timings(interval, timeout, staleAfter));
  }

  private Optional<String> name(YamlMap.Entry entry) {
    return values
        .text(entry)
        .filter(
            text -> {
              if (NAME.matcher(text).matches()) {
                return true;
              }
              problems.add(
                  entry.path(),
                  entry.line(),
                  "invalid device name \"" + text + "\": use only letters, digits, _, . and -");
              return false;
            });
  }

  private Optional<DeviceTypeSpec> spec(YamlMap.Entry entry) {
    return values
        .text(entry)
        .flatMap(
            text -> {
              DeviceTypeSpec spec = types.get(text);
              if (spec == null) {
                problems.add(
                    entry.path(),
                    entry.line(),
                    "unknown device type \""
                        + text
                        + "\""
                        + Suggestions.hint(text, types.keySet())
                        + "; known types: "
                        + String.join(", ", new TreeSet<>(types.keySet())));
              }
              return Optional.ofNullable(spec);
            });
  }

  private Optional<NamingStyle> naming(YamlMap.Entry entry, String text) {
    NamingStyle style = NamingStyle.fromConfig(text);
    if (style == null) {
      problems.add(
          entry.path(),
          entry.line(),
          "invalid naming \"" + text + "\"; expected one of: native, compat");
    }
    return Optional.ofNullable(style);
  }

  private Optional<Duration> positiveDuration(YamlMap map, String key) {
    return map.get(key)
        .flatMap(
            entry ->
                values
                    .parsed(entry, Durations::parseSetting)
                    .filter(
                        duration -> {
                          if (!duration.isZero()) {
                            return true;
                          }
                          problems.add(entry.path(), entry.line(), "must be greater than 0s");
                          return false;
                        }));
  }

  private void checkTimings(YamlMap map, Duration interval, Duration timeout, Duration staleAfter) {
    Optional<YamlMap.Entry> timeoutEntry = map.get("timeout");
    if (timeout.compareTo(interval) > 0 && timeoutEntry.isPresent()) {
      problems.add(
          timeoutEntry.get().path(),
          timeoutEntry.get().line(),
          "timeout "
              + Durations.format(timeout)
              + " is longer than interval "
              + Durations.format(interval));
    }
    Optional<YamlMap.Entry> staleEntry = map.get("stale_after");
    if (staleAfter.compareTo(interval) < 0 && staleEntry.isPresent()) {
      problems.add(
          staleEntry.get().path(),
          staleEntry.get().line(),
          "stale_after "
              + Durations.format(staleAfter)
              + " is shorter than interval "
              + Durations.format(interval));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The address the device really talks to: the first of the family's address keys given (see
   * {@link DeviceTypeSpec#addressKeys()}), else {@code address}. An explicit {@code address} that
   * names another server is a problem.
   */
  private URI addressFromKeys(
      YamlMap map, DeviceTypeSpec spec, Map<String, Object> extra, URI address) {
    for (String key : spec.addressKeys()) {
      Optional<URI> derived = derivedAddress(spec, key, extra.get(key));
      if (derived.isEmpty()) {
        continue;
      }
      Optional<YamlMap.Entry> given = map.get("address");
      if (given.isPresent() && !sameServer(spec, address, derived.get())) {
        problems.add(
            given.get().path(),
            given.get().line(),
            "address and " + key + " name different servers; give only one");
      }
      return normalized(spec, derived.get());
    }
    return address;
  }

  private static Optional<URI> derivedAddress(DeviceTypeSpec spec, String key, Object value) {
    if (value instanceof URI uri) {
      return Optional.of(uri);
    }
    if (value instanceof String text
        && spec.key(key).map(FamilyKey::type).orElse(null) instanceof KeyType.OneOf oneOf) {
      return oneOf.aliases().entrySet().stream()
          .filter(alias -> alias.getValue().equals(text))
          .map(alias -> URI.create(alias.getKey()))
          .findFirst();
    }
    return Optional.empty();
  }

  private static boolean sameServer(DeviceTypeSpec spec, URI a, URI b) {
    return normalized(spec, a).equals(normalized(spec, b));
  }

  /** The URI in the form a configured {@code address} takes, so every address prints alike. */
  private static URI normalized(DeviceTypeSpec spec, URI uri) {
    try {
      return DeviceAddress.parse(uri.toString(), spec.defaultScheme(), spec.defaultPort());
    } catch (IllegalArgumentException e) {
      return uri;
    }
  }

  private static boolean givenOrAbsent(YamlMap map, String key, Optional<Duration> parsed) {
    return parsed.isPresent() || map.get(key).isEmpty();
  }

  /** The family keys, typed, with defaults filled in; reports missing required keys. */
  private Map<String, Object> extras(YamlMap map, DeviceTypeSpec spec, int line) {
    Map<String, Object> extra = new LinkedHashMap<>();
    for (FamilyKey key : spec.keys()) {
      Optional<Object> value = familyKeys.read(map, key);
      if (key.required() && FamilyKeyReader.missing(map, key, value) && !standsIn(map, spec, key)) {
        if (misspelt(map, spec, key.name())) {
          continue;
        }
        int at = map.get(key.name()).map(YamlMap.Entry::line).orElse(line);
        problems.add(
            map.path() + "." + key.name(),
            at,
            "required for " + spec.type() + (key.help().isEmpty() ? "" : " (" + key.help() + ")"));
        continue;
      }
      value
          .or(() -> Optional.ofNullable(key.defaultValue()))
          .ifPresent(v -> extra.put(key.name(), v));
    }
    return extra;
  }

  /** Whether the entry gives the key that stands in for a missing required {@code key}. */
  private static boolean standsIn(YamlMap map, DeviceTypeSpec spec, FamilyKey key) {
    if (key.unlessGiven() == null) {
      return false;
    }
    return spec.key(key.unlessGiven())
        .filter(standIn -> !FamilyKeyReader.missing(map, standIn, Optional.empty()))
        .isPresent();
  }

  /** Whether an unknown key of the entry is a typo of {@code key}, already reported as such. */
  private static boolean misspelt(YamlMap map, DeviceTypeSpec spec, String key) {
    Set<String> allowed = allowedKeys(spec);
    return map.entries().stream()
        .filter(entry -> !allowed.contains(entry.key()))
        .anyMatch(
            entry -> Suggestions.closest(entry.key(), allowed).filter(key::equals).isPresent());
  }

  /** A problem the family found, at the line of the key it names (or of its {@code _file} form). */
  private void reportFamilyProblem(YamlMap map, int entryLine, String key, String message) {
    if (key.isEmpty()) {
      problems.add(map.path(), entryLine, message);
      return;
    }
    Optional<YamlMap.Entry> entry =
        map.get(key).or(() -> map.get(key + SecretResolver.FILE_SUFFIX));
    problems.add(
        entry.map(YamlMap.Entry::path).orElse(map.path() + "." + key),
        entry.map(YamlMap.Entry::line).orElse(entryLine),
        message);
  }

  static Set<String> allowedKeys(DeviceTypeSpec spec) {
    Set<String> allowed = new LinkedHashSet<>(COMMON_KEYS);
    allowed.addAll(spec.keyNames());
    return allowed;
  }

  private Set<String> allKnownKeys() {
    Set<String> all = new LinkedHashSet<>(COMMON_KEYS);
    types.values().forEach(spec -> all.addAll(allowedKeys(spec)));
    return all;
  }

  private static String describeKeys(List<String> keys) {
    List<String> quoted = new ArrayList<>(keys.stream().map(k -> "\"" + k + "\"").toList());
    if (quoted.size() == 1) {
      return "key " + quoted.get(0);
    }
    String last = quoted.remove(quoted.size() - 1);
    return "keys " + quoted.stream().collect(Collectors.joining(", ")) + " and " + last;
  }
}
