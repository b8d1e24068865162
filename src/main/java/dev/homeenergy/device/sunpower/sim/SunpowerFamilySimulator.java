package dev.homeenergy.device.sunpower.sim;

import dev.homeenergy.config.Durations;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.simulator.DemoDevice;
import dev.homeenergy.simulator.FamilySimulator;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorKnob;
import dev.homeenergy.simulator.SimulatorOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The SunPower PVS simulator as the family list knows it: scenarios, faults, start, demo devices,
 * and the benchmarks' two knobs, {@code inverters} and {@code device-latency}.
 */
public final class SunpowerFamilySimulator implements FamilySimulator {
  static final String INVERTERS = "inverters";
  static final String DEVICE_LATENCY = "device-latency";

  @Override
  public List<String> scenarios() {
    return SunpowerSimulator.scenarioNames();
  }

  @Override
  public List<String> faults() {
    return SunpowerSimulator.faultNames();
  }

  @Override
  public List<SimulatorKnob> knobs() {
    return List.of(
        new SimulatorKnob(
            INVERTERS,
            "N",
            "microinverters on the site, 1.."
                + SunpowerSimulatorSettings.MAX_INVERTERS
                + " (default: "
                + SunpowerSimulatorSettings.DEFAULT_INVERTERS
                + ").",
            value -> settings(Map.of(INVERTERS, value))),
        new SimulatorKnob(
            DEVICE_LATENCY,
            "DURATION",
            "real time a DeviceList answer takes per listed device, e.g. 0s (default: 200ms, as a real PVS).",
            value -> settings(Map.of(DEVICE_LATENCY, value))));
  }

  @Override
  public Simulator start(SimulatorOptions options) throws IOException {
    return SunpowerSimulator.start(options, settings(options.settings()));
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(
        new DemoDevice("roof", "storage-locked", NamingStyle.NATIVE, 60, Duration.ofSeconds(10)),
        new DemoDevice("barn-roof", "storage", NamingStyle.NATIVE, 60, Duration.ofSeconds(10)));
  }

  /**
   * The default settings with the knobs that are given.
   *
   * @throws IllegalArgumentException when a knob's value is out of range or unreadable
   */
  static SunpowerSimulatorSettings settings(Map<String, String> knobs) {
    SunpowerSimulatorSettings settings = SunpowerSimulatorSettings.defaults();
    String inverters = knobs.get(INVERTERS);
    if (inverters != null) {
      settings = settings.withInverterCount(inverterCount(inverters));
    }
    String latency = knobs.get(DEVICE_LATENCY);
    if (latency != null) {
      settings = settings.withPerDeviceLatency(Durations.parse(latency));
    }
    return settings;
  }

  private static int inverterCount(String value) {
    int max = SunpowerSimulatorSettings.MAX_INVERTERS;
    try {
      int count = Integer.parseInt(value.strip());
      if (count >= 1 && count <= max) {
        return count;
      }
    } catch (NumberFormatException notANumber) {
      // refused below with the range
    }
    throw new IllegalArgumentException(
        "must be a number within 1.." + max + ", got \"" + value + "\"");
  }
}
