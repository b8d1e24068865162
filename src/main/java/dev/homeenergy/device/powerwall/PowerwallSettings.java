package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The Powerwall-specific keys of a device entry, with the Go {@code powerwall_exporter}'s defaults.
 *
 * @param email free-text login label the gateway ignores
 * @param password the gateway's customer password, given or derived from {@code gateway_password}
 * @param tlsCertFile PEM certificate to pin, or null to accept the gateway's self-signed one
 * @param retryInterval while the gateway is unreachable, retry this often...
 * @param retryTimeout ...until this much time has passed within one poll (0: no retries)
 */
public record PowerwallSettings(
    String email,
    Secret password,
    Path tlsCertFile,
    Duration retryInterval,
    Duration retryTimeout) {
  public static final String DEFAULT_EMAIL = "powerwall_exporter@example.org";
  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_TIMEOUT = Duration.ZERO;
  static final String PASSWORD_HINT =
      "(give password, password_file or password: ${ENV_VAR}, or the gateway_password from the"
          + " gateway's sticker)";

  public PowerwallSettings {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(retryInterval, "retryInterval");
    Objects.requireNonNull(retryTimeout, "retryTimeout");
  }

  /**
   * Reads the settings of a validated device entry.
   *
   * @throws IllegalArgumentException naming the key when neither {@code password} nor {@code
   *     gateway_password} is set
   */
  public static PowerwallSettings from(DeviceConfig config) {
    Object password = config.extra().get("password");
    Object gatewayPassword = config.extra().get("gateway_password");
    Secret secret;
    if (password instanceof Secret given) {
      secret = given;
    } else if (gatewayPassword instanceof Secret full) {
      secret = TedapiSettings.customerPassword(full);
    } else {
      throw new IllegalArgumentException(
          "devices[" + config.name() + "].password: required for a powerwall " + PASSWORD_HINT);
    }
    Object email = config.extra().getOrDefault("email", DEFAULT_EMAIL);
    Object cert = config.extra().get("tls_cert_file");
    Object interval = config.extra().getOrDefault("retry_interval", DEFAULT_RETRY_INTERVAL);
    Object timeout = config.extra().getOrDefault("retry_timeout", DEFAULT_RETRY_TIMEOUT);
    return new PowerwallSettings(
        (String) email, secret, (Path) cert, (Duration) interval, (Duration) timeout);
  }
}
