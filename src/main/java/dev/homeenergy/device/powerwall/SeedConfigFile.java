package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.homeenergy.config.DeviceAddress;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.Durations;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.ListenAddress;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.config.WebConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The config file of the Go {@code powerwall_exporter} this family replaces, read strictly as it
 * did (an unknown key is an error) and translated into our config, so its users keep their file.
 */
public final class SeedConfigFile {
  /** The Go exporter's default listen address. */
  public static final String DEFAULT_LISTEN_ADDRESS = ":9871";
  /** The file looked for beside the jar when none is named, as the Go exporter did beside its binary. */
  public static final String DEFAULT_FILE_NAME = "powerwall_exporter.yaml";
  /** Name of the one device the file describes. */
  public static final String DEVICE_NAME = "powerwall";

  private SeedConfigFile() {}

  record Web(
      @JsonProperty("listen_address") String listenAddress,
      @JsonProperty("metrics_path") String metricsPath) {}

  record Gateway(
      @JsonProperty("gateway_address") String gatewayAddress,
      @JsonProperty("login_email") String loginEmail,
      @JsonProperty("login_password") String loginPassword,
      @JsonProperty("tls_cert_file") String tlsCertFile,
      @JsonProperty("retry_interval") String retryInterval,
      @JsonProperty("retry_timeout") String retryTimeout) {}

  record File(Web web, Gateway device) {}

  /** A problem with the file, naming the key (and the line when known); never the password. */
  public static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code file} into a config serving one {@code powerwall} device under compat naming.
   *
   * @param spec the Powerwall family's defaults (interval, timeout, scheme, port)
   */
  public static ExporterConfig read(Path file, dev.homeenergy.config.DeviceTypeSpec spec) throws Problem {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new Problem(file + ": cannot read config file: " + e.getClass().getSimpleName());
    }
    File parsed;
    try {
      parsed = new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(text.isBlank() ? "{}" : text, File.class);
    } catch (UnrecognizedPropertyException e) {
      throw new Problem(file + ":" + keyLine(text, e) + ": " + path(e) + ": unknown key");
    } catch (JsonMappingException e) {
      throw new Problem(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ": "
          + path(e) + ": wrong kind of value");
    } catch (JsonProcessingException e) {
      throw new Problem(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
          + ": not valid YAML");
    }
    Web web = parsed == null || parsed.web() == null ? new Web(null, null) : parsed.web();
    Gateway device = parsed == null ? null : parsed.device();
    if (device == null || blank(device.gatewayAddress())) {
      throw new Problem(file + ": Required parameter device.gateway_address not specified in config file");
    }
    if (device.loginPassword() == null || device.loginPassword().isEmpty()) {
      throw new Problem(file + ": Required parameter device.login_password not specified in config file");
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("email", blank(device.loginEmail()) ? PowerwallSettings.DEFAULT_EMAIL : device.loginEmail());
    extra.put("password", new Secret(device.loginPassword()));
    if (!blank(device.tlsCertFile())) {
      extra.put("tls_cert_file", resolve(file, device.tlsCertFile()));
    }
    extra.put("retry_interval", duration(file, "device.retry_interval", device.retryInterval(),
        PowerwallSettings.DEFAULT_RETRY_INTERVAL));
    extra.put("retry_timeout", duration(file, "device.retry_timeout", device.retryTimeout(),
        PowerwallSettings.DEFAULT_RETRY_TIMEOUT));
    java.net.URI address;
    try {
      address = DeviceAddress.parse(device.gatewayAddress(), spec.defaultScheme(), spec.defaultPort());
    } catch (IllegalArgumentException e) {
      throw new Problem(file + ": device.gateway_address: " + e.getMessage());
    }
    Duration interval = spec.defaultInterval();
    Duration staleAfter = interval.multipliedBy(DeviceConfig.DEFAULT_STALE_AFTER_INTERVALS);
    Duration afterRetries = interval.plus(spec.defaultTimeout()).plus((Duration) extra.get("retry_timeout"));
    DeviceConfig gateway = new DeviceConfig(DEVICE_NAME, spec.type(), address, interval, spec.defaultTimeout(),
        afterRetries.compareTo(staleAfter) > 0 ? afterRetries : staleAfter, NamingStyle.COMPAT, extra);
    String listenAddress = blank(web.listenAddress()) ? DEFAULT_LISTEN_ADDRESS : web.listenAddress();
    String metricsPath = blank(web.metricsPath()) ? WebConfig.DEFAULT_TELEMETRY_PATH : web.metricsPath();
    try {
      ListenAddress.requireValid(listenAddress);
    } catch (IllegalArgumentException e) {
      throw new Problem(file + ": web.listen_address: " + e.getMessage());
    }
    try {
      WebConfig.checkTelemetryPath(metricsPath);
    } catch (IllegalArgumentException e) {
      throw new Problem(file + ": web.metrics_path: " + e.getMessage());
    }
    WebConfig webConfig = new WebConfig(listenAddress, metricsPath);
    Path directory = file.toAbsolutePath().getParent();
    return new ExporterConfig(webConfig, LogConfig.defaults(), List.of(gateway), directory);
  }

  private static Duration duration(Path file, String key, String text, Duration fallback) throws Problem {
    if (blank(text)) {
      return fallback;
    }
    try {
      return Durations.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new Problem(file + ": " + key + ": " + e.getMessage());
    }
  }

  private static Path resolve(Path file, String path) {
    Path given = Path.of(path);
    Path directory = file.toAbsolutePath().getParent();
    return given.isAbsolute() || directory == null ? given : directory.resolve(given);
  }

  /** The line of the key {@code e} complains about (Jackson reports where the mapping ends). */
  private static int keyLine(String text, JsonMappingException e) {
    int fallback = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    try {
      org.yaml.snakeyaml.nodes.Node node = new org.yaml.snakeyaml.Yaml().compose(new java.io.StringReader(text));
      int line = fallback;
      for (JsonMappingException.Reference ref : e.getPath()) {
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode mapping) || ref.getFieldName() == null) {
          return fallback;
        }
        org.yaml.snakeyaml.nodes.NodeTuple match = mapping.getValue().stream()
            .filter(t -> t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode key
                && key.getValue().equals(ref.getFieldName()))
            .findFirst().orElse(null);
        if (match == null) {
          return fallback;
        }
        line = match.getKeyNode().getStartMark().getLine() + 1;
        node = match.getValueNode();
      }
      return line;
    } catch (RuntimeException parseFailure) {
      return fallback;
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]" : ref.getFieldName())
        .collect(Collectors.joining("."));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
