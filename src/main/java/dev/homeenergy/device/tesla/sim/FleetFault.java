package dev.homeenergy.device.tesla.sim;

import dev.homeenergy.simulator.CliNames;
import java.util.List;
import java.util.Locale;

/** Fault switches of the simulated Fleet API (the auth endpoints are never affected). */
public enum FleetFault {
  /**
   * Every {@code /api/1/} request answers 429 with {@code Retry-After} (billed, as status < 500).
   */
  RATE_LIMITED,
  /** Every {@code /api/1/} request answers 503 (not billed). */
  SERVER_ERROR,
  /**
   * The legacy Owner API: {@code GET /api/1/vehicles} answers 412 "Endpoint is only available on
   * fleetapi", so clients must list cars through {@code /api/1/products}.
   */
  OWNER_API,
  /**
   * {@code vehicle_data} answers 408 even for a car the list shows online (it just fell asleep).
   */
  ASLEEP_DATA;

  private static final List<String> CLI_NAMES = CliNames.of(values(), FleetFault::cliName);

  /** The lower-case name used on the command line and in {@code SimulatorOptions.faults()}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> cliNames() {
    return CLI_NAMES;
  }

  /**
   * @throws IllegalArgumentException naming the valid names when {@code name} is unknown
   */
  public static FleetFault fromCliName(String name) {
    return CliNames.parse(values(), FleetFault::cliName, name, "Tesla Fleet", "fault");
  }
}
