package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttConfigTest {
  private final ConfigLoader loader =
      new ConfigLoader(
          TestSpecs.TYPES,
          Map.of("MQTT_PASSWORD", "from-env-s3cret")::get,
          path -> {
            if (path.endsWith("mqtt-password")) {
              return "file-s3cret\n";
            }
            throw new NoSuchFileException(path.toString());
          });

  private String problems(String yaml) {
    try {
      loader.parse(yaml, "test.yml");
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  @Test
  void noOutputsBlockMeansNoMqtt() throws ConfigException {
    assertThat(loader.parse("", "c.yml").mqtt()).isEmpty();
  }

  @Test
  void aBrokerAloneGetsEveryDefault() throws ConfigException {
    MqttConfig mqtt =
        loader.parse("outputs:\n  mqtt:\n    broker: tcp://192.0.2.10\n", "c.yml").mqtt().get();

    assertThat(mqtt)
        .isEqualTo(
            new MqttConfig(
                URI.create("tcp://192.0.2.10:1883"),
                null,
                null,
                "home-energy-exporter",
                null,
                "home-energy",
                true,
                1,
                Duration.ofSeconds(10),
                true,
                "homeassistant"));
  }

  @Test
  void everyKeyIsRead() throws ConfigException {
    MqttConfig mqtt =
        loader
            .parse(
                """
                outputs:
                  mqtt:
                    broker: ssl://mqtt.lan
                    username: exporter
                    password: ${MQTT_PASSWORD}
                    client_id: hee-1
                    topic_prefix: house/energy
                    retain: false
                    qos: 0
                    min_interval: 30s
                    home_assistant:
                      discovery: false
                      prefix: ha
                """,
                "c.yml")
            .mqtt()
            .get();

    assertThat(mqtt.broker()).isEqualTo(URI.create("ssl://mqtt.lan:8883"));
    assertThat(mqtt.username()).isEqualTo("exporter");
    assertThat(mqtt.password().reveal()).isEqualTo("from-env-s3cret");
    assertThat(mqtt.clientId()).isEqualTo("hee-1");
    assertThat(mqtt.topicPrefix()).isEqualTo("house/energy");
    assertThat(mqtt.retain()).isFalse();
    assertThat(mqtt.qos()).isZero();
    assertThat(mqtt.minInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(mqtt.discovery()).isFalse();
    assertThat(mqtt.discoveryPrefix()).isEqualTo("ha");
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    String message =
        problems(
            """
            outputs:
              mqtt:
                broker: mqtt://192.0.2.10
                qos: 5
                min_interval: soon
                topic_prefix: /energy
                retain: yes
                home_assistant:
                  discovery: true
                  prefx: ha
            """);

    assertThat(message)
        .contains(
            "test.yml:3: outputs.mqtt.broker: must start with tcp:// or ssl://",
            "test.yml:4: outputs.mqtt.qos:",
            "test.yml:5: outputs.mqtt.min_interval:",
            "test.yml:6: outputs.mqtt.topic_prefix: must not start or end with /",
            "test.yml:7: outputs.mqtt.retain: expected true or false",
            "test.yml:10: outputs.mqtt.home_assistant.prefx: unknown key \"prefx\"");
  }

  @Test
  void aMissingBrokerIsReported() {
    assertThat(problems("outputs:\n  mqtt:\n    username: x\n"))
        .contains("outputs.mqtt.broker: required");
  }

  @Test
  void aBrokerWithCredentialsIsRefusedWithoutRepeatingThem() {
    String message = problems("outputs:\n  mqtt:\n    broker: tcp://ha:hunter2@mqtt.lan\n");

    assertThat(message).contains("outputs.mqtt.broker: must not hold credentials");
    assertThat(message).doesNotContain("hunter2");
  }

  @Test
  void aDevicesFilterIsRead() throws ConfigException {
    DeviceConfig device =
        loader
            .parse(
                """
                devices:
                  - name: garage
                    type: wallconnector
                    address: 192.0.2.50
                    mqtt:
                      include: [tesla_wall_connector_*]
                      exclude: [tesla_wall_connector_pilot_volts]
                """,
                "c.yml")
            .devices()
            .get(0);

    assertThat(device.mqtt().include()).containsExactly("tesla_wall_connector_*");
    assertThat(device.mqtt().allows("tesla_wall_connector_power_watts", "x")).isTrue();
    assertThat(device.mqtt().allows("tesla_wall_connector_pilot_volts", "x")).isFalse();
    assertThat(device.mqtt().allows("other_power_watts", "other_power_watts")).isFalse();
  }

  @Test
  void aFilterMatchesTheExposedCounterNameToo() {
    MetricFilter filter = new MetricFilter(List.of(), List.of("*_joules_total"));

    assertThat(filter.allows("a_energy_joules", "a_energy_joules_total")).isFalse();
    assertThat(filter.allows("a_power_watts", "a_power_watts")).isTrue();
  }

  @Test
  void thePrinterHidesTheInlinePasswordAndRoundTrips() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            """
            outputs:
              mqtt:
                broker: tcp://192.0.2.10:1884
                username: exporter
                password: ${MQTT_PASSWORD}
            devices:
              - name: garage
                type: wallconnector
                address: 192.0.2.50
                mqtt:
                  exclude: [tesla_wall_connector_pilot_volts]
            """,
            "c.yml");

    String printed = ConfigPrinter.toYaml(config);

    assertThat(printed)
        .contains(
            """
            outputs:
              mqtt:
                broker: tcp://192.0.2.10:1884
                username: exporter
                password: <secret>
                client_id: home-energy-exporter
                topic_prefix: home-energy
                retain: true
                qos: 1
                min_interval: 10s
                home_assistant:
                  discovery: true
                  prefix: homeassistant
            """)
        .contains(
            "    mqtt:\n      include: []\n      exclude:\n        - tesla_wall_connector_pilot_volts\n")
        .doesNotContain("from-env-s3cret");
    ExporterConfig reloaded = loader.parse(printed, "printed.yml");
    assertThat(reloaded.devices()).isEqualTo(config.devices());
    assertThat(reloaded.mqtt().get().broker()).isEqualTo(config.mqtt().get().broker());
  }

  @Test
  void aPasswordFileIsPrintedAsItsPath() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            """
            outputs:
              mqtt:
                broker: tcp://192.0.2.10
                username: exporter
                password_file: mqtt-password
            """,
            "c.yml");

    assertThat(config.mqtt().get().password().reveal()).isEqualTo("file-s3cret");
    assertThat(ConfigPrinter.toYaml(config))
        .contains("password_file: " + Path.of("mqtt-password"))
        .doesNotContain("file-s3cret");
  }
}
