package dev.homeenergy.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the config layer needs to know about one device family to validate and default its entries,
 * without depending on the family's code. Built with {@link #builder(String)}.
 *
 * @param type the value of a device's {@code type:} key
 * @param defaultScheme scheme used when {@code address} is a bare host or host:port
 * @param defaultPort port used when {@code address} has none
 * @param defaultInterval polling interval when {@code interval} is absent
 * @param defaultTimeout per-poll timeout when {@code timeout} is absent
 * @param keys the family-specific keys a device entry may hold, typed
 * @param minimumInterval the shortest {@code interval} the device tolerates ({@link Duration#ZERO}
 *     for no limit)
 * @param minimumIntervalReason why, shown when a shorter interval is refused
 * @param defaultAddress base URL used when a device entry has no {@code address} (a cloud API), or
 *     null when {@code address} is required
 * @param addressKeys family keys that, when given, name what the device really talks to and so
 *     become its {@code address} (the first given wins): a URL key's value, or the alias URL of a
 *     {@link KeyType.OneOf} key's value; so the address shown everywhere is the one used
 */
public record DeviceTypeSpec(
    String type,
    String defaultScheme,
    int defaultPort,
    Duration defaultInterval,
    Duration defaultTimeout,
    List<FamilyKey> keys,
    Duration minimumInterval,
    String minimumIntervalReason,
    String defaultAddress,
    List<String> addressKeys) {

  public DeviceTypeSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultScheme, "defaultScheme");
    Objects.requireNonNull(defaultInterval, "defaultInterval");
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    Objects.requireNonNull(minimumInterval, "minimumInterval");
    keys = List.copyOf(keys);
    addressKeys = List.copyOf(addressKeys);
    Set<String> names = new LinkedHashSet<>();
    for (FamilyKey key : keys) {
      if (!names.add(key.name())) {
        throw new IllegalArgumentException(type + ": key " + key.name() + " declared twice");
      }
    }
    for (String name : addressKeys) {
      KeyType keyType =
          keys.stream()
              .filter(key -> key.name().equals(name))
              .findFirst()
              .map(FamilyKey::type)
              .orElseThrow(
                  () -> new IllegalArgumentException(type + ": address key " + name + " unknown"));
      if (!(keyType instanceof KeyType.Url || keyType instanceof KeyType.OneOf)) {
        throw new IllegalArgumentException(
            type + ": address key " + name + " must be a URL or a one-of key with URL aliases");
      }
    }
  }

  /** A spec for {@code type}: http on port 80, 10s interval and 5s timeout until set otherwise. */
  public static Builder builder(String type) {
    return new Builder(type);
  }

  /** The family key called {@code name}, if the family has one. */
  public Optional<FamilyKey> key(String name) {
    return keys.stream().filter(key -> key.name().equals(name)).findFirst();
  }

  /** Every key name a device entry of this type may hold besides the common ones. */
  public Set<String> keyNames() {
    Set<String> names = new LinkedHashSet<>();
    for (FamilyKey key : keys) {
      names.add(key.name());
      if (key.type() instanceof KeyType.SecretText) {
        names.add(key.name() + SecretResolver.FILE_SUFFIX);
      }
    }
    return names;
  }

  /** Collects a {@link DeviceTypeSpec}; every setting but the type has a default. */
  public static final class Builder {
    private final String type;
    private String scheme = "http";
    private int port = 80;
    private Duration interval = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(5);
    private final List<FamilyKey> keys = new ArrayList<>();
    private Duration minimumInterval = Duration.ZERO;
    private String minimumIntervalReason = "";
    private String defaultAddress;
    private final List<String> addressKeys = new ArrayList<>();

    private Builder(String type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    public Builder scheme(String defaultScheme) {
      this.scheme = defaultScheme;
      return this;
    }

    public Builder port(int defaultPort) {
      this.port = defaultPort;
      return this;
    }

    public Builder interval(Duration defaultInterval) {
      this.interval = defaultInterval;
      return this;
    }

    public Builder timeout(Duration defaultTimeout) {
      this.timeout = defaultTimeout;
      return this;
    }

    public Builder key(FamilyKey key) {
      keys.add(key);
      return this;
    }

    /** An optional key without a default. */
    public Builder key(String name, KeyType keyType) {
      return key(FamilyKey.optional(name, keyType));
    }

    /** Refuses intervals below {@code minimum}, giving {@code reason}. */
    public Builder minimumInterval(Duration minimum, String reason) {
      this.minimumInterval = minimum;
      this.minimumIntervalReason = reason;
      return this;
    }

    /** Makes {@code address} optional, defaulting to this base URL. */
    public Builder defaultAddress(String address) {
      this.defaultAddress = address;
      return this;
    }

    /**
     * Makes the given family keys, when present, set the device's address (see {@link
     * DeviceTypeSpec#addressKeys()}).
     */
    public Builder addressFrom(String... keyNames) {
      addressKeys.addAll(List.of(keyNames));
      return this;
    }

    public DeviceTypeSpec build() {
      return new DeviceTypeSpec(
          type,
          scheme,
          port,
          interval,
          timeout,
          keys,
          minimumInterval,
          minimumIntervalReason,
          defaultAddress,
          addressKeys);
    }
  }
}
