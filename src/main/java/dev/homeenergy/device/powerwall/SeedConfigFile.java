package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigProblem;
import dev.homeenergy.config.DeviceAddress;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.Durations;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.ListenAddress;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Problems;
import dev.homeenergy.config.Secret;
import dev.homeenergy.config.SecretResolver;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.config.YamlMap;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The config file of the Go {@code powerwall_exporter} this family replaces, read strictly as it
 * did (an unknown key is an error) and translated into our config, so its users keep their file. It
 * is walked like our own config file: every problem is reported at once, with its key and line.
 */
public final class SeedConfigFile {
  /** The Go exporter's default listen address. */
  public static final String DEFAULT_LISTEN_ADDRESS = ":9871";

  /**
   * The file looked for beside the jar when none is named, as the Go exporter did beside its
   * binary.
   */
  public static final String DEFAULT_FILE_NAME = "powerwall_exporter.yaml";

  /** Name of the one device the file describes. */
  public static final String DEVICE_NAME = "powerwall";

  private static final List<String> TOP_LEVEL_KEYS = List.of("web", "device");
  private static final List<String> WEB_KEYS = List.of("listen_address", "metrics_path");
  private static final List<String> DEVICE_KEYS =
      List.of(
          "gateway_address",
          "login_email",
          "login_password",
          "tls_cert_file",
          "retry_interval",
          "retry_timeout");

  private SeedConfigFile() {}

  /**
   * Reads {@code file} into a config serving one {@code powerwall} device under compat naming.
   *
   * @param spec the Powerwall family's defaults (interval, timeout, scheme, port)
   * @throws ConfigException with every problem of the file, each with its key and line; never the
   *     password
   */
  public static ExporterConfig read(Path file, DeviceTypeSpec spec) throws ConfigException {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(
          source,
          List.of(
              new ConfigProblem("", 0, "cannot read config file: " + SecretResolver.reason(e))));
    }
    Problems problems = new Problems();
    Node root = compose(text, problems);
    Optional<YamlMap> top =
        problems.isEmpty() ? YamlMap.read(root, "", 1, problems) : Optional.empty();
    if (top.isEmpty()) {
      throw new ConfigException(source, problems.inFileOrder());
    }
    top.get().rejectUnknownKeys(TOP_LEVEL_KEYS);
    YamlMap web = section(top.get(), "web", problems);
    YamlMap device = section(top.get(), "device", problems);
    web.rejectUnknownKeys(WEB_KEYS);
    device.rejectUnknownKeys(DEVICE_KEYS);
    int deviceLine = top.get().get("device").map(YamlMap.Entry::line).orElse(0);

    Optional<String> gatewayAddress = required(device, "gateway_address", deviceLine, problems);
    Optional<String> password = required(device, "login_password", deviceLine, problems);
    URI address =
        gatewayAddress
            .flatMap(
                given ->
                    checked(
                        device,
                        "gateway_address",
                        problems,
                        () -> DeviceAddress.parse(given, spec.defaultScheme(), spec.defaultPort())))
            .orElse(null);
    Duration retryInterval =
        duration(device, "retry_interval", PowerwallSettings.DEFAULT_RETRY_INTERVAL, problems);
    Duration retryTimeout =
        duration(device, "retry_timeout", PowerwallSettings.DEFAULT_RETRY_TIMEOUT, problems);
    String listenAddress =
        text(web, "listen_address", problems)
            .flatMap(
                given ->
                    checked(
                        web, "listen_address", problems, () -> ListenAddress.requireValid(given)))
            .orElse(DEFAULT_LISTEN_ADDRESS);
    String metricsPath =
        text(web, "metrics_path", problems)
            .flatMap(
                given ->
                    checked(
                        web, "metrics_path", problems, () -> WebConfig.checkTelemetryPath(given)))
            .orElse(WebConfig.DEFAULT_TELEMETRY_PATH);
    Optional<String> email = text(device, "login_email", problems);
    Optional<String> certFile = text(device, "tls_cert_file", problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems.inFileOrder());
    }

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("email", email.orElse(PowerwallSettings.DEFAULT_EMAIL));
    extra.put("password", new Secret(password.orElseThrow()));
    certFile.ifPresent(path -> extra.put("tls_cert_file", resolve(file, path)));
    extra.put("retry_interval", retryInterval);
    extra.put("retry_timeout", retryTimeout);
    Duration interval = spec.defaultInterval();
    Duration staleAfter = interval.multipliedBy(DeviceConfig.DEFAULT_STALE_AFTER_INTERVALS);
    Duration afterRetries = interval.plus(spec.defaultTimeout()).plus(retryTimeout);
    DeviceConfig gateway =
        new DeviceConfig(
            DEVICE_NAME,
            spec.type(),
            address,
            interval,
            spec.defaultTimeout(),
            afterRetries.compareTo(staleAfter) > 0 ? afterRetries : staleAfter,
            NamingStyle.COMPAT,
            extra);
    Path directory = file.toAbsolutePath().getParent();
    return new ExporterConfig(
        new WebConfig(listenAddress, metricsPath),
        LogConfig.defaults(),
        List.of(gateway),
        directory);
  }

  private static Node compose(String text, Problems problems) {
    try {
      return new Yaml().compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      // Only the problem text: the exception's own message quotes the line, which may hold the
      // password.
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add("", mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      problems.add("", 0, "not valid YAML");
    }
    return null;
  }

  /**
   * The section {@code key} of {@code top}; an empty one when absent or (reported) not a mapping.
   */
  private static YamlMap section(YamlMap top, String key, Problems problems) {
    return top.get(key)
        .flatMap(entry -> YamlMap.read(entry.value(), entry.path(), entry.line(), problems))
        .orElseGet(() -> YamlMap.read(null, key, 0, problems).orElseThrow());
  }

  /** A key the Go exporter required, reported with its words when missing or blank. */
  private static Optional<String> required(
      YamlMap device, String key, int deviceLine, Problems problems) {
    Optional<String> value = text(device, key, problems);
    boolean wrongKind =
        device.get(key).filter(e -> !(e.value() instanceof ScalarNode)).isPresent()
            && !YamlMap.isNull(device.get(key).get().value());
    if (value.isEmpty() && !wrongKind) {
      problems.add(
          "",
          device.get(key).map(YamlMap.Entry::line).orElse(deviceLine),
          "Required parameter device." + key + " not specified in config file");
    }
    return value;
  }

  /** The non-blank text of a scalar key; a list or mapping is reported, never its content. */
  private static Optional<String> text(YamlMap map, String key, Problems problems) {
    Optional<YamlMap.Entry> entry = map.get(key);
    if (entry.isEmpty() || YamlMap.isNull(entry.get().value())) {
      return Optional.empty();
    }
    if (!(entry.get().value() instanceof ScalarNode scalar)) {
      map.report(
          entry.get(), "expected a single value, got " + YamlMap.describe(entry.get().value()));
      return Optional.empty();
    }
    return Optional.of(scalar.getValue()).filter(text -> !text.isBlank());
  }

  private static Duration duration(YamlMap map, String key, Duration fallback, Problems problems) {
    return text(map, key, problems)
        .flatMap(given -> checked(map, key, problems, () -> Durations.parse(given.strip())))
        .orElse(fallback);
  }

  /** What {@code parse} gives, or empty after reporting its problem at {@code key}'s line. */
  private static <T> Optional<T> checked(
      YamlMap map, String key, Problems problems, Supplier<T> parse) {
    try {
      return Optional.of(parse.get());
    } catch (IllegalArgumentException e) {
      map.report(map.get(key).orElseThrow(), e.getMessage());
      return Optional.empty();
    }
  }

  private static Path resolve(Path file, String path) {
    Path given = Path.of(path);
    Path directory = file.toAbsolutePath().getParent();
    return given.isAbsolute() || directory == null ? given : directory.resolve(given);
  }
}
