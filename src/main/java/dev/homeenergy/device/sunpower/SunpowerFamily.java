package dev.homeenergy.device.sunpower;

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
 * SunPower PVS5 / PVS6 supervisors: the legacy {@code dl_cgi} DeviceList API, or the 2025
 * firmware's authenticated {@code /vars} API, detected automatically, mapped onto one set of metrics.
 */
public final class SunpowerFamily implements DeviceFamily {
  public static final String TYPE = "sunpower";
  /** Polling a PVS faster than this makes it slow down, leak and reboot (sunpower.md §4). */
  public static final Duration MINIMUM_INTERVAL = Duration.ofSeconds(30);
  private static final DeviceTypeSpec SPEC = new DeviceTypeSpec(
      TYPE, "http", 80, Duration.ofSeconds(120), Duration.ofSeconds(60),
      Set.of("use_tls", "api", "serial", "password", "use_device_data_timestamp"),
      Set.of("password"),
      Set.of(),
      MINIMUM_INTERVAL,
      "the PVS is known to slow down, leak memory and reboot when polled this often (120s is the usual safe choice)");

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "SunPower PVS5 / PVS6";
  }

  @Override
  public void validate(DeviceConfig config) {
    SunpowerSettings.from(config);
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    return new SunpowerClient(config, context);
  }

  @Override
  public Samples render(Reading reading, DeviceConfig config) {
    boolean deviceTimestamps = SunpowerSettings.from(config).useDeviceDataTimestamp();
    Naming<SunpowerReading> naming = config.naming() == NamingStyle.COMPAT
        ? new CompatNaming(deviceTimestamps) : new NativeNaming(deviceTimestamps);
    return Samples.rendered(naming, (SunpowerReading) reading, config.name());
  }

  @Override
  public List<String> scenarios() {
    return SunpowerSimulator.scenarioNames();
  }

  @Override
  public List<String> faults() {
    return SunpowerSimulator.faultNames();
  }

  @Override
  public Simulator simulate(SimulatorOptions options) throws IOException {
    return SunpowerSimulator.start(options);
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(
        new DemoDevice("roof", "storage-locked", NamingStyle.NATIVE, 60, Duration.ofSeconds(10)),
        new DemoDevice("barn-roof", "storage", NamingStyle.NATIVE, 60, Duration.ofSeconds(10)));
  }
}
