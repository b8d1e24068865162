package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code state_dir}: where the exporter keeps the files it writes, and its defaults. */
class StateDirConfigTest {
  private static final Path CONFIG = Path.of("/etc/home-energy-exporter/home-energy-exporter.yml");

  private static ExporterConfig load(String yaml, Map<String, String> env) throws ConfigException {
    return new ConfigLoader(TestSpecs.TYPES, env::get, path -> yaml).load(CONFIG);
  }

  @Test
  void withoutStateDirOrSystemdItIsTheConfigFilesDirectory() throws ConfigException {
    assertThat(load("", Map.of()).stateDirectory()).isEqualTo(Path.of("/etc/home-energy-exporter"));
  }

  @Test
  void underSystemdItIsTheFirstStateDirectory() throws ConfigException {
    assertThat(load("", Map.of("STATE_DIRECTORY", "/var/lib/a:/var/lib/b")).stateDirectory())
        .isEqualTo(Path.of("/var/lib/a"));
    assertThat(
            new ConfigLoader(TestSpecs.TYPES, Map.of("STATE_DIRECTORY", "/state")::get)
                .parse("", "inline")
                .stateDirectory())
        .isEqualTo(Path.of("/state"));
  }

  @Test
  void stateDirWinsAndARelativeOneIsBesideTheConfig() throws ConfigException {
    Map<String, String> systemd = Map.of("STATE_DIRECTORY", "/var/lib/home-energy-exporter");
    assertThat(load("state_dir: /srv/exporter\n", systemd).stateDirectory())
        .isEqualTo(Path.of("/srv/exporter"));
    assertThat(load("state_dir: state\n", systemd).stateDirectory())
        .isEqualTo(Path.of("/etc/home-energy-exporter/state"));
    assertThat(load("state_dir: ${DIR}\n", Map.of("DIR", "/data")).stateDirectory())
        .isEqualTo(Path.of("/data"));
  }

  @Test
  void anEmptyStateDirIsRefusedWithItsLine() {
    assertThatThrownBy(() -> load("log:\n  level: info\nstate_dir: \"\"\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(":3: state_dir: must name a directory");
  }

  @Test
  void theEffectiveConfigPrintsItAndLoadsBackTheSame() throws ConfigException {
    ExporterConfig config = load("state_dir: state\n", Map.of());
    String printed = ConfigPrinter.toYaml(config);
    assertThat(printed).contains("state_dir: /etc/home-energy-exporter/state");
    assertThat(load(printed, Map.of())).isEqualTo(config);
  }
}
