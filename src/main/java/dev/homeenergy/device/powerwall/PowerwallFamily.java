package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.FamilyKey;
import dev.homeenergy.config.FamilyProblems;
import dev.homeenergy.config.KeyType;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.Namings;
import java.time.Duration;

/**
 * Tesla Powerwall / Energy Gateway over its local HTTPS API: login with the customer password,
 * self-signed TLS (optionally pinned), one session reused across polls and restarts, endpoints
 * degrading one by one when the firmware lacks them; with the gateway password also its installer
 * API (TEDAPI), the only source of per-string, per-pack and alert data on a Powerwall 3.
 */
public final class PowerwallFamily implements DeviceFamily {
  public static final String TYPE = "powerwall";
  private static final DeviceTypeSpec SPEC =
      DeviceTypeSpec.builder(TYPE)
          .scheme("https")
          .port(443)
          .interval(Duration.ofSeconds(30))
          .timeout(Duration.ofSeconds(10))
          .defaultAddress("https://" + TedapiSettings.DEFAULT_ADDRESS)
          .key(
              FamilyKey.requiredUnless(
                  "password",
                  KeyType.secret(),
                  "give password, password_file or password: ${ENV_VAR}, or the gateway_password"
                      + " from the gateway's sticker",
                  "gateway_password"))
          .key("gateway_password", KeyType.secret())
          .key(FamilyKey.withDefault("tedapi", oneOf(TedapiSettings.MODES), TedapiSettings.AUTO))
          .key(
              FamilyKey.withDefault(
                  "tedapi_address", KeyType.text(), TedapiSettings.DEFAULT_ADDRESS))
          .key(
              FamilyKey.withDefault(
                  "tedapi_interval",
                  KeyType.duration(TedapiSettings.MINIMUM_INTERVAL),
                  TedapiSettings.DEFAULT_INTERVAL))
          .key(
              FamilyKey.withDefault(
                  "tedapi_query_set", oneOf(TedapiSettings.QUERY_SETS), TedapiSettings.AUTO))
          .key(FamilyKey.withDefault("email", KeyType.text(), PowerwallSettings.DEFAULT_EMAIL))
          .key("tls_cert_file", KeyType.readableFile())
          .key(
              FamilyKey.withDefault(
                  "retry_interval", KeyType.duration(), PowerwallSettings.DEFAULT_RETRY_INTERVAL))
          .key(
              FamilyKey.withDefault(
                  "retry_timeout", KeyType.duration(), PowerwallSettings.DEFAULT_RETRY_TIMEOUT))
          .minimumInterval(
              Duration.ofSeconds(5),
              "each poll reads several gateway endpoints; polling faster only loads the gateway"
                  + " (check the unit: 10ms is not 10s)")
          .build();

  private static final Namings<PowerwallReading> NAMINGS =
      Namings.of(PowerwallReading.class, c -> new NativeNaming(), c -> new CompatNaming());

  private static KeyType oneOf(java.util.List<String> values) {
    return KeyType.oneOf(values.toArray(String[]::new));
  }

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "Tesla Powerwall / Energy Gateway";
  }

  @Override
  public void validate(DeviceConfig config, FamilyProblems problems) {
    PowerwallClient.validate(config, problems);
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    return new PowerwallClient(config, context);
  }

  @Override
  public DeviceDoctor doctor(DeviceConfig config, DeviceContext context) {
    return new PowerwallDoctor(config, context);
  }

  @Override
  public Duration pollDeadline(DeviceConfig config) {
    return PowerwallClient.pollDeadline(config);
  }

  @Override
  public Namings<PowerwallReading> namings() {
    return NAMINGS;
  }
}
