package dev.homeenergy.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the effective config as YAML, as {@code check-config} shows it: every default filled in (a
 * family key's too, when its family declares one), durations in Go form, device addresses as base
 * URIs and secrets as {@code <secret>}. Without secrets the output loads back to an equal {@link
 * ExporterConfig}.
 */
public final class ConfigPrinter {
  static final String REDACTED = "<secret>";

  private static final ObjectWriter YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .build())
          .writer();

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
    root.put("devices", config.devices().stream().map(ConfigPrinter::device).toList());
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> web(WebConfig web) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("listen_address", web.listenAddress());
    out.put("telemetry_path", web.telemetryPath());
    if (web.securityFile() != null) {
      out.put("config_file", web.securityFile().toString());
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

  private static Map<String, Object> device(DeviceConfig device) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", device.name());
    out.put("type", device.type());
    out.put("address", device.address().toString());
    out.put("interval", Durations.format(device.interval()));
    out.put("timeout", Durations.format(device.timeout()));
    out.put("stale_after", Durations.format(device.staleAfter()));
    out.put("naming", device.naming().configValue());
    new TreeMap<>(device.extra()).forEach((key, value) -> out.put(key, printable(value)));
    return out;
  }

  private static Object printable(Object value) {
    if (value instanceof Secret) {
      return REDACTED;
    }
    if (value instanceof java.time.Duration duration) {
      return Durations.format(duration);
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(ConfigPrinter::printable).toList();
    }
    return String.valueOf(value);
  }
}
