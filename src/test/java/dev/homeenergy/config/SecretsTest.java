package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  private static final String PASSWORD = "hunter2-Sup3r";

  private final Map<String, String> env =
      Map.of("PVS_PASSWORD", PASSWORD, "SECRETS", "/run/secrets");
  private final Map<Path, String> files =
      Map.of(
          Path.of("/run/secrets/pvs"), PASSWORD + "\n",
          Path.of("/run/secrets/crlf"), PASSWORD + "\r\n\n",
          Path.of("/etc/hee/relative.txt"), PASSWORD);
  private final ConfigLoader loader = new ConfigLoader(TestSpecs.TYPES, env::get, this::readFake);

  private String readFake(Path path) throws IOException {
    if (path.equals(Path.of("/run/secrets/locked"))) {
      throw new AccessDeniedException(path.toString());
    }
    String content = files.get(path);
    if (content == null) {
      throw new NoSuchFileException(path.toString());
    }
    return content;
  }

  private static String fakeDevice(String extraLines) {
    return "devices:\n  - name: pvs\n    type: fake\n    address: pvs.lan\n" + extraLines;
  }

  private Object password(String yaml) throws ConfigException {
    return loader.parse(yaml, "cfg.yml").devices().get(0).extra().get("password");
  }

  private String problems(String yaml) {
    try {
      loader.parse(yaml, "cfg.yml");
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  @Test
  void readsASecretGivenDirectly() throws ConfigException {
    Object secret = password(fakeDevice("    password: " + PASSWORD + "\n"));
    assertThat(secret).isInstanceOf(Secret.class).isEqualTo(new Secret(PASSWORD));
    assertThat(secret.toString()).isEqualTo("<secret>");
  }

  @Test
  void readsASecretFromTheEnvironment() throws ConfigException {
    assertThat(password(fakeDevice("    password: ${PVS_PASSWORD}\n")))
        .isEqualTo(new Secret(PASSWORD));
  }

  @Test
  void readsASecretFileStrippingTrailingNewlines() throws ConfigException {
    assertThat(password(fakeDevice("    password_file: /run/secrets/pvs\n")))
        .isEqualTo(new Secret(PASSWORD));
    assertThat(password(fakeDevice("    password_file: ${SECRETS}/crlf\n")))
        .isEqualTo(new Secret(PASSWORD));
  }

  @Test
  void resolvesRelativeSecretFilesAgainstTheConfigDirectory() throws ConfigException {
    ConfigLoader fromConfigDir =
        new ConfigLoader(
            TestSpecs.TYPES,
            env::get,
            path ->
                path.equals(Path.of("/etc/hee/config.yml"))
                    ? fakeDevice("    password_file: relative.txt\n")
                    : readFake(path));
    assertThat(fromConfigDir.load(Path.of("/etc/hee/config.yml")).devices().get(0).extra())
        .containsEntry("password", new Secret(PASSWORD));
  }

  @Test
  void readsRealFiles(@TempDir Path dir) throws IOException, ConfigException {
    Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    Path config = dir.resolve("config.yml");
    Files.writeString(config, fakeDevice("    password_file: password\n"));
    assertThat(new ConfigLoader(TestSpecs.TYPES, env::get).load(config).devices().get(0).extra())
        .isEqualTo(Map.of("password", new Secret(PASSWORD)));
  }

  @Test
  void reportsUnreadableSecretFiles() {
    assertThat(
            problems(
                """
                devices:
                  - name: a
                    type: fake
                    address: h
                    password_file: /run/secrets/missing
                  - name: b
                    type: fake
                    address: h
                    password_file: /run/secrets/locked
                """))
        .isEqualTo(
            """
            cfg.yml:5: devices[0].password_file: cannot read "/run/secrets/missing": no such file
            cfg.yml:9: devices[1].password_file: cannot read "/run/secrets/locked": permission denied""");
  }

  @Test
  void reportsUnsetVariableInASecret() {
    assertThat(problems(fakeDevice("    password: ${PVS_PASSWROD}\n")))
        .isEqualTo(
            "cfg.yml:5: devices[0].password: environment variable \"PVS_PASSWROD\" is not set");
  }

  @Test
  void reportsBothFormsAtTheLaterOne() {
    assertThat(
            problems(
                fakeDevice(
                    "    password_file: /run/secrets/pvs\n    password: " + PASSWORD + "\n")))
        .isEqualTo(
            "cfg.yml:6: devices[0].password: \"password\" and \"password_file\" are both set;"
                + " use only one");
  }

  @Test
  void secretsNeverAppearInProblems() {
    String message =
        problems(
            """
            devices:
              - name: a
                type: fake
                address: h
                password: hunter2-Sup3r
                interval: soon
              - name: a
                type: fake
                address: h
                password: [hunter2-Sup3r]
                username: {x: hunter2-Sup3r}
              - name: c
                type: fake
                address: h
                password: ${hunter2-Sup3r}
            """);
    assertThat(message).doesNotContain(PASSWORD);
    assertThat(message)
        .isEqualTo(
            """
            cfg.yml:6: devices[0].interval: expected a duration like 10s, 500ms or 1m30s, got "soon"
            cfg.yml:7: devices[1].name: duplicate device name "a" (first used at line 2)
            cfg.yml:10: devices[1].password: expected a single value, got a list
            cfg.yml:11: devices[1].username: expected a single value, got a mapping
            cfg.yml:15: devices[2].password: invalid environment variable reference: a name inside ${...} may contain only letters, digits and _ and must not start with a digit""");
  }

  @Test
  void printerRedactsSecrets() throws ConfigException {
    ExporterConfig config =
        loader.parse(fakeDevice("    username: admin\n    password_file: /run/secrets/pvs\n"), "c");
    String yaml = ConfigPrinter.toYaml(config);
    assertThat(yaml)
        .contains("password_file: /run/secrets/pvs")
        .contains("username: admin")
        .doesNotContain(PASSWORD);
    assertThat(loader.parse(yaml, "printed")).isEqualTo(config);
  }

  @Test
  void printerRedactsASecretGivenInTheFileOrTheEnvironment() throws ConfigException {
    ExporterConfig config = loader.parse(fakeDevice("    password: " + PASSWORD + "\n"), "c");
    String yaml = ConfigPrinter.toYaml(config);
    assertThat(yaml).contains("password: <secret>").doesNotContain(PASSWORD);
    assertThat(ConfigPrinter.toYaml(loader.parse(yaml, "printed"))).isEqualTo(yaml);
  }
}
