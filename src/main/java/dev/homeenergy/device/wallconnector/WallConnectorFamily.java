package dev.homeenergy.device.wallconnector;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.NamingStyle;
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
import java.util.Set;

/**
 * Tesla Wall Connector Gen 3 over its local, unauthenticated HTTP API ({@code /api/1/vitals},
 * {@code lifetime}, {@code wifi_status}, {@code version}).
 */
public final class WallConnectorFamily implements DeviceFamily {
  public static final String TYPE = "wallconnector";
  private static final DeviceTypeSpec SPEC = new DeviceTypeSpec(
      TYPE, "http", 80, Duration.ofSeconds(10), Duration.ofSeconds(5), Set.of(), Set.of());

  private final Naming<WallConnectorReading> nativeNaming = new NativeNaming();
  private final Naming<WallConnectorReading> compatNaming = new CompatNaming();

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "Tesla Wall Connector Gen 3";
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    return new WallConnectorClient(config, context);
  }

  @Override
  public Samples render(Reading reading, DeviceConfig config) {
    Naming<WallConnectorReading> naming = config.naming() == NamingStyle.COMPAT ? compatNaming : nativeNaming;
    return Samples.rendered(naming, (WallConnectorReading) reading, config.name());
  }

  @Override
  public List<String> scenarios() {
    return WallConnectorSimulator.scenarioNames();
  }

  @Override
  public List<String> faults() {
    return WallConnectorSimulator.faultNames();
  }

  @Override
  public Simulator simulate(SimulatorOptions options) throws IOException {
    return WallConnectorSimulator.start(options);
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(
        new DemoDevice("garage", "charging", NamingStyle.NATIVE, 30, Duration.ofSeconds(5)),
        new DemoDevice("carport", "flaky", NamingStyle.NATIVE, 1, Duration.ofSeconds(5)));
  }
}
