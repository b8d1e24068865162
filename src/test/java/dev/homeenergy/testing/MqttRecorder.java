package dev.homeenergy.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A test's MQTT client subscribed to every topic: it records each message with its retained flag,
 * so a test can wait for what the exporter published (or what the broker kept).
 */
public final class MqttRecorder implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** One received message. */
  public record Message(String topic, String payload, boolean retained) {}

  private final MqttClient client;
  private final List<Message> received = new CopyOnWriteArrayList<>();
  private final Map<String, Message> latest = new ConcurrentHashMap<>();

  private MqttRecorder(URI broker, SSLSocketFactory tls, String username, String password)
      throws MqttException {
    client =
        new MqttClient(broker.toString(), "recorder-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    if (tls != null) {
      options.setSocketFactory(tls);
    }
    if (username != null) {
      options.setUserName(username);
      options.setPassword(password.toCharArray());
    }
    client.connect(options);
    client.subscribe(
        "#",
        1,
        (topic, message) -> {
          Message m =
              new Message(
                  topic,
                  new String(message.getPayload(), StandardCharsets.UTF_8),
                  message.isRetained());
          received.add(m);
          latest.put(topic, m);
        });
  }

  public static MqttRecorder subscribe(URI broker) throws MqttException {
    return new MqttRecorder(broker, null, null, null);
  }

  /** A recorder logged in with an account. */
  public static MqttRecorder subscribe(URI broker, String username, String password)
      throws MqttException {
    return new MqttRecorder(broker, null, username, password);
  }

  public static MqttRecorder subscribe(URI broker, SSLSocketFactory tls) throws MqttException {
    return new MqttRecorder(broker, tls, null, null);
  }

  public List<Message> received() {
    return List.copyOf(received);
  }

  public Optional<Message> latest(String topic) {
    return Optional.ofNullable(latest.get(topic));
  }

  /** Waits for the latest message on {@code topic} to satisfy {@code condition}. */
  public Message awaitLatest(String topic, Predicate<Message> condition) {
    return org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> latest.get(topic), m -> m != null && condition.test(m));
  }

  /** Waits for any received message to satisfy {@code condition}. */
  public Message awaitAny(Predicate<Message> condition) {
    return org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> received.stream().filter(condition).findFirst(), Optional::isPresent)
        .get();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
