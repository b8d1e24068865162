package dev.homeenergy.config;

import java.time.Duration;
import java.util.Set;

/**
 * What the config layer needs to know about one device family to validate and default its
 * entries, without depending on the family's code.
 *
 * @param type the value of a device's {@code type:} key
 * @param defaultScheme scheme used when {@code address} is a bare host or host:port
 * @param defaultPort port used when {@code address} has none
 * @param defaultInterval polling interval when {@code interval} is absent
 * @param defaultTimeout per-poll timeout when {@code timeout} is absent
 * @param extraKeys family-specific keys allowed on a device entry
 * @param secretKeys keys among {@code extraKeys} holding secrets; each may also be given as
 *     {@code <key>_file} and is wrapped in {@link Secret}
 * @param durationKeys keys among {@code extraKeys} holding Go-style durations (zero allowed); their
 *     values are {@link Duration}s
 * @param minimumInterval the shortest {@code interval} the device tolerates ({@link Duration#ZERO}
 *     for no limit)
 * @param minimumIntervalReason why, shown when a shorter interval is refused
 * @param defaultAddress base URL used when a device entry has no {@code address} (a cloud API),
 *     or null when {@code address} is required
 */
public record DeviceTypeSpec(
    String type,
    String defaultScheme,
    int defaultPort,
    Duration defaultInterval,
    Duration defaultTimeout,
    Set<String> extraKeys,
    Set<String> secretKeys,
    Set<String> durationKeys,
    Duration minimumInterval,
    String minimumIntervalReason,
    String defaultAddress) {

  /** A spec whose devices must give their address. */
  public DeviceTypeSpec(
      String type,
      String defaultScheme,
      int defaultPort,
      Duration defaultInterval,
      Duration defaultTimeout,
      Set<String> extraKeys,
      Set<String> secretKeys,
      Set<String> durationKeys,
      Duration minimumInterval,
      String minimumIntervalReason) {
    this(type, defaultScheme, defaultPort, defaultInterval, defaultTimeout, extraKeys, secretKeys, durationKeys,
        minimumInterval, minimumIntervalReason, null);
  }

  public DeviceTypeSpec {
    extraKeys = Set.copyOf(extraKeys);
    secretKeys = Set.copyOf(secretKeys);
    durationKeys = Set.copyOf(durationKeys);
  }

  /** A spec without an interval floor. */
  public DeviceTypeSpec(
      String type,
      String defaultScheme,
      int defaultPort,
      Duration defaultInterval,
      Duration defaultTimeout,
      Set<String> extraKeys,
      Set<String> secretKeys,
      Set<String> durationKeys) {
    this(type, defaultScheme, defaultPort, defaultInterval, defaultTimeout, extraKeys, secretKeys, durationKeys,
        Duration.ZERO, "");
  }

  /** A spec without duration-typed family keys. */
  public DeviceTypeSpec(
      String type,
      String defaultScheme,
      int defaultPort,
      Duration defaultInterval,
      Duration defaultTimeout,
      Set<String> extraKeys,
      Set<String> secretKeys) {
    this(type, defaultScheme, defaultPort, defaultInterval, defaultTimeout, extraKeys, secretKeys, Set.of(),
        Duration.ZERO, "");
  }
}
