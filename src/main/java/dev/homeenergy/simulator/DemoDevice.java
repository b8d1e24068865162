package dev.homeenergy.simulator;

import dev.homeenergy.config.NamingStyle;
import java.time.Duration;
import java.util.Map;

/**
 * One simulated device the demo runs.
 *
 * @param name device name in the demo config
 * @param scenario simulator scenario
 * @param naming naming the demo exports it under
 * @param speed how much faster than real time the simulator's clock runs
 * @param interval polling interval in the demo
 * @param extra family-specific settings of the demo device (e.g. the simulator's password)
 */
public record DemoDevice(
    String name,
    String scenario,
    NamingStyle naming,
    double speed,
    Duration interval,
    Map<String, Object> extra) {

  public DemoDevice {
    extra = Map.copyOf(extra);
  }

  /** A demo device without family-specific settings. */
  public DemoDevice(
      String name, String scenario, NamingStyle naming, double speed, Duration interval) {
    this(name, scenario, naming, speed, interval, Map.of());
  }
}
