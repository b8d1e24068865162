package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private final ConfigLoader loader =
      new ConfigLoader(
          TestSpecs.TYPES,
          Map.of("HOST", "10.0.0.9")::get,
          path -> {
            throw new NoSuchFileException(path.toString());
          });

  private ExporterConfig parse(String yaml) throws ConfigException {
    return loader.parse(yaml, "test.yml");
  }

  private String problems(String yaml) {
    try {
      loader.parse(yaml, "test.yml");
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  @Test
  void emptyFileGivesDefaults() throws ConfigException {
    ExporterConfig config = parse("");
    assertThat(config.web()).isEqualTo(new WebConfig(":10042", "/metrics"));
    assertThat(config.log()).isEqualTo(new LogConfig("info", "text"));
    assertThat(config.devices()).isEmpty();
  }

  @Test
  void emptyFileEqualsTheDefaultConfig() throws ConfigException {
    assertThat(parse("")).isEqualTo(ExporterConfig.defaults());
  }

  @Test
  void deviceWithDefaultsMatchesALoadedMinimalDevice() throws ConfigException {
    assertThat(parse("devices:\n  - {name: g, type: wallconnector, address: h}\n").devices())
        .containsExactly(
            DeviceConfig.withDefaults(
                "g",
                TestSpecs.WALLCONNECTOR,
                URI.create("http://h:80"),
                NamingStyle.NATIVE,
                Map.of()));
  }

  @Test
  void commentsOnlyAndEmptySectionsGiveDefaults() throws ConfigException {
    assertThat(parse("# nothing here\n")).isEqualTo(parse(""));
    assertThat(parse("web:\nlog:\ndevices:\n")).isEqualTo(parse(""));
    assertThat(parse("devices: []\n").devices()).isEmpty();
  }

  @Test
  void readsEverySetting() throws ConfigException {
    ExporterConfig config =
        parse(
            """
            web:
              listen_address: "127.0.0.1:9100"
              telemetry_path: /exporter-metrics
              config_file: web-config.yml
              health_requires_auth: true
            log:
              level: debug
              format: json
            probe:
              on_demand: true
              idle_after: 30m
            devices:
              - name: garage
                type: wallconnector
                address: 192.168.1.50
                interval: 15s
                timeout: 3s
                stale_after: 2m
                naming: compat
            """);
    assertThat(config.web())
        .isEqualTo(
            new WebConfig(
                "127.0.0.1:9100",
                "/exporter-metrics",
                java.nio.file.Path.of("web-config.yml"),
                true));
    assertThat(config.probe()).isEqualTo(new ProbeConfig(true, java.time.Duration.ofMinutes(30)));
    assertThat(config.log()).isEqualTo(new LogConfig("debug", "json"));
    assertThat(config.devices())
        .containsExactly(
            new DeviceConfig(
                "garage",
                "wallconnector",
                URI.create("http://192.168.1.50:80"),
                Duration.ofSeconds(15),
                Duration.ofSeconds(3),
                Duration.ofMinutes(2),
                NamingStyle.COMPAT,
                Map.of()));
  }

  @Test
  void appliesDeviceDefaultsFromTheSpec() throws ConfigException {
    ExporterConfig config =
        parse(
            """
            devices:
              - name: garage
                type: wallconnector
                address: 192.168.1.50
              - name: slow
                type: wallconnector
                address: 192.168.1.51
                interval: 1m
            """);
    assertThat(config.devices().get(0))
        .isEqualTo(
            new DeviceConfig(
                "garage",
                "wallconnector",
                URI.create("http://192.168.1.50:80"),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(50),
                NamingStyle.NATIVE,
                Map.of()));
    assertThat(config.devices().get(1).staleAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.devices().get(1).timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void expandsEnvironmentVariablesInValues() throws ConfigException {
    ExporterConfig config =
        parse(
            """
            devices:
              - name: garage
                type: wallconnector
                address: "http://${HOST}:8080/base"
            """);
    assertThat(config.devices().get(0).address())
        .isEqualTo(URI.create("http://10.0.0.9:8080/base"));
  }

  @Test
  void doubleDollarKeepsALiteralReference() throws ConfigException {
    assertThat(parse("web:\n  telemetry_path: /m$${HOST}\n").web().telemetryPath())
        .isEqualTo("/m${HOST}");
  }

  @Test
  void reportsUnsetEnvironmentVariable() {
    assertThat(problems("web:\n  listen_address: \":${PORT}\"\n"))
        .isEqualTo("test.yml:2: web.listen_address: environment variable \"PORT\" is not set");
  }

  @Test
  void reportsMalformedReferences() {
    assertThat(problems("log:\n  level: ${LEVEL\n  format: ${1X}\n"))
        .isEqualTo(
            """
            test.yml:2: log.level: "${" without a closing "}"
            test.yml:3: log.format: invalid environment variable reference: a name inside ${...} \
            may contain only letters, digits and _ and must not start with a digit""");
  }

  @Test
  void reportsYamlSyntaxErrorWithLine() {
    assertThat(problems("web:\n  listen_address: \":1\"\n  telemetry_path: [/metrics\n"))
        .startsWith("test.yml:4: invalid YAML near key \"telemetry_path\": ");
    assertThat(problems("log:\n  level: info\n format: json\n"))
        .isEqualTo(
            "test.yml:3: invalid YAML near key \"format\": expected <block end>, but found '<block mapping start>'");
  }

  @Test
  void syntaxErrorsDoNotQuoteTheOffendingLine() {
    String message = problems("devices:\n  - name: a\n    password: hunter2: x\n");
    assertThat(message)
        .isEqualTo(
            "test.yml:3: invalid YAML near key \"password\": mapping values are not allowed here");
  }

  @Test
  void syntaxErrorsNameOnlyKnownKeys() {
    assertThat(problems("devices:\n  - name: a\n    hunter2: x: y\n"))
        .isEqualTo("test.yml:3: invalid YAML: mapping values are not allowed here");
    assertThat(problems("devices:\n  - name: a\n\taddress: h\n"))
        .startsWith("test.yml:3: invalid YAML near key \"address\": found character");
  }

  @Test
  void rejectsMoreThanOneDocument() {
    assertThat(problems("log:\n  level: info\n---\nlog:\n  level: warn\n"))
        .isEqualTo(
            "test.yml:3: invalid YAML: expected a single document in the stream but found another document");
  }

  @Test
  void reportsWrongNodeKinds() {
    assertThat(
            problems(
                """
                web:
                  - listen_address: ":1"
                log: debug
                devices:
                  name: garage
                """))
        .isEqualTo(
            """
            test.yml:1: web: expected a mapping (key: value lines), got a list
            test.yml:3: log: expected a mapping (key: value lines), got a single value
            test.yml:4: devices: expected a list of devices (lines starting with "- "), got a mapping""");
  }

  @Test
  void reportsTopLevelListAndScalar() {
    assertThat(problems("- a\n- b\n"))
        .isEqualTo("test.yml:1: expected a mapping (key: value lines), got a list");
    assertThat(problems("just text\n"))
        .isEqualTo("test.yml:1: expected a mapping (key: value lines), got a single value");
  }

  @Test
  void reportsValuesThatAreNotScalars() {
    assertThat(problems("log:\n  level: [debug]\n  format:\n"))
        .isEqualTo(
            """
            test.yml:2: log.level: expected a single value, got a list
            test.yml:3: log.format: expected a single value, got nothing""");
  }

  @Test
  void reportsUnknownKeysWithSuggestions() {
    assertThat(
            problems(
                """
                web:
                  listen_adress: ":1"
                  tls: true
                logs:
                  level: info
                device:
                  - name: garage
                """))
        .isEqualTo(
            """
            test.yml:2: web.listen_adress: unknown key "listen_adress" (did you mean "listen_address"?)
            test.yml:3: web.tls: unknown key "tls"
            test.yml:4: logs: unknown key "logs" (did you mean "log"?)
            test.yml:6: device: unknown key "device" (did you mean "devices"?)""");
  }

  @Test
  void reportsDuplicateKeys() {
    assertThat(problems("log:\n  level: info\n  level: debug\nlog:\n  format: json\n"))
        .isEqualTo(
            """
            test.yml:3: log.level: duplicate key (first defined at line 2)
            test.yml:4: log: duplicate key (first defined at line 1)""");
  }

  @Test
  void reportsInvalidWebAndLogValues() {
    assertThat(
            problems(
                """
                web:
                  listen_address: localhost
                  telemetry_path: metrics
                log:
                  level: verbose
                  format: JSON
                """))
        .isEqualTo(
            """
            test.yml:2: web.listen_address: invalid listen address "localhost": missing port; expected host:port or :port
            test.yml:3: web.telemetry_path: telemetry path "metrics" must start with /
            test.yml:5: log.level: invalid log level "verbose"; expected one of: debug, info, warn, error
            test.yml:6: log.format: invalid log format "JSON"; expected one of: text, logfmt, json""");
  }

  @Test
  void collectsProblemsFromAllSectionsInFileOrder() {
    ConfigException e =
        catchConfigException(
            """
            log:
              level: loud
            devices:
              - name: garage
                type: wallconnector
                address: 192.168.1.50
                interval: 10
              - name: garage
                type: wallconnector
                address: 192.168.1.51
            web:
              telemetry_path: x
            """);
    assertThat(e.source()).isEqualTo("test.yml");
    assertThat(e.problems())
        .containsExactly(
            new ConfigProblem(
                "log.level",
                2,
                "invalid log level \"loud\"; expected one of: debug, info, warn, error"),
            new ConfigProblem(
                "devices[0].interval",
                7,
                "expected a duration like 10s, 500ms or 1m30s, got \"10\""),
            new ConfigProblem(
                "devices[1].name", 8, "duplicate device name \"garage\" (first used at line 4)"),
            new ConfigProblem("web.telemetry_path", 12, "telemetry path \"x\" must start with /"));
  }

  @Test
  void loadReportsAnUnreadableConfigFile() {
    assertThatThrownBy(() -> loader.load(Path.of("/etc/missing.yml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("/etc/missing.yml: cannot read config file: no such file");
  }

  @Test
  void loadReadsThroughTheFileReader() throws ConfigException {
    ConfigLoader fromMemory =
        new ConfigLoader(TestSpecs.TYPES, name -> null, path -> "log:\n  level: warn\n");
    assertThat(fromMemory.load(Path.of("x.yml")).log().level()).isEqualTo("warn");
  }

  @Test
  void problemFormatLeavesOutAbsentParts() {
    assertThat(new ConfigProblem("", 0, "boom").format("a.yml")).isEqualTo("a.yml: boom");
    assertThat(new ConfigProblem("web", 3, "boom").format("a.yml")).isEqualTo("a.yml:3: web: boom");
    assertThat(new ConfigException("a.yml", List.of(new ConfigProblem("k", 1, "m"))).getMessage())
        .isEqualTo("a.yml:1: k: m");
  }

  private ConfigException catchConfigException(String yaml) {
    try {
      loader.parse(yaml, "test.yml");
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected the config to be rejected");
  }
}
