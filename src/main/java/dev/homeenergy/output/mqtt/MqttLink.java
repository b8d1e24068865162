package dev.homeenergy.output.mqtt;

import dev.homeenergy.config.MqttConfig;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The connection to the broker through Eclipse Paho: connects with the account, the TLS settings
 * and the retained last will ({@code offline} on the status topic), publishes, and says whether it
 * is connected. Used by the publisher's one thread, and by the closing thread once that has ended.
 */
final class MqttLink implements AutoCloseable {
  static final String ONLINE = "online";
  static final String OFFLINE = "offline";
  private static final int CONNECT_TIMEOUT_SECONDS = 10;
  private static final int KEEP_ALIVE_SECONDS = 30;
  private static final long OPERATION_TIMEOUT_MILLIS = 10_000;

  private final MqttClient client;
  private final MqttConnectOptions options;
  private volatile Throwable lost;

  MqttLink(MqttConfig config, Topics topics) {
    try {
      client =
          new MqttClient(config.broker().toString(), config.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot use MQTT broker " + config.broker(), e);
    }
    client.setTimeToWait(OPERATION_TIMEOUT_MILLIS);
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {
            lost = cause;
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {}

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
    options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setWill(topics.status(), OFFLINE.getBytes(StandardCharsets.UTF_8), config.qos(), true);
    if (config.username() != null) {
      options.setUserName(config.username());
    }
    if (config.password() != null) {
      options.setPassword(config.password().reveal().toCharArray());
    }
    if (config.tls() && config.tlsCaFile() != null) {
      options.setSocketFactory(BrokerTls.trusting(config.tlsCaFile()));
    }
    options.setHttpsHostnameVerificationEnabled(true);
  }

  /** Connects, blocking for at most the connect timeout. */
  void connect() throws MqttException {
    lost = null;
    client.connect(options);
  }

  boolean connected() {
    return client.isConnected();
  }

  /** Why the last connection broke, or null. */
  Throwable lostBecause() {
    return lost;
  }

  /** Publishes and waits for the broker to accept it (QoS 1 and 2), within the timeout. */
  void publish(String topic, String payload, int qos, boolean retained) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
  }

  /** Disconnects politely; the broker then drops the last will. */
  void disconnect() {
    try {
      if (client.isConnected()) {
        client.disconnect(OPERATION_TIMEOUT_MILLIS);
      }
    } catch (MqttException e) {
      try {
        client.disconnectForcibly(0, OPERATION_TIMEOUT_MILLIS);
      } catch (MqttException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public void close() {
    disconnect();
    try {
      client.close(true);
    } catch (MqttException ignored) {
      // nothing more to release
    }
  }
}
