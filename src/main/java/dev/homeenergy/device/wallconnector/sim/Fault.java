package dev.homeenergy.device.wallconnector.sim;

import dev.homeenergy.simulator.CliNames;
import java.util.List;
import java.util.Locale;

/**
 * Fault switches of the simulated Wall Connector, each reproducing a failure seen on real units or
 * reported by their users, so clients can be tested against them.
 */
public enum Fault {
  /** Lifetime carries the bare token {@code "avg_startup_temp":nan}, which is not JSON. */
  NAN,
  /** Every JSON body loses its final {@code }}, as users saw while charging. */
  TRUNCATED,
  /** Every answer starts only after a configurable real-time delay. */
  SLOW,
  /** Every endpoint answers HTTP 500 with a short text body. */
  HTTP_500,
  /** Every endpoint answers 200 with an HTML page, like a captive portal. */
  GARBAGE;

  private static final List<String> CLI_NAMES = CliNames.of(values(), Fault::cliName);

  /** The lower-case name used on the command line and in {@code SimulatorOptions.faults()}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** All lower-case names in declaration order. */
  public static List<String> cliNames() {
    return CLI_NAMES;
  }

  /**
   * The fault with this lower-case name.
   *
   * @throws IllegalArgumentException naming the valid names when {@code name} is unknown
   */
  public static Fault fromCliName(String name) {
    return CliNames.parse(values(), Fault::cliName, name, "Wall Connector", "fault");
  }
}
