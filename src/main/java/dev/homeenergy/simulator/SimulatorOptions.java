package dev.homeenergy.simulator;

import java.time.Clock;
import java.util.Set;

/**
 * How to start a simulator.
 *
 * @param bindHost address to bind, normally {@code 127.0.0.1}
 * @param port port to bind, 0 for any free port
 * @param scenario one of the family's {@link DeviceFamily#scenarios()}
 * @param clock simulated time; a {@link ScaledClock} runs a scenario faster than real time
 * @param faults fault switches to turn on at start, from {@link DeviceFamily#faults()}
 */
public record SimulatorOptions(
    String bindHost, int port, String scenario, Clock clock, Set<String> faults) {

  public SimulatorOptions {
    faults = Set.copyOf(faults);
  }
}
