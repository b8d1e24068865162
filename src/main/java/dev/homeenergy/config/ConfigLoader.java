package dev.homeenergy.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads the YAML config file into an {@link ExporterConfig} with every default applied, or reports
 * every problem it finds at once in a {@link ConfigException}.
 *
 * <p>SnakeYAML composes the node tree (for line numbers); this class and its helpers walk it.
 * Environment variables and secret files are reached only through the injected functions.
 */
public final class ConfigLoader {
  private static final List<String> TOP_LEVEL_KEYS =
      List.of("web", "log", "probe", "state_dir", "outputs", "devices");
  private static final List<String> WEB_KEYS =
      List.of("listen_address", "telemetry_path", "config_file", "health_requires_auth");
  private static final List<String> PROBE_KEYS = List.of("on_demand", "idle_after");
  private static final List<String> LOG_KEYS = List.of("level", "format");
  private static final int MAX_ALIASES = 50;

  private final Map<String, DeviceTypeSpec> types;
  private final DeviceCheck check;
  private final Function<String, String> env;
  private final TextFileReader files;

  /**
   * @param types the known device types by {@link DeviceTypeSpec#type()}
   * @param check the families' own check of each device entry whose keys all parsed
   * @param env looks up environment variables for {@code ${NAME}}; null means unset
   * @param files reads the config file and {@code <key>_file} secrets
   */
  public ConfigLoader(
      Map<String, DeviceTypeSpec> types,
      DeviceCheck check,
      Function<String, String> env,
      TextFileReader files) {
    this.types = Map.copyOf(types);
    this.check = check;
    this.env = env;
    this.files = files;
  }

  /** A loader without family checks. */
  public ConfigLoader(
      Map<String, DeviceTypeSpec> types, Function<String, String> env, TextFileReader files) {
    this(types, DeviceCheck.NONE, env, files);
  }

  /** A loader reading real files as UTF-8. */
  public ConfigLoader(
      Map<String, DeviceTypeSpec> types, DeviceCheck check, Function<String, String> env) {
    this(types, check, env, Files::readString);
  }

  /** A loader without family checks, reading real files as UTF-8. */
  public ConfigLoader(Map<String, DeviceTypeSpec> types, Function<String, String> env) {
    this(types, DeviceCheck.NONE, env);
  }

  /** A loader using the process environment and real files. */
  public static ConfigLoader withSystemEnvironment(Map<String, DeviceTypeSpec> types) {
    return new ConfigLoader(types, System::getenv);
  }

  /** A loader with the families' checks, using the process environment and real files. */
  public static ConfigLoader withSystemEnvironment(
      Map<String, DeviceTypeSpec> types, DeviceCheck check) {
    return new ConfigLoader(types, check, System::getenv);
  }

  /**
   * Loads a config file; relative {@code <key>_file} paths and {@code state_dir} are resolved
   * against its directory, which is also the state directory when neither {@code state_dir} nor
   * {@code $STATE_DIRECTORY} names one.
   *
   * @throws ConfigException when the file cannot be read or is invalid
   */
  public ExporterConfig load(Path file) throws ConfigException {
    String source = file.toString();
    String text;
    try {
      text = files.read(file);
    } catch (IOException | RuntimeException e) {
      String message = "cannot read config file: " + SecretResolver.reason(e);
      throw new ConfigException(source, List.of(new ConfigProblem("", 0, message)));
    }
    Path directory = file.toAbsolutePath().getParent();
    return parse(text, source, directory == null ? Path.of("") : directory, directory);
  }

  /**
   * Parses config text; relative {@code <key>_file} paths are resolved against the working
   * directory. Without {@code state_dir} or {@code $STATE_DIRECTORY} nothing is persisted.
   *
   * @param sourceName names the text in problem messages, usually the file name
   * @throws ConfigException when the text is invalid
   */
  public ExporterConfig parse(String yamlText, String sourceName) throws ConfigException {
    return parse(yamlText, sourceName, Path.of(""), null);
  }

  private ExporterConfig parse(
      String yamlText, String source, Path baseDirectory, Path fileDirectory)
      throws ConfigException {
    Problems problems = new Problems();
    Optional<Node> root = compose(yamlText, knownKeys(), problems);
    ValueReader values = new ValueReader(new EnvExpander(env), problems);
    SecretResolver secrets = new SecretResolver(files, baseDirectory, values, problems);
    FamilyKeyReader familyKeys = new FamilyKeyReader(values, secrets, baseDirectory);
    DeviceParser deviceParser = new DeviceParser(types, values, familyKeys, check, problems);

    WebConfig web = WebConfig.defaults();
    LogConfig log = LogConfig.defaults();
    ProbeConfig probe = ProbeConfig.defaults();
    Optional<MqttConfig> mqtt = Optional.empty();
    Path stateDirectory = ExporterConfig.defaultStateDirectory(env, fileDirectory);
    List<DeviceEntry> devices = new ArrayList<>();
    Optional<YamlMap> rootMap =
        problems.isEmpty()
            ? YamlMap.read(root.orElse(null), "", root.map(Problems::line).orElse(1), problems)
            : Optional.empty();
    if (rootMap.isPresent()) {
      YamlMap map = rootMap.get();
      map.rejectUnknownKeys(TOP_LEVEL_KEYS);
      web =
          section(map, "web", problems)
              .map(section -> web(section, values, baseDirectory))
              .orElse(web);
      probe = section(map, "probe", problems).map(section -> probe(section, values)).orElse(probe);
      log = section(map, "log", problems).map(section -> log(section, values)).orElse(log);
      Optional<String> stateDir = setting(map, "state_dir", values, ConfigLoader::nonBlank);
      if (stateDir.isPresent()) {
        stateDirectory = baseDirectory.resolve(stateDir.get()).toAbsolutePath();
      }
      Optional<YamlMap.Entry> outputs = map.get("outputs");
      if (outputs.isPresent()) {
        mqtt = new MqttConfigReader(familyKeys, values, problems).outputs(outputs.get());
      }
      map.get("devices").ifPresent(entry -> devices.addAll(devices(entry, deviceParser, problems)));
      DeviceSetCheck.check(devices, problems);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems.inFileOrder());
    }
    return new ExporterConfig(
        web, log, devices.stream().map(DeviceEntry::config).toList(), stateDirectory, probe, mqtt);
  }

  private static Optional<Node> compose(String yamlText, Set<String> knownKeys, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    try {
      return Optional.ofNullable(new Yaml(options).compose(new StringReader(yamlText)));
    } catch (MarkedYAMLException e) {
      // Only the problem text: the exception's own message quotes the offending line, which may
      // hold a secret.
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem();
      if (problem.startsWith("but ") && e.getContext() != null) {
        problem = e.getContext() + " " + problem;
      }
      String near =
          KeyNearLine.find(yamlText, mark, e.getContextMark(), knownKeys)
              .map(key -> " near key \"" + key + "\"")
              .orElse("");
      problems.add(
          "", mark == null ? 0 : mark.getLine() + 1, "invalid YAML" + near + ": " + problem);
    } catch (YAMLException e) {
      problems.add("", 0, "invalid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** Every key name a config file may hold. */
  private Set<String> knownKeys() {
    Set<String> known = new HashSet<>(TOP_LEVEL_KEYS);
    known.addAll(WEB_KEYS);
    known.addAll(LOG_KEYS);
    known.addAll(DeviceParser.COMMON_KEYS);
    known.addAll(MqttConfigReader.OUTPUTS_KEYS);
    known.addAll(MqttConfigReader.MQTT_KEYS);
    known.addAll(MqttConfigReader.HOME_ASSISTANT_KEYS);
    known.addAll(MqttConfigReader.FILTER_KEYS);
    types.values().forEach(spec -> known.addAll(DeviceParser.allowedKeys(spec)));
    return known;
  }

  private static Optional<YamlMap> section(YamlMap root, String key, Problems problems) {
    return root.get(key)
        .flatMap(entry -> YamlMap.read(entry.value(), entry.path(), entry.line(), problems));
  }

  private static WebConfig web(YamlMap map, ValueReader values, Path baseDirectory) {
    map.rejectUnknownKeys(WEB_KEYS);
    String listenAddress =
        setting(map, "listen_address", values, ListenAddress::check)
            .orElse(WebConfig.DEFAULT_LISTEN_ADDRESS);
    String telemetryPath =
        setting(map, "telemetry_path", values, WebConfig::checkTelemetryPath)
            .orElse(WebConfig.DEFAULT_TELEMETRY_PATH);
    Path securityFile =
        setting(map, "config_file", values, text -> text)
            .map(text -> baseDirectory.resolve(text))
            .orElse(null);
    boolean healthRequiresAuth = flag(map, "health_requires_auth", values).orElse(false);
    return new WebConfig(listenAddress, telemetryPath, securityFile, healthRequiresAuth);
  }

  private static ProbeConfig probe(YamlMap map, ValueReader values) {
    map.rejectUnknownKeys(PROBE_KEYS);
    boolean onDemand = flag(map, "on_demand", values).orElse(false);
    java.time.Duration idleAfter =
        setting(map, "idle_after", values, ConfigLoader::positiveDuration)
            .map(Durations::parse)
            .orElse(ProbeConfig.DEFAULT_IDLE_AFTER);
    return new ProbeConfig(onDemand, idleAfter);
  }

  private static String nonBlank(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must name a directory, got an empty value");
    }
    return text;
  }

  private static java.time.Duration positiveDuration(String text) {
    java.time.Duration duration = Durations.parseSetting(text);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("must be greater than 0s, got " + text);
    }
    return duration;
  }

  /** A true/false setting, read like a family's flag keys. */
  private static Optional<Boolean> flag(YamlMap map, String key, ValueReader values) {
    return map.get(key).flatMap(values::flag);
  }

  private static LogConfig log(YamlMap map, ValueReader values) {
    map.rejectUnknownKeys(LOG_KEYS);
    LogConfig defaults = LogConfig.defaults();
    String level = setting(map, "level", values, LogConfig::checkLevel).orElse(defaults.level());
    String format =
        setting(map, "format", values, LogConfig::checkFormat).orElse(defaults.format());
    return new LogConfig(level, format);
  }

  /** The text of {@code key} after {@code check} accepted it; empty when absent or invalid. */
  private static Optional<String> setting(
      YamlMap map, String key, ValueReader values, Function<String, ?> check) {
    Optional<YamlMap.Entry> entry = map.get(key);
    Optional<String> text = entry.flatMap(values::text);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      check.apply(text.get());
      return text;
    } catch (IllegalArgumentException e) {
      map.report(entry.get(), e.getMessage());
      return Optional.empty();
    }
  }

  private static List<DeviceEntry> devices(
      YamlMap.Entry entry, DeviceParser parser, Problems problems) {
    Node value = entry.value();
    if (YamlMap.isNull(value)) {
      return List.of();
    }
    if (!(value instanceof SequenceNode list)) {
      problems.add(
          entry.path(),
          entry.line(),
          "expected a list of devices (lines starting with \"- \"), got "
              + YamlMap.describe(value));
      return List.of();
    }
    List<DeviceEntry> devices = new ArrayList<>();
    for (int i = 0; i < list.getValue().size(); i++) {
      devices.add(parser.parse(list.getValue().get(i), entry.path() + "[" + i + "]"));
    }
    return devices;
  }
}
