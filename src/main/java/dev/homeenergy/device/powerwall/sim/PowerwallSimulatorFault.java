package dev.homeenergy.device.powerwall.sim;

import dev.homeenergy.simulator.CliNames;
import java.util.List;
import java.util.Locale;

/** Fault switches of the simulated gateway. */
public enum PowerwallSimulatorFault {
  /** Every data endpoint answers HTTP 500 (login still works). */
  HTTP_500,
  /** Every answer starts only after a configurable real-time delay. */
  SLOW,
  /**
   * {@code networks} answers HTTP 403 to every session, as a gateway does for an endpoint the
   * customer role may not read; the other endpoints and login are unaffected.
   */
  FORBIDDEN_NETWORKS,
  /** Every TEDAPI request answers 429, as a busy gateway does; {@code /api} is unaffected. */
  TEDAPI_429,
  /** Every TEDAPI request answers 503. */
  TEDAPI_503,
  /**
   * Every TEDAPI request answers 403 whatever the password, as firmware 25.10 and later do for
   * requests routed from the home LAN.
   */
  TEDAPI_FORBIDDEN,
  /**
   * Tesla rotated its signing keys: every signed TEDAPI query is rejected, while the DIN, config,
   * system info and {@code /api} keep answering.
   */
  ROTATED_KEYS,
  /**
   * The follower Powerwall 3's route answers with the leader's components (the leader's packs), as
   * a relay that mixed up its units would.
   */
  FOLLOWER_ANSWERS_LEADER;

  private static final List<String> CLI_NAMES =
      CliNames.of(values(), PowerwallSimulatorFault::cliName);

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
  public static PowerwallSimulatorFault fromCliName(String name) {
    return CliNames.parse(values(), PowerwallSimulatorFault::cliName, name, "Powerwall", "fault");
  }
}
