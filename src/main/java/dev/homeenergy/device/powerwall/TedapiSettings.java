package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.DeviceAddress;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The TEDAPI keys of a Powerwall entry: whether to read the gateway's installer API, with which
 * password, where and how often, and with which set of signed queries.
 *
 * @param mode {@code off}, {@code auto} (on when a gateway password is set) or {@code on}
 * @param gatewayPassword the full password from the gateway's sticker, or null
 * @param address base URI of the TEDAPI host, {@code https://192.168.91.1:443} by default
 * @param interval how often TEDAPI is read (polls in between reuse the last answers)
 * @param querySet {@code auto}, {@code V2024_06} or {@code V2026_06}
 */
public record TedapiSettings(
    String mode, Secret gatewayPassword, URI address, Duration interval, String querySet) {
  public static final String OFF = "off";
  public static final String AUTO = "auto";
  public static final String ON = "on";
  public static final List<String> MODES = List.of(OFF, AUTO, ON);
  public static final List<String> QUERY_SETS =
      List.of(AUTO, TedapiQuerySet.V2024_06, TedapiQuerySet.V2026_06);
  public static final String DEFAULT_ADDRESS = "192.168.91.1";
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
  public static final Duration MINIMUM_INTERVAL = Duration.ofSeconds(10);

  /** How many characters at the end of the gateway password form the customer password. */
  static final int CUSTOMER_PASSWORD_LENGTH = 5;

  public TedapiSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(querySet, "querySet");
  }

  /** Whether TEDAPI is read: {@code on}, or {@code auto} with a gateway password. */
  public boolean enabled() {
    return mode.equals(ON) || (mode.equals(AUTO) && gatewayPassword != null);
  }

  /**
   * Reads the keys of a device entry.
   *
   * @throws IllegalArgumentException naming the key whose value is unusable
   */
  public static TedapiSettings from(DeviceConfig config) {
    Object password = config.extra().get("gateway_password");
    String address = (String) config.extra().getOrDefault("tedapi_address", DEFAULT_ADDRESS);
    URI uri;
    try {
      uri = DeviceAddress.parse(address, "https", 443);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tedapi_address: " + e.getMessage(), e);
    }
    return new TedapiSettings(
        (String) config.extra().getOrDefault("tedapi", AUTO),
        password instanceof Secret secret ? secret : null,
        uri,
        (Duration) config.extra().getOrDefault("tedapi_interval", DEFAULT_INTERVAL),
        (String) config.extra().getOrDefault("tedapi_query_set", AUTO));
  }

  /** The customer password the gateway derives from its full password: the last five characters. */
  static Secret customerPassword(Secret gatewayPassword) {
    String full = gatewayPassword.reveal();
    return new Secret(full.substring(Math.max(0, full.length() - CUSTOMER_PASSWORD_LENGTH)));
  }
}
