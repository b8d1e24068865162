package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.DemoDevice;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Reading;
import dev.homeenergy.core.Samples;
import dev.homeenergy.core.Simulator;
import dev.homeenergy.core.SimulatorOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  private final Naming<PowerwallReading> nativeNaming = new NativeNaming();
  private final Naming<PowerwallReading> compatNaming = new CompatNaming();

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
  public Samples render(Reading reading, DeviceConfig config) {
    Naming<PowerwallReading> naming = config.naming() == NamingStyle.COMPAT ? compatNaming : nativeNaming;
    return Samples.rendered(naming, (PowerwallReading) reading, config.name());
  }

  @Override
  public List<String> scenarios() {
    return PowerwallSimulator.scenarioNames();
  }

  @Override
  public List<String> faults() {
    return PowerwallSimulator.faultNames();
  }

  @Override
  public Simulator simulate(SimulatorOptions options) throws IOException {
    return PowerwallSimulator.start(options);
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(new DemoDevice("home-battery", "powerwall2", NamingStyle.NATIVE, 60, Duration.ofSeconds(5),
        Map.of("password", new Secret(PowerwallSimulator.DEFAULT_PASSWORD))));
  }
}
