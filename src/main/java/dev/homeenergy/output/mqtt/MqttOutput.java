package dev.homeenergy.output.mqtt;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.MqttConfig;
import dev.homeenergy.polling.DeviceStatus;
import dev.homeenergy.polling.StatusListener;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every device's readings to an MQTT broker, with Home Assistant discovery: the MQTT
 * output of {@code outputs.mqtt}.
 *
 * <p>Pollers hand it each new status through {@link #changed}, which only queues it (a full queue
 * drops and counts it), so a broker that is down, slow or refusing never holds up a poll or a
 * scrape. One thread of its own connects (backing off between attempts), builds each device's
 * entities and state, and publishes: discovery when an entity appears or changes, an empty retained
 * payload when one has been gone for longer than its device's {@code stale_after}, the state JSON
 * when it changed (at most once per {@code min_interval}), and the availability from {@code up} and
 * staleness. At each connect it publishes {@code online} and everything current again, so a broker
 * that restarted without its retained messages gets them back.
 */
public final class MqttOutput implements StatusListener, AutoCloseable {
  static final int QUEUE_CAPACITY = 1000;
  static final Duration TICK = Duration.ofSeconds(1);
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration LAST_RETRY = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(MqttOutput.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

  private final MqttConfig config;
  private final Map<String, String> familyNames;
  private final Clock clock;
  private final Topics topics;
  private final Discovery discovery;
  private final MqttLink link;
  private final MqttMetrics metrics = new MqttMetrics();
  private final BlockingQueue<DeviceStatus> pending = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final BlockingQueue<String> removals = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread worker;
  private volatile boolean running = true;

  private final Map<String, DeviceTrack> tracks = new LinkedHashMap<>();
  private boolean wasConnected;
  private Instant nextAttempt = Instant.MIN;
  private Duration retry = FIRST_RETRY;
  private String lastFailure;

  private MqttOutput(
      MqttConfig config, Map<String, String> familyNames, String version, Clock clock) {
    this.config = config;
    this.familyNames = Map.copyOf(familyNames);
    this.clock = clock;
    this.topics = new Topics(config.topicPrefix(), config.discoveryPrefix());
    this.discovery = new Discovery(topics, version, config.qos());
    this.link = new MqttLink(config, topics);
    this.worker = new Thread(this::run, "mqtt-publisher");
    worker.setDaemon(true);
  }

  /**
   * Starts publishing; the first connection is attempted at once on the output's own thread.
   *
   * @param familyNames each device type's display name, the model of a device whose reading names
   *     none
   * @param version the exporter's version, for discovery's {@code origin}
   * @throws IllegalArgumentException when the broker address or the CA file cannot be used
   */
  public static MqttOutput start(
      MqttConfig config, Map<String, String> familyNames, String version, Clock clock) {
    MqttOutput output = new MqttOutput(config, familyNames, version, clock);
    output.worker.start();
    return output;
  }

  /** Queues a device's new status; never blocks. */
  @Override
  public void changed(DeviceStatus status) {
    if (running && !pending.offer(status)) {
      metrics.dropped();
    }
  }

  /**
   * Queues the withdrawal of a device no longer configured: an empty retained message on each of
   * its discovery topics (Home Assistant removes the entities) and on its state and availability
   * topics. Never blocks.
   */
  @Override
  public void removed(String deviceName) {
    if (running && !removals.offer(deviceName)) {
      metrics.dropped();
    }
  }

  /** {@code home_energy_exporter_mqtt_publishes_total} and {@code _mqtt_connected}. */
  public MultiCollector metrics() {
    return metrics.collector();
  }

  /**
   * Stops publishing, publishes {@code offline} on the status topic (a clean disconnect drops the
   * last will) and disconnects.
   */
  @Override
  public void close() {
    running = false;
    worker.interrupt();
    try {
      worker.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (link.connected()) {
      publish(topics.status(), MqttLink.OFFLINE, true);
    }
    link.close();
    metrics.connected(false);
  }

  private void run() {
    while (running) {
      try {
        keepConnected();
        DeviceStatus status = pending.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
        while (status != null && running) {
          take(status);
          status = pending.poll();
        }
        for (String gone = removals.poll(); gone != null && running; gone = removals.poll()) {
          withdraw(gone);
        }
        Instant now = clock.instant();
        tracks.values().forEach(track -> publishDue(track, now));
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("MQTT output: {}", e.toString());
      }
    }
  }

  private void keepConnected() throws InterruptedException {
    boolean connected = link.connected();
    if (wasConnected && !connected) {
      wasConnected = false;
      metrics.connected(false);
      Throwable cause = link.lostBecause();
      LOG.warn(
          "MQTT broker {}: connection lost ({}); reconnecting",
          config.broker(),
          cause == null ? "closed" : describe(cause));
      nextAttempt = Instant.MIN;
    }
    if (connected || clock.instant().isBefore(nextAttempt)) {
      return;
    }
    try {
      link.connect();
    } catch (MqttException e) {
      if (Thread.interrupted() || !running) {
        throw new InterruptedException();
      }
      String failure = describe(e);
      if (!failure.equals(lastFailure)) {
        LOG.warn(
            "MQTT broker {}: {}; retrying with back-off up to {}s (metrics are still served)",
            config.broker(),
            failure,
            LAST_RETRY.toSeconds());
        lastFailure = failure;
      } else {
        LOG.debug("MQTT broker {}: {}", config.broker(), failure);
      }
      nextAttempt = clock.instant().plus(retry);
      retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
      return;
    }
    wasConnected = true;
    lastFailure = null;
    retry = FIRST_RETRY;
    metrics.connected(true);
    LOG.info("MQTT broker {}: connected as {}", config.broker(), config.clientId());
    publish(topics.status(), MqttLink.ONLINE, true);
    Instant now = clock.instant();
    for (DeviceTrack track : tracks.values()) {
      track.forgetSent();
      publishDue(track, now);
    }
  }

  /** What a person needs to know of a failed connect, never a credential. */
  static String describe(Throwable failure) {
    if (failure instanceof MqttException e) {
      switch (e.getReasonCode()) {
        case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
          return "refused the username or password (bad user name or password)";
        case MqttException.REASON_CODE_NOT_AUTHORIZED:
          return "refused the username or password (not authorized)";
        case MqttException.REASON_CODE_INVALID_CLIENT_ID:
          return "refused the client_id";
        case MqttException.REASON_CODE_BROKER_UNAVAILABLE:
          return "is unavailable";
        case MqttException.REASON_CODE_CLIENT_TIMEOUT:
          return "did not answer in time";
        default:
          break;
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.net.ConnectException) {
      return "refused the connection";
    }
    if (root instanceof javax.net.ssl.SSLException
        || root instanceof java.security.cert.CertificateException) {
      return "TLS failed: " + root.getMessage();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  private void take(DeviceStatus status) {
    DeviceConfig device = status.config();
    DeviceTrack track = tracks.computeIfAbsent(device.name(), name -> new DeviceTrack(device));
    track.latest(status);
    if (track.newSuccess(status)) {
      DeviceView view =
          track.withOptionsSeen(
              DeviceView.of(
                  device.name(),
                  familyNames.getOrDefault(device.type(), device.type()),
                  status.samples().list(),
                  device.mqtt()));
      Instant now = clock.instant();
      if (config.discovery()) {
        track.offerDiscovery(discovery.messages(device.name(), view), now);
      }
      track.offerState(Discovery.text(track.withAnnouncedKeys(view.state())));
      if (!link.connected() && track.stateUnsent()) {
        metrics.dropped();
      }
    }
  }

  private void withdraw(String deviceName) {
    DeviceTrack track = tracks.remove(deviceName);
    if (track == null) {
      return;
    }
    track.discovery().keySet().forEach(topic -> publish(topic, "", true));
    publish(topics.state(deviceName), "", true);
    publish(topics.availability(deviceName), "", true);
  }

  private void publishDue(DeviceTrack track, Instant now) {
    if (!link.connected()) {
      return;
    }
    track
        .unsentDiscovery()
        .forEach(
            (topic, payload) -> {
              if (publish(topic, payload, true)) {
                track.discoverySent(topic, payload);
              }
            });
    String name = track.config().name();
    String availability = track.available(now) ? MqttLink.ONLINE : MqttLink.OFFLINE;
    if (!availability.equals(track.sentAvailability())
        && publish(topics.availability(name), availability, config.retain())) {
      track.sentAvailability(availability);
    }
    if (track.stateDue(now, config.minInterval())) {
      String state = track.state();
      if (publish(topics.state(name), state, config.retain())) {
        track.stateSent(state, now);
      }
    }
  }

  /** Publishes one message and counts the result; true when the broker took it. */
  private boolean publish(String topic, String payload, boolean retained) {
    if (!link.connected()) {
      metrics.dropped();
      return false;
    }
    try {
      link.publish(topic, payload, config.qos(), retained);
      metrics.published();
      return true;
    } catch (MqttException e) {
      metrics.failed();
      LOG.debug("MQTT publish to {} failed: {}", topic, describe(e));
      return false;
    }
  }
}
