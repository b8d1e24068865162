package dev.homeenergy.device.sunpower.sim;

import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.simulator.DemoDevice;
import dev.homeenergy.simulator.FamilySimulator;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The SunPower PVS simulator as the family list knows it: scenarios, faults, start, demo devices. */
public final class SunpowerFamilySimulator implements FamilySimulator {

  @Override
  public List<String> scenarios() {
    return SunpowerSimulator.scenarioNames();
  }

  @Override
  public List<String> faults() {
    return SunpowerSimulator.faultNames();
  }

  @Override
  public Simulator start(SimulatorOptions options) throws IOException {
    return SunpowerSimulator.start(options);
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(
        new DemoDevice("roof", "storage-locked", NamingStyle.NATIVE, 60, Duration.ofSeconds(10)),
        new DemoDevice("barn-roof", "storage", NamingStyle.NATIVE, 60, Duration.ofSeconds(10)));
  }
}
