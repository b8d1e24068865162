package dev.homeenergy.cli;

import dev.homeenergy.app.Demo;
import dev.homeenergy.app.Families;
import dev.homeenergy.app.Family;
import dev.homeenergy.config.Suggestions;
import dev.homeenergy.simulator.FamilySimulator;
import dev.homeenergy.simulator.ScaledClock;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorKnob;
import dev.homeenergy.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs simulated devices of one family, to try the exporter or a dashboard without hardware. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    sortOptions = false,
    modelTransformer = SimulateCommand.FamilyOptions.class,
    description = {
      "Runs one simulated device (or --count of them) serving its family's API, until Ctrl-C.",
      "Types: ${bundle:" + FamilyHelp.SIMULATOR_TYPES + "}.",
      "Example: home-energy-exporter simulate ${bundle:" + FamilyHelp.SIMULATE_EXAMPLE + "}"
    })
public final class SimulateCommand implements Callable<Integer> {
  private static final int MAX_COUNT = 1000;

  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "TYPE",
      description = "Device family to simulate, one of the types above.")
  String type;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "Port to serve on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description =
          "Scenario to play (default: the family's first). ${bundle:" + FamilyHelp.SCENARIOS + "}.")
  String scenario;

  @Option(
      names = "--speed",
      paramLabel = "FACTOR",
      defaultValue = "1",
      description = "How much faster than real time the device lives (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = "--start-time",
      paramLabel = "HH:MM",
      defaultValue = "08:00",
      description =
          "Site time (UTC-8, the simulated installations' solar time) the simulated day starts at, "
              + "as in the demo, so solar panels have sun at once; \"now\" keeps the wall clock "
              + "(default: ${DEFAULT-VALUE}).")
  String startTime;

  @Option(
      names = "--fault",
      paramLabel = "NAME",
      split = ",",
      description = "Fault switch to turn on, repeatable. ${bundle:" + FamilyHelp.FAULTS + "}.")
  List<String> faults = List.of();

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "How many devices to serve, each on its own port: --port, --port+1, ... (free ports "
              + "with --port 0); for benchmarks (default: ${DEFAULT-VALUE}, at most "
              + MAX_COUNT
              + ").")
  int count;

  public SimulateCommand(CliContext context) {
    this.context = context;
  }

  /**
   * Fills the families into the help and adds one {@code --<name>} option per family knob (e.g.
   * sunpower's {@code --inverters}), described as {@code <types> only: <description>}.
   */
  static final class FamilyOptions implements CommandLine.IModelTransformer {
    private final CliContext context;

    FamilyOptions(CliContext context) {
      this.context = context;
    }

    @Override
    public CommandSpec transform(CommandSpec spec) {
      new FamilyHelp(context).transform(spec);
      for (Map.Entry<String, List<Family>> knob : takers(context.families()).entrySet()) {
        SimulatorKnob first = knobOf(knob.getValue().get(0), knob.getKey());
        spec.addOption(
            OptionSpec.builder(flag(knob.getKey()))
                .paramLabel(first.paramLabel())
                .type(String.class)
                .description(types(knob.getValue()) + " only: " + first.description())
                .build());
      }
      spec.mixinStandardHelpOptions(false);
      spec.mixinStandardHelpOptions(true); // -h and -V after the knobs, as after every other option
      return spec;
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Families families = context.families();
    Optional<Family> found = families.byType(type);
    if (found.isEmpty()) {
      throw CommandException.config(
          "unknown device type \""
              + type
              + "\""
              + Suggestions.hint(type, families.types())
              + "; known types: "
              + String.join(", ", families.types()));
    }
    Family family = found.get();
    FamilySimulator simulation = family.simulator();
    String chosen = scenario == null ? simulation.scenarios().get(0) : scenario;
    if (!simulation.scenarios().contains(chosen)) {
      throw CommandException.config(
          "--scenario: unknown scenario \""
              + chosen
              + "\" for "
              + type
              + "; valid: "
              + String.join(", ", simulation.scenarios()));
    }
    Set<String> faultSet = new LinkedHashSet<>(faults);
    for (String fault : faultSet) {
      if (!simulation.faults().contains(fault)) {
        throw CommandException.config(
            "--fault: unknown fault \""
                + fault
                + "\" for "
                + type
                + "; valid: "
                + String.join(", ", simulation.faults()));
      }
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw CommandException.config("--speed must be a positive number, got " + speed);
    }
    if (count < 1 || count > MAX_COUNT) {
      throw CommandException.config("--count must be within 1.." + MAX_COUNT + ", got " + count);
    }
    Clock start = startClock();
    Map<String, String> settings = knobSettings(family, families);
    List<Simulator> simulators = new ArrayList<>();
    int bound = port;
    try {
      for (int i = 0; i < count; i++) {
        bound = port == 0 ? 0 : port + i;
        simulators.add(
            simulation.start(
                new SimulatorOptions(
                    bind, bound, chosen, new ScaledClock(start, speed), faultSet, settings)));
      }
    } catch (IOException e) {
      simulators.forEach(Simulator::close);
      throw CommandException.runtime(
          "cannot serve on " + bind + ":" + bound + ": " + e.getMessage());
    }
    try {
      for (Simulator simulator : simulators) {
        out.printf(
            "Simulated %s (scenario %s, %sx speed%s) at %s%n",
            family.displayName(),
            chosen,
            speed,
            faultSet.isEmpty() ? "" : ", faults " + String.join(",", faultSet),
            simulator.baseUri());
        for (String line : simulation.describe(simulator)) {
          out.println("  " + line);
        }
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
   * The clock the simulated day starts from: the context's, shifted to {@code --start-time}.
   *
   * @throws CommandException when {@code --start-time} is neither HH:MM nor {@code now}
   */
  private Clock startClock() {
    if (startTime.equalsIgnoreCase("now")) {
      return context.clock();
    }
    try {
      return Demo.startingAt(context.clock(), LocalTime.parse(startTime));
    } catch (DateTimeParseException e) {
      throw CommandException.config(
          "--start-time: must be HH:MM (site time) or now, got \"" + startTime + "\"");
    }
  }

  /**
   * The knob flags given, by knob name, each checked by the family.
   *
   * @throws CommandException when a knob is not the chosen family's or its value is refused
   */
  private Map<String, String> knobSettings(Family family, Families families) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, List<Family>> knob : takers(families).entrySet()) {
      String value = spec.findOption(flag(knob.getKey())).getValue();
      if (value == null) {
        continue;
      }
      if (!knob.getValue().contains(family)) {
        throw CommandException.config(
            flag(knob.getKey()) + " is for " + types(knob.getValue()) + " only");
      }
      try {
        knobOf(family, knob.getKey()).check().check(value);
      } catch (IllegalArgumentException e) {
        throw CommandException.config(flag(knob.getKey()) + ": " + e.getMessage());
      }
      settings.put(knob.getKey(), value);
    }
    return settings;
  }

  /** Every knob name of the families, with the families that take it, in family-list order. */
  private static Map<String, List<Family>> takers(Families families) {
    Map<String, List<Family>> takers = new LinkedHashMap<>();
    for (Family family : families.list()) {
      for (SimulatorKnob knob : family.simulator().knobs()) {
        takers.computeIfAbsent(knob.name(), k -> new ArrayList<>()).add(family);
      }
    }
    return takers;
  }

  private static SimulatorKnob knobOf(Family family, String name) {
    return family.simulator().knobs().stream()
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String types(List<Family> families) {
    return String.join(", ", families.stream().map(Family::type).toList());
  }

  private static String flag(String knobName) {
    return "--" + knobName;
  }
}
