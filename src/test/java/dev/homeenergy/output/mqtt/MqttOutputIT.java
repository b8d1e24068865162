package dev.homeenergy.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeenergy.app.Demo;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.MqttConfig;
import dev.homeenergy.config.Secret;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.LogCapture;
import dev.homeenergy.testing.Mosquitto;
import dev.homeenergy.testing.MqttRecorder;
import dev.homeenergy.testing.TcpRelay;
import dev.homeenergy.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT output against a real broker (Debian's mosquitto, started on a free loopback port) and
 * the families' simulators: discovery and state of every family, availability and the last will,
 * retained messages after a broker restart, refused credentials and TLS with a CA file.
 */
class MqttOutputIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String PREFIX = "home-energy";

  @TempDir Path directory;

  private static MqttConfig mqtt(URI broker) {
    return MqttConfig.withDefaults(broker);
  }

  private static MqttConfig fast(MqttConfig config) {
    return new MqttConfig(
        config.broker(),
        config.username(),
        config.password(),
        config.clientId(),
        config.tlsCaFile(),
        config.topicPrefix(),
        config.retain(),
        config.qos(),
        Duration.ZERO,
        config.discovery(),
        config.discoveryPrefix());
  }

  private static Families wallConnectorOnly() {
    return new Families(List.of(Families.all().byType("wallconnector").orElseThrow()));
  }

  private record Running(Demo demo, Exporter exporter) implements AutoCloseable {
    String metrics() {
      return Http.get(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics")).body();
    }

    @Override
    public void close() {
      exporter.close();
      demo.close();
    }
  }

  private static Running start(Families families, MqttConfig mqtt) throws IOException {
    Demo demo =
        Demo.start(
            families,
            new WebConfig("127.0.0.1:0", "/metrics"),
            LogConfig.defaults(),
            Clock.systemUTC());
    try {
      Exporter exporter =
          Exporter.start(
              demo.config().withMqtt(Optional.of(mqtt)), families.devices(), Clock.systemUTC());
      return new Running(demo, exporter);
    } catch (IOException | RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  private static JsonNode json(String text) throws IOException {
    return Discovery.JSON.readTree(text);
  }

  private static List<JsonNode> configsOf(MqttRecorder recorder, String device) throws IOException {
    List<JsonNode> configs = new ArrayList<>();
    for (MqttRecorder.Message message : recorder.received()) {
      if (message.topic().startsWith("homeassistant/")
          && message.topic().contains("/" + DeviceView.slug(device) + "/")
          && message.topic().endsWith("/config")
          && !message.payload().isEmpty()) {
        configs.add(json(message.payload()));
      }
    }
    return configs;
  }

  @Test
  void everyFamilyIsDiscoveredWithItsStateInHomeAssistantUnits() throws Exception {
    try (Mosquitto broker = Mosquitto.start(directory);
        MqttRecorder recorder = MqttRecorder.subscribe(broker.uri());
        Running running = start(Families.all(), mqtt(broker.uri()))) {
      assertThat(recorder.awaitLatest(PREFIX + "/status", m -> true).payload()).isEqualTo("online");
      for (Demo.Running device : running.demo().simulators()) {
        String name = device.device().name();
        if (device.device().scenario().equals("flaky")) {
          continue;
        }
        recorder.awaitLatest(
            PREFIX + "/" + name + "/availability", m -> m.payload().equals("online"));
        recorder.awaitLatest(PREFIX + "/" + name + "/state", m -> true);
        String type = device.family().device().type();
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> checkDevice(recorder, name, type));
      }
    }
  }

  /** One device's discovery and state as Home Assistant needs them, for every family. */
  private static void checkDevice(MqttRecorder recorder, String name, String type)
      throws IOException {
    JsonNode state = json(recorder.latest(PREFIX + "/" + name + "/state").orElseThrow().payload());
    List<JsonNode> configs = configsOf(recorder, name);
    assertThat(configs).isNotEmpty();
    for (JsonNode config : configs) {
      String key =
          config.get("value_template").asText().replaceAll(".*value_json\\.(\\w+).*", "$1");
      assertThat(config.get("state_topic").asText()).isEqualTo(PREFIX + "/" + name + "/state");
      assertThat(config.get("unique_id").asText()).startsWith("hee_");
      assertThat(config.at("/origin/name").asText()).isEqualTo("home-energy-exporter");
      assertThat(config.at("/device/identifiers/0").asText()).startsWith("hee_");
      assertThat(state.has(key)).as("state of %s has %s", name, key).isTrue();
      if ("energy".equals(config.path("device_class").asText())) {
        assertThat(config.get("unit_of_measurement").asText()).isEqualTo("kWh");
        assertThat(config.get("state_class").asText()).isIn("total_increasing", "total");
        assertThat(state.get(key).isNumber()).isTrue();
      }
      if ("power".equals(config.path("device_class").asText())) {
        assertThat(config.get("unit_of_measurement").asText()).isEqualTo("W");
      }
      if ("battery".equals(config.path("device_class").asText())) {
        assertThat(config.get("unit_of_measurement").asText()).isEqualTo("%");
        assertThat(state.get(key).asDouble()).isBetween(0.0, 100.0);
      }
    }
    if (type.equals("sunpower")) {
      assertThat(configs)
          .as("inverters are their own devices, linked to the PVS")
          .anyMatch(
              c ->
                  c.at("/device/via_device").asText().equals(DeviceView.deviceId(name))
                      && c.path("device_class").asText().equals("energy"));
    }
    if (type.equals("wallconnector")) {
      assertThat(configs)
          .anyMatch(
              c ->
                  c.path("device_class").asText().equals("energy")
                      && c.path("state_class").asText().equals("total_increasing"));
    }
    if (type.equals("powerwall")) {
      assertThat(configs).anyMatch(c -> c.path("device_class").asText().equals("battery"));
    }
  }

  @Test
  void theLastWillSaysOfflineWhenTheConnectionBreaksAndACleanStopSaysItToo() throws Exception {
    try (Mosquitto broker = Mosquitto.start(directory);
        TcpRelay relay = TcpRelay.to(broker.port());
        MqttRecorder recorder = MqttRecorder.subscribe(broker.uri())) {
      Running running =
          start(wallConnectorOnly(), mqtt(URI.create("tcp://127.0.0.1:" + relay.port())));
      try {
        recorder.awaitLatest(PREFIX + "/status", m -> m.payload().equals("online"));
        recorder.awaitLatest(PREFIX + "/garage/availability", m -> m.payload().equals("online"));

        relay.cut();

        recorder.awaitLatest(PREFIX + "/status", m -> m.payload().equals("offline"));
        recorder.awaitLatest(PREFIX + "/status", m -> m.payload().equals("online"));
      } finally {
        running.close();
      }
      MqttRecorder.Message retained;
      try (MqttRecorder later = MqttRecorder.subscribe(broker.uri())) {
        retained = later.awaitLatest(PREFIX + "/status", m -> true);
      }
      assertThat(retained.payload()).isEqualTo("offline");
      assertThat(retained.retained()).isTrue();
    }
  }

  @Test
  void aBrokerRestartedMidRunGetsItsRetainedMessagesBackAndTheExporterKeepsServing()
      throws Exception {
    try (Mosquitto broker = Mosquitto.start(directory);
        Running running = start(wallConnectorOnly(), fast(mqtt(broker.uri())))) {
      try (MqttRecorder recorder = MqttRecorder.subscribe(broker.uri())) {
        recorder.awaitLatest(PREFIX + "/garage/state", m -> true);
      }
      await()
          .atMost(WAIT)
          .until(running::metrics, text -> text.contains("home_energy_exporter_mqtt_connected 1"));

      broker.stop();

      String whileDown =
          await()
              .atMost(WAIT)
              .until(
                  running::metrics, text -> text.contains("home_energy_exporter_mqtt_connected 0"));
      assertThat(whileDown)
          .contains("home_energy_exporter_device_up{device=\"garage\",type=\"wallconnector\"} 1");

      broker.restart();

      try (MqttRecorder live = MqttRecorder.subscribe(broker.uri())) {
        live.awaitLatest(PREFIX + "/status", m -> m.payload().equals("online"));
        live.awaitLatest(PREFIX + "/garage/state", m -> true);
        live.awaitAny(m -> m.topic().startsWith("homeassistant/sensor/garage/"));
      }
      try (MqttRecorder late = MqttRecorder.subscribe(broker.uri())) {
        assertThat(late.awaitLatest(PREFIX + "/status", m -> true).retained()).isTrue();
        assertThat(late.awaitLatest(PREFIX + "/garage/state", m -> true).retained()).isTrue();
        late.awaitAny(
            m ->
                m.topic().startsWith("homeassistant/sensor/garage/")
                    && m.topic().endsWith("/config")
                    && m.retained());
      }
      assertThat(running.metrics())
          .contains("home_energy_exporter_mqtt_connected 1")
          .containsPattern(
              "home_energy_exporter_mqtt_publishes_total\\{result=\"published\"} [1-9]");
    }
  }

  @Test
  void aBrokerThatNeverAnswersHoldsUpNoPollAndNoScrape() throws Exception {
    try (java.net.ServerSocket silent =
            new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Running running =
            start(
                wallConnectorOnly(),
                mqtt(URI.create("tcp://127.0.0.1:" + silent.getLocalPort())))) {
      java.util.regex.Pattern polls =
          java.util.regex.Pattern.compile(
              "home_energy_exporter_device_polls_total\\{device=\"garage\",[^}]*} (\\S+)");
      java.util.function.ToDoubleFunction<String> pollsOf =
          text -> {
            java.util.regex.Matcher m = polls.matcher(text);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
          };
      double first =
          await().atMost(WAIT).until(() -> pollsOf.applyAsDouble(running.metrics()), n -> n >= 1);

      String later =
          await()
              .atMost(WAIT)
              .until(running::metrics, text -> pollsOf.applyAsDouble(text) >= first + 2);

      assertThat(later)
          .contains("home_energy_exporter_mqtt_connected 0")
          .contains("home_energy_exporter_device_up{device=\"garage\",type=\"wallconnector\"} 1");
    }
  }

  @Test
  void aDeviceNoLongerConfiguredIsWithdrawnFromHomeAssistant() throws Exception {
    dev.homeenergy.config.DeviceConfig garage =
        new dev.homeenergy.config.DeviceConfig(
            "garage",
            "wallconnector",
            URI.create("http://192.0.2.50:80"),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(50),
            dev.homeenergy.config.NamingStyle.NATIVE,
            java.util.Map.of());
    dev.homeenergy.core.Samples samples =
        dev.homeenergy.core.Samples.builder()
            .add(
                dev.homeenergy.core.MetricFamily.gauge(
                    "tesla_wall_connector_power_watts", "watts", "Charging power."),
                io.prometheus.metrics.model.snapshots.Labels.of("device", "garage"),
                7000)
            .build();
    String config = "homeassistant/sensor/garage/tesla_wall_connector_power_watts/config";
    try (Mosquitto broker = Mosquitto.start(directory);
        MqttRecorder recorder = MqttRecorder.subscribe(broker.uri());
        MqttOutput output =
            MqttOutput.start(
                fast(mqtt(broker.uri())), java.util.Map.of(), "test", Clock.systemUTC())) {
      output.changed(
          dev.homeenergy.polling.DeviceStatus.initial(garage)
              .succeeded(java.time.Instant.now(), Duration.ZERO, samples));
      recorder.awaitLatest(config, m -> m.payload().contains("\"device_class\":\"power\""));
      assertThat(
              json(recorder.awaitLatest(PREFIX + "/garage/state", m -> true).payload())
                  .get("tesla_wall_connector_power_watts")
                  .asDouble())
          .isEqualTo(7000);

      output.removed("garage");

      recorder.awaitLatest(config, m -> m.payload().isEmpty());
      recorder.awaitLatest(PREFIX + "/garage/state", m -> m.payload().isEmpty());
      recorder.awaitLatest(PREFIX + "/garage/availability", m -> m.payload().isEmpty());
      try (MqttRecorder late = MqttRecorder.subscribe(broker.uri())) {
        late.awaitLatest(PREFIX + "/status", m -> m.payload().equals("online"));
        assertThat(late.latest(config)).as("no retained discovery left").isEmpty();
        assertThat(late.latest(PREFIX + "/garage/state")).isEmpty();
      }
    }
  }

  @Test
  void refusedCredentialsAreLoggedClearlyWithoutThePasswordAndMetricsAreStillServed()
      throws Exception {
    String wrong = "wrong-s3cret-Pa55";
    try (Mosquitto broker = Mosquitto.withAccount(directory, "exporter", "right-Pa55");
        LogCapture log = LogCapture.start()) {
      MqttConfig refused =
          new MqttConfig(
              broker.uri(),
              "exporter",
              new Secret(wrong),
              "refused",
              null,
              PREFIX,
              true,
              1,
              Duration.ofSeconds(10),
              true,
              "homeassistant");
      try (Running running = start(wallConnectorOnly(), refused)) {
        await()
            .atMost(WAIT)
            .until(
                () -> String.join("\n", log.events()),
                text -> text.contains("refused the username or password"));
        String metrics =
            await()
                .atMost(WAIT)
                .until(
                    running::metrics,
                    text ->
                        text.contains(
                            "home_energy_exporter_device_up{device=\"garage\",type=\"wallconnector\"} 1"));
        assertThat(metrics).contains("home_energy_exporter_mqtt_connected 0");
      }
      assertThat(String.join("\n", log.events()) + log.stderr()).doesNotContain(wrong);

      MqttConfig accepted =
          new MqttConfig(
              broker.uri(),
              "exporter",
              new Secret("right-Pa55"),
              "accepted",
              null,
              PREFIX,
              true,
              1,
              Duration.ofSeconds(10),
              true,
              "homeassistant");
      try (MqttRecorder recorder = MqttRecorder.subscribe(broker.uri(), "exporter", "right-Pa55");
          Running running = start(wallConnectorOnly(), accepted)) {
        recorder.awaitLatest(PREFIX + "/garage/state", m -> true);
      }
    }
  }

  @Test
  void aTlsBrokerIsReachedWithTheConfiguredCa() throws Exception {
    Mosquitto.Tls tls = TestCertificates.write(directory);
    try (Mosquitto broker = Mosquitto.withTls(directory, tls);
        MqttRecorder recorder =
            MqttRecorder.subscribe(broker.uri(), BrokerTls.trusting(tls.caFile()))) {
      MqttConfig config =
          new MqttConfig(
              broker.uri(),
              null,
              null,
              "tls",
              tls.caFile(),
              PREFIX,
              true,
              1,
              Duration.ofSeconds(10),
              true,
              "homeassistant");
      try (Running running = start(wallConnectorOnly(), config)) {
        JsonNode state = json(recorder.awaitLatest(PREFIX + "/garage/state", m -> true).payload());
        assertThat(state.fieldNames()).toIterable().isNotEmpty();
        assertThat(running.metrics()).contains("home_energy_exporter_mqtt_connected 1");
      }
    }
  }
}
