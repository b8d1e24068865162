package dev.homeenergy.output.mqtt;

import dev.homeenergy.config.MetricFilter;
import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Sample;
import io.prometheus.metrics.model.snapshots.Label;
import io.prometheus.metrics.model.snapshots.Labels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Home Assistant sees of one configured device after a poll: its devices, its entities and the
 * state JSON's values, built from the samples' names, types, units and labels alone.
 *
 * <p>A sample belongs to a device inside the configured one when it carries one of {@link
 * #KEY_LABELS} (a PVS's inverters and meters by {@code device_id}, a Powerwall's packs and meters
 * by {@code serial}, cars by {@code vin}, energy sites by {@code site_id}); a keyed device whose
 * metrics are named {@code *_supervisor_*} is the configured device itself (the PVS). An entity's
 * key is the family's name with the values of its identifying labels, sorted by label name, so it
 * survives restarts and label order; descriptive labels (model, firmware, names) of a keyed sample
 * do not identify it, so a firmware update keeps the entity.
 *
 * @param devices the configured device first, then the devices inside it
 * @param entities the entities, in the order of the samples
 * @param state each entity's key to its value: a number, {@code ON}/{@code OFF}, a state text, an
 *     ISO 8601 instant, or null for a value the device did not measure
 */
record DeviceView(List<PhysicalDevice> devices, List<Entity> entities, Map<String, Object> state) {
  static final List<String> KEY_LABELS = List.of("device_id", "serial", "vin", "site_id");
  private static final List<String> MODEL_LABELS = List.of("model", "part_number", "partno");
  private static final List<String> SERIAL_LABELS =
      List.of("serial_number", "serial", "vin", "device_id");
  private static final List<String> FIRMWARE_LABELS =
      List.of("firmware_version", "software_version", "car_version", "version");
  private static final List<String> NAME_LABELS = List.of("name", "site_name", "description");
  private static final Set<String> DESCRIPTIVE =
      Set.of(
          "model",
          "part_number",
          "partno",
          "firmware_version",
          "software_version",
          "car_version",
          "version",
          "git_hash",
          "name",
          "site_name",
          "description",
          "type",
          "ct_rated_current",
          "mode",
          "port",
          "module_id");
  private static final Set<String> NEVER_IDENTIFYING = Set.of("device", "reason");
  private static final String ID_PREFIX = "hee_";
  private static final int DECIMALS = 6;

  DeviceView {
    devices = List.copyOf(devices);
    entities = List.copyOf(entities);
    state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
  }

  /**
   * The view of one reading.
   *
   * @param deviceName the configured device's name
   * @param familyName the family's display name, the configured device's model when its reading
   *     names none
   * @param samples the samples of the device's last successful poll
   * @param filter which metrics to publish
   */
  static DeviceView of(
      String deviceName, String familyName, List<Sample> samples, MetricFilter filter) {
    String mainId = ID_PREFIX + slug(deviceName);
    Set<String> mainKeys = supervisorKeys(samples);
    Map<String, DeviceFacts> facts = new LinkedHashMap<>();
    DeviceFacts main = new DeviceFacts(mainId, deviceName, null);
    facts.put(mainId, main);
    for (Sample sample : samples) {
      Optional<Label> key = physicalKey(sample.labels());
      DeviceFacts device =
          key.isEmpty() || mainKeys.contains(key.get().getValue())
              ? main
              : facts.computeIfAbsent(
                  mainId + "_" + slug(key.get().getValue()),
                  id -> new DeviceFacts(id, null, key.get().getValue()));
      device.learn(sample.labels());
      if (sample.family().type() != MetricFamily.Type.INFO && allowed(sample.family(), filter)) {
        device.families.add(HomeAssistantClass.baseName(sample.family()));
      }
    }

    Map<String, Entity> entities = new LinkedHashMap<>();
    Map<String, Object> state = new LinkedHashMap<>();
    Map<String, Set<String>> options = new LinkedHashMap<>();
    Map<String, PhysicalDevice> built = new LinkedHashMap<>();
    facts.values().forEach(f -> built.put(f.id, f.build(mainId, deviceName, familyName)));
    Set<String> hasStateLabel = familiesWithStateLabel(samples);
    for (Sample sample : samples) {
      MetricFamily family = sample.family();
      if (!allowed(family, filter)) {
        continue;
      }
      Optional<HomeAssistantClass> kind =
          HomeAssistantClass.of(family, hasStateLabel.contains(family.name()));
      if (kind.isEmpty()) {
        continue;
      }
      Optional<Label> physical = physicalKey(sample.labels());
      DeviceFacts owner =
          physical.isEmpty() || mainKeys.contains(physical.get().getValue())
              ? main
              : facts.get(mainId + "_" + slug(physical.get().getValue()));
      boolean keyed = physical.isPresent();
      boolean isEnum = kind.get().value() == HomeAssistantClass.ValueKind.ENUM;
      List<String> identity = identityValues(sample.labels(), keyed, isEnum);
      String key = key(HomeAssistantClass.keyName(family), identity);
      if (isEnum) {
        String stateText = sample.labels().get(HomeAssistantClass.STATE_LABEL);
        options.computeIfAbsent(key, k -> new TreeSet<>()).add(stateText);
        if (sample.value() != 0 && state.get(key) == null) {
          state.put(key, stateText);
        } else {
          state.putIfAbsent(key, null);
        }
      } else if (!entities.containsKey(key)) {
        state.put(key, value(kind.get(), sample.value() * HomeAssistantClass.scale(family)));
      }
      if (!entities.containsKey(key)) {
        String name = name(family, owner.families, identity, physical);
        entities.put(key, new Entity(key, name, kind.get(), List.of(), built.get(owner.id)));
      }
    }
    fillSingleEnumStates(state, options);
    List<Entity> withOptions = new ArrayList<>();
    for (Entity entity : entities.values()) {
      withOptions.add(
          new Entity(
              entity.key(),
              entity.name(),
              entity.kind(),
              List.copyOf(options.getOrDefault(entity.key(), Set.of())),
              entity.device()));
    }
    Set<String> used = new LinkedHashSet<>();
    used.add(mainId);
    withOptions.forEach(e -> used.add(e.device().id()));
    List<PhysicalDevice> devices =
        built.values().stream().filter(d -> used.contains(d.id())).toList();
    return new DeviceView(devices, withOptions, state);
  }

  /** The Home Assistant id of a configured device. */
  static String deviceId(String deviceName) {
    return ID_PREFIX + slug(deviceName);
  }

  /** Lower-case letters, digits and single underscores: safe in topics, ids and JSON keys. */
  static String slug(String text) {
    String slug =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return slug.isEmpty() ? "_" : slug;
  }

  private static boolean allowed(MetricFamily family, MetricFilter filter) {
    String exposed =
        switch (family.type()) {
          case COUNTER -> family.name() + "_total";
          case INFO -> family.name() + "_info";
          case GAUGE -> family.name();
        };
    return filter.allows(family.name(), exposed);
  }

  /**
   * An enum whose series all read 0 has no current state, except a family of one series carrying
   * its code as value (0 included) and its name as label: then the label is the state.
   */
  private static void fillSingleEnumStates(
      Map<String, Object> state, Map<String, Set<String>> options) {
    for (Map.Entry<String, Set<String>> entry : options.entrySet()) {
      if (state.get(entry.getKey()) == null && entry.getValue().size() == 1) {
        state.put(entry.getKey(), entry.getValue().iterator().next());
      }
    }
  }

  private static Set<String> supervisorKeys(List<Sample> samples) {
    Set<String> keys = new LinkedHashSet<>();
    for (Sample sample : samples) {
      if (sample.family().name().contains("_supervisor_")) {
        physicalKey(sample.labels()).ifPresent(label -> keys.add(label.getValue()));
      }
    }
    return keys;
  }

  private static Set<String> familiesWithStateLabel(List<Sample> samples) {
    Set<String> names = new TreeSet<>();
    for (Sample sample : samples) {
      if (sample.labels().get(HomeAssistantClass.STATE_LABEL) != null) {
        names.add(sample.family().name());
      }
    }
    return names;
  }

  private static Optional<Label> physicalKey(Labels labels) {
    for (String name : KEY_LABELS) {
      String value = labels.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(new Label(name, value));
      }
    }
    return Optional.empty();
  }

  private static List<String> identityValues(Labels labels, boolean keyed, boolean isEnum) {
    Map<String, String> sorted = new TreeMap<>();
    for (Label label : labels) {
      String name = label.getName();
      if (NEVER_IDENTIFYING.contains(name)
          || (isEnum && name.equals(HomeAssistantClass.STATE_LABEL))
          || (keyed && DESCRIPTIVE.contains(name))
          || label.getValue().isBlank()) {
        continue;
      }
      sorted.put(name, label.getValue());
    }
    return List.copyOf(sorted.values());
  }

  private static String key(String keyName, List<String> identity) {
    StringBuilder key = new StringBuilder(keyName);
    identity.forEach(value -> key.append('_').append(slug(value)));
    return key.toString();
  }

  /**
   * The family's name without its unit and without the words every entity of its device shares (the
   * family's prefix), then its identifying label values except the device's own key.
   */
  private static String name(
      MetricFamily family, Set<String> deviceFamilies, List<String> identity, Optional<Label> key) {
    String base = HomeAssistantClass.baseName(family);
    String[] words = base.split("_");
    int shared = sharedWords(deviceFamilies);
    int from = Math.min(shared, words.length - 1);
    List<String> parts = new ArrayList<>(List.of(words).subList(from, words.length));
    HomeAssistantClass.quantity(family)
        .filter(
            quantity -> !List.of(words).contains(quantity.substring(quantity.lastIndexOf(' ') + 1)))
        .ifPresent(parts::add);
    for (String value : identity) {
      if (key.isEmpty() || !key.get().getValue().equals(value)) {
        parts.add(value);
      }
    }
    String name = String.join(" ", parts);
    return name.isEmpty() ? base : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static int sharedWords(Set<String> names) {
    List<String[]> split = names.stream().map(n -> n.split("_")).toList();
    if (split.isEmpty()) {
      return 0;
    }
    int shared = 0;
    while (true) {
      int at = shared;
      String word = at < split.get(0).length ? split.get(0)[at] : null;
      if (word == null || !split.stream().allMatch(w -> at < w.length && w[at].equals(word))) {
        return shared;
      }
      shared++;
    }
  }

  private static Object value(HomeAssistantClass kind, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return switch (kind.value()) {
      case ON_OFF -> value != 0 ? "ON" : "OFF";
      case TIMESTAMP -> Instant.ofEpochMilli(Math.round(value * 1000)).toString();
      case ENUM -> null;
      case NUMBER -> {
        BigDecimal rounded =
            BigDecimal.valueOf(value)
                .setScale(DECIMALS, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        yield rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
      }
    };
  }

  /** What the samples tell about one Home Assistant device while the view is built. */
  private static final class DeviceFacts {
    final String id;
    final String key;
    final Set<String> families = new LinkedHashSet<>();
    String name;
    String model;
    String serial;
    String firmware;

    DeviceFacts(String id, String name, String key) {
      this.id = id;
      this.name = name;
      this.key = key;
    }

    void learn(Labels labels) {
      if (key != null && name == null) {
        name = first(labels, NAME_LABELS);
      }
      model = model != null ? model : first(labels, MODEL_LABELS);
      firmware = firmware != null ? firmware : first(labels, FIRMWARE_LABELS);
      serial = serial != null ? serial : first(labels, SERIAL_LABELS);
    }

    PhysicalDevice build(String mainId, String deviceName, String familyName) {
      if (key == null) {
        return new PhysicalDevice(
            id, deviceName, model != null ? model : familyName, serial, firmware, null);
      }
      return new PhysicalDevice(
          id, name != null ? name : deviceName + " " + key, model, key, firmware, mainId);
    }

    private static String first(Labels labels, List<String> names) {
      for (String name : names) {
        String value = labels.get(name);
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
      return null;
    }
  }
}
