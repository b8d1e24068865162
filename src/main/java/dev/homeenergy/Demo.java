package dev.homeenergy;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.core.DemoDevice;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.ScaledClock;
import dev.homeenergy.core.Simulator;
import dev.homeenergy.core.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The embedded demo: simulators for every family's demo devices on loopback, and the config of an
 * exporter polling them. Starting the exporter is left to the caller so the demo serves through
 * exactly the same path as a real config.
 */
public final class Demo implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final List<Running> simulators;
  private final ExporterConfig config;

  /** A started simulator and the demo device it plays. */
  public record Running(DemoDevice device, DeviceFamily family, Simulator simulator) {}

  private Demo(List<Running> simulators, ExporterConfig config) {
    this.simulators = List.copyOf(simulators);
    this.config = config;
  }

  /** Starts one simulator per demo device of every family. */
  public static Demo start(List<DeviceFamily> families, WebConfig web, LogConfig log, Clock clock)
      throws IOException {
    List<Running> running = new ArrayList<>();
    List<DeviceConfig> devices = new ArrayList<>();
    Path scratch = Files.createTempDirectory("home-energy-exporter-demo");
    try {
      for (DeviceFamily family : families) {
        for (DemoDevice demo : family.demoDevices()) {
          Simulator simulator = family.simulate(new SimulatorOptions(
              LOOPBACK, 0, demo.scenario(), new ScaledClock(clock, demo.speed()), Set.of()));
          running.add(new Running(demo, family, simulator));
          Map<String, Object> extra = new HashMap<>(demo.extra());
          extra.putAll(family.demoSettings(simulator, scratch));
          devices.add(deviceConfig(family.spec(), demo, simulator, extra));
        }
      }
    } catch (IOException | RuntimeException e) {
      running.forEach(r -> r.simulator().close());
      throw e;
    }
    return new Demo(running, new ExporterConfig(web, log, devices, scratch));
  }

  private static DeviceConfig deviceConfig(
      DeviceTypeSpec spec, DemoDevice demo, Simulator simulator, Map<String, Object> extra) {
    Duration interval = demo.interval();
    Duration timeout = spec.defaultTimeout().compareTo(interval) < 0 ? spec.defaultTimeout() : interval;
    return new DeviceConfig(demo.name(), spec.type(), simulator.baseUri(), interval, timeout,
        interval.multipliedBy(5), demo.naming(), extra);
  }

  public ExporterConfig config() {
    return config;
  }

  public List<Running> simulators() {
    return simulators;
  }

  @Override
  public void close() {
    simulators.forEach(r -> r.simulator().close());
  }
}
