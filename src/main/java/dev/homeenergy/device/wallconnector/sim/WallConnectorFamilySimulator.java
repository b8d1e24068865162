package dev.homeenergy.device.wallconnector.sim;

import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.simulator.DemoDevice;
import dev.homeenergy.simulator.FamilySimulator;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The Wall Connector simulator as the family list knows it: scenarios, faults, start, demo devices.
 */
public final class WallConnectorFamilySimulator implements FamilySimulator {

  @Override
  public List<String> scenarios() {
    return WallConnectorSimulator.scenarioNames();
  }

  @Override
  public List<String> faults() {
    return WallConnectorSimulator.faultNames();
  }

  @Override
  public Simulator start(SimulatorOptions options) throws IOException {
    return WallConnectorSimulator.start(options);
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(
        new DemoDevice("garage", "charging", NamingStyle.NATIVE, 30, Duration.ofSeconds(5)),
        new DemoDevice("carport", "flaky", NamingStyle.NATIVE, 1, Duration.ofSeconds(5)));
  }
}
