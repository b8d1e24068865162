package dev.homeenergy.device.tesla.sim;

import dev.homeenergy.simulator.CliNames;
import java.util.List;
import java.util.Locale;

/**
 * Scenarios of the simulated Fleet API: how the cars spend their (UTC) day and how sleep is
 * reported.
 */
public enum FleetScenario {
  /**
   * Default: cars drive in the morning and evening, charge in the evening, sleep when left alone.
   */
  DAILY(true, false),
  /** Cars stay parked and unplugged all day; they only sleep and wake. */
  PARKED(false, false),
  /**
   * Like {@code daily}, but sleeping cars report {@code offline} as firmware 2024.8–2024.14 did.
   */
  OFFLINE_SLEEPERS(true, true);

  private static final List<String> CLI_NAMES = CliNames.of(values(), FleetScenario::cliName);

  private final boolean drives;
  private final boolean sleepReportedOffline;

  FleetScenario(boolean drives, boolean sleepReportedOffline) {
    this.drives = drives;
    this.sleepReportedOffline = sleepReportedOffline;
  }

  /** Whether the cars follow the driving and charging day; otherwise they stay parked. */
  public boolean drives() {
    return drives;
  }

  /** Whether a sleeping car's {@code state} reads {@code offline} instead of {@code asleep}. */
  public boolean sleepReportedOffline() {
    return sleepReportedOffline;
  }

  /** The lower-case name used on the command line and in {@code SimulatorOptions.scenario()}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Scenario names, the default ({@code daily}) first. */
  public static List<String> cliNames() {
    return CLI_NAMES;
  }

  /**
   * @throws IllegalArgumentException naming the valid names when {@code name} is unknown
   */
  public static FleetScenario fromCliName(String name) {
    return CliNames.parse(values(), FleetScenario::cliName, name, "Tesla Fleet", "scenario");
  }
}
