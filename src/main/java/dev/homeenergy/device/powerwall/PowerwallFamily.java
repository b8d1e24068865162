package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.Namings;
import java.time.Duration;
import java.util.Set;

/**
 * Tesla Powerwall / Energy Gateway over its local HTTPS API: login with the customer password,
 * self-signed TLS (optionally pinned), one session reused across polls and restarts, endpoints
 * degrading one by one when the firmware lacks them.
 */
public final class PowerwallFamily implements DeviceFamily {
  public static final String TYPE = "powerwall";
  private static final DeviceTypeSpec SPEC = new DeviceTypeSpec(
      TYPE, "https", 443, Duration.ofSeconds(30), Duration.ofSeconds(10),
      Set.of("email", "password", "tls_cert_file", "retry_interval", "retry_timeout"),
      Set.of("password"),
      Set.of("retry_interval", "retry_timeout"));


  private static final Namings<PowerwallReading> NAMINGS = Namings.of(PowerwallReading.class,
      c -> new NativeNaming(), c -> new CompatNaming());

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "Tesla Powerwall / Energy Gateway";
  }

  @Override
  public void validate(DeviceConfig config) {
    PowerwallClient.validate(config);
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    return new PowerwallClient(config, context);
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
