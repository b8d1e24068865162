package dev.homeenergy.output.mqtt;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.polling.DeviceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the MQTT output knows of one device between polls: its latest status, the discovery messages
 * and state it wants on the broker and what it last sent. Touched only by the output's thread.
 */
final class DeviceTrack {
  private final DeviceConfig config;
  private DeviceStatus latest;
  private Instant lastSuccessTaken;
  private final Map<String, String> discovery = new LinkedHashMap<>();
  private final Map<String, String> unsentDiscovery = new LinkedHashMap<>();
  private final Map<String, Instant> lastSeen = new HashMap<>();
  private final Map<String, Set<String>> options = new HashMap<>();
  private String state;
  private String sentState;
  private Instant stateSentAt;
  private String sentAvailability;

  DeviceTrack(DeviceConfig config) {
    this.config = config;
  }

  DeviceConfig config() {
    return config;
  }

  void latest(DeviceStatus status) {
    latest = status;
  }

  /** Whether {@code status} brings a successful poll not taken yet. */
  boolean newSuccess(DeviceStatus status) {
    Instant success = status.lastSuccess();
    if (success == null || success.equals(lastSuccessTaken)) {
      return false;
    }
    lastSuccessTaken = success;
    return true;
  }

  /** The view with each enum's options grown by the states seen before, so none is lost. */
  DeviceView withOptionsSeen(DeviceView view) {
    List<Entity> entities = new ArrayList<>();
    for (Entity entity : view.entities()) {
      if (entity.options().isEmpty()) {
        entities.add(entity);
        continue;
      }
      Set<String> seen = options.computeIfAbsent(entity.key(), k -> new TreeSet<>());
      seen.addAll(entity.options());
      entities.add(
          new Entity(
              entity.key(), entity.name(), entity.kind(), List.copyOf(seen), entity.device()));
    }
    return new DeviceView(view.devices(), entities, view.state());
  }

  /**
   * Takes the discovery messages of a new reading and returns those to publish, kept as unsent
   * until the broker takes them: each new or changed one, and an empty payload for each entity
   * missing from every reading for longer than the device's {@code stale_after}, which Home
   * Assistant takes as the entity's removal.
   */
  Map<String, String> offerDiscovery(Map<String, String> messages, Instant now) {
    Map<String, String> changed = new LinkedHashMap<>();
    messages.forEach(
        (topic, payload) -> {
          lastSeen.put(topic, now);
          if (!payload.equals(discovery.put(topic, payload))) {
            changed.put(topic, payload);
          }
        });
    Instant goneBefore = now.minus(latest.config().staleAfter());
    for (Iterator<String> topics = discovery.keySet().iterator(); topics.hasNext(); ) {
      String topic = topics.next();
      if (!messages.containsKey(topic) && lastSeen.get(topic).isBefore(goneBefore)) {
        topics.remove();
        lastSeen.remove(topic);
        changed.put(topic, "");
      }
    }
    unsentDiscovery.putAll(changed);
    return changed;
  }

  /** The discovery messages (an empty one removes an entity) not yet accepted by the broker. */
  Map<String, String> unsentDiscovery() {
    return new LinkedHashMap<>(unsentDiscovery);
  }

  /** The broker accepted {@code payload} on {@code topic}; a newer payload stays unsent. */
  void discoverySent(String topic, String payload) {
    unsentDiscovery.remove(topic, payload);
  }

  /**
   * The state with null for each entity still announced but missing from this reading, so that
   * every announced entity finds its key (and shows as unknown rather than failing its template).
   */
  Map<String, Object> withAnnouncedKeys(Map<String, Object> state) {
    Map<String, Object> out = new LinkedHashMap<>(state);
    for (String topic : discovery.keySet()) {
      String[] levels = topic.split("/");
      out.putIfAbsent(levels[levels.length - 2], null);
    }
    return out;
  }

  /** The discovery messages wanted on the broker now. */
  Map<String, String> discovery() {
    return Map.copyOf(discovery);
  }

  void offerState(String json) {
    state = json;
  }

  String state() {
    return state;
  }

  boolean stateUnsent() {
    return state != null && !state.equals(sentState);
  }

  /** Whether the state changed since it was last sent and {@code minInterval} has passed. */
  boolean stateDue(Instant now, Duration minInterval) {
    return stateUnsent() && (stateSentAt == null || !now.isBefore(stateSentAt.plus(minInterval)));
  }

  void stateSent(String json, Instant at) {
    sentState = json;
    stateSentAt = at;
  }

  /** Online while the last poll succeeded and its readings are younger than {@code stale_after}. */
  boolean available(Instant now) {
    return latest != null
        && latest.up()
        && latest.lastSuccess() != null
        && !now.isAfter(latest.lastSuccess().plus(latest.config().staleAfter()));
  }

  String sentAvailability() {
    return sentAvailability;
  }

  void sentAvailability(String availability) {
    sentAvailability = availability;
  }

  /** After a reconnect: the broker may have lost everything, so everything is sent again. */
  void forgetSent() {
    Map<String, String> removals = new LinkedHashMap<>();
    unsentDiscovery.forEach(
        (topic, payload) -> {
          if (payload.isEmpty()) {
            removals.put(topic, payload);
          }
        });
    unsentDiscovery.clear();
    unsentDiscovery.putAll(discovery);
    unsentDiscovery.putAll(removals);
    sentState = null;
    stateSentAt = null;
    sentAvailability = null;
  }
}
