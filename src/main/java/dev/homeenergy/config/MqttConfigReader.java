package dev.homeenergy.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code outputs:} section and a device's {@code mqtt:} filter, reporting each problem.
 */
final class MqttConfigReader {
  static final List<String> OUTPUTS_KEYS = List.of("mqtt");
  static final List<String> MQTT_KEYS =
      List.of(
          "broker",
          "username",
          "password",
          "password_file",
          "client_id",
          "tls_ca_file",
          "topic_prefix",
          "retain",
          "qos",
          "min_interval",
          "home_assistant");
  static final List<String> HOME_ASSISTANT_KEYS = List.of("discovery", "prefix");
  static final List<String> FILTER_KEYS = List.of("include", "exclude");

  private final FamilyKeyReader keys;
  private final ValueReader values;
  private final Problems problems;

  MqttConfigReader(FamilyKeyReader keys, ValueReader values, Problems problems) {
    this.keys = keys;
    this.values = values;
    this.problems = problems;
  }

  /** The {@code outputs} section's MQTT block; empty when absent or invalid. */
  Optional<MqttConfig> outputs(YamlMap.Entry outputs) {
    Optional<YamlMap> section =
        YamlMap.read(outputs.value(), outputs.path(), outputs.line(), problems);
    if (section.isEmpty()) {
      return Optional.empty();
    }
    section.get().rejectUnknownKeys(OUTPUTS_KEYS);
    return section
        .get()
        .get("mqtt")
        .flatMap(entry -> YamlMap.read(entry.value(), entry.path(), entry.line(), problems))
        .flatMap(this::mqtt);
  }

  private Optional<MqttConfig> mqtt(YamlMap map) {
    int before = problems.count();
    map.rejectUnknownKeys(MQTT_KEYS);
    Optional<YamlMap.Entry> brokerEntry = map.get("broker");
    if (brokerEntry.isEmpty()) {
      problems.add(
          map.path() + ".broker",
          lineOf(map),
          "required: the broker's address, e.g. tcp://192.168.1.10:1883");
    }
    URI broker =
        brokerEntry.flatMap(entry -> values.parsed(entry, MqttConfig::checkBroker)).orElse(null);
    String username = text(map, "username").filter(name -> !name.isBlank()).orElse(null);
    Secret password =
        (Secret) keys.read(map, FamilyKey.optional("password", KeyType.secret())).orElse(null);
    String clientId =
        map.get("client_id")
            .flatMap(entry -> values.parsed(entry, MqttConfigReader::nonBlank))
            .orElse(MqttConfig.DEFAULT_CLIENT_ID);
    Path caFile =
        (Path)
            keys.read(map, FamilyKey.optional("tls_ca_file", KeyType.readableFile())).orElse(null);
    String topicPrefix =
        map.get("topic_prefix")
            .flatMap(entry -> values.parsed(entry, MqttConfig::checkTopicPrefix))
            .orElse(MqttConfig.DEFAULT_TOPIC_PREFIX);
    boolean retain = map.get("retain").flatMap(values::flag).orElse(MqttConfig.DEFAULT_RETAIN);
    int qos =
        ((Long)
                keys.read(map, FamilyKey.optional("qos", KeyType.wholeNumber(0, 2)))
                    .orElse((long) MqttConfig.DEFAULT_QOS))
            .intValue();
    Duration minInterval =
        (Duration)
            keys.read(map, FamilyKey.optional("min_interval", KeyType.duration()))
                .orElse(MqttConfig.DEFAULT_MIN_INTERVAL);
    boolean discovery = true;
    String discoveryPrefix = MqttConfig.DEFAULT_DISCOVERY_PREFIX;
    Optional<YamlMap> homeAssistant =
        map.get("home_assistant")
            .flatMap(entry -> YamlMap.read(entry.value(), entry.path(), entry.line(), problems));
    if (homeAssistant.isPresent()) {
      homeAssistant.get().rejectUnknownKeys(HOME_ASSISTANT_KEYS);
      discovery = homeAssistant.get().get("discovery").flatMap(values::flag).orElse(true);
      discoveryPrefix =
          homeAssistant
              .get()
              .get("prefix")
              .flatMap(entry -> values.parsed(entry, MqttConfig::checkTopicPrefix))
              .orElse(MqttConfig.DEFAULT_DISCOVERY_PREFIX);
    }
    if (broker != null && caFile != null && !"ssl".equals(broker.getScheme())) {
      YamlMap.Entry entry = map.get("tls_ca_file").orElseThrow();
      map.report(entry, "needs an ssl:// broker; with tcp:// the connection is not encrypted");
    }
    if (password != null && username == null) {
      Optional<YamlMap.Entry> entry = map.get("password").or(() -> map.get("password_file"));
      problems.add(
          entry.map(YamlMap.Entry::path).orElse(map.path() + ".password"),
          entry.map(YamlMap.Entry::line).orElse(lineOf(map)),
          "a password needs a username");
    }
    if (problems.count() != before) {
      return Optional.empty();
    }
    return Optional.of(
        new MqttConfig(
            broker,
            username,
            password,
            clientId,
            caFile,
            topicPrefix,
            retain,
            qos,
            minInterval,
            discovery,
            discoveryPrefix));
  }

  /** A device's {@code mqtt:} block. */
  Optional<MetricFilter> filter(YamlMap.Entry entry) {
    Optional<YamlMap> map = YamlMap.read(entry.value(), entry.path(), entry.line(), problems);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    map.get().rejectUnknownKeys(FILTER_KEYS);
    List<String> include = names(map.get(), "include");
    List<String> exclude = names(map.get(), "exclude");
    return Optional.of(new MetricFilter(include, exclude));
  }

  @SuppressWarnings("unchecked")
  private List<String> names(YamlMap map, String key) {
    List<String> names =
        (List<String>)
            keys.read(map, FamilyKey.optional(key, KeyType.textList())).orElse(List.of());
    for (String name : names) {
      try {
        MetricFilter.checkEntry(name);
      } catch (IllegalArgumentException e) {
        YamlMap.Entry entry = map.get(key).orElseThrow();
        map.report(entry, e.getMessage());
      }
    }
    return names;
  }

  private Optional<String> text(YamlMap map, String key) {
    return map.get(key).flatMap(values::text);
  }

  private static String nonBlank(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return text;
  }

  private static int lineOf(YamlMap map) {
    return map.entries().stream().mapToInt(YamlMap.Entry::line).min().orElse(0);
  }
}
