package dev.homeenergy.device.sixth.sim;

import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.simulator.DemoDevice;
import dev.homeenergy.simulator.FamilySimulator;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The sixth plug's simulator as the family list knows it: scenarios, faults, start, demo devices.
 */
public final class SixthFamilySimulator implements FamilySimulator {

  @Override
  public List<String> scenarios() {
    return List.of(SixthSimulator.STEADY, SixthSimulator.OFF);
  }

  @Override
  public List<String> faults() {
    return List.of(SixthSimulator.HTTP_500);
  }

  @Override
  public Simulator start(SimulatorOptions options) throws IOException {
    return new SixthSimulator(options);
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(
        new DemoDevice(
            "sixth-plug", SixthSimulator.STEADY, NamingStyle.NATIVE, 60, Duration.ofSeconds(5)));
  }
}
