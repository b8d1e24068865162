package dev.homeenergy.app;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.simulator.DemoDevice;
import dev.homeenergy.simulator.ScaledClock;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.simulator.SiteTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded demo: simulators for every family's demo devices on loopback, and the config of an
 * exporter polling them. Starting the exporter is left to the caller so the demo serves through
 * exactly the same path as a real config.
 *
 * <p>The simulated day starts at {@link #DAY_STARTS} site time whatever the wall clock says, so the
 * solar panels of a demo opened at night have sun at once (and a test of it passes at any hour).
 */
public final class Demo implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  /** Site time of the simulated solar installations: the models' solar time, UTC-8. */
  public static final ZoneOffset SITE_TIME = SiteTime.OFFSET;

  /** Site time at which the simulated day starts. */
  public static final LocalTime DAY_STARTS = LocalTime.of(8, 0);

  private final List<Running> simulators;
  private final ExporterConfig config;

  /** A started simulator and the demo device it plays. */
  public record Running(DemoDevice device, Family family, Simulator simulator) {}

  private Demo(List<Running> simulators, ExporterConfig config) {
    this.simulators = List.copyOf(simulators);
    this.config = config;
  }

  /** Starts one simulator per demo device of every family. */
  public static Demo start(Families families, WebConfig web, LogConfig log, Clock clock)
      throws IOException {
    List<Running> running = new ArrayList<>();
    List<DeviceConfig> devices = new ArrayList<>();
    Path scratch = Files.createTempDirectory("home-energy-exporter-demo");
    Clock simulated = startingInTheMorning(clock);
    try {
      for (Family family : families.list()) {
        for (DemoDevice demo : family.simulator().demoDevices()) {
          Simulator simulator =
              family
                  .simulator()
                  .start(
                      new SimulatorOptions(
                          LOOPBACK,
                          0,
                          demo.scenario(),
                          new ScaledClock(simulated, demo.speed()),
                          Set.of()));
          running.add(new Running(demo, family, simulator));
          Map<String, Object> extra = new HashMap<>(demo.extra());
          extra.putAll(family.simulator().demoSettings(simulator, scratch));
          devices.add(deviceConfig(family.device().spec(), demo, simulator, extra));
        }
      }
    } catch (IOException | RuntimeException e) {
      running.forEach(r -> r.simulator().close());
      throw e;
    }
    return new Demo(running, new ExporterConfig(web, log, devices, scratch));
  }

  /**
   * The clock shifted by less than half a day so that it reads {@link #DAY_STARTS} site time now:
   * the nearest morning, forward or back.
   */
  static Clock startingInTheMorning(Clock clock) {
    return startingAt(clock, DAY_STARTS);
  }

  /**
   * The clock shifted by less than half a day so that it reads {@code siteTime} ({@link
   * #SITE_TIME}) now: the nearest such moment, forward or back. {@code simulate} starts its day
   * with it as the demo does.
   */
  public static Clock startingAt(Clock clock, LocalTime siteTime) {
    long now = clock.instant().atOffset(SITE_TIME).toLocalTime().toSecondOfDay();
    long shift = Math.floorMod(siteTime.toSecondOfDay() - now + 43_200, 86_400) - 43_200;
    return Clock.offset(clock, Duration.ofSeconds(shift));
  }

  private static DeviceConfig deviceConfig(
      DeviceTypeSpec spec, DemoDevice demo, Simulator simulator, Map<String, Object> extra) {
    Duration interval = demo.interval();
    Duration timeout =
        spec.defaultTimeout().compareTo(interval) < 0 ? spec.defaultTimeout() : interval;
    return new DeviceConfig(
        demo.name(),
        spec.type(),
        simulator.baseUri(),
        interval,
        timeout,
        interval.multipliedBy(5),
        demo.naming(),
        extra);
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
