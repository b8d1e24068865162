package dev.homeenergy.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One validated {@code devices:} entry with every default applied.
 *
 * @param name unique name, exported as the {@code device} label
 * @param type the family's type name
 * @param address base URI of the device, e.g. {@code http://192.168.1.50:80}
 * @param interval time between the starts of two polls while the device answers
 * @param timeout hard deadline of one poll, all requests included
 * @param staleAfter readings older than this are no longer exported (default 5 × interval)
 * @param naming metric naming of the device's readings
 * @param extra family-specific settings ({@link DeviceTypeSpec#keys()}), typed by their {@link
 *     KeyType} (String, Secret, Boolean, Duration, Long, Double, URI, List of String, Path), with
 *     the family's defaults filled in when loaded from a file
 * @param mqtt which of the device's metrics the MQTT output publishes ({@code mqtt:})
 */
public record DeviceConfig(
    String name,
    String type,
    URI address,
    Duration interval,
    Duration timeout,
    Duration staleAfter,
    NamingStyle naming,
    Map<String, Object> extra,
    MetricFilter mqtt) {

  /** {@code stale_after} defaults to this many intervals. */
  public static final int DEFAULT_STALE_AFTER_INTERVALS = 5;

  public DeviceConfig {
    extra = Map.copyOf(extra);
    java.util.Objects.requireNonNull(mqtt, "mqtt");
  }

  /** A device whose every metric an output publishes. */
  public DeviceConfig(
      String name,
      String type,
      URI address,
      Duration interval,
      Duration timeout,
      Duration staleAfter,
      NamingStyle naming,
      Map<String, Object> extra) {
    this(name, type, address, interval, timeout, staleAfter, naming, extra, MetricFilter.ALL);
  }

  /**
   * A device with the family's default interval and timeout and the default stale_after, for
   * callers that build devices without a config file. Does no validation.
   */
  public static DeviceConfig withDefaults(
      String name,
      DeviceTypeSpec spec,
      URI address,
      NamingStyle naming,
      Map<String, Object> extra) {
    return new DeviceConfig(
        name,
        spec.type(),
        address,
        spec.defaultInterval(),
        spec.defaultTimeout(),
        spec.defaultInterval().multipliedBy(DEFAULT_STALE_AFTER_INTERVALS),
        naming,
        extra);
  }

  /**
   * A true/false family key, {@code fallback} when absent.
   *
   * @throws IllegalArgumentException naming the key when it holds anything but a Boolean (only a
   *     device built without the config loader can)
   */
  public boolean flag(String key, boolean fallback) {
    Object value = extra.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean bool)) {
      throw new IllegalArgumentException(
          "devices[" + name + "]." + key + ": must be true or false (unquoted)");
    }
    return bool;
  }

  public DeviceConfig withNaming(NamingStyle newNaming) {
    return new DeviceConfig(
        name, type, address, interval, timeout, staleAfter, newNaming, extra, mqtt);
  }
}
