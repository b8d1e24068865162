package dev.homeenergy.device.sunpower.sim;

import dev.homeenergy.simulator.CliNames;
import java.util.List;
import java.util.Locale;

/** Fault switches of the simulated PVS, each a failure users have reported. */
public enum PvsFault {
  /**
   * {@code GridProfileGet} answers {@code "Could not connect to mime."} (lost grid profile after a
   * power cycle).
   */
  GRID_PROFILE_ERROR,
  /** Every request answers HTTP 500, as when {@code dl_cgi} segfaults. */
  HTTP_500,
  /** {@code DeviceList} answers only after an extra, configurable real-time delay. */
  SLOW,
  /** Every fourth inverter is in {@code error}; half of those still carry values, half do not. */
  INVERTER_ERROR,
  /** The production meter is missing from the device list. */
  NO_PRODUCTION_METER,
  /**
   * The next {@code DeviceList} answers one 403, as old firmware sometimes does; the fault then
   * clears itself.
   */
  FORBIDDEN_ONCE,
  /**
   * Every {@code dl_cgi} command answers 403 while {@code /vars} is served, as after an update to
   * the 2025 firmware.
   */
  DL_CGI_FORBIDDEN;

  private static final List<String> CLI_NAMES = CliNames.of(values(), PvsFault::cliName);

  /** The lower-case name used on the command line and in {@code SimulatorOptions.faults()}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> cliNames() {
    return CLI_NAMES;
  }

  /**
   * The fault with this name.
   *
   * @throws IllegalArgumentException naming the valid names when {@code name} is unknown
   */
  public static PvsFault fromCliName(String name) {
    return CliNames.parse(values(), PvsFault::cliName, name, "SunPower", "fault");
  }
}
