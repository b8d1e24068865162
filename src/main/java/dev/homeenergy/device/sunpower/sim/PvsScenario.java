package dev.homeenergy.device.sunpower.sim;

import dev.homeenergy.simulator.CliNames;
import java.util.List;

/**
 * What the simulated PVS is: legacy or 2025 (locked) firmware, with or without a SunVault (ESS).
 */
public enum PvsScenario {
  /**
   * Firmware before the 2025 lock-down: {@code dl_cgi?Command=} answers, no {@code /auth} or {@code
   * /vars}.
   */
  LEGACY("legacy", false, false),
  /**
   * 2025 firmware: {@code dl_cgi?Command=} answers 403; {@code /auth} and {@code /vars} serve the
   * data.
   */
  LOCKED("locked", true, false),
  /** Like {@link #LEGACY}, with the ESS devices of a SunVault in the DeviceList. */
  STORAGE("storage", false, true),
  /**
   * Like {@link #LOCKED}, with {@code /sys/devices/ess/} and {@code transfer_switch/} variables.
   */
  STORAGE_LOCKED("storage-locked", true, true);

  private static final List<String> CLI_NAMES = CliNames.of(values(), PvsScenario::cliName);

  private final String cliName;
  private final boolean locked;
  private final boolean storage;

  PvsScenario(String cliName, boolean locked, boolean storage) {
    this.cliName = cliName;
    this.locked = locked;
    this.storage = storage;
  }

  public String cliName() {
    return cliName;
  }

  /** Whether this is the 2025 firmware (dl_cgi commands 403, varserver API). */
  public boolean locked() {
    return locked;
  }

  public boolean storage() {
    return storage;
  }

  /** All names in declaration order; the first is the default. */
  public static List<String> cliNames() {
    return CLI_NAMES;
  }

  /**
   * The scenario with this name.
   *
   * @throws IllegalArgumentException naming the valid names when {@code name} is unknown
   */
  public static PvsScenario fromCliName(String name) {
    return CliNames.parse(values(), PvsScenario::cliName, name, "SunPower", "scenario");
  }
}
