package dev.homeenergy.cli;

import dev.homeenergy.config.Durations;
import dev.homeenergy.app.Family;
import dev.homeenergy.simulator.FamilySimulator;
import dev.homeenergy.simulator.ScaledClock;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.device.sunpower.SunpowerFamily;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs simulated devices of one family, to try the exporter or a dashboard without hardware. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    sortOptions = false,
    description = {
      "Runs one simulated device (or --count of them) serving its family's API, until Ctrl-C.",
      "Types: wallconnector, powerwall (HTTPS, password simulated-password), sunpower, tesla (Fleet API and sign-in).",
      "Example: home-energy-exporter simulate wallconnector --port 8080 --scenario charging --speed 60"
    })
public final class SimulateCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TYPE", description = "Device family to simulate, e.g. wallconnector.")
  String type;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "Port to serve on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--scenario", paramLabel = "NAME",
      description = "Scenario to play (default: the family's first). wallconnector: idle, charging, flaky; "
          + "powerwall: powerwall2, powerwall3, sitemaster-stopped, grid-outage, flaky, fw23; "
          + "sunpower: legacy, locked, storage, storage-locked; tesla: daily, parked, offline_sleepers.")
  String scenario;

  @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1",
      description = "How much faster than real time the device lives (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--fault", paramLabel = "NAME", split = ",",
      description = "Fault switch to turn on, repeatable. wallconnector: nan, truncated, slow, http_500, garbage; "
          + "powerwall: http_500, slow; sunpower: grid_profile_error, http_500, slow, inverter_error, no_production_meter; "
          + "tesla: rate_limited, server_error, owner_api, asleep_data.")
  List<String> faults = List.of();

  @Option(names = "--count", paramLabel = "N", defaultValue = "1",
      description = "How many devices to serve, each on its own port: --port, --port+1, ... (free ports "
          + "with --port 0); for benchmarks (default: ${DEFAULT-VALUE}, at most " + MAX_COUNT + ").")
  int count;

  @Option(names = "--inverters", paramLabel = "N",
      description = "sunpower only: microinverters on the site, 1.." + SunpowerSimulatorSettings.MAX_INVERTERS
          + " (default: " + SunpowerSimulatorSettings.DEFAULT_INVERTERS + ").")
  Integer inverters;

  @Option(names = "--device-latency", paramLabel = "DURATION",
      description = "sunpower only: real time a DeviceList answer takes per listed device, e.g. 0s "
          + "(default: 200ms, as a real PVS).")
  String deviceLatency;

  private static final int MAX_COUNT = 1000;

  public SimulateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Family> found = context.families().byType(type);
    if (found.isEmpty()) {
      err.println("error: unknown device type \"" + type + "\"; known types: "
          + String.join(", ", context.families().types()));
      err.flush();
      return Serving.EXIT_CONFIG;
    }
    Family family = found.get();
    FamilySimulator simulation = family.simulator();
    String chosen = scenario == null ? simulation.scenarios().get(0) : scenario;
    if (!simulation.scenarios().contains(chosen)) {
      err.println("error: --scenario: unknown scenario \"" + chosen + "\" for " + type + "; valid: "
          + String.join(", ", simulation.scenarios()));
      err.flush();
      return Serving.EXIT_CONFIG;
    }
    Set<String> faultSet = new LinkedHashSet<>(faults);
    for (String fault : faultSet) {
      if (!simulation.faults().contains(fault)) {
        err.println("error: --fault: unknown fault \"" + fault + "\" for " + type + "; valid: "
            + String.join(", ", simulation.faults()));
        err.flush();
        return Serving.EXIT_CONFIG;
      }
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      err.println("error: --speed must be a positive number, got " + speed);
      err.flush();
      return Serving.EXIT_CONFIG;
    }
    if (count < 1 || count > MAX_COUNT) {
      err.println("error: --count must be within 1.." + MAX_COUNT + ", got " + count);
      err.flush();
      return Serving.EXIT_CONFIG;
    }
    SunpowerSimulatorSettings pvs;
    try {
      pvs = sunpowerSettings(family);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return Serving.EXIT_CONFIG;
    }
    List<Simulator> simulators = new ArrayList<>();
    int bound = port;
    try {
      for (int i = 0; i < count; i++) {
        bound = port == 0 ? 0 : port + i;
        SimulatorOptions options =
            new SimulatorOptions(bind, bound, chosen, new ScaledClock(context.clock(), speed), faultSet);
        simulators.add(pvs == null ? simulation.start(options) : SunpowerSimulator.start(options, pvs));
      }
    } catch (IOException e) {
      simulators.forEach(Simulator::close);
      err.println("error: cannot serve on " + bind + ":" + bound + ": " + e.getMessage());
      err.flush();
      return Serving.EXIT_RUNTIME;
    }
    try {
      for (Simulator simulator : simulators) {
        out.printf("Simulated %s (scenario %s, %sx speed%s) at %s%n", family.displayName(), chosen,
            speed, faultSet.isEmpty() ? "" : ", faults " + String.join(",", faultSet), simulator.baseUri());
      }
      out.println("Press Ctrl-C to stop.");
      out.flush();
      context.stop().await();
    } finally {
      simulators.forEach(Simulator::close);
      context.stop().stopped();
    }
    return Serving.EXIT_OK;
  }

  /**
   * The PVS settings that {@code --inverters} and {@code --device-latency} ask for, or null when
   * neither is given (the family's defaults).
   *
   * @throws IllegalArgumentException when one is given for another family or out of range
   */
  private SunpowerSimulatorSettings sunpowerSettings(Family family) {
    if (inverters == null && deviceLatency == null) {
      return null;
    }
    if (!family.type().equals(SunpowerFamily.TYPE)) {
      throw new IllegalArgumentException("--inverters and --device-latency are for sunpower only");
    }
    SunpowerSimulatorSettings settings = SunpowerSimulatorSettings.defaults();
    if (inverters != null) {
      settings = settings.withInverterCount(inverters);
    }
    if (deviceLatency != null) {
      settings = settings.withPerDeviceLatency(Durations.parse(deviceLatency));
    }
    return settings;
  }
}
