package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ConfigLoader;
import dev.homeenergy.config.ConfigPrinter;
import dev.homeenergy.config.ExporterConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The effective config of the real families, as check-config prints it: intervals within each
 * family's floor, timeouts that follow a short interval, and output that loads back to itself.
 */
class EffectiveConfigTest {
  private static final Map<String, String> ENV = Map.of("PW_PASSWORD", "hunter2");

  @TempDir Path dir;

  private ExporterConfig load(String yaml) throws IOException, ConfigException {
    Path file = Files.createTempFile(dir, "config", ".yml");
    Files.writeString(file, yaml);
    return load(file);
  }

  private static ExporterConfig load(Path file) throws ConfigException {
    Families families = Families.all();
    return new ConfigLoader(families.specs(), families.checks(), ENV::get).load(file);
  }

  static Stream<Arguments> floors() {
    return Stream.of(
        Arguments.of("wallconnector", "address: h", "1s", "999ms", "1s"),
        Arguments.of("powerwall", "{address: h, password: x}", "5s", "4.999s", "5s"),
        Arguments.of("sunpower", "address: h", "30s", "29s", "30s"),
        Arguments.of("tesla", "{client_id: c, client_secret: s}", "1m0s", "59s", "30s"));
  }

  @ParameterizedTest
  @MethodSource("floors")
  void eachFamilyRefusesAnIntervalBelowItsFloorAndAcceptsTheFloorAlone(
      String type, String keys, String floor, String below, String timeoutAtFloor)
      throws Exception {
    String entry = "devices:\n  - {name: d, type: " + type + ", " + strip(keys) + ", interval: ";
    assertThatThrownBy(() -> load(entry + below + "}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "devices[0].interval: interval "
                + below
                + " is below the minimum of "
                + floor
                + " for "
                + type
                + ": ");
    ExporterConfig atFloor = load(entry + floor + "}\n");
    assertThat(atFloor.devices().get(0).timeout()).hasToString(toIso(timeoutAtFloor));
  }

  @ParameterizedTest
  @MethodSource("floors")
  void aUnitTypoIsRefused(String type, String keys) {
    assertThatThrownBy(
            () ->
                load(
                    "devices:\n  - {name: d, type: "
                        + type
                        + ", "
                        + strip(keys)
                        + ", interval: 10ms}\n"))
        .hasMessageContaining("is below the minimum of");
  }

  @ParameterizedTest
  @MethodSource("configs")
  void printedConfigLoadsBackEqualAndPrintsTheSame(String yaml) throws Exception {
    ExporterConfig config = load(yaml.replace("DIR", dir.toString()));
    String printed = ConfigPrinter.toYaml(config);
    ExporterConfig reloaded = load(printed);
    assertThat(reloaded).as(printed).isEqualTo(config);
    assertThat(ConfigPrinter.toYaml(reloaded)).isEqualTo(printed);
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void everyExampleConfigRoundTrips(Path example) throws Exception {
    ExporterConfig config = load(example);
    String printed = ConfigPrinter.toYaml(config);
    assertThat(ConfigPrinter.toYaml(load(printed))).isEqualTo(printed);
  }

  @org.junit.jupiter.api.Test
  void everyFamilyKeyWithADefaultIsPrinted() throws Exception {
    String printed =
        ConfigPrinter.toYaml(
            load(
                """
                devices:
                  - {name: pw, type: powerwall, address: h, password: x}
                  - {name: car, type: tesla, client_id: c, client_secret: s}
                  - {name: pvs, type: sunpower, address: h}
                """));
    assertThat(printed)
        .contains("email: ", "retry_interval: 1s", "retry_timeout: 0s")
        .contains("auth_base: ", "token_base: ", "token_file: ", "redirect_uri: ")
        .contains("budget_dollars: ", "fields: default", "online_interval: ", "wake_on_poll: ")
        .contains("api: auto", "use_tls: false", "use_device_data_timestamp: false");
  }

  @org.junit.jupiter.api.Test
  void aTeslaDevicesAddressIsTheFleetApiItTalksTo() throws Exception {
    ExporterConfig config =
        load(
            """
            devices:
              - {name: proxy, type: tesla, client_id: c, client_secret: s, api_base: "http://127.0.0.1:9443"}
              - {name: eu, type: tesla, client_id: c, client_secret: s, region: eu}
              - {name: na, type: tesla, client_id: c, client_secret: s}
            """);
    assertThat(config.devices().stream().map(d -> d.address()).toList())
        .containsExactly(
            URI.create("http://127.0.0.1:9443"),
            URI.create("https://fleet-api.prd.eu.vn.cloud.tesla.com:443"),
            URI.create("https://fleet-api.prd.na.vn.cloud.tesla.com:443"));
  }

  static Stream<Path> exampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yml")).toList().stream();
    }
  }

  static List<String> configs() {
    return List.of(
        "",
        """
        web:
          listen_address: "[::1]:9100"
          telemetry_path: "/a:b/metrics"
        log: {level: debug, format: json}
        probe: {on_demand: true, idle_after: 1h}
        devices:
          - {name: "yes", type: wallconnector, address: "192.0.2.1:8080", interval: 1s}
          - {name: "on", type: wallconnector, address: "https://[fe80::1]/x/", naming: compat}
          - {name: "null", type: sunpower, address: pvs.lan, interval: 30s, serial: "1e3",
             password_file: DIR/pvs.secret, api: vars, use_tls: true}
          - {name: "1e3", type: powerwall, address: "gw:8443", password_file: DIR/pw.secret,
             email: " padded: #x ", retry_timeout: 1m, retry_interval: 500ms}
          - {name: "0x1F", type: tesla, client_id: "null", client_secret_file: DIR/tesla.secret,
             api_base: "http://127.0.0.1:9443/api", vehicles: "VIN1,yes", energy_sites: [on, "1"],
             max_sleep: 8760h, vehicle_index: 2, budget_dollars: 0.5, token_file: "${x}.json"}
          - {name: eu, type: tesla, client_id: c, client_secret_file: DIR/tesla.secret,
             region: eu, location: true, fields: all}
        """
            .replace("${x}", "$${x}"));
  }

  @org.junit.jupiter.api.BeforeEach
  void secrets() throws IOException {
    Files.writeString(dir.resolve("pvs.secret"), "ABCDE\n");
    Files.writeString(dir.resolve("pw.secret"), "hunter2\n");
    Files.writeString(dir.resolve("tesla.secret"), "s3cret\n");
  }

  private static String strip(String keys) {
    return keys.startsWith("{") ? keys.substring(1, keys.length() - 1) : keys;
  }

  private static String toIso(String goDuration) {
    return Duration.ofSeconds(
            goDuration.equals("1m0s") ? 60 : Long.parseLong(goDuration.replace("s", "")))
        .toString();
  }
}
