package dev.homeenergy.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code outputs.mqtt} block: where and how the exporter publishes each device's readings, and
 * whether it announces them to Home Assistant through MQTT discovery.
 *
 * @param broker {@code tcp://host:port} or {@code ssl://host:port}, the port always filled in
 * @param username the broker account, or null to connect without one
 * @param password the account's password, or null
 * @param clientId the MQTT client identifier; two exporters on one broker need different ones
 * @param tlsCaFile the PEM file of the CA that signed the broker's certificate, or null for the
 *     JDK's trusted CAs (only with {@code ssl://})
 * @param topicPrefix the first level of every state, availability and status topic
 * @param retain whether state and availability messages are retained
 * @param qos the MQTT quality of service of every publish, 0 to 2
 * @param minInterval at most one state publish per device per this long
 * @param discovery whether Home Assistant discovery messages are published
 * @param discoveryPrefix Home Assistant's discovery prefix
 */
public record MqttConfig(
    URI broker,
    String username,
    Secret password,
    String clientId,
    Path tlsCaFile,
    String topicPrefix,
    boolean retain,
    int qos,
    Duration minInterval,
    boolean discovery,
    String discoveryPrefix) {
  public static final String DEFAULT_CLIENT_ID = "home-energy-exporter";
  public static final String DEFAULT_TOPIC_PREFIX = "home-energy";
  public static final boolean DEFAULT_RETAIN = true;
  public static final int DEFAULT_QOS = 1;
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(10);
  public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
  static final int TCP_PORT = 1883;
  static final int SSL_PORT = 8883;

  /** Every default applied to a broker address already checked by {@link #checkBroker}. */
  public static MqttConfig withDefaults(URI broker) {
    return new MqttConfig(
        broker,
        null,
        null,
        DEFAULT_CLIENT_ID,
        null,
        DEFAULT_TOPIC_PREFIX,
        DEFAULT_RETAIN,
        DEFAULT_QOS,
        DEFAULT_MIN_INTERVAL,
        true,
        DEFAULT_DISCOVERY_PREFIX);
  }

  public Optional<String> usernameIfAny() {
    return Optional.ofNullable(username);
  }

  public boolean tls() {
    return "ssl".equals(broker.getScheme());
  }

  /**
   * A broker address as given in the config, with the port filled in.
   *
   * @throws IllegalArgumentException naming what is wrong, never repeating the text (it could hold
   *     a password)
   */
  public static URI checkBroker(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "is not an address; expected tcp://host:1883 or ssl://host:8883");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("tcp") || scheme.equals("ssl"))) {
      throw new IllegalArgumentException(
          "must start with tcp:// or ssl://, e.g. tcp://192.168.1.10:1883");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "must not hold credentials; give them as username and password");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("names no host; expected " + scheme + "://host:port");
    }
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("must be only " + scheme + "://host:port, without a path");
    }
    int port = uri.getPort() == -1 ? (scheme.equals("tcp") ? TCP_PORT : SSL_PORT) : uri.getPort();
    return URI.create(scheme + "://" + uri.getHost() + ":" + port);
  }

  /** A topic level prefix: not empty, no wildcard, no leading or trailing slash. */
  static String checkTopicPrefix(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    if (text.contains("+") || text.contains("#") || text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("must not hold the MQTT wildcards + or #");
    }
    if (text.startsWith("/") || text.endsWith("/")) {
      throw new IllegalArgumentException("must not start or end with /");
    }
    return text;
  }
}
