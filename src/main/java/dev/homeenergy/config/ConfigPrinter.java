package dev.homeenergy.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Prints the effective config as YAML, as {@code check-config} shows it: every default filled in (a
 * family key's too, when its family declares one), durations in Go form and device addresses as
 * base URIs.
 *
 * <p>The output loads back to the config it was printed from, and printing that prints the same
 * text: it is written by the YAML library the loader reads with, so every value the loader would
 * read as something other than text (such as {@code yes}, {@code null}, {@code 1e3}) is quoted, and
 * a literal {@code ${} is written as {@code $${}. The one exception is a secret given in the file
 * itself or through {@code ${ENV}}: it prints as {@code <secret>}, which loads back as that text. A
 * secret read from {@code <key>_file} prints as that reference and round-trips.
 */
public final class ConfigPrinter {
  static final String REDACTED = "<secret>";

  private ConfigPrinter() {}

  public static String toYaml(ExporterConfig config) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("web", web(config.web()));
    root.put("log", log(config.log()));
    Map<String, Object> probe = new LinkedHashMap<>();
    probe.put("on_demand", config.probe().onDemand());
    probe.put("idle_after", Durations.format(config.probe().idleAfter()));
    root.put("probe", probe);
    if (config.stateDirectory() != null) {
      root.put("state_dir", config.stateDirectory().toString());
    }
    config.mqtt().ifPresent(mqtt -> root.put("outputs", Map.of("mqtt", mqtt(mqtt))));
    root.put("devices", config.devices().stream().map(ConfigPrinter::device).toList());
    return yaml().dump(root);
  }

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(Integer.MAX_VALUE);
    options.setAllowUnicode(true);
    options.setSplitLines(false);
    return new Yaml(options);
  }

  private static Map<String, Object> web(WebConfig web) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("listen_address", text(web.listenAddress()));
    out.put("telemetry_path", text(web.telemetryPath()));
    if (web.securityFile() != null) {
      out.put("config_file", text(web.securityFile().toString()));
    }
    out.put("health_requires_auth", web.healthRequiresAuth());
    return out;
  }

  private static Map<String, Object> log(LogConfig log) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("level", log.level());
    out.put("format", log.format());
    return out;
  }

  private static Map<String, Object> mqtt(MqttConfig mqtt) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("broker", text(mqtt.broker().toString()));
    if (mqtt.username() != null) {
      out.put("username", text(mqtt.username()));
    }
    if (mqtt.password() != null) {
      if (mqtt.password().file().isPresent()) {
        out.put(
            "password" + SecretResolver.FILE_SUFFIX, text(mqtt.password().file().get().toString()));
      } else {
        out.put("password", REDACTED);
      }
    }
    out.put("client_id", text(mqtt.clientId()));
    if (mqtt.tlsCaFile() != null) {
      out.put("tls_ca_file", text(mqtt.tlsCaFile().toString()));
    }
    out.put("topic_prefix", text(mqtt.topicPrefix()));
    out.put("retain", mqtt.retain());
    out.put("qos", mqtt.qos());
    out.put("min_interval", Durations.format(mqtt.minInterval()));
    Map<String, Object> homeAssistant = new LinkedHashMap<>();
    homeAssistant.put("discovery", mqtt.discovery());
    homeAssistant.put("prefix", text(mqtt.discoveryPrefix()));
    out.put("home_assistant", homeAssistant);
    return out;
  }

  private static Map<String, Object> device(DeviceConfig device) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", text(device.name()));
    out.put("type", text(device.type()));
    out.put("address", text(device.address().toString()));
    out.put("interval", Durations.format(device.interval()));
    out.put("timeout", Durations.format(device.timeout()));
    out.put("stale_after", Durations.format(device.staleAfter()));
    out.put("naming", device.naming().configValue());
    new TreeMap<>(device.extra())
        .forEach(
            (key, value) -> {
              if (value instanceof Secret secret && secret.file().isPresent()) {
                out.put(key + SecretResolver.FILE_SUFFIX, text(secret.file().get().toString()));
              } else {
                out.put(key, printable(value));
              }
            });
    if (!device.mqtt().equals(MetricFilter.ALL)) {
      Map<String, Object> filter = new LinkedHashMap<>();
      filter.put("include", device.mqtt().include().stream().map(ConfigPrinter::text).toList());
      filter.put("exclude", device.mqtt().exclude().stream().map(ConfigPrinter::text).toList());
      out.put("mqtt", filter);
    }
    return out;
  }

  private static Object printable(Object value) {
    if (value instanceof Secret) {
      return REDACTED;
    }
    if (value instanceof Duration duration) {
      return Durations.format(duration);
    }
    if (value instanceof String string) {
      return text(string);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ConfigPrinter::printable).toList();
    }
    if (value instanceof Path path) {
      return text(path.toString());
    }
    return text(String.valueOf(value));
  }

  /** Text as the loader reads it back: {@code ${} escaped so it is not taken for a variable. */
  private static String text(String value) {
    return value.replace("${", "$${");
  }
}
