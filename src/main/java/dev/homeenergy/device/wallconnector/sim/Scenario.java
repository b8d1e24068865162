package dev.homeenergy.device.wallconnector.sim;

import dev.homeenergy.simulator.CliNames;
import java.util.List;
import java.util.Locale;

/** What the simulated Wall Connector does over (simulated) time. */
public enum Scenario {
  /** Unplugged forever with idle phantom readings and the last session's energy retained. */
  IDLE,
  /** A repeating plug-in, 40 A charge, stop and unplug cycle. */
  CHARGING,
  /** Like {@link #IDLE}, but the unit drops off the network for 30 s of every 120 s. */
  FLAKY;

  private static final List<String> CLI_NAMES = CliNames.of(values(), Scenario::cliName);

  /** The lower-case name used on the command line and in {@code SimulatorOptions.scenario()}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** All lower-case names in declaration order; the first is the default. */
  public static List<String> cliNames() {
    return CLI_NAMES;
  }

  /**
   * The scenario with this lower-case name.
   *
   * @throws IllegalArgumentException naming the valid names when {@code name} is unknown
   */
  public static Scenario fromCliName(String name) {
    return CliNames.parse(values(), Scenario::cliName, name, "Wall Connector", "scenario");
  }
}
