package dev.homeenergy.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * How to start a simulator.
 *
 * @param bindHost address to bind, normally {@code 127.0.0.1}
 * @param port port to bind, 0 for any free port
 * @param scenario one of the family's {@link FamilySimulator#scenarios()}
 * @param clock simulated time; a {@link ScaledClock} runs a scenario faster than real time
 * @param faults fault switches to turn on at start, from {@link FamilySimulator#faults()}
 * @param settings values of the family's {@link FamilySimulator#knobs()} by knob name; an absent
 *     knob keeps the simulator's default
 */
public record SimulatorOptions(
    String bindHost,
    int port,
    String scenario,
    Clock clock,
    Set<String> faults,
    Map<String, String> settings) {

  public SimulatorOptions {
    faults = Set.copyOf(faults);
    settings = Map.copyOf(settings);
  }

  /** Options leaving every knob at the simulator's default. */
  public SimulatorOptions(
      String bindHost, int port, String scenario, Clock clock, Set<String> faults) {
    this(bindHost, port, scenario, clock, faults, Map.of());
  }
}
